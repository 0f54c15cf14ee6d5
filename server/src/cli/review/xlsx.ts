// The review as an Excel workbook, through write-excel-file (small, kept up,
// pure JavaScript): a sheet each for the problems, the units and the filing.

import type { SheetTable } from './sheets';

export async function toXlsx(tables: readonly SheetTable[]): Promise<Buffer> {
  // Loaded only when a workbook is written.
  const { default: writeXlsxFile } = require('write-excel-file/node') as typeof import('write-excel-file/node', { with: { 'resolution-mode': 'require' } });
  const sheets = tables.map((table) => ({
    sheet: table.name,
    data: [
      table.headers.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => (value === null || value === '' ? null : { value, wrap: typeof value === 'string' && value.length > 40 }))),
    ],
    columns: table.headers.map((h, i) => ({ width: Math.min(60, Math.max(8, h.length * 2, ...table.rows.slice(0, 200).map((r) => Math.min(60, String(r[i] ?? '').length * 1.2)))) })),
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(sheets).toBuffer();
}
