// Text primitives shared by the parser, the checks and the features.
// Everything works on offsets into the document string (UTF-16 code units);
// line/character positions are made only where a caller needs them.

export interface Span {
  start: number;
  end: number;
}

/** One physical line of the document, without its line break. */
export interface Line extends Span {
  readonly index: number;
  readonly text: string;
  /** Offset just past the line break (equal to `end` on the last line). */
  readonly next: number;
}

/**
 * A line's text is read from the document when asked: an open document keeps
 * its lines for as long as it is open, and a copy of every line would double it.
 */
class DocumentLine implements Line {
  constructor(
    private readonly source: string,
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly next: number,
  ) {}
  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push(new DocumentLine(text, index++, start, i, next));
      start = next;
      i = next - 1;
    }
  }
  lines.push(new DocumentLine(text, index, start, n, n));
  return lines;
}

/** Index of the line that holds `offset` (the last line for offsets past the end). Binary search. */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `span` moved by `by` units: a yearbook's report's spans, placed in the whole text. */
export function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** The lines that intersect a span, without visiting the others. */
export function linesIn(lines: readonly Line[], span: Span): readonly Line[] {
  const first = lineIndexAt(lines, span.start);
  let end = first;
  while (end < lines.length && lines[end].start < span.end) end++;
  return lines.slice(first, end);
}

/** The line break the document mostly uses, for inserted text. */
export function detectEol(text: string): string {
  const crlf = text.indexOf('\r\n');
  return crlf >= 0 && crlf <= (text.indexOf('\n') === -1 ? Infinity : text.indexOf('\n')) ? '\r\n' : '\n';
}

/** Maps offsets to 0-based line and UTF-16 character, as LSP counts them. */
export class LineIndex {
  private readonly starts: number[];
  constructor(text: string) {
    this.starts = splitLines(text).map((l) => l.start);
  }
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}

/** White space at `lastIndex` (`\s` covers the ideographic space, NBSP and BOM); tested without reading the character out. */
const WHITESPACE_AT = /\s/y;
const NOT_WHITESPACE = /\S/;

export function whitespaceAt(text: string, at: number): boolean {
  WHITESPACE_AT.lastIndex = at;
  return WHITESPACE_AT.test(text);
}

/**
 * A copy of `s` that holds no reference to the text it was cut from: V8 keeps
 * a slice of 13 characters or more as a view on the whole string, so a
 * long-lived map keyed by slices would keep every version of a document alive.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** `s` cut to at most `max` UTF-16 units without splitting a surrogate pair (a CJK extension character stays whole or goes). */
export function sliceUnits(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

export function isBlank(s: string): boolean {
  return !NOT_WHITESPACE.test(s);
}

/** The span of `line` without leading/trailing white space. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && whitespaceAt(text, start)) start++;
  while (end > start && whitespaceAt(text, end - 1)) end--;
  return { start, end };
}

/**
 * Folds the width and punctuation variants that drafters and converters
 * mix freely: full-width ASCII, ideographic space, both kinds of brackets.
 * One character in, one character out, so offsets are preserved.
 */
export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  const folded = foldCode(c);
  return folded === c ? ch : String.fromCharCode(folded);
}

/** `foldChar` of one UTF-16 unit, as a code. */
function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII, ［ and ］ among them
  switch (c) {
    case 0x3000: // ideographic space
      return 0x20;
    case 0x3014: // 〔
    case 0x3010: // 【
      return 0x5b;
    case 0x3015: // 〕
    case 0x3011: // 】
      return 0x5d;
    default:
      return c;
  }
}

const FOLDABLE = /[\uff01-\uff5e\u3000〔［【〕］】]/g;

/** Length-preserving: a replace only where there is something to fold. */
export function fold(s: string): string {
  return s.replace(FOLDABLE, foldChar);
}

/** Punctuation and spacing that carry no meaning when comparing labels. */
const LABEL_NOISE = /[\s\u00a0\u3000\ufeff、，,。.．:：;；!！?？“”"'‘’「」『』《》<>〈〉()（）\[\]【】〔〕\-—_|#·…]/g;
const LABEL_NOISE_ONE = new RegExp(`^${LABEL_NOISE.source}$`);

/** Answers of `isLabelNoise` by UTF-16 unit (0 not yet known, 1 no, 2 yes): labels are compared character by character. */
const noise = new Uint8Array(0x10000);

/** Whether one UTF-16 unit (folded or not) is label noise. */
function isLabelNoiseCode(code: number): boolean {
  if (noise[code] === 0) noise[code] = LABEL_NOISE_ONE.test(foldChar(String.fromCharCode(code))) ? 2 : 1;
  return noise[code] === 2;
}

/**
 * `labelKey` of `text[start, end)` with, for each kept character, its source
 * offset. `keepLines`: each line break (CR, LF or CRLF) stays as one `\n`;
 * `limit`: at most so many characters are kept.
 */
export function keyed(text: string, start: number, end: number, keepLines = false, limit = Infinity): { key: string; offsets: number[] } {
  // Character codes, not one-character strings: a CJK character read as `text[i]` is a new string each time.
  const codes: number[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end && codes.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (keepLines && (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))) {
      codes.push(10);
      offsets.push(i);
      continue;
    }
    if (isLabelNoiseCode(c)) continue;
    codes.push(foldCode(c));
    offsets.push(i);
  }
  return { key: fromCodes(codes), offsets };
}

/** The string of UTF-16 codes, in pieces small enough for an argument list. */
function fromCodes(codes: number[]): string {
  const PIECE = 4096;
  if (codes.length <= PIECE) return String.fromCharCode(...codes);
  let s = '';
  for (let i = 0; i < codes.length; i += PIECE) s += String.fromCharCode(...codes.slice(i, i + PIECE));
  return s;
}

/** A label reduced to its words: used to compare headings and row labels. */
export function labelKey(s: string): string {
  return fold(s).replace(LABEL_NOISE, '');
}

/**
 * Text with white space (including line breaks) removed, and for each kept
 * character its offset in the source. Lets a pattern match across the line
 * breaks and spaces that PDF text puts inside sentences.
 */
export interface Compact {
  text: string;
  /** For each character of `text`, its offset in the source. */
  offsets: Int32Array;
}

/** The white space `compact` drops: what `\s` matches, plus the BOM. A code-unit test, no regex per character. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

export function compact(source: string, start = 0, end = source.length): Compact {
  const offsets = new Int32Array(end - start);
  const runs: string[] = [];
  let n = 0;
  let run = -1;
  for (let i = start; i < end; i++) {
    if (isSpaceCode(source.charCodeAt(i))) {
      if (run >= 0) runs.push(source.slice(run, i));
      run = -1;
      continue;
    }
    if (run < 0) run = i;
    offsets[n++] = i;
  }
  if (run >= 0) runs.push(source.slice(run, end));
  return { text: fold(runs.join('')), offsets: offsets.subarray(0, n) };
}

/** The source span covered by compact characters [from, to). */
export function compactSpan(c: Compact, from: number, to: number): Span {
  const start = c.offsets[from];
  const end = c.offsets[to - 1] + 1;
  return { start, end };
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese numeral such as 六, 十二, 三十三, 一百零五, 两千. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else {
      return undefined;
    }
  }
  return total + section + Math.max(digit, 0);
}

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Writes 1–99 as a Chinese numeral (used for headings such as 六、 and (十二)). */
export function toChineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n];
  if (n < 20) return '十' + (n % 10 ? NUMERALS[n % 10] : '');
  return NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? NUMERALS[n % 10] : '');
}

// Rows of the edit-distance table, reused between calls: labels are short and matched often.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, bounded: returns `max + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length * 2 + 1);
    currentRow = new Int32Array(b.length * 2 + 1);
  }
  let prev = previousRow;
  let cur = currentRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Masking characters that publishers use to hide names (`****`, `××`). */
export const MASK_RUN = /[*＊×✱]{2,}|[*＊]/g;

/**
 * Whether a masked label (`****政府信息情况`) can stand for `official`: its
 * visible pieces appear in order, anchored at the ends that are not masked.
 * Requires enough visible text that a bare `****` matches nothing.
 */
export function maskedMatch(maskedKey: string, officialKey: string, minVisible = 3): boolean {
  const pieces = maskedKey.split(/[*＊×✱]+/);
  if (pieces.length < 2) return false;
  const visible = pieces.join('');
  if (visible.length < minVisible) return false;
  let pos = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    if (i === 0) {
      if (!officialKey.startsWith(piece)) return false;
      pos = piece.length;
      continue;
    }
    const at = i === pieces.length - 1 ? officialKey.length - piece.length : officialKey.indexOf(piece, pos);
    if (at < pos || officialKey.slice(at, at + piece.length) !== piece) return false;
    pos = at + piece.length;
  }
  return true;
}

/** Page numbers that PDF text leaves between paragraphs: `- 4 -`, `— 5 —`, `第3页`. */
const PAGE_FOOTER =
  /^[-—–－]\s*\d+\s*[-—–－]$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页$|^\d+\s*\/\s*\d+$|^[·•]\s*\d+\s*[·•]$|^page\s*\d+(\s*of\s*\d+)?$|^\[\s*\d+\s*\]$/i;

export function isPageFooter(line: string): boolean {
  return PAGE_FOOTER.test(fold(line).trim());
}
