// One analysis per document version, shared by every feature: diagnostics,
// code actions, symbols, folding and hover all read the same entry, so a
// request for a version already analysed costs a map lookup.

import type { Analysis } from '../core';

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
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysed>();

  constructor(private readonly analyzeText: (text: string) => Analysis) {}

  /** The analysis of the document's current version, computed at most once. */
  get(document: VersionedText): Analysed {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const entry: Analysed = { uri: document.uri, version: document.version, analysis: this.analyzeText(document.getText()) };
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
