// Table 1 (主动公开政府信息情况): blocks by article of the 条例, each with its
// columns; no sum relation holds inside it.

import { FORMATS, type ColumnDef, type FormatId, type RowDef } from '../../format/tables';
import type { Line } from '../../text';
import type { SectionNode, Table, TableRow } from '../model';
import { tokenize, type Atom } from './atoms';
import { RowMatcher, type LabelPiece } from './labels';
import { buildRow, type ColumnKind } from './rows';
import { readRow } from './split';

const kindOf = (column: ColumnDef): ColumnKind =>
  column.id === 'change' ? 'signed' : column.id === 'amount' ? 'amount' : 'count';

export function parseProactive(text: string, lines: readonly Line[], section: SectionNode, format: FormatId): Table | undefined {
  const def = FORMATS[format].tables.proactive;
  const rowDefs = def.blocks.flatMap((b) => b.rows);
  const blockOf = new Map<RowDef, number>();
  def.blocks.forEach((b, i) => b.rows.forEach((r) => blockOf.set(r, i)));
  const matcher = new RowMatcher(rowDefs);

  const found = new Map<string, { row: RowDef; label: LabelPiece; atoms: Atom[] }>();
  let current: { row: RowDef; label: LabelPiece; atoms: Atom[] } | undefined;
  for (const atom of tokenize(text, lines, section.body)) {
    if (atom.kind !== 'text') {
      current?.atoms.push(atom);
      continue;
    }
    const [piece] = matcher.pieces(atom.text, atom.span.start).filter((p) => p.candidates.some((c) => c.quality !== 'fragment'));
    if (!piece || found.has(piece.candidates[0].row.id)) {
      // A header or other text after a row's numbers ends that row.
      if (current?.atoms.some((a) => a.kind === 'number')) current = undefined;
      continue;
    }
    current = { row: piece.candidates[0].row, label: piece, atoms: [] };
    found.set(current.row.id, current);
  }
  if (!found.size) return undefined;

  const rows: TableRow[] = [];
  for (const row of rowDefs) {
    const f = found.get(row.id);
    if (!f) continue;
    const block = blockOf.get(row)!;
    const columns = def.blocks[block].columns;
    const reading = f.atoms.length ? readRow(f.atoms, columns.length) : undefined;
    rows.push(buildRow(row, block, columns, f.label, reading, f.atoms, kindOf));
  }
  const spans = rows.flatMap((r) => [r.span, ...(r.label ? [r.label.span] : [])]);
  return {
    def,
    rowDefs,
    rows,
    missing: rowDefs.filter((r) => !found.has(r.id)),
    groupLabels: [],
    span: { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) },
  };
}
