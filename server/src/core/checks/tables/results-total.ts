import type { Check } from '../types';
import { columnName } from './names';
import { reportRelations, terms } from './relation-finding';

export const tableResultsTotal: Check = {
  meta: {
    id: 'table.results-total',
    title: { 'zh-CN': '办理结果总计错误', en: 'Results total wrong' },
    description: {
      'zh-CN': '表二每一列的“（七）总计”必须等于各项办理结果之和：（一）予以公开、（二）部分公开及（三）至（六）各小项。',
      en: 'In each column of table 2, （七）总计 must equal the sum of the results: （一）, （二） and every sub-row of （三） to （六）.',
    },
    defaultSeverity: 'error',
    fixable: true,
  },
  run(ctx) {
    reportRelations(ctx, 'results-total', (e) => ({
      text: { 'zh-CN': '（七）总计「{column}」列 {total} ≠ 办理结果之和 {sum}（{terms}）', en: 'Results total, {column}: {total} ≠ sum of results {sum} ({terms})' },
      args: {
        column: columnName(e.relation.total.table, e.relation.total.column, ctx.lang),
        total: e.rightSum,
        sum: e.leftSum,
        terms: terms(e.relation.left.map((c) => c.row.cells[c.column].value), true),
      },
    }));
  },
};
