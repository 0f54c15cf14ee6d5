// Finding the files to check (reading them is files/read.ts). Read-only by design: the CLI
// never opens a file for writing.

import * as fs from 'fs';
import * as path from 'path';
import { looksLikeReport } from '../core/index';
import { errorDetail, STDIN, type FileProblem } from '../files/read';

export { readAny, readReport, type FileProblem, type Origin, type ProblemKind, type ReadResult } from '../files/read';

/** Extensions picked up when walking a folder. */
const EXTENSIONS = new Set(['.txt', '.md', '.nianbao', '.html', '.htm', '.docx', '.pdf']);
/** `.nianbao` is ours; `.txt`, `.md` and `.html` files in a folder may be anything. */
const ALWAYS_A_REPORT = '.nianbao';

export interface Candidate {
  /** As the user gave it, or joined onto the folder they gave. */
  path: string;
  /** Named on the command line, so checked whatever it contains. */
  explicit: boolean;
}

/** The path that stands for standard input. */
export const STDIN_ARG = '-';

/**
 * Expands the command-line paths into files, in argument order and, within a
 * folder, in sorted order so that output is the same on every machine.
 */
export function collectFiles(args: readonly string[]): { files: Candidate[]; problems: FileProblem[] } {
  const files: Candidate[] = [];
  const problems: FileProblem[] = [];
  // A file reached twice (`examples examples/a.txt`) is reported once.
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: p, explicit });
  };
  // Real paths of folders already walked, so that symlink loops end.
  const walked = new Set<string>();

  const walk = (dir: string) => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, kind: 'unreadable', detail: errorDetail(error) });
      return;
    }
    // Code-unit order, not locale order, so the result does not depend on the machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // A dangling link is not something the user asked us to check.
        }
      }
      if (isDir) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(full);
      } else if (isFile && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        add(full, false);
      }
    }
  };

  for (const arg of args) {
    // `-`: the report on standard input (read once, by the run), under the name <stdin>.
    if (arg === STDIN_ARG) {
      add(STDIN, true);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' || code === 'ENOTDIR' ? { path: arg, kind: 'notFound' } : { path: arg, kind: 'unreadable', detail: errorDetail(error) });
      continue;
    }
    if (st.isDirectory()) walk(arg);
    else add(arg, true);
  }
  return { files, problems };
}

/** Whether a file found by walking a folder should be checked. */
export function shouldCheck(candidate: Candidate, text: string): boolean {
  if (candidate.explicit || path.extname(candidate.path).toLowerCase() === ALWAYS_A_REPORT) return true;
  // Folders hold READMEs and notes beside the reports: check only what reads like a report.
  return looksLikeReport(text);
}

