// Table 2 (收到和处理政府信息公开申请情况): 7 numbers per row, rows anchored
// by their labels, or by their order where the labels have drifted away from
// their numbers (text from PDF and from PDF-to-Markdown converters).

import { holdsInRow } from '../../format/relations';
import { APPLICANT_COLUMNS, FORMATS, requestRows, type FormatId, type RowDef, type TableDef } from '../../format/tables';
import { compact, labelKey, type Line, type Span } from '../../text';
import type { RowLabel, SectionNode, Table, TableRow } from '../model';
import { tokenize, type Atom } from './atoms';
import { RowMatcher, type LabelPiece } from './labels';
import { readRow, type Relation } from './split';
import { buildRow } from './rows';

const WIDTH = APPLICANT_COLUMNS.length;
/** Words only the sub-rows of the 2021 format's (六)其他处理 have. */
const OTHER_HANDLING_SUBROWS = /逾期不补正|逾期未按收费|缴纳费用/;
const ROW_RELATIONS: Relation = (v) => holdsInRow('requests', v);

const tableDefs = new Map<RowDef[], TableDef>();
/** The table's definition for the rows it uses, shared like the rows themselves. */
function tableDef(format: FormatId, rows: RowDef[]): TableDef {
  let def = tableDefs.get(rows);
  if (!def) tableDefs.set(rows, (def = { ...FORMATS[format].tables.requests, blocks: [{ columns: APPLICANT_COLUMNS, rows }] }));
  return def;
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

const BARE_ORDINAL = /^\s*(?:[一二三四五六七]\s*、|[(（]\s*[一二三四五六七]\s*[)）])\s*$/;

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
      if (ordinal && piece.candidates[0]?.quality === 'variant') {
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
function byAnchors(items: Item[], leaves: RowDef[], groupLabels: RowLabel[], matcher: RowMatcher): Assignment[] {
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
function byOrder(items: Item[], leaves: RowDef[]): Assignment[] {
  const rows: NumberRow[] = [];
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
  const numberRows = rows.filter((r) => r.atoms.filter((a) => a.kind === 'number').length >= 2);
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
      out.unshift({ row: leaves[j - 1], label: numberRows[i - 1].anchor, atoms: numberRows[i - 1].atoms });
      i--;
      j--;
    } else if (dp[i][j] === dp[i - 1][j] - 2) i--;
    else j--;
  }
  return out;
}

function read(assignments: Assignment[]): { rows: TableRow[]; readCount: number } {
  const rows: TableRow[] = [];
  let readCount = 0;
  for (const a of assignments) {
    if (!a.atoms.length) {
      rows.push(buildRow(a.row, 0, APPLICANT_COLUMNS, a.label, undefined));
      continue;
    }
    const reading = readRow(a.atoms, WIDTH, ROW_RELATIONS);
    if (reading.kind === 'read') readCount++;
    rows.push(buildRow(a.row, 0, APPLICANT_COLUMNS, a.label, reading, a.atoms));
  }
  return { rows, readCount };
}

export function parseRequests(text: string, lines: readonly Line[], section: SectionNode, format: FormatId): Table | undefined {
  const body: Span = section.body;
  const atoms = tokenize(text, lines, body);
  // Whether (六)其他处理 has the 2021 format's sub-rows is read from their words, whatever the format says:
  // mixed reports use the 2021 rows with a single (六).
  const split = OTHER_HANDLING_SUBROWS.test(compact(text, body.start, body.end).text);
  const rowDefs = requestRows(format, split);
  const leaves = rowDefs.filter((r) => !r.group);
  const matcher = new RowMatcher(rowDefs);
  const items = itemsOf(atoms, matcher);
  if (!items.some((i) => i.kind === 'label' && i.piece.candidates.some((c) => !c.row.group)) && !items.some((i) => i.kind === 'value')) {
    return undefined;
  }

  const groupLabels: RowLabel[] = [];
  const anchored = read(byAnchors(items, leaves, groupLabels, matcher));
  // Reading by order is for text whose labels drifted from their numbers; not needed when every row was read.
  const ordered = anchored.readCount < leaves.length ? read(byOrder(items, leaves)) : undefined;
  const chosen = ordered && ordered.readCount > anchored.readCount ? ordered : anchored;
  if (!chosen.rows.length) return undefined;

  const order = new Map(leaves.map((r, i) => [r.id, i]));
  chosen.rows.sort((a, b) => order.get(a.def.id)! - order.get(b.def.id)!);
  const present = new Set(chosen.rows.map((r) => r.def.id));
  const spans = chosen.rows.flatMap((r) => [r.span, ...(r.label ? [r.label.span] : [])]);
  return {
    def: tableDef(format, rowDefs),
    rowDefs,
    rows: chosen.rows,
    missing: leaves.filter((r) => !present.has(r.id)),
    groupLabels,
    span: { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) },
  };
}
