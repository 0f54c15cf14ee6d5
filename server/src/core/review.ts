// A reviewer's decisions about findings, kept in a committed `.nianbao-review.json`:
// a finding dismissed (a figure about another scope, a known exception) stays
// dismissed in the editor and the CLI. Keyed by a fingerprint of what the finding
// is about — its check, the reporting body, the year and the words or row it
// points at — never by line numbers, so it survives edits elsewhere.

import type { Finding } from './checks/types';
import type { Report } from './parse/model';
import { statisticsPeriod } from './parse/period';
import { isSpaceCode } from './text';

export const REVIEW_FILE = '.nianbao-review.json';

export type ReviewStatus = 'dismissed' | 'confirmed';
const STATUSES: readonly ReviewStatus[] = ['dismissed', 'confirmed'];

export interface ReviewEntry {
  fingerprint: string;
  status: ReviewStatus;
  /** The check, the body, the year and the words: for a person reading the file. */
  check: string;
  unit?: string;
  year?: number;
  text: string;
  reason?: string;
}

export interface Review {
  version: 1;
  findings: ReviewEntry[];
}

export const EMPTY_REVIEW: Review = { version: 1, findings: [] };

/**
 * The words a finding is about: its own text, or its line's where that is a
 * bare number (a table cell) — with the cell's place among the line's numbers,
 * so that two findings of one row (行政复议总计, 复议后起诉总计) are two.
 */
function subjectOf(finding: Finding, report: Report): string {
  const { text } = report;
  const squeeze = (from: number, to: number) => {
    let out = '';
    for (let i = from; i < to && out.length < 120; i++) if (!isSpaceCode(text.charCodeAt(i))) out += text[i];
    return out;
  };
  const own = squeeze(finding.span.start, finding.span.end);
  if (/[^\d.\-|/—]/.test(own) && own.length >= 4) return own;
  let from = finding.span.start;
  let to = finding.span.end;
  while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
  const cell = text.slice(from, finding.span.start).match(/\d+(?:\.\d+)?/g)?.length ?? 0;
  return `${squeeze(from, to)}#${cell}`;
}

/** The reporting body: the title without its year and the format's words. */
function unitOf(report: Report): string | undefined {
  const title = report.title?.text.replace(/\s/g, '');
  const unit = title?.replace(/\d{4}\s*年度?/, '').replace(/(政府)?信息公开(工作)?(年度)?报告$/, '');
  return unit || undefined;
}

function yearOf(report: Report): number | undefined {
  return report.title?.year?.value ?? statisticsPeriod(report)?.start.value;
}

/** FNV-1a, 32 bits: short, stable, and enough to tell a few thousand decisions apart. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A finding's stable identity, with the readable parts it is made of. */
export function describeFinding(finding: Finding, report: Report): Omit<ReviewEntry, 'status' | 'reason'> {
  const unit = unitOf(report);
  const year = yearOf(report);
  const text = subjectOf(finding, report);
  return { fingerprint: hash(JSON.stringify([finding.code, unit ?? '', year ?? 0, text])), check: finding.code, unit, year, text };
}

/** Reads a review file; a malformed one says what is wrong rather than dismissing nothing in silence. */
export function parseReview(json: string): { ok: true; review: Review } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  // A file of another version may hold what this one would drop on its next write: it is not used.
  const version = (raw as { version?: unknown } | null)?.version;
  if (version !== undefined && version !== 1) return { ok: false, error: `"version" is ${JSON.stringify(version)}; this version of Nianbao reads version 1` };
  const findings = (raw as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) return { ok: false, error: '"findings" is not a list' };
  const out: ReviewEntry[] = [];
  for (const [i, e] of findings.entries()) {
    const entry = e as Partial<ReviewEntry> | null;
    if (typeof entry?.fingerprint !== 'string' || !STATUSES.includes(entry.status as ReviewStatus) || typeof entry.check !== 'string') {
      return { ok: false, error: `findings[${i}] needs "fingerprint", "check" and a "status" of ${STATUSES.join(' or ')}` };
    }
    out.push({ ...entry, text: String(entry.text ?? '') } as ReviewEntry);
  }
  return { ok: true, review: { version: 1, findings: out } };
}

/** The review with `entry` recorded (replacing an earlier decision about the same finding). */
export function recordDecision(review: Review, entry: ReviewEntry): Review {
  return { version: 1, findings: [...review.findings.filter((e) => e.fingerprint !== entry.fingerprint), entry] };
}

export function formatReview(review: Review): string {
  return JSON.stringify(review, null, 2) + '\n';
}

/**
 * Splits findings into those still shown and those a reviewer dismissed (with
 * the decision); a confirmed finding stays shown, marked `confirmed`.
 */
export function applyReview(findings: Finding[], report: Report, review: Review | undefined): { shown: Finding[]; dismissed: { finding: Finding; entry: ReviewEntry }[] } {
  const decisions = new Map((review?.findings ?? []).map((e) => [e.fingerprint, e]));
  if (!decisions.size) return { shown: findings, dismissed: [] };
  const shown: Finding[] = [];
  const dismissed: { finding: Finding; entry: ReviewEntry }[] = [];
  for (const finding of findings) {
    const entry = decisions.get(describeFinding(finding, report).fingerprint);
    if (entry?.status === 'dismissed') dismissed.push({ finding, entry });
    else if (entry?.status === 'confirmed') shown.push({ ...finding, confirmed: entry.reason ? { reason: entry.reason } : {} });
    else shown.push(finding);
  }
  return { shown, dismissed };
}
