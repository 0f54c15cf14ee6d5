import { SECTIONS } from '../../format/sections';
import { compactOf } from '../../parse/compacted';
import { compactSpan, parseChineseNumber, toChineseNumber } from '../../text';
import type { Check } from '../types';

const CLAIM = /(?:由|包括|包含|分为|分成|共分|共有)[^。]{0,200}?([一二三四五六七八九十两]|(?<!\d)\d{1,2})(?:个)?(?:大)?部分/g;

export const sectionCountClaim: Check = {
  meta: {
    id: 'section.count-claim',
    title: { 'zh-CN': '部分数量表述错误', en: 'Wrong number of parts claimed' },
    description: {
      'zh-CN': '引言称报告由若干部分组成（如“由……等五部分组成”），但格式规定为六个部分。快速修复改为六。',
      en: 'The introduction says the report has a number of parts (由……等五部分组成) other than the six that the format prescribes. The quick fix changes it to six.',
    },
    defaultSeverity: 'warning',
    fixable: true,
  },
  run(ctx) {
    const { report } = ctx;
    const c = compactOf(report, report.title?.span.start ?? 0, report.intro.end);
    const expected = SECTIONS.length;
    for (const m of c.text.matchAll(CLAIM)) {
      const written = m[1];
      const value = /\d/.test(written) ? Number(written) : parseChineseNumber(written);
      if (value === undefined || value === expected) continue;
      const from = m.index! + m[0].lastIndexOf(written, m[0].length - 2);
      const span = compactSpan(c, from, from + written.length);
      const right = /\d/.test(written) ? String(expected) : toChineseNumber(expected);
      ctx.emit({
        span,
        message: ctx.t(
          { 'zh-CN': '引言称报告由{written}部分组成，但年度报告格式规定为{right}个部分', en: 'The introduction says the report has {written} parts; the format prescribes {right}' },
          ctx.lang === 'en' ? { written: value, right: expected } : { written, right },
        ),
        fixes: [
          {
            title: ctx.t({ 'zh-CN': '改为“{right}”', en: 'Change to {right}' }, { right: ctx.lang === 'en' ? expected : right }),
            edits: [{ span, newText: right }],
            preferred: true,
            safety: 'suggestion',
          },
        ],
      });
    }
  },
};
