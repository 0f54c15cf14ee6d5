import type { Check } from '../types';
import { columnName, rowName, tableName } from './names';

export const tableCellEmpty: Check = {
  meta: {
    id: 'table.cell-empty',
    title: { 'zh-CN': '单元格为空', en: 'Cell empty' },
    description: {
      'zh-CN': '格式要求填写数字的单元格为空，且没有任何关系能确定它的值（例如表一的单元格，或表二中整行没有数字）。总计能确定的空格（如各组织列为空而总计等于自然人）不报告。',
      en: 'A cell that the format requires is blank and no relation decides its value (a table 1 cell, or a table 2 row without any number). Blanks that a total decides (organisation columns left empty while 总计 equals 自然人) are not reported.',
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    for (const table of Object.values(ctx.report.tables)) {
      if (!table || table.def.id === 'review') continue;
      for (const row of table.rows) {
        if (row.unread) continue;
        const args = { table: tableName(table.def.id, ctx.lang), row: rowName(table, row.def) };
        if (row.cells.every((c) => c.value === null)) {
          ctx.emit({
            span: row.label?.span ?? row.span,
            message: ctx.t({ 'zh-CN': '{table}「{row}」行没有填写数字', en: '{table}: the row "{row}" has no numbers' }, args),
          });
          continue;
        }
        if (table.def.id !== 'proactive') continue;
        row.cells.forEach((cell, i) => {
          if (cell.value !== null) return;
          ctx.emit({
            span: cell.span ?? row.span,
            message: ctx.t({ 'zh-CN': '{table}「{row}」行的「{column}」为空', en: '{table}: {column} of the row "{row}" is blank' }, { ...args, column: columnName(table, i, ctx.lang, row.block) }),
          });
        });
      }
    }
  },
};
