import { partsSum, proseListsOf } from '../../narrative/lists';
import type { Check } from '../types';

export const narrativePartsExceedWhole: Check = {
  meta: {
    id: 'narrative.parts-exceed-whole',
    title: { 'zh-CN': '分项之和超过总数', en: 'Parts exceed the whole' },
    description: {
      'zh-CN': '正文写“共 N 件，其中 A 件、B 件……”，同一单位的各分项之和却大于总数 N。',
      en: 'The prose says “共 N …，其中 A …、B …” and the parts, in the same unit, add up to more than N.',
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    for (const list of proseListsOf(ctx.report)) {
      const sum = partsSum(list);
      if (sum <= list.total) continue;
      ctx.emit({
        span: list.whole,
        message: ctx.t(
          { 'zh-CN': '正文称共 {total} {unit}，其中各项之和为 {sum} {unit}（{terms}），超过总数', en: 'The text gives {total} in all, but its parts add up to {sum} ({terms})' },
          { total: list.total, unit: list.unit, sum, terms: list.parts.map((p) => p.value).join('+') },
        ),
        related: list.parts.map((p) => ({ span: p.span, message: p.written })),
      });
    }
  },
};
