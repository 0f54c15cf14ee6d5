import type { Check } from '../types';
import { rowName, tableName } from './names';

export const tableMissingRow: Check = {
  meta: {
    id: 'table.missing-row',
    title: { 'zh-CN': '表格缺少行', en: 'Table row missing' },
    description: {
      'zh-CN': '统计表在，但缺少格式规定的某一行（例如表二缺少“4.保护第三方合法权益”）。表二、表三的行参与勾稽核算，缺行为错误；表一各行互不核算（无规章制定权的部门常删去“规章”行），缺行为警告。表中大部分行都未识别时，不逐行报告，而是对整张表给出一条警告：那多半是版式未能读取，而不是缺行。',
      en: 'A statistical table is there but lacks a row that the format prescribes (for example 4.保护第三方合法权益 in table 2). A row of tables 2 and 3 takes part in their sums: its absence is an error; the rows of table 1 stand alone (a department that makes no rules often drops 规章): a warning. When most of its rows are not recognised, one warning is given for the table instead: more likely a layout that could not be read than rows left out.',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    const { format, evidence, forced } = ctx.report.format;
    // Table 1's rows differ between the formats: where the evidence disagrees (report.format says so),
    // which rows it must have is not certain.
    const formatsDisagree = !forced && evidence.some((e) => e.format !== format);
    for (const table of Object.values(ctx.report.tables)) {
      if (!table || (formatsDisagree && table.def.id === 'proactive')) continue;
      const order = table.rowDefs.map((r) => r.id);
      const read = table.rows.filter((r) => !r.unread).length;
      if (table.missing.length && table.missing.length > read) {
        // Most of the table is not there as the format has it: more likely a layout not read than rows left out.
        ctx.emit({
          span: table.span,
          severity: 'warning',
          message: ctx.t(
            { 'zh-CN': '{table}只识别出 {read} 行，另有 {missing} 行未能识别：表格的版式未能可靠读取，请核对表格', en: '{table}: only {read} rows were recognised and {missing} were not; the layout could not be read reliably, please check the table' },
            { table: tableName(table.def.id, ctx.lang), read, missing: table.missing.length },
          ),
        });
        continue;
      }
      for (const def of table.missing) {
        // Point at the row that stands where the missing one should be.
        const after = table.rows.find((r) => order.indexOf(r.def.id) > order.indexOf(def.id));
        const at = after ?? table.rows[table.rows.length - 1];
        ctx.emit({
          span: at?.label?.span ?? at?.span ?? table.span,
          // No sum of table 1 depends on a row: the table still checks without it.
          severity: table.def.id === 'proactive' ? 'warning' : undefined,
          message: ctx.t({ 'zh-CN': '{table}缺少「{row}」行', en: '{table} lacks the row "{row}"' }, { table: tableName(table.def.id, ctx.lang), row: rowName(table, def) }),
        });
      }
    }
  },
};
