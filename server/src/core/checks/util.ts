// Small helpers shared by several checks.

import type { SectionDef } from '../format/sections';
import type { Lang } from '../i18n';
import type { Report, SectionNode } from '../parse/model';
import { lineContentStart } from '../parse/structure';
import { isBlank, isPageFooter, lineIndexAt, linesIn, toChineseNumber, type Span } from '../text';

/** `五、存在的主要问题及改进情况` */
export function officialHeading(def: SectionDef): string {
  return `${toChineseNumber(def.number)}、${def.official}`;
}

/** `第五部分「存在的主要问题及改进情况」` / `section 5 "…"`: how messages name a section. */
/** A section's number as its language writes it (第二部分, section 2), its official wording quoted as is. */
export function sectionArgs(def: SectionDef, lang: Lang): { n: string; number: number; official: string } {
  return { n: lang === 'en' ? String(def.number) : toChineseNumber(def.number), number: def.number, official: def.official };
}

/** Whether a span holds any text beyond white space and page footers. */
export function hasContent(report: Report, span: Span): boolean {
  for (const line of linesIn(report.lines, span)) {
    if (line.next <= span.start) continue;
    const piece = report.text.slice(Math.max(line.start, span.start), Math.min(line.end, span.end));
    if (!isBlank(piece) && !isPageFooter(piece)) return true;
  }
  return false;
}

/** Where a new heading line goes so that it stands right before `before`, with the same Markdown marker. */
export function insertHeadingBefore(report: Report, before: SectionNode, heading: string): { span: Span; newText: string } {
  const at = before.heading.span.start;
  const line = report.lines[lineIndexAt(report.lines, at)];
  const contentStart = lineContentStart(report.text, line);
  if (contentStart === at) {
    const leader = report.text.slice(line.start, contentStart);
    return { span: { start: line.start, end: line.start }, newText: `${leader}${heading}${report.eol}` };
  }
  // A heading in the middle of a crawled line: break the line there.
  return { span: { start: at, end: at }, newText: `${report.eol}${heading}${report.eol}` };
}
