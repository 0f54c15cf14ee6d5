import type { Check } from '../types';
import { columnName } from './names';
import { reportRelations } from './relation-finding';

export const tableBalance: Check = {
  meta: {
    id: 'table.balance',
    title: { 'zh-CN': '勾稽关系不成立', en: 'Balance (勾稽关系) broken' },
    description: {
      'zh-CN': '表二每一列须满足勾稽关系：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。',
      en: 'Each column of table 2 must balance (勾稽关系): 一 new + 二 carried over = （七）总计 + 四 carried forward.',
    },
    defaultSeverity: 'error',
    fixable: true,
  },
  run(ctx) {
    reportRelations(ctx, 'balance', (e) => {
      const [fresh, carried] = e.relation.left.map((c) => c.row.cells[c.column].value ?? 0);
      const [total, next] = e.relation.right.map((c) => c.row.cells[c.column].value ?? 0);
      return {
        text: {
          'zh-CN': '勾稽关系不成立（{column}列）：本年新收 {fresh} + 上年结转 {carried} = {left}，办理结果总计 {total} + 结转下年度 {next} = {right}',
          en: 'Balance broken ({column}): new {fresh} + carried over {carried} = {left}, but results {total} + carried forward {next} = {right}',
        },
        args: { column: columnName(e.relation.total.table, e.relation.total.column, ctx.lang), fresh, carried, total, next, left: e.leftSum, right: e.rightSum },
      };
    });
  },
};
