// A plain-text dump of the tables as read: every cell with its value, where
// it is written and how it was read. The golden `.tables` files of the real
// fixtures are such dumps, so that any change in the reader shows as a diff.

import { LineIndex, type Span } from '../../text';
import type { Cell, Report, TableRow } from '../model';

/** How a cell was read. */
function how(row: TableRow, cell: Cell): string {
  if (row.unread) return `unread (${row.unread})`;
  if (cell.invalid) return `invalid (${cell.invalid})`;
  if (cell.value === null) return cell.span ? 'blank' : 'absent';
  if (cell.uncertainColumn) return 'uncertain column';
  return cell.split ? 'split' : 'cell';
}

export function dumpTables(report: Report): string {
  const index = new LineIndex(report.text);
  const at = (span: Span) => {
    const a = index.position(span.start);
    const b = index.position(span.end);
    return a.line === b.line ? `${a.line + 1}:${a.character + 1}-${b.character + 1}` : `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
  };
  const out: string[] = [`format ${report.format.format ?? 'none'}`];
  for (const table of Object.values(report.tables)) {
    if (!table) continue;
    out.push('', `table ${table.def.id} ${at(table.span)}`);
    if (table.missing.length) out.push(`  missing ${table.missing.map((r) => r.id).join(' ')}`);
    for (const row of table.rows) {
      const label = row.label ? `${row.label.quality} ${at(row.label.span)}` : 'by order';
      out.push(`  ${row.def.id} (${label})${row.unread ? ` unread (${row.unread})` : ''}`);
      const columns = table.def.blocks[row.block].columns;
      row.cells.forEach((cell, i) => {
        if (row.unread && cell.value === null && !cell.span) return;
        const value = cell.value === null ? '·' : String(cell.value);
        out.push(`    ${columns[i].id} ${value} ${cell.span ? at(cell.span) : '-'} ${how(row, cell)}`);
      });
    }
  }
  return out.join('\n') + '\n';
}
