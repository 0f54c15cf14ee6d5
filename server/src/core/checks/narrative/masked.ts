import { lineIndexAt } from '../../text';
import type { Check } from '../types';

const MASK = /[*＊]{2,}/g;

export const narrativeMasked: Check = {
  meta: {
    id: 'narrative.masked',
    title: { 'zh-CN': '含遮盖字符', en: 'Masked text' },
    description: {
      'zh-CN': '报告中有遮盖字符（如“****”），通常是草稿中隐去的名称尚未恢复。每行报告一次。',
      en: 'The report contains masked text (****), usually names hidden in a draft and not yet restored. Reported once per line.',
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    const { text, lines } = ctx.report;
    // Masks are rare: found in the whole text, then taken line by line.
    const runs = [...text.matchAll(MASK)];
    for (let i = 0; i < runs.length; ) {
      const line = lineIndexAt(lines, runs[i].index!);
      let next = i + 1;
      while (next < runs.length && lineIndexAt(lines, runs[next].index!) === line) next++;
      const first = runs[i];
      const count = next - i;
      ctx.emit({
        span: { start: first.index!, end: first.index! + first[0].length },
        message: ctx.t(
          count > 1
            ? { 'zh-CN': '此行有 {count} 处遮盖字符（如“{text}”），请恢复原文', en: 'This line has {count} masked passages (such as "{text}"); restore the text' }
            : { 'zh-CN': '此行有遮盖字符“{text}”，请恢复原文', en: 'This line has masked text "{text}"; restore it' },
          { count, text: first[0] },
        ),
      });
      i = next;
    }
  },
};
