import { REVIEW_GROUPS } from '../../format/tables';
import type { Check } from '../types';
import { reportRelations, terms } from './relation-finding';

const GROUP_EN: Record<string, string> = { review: 'Administrative review', direct: 'Litigation without review', afterReview: 'Litigation after review' };

export const tableReviewTotal: Check = {
  meta: {
    id: 'table.review-total',
    title: { 'zh-CN': '复议诉讼总计错误', en: 'Review or litigation total wrong' },
    description: {
      'zh-CN': '表三中行政复议、未经复议直接起诉、复议后起诉三组，各组“总计”必须等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: 'In table 3, the 总计 of each group (行政复议, 未经复议直接起诉, 复议后起诉) must equal 维持 + 纠正 + 其他结果 + 尚未审结.',
    },
    defaultSeverity: 'error',
    fixable: true,
  },
  run(ctx) {
    reportRelations(ctx, 'review-total', (e) => {
      const group = REVIEW_GROUPS[Math.floor(e.relation.total.column / 5)];
      return {
        text: { 'zh-CN': '{group}总计 {total} ≠ 维持 + 纠正 + 其他 + 尚未审结 = {sum}（{terms}）', en: '{group}: total {total} ≠ upheld + corrected + other + pending = {sum} ({terms})' },
        args: {
          group: ctx.lang === 'en' ? GROUP_EN[group.id] : group.label,
          total: e.rightSum,
          sum: e.leftSum,
          terms: terms(e.relation.left.map((c) => c.row.cells[c.column].value)),
        },
      };
    });
  },
};
