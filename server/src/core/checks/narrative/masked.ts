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
    for (const line of ctx.report.lines) {
      const runs = [...line.text.matchAll(MASK)];
      if (!runs.length) continue;
      const first = runs[0];
      ctx.emit({
        span: { start: line.start + first.index!, end: line.start + first.index! + first[0].length },
        message: ctx.t(
          runs.length > 1
            ? { 'zh-CN': '此行有 {count} 处遮盖字符（如“{text}”），请恢复原文', en: 'This line has {count} masked passages (such as "{text}"); restore the text' }
            : { 'zh-CN': '此行有遮盖字符“{text}”，请恢复原文', en: 'This line has masked text "{text}"; restore it' },
          { count: runs.length, text: first[0] },
        ),
      });
    }
  },
};
