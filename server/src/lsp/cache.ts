// One analysis per document version and settings, shared by every feature:
// diagnostics, code actions, symbols, folding and hover all read the same
// entry, so a request for a version already analysed costs a map lookup. A
// change of settings makes a new entry, as a new version does.

import type { Analysis, AnalysisOptions } from '../core';
import { optionsKey } from '../settings';

/** The parts of a TextDocument the cache needs (keeps it testable without LSP). */
export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Analysed {
  uri: string;
  version: number;
  analysis: Analysis;
  /** The options it was made with, and their key (see `optionsKey`). */
  options: AnalysisOptions;
  key: string;
  /** The text analysed: a client may reuse a version number for other text (reopening without closing). */
  text: string;
  /** How long the analysis took: a slow document's changes are gathered before it is checked again. */
  elapsedMs: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysed>();

  /** `optionsFor` gives the settings of a document as they are known now. */
  constructor(
    private readonly analyzeText: (text: string, options: AnalysisOptions) => Analysis,
    private readonly optionsFor: (uri: string) => AnalysisOptions = () => ({}),
  ) {}

  /** The analysis of the document's current version with its current settings, computed at most once. */
  get(document: VersionedText): Analysed {
    const options = this.optionsFor(document.uri);
    const key = optionsKey(options);
    const cached = this.entries.get(document.uri);
    const text = document.getText();
    // The same string object when nothing changed, so the text comparison is a pointer check.
    if (cached && cached.version === document.version && cached.key === key && cached.text === text) return cached;
    const started = performance.now();
    const analysis = this.analyzeText(text, options);
    const entry: Analysed = { uri: document.uri, version: document.version, analysis, options, key, text, elapsedMs: performance.now() - started };
    // Only the latest version is kept: older ones are never asked for again.
    this.entries.set(document.uri, entry);
    return entry;
  }

  /** The entry for exactly this version, if it was analysed. */
  peek(uri: string, version?: number): Analysed | undefined {
    const cached = this.entries.get(uri);
    return cached && (version === undefined || cached.version === version) ? cached : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
