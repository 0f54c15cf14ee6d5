// Reading a report from a file, for the CLI and the language server alike:
// text in its encoding (UTF-8, UTF-16 with a BOM, GB18030 — said when it is not
// UTF-8), and the files that are not text through their readers (a saved page,
// a Word document, a PDF), each loaded only when such a file is read. Every
// line of text read from such a file keeps its origin there, for locations.

import * as fs from 'fs';
import * as path from 'path';
import type { DecodedFrom } from '../core/checks/structure/encoding';
import type { Origin as PageOrigin } from './html';

export type ProblemKind =
  | 'notFound'
  | 'unreadable'
  | 'notUtf8'
  | 'textTooLarge'
  | 'badReview'
  | 'notDocx'
  | 'docxTooLarge'
  | 'docxBomb'
  | 'notPdf'
  | 'pdfTooLarge'
  | 'pdfEncrypted'
  | 'pdfNoText'
  | 'pdfTooManyPages'
  | 'noReport'
  /** Named as last year's report of `detail`, but it is not (the same file, or another year). */
  | 'notPrevious';

export interface FileProblem {
  path: string;
  kind: ProblemKind;
  detail?: string;
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

/** Where a line of extracted text comes from: a page's line and column, a Word document's paragraph or table row, or a PDF's page and line on it. */
export type Origin = Partial<PageOrigin> & { paragraph?: number; table?: number; row?: number; cell?: number; page?: number };

/**
 * Text files larger than this are not read: far beyond any report, and near
 * the longest string JavaScript can hold (a 1.4 GB file would fail to decode
 * and be called "not UTF-8").
 */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

/** Standard input, when the path given is `-`: shown under this name. */
export const STDIN = '<stdin>';

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
  const irregular = notRegular(file);
  if (irregular) return { ok: false, problem: irregular };
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_TEXT_BYTES) return { ok: false, problem: { path: file, kind: 'textTooLarge' } };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, problem: { path: file, kind: 'unreadable', detail: errorDetail(error) } };
  }
  return decodeReport(bytes, file);
}

/** Standard input (`nianbao check -`): read as a text file is, up to the same size, which is checked while reading. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > MAX_TEXT_BYTES) return { ok: false, problem: { path: STDIN, kind: 'textTooLarge' } };
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, problem: { path: STDIN, kind: 'unreadable', detail: errorDetail(error) } };
  }
  return decodeReport(Buffer.concat(chunks), STDIN);
}

/** The bytes of a text file (or a page) as text: see `readReport`. */
function decodeReport(bytes: Buffer, file: string): ReadResult {
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
    const { extractHtml } = require('./html') as typeof import('./html');
    const page = extractHtml(text);
    return { ok: true, text: page.text, origins: page.origins.map((o) => ({ ...o })), ...(decodedFrom ? { decodedFrom } : {}) };
  }
  return decodedFrom ? { ok: true, text, decodedFrom } : { ok: true, text };
}

const PDF_PROBLEMS = { tooLarge: 'pdfTooLarge', notPdf: 'notPdf', encrypted: 'pdfEncrypted', noText: 'pdfNoText', tooManyPages: 'pdfTooManyPages' } as const;

/** A PDF through files/pdf.ts (pdf.js, loaded only for PDFs): its lines located by page and line. */
async function readPdf(file: string): Promise<ReadResult> {
  const { extractPdf } = require('./pdf') as typeof import('./pdf');
  let result: Awaited<ReturnType<typeof extractPdf>>;
  try {
    result = await extractPdf(file);
  } catch (error) {
    return { ok: false, problem: { path: file, kind: 'unreadable', detail: errorDetail(error) } };
  }
  if (!result.ok) return { ok: false, problem: { path: file, kind: PDF_PROBLEMS[result.reason], detail: result.detail } };
  const { text, places } = result.extracted;
  return { ok: true, text, origins: places.map((p) => ({ ...p })) };
}

/** Only regular files are read: a FIFO or a device would block the run, or never end. */
function notRegular(file: string): FileProblem | undefined {
  try {
    return fs.statSync(file).isFile() ? undefined : { path: file, kind: 'unreadable', detail: 'not a regular file' };
  } catch (error) {
    return { path: file, kind: 'unreadable', detail: errorDetail(error) };
  }
}

/** Any file a report is read from: a Word document through files/docx.ts, a PDF through files/pdf.ts, else `readReport`. */
export async function readAny(file: string): Promise<ReadResult> {
  const irregular = notRegular(file);
  if (irregular) return { ok: false, problem: irregular };
  const extension = path.extname(file).toLowerCase();
  if (extension === '.pdf') return readPdf(file);
  if (extension !== '.docx') return readReport(file);
  const { extractDocx } = require('./docx') as typeof import('./docx');
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

export function errorDetail(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? String(error);
}

/**
 * Where in the file a place in the text read from it comes from: the origin of
 * its line; in a table row of a Word document, also its cell (the tabs before
 * it on the line).
 */
export function originOf(origins: readonly Origin[], line: number, lineBefore: string): Origin {
  const origin = origins[Math.min(line, origins.length - 1)] ?? { line: 1, column: 1 };
  if (origin.row === undefined || origin.page !== undefined || origin.column !== undefined) return origin;
  let cell = 1;
  for (let i = 0; i < lineBefore.length; i++) if (lineBefore.charCodeAt(i) === 9) cell++;
  return { ...origin, cell };
}
