// The parsed tables as plain, serializable data for a preview: official
// titles and headers (as grids of spanning cells, so that a host draws them
// without knowing the format), every row of the format with its cells, and
// for each cell the relations it takes part in and whether one fails.

import { rowName, tableName } from '../checks/tables/names';
import { REVIEW_GROUPS, type FormatId, type RowDef, type TableId } from '../format/tables';
import type { Lang } from '../i18n';
import type { Report, Table, TableRow } from '../parse/model';
import { relationsOf, relationText, sameCell, type CellRef, type Evaluated } from '../relations';
import type { Analysis } from '../service';
import { shiftSpan, type Span } from '../text';

/** A header cell of the grid; spans as in HTML. */
export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface TableCellView {
  /** The column's id in the format (`total`, `review.upheld`, …). */
  column: string;
  value: number | null;
  /** The cell as written in the text; null for a blank. */
  text: string | null;
  /** Where it is written; null for a blank that has no place in the text. */
  span: Span | null;
  /** Takes part in at least one relation that does not hold. */
  failing: boolean;
  /** Changing this cell alone would mend every failing relation of its group. */
  culprit: boolean;
  /** Each relation the cell takes part in, with its values (✓ or ✗ first). */
  relations: string[];
}

export interface TableRowView {
  id: string;
  /** The official label. */
  label: string;
  /** What the row is called on its own: the label with its group's (（三）不予公开 1.属于国家秘密); empty for table 3's one row. */
  name: string;
  /** The label as written; null when the row has none in the text. */
  written: string | null;
  labelSpan: Span | null;
  /** The row-header cells this grid row starts with (group labels spanning several rows come first). */
  labels: HeaderCell[];
  /** One per column of the row's block; all blank when the row is missing. */
  cells: TableCellView[];
  /** The row is not in the text. */
  missing: boolean;
  /** Its digits ran together and could not be split: the cells are unknown. */
  runTogether: boolean;
}

export interface TableBlockView {
  /** Table 1's block heading (第二十条第（一）项), null elsewhere. */
  label: string | null;
  /** Header rows, the top-left corner included. */
  header: HeaderCell[][];
  rows: TableRowView[];
}

export interface TableView {
  id: TableId;
  /** Names this table in the view: its id, or in a yearbook `requests-2` (the second report's table 2). */
  anchor: string;
  /** In a yearbook, the report the table belongs to: its title and format. */
  report?: { title: string; format: FormatId | null };
  /** 表二 / Table 2. */
  name: string;
  /** The official title (收到和处理政府信息公开申请情况). */
  title: string;
  span: Span;
  blocks: TableBlockView[];
  /** How many of the table's relations could be evaluated, and how many of those fail. */
  relations: { checked: number; failing: number };
}

export interface TablesView {
  format: FormatId | null;
  lang: Lang;
  /** The tables found, in the format's order. */
  tables: TableView[];
}

const cell = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });

const REQUESTS_CAPTION = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** A row's groups, outermost first: 三、本年度办理结果 › （三）不予公开 for 1.属于国家秘密. */
function ancestors(defs: readonly RowDef[], def: RowDef): RowDef[] {
  const out: RowDef[] = [];
  for (let p = def.parent; p; ) {
    const parent = defs.find((d) => d.id === p);
    if (!parent) break;
    out.unshift(parent);
    p = parent.parent;
  }
  return out;
}

/**
 * The row-header cells of each leaf row, with group labels spanning the rows
 * under them; the header is as wide as the deepest row (table 2: three).
 */
function rowLabels(defs: readonly RowDef[], leaves: readonly RowDef[]): { width: number; labels: Map<RowDef, HeaderCell[]> } {
  const chains = new Map(leaves.map((d) => [d, ancestors(defs, d)]));
  const width = Math.max(1, ...[...chains.values()].map((c) => c.length + 1));
  const labels = new Map<RowDef, HeaderCell[]>();
  const opened = new Set<RowDef>();
  for (const leaf of leaves) {
    const chain = chains.get(leaf)!;
    const out: HeaderCell[] = [];
    for (const group of chain) {
      if (opened.has(group)) continue;
      opened.add(group);
      out.push(cell(group.label, 1, leaves.filter((l) => chains.get(l)!.includes(group)).length));
    }
    out.push(cell(leaf.label, width - chain.length));
    labels.set(leaf, out);
  }
  return { width, labels };
}

interface Context {
  report: Report;
  lang: Lang;
  /** The evaluated relations each cell takes part in, by row and column. */
  involved: Map<TableRow, Evaluated[][]>;
  failing: Set<Evaluated>;
  culprits: CellRef[];
}

function indexCells(checked: readonly Evaluated[]): Map<TableRow, Evaluated[][]> {
  const index = new Map<TableRow, Evaluated[][]>();
  for (const e of checked) {
    for (const ref of new Set([...e.relation.left, ...e.relation.right])) {
      let columns = index.get(ref.row);
      if (!columns) index.set(ref.row, (columns = []));
      const list = (columns[ref.column] ??= []);
      if (!list.includes(e)) list.push(e);
    }
  }
  return index;
}

function cellView(ctx: Context, table: Table, row: TableRow | undefined, column: number, columnId: string): TableCellView {
  const c = row?.cells[column];
  if (!row || !c) return { column: columnId, value: null, text: null, span: null, failing: false, culprit: false, relations: [] };
  const ref: CellRef = { table, row, column };
  const involved = ctx.involved.get(row)?.[column] ?? [];
  return {
    column: columnId,
    value: c.value,
    text: c.span ? ctx.report.text.slice(c.span.start, c.span.end) : null,
    span: c.span ? { ...c.span } : null,
    failing: involved.some((e) => ctx.failing.has(e)),
    culprit: ctx.culprits.some((x) => sameCell(x, ref)),
    relations: involved.map((e) => relationText(e, ctx.lang)),
  };
}

function rowView(ctx: Context, table: Table, def: RowDef, labels: HeaderCell[], columns: readonly { id: string }[]): TableRowView {
  const row = table.rows.find((r) => r.def.id === def.id);
  return {
    id: def.id,
    label: def.label,
    name: table.def.id === 'review' ? '' : rowName(table, def),
    written: row?.label?.text ?? null,
    labelSpan: row?.label ? { ...row.label.span } : null,
    labels,
    cells: columns.map((col, i) => cellView(ctx, table, row, i, col.id)),
    missing: !row,
    runTogether: !!row?.unread,
  };
}

function proactiveBlocks(ctx: Context, table: Table): TableBlockView[] {
  return table.def.blocks.map((block) => ({
    label: block.label ?? null,
    header: [[cell(block.label ?? '', block.columns.length + 1)], [cell('信息内容'), ...block.columns.map((c) => cell(c.label))]],
    rows: block.rows.map((def) => rowView(ctx, table, def, [cell(def.label)], block.columns)),
  }));
}

function requestBlocks(ctx: Context, table: Table): TableBlockView[] {
  const columns = table.def.blocks[0].columns;
  const leaves = table.rowDefs.filter((d) => !d.group);
  const { width, labels } = rowLabels(table.rowDefs, leaves);
  const organisations = columns.filter((c) => c.id !== 'natural' && c.id !== 'total');
  const header = [
    [cell(REQUESTS_CAPTION, width, 3), cell('申请人情况', columns.length)],
    [cell(columns[0].label, 1, 2), cell('法人或其他组织', organisations.length), cell(columns[columns.length - 1].label, 1, 2)],
    organisations.map((c) => cell(c.label)),
  ];
  return [{ label: null, header, rows: leaves.map((def) => rowView(ctx, table, def, labels.get(def)!, columns)) }];
}

function reviewBlocks(ctx: Context, table: Table): TableBlockView[] {
  const columns = table.def.blocks[0].columns;
  const groupWidth = columns.length / REVIEW_GROUPS.length;
  const header = [
    [cell(REVIEW_GROUPS[0].label, groupWidth, 2), cell('行政诉讼', columns.length - groupWidth)],
    REVIEW_GROUPS.slice(1).map((g) => cell(g.label, groupWidth)),
    columns.map((c) => cell(c.label)),
  ];
  return [{ label: null, header, rows: table.rowDefs.map((def) => rowView(ctx, table, def, [], columns)) }];
}

const ORDER: TableId[] = ['proactive', 'requests', 'review'];

/** The tables of an analysed document, for a preview; in a yearbook, every report's tables in order. */
export function getTablesView(analysis: Analysis): TablesView {
  const { parts, lang } = analysis;
  if (!parts) return reportTablesView(analysis.report, lang);
  const tables = parts.flatMap(({ offset, analysis: { report } }, i) => {
    const about = { title: report.title?.text ?? `#${i + 1}`, format: report.format.format };
    return reportTablesView(report, lang).tables.map((table) => ({ ...shiftedTable(table, offset), anchor: `${table.id}-${i + 1}`, report: about }));
  });
  const formats = new Set(parts.map((p) => p.analysis.report.format.format));
  return { format: formats.size === 1 ? [...formats][0] : null, lang, tables };
}

/** A table of a yearbook's report, its spans placed in the whole text. */
function shiftedTable(table: TableView, by: number): TableView {
  const at = (span: Span | null) => span && shiftSpan(span, by);
  return {
    ...table,
    span: shiftSpan(table.span, by),
    blocks: table.blocks.map((block) => ({
      ...block,
      rows: block.rows.map((row) => ({ ...row, labelSpan: at(row.labelSpan), cells: row.cells.map((c) => ({ ...c, span: at(c.span) })) })),
    })),
  };
}

function reportTablesView(report: Report, lang: Lang): TablesView {
  const relations = relationsOf(report);
  const ctx: Context = {
    report,
    lang,
    involved: indexCells(relations.checked),
    failing: new Set(relations.failing),
    culprits: relations.failing.flatMap((e) => relations.candidatesOf(e).map((c) => c.cell)),
  };
  const tables: TableView[] = [];
  for (const id of ORDER) {
    const table = report.tables[id];
    if (!table) continue;
    const blocks = id === 'proactive' ? proactiveBlocks(ctx, table) : id === 'requests' ? requestBlocks(ctx, table) : reviewBlocks(ctx, table);
    const own = relations.checked.filter((e) => e.relation.total.table === table);
    tables.push({
      id,
      anchor: id,
      name: tableName(id, lang),
      title: table.def.title,
      span: { ...table.span },
      blocks,
      relations: { checked: own.length, failing: own.filter((e) => !e.holds).length },
    });
  }
  return { format: report.format.format, lang, tables };
}
