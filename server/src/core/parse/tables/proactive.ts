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

/** Each format's table 1 rows in one list, and the block of each: made once, so that the list is the same. */
const layouts = new Map<FormatId, { rowDefs: RowDef[]; blockOf: Map<RowDef, number> }>();

function layoutOf(format: FormatId): { rowDefs: RowDef[]; blockOf: Map<RowDef, number> } {
  let layout = layouts.get(format);
  if (!layout) {
    const def = FORMATS[format].tables.proactive;
    const blockOf = new Map<RowDef, number>();
    def.blocks.forEach((b, i) => b.rows.forEach((r) => blockOf.set(r, i)));
    layouts.set(format, (layout = { rowDefs: def.blocks.flatMap((b) => b.rows), blockOf }));
  }
  return layout;
}

export function parseProactive(text: string, lines: readonly Line[], section: SectionNode, format: FormatId): Table | undefined {
  const def = FORMATS[format].tables.proactive;
  const { rowDefs, blockOf } = layoutOf(format);
  const read = readLabelledRows(tokenize(text, lines, section.body), {
    rowDefs,
    blocks: def.blocks,
    blockOf: (row) => blockOf.get(row)!,
    kindOf,
    textEndsRow: true,
  });
  return read && { def, rowDefs, ...read };
}
