// Turning a row's reading into the model's cells.

import { MAX_CELL_VALUE, type ColumnDef, type RowDef } from '../../format/tables';
import type { Cell, TableRow } from '../model';
import type { Atom } from './atoms';
import type { LabelPiece } from './labels';
import type { RowReading } from './split';

/** Count columns (all but amounts and signed changes) take whole, non-negative numbers. */
export type ColumnKind = 'count' | 'signed' | 'amount';

export function buildRow(
  def: RowDef,
  block: number,
  columns: readonly ColumnDef[],
  label: LabelPiece | undefined,
  reading: RowReading | undefined,
  atoms: readonly Atom[] = [],
  kindOf: (column: ColumnDef) => ColumnKind = () => 'count',
): TableRow {
  const read = reading?.kind === 'read' ? reading.cells : undefined;
  // The row's extent: its cells as read, else its numbers as written.
  const placed = (read ?? []).flatMap((c) => (c.span ? [c.span] : []));
  const written = placed.length ? placed : atoms.filter((a) => a.kind === 'number').map((a) => a.span);
  const span = written.length
    ? { start: Math.min(...written.map((s) => s.start)), end: Math.max(...written.map((s) => s.end)) }
    : label
      ? { start: label.span.end, end: label.span.end }
      : { start: 0, end: 0 };
  const cells: Cell[] = columns.map((column, i) => {
    const draft = read?.[i];
    const cell: Cell = { column: column.id, value: draft?.value ?? null };
    if (draft?.span) cell.span = draft.span;
    if (draft?.split) cell.split = true;
    if (draft?.uncertainColumn) cell.uncertainColumn = true;
    if (draft?.notNumber) cell.invalid = 'notNumber';
    const number = draft?.atom?.number;
    if (number && !draft?.split) {
      const kind = kindOf(column);
      if (Math.abs(number.value) >= MAX_CELL_VALUE) cell.invalid = 'tooLarge';
      else if (kind !== 'signed' && number.value < 0) cell.invalid = 'negative';
      else if (kind === 'count' && number.fraction) cell.invalid = 'fraction';
    }
    return cell;
  });
  const quality = label?.candidates.find((c) => c.row === def)?.quality ?? 'exact';
  return {
    def,
    block,
    label: label ? { span: label.span, text: label.text, quality } : undefined,
    cells,
    span,
    unread: reading?.kind === 'ambiguous' ? reading.reason : undefined,
  };
}
