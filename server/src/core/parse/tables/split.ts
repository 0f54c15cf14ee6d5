// Reading a row's numbers into its cells. Where a flattened layout ran the
// digits of several cells together (`4000004`, `20 02`) or dropped blank
// cells, every reading is tried, and one is taken only when it is the single
// reading that satisfies the table's relations. Never a guess.

import { MAX_CELL_VALUE } from '../../format/tables';
import type { Span } from '../../text';
import type { Atom } from './atoms';

export interface CellDraft {
  value: number | null;
  span?: Span;
  split?: boolean;
  uncertainColumn?: boolean;
  /** Text where a number belongs. */
  notNumber?: boolean;
  atom?: Atom;
}

/**
 * Why a row's numbers could not be read into its cells: digits that ran together
 * with no single split, more values than cells, or fewer values than cells
 * (blanks dropped) with no single placement; or one run of digits that no
 * reading makes add up (blanks count as nothing) — the row is wrong whichever
 * reading is meant.
 */
export type UnreadReason = 'runTogether' | 'tooManyValues' | 'blanksDropped' | 'noReadingFits';

export type RowReading = { kind: 'read'; cells: CellDraft[] } | { kind: 'ambiguous'; reason: UnreadReason };

/** Holds when the values (blanks as `null`) satisfy the table's relations for this row. */
export type Relation = (values: (number | null)[]) => boolean;

/** More readings than this are not enumerated: the row is reported as run together. */
const MAX_READINGS = 20000;
const MAX_DIGITS = 40;
const MAX_CELL_DIGITS = String(MAX_CELL_VALUE).length - 1;

/** The ways to cut `digits` into counts without leading zeros, at most `maxParts` of them. */
function cuts(digits: string, maxParts: number): number[][][] {
  const out: number[][][] = [];
  const walk = (at: number, parts: number[][]) => {
    if (out.length > MAX_READINGS) return;
    if (at === digits.length) {
      out.push(parts);
      return;
    }
    if (parts.length === maxParts) return;
    for (let end = at + 1; end <= digits.length; end++) {
      // No leading zeros, and no piece beyond any real cell.
      if ((digits[at] === '0' && end > at + 1) || end - at > MAX_CELL_DIGITS) break;
      walk(end, [...parts, [at, end]]);
    }
  };
  walk(0, []);
  return out;
}

interface Piece {
  value: number;
  span: Span;
  split: boolean;
  atom: Atom;
}

/** Whether an atom's digits may hold several cells: an integer of several digits outside a delimited cell. */
function mayRunTogether(atom: Atom): boolean {
  return !atom.delimited && atom.kind === 'number' && !!atom.number?.digits && atom.number.digits.replace(/^[+-]/, '').length > 1;
}

/**
 * Places `k < width` values into `width` cells: the first is the first column,
 * the last is the last column (the total), the rest follow the first in order;
 * the cells in between are blank. Values other than zero in the middle may
 * stand in another column, so they are marked uncertain.
 */
function place(values: (Piece | null)[], width: number): CellDraft[] {
  const draft = (p: Piece | null): CellDraft => (p ? { value: p.value, span: p.span, split: p.split || undefined, atom: p.atom } : { value: null });
  if (values.length >= width) return values.slice(0, width).map(draft);
  const cells: CellDraft[] = new Array(width).fill(null).map(() => ({ value: null }));
  if (values.length === 0) return cells;
  cells[0] = draft(values[0]);
  if (values.length === 1) return cells;
  cells[width - 1] = draft(values[values.length - 1]);
  values.slice(1, -1).forEach((p, i) => {
    cells[i + 1] = draft(p);
    if (p && p.value !== 0) cells[i + 1].uncertainColumn = true;
  });
  return cells;
}

/**
 * Reads `atoms` (numbers and blank cells, in order) as a row of `width` cells.
 * `relation`, when the format has one for the row, decides between readings.
 */
export function readRow(atoms: readonly Atom[], width: number, relation?: Relation): RowReading {
  // Delimited layouts: the cells are given. More cells than the row has: blank cells at the start are
  // the label's merged columns (`（一）予以公开\t\t50\t…`), blank cells at the end are empty trailing
  // cells; any other surplus is too many values, and the row is not read.
  if (atoms.length && atoms.every((a) => a.delimited)) {
    // A row's cells end with its line: the empty first cell of the next line (`\t\t2.…`) is not one of them.
    const values = atoms.filter((a) => a.kind !== 'blank');
    const firstLine = values.length ? values[0].line : atoms[0].line;
    const lastLine = values.length ? values[values.length - 1].line : atoms[0].line;
    let cells = atoms.filter((a) => a.kind !== 'blank' || (a.line >= firstLine && a.line <= lastLine));
    const excess = cells.length - width;
    if (excess > 0) {
      if (cells.slice(0, excess).every((a) => a.kind === 'blank')) cells = cells.slice(excess);
      else if (cells.slice(width).every((a) => a.kind === 'blank')) cells = cells.slice(0, width);
      else return { kind: 'ambiguous', reason: 'tooManyValues' };
    }
    const drafts: CellDraft[] = cells.map((a) =>
      a.kind === 'number'
        ? { value: a.number!.value, span: a.span, atom: a }
        : a.kind === 'text'
          ? { value: null, span: a.span, notNumber: true }
          : { value: null, span: a.span },
    );
    while (drafts.length < width) drafts.push({ value: null });
    return { kind: 'read', cells: drafts };
  }
  // Blank cells whose places are written (empty lines in one cell per line, `—` between spaces): the cells
  // are given, in order, when they fill the row.
  if (atoms.some((a) => a.placed)) {
    // Empty lines after the row's last cell separate it from the next row.
    const cells = atoms.slice(0, width);
    if (cells.length === width && atoms.slice(width).every((a) => a.kind === 'blank') && cells.every((a) => a.kind === 'blank' || !mayRunTogether(a) || !/^[+-]?0\d/.test(a.number!.digits!))) {
      return {
        kind: 'read',
        cells: cells.map((a) => (a.kind === 'number' ? { value: a.number!.value, span: a.span, atom: a } : { value: null, span: a.span })),
      };
    }
  }
  return readPlain(atoms.filter((a) => a.kind === 'number'), width, relation);
}

function readPlain(numbers: readonly Atom[], width: number, relation?: Relation): RowReading {
  const unread = (): RowReading => ({
    kind: 'ambiguous',
    // An amount's integer digits may hold a count before it too (`政府集中采购191690.9913万元`).
    reason: numbers.some((a) => mayRunTogether(a) || (!a.delimited && /\d{2}\./.test(a.text))) ? 'runTogether' : numbers.length > width ? 'tooManyValues' : 'blanksDropped',
  });
  const natural: Piece[] = numbers.map((a) => ({ value: a.number!.value, span: a.span, split: false, atom: a }));
  const suspicious = numbers.some((a) => mayRunTogether(a) && /^[+-]?0/.test(a.number!.digits!));
  if (natural.length === width && !suspicious && (!relation || relation(natural.map((p) => p.value)))) {
    return { kind: 'read', cells: place(natural, width) };
  }
  const totalDigits = numbers.reduce((n, a) => n + (mayRunTogether(a) ? a.number!.digits!.length : 0), 0);
  // `-240` may be `-2` and `40`: the sign stays with the first piece.
  const unsigned = (a: Atom) => a.number!.digits!.replace(/^[+-]/, '');
  if (totalDigits > MAX_DIGITS) return unread();

  // Every reading: each run-together atom cut into counts, the others as they are.
  const options: Piece[][][] = numbers.map((atom) => {
    if (!mayRunTogether(atom)) return [[{ value: atom.number!.value, span: atom.span, split: false, atom }]];
    const digits = unsigned(atom);
    const sign = atom.number!.digits!.length - digits.length;
    const negative = atom.number!.value < 0;
    return cuts(digits, width).map((parts) =>
      parts.map(([s, e], i) => ({
        value: (i === 0 && negative ? -1 : 1) * Number(digits.slice(s, e)),
        span: { start: atom.span.start + (i === 0 ? 0 : sign + s), end: atom.span.start + sign + e },
        split: parts.length > 1,
        atom,
      })),
    );
  });
  const readings: CellDraft[][] = [];
  const seen = new Set<string>();
  let count = 0;
  let fullReadings = 0;
  const walk = (i: number, acc: Piece[]) => {
    if (++count > MAX_READINGS || acc.length > width) return;
    if (i === options.length) {
      if (acc.length === 0) return;
      const cells = place(acc, width);
      const values = cells.map((c) => c.value);
      const fits = relation ? relation(values) : acc.length === width;
      if (acc.length === width) fullReadings++;
      const key = values.join(',');
      if (fits && !seen.has(key)) {
        seen.add(key);
        readings.push(cells);
      }
      return;
    }
    for (const option of options[i]) walk(i + 1, [...acc, ...option]);
  };
  walk(0, []);
  if (count > MAX_READINGS) return unread();
  if (readings.length === 1) return { kind: 'read', cells: readings[0] };
  // No reading satisfies the relations: the numbers as written, when they fill the row, are what the report says.
  if (readings.length === 0 && natural.length === width) return { kind: 'read', cells: place(natural, width) };
  // Said only of one run of digits that is the whole row: numbers of the prose that follows a table may
  // have joined a row of several runs, and no reading of those says anything of the row.
  if (relation && numbers.length === 1 && fullReadings > 0 && readings.length === 0) return { kind: 'ambiguous', reason: 'noReadingFits' };
  return unread();
}
