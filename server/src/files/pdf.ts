// A published PDF as report text, through pdf.js (pdfjs-dist, its legacy build
// for Node): the text items of each page grouped into lines by their baseline,
// in reading order; within a line, items apart by more than a space's width
// joined by a space, and cells apart by a column's gap by a tab — the table
// reader takes a tab row by its delimiters. Page numbers and running headers
// or footers are dropped. Chinese fonts need the CMaps shipped beside the
// bundle. Every line remembers its page and its line on that page.

import * as fs from 'fs';
import * as path from 'path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** Larger than any real report, smaller than what would hurt the machine. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** A yearbook runs to a few hundred pages; past this, reading would take minutes. */
export const MAX_PDF_PAGES = 2000;

export interface PdfPlace {
  /** 1-based. */
  page: number;
  /** 1-based, among the lines kept on that page. */
  line: number;
}

export interface PdfExtracted {
  text: string;
  /** For each line of `text` (0-based), its page and line. */
  places: PdfPlace[];
  pages: number;
}

export type PdfResult =
  | { ok: true; extracted: PdfExtracted }
  | { ok: false; reason: 'tooLarge' | 'notPdf' | 'encrypted' | 'noText' | 'tooManyPages'; detail?: string };

/** A text item placed on its page: baseline `y` grows upwards, as in PDF space. */
interface Piece {
  str: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  pieces: Piece[];
  text: string;
}

/** A gap this many font sizes wide separates cells (columns of a table), not words. */
const CELL_GAP = 1;
/** A gap this many font sizes wide is a space between words. */
const WORD_GAP = 0.25;
/** Page numbers as reports print them: `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 9 页`, `3/9`, `3`. */
const PAGE_NUMBER = /^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|Page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** The top and bottom share of a page where headers and footers stand. */
const MARGIN = 0.1;

function piecesOf(items: readonly TextItem[]): Piece[] {
  const pieces: Piece[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.str) continue;
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    // Whitespace items carry unreliable widths: they only say that a space is there.
    const blank = !item.str.trim();
    pieces.push({ str: blank ? ' ' : item.str, x, y, end: blank ? x : x + (item.width || size * item.str.length), size });
  }
  return pieces;
}

/** Items into lines: the same baseline within half a font size, then left to right. */
function linesOf(pieces: Piece[]): Line[] {
  const sorted = pieces.slice().sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - piece.y) <= Math.max(line.size, piece.size) * 0.5) {
      line.pieces.push(piece);
      line.size = Math.max(line.size, piece.size);
    } else {
      lines.push({ y: piece.y, size: piece.size, pieces: [piece], text: '' });
    }
  }
  for (const line of lines) {
    line.pieces.sort((p, q) => p.x - q.x);
    line.text = joinPieces(line.pieces);
  }
  return lines.filter((line) => line.text);
}

function joinPieces(pieces: readonly Piece[]): string {
  let text = '';
  let end = -Infinity;
  let spaced = false;
  for (const piece of pieces) {
    if (piece.str === ' ') {
      spaced = true;
      continue;
    }
    if (text) {
      const gap = piece.x - end;
      if (gap >= piece.size * CELL_GAP) text += '\t';
      else if (spaced || gap >= piece.size * WORD_GAP) text += ' ';
    }
    text += piece.str;
    end = Math.max(end, piece.end);
    spaced = false;
  }
  return text.replace(/[ \u00a0\u3000]+/g, ' ').replace(/ ?\t ?/g, '\t').trim();
}

/** A line in a page's top or bottom margin that is a page number, or that stands at the same place on most pages. */
function marginLines(pages: readonly { lines: Line[]; height: number }[]): Set<Line> {
  const dropped = new Set<Line>();
  const inMargin = (line: Line, height: number) => line.y < height * MARGIN || line.y > height * (1 - MARGIN);
  // Running headers and footers: the same words (digits aside) at the same height on at least half the pages.
  const seen = new Map<string, number>();
  const keyOf = (line: Line) => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  for (const { lines, height } of pages) {
    const keys = new Set(lines.filter((l) => inMargin(l, height)).map(keyOf));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = pages.length >= 3 ? Math.ceil(pages.length / 2) : Infinity;
  for (const { lines, height } of pages) {
    for (const line of lines) {
      if (!inMargin(line, height)) continue;
      if (PAGE_NUMBER.test(line.text.replace(/\t/g, ' ').trim()) || (seen.get(keyOf(line)) ?? 0) >= repeated) dropped.add(line);
    }
  }
  return dropped;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });
let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js, with its worker's code run in this thread (the "fake worker": one
 * report needs no second thread). On Node it would load a native canvas for
 * rendering, which reading text never needs: the bundle leaves it out
 * (scripts/build.mjs). Its canvas code builds one DOMMatrix as it loads, so a
 * bare stand-in exists while it loads (and only then); the warnings it prints
 * about the missing canvas are kept off the output.
 */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const scope = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
    const warn = console.warn;
    const hadMatrix = 'DOMMatrix' in scope;
    console.warn = () => undefined;
    if (!hadMatrix) scope.DOMMatrix = class DOMMatrixStandIn {};
    try {
      // @ts-expect-error: the worker ships no types; only its WorkerMessageHandler is used, by pdf.js itself.
      scope.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
      if (!hadMatrix) delete scope.DOMMatrix;
    }
  })();
  return loaded;
}

/** Where the CMaps are: beside the bundle (dist/cmaps), or in the package when run from source. */
function cMapFolder(): string {
  const beside = path.join(__dirname, 'cmaps');
  if (fs.existsSync(beside)) return beside + path.sep;
  const manifest = 'pdfjs-dist/package.json';
  return path.join(path.dirname(require.resolve(manifest)), 'cmaps') + path.sep;
}

export async function extractPdfBytes(bytes: Uint8Array): Promise<PdfResult> {
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, reason: 'tooLarge' };
  // Not a PDF at all: said before pdf.js is loaded.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { ok: false, reason: 'notPdf' };
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js detaches the buffer it is given: a copy keeps the caller's intact.
    data: new Uint8Array(bytes),
    cMapUrl: cMapFolder(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted' };
    return { ok: false, reason: 'notPdf', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) return { ok: false, reason: 'tooManyPages' };
    const pages: { lines: Line[]; height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, y0, , y1] = page.view;
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      // Baselines measured from the page's bottom edge, whatever its box.
      const lines = linesOf(piecesOf(items).map((p) => ({ ...p, y: p.y - Math.min(y0, y1) })));
      pages.push({ lines, height: Math.abs(y1 - y0) || 842 });
      page.cleanup();
    }
    const dropped = marginLines(pages);
    const out: string[] = [];
    const places: PdfPlace[] = [];
    pages.forEach(({ lines }, p) => {
      let line = 0;
      for (const l of lines) {
        if (dropped.has(l)) continue;
        out.push(l.text);
        places.push({ page: p + 1, line: ++line });
      }
    });
    // An image-only (scanned) PDF has no text to check: said, never zero findings in silence.
    const letters = out.join('').replace(/[\s\d]/g, '').length;
    if (letters < 20) return { ok: false, reason: 'noText' };
    return { ok: true, extracted: { text: out.join('\n') + '\n', places, pages: doc.numPages } };
  } finally {
    await task.destroy();
  }
}

export async function extractPdf(file: string): Promise<PdfResult> {
  const size = fs.statSync(file).size;
  if (size > MAX_PDF_BYTES) return { ok: false, reason: 'tooLarge' };
  return extractPdfBytes(fs.readFileSync(file));
}
