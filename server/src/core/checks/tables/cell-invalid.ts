import type { Check } from '../types';
import { cellName, tableName } from './names';

export const tableCellInvalid: Check = {
  meta: {
    id: 'table.cell-invalid',
    title: { 'zh-CN': '单元格数值无效', en: 'Invalid cell' },
    description: {
      'zh-CN': '单元格的值不是格式允许的数：应填数字处填了文字，或件数为负数、小数（表一的“本年增/减”可带正负号，收费和采购金额可为小数）。',
      en: 'A cell holds a value the format does not allow there: text where a number belongs, or a negative or fractional count (table 1 allows signed changes, 本年增/减, and decimal amounts).',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    for (const table of Object.values(ctx.report.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        row.cells.forEach((cell, column) => {
          if (!cell.invalid || !cell.span) return;
          const name = table.def.id === 'requests' || table.def.id === 'review' ? cellName({ table, row, column }, ctx.lang) : `${tableName(table.def.id, ctx.lang)}「${row.def.label}」`;
          ctx.emit({
            span: cell.span,
            message: ctx.t(
              cell.invalid === 'negative'
                ? { 'zh-CN': '{cell}为 {value}：件数不能为负数', en: '{cell} is {value}: a count cannot be negative' }
                : cell.invalid === 'tooLarge'
                  ? { 'zh-CN': '{cell}为 {value}：数值过大，不是可能的件数或金额（疑为数字连写）', en: '{cell} is {value}: too large for a count or an amount (digits run together?)' }
                : cell.invalid === 'fraction'
                  ? { 'zh-CN': '{cell}为 {value}：件数必须是整数', en: '{cell} is {value}: a count must be a whole number' }
                  : { 'zh-CN': '{cell}为「{value}」：此处应填写数字', en: '{cell} is "{value}": a number belongs here' },
              { cell: name, value: ctx.report.text.slice(cell.span.start, cell.span.end) },
            ),
          });
        });
      }
    }
  },
};
