// `nianbao review --import FILE`: a reviewer's decisions, written into the
// 问题清单's 审核结论 and 审核意见 columns (CSV or XLSX, in Excel or WPS), recorded
// in the `.nianbao-review.json` of the working directory under each finding's
// fingerprint — honoured then by check, review and the editor alike.

import * as fs from 'fs';
import * as path from 'path';
import { EMPTY_REVIEW, formatReview, parseReview, recordDecision, REVIEW_FILE, type Review, type ReviewEntry } from '../../core/index';
import { readReport } from '../../files/read';
import { fromCsv } from './csv';
import { DECISIONS_READ, ISSUE_HEADERS } from './messages';

export type ImportResult = { ok: true; file: string; recorded: number; skipped: number } | { ok: false; error: 'noColumns' | 'badReview' | 'unreadable'; detail?: string };

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
  };
  if (at.fingerprint < 0 || at.status < 0 || at.check < 0) return { ok: false, error: 'noColumns' };

  const target = path.join(cwd, REVIEW_FILE);
  let review: Review = EMPTY_REVIEW;
  try {
    if (fs.existsSync(target)) {
      const parsed = parseReview(fs.readFileSync(target, 'utf8'));
      if (!parsed.ok) return { ok: false, error: 'badReview', detail: parsed.error };
      review = parsed.review;
    }
  } catch (error) {
    return { ok: false, error: 'badReview', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  let recorded = 0;
  let skipped = 0;
  const cell = (row: unknown[], i: number) => (i >= 0 && row[i] !== null && row[i] !== undefined ? String(row[i]).trim() : '');
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
    review = recordDecision(review, entry);
    recorded++;
  }
  try {
    fs.writeFileSync(target, formatReview(review), 'utf8');
  } catch (error) {
    return { ok: false, error: 'badReview', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  return { ok: true, file: target, recorded, skipped };
}
