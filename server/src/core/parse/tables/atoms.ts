// Turns the text of a table, in whatever layout it arrived (pipe or tab
// cells, one cell per line, a row flattened onto one line, PDF text), into a
// flat list of atoms: label text, numbers and blank cells, with their lines.

import { ROW_ORDINAL_DIGITS } from '../../format/tables';
import { fold, isBlank, isPageFooter, linesIn, type Line, type Span } from '../../text';

export interface ParsedNumber {
  value: number;
  /** The digits as written, with their sign, when the number is an integer (it may be several cells run together). */
  digits?: string;
  signed: boolean;
  fraction: boolean;
  unit?: string;
}

export interface Atom {
  kind: 'text' | 'number' | 'blank';
  span: Span;
  text: string;
  line: number;
  /** Came from a pipe or tab cell: a number there is never run together with another. */
  delimited: boolean;
  /**
   * A blank cell whose place among the row's values is written, outside
   * delimited cells: an empty line in a table of one cell per line, a `—`
   * between spaces.
   */
  placed?: boolean;
  number?: ParsedNumber;
}

const NUMBER_SOURCE = String.raw`[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?`;
const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`);
const NUMBER_IN_TEXT = new RegExp(NUMBER_SOURCE, 'g');
/** What follows the ordinal of a label (`1.属于国家秘密`, `3、其他`): the ordinal is label text, not a cell. */
const AFTER_ORDINAL = /^[.、．][^\d\s]/;
/** A line of an ordinal alone, its label on the next (`2.⏎其他法律行政法规禁止公开`, one cell a line): label text. */
const ORDINAL_LINE = /^\s*[0-9０-９]{1,2}\s*[.、．]\s*$/;
/** Digits that end in a year (followed by 年 in the text) after at least one cell's digit. */
const GLUED_YEAR = /^\d+(?:19|20)\d\d$/;
const FILLER = /^[-—–－_/\\]$/;
const SEPARATOR_ROW = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/;

/** Whether `s` is a short run of ASCII digits: most cells, read without a regex. */
function isPlainDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function parseNumber(written: string): ParsedNumber | undefined {
  if (isPlainDigits(written)) return { value: Number(written), digits: written, signed: false, fraction: false, unit: undefined };
  const s = fold(written).replace(/−/g, '-');
  if (!WHOLE_NUMBER.test(s)) return undefined;
  const unit = /万元|元$/.exec(s)?.[0];
  const body = unit ? s.slice(0, -unit.length) : s;
  const signed = /^[+-]/.test(body);
  const value = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return {
    value,
    digits: /^[+-]?\d+$/.test(body) ? body : undefined,
    signed,
    fraction: body.includes('.'),
    unit,
  };
}

function cellsOf(text: string, separator: '|' | '\t'): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === separator) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  // A pipe row's leading and trailing pipes delimit nothing.
  if (separator === '|') {
    if (cells.length && isBlank(text.slice(cells[0].start, cells[0].end))) cells.shift();
    if (cells.length && isBlank(text.slice(cells[cells.length - 1].start, cells[cells.length - 1].end))) cells.pop();
  }
  return cells;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** A word of running text (between white space). */
const WORD = /\S+/g;

/** Whether `text[start, end)` is one filler character (`—`, `-`, `/`…): a blank cell written as a mark. */
function isFiller(text: string, start: number, end: number): boolean {
  return end - start === 1 && FILLER.test(fold(text[start]));
}

/**
 * Atoms of the text between numbers, by its white-space-separated words: a filler standing alone
 * (`90 — 5 — — — 95`) is a blank cell in its place; the other words are label text.
 */
function pushText(text: string, from: number, to: number, offset: number, line: number, out: Atom[]): void {
  let textStart = -1;
  let textEnd = -1;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    if (isFiller(text, m.index, end)) {
      if (textStart >= 0) out.push({ kind: 'text', span: { start: offset + textStart, end: offset + textEnd }, text: text.slice(textStart, textEnd), line, delimited: false });
      textStart = -1;
      out.push({ kind: 'blank', span: { start: offset + m.index, end: offset + end }, text: text.slice(m.index, end), line, delimited: false, placed: true });
    } else {
      if (textStart < 0) textStart = m.index;
      textEnd = end;
    }
  }
  if (textStart >= 0) out.push({ kind: 'text', span: { start: offset + textStart, end: offset + textEnd }, text: text.slice(textStart, textEnd), line, delimited: false });
}

/** Atoms of running text: numbers where they stand, label text between them. */
function scanText(text: string, offset: number, line: number, out: Atom[]): void {
  const folded = fold(text);
  let last = 0;
  NUMBER_IN_TEXT.lastIndex = 0;
  for (let m = NUMBER_IN_TEXT.exec(folded); m; m = NUMBER_IN_TEXT.exec(folded)) {
    let written = m[0];
    const after = m.index + written.length;
    if (AFTER_ORDINAL.test(folded.slice(after, after + 2))) {
      // `3.危及…` (and a garbled `3.1.危及…`) is a label's ordinal, not a cell. Flattened text glues the
      // ordinal to the previous row's digits (`0000002.其他法律…`): the format's ordinals have
      // ROW_ORDINAL_DIGITS digits, so the digits before them are that row's.
      const cut = written.length - ROW_ORDINAL_DIGITS;
      if (!/^\d+$/.test(written) || cut < 1) continue;
      written = written.slice(0, cut);
      NUMBER_IN_TEXT.lastIndex = m.index + cut;
    } else if (folded.charCodeAt(after) === 0x5e74 /* 年 */ && GLUED_YEAR.test(written)) {
      // Flattened text runs the prose after a table into its last cells (`…0000002021年，我局…`): the year is prose.
      written = written.slice(0, -4);
      NUMBER_IN_TEXT.lastIndex = m.index + written.length + 4;
    }
    const number = parseNumber(written);
    if (!number) continue;
    pushText(text, last, m.index, offset, line, out);
    out.push({ kind: 'number', span: { start: offset + m.index, end: offset + m.index + written.length }, text: text.slice(m.index, m.index + written.length), line, delimited: false, number });
    last = m.index + written.length;
  }
  pushText(text, last, text.length, offset, line, out);
}

/** The atoms of the lines that intersect `span`. */
const ONE_NUMBER = /^\s*[+\-−]?\d+(?:\.\d+)?\s*$/;

/**
 * Whether empty lines in `span` are blank cells: the table has one cell per
 * line, and its empty lines are not the separators of a layout that puts one
 * after every cell (then nearly every two lines have a gap between them).
 */
function emptyLinesAreCells(source: string, lines: readonly Line[], span: Span): boolean {
  let content = 0;
  let single = 0;
  let gaps = 0;
  let gap = -1;
  for (const line of linesIn(lines, span)) {
    const text = source.slice(Math.max(line.start, span.start), Math.min(line.end, span.end));
    if (isBlank(text)) {
      if (gap >= 0) gap++;
      continue;
    }
    content++;
    if (ONE_NUMBER.test(fold(text))) single++;
    if (gap > 0) gaps++;
    gap = 0;
  }
  return gaps > 0 && single >= 7 && single * 2 >= content && gaps < (content - 1) * 0.8;
}

/**
 * What a saved web page or a PDF leaves inside a table's text and is no part
 * of any cell: HTML comments, tags and entities (`<!--[if …]-->`, `<br>`,
 * `&nbsp;`), zero-width characters, and a page footer run into a flattened row
 * (`…01- 5 -四、…`, `第5页，共9页`) — not a dash-marked cell among others (`4 — 1 — 5`).
 */
const DEBRIS =
  /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]{0,200}>|&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#\d{1,6}|#x[0-9a-fA-F]{1,6});|[\u200b-\u200d\u2060]|(?<![-—–－/]\s{0,3})[-—–－]\s+\d{1,3}\s+[-—–－](?!\s{0,3}[-—–－/\d])|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页\s*[,，/／]?\s*第\s*\d{1,3}\s*页/g;

/** A character that every piece of debris starts with: most lines have none, and are not searched further. */
const DEBRIS_START = /[<&\u200b-\u200d\u2060\-—–－第共]/;

/** The text with debris blanked out by spaces, so that offsets stay those of the source. */
function withoutDebris(text: string): string {
  return DEBRIS_START.test(text) ? text.replace(DEBRIS, (m) => ' '.repeat(m.length)) : text;
}

export function tokenize(source: string, lines: readonly Line[], span: Span): Atom[] {
  const atoms: Atom[] = [];
  const emptyCells = emptyLinesAreCells(source, lines, span);
  for (const line of linesIn(lines, span)) {
    if (line.end < span.start) continue;
    const start = Math.max(line.start, span.start);
    const text = withoutDebris(source.slice(start, Math.min(line.end, span.end)));
    if (isBlank(text)) {
      // Between a row's label or cells and its next cell: a blank cell (its end is decided by the reader).
      const previous = atoms[atoms.length - 1];
      if (emptyCells && previous && previous.line === line.index - 1 && !previous.delimited) {
        atoms.push({ kind: 'blank', span: { start, end: start }, text: '', line: line.index, delimited: false, placed: true });
      }
      continue;
    }
    if (SEPARATOR_ROW.test(text) || isPageFooter(text)) continue;
    const separator = text.includes('|') ? '|' : text.includes('\t') ? '\t' : undefined;
    if (!separator) {
      if (ORDINAL_LINE.test(text)) atoms.push({ kind: 'text', span: { start, end: start + text.trimEnd().length }, text: text.trimEnd(), line: line.index, delimited: false });
      else scanText(text, start, line.index, atoms);
      continue;
    }
    for (const cell of cellsOf(text, separator)) {
      const t = trimmed(text, cell.start, cell.end);
      const content = text.slice(t.start, t.end);
      const cellSpan = { start: start + t.start, end: start + t.end };
      if (!content) {
        // An empty cell's place is just inside it, so that a number written there reads `| 5 |`.
        const at = start + cell.start + (cell.end > cell.start && /\s/.test(text[cell.start]) ? 1 : 0);
        atoms.push({ kind: 'blank', span: { start: at, end: at }, text: content, line: line.index, delimited: true });
        continue;
      }
      if (FILLER.test(fold(content))) {
        atoms.push({ kind: 'blank', span: cellSpan, text: content, line: line.index, delimited: true });
        continue;
      }
      const number = parseNumber(content);
      if (number) {
        atoms.push({ kind: 'number', span: cellSpan, text: content, line: line.index, delimited: true, number });
      } else if (/^[\d\s.,+\-−]+$/.test(fold(content))) {
        // Several numbers in one cell (a converter merged cells): each is a cell of its own.
        const before = atoms.length;
        scanText(content, cellSpan.start, line.index, atoms);
        for (let i = before; i < atoms.length; i++) atoms[i].delimited = true;
      } else {
        atoms.push({ kind: 'text', span: cellSpan, text: content, line: line.index, delimited: true });
      }
    }
  }
  return atoms;
}
