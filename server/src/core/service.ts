// The façade of the analysis core: one call per feature, plain data in and out.
// Neither `vscode` nor any LSP module may be imported anywhere under core/.

import { runChecks, internalError } from './engine';
import type { Finding, SeveritySetting } from './checks/types';
import type { Lang } from './i18n';
import type { Report } from './parse/model';
import { parseReport } from './parse/report';
import { splitLines } from './text';

export interface AnalysisOptions {
  lang?: Lang;
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface Analysis {
  report: Report;
  findings: Finding[];
  lang: Lang;
}

/** Parses and checks one document version. Never throws. */
export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const lang = options.lang ?? 'zh-CN';
  let report: Report;
  try {
    report = parseReport(text);
  } catch (error) {
    const lines = splitLines(text);
    report = { text, lines, eol: '\n', intro: { start: 0, end: text.length }, sections: [], format: { format: null, evidence: [] }, tables: {} };
    return { report, findings: [internalError(lang, String(error))], lang };
  }
  return { report, findings: runChecks(report, { lang, severities: options.severities }), lang };
}

export { getSymbols, type SymbolNode, type SymbolKind } from './features/symbols';
export { getFoldingSpans } from './features/folding';
export { getCodeActions, applyEdits, type CodeAction } from './features/codeActions';
export { getHover, type Hover } from './features/hover';
export { getDefinition, getReferences } from './features/links';
