// `nianbao review --import FILE`: a reviewer's decisions, written into the
// 问题清单's 审核结论 and 审核意见 columns (CSV or XLSX, in Excel or WPS), recorded
// under each finding's fingerprint in the `.nianbao-review.json` that applies
// to its report (the nearest one above it, as check finds it) — honoured then
// by check, review and the editor alike.

import * as fs from 'fs';
import * as path from 'path';
import { EMPTY_REVIEW, formatReview, parseReview, recordDecision, REVIEW_FILE, type Review, type ReviewEntry } from '../../core/index';
import { foldersUp, nearestFile } from '../../files/nearest';
import { readReport } from '../../files/read';
import { fromCsv } from './csv';
import { DECISIONS_READ, ISSUE_HEADERS } from './messages';

export type ImportResult = { ok: true; files: { file: string; recorded: number }[]; skipped: number } | { ok: false; error: 'noColumns' | 'badReview' | 'unreadable'; detail?: string };

/** The column of a header in either language. */
function column(header: readonly unknown[], name: keyof typeof ISSUE_HEADERS): number {
  const words = Object.values(ISSUE_HEADERS[name]);
  return header.findIndex((h) => words.includes(String(h ?? '').trim()));
}

async function rowsOf(file: string): Promise<unknown[][]> {
  if (!fs.statSync(file).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    // As Excel on a Chinese system saves a CSV: GB18030 as well as UTF-8.
    const read = readReport(file);
    if (!read.ok) throw Object.assign(new Error(read.problem.kind), { code: read.problem.detail ?? read.problem.kind });
    return fromCsv(read.text);
  }
  // The sister of the writer: read-excel-file, loaded only here.
  const { default: readXlsx } = require('read-excel-file/node') as { default: (input: string) => Promise<{ sheet: string; data: unknown[][] }[]> };
  const sheets = await readXlsx(file);
  // The list of problems: the sheet whose header has the fingerprint column.
  return sheets.find((s) => column(s.data[0] ?? [], 'fingerprint') >= 0)?.data ?? [];
}

export async function importDecisions(file: string, cwd: string): Promise<ImportResult> {
  let rows: unknown[][];
  try {
    rows = await rowsOf(file);
  } catch (error) {
    return { ok: false, error: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)) };
  }
  const [header = [], ...body] = rows;
  const at = {
    fingerprint: column(header, 'fingerprint'),
    status: column(header, 'status'),
    reason: column(header, 'reason'),
    check: column(header, 'check'),
    unit: column(header, 'unit'),
    year: column(header, 'year'),
    message: column(header, 'message'),
    file: column(header, 'file'),
  };
  if (at.fingerprint < 0 || at.status < 0 || at.check < 0) return { ok: false, error: 'noColumns' };

  const cell = (row: unknown[], i: number) => (i >= 0 && row[i] !== null && row[i] !== undefined ? String(row[i]).trim() : '');
  const byTarget = new Map<string, ReviewEntry[]>();
  let skipped = 0;
  for (const row of body) {
    const said = cell(row, at.status);
    const status = DECISIONS_READ[said.toLowerCase()];
    // Excel may drop a leading zero or change the case: the fingerprint is eight hex digits.
    const fingerprint = cell(row, at.fingerprint).toLowerCase().padStart(8, '0');
    if (!said) continue;
    if (!status || !/^[0-9a-f]{8}$/.test(fingerprint)) {
      skipped++;
      continue;
    }
    const year = Number.parseInt(cell(row, at.year), 10);
    const entry: ReviewEntry = {
      fingerprint,
      status,
      check: /\(([\w.-]+)\)$/.exec(cell(row, at.check))?.[1] ?? cell(row, at.check),
      ...(cell(row, at.unit) ? { unit: cell(row, at.unit) } : {}),
      ...(Number.isFinite(year) ? { year } : {}),
      text: cell(row, at.message),
      ...(cell(row, at.reason) ? { reason: cell(row, at.reason) } : {}),
    };
    const target = targetOf(cell(row, at.file), cwd);
    const entries = byTarget.get(target);
    if (entries) entries.push(entry);
    else byTarget.set(target, [entry]);
  }

  // Every file is read before any is written: one that cannot be used leaves them all as they were.
  const reviews: { file: string; review: Review; recorded: number }[] = [];
  for (const [file, entries] of byTarget) {
    let review: Review = EMPTY_REVIEW;
    try {
      if (fs.existsSync(file)) {
        const parsed = parseReview(fs.readFileSync(file, 'utf8'));
        if (!parsed.ok) return { ok: false, error: 'badReview', detail: `${path.relative(cwd, file) || file}: ${parsed.error}` };
        review = parsed.review;
      }
    } catch (error) {
      return { ok: false, error: 'badReview', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    for (const entry of entries) review = recordDecision(review, entry);
    reviews.push({ file, review, recorded: entries.length });
  }
  try {
    for (const { file, review } of reviews) fs.writeFileSync(file, formatReview(review), 'utf8');
  } catch (error) {
    return { ok: false, error: 'badReview', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const files = reviews.map(({ file, recorded }) => ({ file, recorded }));
  return { ok: true, files: files.length ? files : [{ file: targetOf('', cwd), recorded: 0 }], skipped };
}

/**
 * The review file a decision belongs in: the one that applies to its report
 * (the list's 文件 column, as written relative to where review ran), else the
 * one that applies to the working directory; a new file goes in the working
 * directory where the report is under it, else beside the report.
 */
function targetOf(written: string, cwd: string): string {
  // The list quotes a name Excel would read as a formula (see csv.ts).
  const name = /^'[=+\-@\t\r]/.test(written) ? written.slice(1) : written;
  let dir = cwd;
  if (name) {
    const report = path.resolve(cwd, name);
    try {
      if (fs.statSync(report).isFile()) dir = path.dirname(report);
    } catch {
      // A report no longer there: its decision goes where the working directory's apply.
    }
  }
  const folders = foldersUp(dir);
  return nearestFile(dir, REVIEW_FILE) ?? path.join(folders.includes(path.resolve(cwd)) ? cwd : dir, REVIEW_FILE);
}
