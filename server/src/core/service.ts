// The façade of the analysis core: one call per feature, plain data in and out.
// Neither `vscode` nor any LSP module may be imported anywhere under core/.

import { runChecks, internalError } from './engine';
import type { Check, Finding, Fix, PreviousReport, SeveritySetting } from './checks/types';
import { applyEdits } from './features/codeActions';
import { localize, type Lang, type Localized, type MessageArgs } from './i18n';
import { reportTooLarge } from './checks/structure/too-large';
import { reportEncoding, type DecodedFrom } from './checks/structure/encoding';
import type { FormatId } from './format/tables';
import type { Report } from './parse/model';
import { releaseCompacts } from './parse/compacted';
import { parseReport } from './parse/report';
import { parseStructure } from './parse/structure';
import { applyReview, type Review, type ReviewEntry } from './review';
import { shiftSpan, splitLines, type Span } from './text';
import { reportStarts } from './detect';
import { identify, type Identity } from './years/identity';

export interface AnalysisOptions {
  lang?: Lang;
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** `auto` (the default) reads the format from the text. */
  format?: 'auto' | FormatId;
  /** Documents longer than this (in UTF-16 code units) are not analysed: one finding says so. */
  maxSize?: number;
  /** A reviewer's decisions (`.nianbao-review.json`): dismissed findings are set apart. */
  review?: Review;
  /** The host decoded the file from this encoding (not UTF-8): said by one information finding. */
  decodedFrom?: DecodedFrom;
  /** Last year's report of the same body: the cross-year checks compare with it. */
  previous?: PreviousReport;
}

export interface Analysis {
  report: Report;
  findings: Finding[];
  lang: Lang;
  /** Findings a reviewer dismissed, with the decision: not shown, but counted (and kept in SARIF as suppressed). */
  dismissed: { finding: Finding; entry: ReviewEntry }[];
  /** The options it was made with (a suggestion is proven with the same). */
  options: AnalysisOptions;
  /** A yearbook's reports, each analysed on its own text; absent for a document of one report. */
  parts?: ReportPart[];
}

/** One report of a yearbook: its analysis on its own text, and where that text starts in the whole. */
export interface ReportPart {
  offset: number;
  analysis: Analysis;
}

/** Parses and checks one document version. Never throws. */
export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const lang = options.lang ?? 'zh-CN';
  if (options.maxSize !== undefined && text.length > options.maxSize) {
    return { report: emptyReport(text), findings: [tooLarge(lang, text.length, options.maxSize, options.severities)].filter((f): f is Finding => !!f), lang, dismissed: [], options };
  }
  let report: Report;
  try {
    report = parseReport(text, { format: options.format });
  } catch (error) {
    return { report: emptyReport(text), findings: [internalError(lang, String(error))], lang, dismissed: [], options };
  }
  // A yearbook: each report is checked on its own (its sections, its tables), not as one report with every section
  // many times over; the features read the report under the cursor (`partAt`). Cross-year checks need one
  // report's body: they are left out of a yearbook.
  const starts = reportStarts(text);
  const parts = starts.length ? starts.map((start, i) => analysePart(text, i === 0 ? 0 : start, starts[i + 1] ?? text.length, lang, options)) : undefined;
  const checked = parts
    ? parts.flatMap((part) => part.analysis.findings.map((f) => shiftedFinding(f, part.offset)))
    : runChecks(report, { lang, severities: options.severities, ...(options.previous ? { previous: options.previous } : {}) });
  const encoding = options.decodedFrom && decodedNote(lang, options.decodedFrom, options.severities);
  const { shown, dismissed } = applyReview(encoding ? [encoding, ...checked] : checked, report, options.review);
  releaseCompacts(report);
  return { report, findings: shown, lang, dismissed, options, ...(parts ? { parts } : {}) };
}

/** One report of a yearbook, `text[start, end)`, parsed and checked on its own. */
function analysePart(text: string, start: number, end: number, lang: Lang, options: AnalysisOptions): ReportPart {
  const own = text.slice(start, end);
  const partOptions: AnalysisOptions = { ...(options.lang ? { lang: options.lang } : {}), ...(options.severities ? { severities: options.severities } : {}), ...(options.format ? { format: options.format } : {}) };
  let report: Report;
  try {
    report = parseReport(own, { format: options.format });
  } catch (error) {
    return { offset: start, analysis: { report: emptyReport(own), findings: [internalError(lang, String(error))], lang, dismissed: [], options: partOptions } };
  }
  const findings = runChecks(report, { lang, severities: options.severities });
  releaseCompacts(report);
  return { offset: start, analysis: { report, findings, lang, dismissed: [], options: partOptions } };
}

/** A finding of a yearbook's report, placed in the whole text. */
function shiftedFinding(f: Finding, offset: number): Finding {
  const at = (span: Span): Span => shiftSpan(span, offset);
  return {
    ...f,
    span: at(f.span),
    related: f.related.map((r) => (r.inPrevious ? r : { ...r, span: at(r.span) })),
    fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: at(e.span) })) })),
  };
}


/**
 * Who filed the text and for which year, without reading its tables or running
 * the checks (a quarter of the analysis' time): what a folder's reports are
 * paired by before any is checked. The same as `identify` of the analysis, which
 * reads only the title, the introduction and the section headings. Never throws;
 * a text over `maxSize` has no identity.
 */
export function identifyText(text: string, options: Pick<AnalysisOptions, 'maxSize'> = {}): Identity {
  if (options.maxSize !== undefined && text.length > options.maxSize) return {};
  try {
    const lines = splitLines(text);
    const report: Report = { text, lines, eol: '\n', format: { format: null, evidence: [] }, tables: {}, ...parseStructure(text, lines) };
    const identity = identify(report);
    releaseCompacts(report);
    return identity;
  } catch {
    return {};
  }
}

/**
 * A finding's identity across two versions of a text: its check and the
 * subject its message names before the first comma or colon, with numbers,
 * sums of terms and quoted text masked — a relation still broken with other
 * numbers, or a line still masked, is the same finding.
 */
export function findingKey(f: Finding): string {
  const subject = f.message.split(/[，,：:]/)[0].replace(/\d+/g, '#').replace(/“[^”]*”/g, '“…”').replace(/（[#+—.]+）/g, '（…）');
  return `${f.code} ${subject}`;
}

function countKeys(findings: readonly Finding[], pred: (f: Finding) => boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (pred(f)) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
  return m;
}

const proofs = new WeakMap<Fix, boolean>();

/**
 * Whether applying `fix` clears its finding and adds no error or warning,
 * checked by analysing the text as it would be. A suggestion (a changed
 * number) is offered only when proven; the simulation in the checks is the
 * cheap first filter, this the guarantee. Cached per fix.
 */
export function isProven(analysis: Analysis, finding: Finding, fix: Fix): boolean {
  let proven = proofs.get(fix);
  if (proven === undefined) {
    const after = analyze(applyEdits(analysis.report.text, fix.edits), analysis.options).findings;
    const key = findingKey(finding);
    const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
    const before = countKeys(analysis.findings, serious);
    proven =
      after.filter((f) => findingKey(f) === key).length < analysis.findings.filter((f) => findingKey(f) === key).length &&
      [...countKeys(after, serious)].every(([k, n]) => n <= (before.get(k) ?? 0));
    proofs.set(fix, proven);
  }
  return proven;
}

/** What features see of a document that was not parsed. */
function emptyReport(text: string): Report {
  // Line splitting is linear and cheap, and positions still need it.
  return { text, lines: splitLines(text), eol: '\n', intro: { start: 0, end: 0 }, sections: [], format: { format: null, evidence: [] }, tables: {} };
}

const ENCODING_NAMES: Record<DecodedFrom, string> = { gb18030: 'GB18030/GBK', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** A finding `analyze` makes itself (no check runs for it), at the document's start, under the check's severity setting. */
function hostFinding(check: Check, lang: Lang, message: Localized, args: MessageArgs, severities: AnalysisOptions['severities']): Finding | undefined {
  const setting = severities?.[check.meta.id];
  if (setting === 'off') return undefined;
  return { code: check.meta.id, severity: setting ?? check.meta.defaultSeverity, span: { start: 0, end: 0 }, message: localize(message, lang, args), related: [], fixes: [] };
}

function decodedNote(lang: Lang, from: DecodedFrom, severities: AnalysisOptions['severities']): Finding | undefined {
  const message = { 'zh-CN': '文件以 {encoding} 编码保存，已按此编码读取；建议另存为 UTF-8', en: 'The file is saved in {encoding} and was read as such; consider saving it as UTF-8' };
  return hostFinding(reportEncoding, lang, message, { encoding: ENCODING_NAMES[from] }, severities);
}

function tooLarge(lang: Lang, size: number, max: number, severities: AnalysisOptions['severities']): Finding | undefined {
  const message = { 'zh-CN': '文档过大（{size} 字符，超过设置的 {max} 字符），未进行检查', en: 'The document is too large ({size} characters, more than the {max} set) and was not checked' };
  return hostFinding(reportTooLarge, lang, message, { size, max }, severities);
}

export { getSymbols, type SymbolNode, type SymbolKind } from './features/symbols';
export { getFoldingSpans } from './features/folding';
export { getCodeActions, applyEdits, findingsAt, fixAll, offeredFixes, ProofBudget, proofSteps, type CodeAction } from './features/codeActions';
export { getHover, type Hover } from './features/hover';
export { getDefinition, getReferences } from './features/links';
export { getTablesView, type TablesView, type TableView, type TableBlockView, type TableRowView, type TableCellView, type HeaderCell } from './features/tablesView';
export { relationText } from './relations';
export { REVIEW_FILE, EMPTY_REVIEW, describeFinding, parseReview, recordDecision, formatReview, type Review, type ReviewEntry, type ReviewStatus } from './review';
