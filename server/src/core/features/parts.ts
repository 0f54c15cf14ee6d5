// A yearbook's features read the report under the cursor, in its own text.

import type { Analysis, ReportPart } from '../service';

/**
 * The analysis that reads `offset`: in a yearbook, the report that holds it and
 * where that report starts (its spans are relative to it); else the whole, at 0.
 */
export function partAt(analysis: Analysis, offset: number): ReportPart {
  let found: ReportPart = { offset: 0, analysis };
  for (const part of analysis.parts ?? []) if (part.offset <= offset) found = part;
  return found;
}
