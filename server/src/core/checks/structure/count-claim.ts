import { SECTIONS, type SectionDef } from '../../format/sections';
import { compactOf } from '../../parse/compacted';
import { compactSpan, labelKey, parseChineseNumber, toChineseNumber, type Span } from '../../text';
import type { Check } from '../types';

const CLAIM = /(?:由|包括|包含|分为|分成|共分|共有)[^。]{0,200}?([一二三四五六七八九十两]|(?<!\d)\d{1,2})(?:个)?(?:大)?部分/g;

const VERB = /由|包括|包含|分为|分成|共分|共有/;

/**
 * The parts an introduction lists before its count (`由总体情况、主动公开…、存在的
 * 主要问题及改进措施等五部分组成`), when there are as many as it counts, each
 * names one of the format's sections (its official wording or an accepted
 * variant), in the format's order: which sections it leaves out, and after
 * which listed part each belongs. Offsets are in the compact text.
 */
function listedParts(text: string, from: number, to: number, count: number): { start: number; missing: { def: SectionDef; after?: Span }[] } | undefined {
  const list = text.slice(from, to).replace(/(等|共|这|计)+$/, '');
  const items: { key: string; span: Span }[] = [];
  let at = from;
  for (const item of list.split(/[、，,；;]/)) {
    if (item) items.push({ key: labelKey(item), span: { start: at, end: at + item.length } });
    at += item.length + 1;
  }
  if (items.length !== count || count >= SECTIONS.length) return undefined;
  const defs = items.map((item) => SECTIONS.find((def) => labelKey(def.official) === item.key || def.variants.some((v) => v.test(item.key))));
  if (defs.some((d) => !d) || defs.some((d, i) => i > 0 && d!.number <= defs[i - 1]!.number)) return undefined;
  const missing = SECTIONS.filter((def) => !defs.includes(def)).map((def) => {
    const before = defs.map((d, i) => (d!.number < def.number ? i : -1)).filter((i) => i >= 0).at(-1);
    return { def, ...(before !== undefined ? { after: items[before].span } : {}) };
  });
  return { start: items[0].span.start, missing };
}

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
      const listed = listedParts(c.text, m.index! + m[0].indexOf(m[0].match(VERB)![0]) + m[0].match(VERB)![0].length, from, value);
      const numberEdit = { span, newText: right };
      // The parts listed before the number, when they name the format's sections: the ones left out are added in their place.
      const completed = listed && {
        title:
          listed.missing.length === 1
            ? ctx.t({ 'zh-CN': '补上“{part}”并改为“{right}”', en: 'Add "{part}" to the parts listed and change the count to {right}' }, { part: listed.missing[0].def.official, right: ctx.lang === 'en' ? expected : right })
            : ctx.t({ 'zh-CN': '补上所缺的{count}个部分并改为“{right}”', en: 'Add the {count} missing parts to those listed and change the count to {right}' }, { count: listed.missing.length, right: ctx.lang === 'en' ? expected : right }),
        edits: [
          ...listed.missing.map(({ def, after }) => {
            const at = after === undefined ? compactSpan(c, listed.start, listed.start).start : compactSpan(c, after.start, after.end).end;
            return { span: { start: at, end: at }, newText: after === undefined ? `${def.official}、` : `、${def.official}` };
          }),
          numberEdit,
        ],
        preferred: true,
        safety: 'suggestion' as const,
      };
      ctx.emit({
        span,
        message: ctx.t(
          { 'zh-CN': '引言称报告由{written}部分组成，但年度报告格式规定为{right}个部分', en: 'The introduction says the report has {written} parts; the format prescribes {right}' },
          ctx.lang === 'en' ? { written: value, right: expected } : { written, right },
        ),
        fixes: [
          ...(completed ? [completed] : []),
          {
            title: listed
              ? ctx.t({ 'zh-CN': '只改为“{right}”（所列各部分需另行补全）', en: 'Change only the count to {right} (the parts listed stay incomplete)' }, { right: ctx.lang === 'en' ? expected : right })
              : ctx.t({ 'zh-CN': '改为“{right}”', en: 'Change to {right}' }, { right: ctx.lang === 'en' ? expected : right }),
            edits: [numberEdit],
            preferred: !completed,
            safety: 'suggestion',
          },
        ],
      });
    }
  },
};
