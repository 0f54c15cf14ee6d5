// The settings of each open document, asked of the client with
// workspace/configuration (scoped to the document, so folder and workspace
// settings apply) and kept until the settings change.

import type { AnalysisOptions, Lang } from '../core';
import { DEFAULT_MAX_DOCUMENT_SIZE, readSettings, SETTINGS_SECTION } from '../settings';

/** Asks the client for the `nianbao` section as it applies to a document. */
export type AskClient = (uri: string) => Promise<unknown>;

export class DocumentSettings {
  /** The options last received per document: used until newer ones arrive. */
  private readonly resolved = new Map<string, AnalysisOptions>();
  /** The request in flight or answered for the current settings, per document. */
  private readonly requests = new Map<string, Promise<AnalysisOptions>>();
  /** Settings pushed with didChangeConfiguration, for a client that cannot be asked. */
  private pushed: unknown;
  private fallback: AnalysisOptions | undefined;

  /**
   * `ask` is absent when the client does not support workspace/configuration;
   * `lang` is the language for `auto` (initializationOptions, else the locale).
   */
  constructor(
    private readonly ask: AskClient | undefined,
    private readonly lang: () => Lang,
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
  ) {}

  /** Maps the section to the core's options; invalid values keep their defaults. */
  toOptions(raw: unknown): AnalysisOptions {
    const { options, language } = readSettings(raw);
    return { ...options, lang: language === 'auto' ? this.lang() : language, maxSize: options.maxSize ?? DEFAULT_MAX_DOCUMENT_SIZE };
  }

  /** The options known now for a document: its own once they have arrived, the defaults before. */
  current(uri: string): AnalysisOptions {
    return this.resolved.get(uri) ?? this.defaults();
  }

  /** The document's options, asking the client at most once per document and change of settings. Never rejects. */
  load(uri: string): Promise<AnalysisOptions> {
    const known = this.requests.get(uri);
    if (known) return known;
    const ask = this.ask;
    const answer: Promise<unknown> = ask ? Promise.resolve().then(() => ask(uri)) : Promise.resolve(this.pushed);
    const request: Promise<AnalysisOptions> = answer.then(
      (raw) => this.toOptions(raw),
      (error: unknown) => {
        this.onError(uri, error);
        return this.defaults();
      },
    ).then((options) => {
      // An answer that a change of settings or a close overtook is dropped.
      if (this.requests.get(uri) === request) this.resolved.set(uri, options);
      return options;
    });
    this.requests.set(uri, request);
    return request;
  }

  /**
   * The settings changed: every document is asked again. `pushed` is what the
   * notification carried (`{ nianbao: {...} }`), used only when the client
   * cannot be asked. Known options stay in use until the new ones arrive.
   */
  changed(pushed?: unknown): void {
    if (!this.ask) {
      const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
      this.pushed = section;
      this.fallback = undefined;
    }
    this.requests.clear();
  }

  delete(uri: string): void {
    this.requests.delete(uri);
    this.resolved.delete(uri);
  }

  private defaults(): AnalysisOptions {
    // The language is known only after initialize, so the defaults are made on first use.
    return (this.fallback ??= this.toOptions(this.ask ? undefined : this.pushed));
  }
}
