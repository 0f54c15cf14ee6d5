// The façade of the analysis core: one call per feature, plain data in and out.
// Neither `vscode` nor any LSP module may be imported anywhere under core/.

import { runChecks, internalError } from './engine';
import type { Finding, SeveritySetting } from './checks/types';
import { localize, type Lang } from './i18n';
import { reportTooLarge } from './checks/structure/too-large';
import type { FormatId } from './format/tables';
import type { Report } from './parse/model';
import { releaseCompacts } from './parse/compacted';
import { parseReport } from './parse/report';
import { splitLines } from './text';

export interface AnalysisOptions {
  lang?: Lang;
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** `auto` (the default) reads the format from the text. */
  format?: 'auto' | FormatId;
  /** Documents longer than this (in UTF-16 code units) are not analysed: one finding says so. */
  maxSize?: number;
}

export interface Analysis {
  report: Report;
  findings: Finding[];
  lang: Lang;
}

/** Parses and checks one document version. Never throws. */
export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const lang = options.lang ?? 'zh-CN';
  if (options.maxSize !== undefined && text.length > options.maxSize) {
    return { report: emptyReport(text), findings: [tooLarge(lang, text.length, options.maxSize, options.severities)].filter((f): f is Finding => !!f), lang };
  }
  let report: Report;
  try {
    report = parseReport(text, { format: options.format });
  } catch (error) {
    return { report: emptyReport(text), findings: [internalError(lang, String(error))], lang };
  }
  const findings = runChecks(report, { lang, severities: options.severities });
  releaseCompacts(report);
  return { report, findings, lang };
}

/** What features see of a document that was not parsed. */
function emptyReport(text: string): Report {
  // Line splitting is linear and cheap, and positions still need it.
  return { text, lines: splitLines(text), eol: '\n', intro: { start: 0, end: 0 }, sections: [], format: { format: null, evidence: [] }, tables: {} };
}

function tooLarge(lang: Lang, size: number, max: number, severities: AnalysisOptions['severities']): Finding | undefined {
  const setting = severities?.[reportTooLarge.meta.id];
  if (setting === 'off') return undefined;
  return {
    code: reportTooLarge.meta.id,
    severity: setting ?? reportTooLarge.meta.defaultSeverity,
    span: { start: 0, end: 0 },
    message: localize(
      { 'zh-CN': '文档过大（{size} 字符，超过设置的 {max} 字符），未进行检查', en: 'The document is too large ({size} characters, more than the {max} set) and was not checked' },
      lang,
      { size, max },
    ),
    related: [],
    fixes: [],
  };
}

export { getSymbols, type SymbolNode, type SymbolKind } from './features/symbols';
export { getFoldingSpans } from './features/folding';
export { getCodeActions, applyEdits, type CodeAction } from './features/codeActions';
export { getHover, type Hover } from './features/hover';
export { getDefinition, getReferences } from './features/links';
export { getTablesView, type TablesView, type TableView, type TableBlockView, type TableRowView, type TableCellView, type HeaderCell } from './features/tablesView';
export { relationText } from './relations';
