// A saved web page (the page source of a published report) as report text:
// the text of its elements line by line, and each <table> row as one line of
// tab-separated cells with row and column spans resolved — the cells the page
// states, which the table reader takes as they are (a tab row is read by its
// delimiters, never re-guessed). Every line of the text remembers the line of
// the page it came from, so that findings are located in the page too.

import { Parser } from 'htmlparser2';

export interface Origin {
  line: number;
  column: number;
}

/** What a line of the text is in the document's own terms: its n-th paragraph, or a row of its t-th table (1-based). */
export type Block = { paragraph: number } | { table: number; row: number };

export interface Extracted {
  text: string;
  /** For each line of `text` (0-based), where in the file it comes from (1-based line and column). */
  origins: Origin[];
  /** For each line of `text`, its paragraph or table row. */
  blocks: Block[];
}

/** Elements that start and end a line of text. */
const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'table', 'tr', 'hr', 'pre', 'header', 'footer', 'dd', 'dt', 'center']);
/** Elements whose text is no part of the page's content. */
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'select', 'option', 'button']);

interface CellDraft {
  text: string;
  colspan: number;
  rowspan: number;
}

interface TableDraft {
  rows: { cells: CellDraft[]; line: Origin }[];
  cell?: CellDraft;
}

const spanOf = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
};

/** A cell that reads as one number (a count, an amount, a percentage): what a header row has none of. */
const NUMERIC_CELL = /^[-−]?\d[\d,，.]*\s*(?:%|％|件|条|个|次|元|万元)?$/;

/**
 * Lays out a table's rows as lines of cells: a cell spanning rows or columns
 * leaves blank cells where it extends — except where the header above has one
 * column: a Word table's grid is cut finer than its columns (a header cell
 * spanning two grid columns, a figure under it spanning them too, or starting
 * in the second), and the blank a span leaves there is no cell of its own. The
 * header rows (no figure in them) say where the columns start; a blank from a
 * span is kept only in a column where the row has no cell of its own.
 */
function tableLines(table: TableDraft): { line: string; origin: Origin }[] {
  const grid: (string | undefined)[][] = [];
  /** Where a cell starts (true), as opposed to where one extends. */
  const starts: boolean[][] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    starts[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cell.colspan; dc++) target[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      starts[r][c] = true;
      c += cell.colspan;
    }
  });
  /** The columns' first grid columns, from the latest run of header rows. */
  let columnStarts: Set<number> | undefined;
  let inHeader = false;
  return table.rows.map((row, r) => {
    const cells = Array.from(grid[r] ?? [], (v) => v ?? '');
    const header = row.cells.length > 0 && row.cells.some((cell) => cell.text) && !row.cells.some((cell) => NUMERIC_CELL.test(cell.text));
    if (header) {
      if (!inHeader) columnStarts = new Set();
      for (let c = 0; c < cells.length; c++) if (starts[r][c]) columnStarts!.add(c);
    }
    inHeader = header;
    if (header || !columnStarts) return { line: cells.join('\t'), origin: row.line };
    // Each header column's grid columns: a span's blank goes where the row has no cell of its own.
    const kept: string[] = [];
    for (let c = 0; c < cells.length; ) {
      let end = c + 1;
      while (end < cells.length && !columnStarts.has(end)) end++;
      let own = false;
      for (let k = c; k < end; k++) own ||= starts[r][k] === true;
      for (let k = c; k < end; k++) if (starts[r][k] || (!own && k === c)) kept.push(cells[k]);
      c = end;
    }
    return { line: kept.join('\t'), origin: row.line };
  });
}

const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

export function extractHtml(html: string): Extracted {
  // The file's line of each offset, for the origins.
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): Origin => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };

  const lines: string[] = [];
  const origins: Origin[] = [];
  const blocks: Block[] = [];
  let paragraphs = 0;
  let topTables = 0;
  let current = '';
  let currentOrigin: Origin = { line: 1, column: 1 };
  let skipping = 0;
  const tables: TableDraft[] = [];
  const flush = () => {
    const text = squeeze(current);
    if (text) {
      lines.push(text);
      origins.push(currentOrigin);
      blocks.push({ paragraph: ++paragraphs });
    }
    current = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIP.has(name)) {
          skipping++;
          return;
        }
        if (skipping) return;
        const table = tables[tables.length - 1];
        if (name === 'table') {
          flush();
          tables.push({ rows: [] });
        } else if (table && name === 'tr') {
          table.rows.push({ cells: [], line: lineOf(parser.startIndex) });
        } else if (table && (name === 'td' || name === 'th')) {
          if (!table.rows.length) table.rows.push({ cells: [], line: lineOf(parser.startIndex) });
          table.cell = { text: '', colspan: spanOf(attributes.colspan), rowspan: spanOf(attributes.rowspan) };
          table.rows[table.rows.length - 1].cells.push(table.cell);
        } else if (table?.cell && BLOCK.has(name)) {
          table.cell.text += ' ';
        } else if (!table && BLOCK.has(name)) {
          flush();
        }
      },
      ontext(text) {
        if (skipping) return;
        const table = tables[tables.length - 1];
        if (table) {
          if (table.cell) table.cell.text += text;
          return;
        }
        if (!squeeze(current) && text.trim()) currentOrigin = lineOf(parser.startIndex);
        current += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        const table = tables[tables.length - 1];
        if (table && (name === 'td' || name === 'th')) {
          if (table.cell) table.cell.text = squeeze(table.cell.text).replace(/\t/g, ' ');
          table.cell = undefined;
        } else if (name === 'table' && table) {
          tables.pop();
          if (!tables.length) topTables++;
          for (const [r, { line, origin }] of tableLines(table).entries()) {
            if (!line.replace(/\t/g, '').trim()) continue;
            if (tables.length) {
              // A table inside a cell: its rows become that cell's text.
              const outer = tables[tables.length - 1].cell;
              if (outer) outer.text += ' ' + line.replace(/\t/g, ' ');
              continue;
            }
            lines.push(line);
            origins.push(origin);
            blocks.push({ table: topTables, row: r + 1 });
          }
        } else if (!table && BLOCK.has(name)) {
          flush();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { text: lines.join('\n') + '\n', origins, blocks };
}
