// Machine-readable output with a fixed shape (bump `version` if it changes).
// Ranges are LSP ranges, so tools can feed them straight to an editor.

import type { Severity } from '../core/index';
import type { Origin } from './files';
import type { CheckedFile, Position } from './job';

export interface JsonOutput {
  version: 1;
  files: JsonFileOutput[];
}

export interface JsonFileOutput {
  path: string;
  format: string | null;
  /** Last year's report of the same body, compared with by the `year.*` checks, and how it was paired. */
  previous?: { path: string; pairedBy: 'name' | 'explicit' | 'config' };
  diagnostics: {
    code: string;
    severity: Severity;
    message: string;
    range: { start: Position; end: Position };
    /**
     * For a file that is not text, where the finding's text came from (`range` is in the text read from it):
     * a web page's 1-based line and column; a Word document's paragraph, or table, row and cell.
     */
    source?: Origin;
    /** A reviewer confirmed it in `.nianbao-review.json` (with the reason given, if any). */
    confirmed?: { reason?: string };
  }[];
  /** Findings a reviewer dismissed in `.nianbao-review.json`; present only when there are some. */
  dismissed?: {
    code: string;
    severity: Severity;
    message: string;
    range: { start: Position; end: Position };
    fingerprint: string;
    reason?: string;
  }[];
}

/** One file's entry of `files`. Every checked file has one, so a consumer can tell "clean" from "not checked". */
export function jsonOfFile(file: CheckedFile): JsonFileOutput {
  return {
    path: file.path,
    format: file.analysis.report.format.format,
    ...(file.previous ? { previous: { path: file.previous.file.path, pairedBy: file.previous.pairedBy } } : {}),
    diagnostics: file.analysis.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: file.range(f.span),
      ...(file.source ? { source: file.source(f.span) } : {}),
      ...(f.confirmed ? { confirmed: f.confirmed } : {}),
    })),
    // Set aside in the review file (only when there are such): kept, with the decision, for audit.
    ...(file.analysis.dismissed.length
      ? {
          dismissed: file.analysis.dismissed.map(({ finding: f, entry }) => ({
            code: f.code,
            severity: f.severity,
            message: f.message,
            range: file.range(f.span),
            fingerprint: entry.fingerprint,
            ...(entry.reason ? { reason: entry.reason } : {}),
          })),
        }
      : {}),
  };
}
