// Entry point of the parser: text in, `Report` out. Never throws on any input.

import { FORMAT_HEADER_MARKERS, type FormatId } from '../format/tables';
import { detectEol, splitLines } from '../text';
import type { FormatDecision, Report } from './model';
import { statisticsPeriod } from './period';
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

/** Any white space, line breaks included, may stand between the characters of a marker (PDF text). */
const spaced = (chars: string) => [...chars].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');

const HEADER_PATTERNS = (['2021', '2019'] as FormatId[]).map((format) => ({
  format,
  pattern: new RegExp(FORMAT_HEADER_MARKERS[format].map(spaced).join('|')),
}));

/**
 * The notices that fixed each format, cited as 国办公开办函〔2021〕30号: found
 * by their year (a pattern that starts with a literal is quick to find in a
 * long text), the bracket and spaces before it then taken into the citation.
 */
const NOTICES: { format: FormatId; pattern: RegExp }[] = [
  { format: '2021', pattern: /2021\s*[\])〕］）】]?\s*3\s*0\s*号/ },
  { format: '2019', pattern: /2019\s*[\])〕］）】]?\s*6\s*0\s*号/ },
];
const NOTICE_OPENINGS = '[(〔［（【';

/** Where a citation found by its year starts: before the spaces and the one bracket that open it. */
function citationStart(text: string, year: number): number {
  let start = year;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
  return start > 0 && NOTICE_OPENINGS.includes(text.charAt(start - 1)) ? start - 1 : start;
}

/**
 * The format is read from the table headers when they are there, else from
 * the notice the introduction cites, else from the report year.
 */
function decideFormat(report: Report, forced: 'auto' | FormatId): FormatDecision {
  const text = report.text;
  const evidence: FormatDecision['evidence'] = [];
  const look = (kind: 'headers' | 'notice', patterns: { format: FormatId; pattern: RegExp }[]) => {
    for (const { format, pattern } of patterns) {
      const m = pattern.exec(text);
      if (!m) continue;
      const start = kind === 'notice' ? citationStart(text, m.index) : m.index;
      evidence.push({ kind, format, span: { start, end: m.index + m[0].length } });
    }
  };
  look('headers', HEADER_PATTERNS);
  look('notice', NOTICES);
  const year = report.title?.year ?? statisticsPeriod(report)?.start;
  if (year) evidence.push({ kind: 'year', format: year.value >= 2021 ? '2021' : '2019', span: year.span });

  const rank = { headers: 0, notice: 1, year: 2 };
  evidence.sort((a, b) => rank[a.kind] - rank[b.kind]);
  if (forced !== 'auto') return { format: forced, evidence, forced: true };
  return { format: evidence[0]?.format ?? null, evidence };
}
