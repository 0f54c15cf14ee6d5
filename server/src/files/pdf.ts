// A published PDF as report text, through pdf.js (pdfjs-dist, its legacy build
// for Node): the text items of each page grouped into lines by their baseline,
// in reading order; within a line, items apart by more than a space's width
// joined by a space, and cells apart by a column's gap by a tab — the table
// reader takes a tab row by its delimiters. Where a table is ruled (Word's
// tables are), its drawn borders decide instead: one row a line, its cells
// (wrapped text joined, blank ones kept) apart by tabs. Lines the page wrapped
// are joined back into their paragraph. Page numbers and running headers
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
  /** A ruled table's row: never joined with another line. */
  row?: boolean;
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

/** A table's ruling: a horizontal line at `at` from `from` to `to` (or a vertical one at x `at`, from y `from` to `to`). */
interface Rule {
  at: number;
  from: number;
  to: number;
}

interface Rules {
  h: Rule[];
  v: Rule[];
}

/** How far apart two rules may be and still be one edge, and how far past its end a rule still bounds a cell. */
const RULE_SLACK = 1.5;
/** A filled shape at most this thick is a drawn rule (Word draws borders as thin rectangles too). */
const RULE_THICKNESS = 2.5;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

/**
 * The straight horizontal and vertical lines a page draws: stroked segments and
 * thin filled bars, in page space. They are a table's cell borders, which say
 * where a row begins and ends better than baselines can (a label wrapped over
 * three lines beside numbers centred in their cells).
 */
function rulesOf(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Record<string, number>): Rules {
  const h: Rule[] = [];
  const v: Rule[] = [];
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const apply = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
  const segment = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) >= 1) h.push({ at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) >= 1) v.push({ at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const op = args[0] as number;
      const buffer = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buffer || (!stroke.has(op) && !fill.has(op))) continue;
      // Subpaths as lists of points in page space (curves keep only their end point: they are never rules).
      const paths: [number, number][][] = [];
      let path: [number, number][] = [];
      for (let k = 0; k < buffer.length; ) {
        const code = buffer[k++];
        if (code === 0) {
          if (path.length) paths.push(path);
          path = [apply(buffer[k], buffer[k + 1])];
          k += 2;
        } else if (code === 1) {
          path.push(apply(buffer[k], buffer[k + 1]));
          k += 2;
        } else if (code === 2) {
          path.push(apply(buffer[k + 4], buffer[k + 5]));
          k += 6;
        } else if (code === 3) {
          path.push(apply(buffer[k + 2], buffer[k + 3]));
          k += 4;
        } else if (code === 4) {
          if (path.length) path.push(path[0]);
        } else break;
      }
      if (path.length) paths.push(path);
      for (const points of paths) {
        if (stroke.has(op)) {
          for (let k = 1; k < points.length; k++) segment(points[k - 1], points[k]);
          continue;
        }
        // A filled bar: its long axis through its middle. Larger fills (shading, backgrounds) are not rules.
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (y1 - y0 <= RULE_THICKNESS && x1 - x0 > y1 - y0) segment([x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
        else if (x1 - x0 <= RULE_THICKNESS && y1 - y0 > x1 - x0) segment([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
      }
    }
  }
  return { h, v };
}

/** Where text meets wrapped text: CJK on either side joins without a space, and so do digits on both (a number broken by a narrow cell). */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;
function joinWrapped(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) {
    const [a, b] = [text[text.length - 1], part[0]];
    if (text && !(CJK.test(a) || CJK.test(b) || (/\d/.test(a) && /\d/.test(b)))) text += ' ';
    text += part;
  }
  return text;
}

/**
 * Text inside a ruled table, one row a line: each piece belongs to the cell its
 * borders enclose; a row is the cells whose top border is the same, its cells
 * the spaces between the vertical rules that cross it, in order, blank ones
 * kept (as a Word table's row reads), a cell's wrapped lines joined. A row
 * with one cell (a framed paragraph) is not a table row: its pieces stay with
 * the page's lines. Returns the rows and the pieces left.
 */
function tableRows(pieces: Piece[], rules: Rules): { rows: Line[]; rest: Piece[] } {
  if (!rules.h.length || !rules.v.length) return { rows: [], rest: pieces };
  // Rules closer than the slack are one edge (a double border, a border drawn by both its cells).
  const snap = (list: Rule[]) => {
    const sorted = list.slice().sort((a, b) => a.at - b.at);
    for (let i = 0, start = 0; i <= sorted.length; i++) {
      if (i < sorted.length && i > start && sorted[i].at - sorted[i - 1].at <= RULE_SLACK) continue;
      const at = sorted[start].at;
      for (let k = start; k < i; k++) sorted[k] = { ...sorted[k], at };
      start = i;
    }
    return sorted;
  };
  rules = { h: snap(rules.h), v: snap(rules.v) };
  const covers = (rule: Rule, along: number) => rule.from - RULE_SLACK <= along && along <= rule.to + RULE_SLACK;
  interface Cell { top: number; bottom: number; left: number; right: number; pieces: Piece[] }
  const cells = new Map<string, Cell>();
  const rest: Piece[] = [];
  for (const piece of pieces) {
    const cx = (piece.x + Math.max(piece.end, piece.x)) / 2;
    // The middle of the glyphs, a little above the baseline.
    const cy = piece.y + piece.size * 0.35;
    let top = Infinity;
    let bottom = -Infinity;
    let left = -Infinity;
    let right = Infinity;
    for (const r of rules.h) {
      if (!covers(r, cx)) continue;
      if (r.at > cy && r.at < top) top = r.at;
      if (r.at < cy && r.at > bottom) bottom = r.at;
    }
    for (const r of rules.v) {
      if (!covers(r, cy)) continue;
      if (r.at < cx && r.at > left) left = r.at;
      if (r.at > cx && r.at < right) right = r.at;
    }
    if (![top, bottom, left, right].every(Number.isFinite)) {
      rest.push(piece);
      continue;
    }
    const key = `${Math.round(top)}|${Math.round(left)}|${Math.round(bottom)}|${Math.round(right)}`;
    const cell = cells.get(key) ?? { top, bottom, left, right, pieces: [] };
    cell.pieces.push(piece);
    cells.set(key, cell);
  }
  // Rows: cells with one top border, top to bottom.
  const groups: Cell[][] = [];
  for (const cell of [...cells.values()].sort((a, b) => b.top - a.top || a.left - b.left)) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0].top - cell.top) <= RULE_SLACK) group.push(cell);
    else groups.push([cell]);
  }
  const rows: Line[] = [];
  for (const group of groups) {
    const top = group[0].top;
    // The columns where the row's lowest cell ends: just below the top border, every vertical rule crossing the row.
    const mid = top - Math.min(...group.map((c) => c.top - c.bottom)) / 2;
    const edges: number[] = [];
    for (const x of rules.v.filter((r) => covers(r, mid)).map((r) => r.at).sort((a, b) => a - b)) {
      if (!edges.length || x - edges[edges.length - 1] > RULE_SLACK) edges.push(x);
    }
    if (edges.length < 3) {
      for (const cell of group) rest.push(...cell.pieces);
      continue;
    }
    const texts: string[][] = Array.from({ length: edges.length - 1 }, () => []);
    const sizes: number[] = [];
    for (const cell of group) {
      // The column the cell starts in: the last edge at or before its left border.
      let column = 0;
      while (column + 1 < texts.length && edges[column + 1] <= cell.left + RULE_SLACK) column++;
      const lines = linesOf(cell.pieces).map((l) => l.text.replace(/\t/g, ' '));
      texts[column].push(joinWrapped(lines));
      sizes.push(...cell.pieces.map((p) => p.size));
    }
    const text = texts.map((t) => t.join(' ')).join('\t');
    if (!text.replace(/\t/g, '').trim()) continue;
    rows.push({ y: top, size: Math.max(...sizes), pieces: group.flatMap((c) => c.pieces), text, row: true });
  }
  return { rows, rest };
}

const endOf = (line: Line) => Math.max(...line.pieces.map((p) => p.end));

/**
 * Where a page's running text starts and ends: the left edge most of its lines
 * outside tables start at (headings and first lines are indented, a framed
 * cell may stand further out), and the right end of the lines that start there.
 */
function textColumn(lines: readonly Line[]): { left: number; right: number } {
  const free = lines.filter((l) => !l.row);
  const counts = new Map<number, number>();
  for (const l of free) counts.set(Math.round(l.pieces[0].x / 2), (counts.get(Math.round(l.pieces[0].x / 2)) ?? 0) + 1);
  let best: number | undefined;
  for (const [x, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && x < best)) best = x;
  if (best === undefined) return { left: Infinity, right: Infinity };
  const left = Math.min(...free.filter((l) => Math.abs(l.pieces[0].x - best! * 2) <= 2).map((l) => l.pieces[0].x));
  const ends = free.filter((l) => l.pieces[0].x <= left + 0.5 * l.size).map(endOf);
  const right = Math.max(...ends);
  // One long line is no evidence of a column's edge (it may be a paragraph that happens to be long): lines wrapped at an edge are several.
  if (ends.filter((end) => end >= right - 1.5 * Math.max(...free.map((l) => l.size))).length < 2) return { left, right: Infinity };
  return { left, right };
}

/**
 * A section's or subsection's numeral (一、, （二）) at a line's start begins a
 * heading even right after a full line: a paragraph can end at the edge, and a
 * heading lost mid-line costs more than a wrap kept.
 */
const SECTION_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

/**
 * Whether `next` continues `line`'s paragraph: `line` runs to the text column's
 * right edge (within two characters: punctuation may not start a line), `next`
 * starts at its left edge (a new paragraph is indented or follows a short
 * line), in the same size, one line pitch below (or at the top of the next page).
 */
function continues(line: Line, right: number, next: Line, left: number, samePage: boolean): boolean {
  if (line.row || next.row || line.text.includes('\t') || next.text.includes('\t')) return false;
  if (Math.abs(line.size - next.size) > line.size * 0.2 || SECTION_START.test(next.text)) return false;
  if (endOf(line) < right - 2 * line.size || next.pieces[0].x > left + 0.5 * next.size) return false;
  return !samePage || (line.y > next.y && line.y - next.y <= 2 * Math.max(line.size, next.size));
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
      const pieces = piecesOf(items).map((p) => ({ ...p, y: p.y - Math.min(y0, y1) }));
      // Ruled tables are read by their cells; only pages with numbers can hold one, and only they pay for the drawing's operators.
      let lines: Line[];
      if (pieces.filter((p) => /^\s*\d+\s*$/.test(p.str)).length >= 3) {
        const ops = await page.getOperatorList();
        const rules = rulesOf(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as Record<string, number>);
        const shift = (r: Rule) => ({ ...r, from: r.from - Math.min(y0, y1), to: r.to - Math.min(y0, y1) });
        const { rows, rest } = tableRows(pieces, {
          h: rules.h.map((r) => ({ ...r, at: r.at - Math.min(y0, y1) })),
          v: rules.v.map(shift),
        });
        lines = [...rows, ...linesOf(rest)].sort((a, b) => b.y - a.y);
      } else lines = linesOf(pieces);
      pages.push({ lines, height: Math.abs(y1 - y0) || 842 });
      page.cleanup();
    }
    const dropped = marginLines(pages);
    const out: string[] = [];
    const places: PdfPlace[] = [];
    let last: { line: Line; right: number } | undefined;
    pages.forEach(({ lines }, p) => {
      let line = 0;
      const kept = lines.filter((l) => !dropped.has(l));
      const { left, right } = textColumn(kept);
      for (const l of kept) {
        // A line the text column wrapped is one with the line before it, as the paragraph it was written as.
        if (last && out.length && continues(last.line, last.right, l, left, last.line.pieces[0] && lines.includes(last.line))) {
          out[out.length - 1] = joinWrapped([out[out.length - 1], l.text]);
        } else {
          out.push(l.text);
          places.push({ page: p + 1, line: ++line });
        }
        last = { line: l, right };
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
