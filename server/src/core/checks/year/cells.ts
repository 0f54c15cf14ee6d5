// What the cross-year checks share: a cell of either year's tables, by row and
// column id, with its value under the one blank rule.

import { valueOf } from '../../relations';
import type { Report, Table, TableRow } from '../../parse/model';
import type { TableId } from '../../format/tables';
import type { Span } from '../../text';

export interface YearCell {
  table: Table;
  row: TableRow;
  column: number;
  value: number | undefined;
  /** Where it is written, else its row's numbers. */
  span: Span;
}

export function cellOf(report: Report, table: TableId, rowId: string, columnId: string): YearCell | undefined {
  const t = report.tables[table];
  const row = t?.rows.find((r) => r.def.id === rowId);
  if (!t || !row) return undefined;
  const column = row.cells.findIndex((c) => c.column === columnId);
  if (column < 0) return undefined;
  return { table: t, row, column, value: valueOf({ table: t, row, column }), span: row.cells[column].span ?? row.span };
}
