// Outline: the title, the six sections with their subsections and tables,
// and the rows of table 2.

import { tableName, rowName } from '../checks/tables/names';
import type { Report, SectionNode, Table } from '../parse/model';
import type { Analysis } from '../service';
import type { Span } from '../text';

export type SymbolKind = 'report' | 'section' | 'subsection' | 'table' | 'row';

export interface SymbolNode {
  name: string;
  /** The official wording where the document words it differently, or a table's title. */
  detail?: string;
  kind: SymbolKind;
  /** The whole extent, children included. */
  span: Span;
  /** What to reveal when the symbol is picked: the heading. */
  selection: Span;
  children: SymbolNode[];
}

function tableSymbol(analysis: Analysis, table: Table): SymbolNode {
  const rows: SymbolNode[] =
    table.def.id === 'requests'
      ? table.rows.map((row) => {
          const start = Math.min(row.label?.span.start ?? row.span.start, row.span.start);
          const selection = row.label?.span ?? row.span;
          return { name: rowName(table, row.def), kind: 'row' as const, span: { start, end: Math.max(row.span.end, selection.end) }, selection, children: [] };
        })
      : [];
  const first = rows[0]?.selection ?? table.rows[0]?.label?.span ?? table.span;
  return { name: tableName(table.def.id, analysis.lang), detail: table.def.title, kind: 'table', span: table.span, selection: first, children: rows };
}

function tablesIn(report: Report, section: SectionNode): Table[] {
  const table = Object.values(report.tables).find((t) => t && t.def.section === section.def.key);
  // A table belongs to the first section of its kind, where it was read.
  const first = report.sections.find((s) => s.def.key === section.def.key);
  return table && first === section ? [table] : [];
}

/** A symbol's extent covers its children (a table may end in a blank cell after the last text). */
function withChildren(node: SymbolNode): SymbolNode {
  const start = Math.min(node.span.start, ...node.children.map((c) => c.span.start));
  const end = Math.max(node.span.end, ...node.children.map((c) => c.span.end));
  return { ...node, span: { start, end } };
}

export function getSymbols(analysis: Analysis): SymbolNode[] {
  const { report } = analysis;
  const text = report.text;
  const sections: SymbolNode[] = report.sections.map((section) => withChildren({
    name: text.slice(section.heading.span.start, section.heading.span.end),
    detail: section.match === 'exact' ? undefined : section.def.official,
    kind: 'section',
    span: section.span,
    selection: section.heading.span,
    children: [
      ...section.subsections.map((sub) => ({
        name: text.slice(sub.heading.span.start, sub.heading.span.end),
        kind: 'subsection' as const,
        span: sub.span,
        selection: sub.heading.span,
        children: [],
      })),
      ...tablesIn(report, section).map((t) => tableSymbol(analysis, t)),
    ],
  }));
  const title = report.title;
  if (!title) return sections;
  const end = Math.max(title.span.end, ...sections.map((s) => s.span.end));
  const start = Math.min(title.span.start, ...sections.map((s) => s.span.start));
  return [{ name: title.text, kind: 'report', span: { start, end }, selection: title.span, children: sections }];
}
