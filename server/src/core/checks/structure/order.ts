import type { SectionNode } from '../../parse/model';
import type { Check } from '../types';
import { sectionArgs } from '../util';

/** Indices of a longest strictly increasing run of section numbers: the sections that are in place. */
function inPlace(sections: SectionNode[]): Set<number> {
  const n = sections.length;
  const length = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (sections[j].def.number < sections[i].def.number && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || length[i] > length[end]) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export const sectionOrder: Check = {
  meta: {
    id: 'section.order',
    title: { 'zh-CN': '部分顺序错误', en: 'Section out of order' },
    description: {
      'zh-CN': '六个部分必须按一至六的顺序出现。只报告打乱顺序的那些部分（保持其余部分顺序不变所需移动的最少部分）。',
      en: 'The six sections must appear in the order 一 to 六. Only the sections that break the order are reported (the fewest that would have to move).',
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    const seen = new Set<number>();
    const firsts = ctx.report.sections.filter((s) => !seen.has(s.def.number) && seen.add(s.def.number));
    const keep = inPlace(firsts);
    firsts.forEach((section, i) => {
      if (keep.has(i)) return;
      const before = firsts.filter((s, j) => keep.has(j) && s.def.number < section.def.number).pop();
      const after = firsts.find((s, j) => keep.has(j) && s.def.number > section.def.number);
      const anchor = before ?? after;
      ctx.emit({
        span: section.heading.span,
        message: ctx.t(
          before
            ? { 'zh-CN': '第{n}部分「{official}」位置错误：应位于第{other}部分之后', en: 'Section {n} "{official}" is out of order: it belongs after section {other}' }
            : { 'zh-CN': '第{n}部分「{official}」位置错误：应位于第{other}部分之前', en: 'Section {n} "{official}" is out of order: it belongs before section {other}' },
          { ...sectionArgs(section.def, ctx.lang), other: anchor ? sectionArgs(anchor.def, ctx.lang).n : '' },
        ),
        related: anchor
          ? [{ span: anchor.heading.span, message: ctx.t({ 'zh-CN': '第{n}部分', en: 'Section {n}' }, sectionArgs(anchor.def, ctx.lang)) }]
          : [],
      });
    });
  },
};
