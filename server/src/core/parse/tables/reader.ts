// Reading a table whose rows have labels (tables 1 and 2), in any layout:
// atoms → items (labels, values, other text) → rows, by their labels as
// anchors (the numbers after a label are its row's), or by their order where
// PDF text put the labels apart from their numbers — whichever reads more
// rows → each row's numbers into its cells (`split.ts`).

import type { BlockDef, RowDef } from '../../format/tables';
import { labelKey, type Span } from '../../text';
import type { RowLabel, TableRow } from '../model';
import type { Atom } from './atoms';
import { RowMatcher, type LabelPiece } from './labels';
import { buildRow, type ColumnKind } from './rows';
import { readRow, type Relation } from './split';

/** What the reader needs of a table: its rows and blocks, and the relation that decides a row's reading. */
export interface TableSpec {
  rowDefs: RowDef[];
  blocks: BlockDef[];
  blockOf(row: RowDef): number;
  relation?: Relation;
  kindOf?: (column: BlockDef['columns'][number]) => ColumnKind;
  /** Text after a row's numbers ends the row (table 1, where block headings and headers stand between rows). */
  textEndsRow?: boolean;
}

export interface ReadTable {
  rows: TableRow[];
  missing: RowDef[];
  groupLabels: RowLabel[];
  span: Span;
}

type Item =
  | { kind: 'label'; piece: LabelPiece; line: number }
  | { kind: 'value'; atom: Atom }
  /** Text that is no label on its own (it may be one where the order expects it). */
  | { kind: 'text'; piece: LabelPiece };

interface Assignment {
  row: RowDef;
  label?: LabelPiece;
  atoms: Atom[];
}

/** A row of cells with text only, three or more of them: a header row, whose words are no labels. */
function headerLines(atoms: Atom[]): Set<number> {
  const text = new Map<number, number>();
  const numbers = new Set<number>();
  for (const a of atoms) {
    if (a.kind === 'number') numbers.add(a.line);
    else if (a.kind === 'text' && a.delimited) text.set(a.line, (text.get(a.line) ?? 0) + 1);
  }
  return new Set([...text].filter(([line, n]) => n >= 3 && !numbers.has(line)).map(([line]) => line));
}

/** An ordinal inside a cell's text: the label of the next row, on the same line in PDF text. */
const HAS_ORDINAL = /\d[.、．]/;
/** A short word in a cell where a number belongs (`无`, `暂无`): a cell that is not a number, never label text. */
const WORD_IN_CELL = 2;

const BARE_ORDINAL = /^\s*(?:[一二三四五六七]\s*、|[(（]\s*[一二三四五六七]\s*[)）]|[0-9０-９]{1,2}\s*[.、．])\s*$/;

function itemsOf(atoms: Atom[], matcher: RowMatcher): Item[] {
  const items: Item[] = [];
  const headers = headerLines(atoms);
  let ordinal: Atom | undefined;
  // What came before on the current line: a number, a label.
  let line = -1;
  let numberOnLine = false;
  let labelOnLine = false;
  for (const atom of atoms) {
    if (atom.line !== line) [line, numberOnLine, labelOnLine] = [atom.line, false, false];
    if (atom.kind !== 'text') {
      items.push({ kind: 'value', atom });
      ordinal = undefined;
      numberOnLine ||= atom.kind === 'number';
      continue;
    }
    if (headers.has(atom.line)) continue;
    if (BARE_ORDINAL.test(atom.text)) {
      ordinal = atom; // `三、` alone on a line, its label on the next (seed 002)
      continue;
    }
    // Text in a cell where the row's numbers stand (`| 5 | 无 |`, `| 2.重复申请 | 无 | 1 |`): a cell that is not a number.
    if (atom.delimited && ((numberOnLine && !HAS_ORDINAL.test(atom.text)) || (labelOnLine && labelKey(atom.text).length <= WORD_IN_CELL))) {
      items.push({ kind: 'value', atom });
      continue;
    }
    for (const piece of matcher.pieces(atom.text, atom.span.start)) {
      if (ordinal && piece.candidates[0]?.quality !== 'exact') {
        const whole = matcher.match(ordinal.text + piece.text);
        if (whole[0]?.quality === 'exact') piece.candidates = whole;
      }
      ordinal = undefined;
      items.push(piece.candidates.length ? { kind: 'label', piece, line: atom.line } : { kind: 'text', piece });
      labelOnLine ||= piece.candidates.length > 0;
    }
  }
  return items;
}

/** Pass A: the numbers after a label, up to the next label, are that row's. */
function byAnchors(items: Item[], leaves: RowDef[], groupLabels: RowLabel[], matcher: RowMatcher, textEndsRow: boolean): Assignment[] {
  const order = new Map(leaves.map((r, i) => [r.id, i]));
  const byRow = new Map<string, Assignment>();
  let current: Assignment | undefined;
  let lastIndex = -1;
  for (const item of items) {
    if (item.kind === 'value') {
      current?.atoms.push(item.atom);
      continue;
    }
    if (item.kind === 'text') {
      // A label that lost its ordinal (`…00其他0 0 0…` for `3.其他`), where the order expects that row.
      const expected = leaves[lastIndex + 1];
      if (current?.atoms.length && expected && !byRow.has(expected.id) && matcher.isBareLabelOf(item.piece.text, expected)) {
        item.piece.candidates = [{ row: expected, quality: 'variant' }];
        current = { row: expected, label: item.piece, atoms: [] };
        byRow.set(expected.id, current);
        lastIndex++;
      } else if (textEndsRow && current?.atoms.some((a) => a.kind === 'number')) {
        current = undefined; // a block heading or a header after a row's numbers ends that row
      }
      continue;
    }
    const leafCandidates = item.piece.candidates.filter((c) => order.has(c.row.id));
    if (!leafCandidates.length) {
      const group = item.piece.candidates.find((c) => c.quality !== 'fragment');
      if (group) {
        current = undefined; // a group header
        groupLabels.push({ row: group.row, span: item.piece.span, text: item.piece.text, quality: group.quality });
      }
      continue;
    }
    // Of equally good candidates, the first row after the last one read: labels come in the format's order.
    const best = leafCandidates.filter((c) => c.quality === leafCandidates[0].quality);
    const pick = best.find((c) => order.get(c.row.id)! > lastIndex) ?? best[0];
    const existing = byRow.get(pick.row.id);
    if (existing && existing.atoms.length) {
      current = undefined; // the same label again (a stray header row): its numbers are nobody's
      continue;
    }
    // A label seen before without numbers (a stray header cell) gives way to this one.
    current = existing ? { ...existing, label: item.piece } : { row: pick.row, label: item.piece, atoms: [] };
    byRow.set(pick.row.id, current);
    lastIndex = order.get(pick.row.id)!;
  }
  return [...byRow.values()];
}

interface NumberRow {
  atoms: Atom[];
  anchor?: LabelPiece;
}

/** Pass B: lines of numbers, aligned in order with the format's rows; labels on the same line anchor them. */
function byOrder(items: Item[], leaves: RowDef[], widthOf: (row: RowDef) => number): Assignment[] {
  const rows: NumberRow[] = [];
  // A row's label where it alone is exactly named, wherever it stands: the row keeps it (hover, fixes).
  const named = new Map<RowDef, LabelPiece | null>();
  for (const item of items) {
    if (item.kind !== 'label' || item.piece.candidates.length !== 1 || item.piece.candidates[0].quality !== 'exact') continue;
    const row = item.piece.candidates[0].row;
    named.set(row, named.has(row) ? null : item.piece);
  }
  let lineLabel: { line: number; piece: LabelPiece } | undefined;
  let open: { line: number; row: NumberRow } | undefined;
  for (const item of items) {
    if (item.kind === 'text') continue;
    if (item.kind === 'label') {
      if (item.piece.candidates.some((c) => leaves.includes(c.row))) lineLabel = { line: item.line, piece: item.piece };
      continue;
    }
    const line = item.atom.line;
    if (open && open.line === line) {
      open.row.atoms.push(item.atom);
      continue;
    }
    open = { line, row: { atoms: [item.atom], anchor: lineLabel?.line === line ? lineLabel.piece : undefined } };
    rows.push(open.row);
  }
  // A line of numbers: at least two, unless some row has a single cell (table 1).
  const least = Math.min(2, ...leaves.map(widthOf));
  const numberRows = rows.filter((r) => r.atoms.filter((a) => a.kind === 'number').length >= least);
  const m = numberRows.length;
  const n = leaves.length;
  if (!m) return [];

  const score = (r: NumberRow, leaf: RowDef) => {
    if (!r.anchor) return 1;
    const c = r.anchor.candidates.find((x) => x.row === leaf);
    return c ? (c.quality === 'fragment' ? 3 : 4) : -6;
  };
  // Needleman–Wunsch: keep the order of both, skip stray number lines or absent rows at a cost.
  const dp: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = 1; i <= m; i++) dp[i][0] = dp[i - 1][0] - 2;
  for (let j = 1; j <= n; j++) dp[0][j] = dp[0][j - 1] - 1;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      dp[i][j] = Math.max(dp[i - 1][j - 1] + score(numberRows[i - 1], leaves[j - 1]), dp[i - 1][j] - 2, dp[i][j - 1] - 1);
    }
  }
  const out: Assignment[] = [];
  for (let i = m, j = n; i > 0 && j > 0; ) {
    if (dp[i][j] === dp[i - 1][j - 1] + score(numberRows[i - 1], leaves[j - 1])) {
      out.unshift({ row: leaves[j - 1], label: numberRows[i - 1].anchor ?? named.get(leaves[j - 1]) ?? undefined, atoms: numberRows[i - 1].atoms });
      i--;
      j--;
    } else if (dp[i][j] === dp[i - 1][j] - 2) i--;
    else j--;
  }
  return out;
}

function read(assignments: Assignment[], spec: TableSpec): { rows: TableRow[]; readCount: number } {
  const rows: TableRow[] = [];
  let readCount = 0;
  for (const a of assignments) {
    const block = spec.blockOf(a.row);
    const columns = spec.blocks[block].columns;
    if (!a.atoms.length) {
      rows.push(buildRow(a.row, block, columns, a.label, undefined, [], spec.kindOf));
      continue;
    }
    const reading = readRow(a.atoms, columns.length, spec.relation);
    if (reading.kind === 'read') readCount++;
    rows.push(buildRow(a.row, block, columns, a.label, reading, a.atoms, spec.kindOf));
  }
  return { rows, readCount };
}


/** The table's rows as read from `atoms`, or undefined when nothing in them is the table. */
export function readLabelledRows(atoms: Atom[], spec: TableSpec): ReadTable | undefined {
  const leaves = spec.rowDefs.filter((r) => !r.group);
  const matcher = RowMatcher.of(spec.rowDefs);
  const items = itemsOf(atoms, matcher);
  if (!items.some((i) => i.kind === 'label' && i.piece.candidates.some((c) => !c.row.group)) && !items.some((i) => i.kind === 'value')) {
    return undefined;
  }
  const widthOf = (row: RowDef) => spec.blocks[spec.blockOf(row)].columns.length;
  const groupLabels: RowLabel[] = [];
  const anchored = read(byAnchors(items, leaves, groupLabels, matcher, !!spec.textEndsRow), spec);
  // Reading by order is for text whose labels drifted from their numbers; not needed when every row was read.
  const ordered = anchored.readCount < leaves.length ? read(byOrder(items, leaves, widthOf), spec) : undefined;
  const chosen = ordered && ordered.readCount > anchored.readCount ? ordered : anchored;
  if (!chosen.rows.length) return undefined;

  const order = new Map(leaves.map((r, i) => [r.id, i]));
  chosen.rows.sort((a, b) => order.get(a.def.id)! - order.get(b.def.id)!);
  const present = new Set(chosen.rows.map((r) => r.def.id));
  const spans = chosen.rows.flatMap((r) => [r.span, ...(r.label ? [r.label.span] : [])]);
  return {
    rows: chosen.rows,
    missing: leaves.filter((r) => !present.has(r.id)),
    groupLabels,
    span: { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) },
  };
}
