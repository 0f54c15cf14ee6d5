// The reviewer's 问题清单 as data: one row per finding (unit, year, where,
// what is wrong, the values, the suggested correction), a summary per unit
// (format, counts by severity, key figures and the correction rates of reviews
// and lawsuits), and who filed: units missing from a roster, or filed twice.
// The writers (csv.ts, html.ts, xlsx.ts) only lay this out.

import { bodyKey, bodyMatch, CHECKS, describeFinding, identify, tailOf, type Identity, type Lang, type Severity, type Span } from '../../core/index';
import { cellOf } from '../../core/checks/year/cells';
import { columnName, rowName, tableName } from '../../core/checks/tables/names';
import { localize } from '../../core/i18n';
import { toChineseNumber } from '../../core/text';
import type { Report } from '../../core/parse/model';
import { describeOrigin } from '../../files/messages';
import type { CheckedFile } from '../job';
import { REVIEW_MSG } from './messages';

export interface IssueRow {
  unit: string;
  year: number | undefined;
  file: string;
  /** Section, table, row and column, and the line (and the file's own place for a PDF, Word document or page). */
  place: string;
  severity: Severity;
  code: string;
  check: string;
  message: string;
  /** The cells or figures the finding compares, as its related places say them. */
  values: string;
  /** The first fix or suggestion offered, by its title. */
  correction: string;
  /** A reviewer's decision already recorded in `.nianbao-review.json` (dismissed findings are not listed), and its reason. */
  status: 'confirmed' | '';
  reason: string;
  /** The finding's key in `.nianbao-review.json`: what an imported decision is recorded under. */
  fingerprint: string;
}

export interface UnitSummary {
  unit: string;
  year: number | undefined;
  file: string;
  format: string;
  counts: Record<Severity, number>;
  received: number | undefined;
  concluded: number | undefined;
  carriedForward: number | undefined;
  reviews: number | undefined;
  /** Corrected ÷ concluded (total − pending), in percent with one decimal. */
  reviewCorrectionRate: number | undefined;
  lawsuits: number | undefined;
  lawsuitCorrectionRate: number | undefined;
  /** Last year's report compared with, and how it was paired. */
  previous?: string;
}

export type FilingStatus = 'missing' | 'twice' | 'notOnRoster';

export interface FilingRow {
  unit: string;
  status: FilingStatus;
  files: string[];
}

export interface ReviewModel {
  /** The year most reports are for: the year whose filings the roster is held against. */
  year: number | undefined;
  units: UnitSummary[];
  issues: IssueRow[];
  filing: FilingRow[];
}

const rate = (corrected: number | undefined, total: number | undefined, pending: number | undefined) => {
  if (corrected === undefined || total === undefined) return undefined;
  const concluded = total - (pending ?? 0);
  return concluded > 0 ? Math.round((corrected / concluded) * 1000) / 10 : undefined;
};

const add = (...values: (number | undefined)[]) => (values.every((v) => v !== undefined) ? values.reduce<number>((a, b) => a + b!, 0) : undefined);

/** Section, table, row and column of a place in the report, in the reviewer's words. */
function placeOf(report: Report, span: Span, lang: Lang): string[] {
  const parts: string[] = [];
  const section = report.sections.find((s) => span.start >= s.span.start && span.start < s.span.end);
  if (section) parts.push(localize(REVIEW_MSG.section, lang, { n: lang === 'zh-CN' ? toChineseNumber(section.def.number) : section.def.number }));
  for (const table of Object.values(report.tables)) {
    if (!table || span.start < table.span.start || span.start >= table.span.end) continue;
    parts.push(tableName(table.def.id, lang));
    const row = table.rows.find((r) => span.start >= r.span.start && span.start <= r.span.end);
    if (row) {
      const column = row.cells.findIndex((c) => c.span && span.start >= c.span.start && span.start < c.span.end);
      const rowText = table.def.id === 'review' ? '' : rowName(table, row.def);
      const columnText = column >= 0 ? columnName(table, column, lang) : '';
      if (rowText || columnText) parts.push(localize(rowText && columnText ? REVIEW_MSG.cell : rowText ? REVIEW_MSG.row : REVIEW_MSG.column, lang, { row: rowText, column: columnText }));
    }
  }
  return parts;
}

/** What one checked file gives the list: its rows, its summary and whose report it is. */
export interface FileReview {
  path: string;
  identity: Identity;
  issues: IssueRow[];
  unit: UnitSummary;
}

export function reviewOfFile(file: CheckedFile, lang: Lang): FileReview {
  const titles = new Map(CHECKS.map((c) => [c.meta.id, c.meta.title[lang]]));
  const identity = identify(file.analysis.report);
  const unit = identity.body ?? file.path;
  const { report, findings } = file.analysis;
  const { year } = identity;
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const issues: IssueRow[] = [];
  for (const f of findings) {
    counts[f.severity]++;
    const line = file.range(f.span).start.line + 1;
    const where = [...placeOf(report, f.span, lang), localize(REVIEW_MSG.line, lang, { line })];
    if (file.source) where.push(describeOrigin(file.source(f.span), lang));
    issues.push({
      unit,
      year,
      file: file.path,
      place: where.join(' · '),
      severity: f.severity,
      code: f.code,
      check: titles.get(f.code) ?? f.code,
      message: f.message,
      values: f.related.map((r) => r.message).join('；'),
      correction: f.fixes[0]?.title ?? '',
      status: f.confirmed ? 'confirmed' : '',
      reason: f.confirmed?.reason ?? '',
      fingerprint: describeFinding(f, report).fingerprint,
    });
  }
  const value = (table: 'requests' | 'review', row: string, column: string) => cellOf(report, table, row, column)?.value;
  const reviews = value('review', 'cases', 'review.total');
  const lawsuits = add(value('review', 'cases', 'direct.total'), value('review', 'cases', 'afterReview.total'));
  return {
    path: file.path,
    identity,
    issues,
    unit: {
      unit,
      year,
      file: file.path,
      format: report.format.format ?? '—',
      counts,
      received: value('requests', 'new', 'total'),
      concluded: value('requests', 'resultsTotal', 'total'),
      carriedForward: value('requests', 'next', 'total'),
      reviews,
      reviewCorrectionRate: rate(value('review', 'cases', 'review.corrected'), reviews, value('review', 'cases', 'review.pending')),
      lawsuits,
      lawsuitCorrectionRate: rate(
        add(value('review', 'cases', 'direct.corrected'), value('review', 'cases', 'afterReview.corrected')),
        lawsuits,
        add(value('review', 'cases', 'direct.pending'), value('review', 'cases', 'afterReview.pending')),
      ),
      ...(file.previous ? { previous: file.previous.file.path } : {}),
    },
  };
}

/** The list of a run: every file's rows and summary, and who filed (missing, twice, not on the roster). */
export function assembleReview(files: readonly FileReview[], roster?: readonly string[]): ReviewModel {
  const identities = files.map((f) => f.identity);
  const unitOf = (i: number) => files[i].unit.unit;

  // The year under review: the one most reports are for.
  const byYear = new Map<number, number>();
  for (const { year } of identities) if (year) byYear.set(year, (byYear.get(year) ?? 0) + 1);
  const year = [...byYear].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];

  const filing: FilingRow[] = [];
  // Filed twice: two reports of one body for one year. Only names that are surely one body (equal, or a place
  // before it: the same last characters); a masked name may be any of several.
  const seen = new Set<number>();
  const byTail = groupBy(identities, (b) => (b.key && b.year ? `${b.year} ${tailOf(b.key)}` : undefined));
  identities.forEach((a, i) => {
    if (seen.has(i) || !a.key || !a.year) return;
    const same = (byTail.get(`${a.year} ${tailOf(a.key)}`) ?? []).filter((j) => bodyMatch(a.key!, identities[j].key!) >= 2);
    same.forEach((j) => seen.add(j));
    if (same.length > 1) filing.push({ unit: `${unitOf(i)}（${a.year}）`, status: 'twice', files: same.map((j) => files[j].path) });
  });
  if (roster) {
    const keys = roster.map((unit) => ({ unit, key: bodyKey(unit) }));
    const filedThisYear = groupBy(identities, (b) => (b.key && b.year === year ? tailOf(b.key) : undefined));
    for (const { unit, key } of keys) {
      const filed = (filedThisYear.get(tailOf(key)) ?? []).some((j) => bodyMatch(key, identities[j].key!) >= 2);
      if (!filed) filing.push({ unit, status: 'missing', files: [] });
    }
    const onRoster = groupBy(keys, (k) => tailOf(k.key));
    identities.forEach((b, i) => {
      if (b.key && !(onRoster.get(tailOf(b.key)) ?? []).some((k) => bodyMatch(keys[k].key, b.key!) >= 2)) filing.push({ unit: unitOf(i), status: 'notOnRoster', files: [files[i].path] });
    });
  }
  return { year, units: files.map((f) => f.unit), issues: files.flatMap((f) => f.issues), filing };
}

/** Indexes of items by a key (items without one left out): names that can match end alike, so they are looked up by their tail. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

/** A roster: one unit a line (the first column of a CSV), blank lines, `#` comments and a header line left out. */
export function parseRoster(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.split(/[,\t，]/)[0].replace(/^"|"$/g, '').trim())
    .filter((unit, i) => unit && !unit.startsWith('#') && !(i === 0 && /^(单位|单位名称|名称|机关|unit|name)$/i.test(unit)));
}
