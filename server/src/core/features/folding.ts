// Folding: each section and subsection folds below its heading; in a
// yearbook, each report below its title too.

import { lastContentEnd } from '../parse/structure';
import type { Report } from '../parse/model';
import type { Analysis } from '../service';
import { shiftSpan, type Span } from '../text';

export function getFoldingSpans(analysis: Analysis): Span[] {
  if (!analysis.parts) return reportFolding(analysis.report);
  return analysis.parts.flatMap(({ offset, analysis: { report } }) => {
    const title = report.title?.span.start;
    const whole = title === undefined ? [] : [{ start: title, end: lastContentEnd(report.text, title, report.text.length) }];
    return [...whole, ...reportFolding(report)].map((span) => shiftSpan(span, offset));
  });
}

function reportFolding(report: Report): Span[] {
  const spans: Span[] = [];
  for (const section of report.sections) {
    spans.push(section.span);
    for (const sub of section.subsections) spans.push(sub.span);
  }
  return spans;
}
