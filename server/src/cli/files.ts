// Finding the files to check and reading them. Read-only by design: the CLI
// never opens a file for writing.

import * as fs from 'fs';
import type { DecodedFrom } from '../core/checks/structure/encoding';
import type { Origin as PageOrigin } from '../files/html';
import * as path from 'path';
import { looksLikeReport } from '../core/index';

/** Extensions picked up when walking a folder. */
const EXTENSIONS = new Set(['.txt', '.md', '.nianbao', '.html', '.htm', '.docx']);
/** `.nianbao` is ours; `.txt`, `.md` and `.html` files in a folder may be anything. */
const ALWAYS_A_REPORT = '.nianbao';

export type ProblemKind = 'notFound' | 'unreadable' | 'notUtf8' | 'badReview' | 'notDocx' | 'docxTooLarge' | 'docxBomb' | 'noReport';

export interface FileProblem {
  path: string;
  kind: ProblemKind;
  detail?: string;
}

export interface Candidate {
  /** As the user gave it, or joined onto the folder they gave. */
  path: string;
  /** Named on the command line, so checked whatever it contains. */
  explicit: boolean;
}

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

export type ReadResult =
  | {
      ok: true;
      text: string;
      decodedFrom?: DecodedFrom;
      /** For a file that is not text (a web page, a Word document): where each text line comes from in the file. */
      origins?: Origin[];
    }
  | { ok: false; problem: FileProblem };

/** Where a line of extracted text comes from: a page's line and column, or a Word document's paragraph or table row. */
export type Origin = Partial<PageOrigin> & { paragraph?: number; table?: number; row?: number; cell?: number };

/** Saved web pages: read through their elements (files/html.ts). */
const HTML = new Set(['.html', '.htm']);

/** Strict decoding: bytes that are not valid in `encoding` throw instead of becoming U+FFFD. */
function decode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    // ignoreBOM keeps the decoder from eating the BOM, so that exactly one is stripped below.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 with a few bad bytes (a damaged copy) rather than another encoding:
 * GB18030 would read it as mojibake without complaint.
 */
function damagedUtf8(bytes: Uint8Array): boolean {
  const loose = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  for (let i = 0; i < loose.length; i++) if (loose.charCodeAt(i) === 0xfffd) bad++;
  return bad * 100 < loose.length;
}

/**
 * Reads a report: UTF-8 (with or without a BOM); UTF-16 when a BOM says so; else
 * GB18030, the superset of GBK that Windows Notepad and Word save on Chinese
 * systems — said by a finding, never silently. Bytes valid in none of them are
 * an error naming the file: checked as mojibake, every finding would be nonsense.
 */
export function readReport(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, problem: { path: file, kind: 'unreadable', detail: errorDetail(error) } };
  }
  const bom16 = bytes.length >= 2 ? (bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined) : undefined;
  let text: string | undefined;
  let decodedFrom: DecodedFrom | undefined;
  if (bom16) {
    text = decode(bytes, bom16);
    decodedFrom = bom16;
  } else {
    text = decode(bytes, 'utf-8');
    // NUL bytes are no text in either: a binary file.
    if (text === undefined && !damagedUtf8(bytes) && !bytes.includes(0)) {
      text = decode(bytes, 'gb18030');
      decodedFrom = 'gb18030';
    }
  }
  if (text === undefined) return { ok: false, problem: { path: file, kind: 'notUtf8' } };
  // Editors hide the BOM too; keeping it would shift every character on line 1.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (HTML.has(path.extname(file).toLowerCase())) {
    // Loaded only for pages: checking text does not pay for the HTML parser.
    const { extractHtml } = require('../files/html') as typeof import('../files/html');
    const page = extractHtml(text);
    return { ok: true, text: page.text, origins: page.origins.map((o) => ({ ...o })), ...(decodedFrom ? { decodedFrom } : {}) };
  }
  return decodedFrom ? { ok: true, text, decodedFrom } : { ok: true, text };
}

/** Any file the CLI reads: a Word document through files/docx.ts, else `readReport`. */
export async function readAny(file: string): Promise<ReadResult> {
  if (path.extname(file).toLowerCase() !== '.docx') return readReport(file);
  const { extractDocx } = require('../files/docx') as typeof import('../files/docx');
  let result: Awaited<ReturnType<typeof extractDocx>>;
  try {
    result = await extractDocx(file);
  } catch (error) {
    return { ok: false, problem: { path: file, kind: 'unreadable', detail: errorDetail(error) } };
  }
  if (!result.ok) return { ok: false, problem: { path: file, kind: result.reason === 'tooLarge' ? 'docxTooLarge' : result.reason === 'bomb' ? 'docxBomb' : 'notDocx', detail: result.detail } };
  const { text, blocks } = result.extracted;
  return { ok: true, text, origins: blocks.map((b) => ({ ...b })) };
}

/** Whether a file found by walking a folder should be checked. */
export function shouldCheck(candidate: Candidate, text: string): boolean {
  if (candidate.explicit || path.extname(candidate.path).toLowerCase() === ALWAYS_A_REPORT) return true;
  // Folders hold READMEs and notes beside the reports: check only what reads like a report.
  return looksLikeReport(text);
}

function errorDetail(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? String(error);
}
