// Table 1 (主动公开政府信息情况): blocks by article of the 条例, each with its
// columns; no sum relation holds inside it. Read by `reader.ts`.

import { FORMATS, type ColumnDef, type FormatId, type RowDef } from '../../format/tables';
import type { Line } from '../../text';
import type { SectionNode, Table } from '../model';
import { tokenize } from './atoms';
import { readLabelledRows } from './reader';
import type { ColumnKind } from './rows';

const kindOf = (column: ColumnDef): ColumnKind =>
  column.id === 'change' ? 'signed' : column.id === 'amount' ? 'amount' : 'count';

export function parseProactive(text: string, lines: readonly Line[], section: SectionNode, format: FormatId): Table | undefined {
  const def = FORMATS[format].tables.proactive;
  const rowDefs = def.blocks.flatMap((b) => b.rows);
  const blockOf = new Map<RowDef, number>();
  def.blocks.forEach((b, i) => b.rows.forEach((r) => blockOf.set(r, i)));
  const read = readLabelledRows(tokenize(text, lines, section.body), {
    rowDefs,
    blocks: def.blocks,
    blockOf: (row) => blockOf.get(row)!,
    kindOf,
    textEndsRow: true,
  });
  return read && { def, rowDefs, ...read };
}
