// Quick fixes, as plain edits tied to the finding they resolve.

import type { Edit } from '../checks/types';
import type { Analysis } from '../service';
import type { Span } from '../text';

export interface CodeAction {
  title: string;
  /** Index into `analysis.findings`. */
  finding: number;
  edits: Edit[];
  preferred: boolean;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The fixes of every finding that touches `range`. */
export function getCodeActions(analysis: Analysis, range: Span): CodeAction[] {
  const actions: CodeAction[] = [];
  analysis.findings.forEach((finding, index) => {
    if (!overlaps(finding.span, range)) return;
    for (const fix of finding.fixes) actions.push({ title: fix.title, finding: index, edits: fix.edits, preferred: fix.preferred });
  });
  return actions;
}

/** Applies non-overlapping edits to a text (used by tests and by the CLI's callers). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
