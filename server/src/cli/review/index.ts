// `nianbao review`: the reviewer's 问题清单 of the reports checked, written to
// --out as HTML, XLSX or CSV by its extension. A bundle of its own
// (dist/review.js), loaded only for this command.

import * as fs from 'fs';
import * as path from 'path';
import { localize } from '../../core/i18n';
import type { Lang } from '../../core/index';
import type { Command } from '../args';
import type { FileProblem } from '../files';
import { MSG } from '../messages';
import { readReport } from '../../files/read';
import { toCsv } from './csv';
import { toHtml } from './html';
import { assembleReview, parseRoster, type FileReview } from './model';
import { sheetsOf } from './sheets';
import { toXlsx } from './xlsx';

export { importDecisions } from './import';

/** `nianbao review`: the 问题清单 written to --out, by its extension. */
export async function writeReview(command: Extract<Command, { kind: 'review' }>, files: readonly FileReview[], problems: readonly FileProblem[], lang: Lang, version: string): Promise<number> {
  let roster: string[] | undefined;
  if (command.roster !== undefined) {
    try {
      // A regular file only (a FIFO would never end), in UTF-8 or GB18030 as Excel saves it.
      const read = readReport(command.roster);
      if (!read.ok) throw Object.assign(new Error(read.problem.kind), { code: read.problem.detail ?? read.problem.kind });
      roster = parseRoster(read.text);
    } catch (error) {
      process.stderr.write(`nianbao: ${localize(MSG.rosterUnreadable, lang, { file: command.roster, detail: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
      return 2;
    }
  }
  const model = assembleReview(files, roster);
  const sheets = sheetsOf(model, lang);
  const extension = path.extname(command.out).toLowerCase();
  try {
    if (extension === '.csv') fs.writeFileSync(command.out, toCsv(sheets.issues));
    else if (extension === '.xlsx') fs.writeFileSync(command.out, await toXlsx([sheets.issues, sheets.units, sheets.filing]));
    else fs.writeFileSync(command.out, toHtml(model, sheets, lang, version, roster !== undefined));
  } catch (error) {
    process.stderr.write(`nianbao: ${localize(MSG.outUnwritable, lang, { file: command.out, detail: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
    return 2;
  }
  process.stdout.write(localize(MSG.reviewWritten, lang, { file: command.out, files: files.length, issues: model.issues.length }) + '\n');
  if (problems.length > 0) return 2;
  return files.some((f) => f.unit.counts.error > 0) ? 1 : 0;
}

