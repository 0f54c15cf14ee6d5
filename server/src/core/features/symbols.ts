// Outline: the title, the six sections with their subsections and tables,
// the rows of table 2 inside their table, and a report's own level-1 chapters
// (with the subsections under them) where it departs from the format.

import { tableName, rowName } from '../checks/tables/names';
import type { Report, SectionNode, Subsection, Table } from '../parse/model';
import type { Analysis } from '../service';
import type { Lang } from '../i18n';
import { lastContentEnd } from '../parse/structure';
import type { Span } from '../text';

export type SymbolKind = 'report' | 'section' | 'chapter' | 'subsection' | 'table' | 'row';

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

function tableSymbol(lang: Lang, table: Table): SymbolNode {
  const rows: SymbolNode[] =
    table.def.id === 'requests'
      ? table.rows.map((row) => {
          const start = Math.min(row.label?.span.start ?? row.span.start, row.span.start);
          const selection = row.label?.span ?? row.span;
          return { name: rowName(table, row.def), kind: 'row' as const, span: { start, end: Math.max(row.span.end, selection.end) }, selection, children: [] };
        })
      : [];
  const first = rows[0]?.selection ?? table.rows[0]?.label?.span ?? table.span;
  return { name: tableName(table.def.id, lang), detail: table.def.title, kind: 'table', span: table.span, selection: first, children: rows };
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

function headingSymbol(text: string, sub: Subsection, kind: 'chapter' | 'subsection'): SymbolNode {
  return { name: text.slice(sub.heading.span.start, sub.heading.span.end), kind, span: sub.span, selection: sub.heading.span, children: [] };
}

/** A section's subsections, each under the chapter it falls in (a chapter ends where the next begins). */
function headingsOf(text: string, section: SectionNode): SymbolNode[] {
  const chapters = section.chapters.map((c, i) => {
    const next = section.chapters[i + 1]?.heading.span.start ?? Infinity;
    return { node: headingSymbol(text, c, 'chapter'), start: c.heading.span.start, next };
  });
  const top: SymbolNode[] = [];
  for (const sub of section.subsections) {
    const at = sub.heading.span.start;
    const chapter = chapters.find((c) => c.start <= at && at < c.next);
    // A subsection ends where the next chapter begins.
    const boundary = chapters.find((c) => c.start > at)?.start ?? Infinity;
    const node = headingSymbol(text, sub, 'subsection');
    if (sub.span.end > boundary) node.span = { start: node.span.start, end: lastContentEnd(text, node.span.start, boundary) };
    (chapter ? chapter.node.children : top).push(node);
  }
  return [...top, ...chapters.map((c) => withChildren(c.node))].sort((a, b) => a.span.start - b.span.start);
}

export function getSymbols(analysis: Analysis): SymbolNode[] {
  const { text } = analysis.report;
  // Too large to be analysed: no outline either.
  const { maxSize } = analysis.options;
  if (maxSize !== undefined && text.length > maxSize) return [];
  if (!analysis.parts) return reportSymbols(analysis.report, analysis.lang);
  // A yearbook: each report's outline, read from its own text as the checks read it, placed in the whole text.
  return analysis.parts.flatMap(({ offset, analysis: part }) => reportSymbols(part.report, analysis.lang).map((node) => shifted(node, offset)));
}

function shifted(node: SymbolNode, by: number): SymbolNode {
  const at = (span: Span): Span => ({ start: span.start + by, end: span.end + by });
  return { ...node, span: at(node.span), selection: at(node.selection), children: node.children.map((c) => shifted(c, by)) };
}

function reportSymbols(report: Report, lang: Lang): SymbolNode[] {
  const text = report.text;
  const sections: SymbolNode[] = report.sections.map((section) => withChildren({
    name: text.slice(section.heading.span.start, section.heading.span.end),
    detail: section.match === 'exact' ? undefined : section.def.official,
    kind: 'section',
    span: section.span,
    selection: section.heading.span,
    children: [
      ...headingsOf(text, section),
      ...tablesIn(report, section).map((t) => tableSymbol(lang, t)),
    ],
  }));
  const title = report.title;
  if (!title) return sections;
  const end = Math.max(title.span.end, ...sections.map((s) => s.span.end));
  const start = Math.min(title.span.start, ...sections.map((s) => s.span.start));
  return [{ name: title.text, kind: 'report', span: { start, end }, selection: title.span, children: sections }];
}
