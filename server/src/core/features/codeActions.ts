// Code actions as plain edits: the fixes of findings, and assists that
// improve the text where nothing is wrong (separating run-together cells).

import type { Edit } from '../checks/types';
import type { TableRow } from '../parse/model';
import { isProven, type Analysis } from '../service';
import type { Finding, Fix } from '../checks/types';
import type { Span } from '../text';
import { localize } from '../i18n';

export type CodeActionKind = 'quickfix' | 'refactor.rewrite';

export interface CodeAction {
  title: string;
  kind: CodeActionKind;
  /** Index into `analysis.findings` for a quick fix; absent for an assist. */
  finding?: number;
  edits: Edit[];
  preferred: boolean;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * A row whose digits ran together and were split by the relations, written
 * out with its cells separated; the label is left as it is.
 */
function separateCells(analysis: Analysis, row: TableRow): CodeAction | undefined {
  if (!row.cells.some((c) => c.split)) return undefined;
  const { text } = analysis.report;
  const values = row.cells.filter((c) => c.value !== null).map((c) => String(c.value));
  const lead = row.span.start > 0 && !/\s/.test(text[row.span.start - 1]) ? ' ' : '';
  return {
    title: localize({ 'zh-CN': '将连在一起的数字分列：{values}', en: 'Separate the run-together cells: {values}' }, analysis.lang, { values: values.join(' ') }),
    kind: 'refactor.rewrite',
    edits: [{ span: row.span, newText: lead + values.join(' ') }],
    preferred: false,
  };
}

/**
 * The fixes of a finding that are offered: every fix (mechanical, proven by
 * the tests over real reports), and each suggestion proven on this text.
 */
export function offeredFixes(analysis: Analysis, finding: Finding): Fix[] {
  return finding.fixes.filter((fix) => fix.safety === 'fix' || isProven(analysis, finding, fix));
}

/** The fixes of every finding that touches `range`, then the assists there. */
export function getCodeActions(analysis: Analysis, range: Span): CodeAction[] {
  const actions: CodeAction[] = [];
  analysis.findings.forEach((finding, index) => {
    if (!overlaps(finding.span, range)) return;
    for (const fix of offeredFixes(analysis, finding)) actions.push({ title: fix.title, kind: 'quickfix', finding: index, edits: fix.edits, preferred: fix.preferred });
  });
  for (const table of Object.values(analysis.report.tables)) {
    for (const row of table?.rows ?? []) {
      const extent = { start: row.label?.span.start ?? row.span.start, end: row.span.end };
      if (!overlaps(extent, range)) continue;
      const action = separateCells(analysis, row);
      if (action) actions.push(action);
    }
  }
  return actions;
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
