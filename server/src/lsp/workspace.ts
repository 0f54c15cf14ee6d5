// Every report of the workspace, not only the open ones: the client lists the
// files ("Check All Reports in the Workspace", and again when one changes on
// disk), the server reads them, pairs each with its body's report of the year
// before, and publishes their diagnostics — the cross-year findings included,
// for open documents too. PDFs, Word documents and pages are published under
// their read-only view's URI, so that Problems opens the view.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'url';
import { analyze, identify, looksLikeReport, pairByName, type Analysis, type AnalysisOptions, type Identity, type PreviousReport } from '../core';
import type { DecodedFrom } from '../core/checks/structure/encoding';
import { describeProblem } from '../files/messages';
import { readAny, type Origin } from '../files/read';
import type { Lang } from '../core';

export const CHECK_FILES_METHOD = 'nianbao/checkFiles';

export interface CheckFilesParams {
  /** Each file (file: URI) and the document its diagnostics belong to: itself, or its read-only view. */
  files: { source: string; document: string }[];
  /** Files named explicitly (a change on disk) are checked whatever they hold; others only when they read like a report. */
  explicit?: boolean;
  workDoneToken?: string | number;
}

export interface CheckFilesResult {
  /** Reports read into the index by this request. */
  reports: number;
  /** Files that could not be read, with why. */
  problems: string[];
}

/** The reviewer's view: each report of the workspace (and each open one) with its counts and findings. */
export const UNITS_METHOD = 'nianbao/units';

export interface UnitFinding {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Where it is in the file a read-only view was read from (第 3 页): a PDF's reader finds it there. */
  where?: string;
}

export interface UnitReport {
  unit: string;
  year?: number;
  /** The document the findings are in (a file, or a PDF's read-only view). */
  uri: string;
  counts: Record<UnitFinding['severity'], number>;
  /** Last year's report it is compared with. */
  previous?: string;
  findings: UnitFinding[];
}

export interface IndexedReport {
  source: string;
  document: TextDocument;
  identity: Identity;
  /** Its analysis without last year's report: what identifies it and what the next year compares with. */
  analysis: Analysis;
  origins?: Origin[];
  decodedFrom?: DecodedFrom;
}

export class WorkspaceReports {
  private readonly reports = new Map<string, IndexedReport>();
  private pairs: Map<string, string> | undefined;

  constructor(private readonly optionsFor: (uri: string) => AnalysisOptions) {}

  /** Reads the files into the index; `onRead` follows the progress. */
  async add(params: CheckFilesParams, lang: Lang, onRead: (done: number, total: number, file: string) => void, cancelled: () => boolean): Promise<CheckFilesResult> {
    const problems: string[] = [];
    let reports = 0;
    let done = 0;
    for (const { source, document } of params.files) {
      if (cancelled()) break;
      onRead(done++, params.files.length, source);
      let file: string;
      try {
        file = fileURLToPath(source);
      } catch {
        continue;
      }
      const read = await readAny(file);
      if (!read.ok) {
        this.reports.delete(document);
        if (params.explicit || read.problem.kind !== 'notUtf8') problems.push(`${file}: ${describeProblem(read.problem, lang)}`);
        continue;
      }
      if (!/\.nianbao$/i.test(file) && !looksLikeReport(read.text)) {
        this.reports.delete(document);
        continue;
      }
      const text = TextDocument.create(document, 'nianbao', (this.reports.get(document)?.document.version ?? 0) + 1, read.text);
      const options = this.optionsFor(document);
      const analysis = analyze(read.text, { ...options, ...(read.decodedFrom ? { decodedFrom: read.decodedFrom } : {}) });
      this.reports.set(document, { source, document: text, identity: identify(analysis.report), analysis, origins: read.origins, decodedFrom: read.decodedFrom });
      reports++;
    }
    this.pairs = undefined;
    return { reports, problems };
  }

  remove(document: string): void {
    if (this.reports.delete(document)) this.pairs = undefined;
  }

  all(): IndexedReport[] {
    return [...this.reports.values()];
  }

  get(document: string): IndexedReport | undefined {
    return this.reports.get(document);
  }

  /** Last year's report of a document of the index, by the body's name and the year. */
  previousOf(document: string): { uri: string; entry: IndexedReport } | undefined {
    if (!this.pairs) {
      const entries = [...this.reports.entries()];
      this.pairs = new Map([...pairByName(entries.map(([, e]) => e.identity))].map(([a, b]) => [entries[a][0], entries[b][0]]));
    }
    const uri = this.pairs.get(document);
    const entry = uri === undefined ? undefined : this.reports.get(uri);
    return uri !== undefined && entry ? { uri, entry } : undefined;
  }

  /** The `previous` option for a document: `report` is the previous document's own, as open or as read. */
  previousReport(document: string, reportOf: (uri: string) => Analysis['report'] | undefined): (PreviousReport & { uri: string }) | undefined {
    const previous = this.previousOf(document);
    if (!previous) return undefined;
    return { uri: previous.uri, report: reportOf(previous.uri) ?? previous.entry.analysis.report, name: previous.uri, pairedBy: 'name' };
  }
}
