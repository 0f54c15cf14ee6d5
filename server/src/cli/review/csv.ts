// The 问题清单 as CSV (RFC 4180): UTF-8 with a byte-order mark, so that Excel
// on a Chinese system opens it as Unicode rather than GBK.

import type { SheetTable, Value } from './sheets';

const field = (v: Value) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(table: SheetTable): string {
  return '\uFEFF' + [table.headers, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
