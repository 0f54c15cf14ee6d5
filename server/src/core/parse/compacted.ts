// The whitespace-free view of a span, built once per report and span: the
// prose checks, the year check and the format decision share it.

import { compact, type Compact } from '../text';
import type { Report } from './model';

const cache = new WeakMap<Report, Map<string, Compact>>();

export function compactOf(report: Report, start = 0, end = report.text.length): Compact {
  let spans = cache.get(report);
  if (!spans) cache.set(report, (spans = new Map()));
  const key = `${start}:${end}`;
  let c = spans.get(key);
  if (!c) spans.set(key, (c = compact(report.text, start, end)));
  return c;
}

/** Lets the views go once the analysis is done: an open document keeps its analysis, not these. */
export function releaseCompacts(report: Report): void {
  cache.delete(report);
}
