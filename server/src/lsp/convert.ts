// Turns the core's plain data (UTF-16 offsets, spans) into LSP shapes.
// Every function takes the TextDocument the analysis was made from, so
// positions are computed against exactly the text that was analysed.

import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type Range,
  type WorkspaceEdit,
  type Location,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkById, describeFinding, findingsAt, fixAll, getCodeActions, offeredFixes, ProofBudget, proofSteps, getFoldingSpans, getHover, getSymbols, type Finding, type ReviewEntry, type Severity, type Span, type SymbolNode } from '../core';
import { localize } from '../core/i18n';
import { checkDocUri } from '../docs';
import { ACTIONS } from './messages';
import type { Analysed } from './cache';

export const SOURCE = 'nianbao';

/** What a diagnostic carries back to the server, so a code action finds its finding. */
export interface DiagnosticData {
  version: number;
  index: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const SYMBOL_KIND: Record<SymbolNode['kind'], SymbolKind> = {
  report: SymbolKind.File,
  section: SymbolKind.Module,
  chapter: SymbolKind.Module,
  subsection: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  row: SymbolKind.Field,
};

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  const a = document.offsetAt(range.start);
  const b = document.offsetAt(range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/** Last year's report, where a cross-year finding's related places are. */
export type PreviousDocument = TextDocument | undefined;

export function toDiagnostic(document: TextDocument, entry: Analysed, finding: Finding, index: number, previous?: PreviousDocument): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.span),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Error,
    code: finding.code,
    source: SOURCE,
    message: finding.confirmed ? finding.message + localize(ACTIONS.confirmedTag, entry.analysis.lang) : finding.message,
    data: { version: entry.version, index } satisfies DiagnosticData,
  };
  // Only registered checks have a docs page (internal.error has none).
  if (checkById(finding.code)) diagnostic.codeDescription = { href: checkDocUri(finding.code) };
  // Places in last year's report (the cross-year checks) are in that document.
  const related = finding.related.filter((r) => !r.inPrevious || previous);
  if (related.length) {
    diagnostic.relatedInformation = related.map((r) => {
      const where = r.inPrevious && previous ? previous : document;
      return { location: { uri: where.uri, range: toRange(where, r.span) }, message: r.message };
    });
  }
  return diagnostic;
}

/** The most diagnostics one document gets: beyond them an editor slows down and a reader learns nothing more. */
export const MAX_DIAGNOSTICS = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The document's findings as diagnostics, at most `MAX_DIAGNOSTICS` of them —
 * the most severe first, kept in the text's order — then one information
 * diagnostic at the start that says how many more there are.
 */
export function toDiagnostics(document: TextDocument, entry: Analysed, previous?: PreviousDocument, max = MAX_DIAGNOSTICS): Diagnostic[] {
  const findings = entry.analysis.findings;
  let kept = findings.map((_, index) => index);
  if (kept.length > max) {
    kept = kept
      .sort((a, b) => RANK[findings[a].severity] - RANK[findings[b].severity] || a - b)
      .slice(0, max)
      .sort((a, b) => a - b);
  }
  const diagnostics = kept.map((index) => toDiagnostic(document, entry, findings[index], index, previous));
  if (findings.length > max) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: localize(ACTIONS.more, entry.analysis.lang, { count: findings.length - max, max }),
    });
  }
  return diagnostics;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return true;
  // Kinds are hierarchical: '' (Empty) and any dotted parent include their children.
  return only.some((k) => k === '' || k === kind || kind.startsWith(`${k}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The finding a client-side diagnostic stands for, in this analysis. */
function findingOf(document: TextDocument, entry: Analysed, diagnostic: Diagnostic): number | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const findings = entry.analysis.findings;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data && data.version === entry.version && typeof data.index === 'number' && findings[data.index]?.code === diagnostic.code) {
    return data.index;
  }
  // Published for another version (or data dropped by the client): match by code and place.
  const index = findings.findIndex((f) => f.code === diagnostic.code && sameRange(toRange(document, f.span), diagnostic.range));
  return index >= 0 ? index : undefined;
}

/** The kind of the action that applies every fix in the file: `editor.codeActionsOnSave` asks for it. */
export const SOURCE_FIX_ALL = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** The client's command that shows a range of a document (arguments: document URI, LSP range). */
export const REVEAL_COMMAND = 'nianbao.reveal';
/** The server's command that records a reviewer's decision, dismissed or confirmed (arguments: document URI, review entry). */
export const DISMISS_COMMAND = 'nianbao.dismissFinding';

/** The client's command that turns a check off (arguments: check id, document URI, the check's title). */
export const DISABLE_CHECK_COMMAND = 'nianbao.disableCheck';

/**
 * How much one answer may prove, in characters analysed: each proof analyses
 * the document again (a 1 MB document, a fifth of a second), and a selection
 * over many findings would otherwise hold the light bulb for seconds. Two
 * proofs of a 1 MB document, some sixty of a 30 KB report.
 */
const PROOF_BUDGET_CHARS = 2_000_000;

/**
 * The suggestions `toCodeActions` would prove for `params`, in its order and
 * within its budget, as steps: the server runs them a turn of the event loop
 * apart, so that a cancellation or a change can arrive between two proofs.
 */
export function proofsAhead(document: TextDocument, entry: Analysed, params: CodeActionParams): (() => void)[] {
  if (!wants(params.context?.only, CodeActionKind.QuickFix)) return [];
  const sent = (params.context?.diagnostics ?? []).map((d) => findingOf(document, entry, d)).filter((i): i is number => i !== undefined);
  const order = [...findingsAt(entry.analysis, toSpan(document, params.range)), ...[...new Set(sent)].sort((a, b) => a - b)];
  return proofSteps(entry.analysis, order, new ProofBudget(PROOF_BUDGET_CHARS));
}

export function toCodeActions(document: TextDocument, entry: Analysed, params: CodeActionParams): CodeAction[] {
  const only = params.context?.only;
  const budget = new ProofBudget(PROOF_BUDGET_CHARS);
  const findings = entry.analysis.findings;
  const lang = entry.analysis.lang;
  const edit = (edits: { span: Span; newText: string }[]): WorkspaceEdit => ({
    // documentChanges carry the version: a client must not apply these to a newer text.
    documentChanges: [{ textDocument: { uri: document.uri, version: entry.version }, edits: edits.map((e) => ({ range: toRange(document, e.span), newText: e.newText })) }],
  });
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    // Finding index -> the client's own diagnostic object when it sent one.
    const picked = new Map<number, Diagnostic | undefined>();
    for (const diagnostic of params.context?.diagnostics ?? []) {
      const index = findingOf(document, entry, diagnostic);
      if (index !== undefined && !picked.has(index)) picked.set(index, diagnostic);
    }
    const core = getCodeActions(entry.analysis, toSpan(document, params.range), budget);
    for (const action of core) if (action.finding !== undefined && !picked.has(action.finding)) picked.set(action.finding, undefined);
    const order = [...picked.keys()].sort((a, b) => a - b);
    const diagnosticOf = (index: number) => picked.get(index) ?? toDiagnostic(document, entry, findings[index], index);
    for (const index of order) {
      for (const fix of offeredFixes(entry.analysis, findings[index], budget)) {
        // Preferred (what "auto fix" applies) only where the change is certain: a fix, not a suggestion.
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.preferred && fix.safety === 'fix', diagnostics: [diagnosticOf(index)], edit: edit(fix.edits) });
      }
    }
    // Per check of the findings asked about: fix all of that check in the file, turn it off, read its page.
    const checks = [...new Set(order.map((index) => findings[index].code))];
    for (const code of checks) {
      // One round: this is computed whenever the light bulb is; save and the source action run all rounds.
      const all = fixAll(entry.analysis, (f) => f.code === code, 1);
      // One fix is the quick fix itself: "all" means at least two.
      if (all.fixed.length < 2) continue;
      const title = checkById(code)?.meta.title[lang] ?? code;
      actions.push({
        title: localize(ACTIONS.fixAllOfCheck, lang, { title, count: all.fixed.length }),
        kind: CodeActionKind.QuickFix,
        diagnostics: all.fixed.map(diagnosticOf),
        edit: edit(all.edits),
      });
    }
    // A figure of the prose: go to the table cells it was compared with; and any finding may be set aside
    // by a reviewer (a figure about another scope says so), recorded in the review file.
    for (const index of order) {
      const finding = findings[index];
      // Garbled text: VS Code's own "Reopen with Encoding" picker, where GB18030 is one choice.
      if (finding.code === 'report.encoding' && finding.severity !== 'information') {
        const title = localize(ACTIONS.reopenWithEncoding, lang);
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(index)], command: { title, command: 'workbench.action.editor.changeEncoding' } });
      }
      if (finding.code.startsWith('narrative.')) {
        for (const related of finding.related.slice(0, 3)) {
          const title = localize(ACTIONS.openCell, lang, { cell: related.message });
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(index)], command: { title, command: REVEAL_COMMAND, arguments: [document.uri, toRange(document, related.span)] } });
        }
      }
      if (!checkById(finding.code) || !document.uri.startsWith('file:')) continue;
      const reason = finding.dismissHint;
      const title = reason ? localize(ACTIONS.dismissAs, lang, { reason }) : localize(ACTIONS.dismiss, lang);
      const decision: ReviewEntry = { ...describeFinding(finding, entry.analysis.report), status: 'dismissed', ...(reason ? { reason } : {}) };
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(index)], command: { title, command: DISMISS_COMMAND, arguments: [document.uri, decision] } });
      if (!finding.confirmed) {
        const confirm = localize(ACTIONS.confirm, lang);
        const confirmed: ReviewEntry = { ...describeFinding(finding, entry.analysis.report), status: 'confirmed' };
        actions.push({ title: confirm, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(index)], command: { title: confirm, command: DISMISS_COMMAND, arguments: [document.uri, confirmed] } });
      }
    }
    for (const code of checks) {
      const check = checkById(code);
      if (!check) continue; // internal.error is not a check one can turn off
      const name = localize(check.meta.title, lang);
      const title = localize(ACTIONS.disableCheck, lang, { title: name });
      const diagnostics = order.filter((index) => findings[index].code === code).map(diagnosticOf);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: DISABLE_CHECK_COMMAND, arguments: [code, document.uri, name] } });
    }
    for (const code of checks) {
      const check = checkById(code);
      if (!check) continue;
      const title = localize(ACTIONS.showDocs, lang, { title: localize(check.meta.title, lang) });
      const diagnostics = order.filter((index) => findings[index].code === code).map(diagnosticOf);
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: 'vscode.open', arguments: [checkDocUri(code)] } });
    }
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    for (const action of getCodeActions(entry.analysis, toSpan(document, params.range), budget)) {
      if (action.kind === 'refactor.rewrite') actions.push({ title: action.title, kind: CodeActionKind.RefactorRewrite, edit: edit(action.edits) });
    }
  }
  // Source actions are offered only when asked for by kind (on save, or the Source Action menu).
  if (only && wants(only, SOURCE_FIX_ALL)) {
    const all = fixAll(entry.analysis);
    if (all.edits.length > 0) {
      actions.push({ title: localize(ACTIONS.fixAll, lang, { count: all.count }), kind: SOURCE_FIX_ALL, edit: edit(all.edits) });
    }
  }
  return actions;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function toSymbol(document: TextDocument, node: SymbolNode): DocumentSymbol {
  const range = toRange(document, node.span);
  const selection = toRange(document, node.selection);
  return {
    // VS Code rejects symbols with an empty name or a selection outside the range.
    name: node.name.trim() || '—',
    detail: node.detail,
    kind: SYMBOL_KIND[node.kind],
    range,
    selectionRange: contains(range, selection) ? selection : range,
    children: node.children.map((child) => toSymbol(document, child)),
  };
}

export function toDocumentSymbols(document: TextDocument, entry: Analysed): DocumentSymbol[] {
  return getSymbols(entry.analysis).map((node) => toSymbol(document, node));
}

export function toFoldingRanges(document: TextDocument, entry: Analysed): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const seen = new Set<string>();
  for (const span of getFoldingSpans(entry.analysis)) {
    const startLine = document.positionAt(span.start).line;
    const end = document.positionAt(span.end);
    // A span that ends just after a line break ends on the line before.
    const endLine = end.character === 0 && end.line > startLine ? end.line - 1 : end.line;
    const key = `${startLine}:${endLine}`;
    if (endLine <= startLine || seen.has(key)) continue;
    seen.add(key);
    ranges.push({ startLine, endLine });
  }
  return ranges;
}

export function toHover(document: TextDocument, entry: Analysed, position: Position): Hover | null {
  const hover = getHover(entry.analysis, document.offsetAt(position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.span) };
}

/** Spans of the same document as LSP locations. */
export function toLocations(document: TextDocument, spans: readonly Span[]): Location[] {
  return spans.map((span) => ({ uri: document.uri, range: toRange(document, span) }));
}
