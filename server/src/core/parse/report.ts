// Entry point of the parser: text in, `Report` out. Never throws on any input.

import { FORMAT_HEADER_MARKERS, type FormatId } from '../format/tables';
import { detectEol, splitLines, type Span } from '../text';
import { compactOf } from './compacted';
import type { FormatDecision, Report } from './model';
import { parseStructure } from './structure';
import { parseTables } from './tables/index';

export interface ParseOptions {
  /** `auto` (the default) reads the format from the text; a format forces it. */
  format?: 'auto' | FormatId;
}

export function parseReport(text: string, options: ParseOptions = {}): Report {
  const lines = splitLines(text);
  const structure = parseStructure(text, lines);
  const report: Report = {
    text,
    lines,
    eol: detectEol(text),
    ...structure,
    format: { format: null, evidence: [] },
    tables: {},
  };
  report.format = decideFormat(report, options.format ?? 'auto');
  report.tables = parseTables(text, lines, report.sections, report.format);
  return report;
}

const NOTICES: { format: FormatId; pattern: RegExp }[] = [
  { format: '2021', pattern: /[\[(]?2021[\])]?30号/ },
  { format: '2019', pattern: /[\[(]?2019[\])]?60号/ },
];

/**
 * The format is read from the table headers when they are there, else from
 * the notice the introduction cites, else from the report year.
 */
function decideFormat(report: Report, forced: 'auto' | FormatId): FormatDecision {
  const c = compactOf(report);
  const evidence: FormatDecision['evidence'] = [];
  const spanOf = (index: number, length: number): Span => ({
    start: c.offsets[index],
    end: c.offsets[index + length - 1] + 1,
  });

  for (const format of ['2021', '2019'] as FormatId[]) {
    for (const marker of FORMAT_HEADER_MARKERS[format]) {
      const at = c.text.indexOf(marker);
      if (at >= 0) {
        evidence.push({ kind: 'headers', format, span: spanOf(at, marker.length) });
        break;
      }
    }
  }
  for (const { format, pattern } of NOTICES) {
    const m = pattern.exec(c.text);
    if (m) evidence.push({ kind: 'notice', format, span: spanOf(m.index, m[0].length) });
  }
  const year = report.title?.year;
  if (year) evidence.push({ kind: 'year', format: year.value >= 2021 ? '2021' : '2019', span: year.span });

  const rank = { headers: 0, notice: 1, year: 2 };
  evidence.sort((a, b) => rank[a.kind] - rank[b.kind]);
  if (forced !== 'auto') return { format: forced, evidence, forced: true };
  return { format: evidence[0]?.format ?? null, evidence };
}
