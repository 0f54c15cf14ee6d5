import type { Check } from '../types';
import { reportRelations, terms } from './relation-finding';
import { rowName } from './names';

export const tableRowTotal: Check = {
  meta: {
    id: 'table.row-total',
    title: { 'zh-CN': '行总计错误', en: 'Row total wrong' },
    description: {
      'zh-CN': '表二每一行的“总计”必须等于自然人与五类法人或其他组织之和。总计为空而各项不全为零也会报告。',
      en: "In table 2, each row's 总计 must equal the sum of its six applicant cells (自然人 and the five kinds of 法人或其他组织). A blank 总计 whose parts are not all zero is reported too.",
    },
    defaultSeverity: 'error',
    fixable: true,
  },
  run(ctx) {
    reportRelations(ctx, 'row-total', (e) => {
      const row = e.relation.total.row;
      const total = row.cells[6].value;
      return {
        text:
          total === null
            ? { 'zh-CN': '「{row}」行总计为空，但各申请人之和为 {sum}（{terms}）', en: 'Row "{row}": the total is blank but the applicants add up to {sum} ({terms})' }
            : { 'zh-CN': '「{row}」行总计 {total} ≠ 各申请人之和 {sum}（{terms}）', en: 'Row "{row}": total {total} ≠ sum of applicants {sum} ({terms})' },
        args: { row: rowName(e.relation.total.table, row.def), total: total ?? '', sum: e.leftSum, terms: terms(row.cells.slice(0, 6).map((c) => c.value)) },
      };
    });
  },
};
