// Outline: the title, the six sections and their subsections.

import type { Analysis } from '../service';
import type { Span } from '../text';

export type SymbolKind = 'report' | 'section' | 'subsection';

export interface SymbolNode {
  name: string;
  /** The official wording where the document words it differently. */
  detail?: string;
  kind: SymbolKind;
  /** The whole extent, children included. */
  span: Span;
  /** What to reveal when the symbol is picked: the heading. */
  selection: Span;
  children: SymbolNode[];
}

export function getSymbols({ report }: Analysis): SymbolNode[] {
  const text = report.text;
  const sections: SymbolNode[] = report.sections.map((section) => {
    return {
      name: text.slice(section.heading.span.start, section.heading.span.end),
      detail: section.match === 'exact' ? undefined : section.def.official,
      kind: 'section',
      span: section.span,
      selection: section.heading.span,
      children: section.subsections.map((sub) => ({
        name: text.slice(sub.heading.span.start, sub.heading.span.end),
        kind: 'subsection' as const,
        span: sub.span,
        selection: sub.heading.span,
        children: [],
      })),
    };
  });
  const title = report.title;
  if (!title) return sections;
  const end = Math.max(title.span.end, ...sections.map((s) => s.span.end));
  const start = Math.min(title.span.start, ...sections.map((s) => s.span.start));
  return [{ name: title.text, kind: 'report', span: { start, end }, selection: title.span, children: sections }];
}
