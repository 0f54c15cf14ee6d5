// The 问题清单 as CSV (RFC 4180): UTF-8 with a byte-order mark, so that Excel
// on a Chinese system opens it as Unicode rather than GBK.

import type { SheetTable, Value } from './sheets';

const field = (v: Value) => {
  // A cell starting with = + - @ is a formula to Excel: text from a report (a title, a file name) must not run.
  const raw = v === null ? '' : String(v);
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(table: SheetTable): string {
  return '\uFEFF' + [table.headers, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Rows of a CSV file (RFC 4180, a byte-order mark dropped): what a reviewer saved from Excel. */
export function fromCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else value += c;
  }
  if (value || row.length) rows.push([...row, value]);
  return rows;
}
