// Code actions as plain edits: the fixes of findings, and assists that
// improve the text where nothing is wrong (separating run-together cells).

import type { Edit } from '../checks/types';
import type { TableRow } from '../parse/model';
import { analyze, isProven, type Analysis } from '../service';
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
 * How much proving one answer may do, in characters analysed: each proof
 * analyses the whole text again, so on a large document a request over many
 * findings would take seconds. Suggestions are charged in the order asked
 * (once each, proven before or not), and those past the budget are not offered
 * in this answer — the same answer every time it is asked, whatever was
 * proven before.
 */
export class ProofBudget {
  private readonly charged = new Map<Fix, boolean>();

  constructor(private left: number) {}

  /** Whether the suggestion may be proven (and offered) in this answer. */
  allows(fix: Fix, textLength: number): boolean {
    let allowed = this.charged.get(fix);
    if (allowed === undefined) {
      allowed = this.left >= textLength;
      if (allowed) this.left -= textLength;
      this.charged.set(fix, allowed);
    }
    return allowed;
  }
}

/**
 * The fixes of a finding that are offered: every fix (mechanical, proven by
 * the tests over real reports), and each suggestion proven on this text —
 * within `budget`, when one is given.
 */
export function offeredFixes(analysis: Analysis, finding: Finding, budget?: ProofBudget): Fix[] {
  return finding.fixes.filter((fix) => fix.safety === 'fix' || ((!budget || budget.allows(fix, analysis.report.text.length)) && isProven(analysis, finding, fix)));
}

/**
 * Every row of the report whose digits ran together, written out at once (a
 * flattened page can have dozens): one edit a row, each as `separateCells`
 * writes it, so that it changes no value and no label.
 */
function separateAllCells(analysis: Analysis, rows: readonly TableRow[]): CodeAction | undefined {
  const each = rows.map((row) => separateCells(analysis, row)).filter((a): a is CodeAction => a !== undefined);
  if (each.length < 2) return undefined;
  return {
    title: localize({ 'zh-CN': '将所有表格中连在一起的数字分列（{count} 行）', en: 'Separate the run-together cells of every table ({count} rows)' }, analysis.lang, { count: each.length }),
    kind: 'refactor.rewrite',
    edits: each.flatMap((a) => a.edits),
    preferred: false,
  };
}

/** The indexes of the findings that touch `range`, in order. */
export function findingsAt(analysis: Analysis, range: Span): number[] {
  const at: number[] = [];
  analysis.findings.forEach((finding, index) => {
    if (overlaps(finding.span, range)) at.push(index);
  });
  return at;
}

/**
 * The suggestions that offering the fixes of these findings would prove, in
 * the order `offeredFixes` charges `budget`, each as a step to run before: a
 * host can run them apart and stop between them.
 */
export function proofSteps(analysis: Analysis, findings: readonly number[], budget: ProofBudget): (() => void)[] {
  const steps: (() => void)[] = [];
  for (const index of findings) {
    const finding = analysis.findings[index];
    for (const fix of finding.fixes) {
      if (fix.safety !== 'fix' && budget.allows(fix, analysis.report.text.length)) steps.push(() => isProven(analysis, finding, fix));
    }
  }
  return steps;
}

/** The fixes of every finding that touches `range`, then the assists there; suggestions proven within `budget`. */
export function getCodeActions(analysis: Analysis, range: Span, budget?: ProofBudget): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const index of findingsAt(analysis, range)) {
    for (const fix of offeredFixes(analysis, analysis.findings[index], budget)) {
      actions.push({ title: fix.title, kind: 'quickfix', finding: index, edits: fix.edits, preferred: fix.preferred });
    }
  }
  const rows = Object.values(analysis.report.tables).flatMap((table) => table?.rows ?? []);
  let offeredAll = false;
  for (const row of rows) {
    const extent = { start: row.label?.span.start ?? row.span.start, end: row.span.end };
    if (!overlaps(extent, range)) continue;
    const action = separateCells(analysis, row);
    if (!action) continue;
    actions.push(action);
    // Offered where one row is: the rows of the report that ran together, all at once.
    const all = offeredAll ? undefined : separateAllCells(analysis, rows);
    offeredAll = true;
    if (all) actions.push(all);
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

/** Where two edits touch or overlap: applying both would depend on their order. */
function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * One round of fix-all: the fixes (`safety: 'fix'`, the preferred one first)
 * of the findings `pick` selects, in order, leaving out each fix one of whose
 * edits touches an edit already taken. Never a suggestion: nothing that
 * changes a fact runs unasked or on save.
 */
function oneRound(findings: readonly Finding[], pick: (f: Finding) => boolean): { edits: Edit[]; fixed: number[] } {
  const edits: Edit[] = [];
  const fixed: number[] = [];
  findings.forEach((finding, index) => {
    if (!pick(finding)) return;
    const safe = finding.fixes.filter((f) => f.safety === 'fix');
    const fix = safe.find((f) => f.preferred) ?? safe[0];
    if (!fix || fix.edits.length === 0) return;
    if (fix.edits.some((e) => edits.some((taken) => touches(taken.span, e.span)))) return;
    edits.push(...fix.edits);
    fixed.push(index);
  });
  return { edits, fixed };
}

/** A span of the text after `taken` (sorted edits of the original) as a span of the original, unless it touches one of them. */
function toOriginal(span: Span, taken: readonly Edit[]): Span | undefined {
  let delta = 0;
  for (const t of taken) {
    const start = t.span.start + delta;
    const end = start + t.newText.length;
    if (span.end < start) break;
    if (span.start <= end) return undefined;
    delta += t.newText.length - (t.span.end - t.span.start);
  }
  return { start: span.start - delta, end: span.end - delta };
}

const MAX_ROUNDS = 10;

/**
 * Fix-all as ESLint runs it: apply the fixes, check the text again, and go on
 * while the new text offers more (a restored heading lets its table's labels be
 * read and fixed), at most MAX_ROUNDS. The edits are on the original text; a
 * later round's edit that touches an earlier one's text is left for the next
 * fix-all. `fixed`: the findings of the first round, `count`: of all rounds.
 * `rounds`: 1 where it is computed for a light bulb, on every cursor move.
 */
export function fixAll(analysis: Analysis, pick: (f: Finding) => boolean = () => true, rounds = MAX_ROUNDS): { edits: Edit[]; fixed: number[]; count: number } {
  const first = oneRound(analysis.findings, pick);
  let taken = [...first.edits].sort((a, b) => a.span.start - b.span.start);
  let count = first.fixed.length;
  for (let round = 1; round < rounds && taken.length; round++) {
    const current = analyze(applyEdits(analysis.report.text, taken), analysis.options);
    const next = oneRound(current.findings, pick);
    const mapped: Edit[] = [];
    for (const e of next.edits) {
      const span = toOriginal(e.span, taken);
      if (span) mapped.push({ span, newText: e.newText });
    }
    if (!mapped.length) break;
    // Edits of one fix that could not all be placed are dropped with it: a fix applies whole or not at all.
    if (mapped.length < next.edits.length) break;
    taken = [...taken, ...mapped].sort((a, b) => a.span.start - b.span.start);
    count += next.fixed.length;
  }
  return { edits: taken, fixed: first.fixed, count };
}
