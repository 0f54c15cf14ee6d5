import type { Report, SectionNode, Subsection } from '../../parse/model';
import { lineContentStart } from '../../parse/structure';
import { isBlank, lineIndexAt, linesIn, toChineseNumber, type Line } from '../../text';
import type { Check } from '../types';

/** `（三）` in the bracket style that the neighbouring subsections use. */
function marker(report: Report, like: Subsection, value: number): string {
  const open = report.text[like.heading.span.start] === '(' ? ['(', ')'] : ['（', '）'];
  return `${open[0]}${toChineseNumber(value)}${open[1]}`;
}

/**
 * The line in a numbering gap that is clearly the missing subsection: the only
 * line there whose first clause names the subsection the format expects at
 * that number (seed 004: `****政府信息管理情况。` where `(三)` was lost).
 */
function missingSubsectionLine(report: Report, section: SectionNode, from: number, to: number, value: number): Line | undefined {
  const expected = section.def.subsections?.[value];
  if (!expected) return undefined;
  const candidates = linesIn(report.lines, { start: from, end: to }).filter((line) => {
    if (line.start < from || line.end > to || isBlank(line.text)) return false;
    const firstClause = report.text.slice(lineContentStart(report.text, line), line.end).split(/[。：:；;]/)[0];
    return firstClause.length <= 30 && expected.test(firstClause);
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

export const sectionNumbering: Check = {
  meta: {
    id: 'section.numbering',
    title: { 'zh-CN': '小标题序号不连续', en: 'Subsection numbering broken' },
    description: {
      'zh-CN': '一个部分中的（一）（二）……小标题序号有缺号、重号或顺序颠倒。单个序号写错时，快速修复改为按顺序应有的序号；缺号处若有一行明显就是缺失的小标题，快速修复为其补上序号。',
      en: 'The (一)(二)… subsections of a section skip a number, repeat one or go backwards. Where one numeral is simply mistyped, the quick fix puts the number in sequence; where a line in the gap is clearly the missing subsection, the quick fix adds its numeral.',
    },
    defaultSeverity: 'warning',
    fixable: true,
  },
  run(ctx) {
    const { report } = ctx;
    for (const section of report.sections) {
      let expected = 1;
      section.subsections.forEach((sub, i) => {
        const value = sub.heading.numeral.value;
        const prev = section.subsections[i - 1];
        const args = {
          written: marker(report, sub, value),
          prev: prev ? marker(report, sub, prev.heading.numeral.value) : '',
          missing: marker(report, sub, expected),
        };
        // English says the numbers (3); the edits write the text's own marker （三）.
        const said = ctx.lang === 'en' ? { written: `(${value})`, prev: prev ? `(${prev.heading.numeral.value})` : '', missing: `(${expected})` } : args;
        const next = section.subsections[i + 1]?.heading.numeral.value;
        if (value === expected) {
          expected++;
        } else if (next === expected + 1 || (next === undefined && value < expected)) {
          // One mistyped numeral between two right ones, e.g. (一)(二)(二)(四).
          ctx.emit({
            span: sub.heading.numeral.span,
            message: ctx.t({ 'zh-CN': '小标题序号{written}有误：按顺序应为{missing}', en: 'Subsection number {written} is out of sequence: it should be {missing}' }, said),
            fixes: [
              {
                title: ctx.t({ 'zh-CN': '序号改为{missing}', en: 'Renumber as {missing}' }, said),
                edits: [{ span: sub.heading.numeral.span, newText: toChineseNumber(expected) }],
                preferred: true,
                safety: 'fix',
              },
            ],
          });
          expected++;
        } else if (value > expected) {
          const gapStart = prev ? report.lines[lineIndexAt(report.lines, prev.heading.span.start)].next : section.body.start;
          const line = value === expected + 1 ? missingSubsectionLine(report, section, gapStart, sub.heading.span.start, expected) : undefined;
          if (line) {
            // The subsection is there, only its numeral is lost: point at that line and restore it.
            const at = lineContentStart(report.text, line);
            const firstClause = report.text.slice(at, line.end).split(/[。：:；;]/)[0];
            ctx.emit({
              span: { start: at, end: at + firstClause.length },
              message: ctx.t({ 'zh-CN': '此行应为小标题{missing}，但缺少序号', en: 'This line is subsection {missing} but has lost its numeral' }, said),
              related: [{ span: sub.heading.numeral.span, message: ctx.t({ 'zh-CN': '下一个小标题{written}', en: 'Next subsection {written}' }, said) }],
              fixes: [
                {
                  title: ctx.t({ 'zh-CN': '补上序号{missing}', en: 'Add the numeral {missing}' }, said),
                  edits: [{ span: { start: at, end: at }, newText: args.missing }],
                  preferred: true,
                  safety: 'fix',
                },
              ],
            });
          } else {
            ctx.emit({
              span: sub.heading.numeral.span,
              message: prev
                ? ctx.t({ 'zh-CN': '小标题序号不连续：{prev}之后是{written}，缺少{missing}', en: 'Subsection numbering skips {missing}: {written} follows {prev}' }, said)
                : ctx.t({ 'zh-CN': '小标题序号不连续：第一个小标题是{written}，缺少{missing}', en: 'Subsection numbering skips {missing}: the first subsection is {written}' }, said),
            });
          }
          expected = value + 1;
        } else if (value === expected - 1) {
          ctx.emit({
            span: sub.heading.numeral.span,
            message: ctx.t({ 'zh-CN': '小标题序号{written}重复', en: 'Subsection number {written} is repeated' }, said),
          });
        } else {
          ctx.emit({
            span: sub.heading.numeral.span,
            message: ctx.t({ 'zh-CN': '小标题序号顺序颠倒：{written}出现在{prev}之后', en: 'Subsection numbers go backwards: {written} follows {prev}' }, said),
          });
        }
      });
    }
  },
};
