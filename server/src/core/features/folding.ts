// Folding: each section and subsection folds below its heading.

import type { Analysis } from '../service';
import type { Span } from '../text';

export function getFoldingSpans({ report }: Analysis): Span[] {
  const spans: Span[] = [];
  for (const section of report.sections) {
    spans.push(section.span);
    for (const sub of section.subsections) spans.push(sub.span);
  }
  return spans;
}
