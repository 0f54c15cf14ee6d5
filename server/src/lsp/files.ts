// The editor's view of a file that is not text — a PDF, a Word document, a
// saved web page, or a text file in another encoding: the client asks for its
// text (`nianbao/readFile`) and shows it as a read-only document; the server
// remembers where each line of it comes from, and every diagnostic of that
// document says its place in the file's own terms too.

import type { Diagnostic, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'url';
import { looksLikeReport, type AnalysisOptions, type Lang } from '../core';
import { localize } from '../core/i18n';
import type { DecodedFrom } from '../core/checks/structure/encoding';
import { describeOrigin, describeProblem, FILE_MSG } from '../files/messages';
import { originOf, readAny, type Origin } from '../files/read';
import { ACTIONS } from './messages';

export const READ_FILE_METHOD = 'nianbao/readFile';

export interface ReadFileParams {
  /** The file's URI (file: scheme). */
  source: string;
  /** The URI of the read-only document that will show its text. */
  document: string;
}

export type ReadFileResult = { ok: true; text: string } | { ok: false; message: string };

interface View {
  origins?: Origin[];
  decodedFrom?: DecodedFrom;
  /** The options of the view's document, one object per base options (the analysis cache keys on them). */
  options: WeakMap<AnalysisOptions, AnalysisOptions>;
}

export class FileViews {
  private readonly views = new Map<string, View>();

  /** Reads the file for the view `params.document`; a file that cannot be checked is said, with why. */
  async read(params: ReadFileParams, lang: Lang): Promise<ReadFileResult> {
    let file: string;
    try {
      file = fileURLToPath(params.source);
    } catch {
      return { ok: false, message: localize(FILE_MSG.notFound, lang) };
    }
    const read = await readAny(file);
    if (!read.ok) return { ok: false, message: describeProblem(read.problem, lang) };
    if (!looksLikeReport(read.text)) return { ok: false, message: localize(FILE_MSG.noReport, lang) };
    this.views.set(params.document, { origins: read.origins, decodedFrom: read.decodedFrom, options: new WeakMap() });
    return { ok: true, text: read.text };
  }

  /** A view read by the workspace check rather than by the client's request. */
  register(uri: string, origins: Origin[] | undefined, decodedFrom: DecodedFrom | undefined): void {
    this.views.set(uri, { origins, decodedFrom, options: new WeakMap() });
  }

  has(uri: string): boolean {
    return this.views.has(uri);
  }

  /** The options for a view's document: its encoding said as for the CLI. */
  options(uri: string, base: AnalysisOptions): AnalysisOptions {
    const view = this.views.get(uri);
    if (!view?.decodedFrom) return base;
    let options = view.options.get(base);
    if (!options) view.options.set(base, (options = { ...base, decodedFrom: view.decodedFrom }));
    return options;
  }

  /** Each diagnostic of a view's document with its place in the file added to its message. */
  locate(document: TextDocument, diagnostics: Diagnostic[], lang: Lang): Diagnostic[] {
    if (!this.views.get(document.uri)?.origins?.length) return diagnostics;
    return diagnostics.map((d) => ({ ...d, message: d.message + localize(ACTIONS.inFile, lang, { where: this.placeOf(document, d.range.start, lang)! }) }));
  }

  /** Where a position of a view's document is in its file (第 3 页, 第 12 段…); undefined for other documents. */
  placeOf(document: TextDocument, position: Position, lang: Lang): string | undefined {
    const origins = this.views.get(document.uri)?.origins;
    if (!origins?.length) return undefined;
    const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
    const at = originOf(origins, position.line, before);
    return at.page === undefined && at.line !== undefined ? localize(FILE_MSG.atLine, lang, { line: at.line, column: at.column ?? 1 }) : describeOrigin(at, lang);
  }

  delete(uri: string): void {
    this.views.delete(uri);
  }
}
