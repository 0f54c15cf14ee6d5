// The tables for the client's preview (the custom request `nianbao/tables`)
// and a code lens above each table saying whether its relations hold. Both
// read the core's tables view; this file only turns offsets into ranges.

import type { CodeLens, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  getTablesView,
  type Lang,
  type Localized,
  type Span,
  type TableBlockView,
  type TableCellView,
  type TableRowView,
  type TablesView,
  type TableView,
} from '../core';
import { localize } from '../core/i18n';
import type { Analysed } from './cache';
import { toRange } from './convert';

/** Params: `{ textDocument: { uri } }`; result: `TablesResult | null` (null for a document the server does not have). */
export const TABLES_METHOD = 'nianbao/tables';
/** What the code lenses run: the client opens the preview at the table (arguments: uri, table id). */
export const SHOW_PREVIEW_COMMAND = 'nianbao.showPreview';

export interface TablesParams {
  textDocument: { uri: string };
}

// The core's view with LSP ranges where it has offsets.
export type TableCellResult = Omit<TableCellView, 'span'> & { range: Range | null };
export type TableRowResult = Omit<TableRowView, 'cells' | 'labelSpan'> & { labelRange: Range | null; cells: TableCellResult[] };
export type TableBlockResult = Omit<TableBlockView, 'rows'> & { rows: TableRowResult[] };
export type TableResult = Omit<TableView, 'span' | 'blocks'> & { range: Range; blocks: TableBlockResult[] };
export type TablesResult = Omit<TablesView, 'tables'> & {
  uri: string;
  /** The document version the ranges belong to. */
  version: number;
  tables: TableResult[];
};

export function toTablesResult(document: TextDocument, entry: Pick<Analysed, 'analysis' | 'version'>): TablesResult {
  const view = getTablesView(entry.analysis);
  const range = (span: Span | null) => (span ? toRange(document, span) : null);
  return {
    uri: document.uri,
    version: entry.version,
    format: view.format,
    lang: view.lang,
    tables: view.tables.map(({ span, blocks, ...table }) => ({
      ...table,
      range: toRange(document, span),
      blocks: blocks.map(({ rows, ...block }) => ({
        ...block,
        rows: rows.map(({ cells, labelSpan, ...row }) => ({
          ...row,
          labelRange: range(labelSpan),
          cells: cells.map(({ span: cellSpan, ...cell }) => ({ ...cell, range: range(cellSpan) })),
        })),
      })),
    })),
  };
}

const LENS: Record<'preview' | 'unchecked' | 'hold' | 'failOne' | 'fail', Localized> = {
  preview: { 'zh-CN': '{name} · 表格预览', en: '{name} · table preview' },
  unchecked: { 'zh-CN': '勾稽关系无法核对', en: 'relations cannot be checked' },
  hold: { 'zh-CN': '勾稽关系 ✓', en: 'relations hold ✓' },
  failOne: { 'zh-CN': '{count} 处勾稽关系不成立', en: '{count} relation fails' },
  fail: { 'zh-CN': '{count} 处勾稽关系不成立', en: '{count} relations fail' },
};

/** The lens title of one table. Table 1 has no relations: its lens only opens the preview. */
export function lensTitle(table: Pick<TableView, 'id' | 'name' | 'relations'>, lang: Lang): string {
  const { checked, failing } = table.relations;
  const key = table.id === 'proactive' ? 'preview' : checked === 0 ? 'unchecked' : failing === 0 ? 'hold' : failing === 1 ? 'failOne' : 'fail';
  return localize(LENS[key], lang, { name: table.name, count: failing });
}

/** One lens on the first line of each table. */
export function toCodeLenses(document: TextDocument, entry: Pick<Analysed, 'analysis'>): CodeLens[] {
  const view = getTablesView(entry.analysis);
  return view.tables.map((table) => {
    const { line } = document.positionAt(table.span.start);
    return {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      command: { title: lensTitle(table, view.lang), command: SHOW_PREVIEW_COMMAND, arguments: [document.uri, table.anchor] },
    };
  });
}
