import type { Check } from '../types';
import { rowName, tableName } from './names';

export const tableMissingRow: Check = {
  meta: {
    id: 'table.missing-row',
    title: { 'zh-CN': '表格缺少行', en: 'Table row missing' },
    description: {
      'zh-CN': '统计表在，但缺少格式规定的某一行（例如表二缺少“4.保护第三方合法权益”）。',
      en: 'A statistical table is there but lacks a row that the format prescribes (for example 4.保护第三方合法权益 in table 2).',
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
      for (const def of table.missing) {
        // Point at the row that stands where the missing one should be.
        const after = table.rows.find((r) => order.indexOf(r.def.id) > order.indexOf(def.id));
        const at = after ?? table.rows[table.rows.length - 1];
        ctx.emit({
          span: at?.label?.span ?? at?.span ?? table.span,
          message: ctx.t({ 'zh-CN': '{table}缺少「{row}」行', en: '{table} lacks the row "{row}"' }, { table: tableName(table.def.id, ctx.lang), row: rowName(table, def) }),
        });
      }
    }
  },
};
