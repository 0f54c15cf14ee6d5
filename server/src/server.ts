// The language server (bundled to dist/server.js). The transport comes from
// the command line: --stdio, --node-ipc or --socket=<port>.
// All analysis lives in ./core; this file only wires it to the protocol.

import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgress,
  type CancellationToken,
  type CodeActionParams,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'url';
import { analyze, getDefinition, getReferences, identify, looksLikeReport, resolveLang, type AnalysisOptions, type Lang, type Review, type ReviewEntry } from './core';
import { SETTINGS_SECTION } from './settings';
import { AnalysisCache, type Analysed } from './lsp/cache';
import { DocumentSettings } from './lsp/config';
import { ReviewStore } from './lsp/review';
import { DISMISS_COMMAND, SOURCE_FIX_ALL, proofsAhead, toCodeActions, toDiagnostics, toDocumentSymbols, toFoldingRanges, toHover, toLocations, toRange } from './lsp/convert';
import { FileViews, READ_FILE_METHOD, type ReadFileParams, type ReadFileResult } from './lsp/files';
import { CHECK_FILES_METHOD, UNITS_METHOD, WorkspaceReports, type CheckFilesParams, type CheckFilesResult, type UnitReport } from './lsp/workspace';
import { ACTIONS, REVIEW_MESSAGES } from './lsp/messages';
import { localize } from './core/i18n';
import { TABLES_METHOD, toCodeLenses, toTablesResult, type TablesParams, type TablesResult } from './lsp/tables';

/**
 * A document whose last analysis took less than this is checked again at the
 * next turn of the event loop after a change: quicker than keys repeat, so
 * typing never queues behind it. A slower one waits for more changes a
 * quarter of its last analysis (at least 1 ms, at most GATHER_MS), so that a
 * burst of changes, read one a turn and arriving over a few milliseconds,
 * makes one analysis, not one each: the wait costs a quarter of an analysis
 * and saves whole ones.
 */
const QUICK_ANALYSIS_MS = 10;
const GATHER_MS = 10;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let lang: Lang = 'zh-CN';
/** The `nianbao` settings of each document (replaced once the client's capabilities are known). */
let settings = new DocumentSettings(undefined, () => lang);
let registerForChanges = false;
let watchFiles = false;
/** Whether the client re-asks for code lenses when told to (workspace/codeLens/refresh). */
let refreshCodeLenses = false;
let roots: string[] = [];
const reviews = new ReviewStore(
  () => roots,
  (file, error) => tell(MessageType.Warning, localize(REVIEW_MESSAGES.unusable, settings.current('').lang ?? lang, { file, detail: error })),
);
/** A message for the user that needs no answer: a notification, which no client can fail to reply to. */
function tell(type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
/** The options of a document: its settings and the reviewer's decisions that apply to it (one object per pair, for the cache's key). */
const withReview = new WeakMap<AnalysisOptions, WeakMap<Review, AnalysisOptions>>();
/** The read-only views of files that are not text (PDF, Word, saved pages): where their lines come from. */
const fileViews = new FileViews();
/** Every report of the workspace once the client asked for them all: the pairs across years. */
const workspace = new WorkspaceReports((uri) => settings.current(uri));
function optionsFor(uri: string): AnalysisOptions {
  let options = fileViews.options(uri, settings.current(uri));
  const review = reviews.reviewFor(uri);
  if (review?.findings.length) {
    let byReview = withReview.get(options);
    if (!byReview) withReview.set(options, (byReview = new WeakMap()));
    let withIt = byReview.get(review);
    if (!withIt) byReview.set(review, (withIt = { ...options, review }));
    options = withIt;
  }
  // A text file of the workspace read in another encoding (not open: the editor decodes what it opens).
  const indexed = documents.get(uri) ? undefined : workspace.get(uri);
  if (indexed?.decodedFrom && indexed.document.uri === indexed.source) options = { ...options, decodedFrom: indexed.decodedFrom };
  // Last year's report, as open or as read from disk: the cross-year checks.
  const previous = workspace.previousReport(uri, (u) => (documents.get(u) ? cache.peek(u)?.analysis.report : undefined));
  if (previous) options = { ...options, previous: { report: previous.report, name: previous.name, pairedBy: previous.pairedBy } };
  return options;
}

/** The document last year's report is, for a cross-year finding's related places. */
function previousDocument(uri: string): TextDocument | undefined {
  const previous = workspace.previousOf(uri);
  return previous ? (documents.get(previous.uri) ?? previous.entry.document) : undefined;
}
const cache = new AnalysisCache(analyze, optionsFor);
/** How to call off the check a change has scheduled, per document. */
const scheduled = new Map<string, () => void>();
/** The analysis (version, text and settings) whose diagnostics were last published, per document. */
const published = new Map<string, Analysed>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const requested = (params.initializationOptions as { lang?: unknown } | null | undefined)?.lang;
  lang = typeof requested === 'string' && requested ? resolveLang(requested) : resolveLang(params.locale);
  // Settings per document when the client can be asked (scoped to the document), else the pushed ones.
  const workspace = params.capabilities.workspace;
  settings = new DocumentSettings(
    workspace?.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : undefined,
    () => lang,
    (uri, error) => connection.console.error(`configuration ${uri}: ${errorText(error)}`),
  );
  registerForChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  watchFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  refreshCodeLenses = workspace?.codeLens?.refreshSupport === true;
  roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => fileURLToPath(f.uri));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, SOURCE_FIX_ALL] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [DISMISS_COMMAND] },
    },
    serverInfo: { name: 'nianbao' },
  };
});

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs a handler so that a bad request costs an answer, never the server. */
function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
  return (params) => {
    try {
      return handler(params);
    } catch (error) {
      connection.console.error(`${name}: ${errorText(error)}`);
      return fallback;
    }
  };
}

/** The same for handlers that wait: a rejection is logged and answered with the fallback; a cancellation is answered as one. */
function guardAsync<P, R>(name: string, fallback: R, handler: (params: P, token?: CancellationToken) => Promise<R>): (params: P, token?: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name}: ${errorText(error)}`);
      return fallback;
    }
  };
}

type Found = { document: TextDocument; entry: Analysed };

const markdownReports = new Map<string, { version: number; report: boolean }>();

/**
 * Whether an open document is ours to check: a report, or a Markdown document
 * (the client sends them all, so that a Markdown report keeps Markdown) while
 * it reads like a report. Other Markdown gets no finding and no feature.
 */
function served(document: TextDocument): boolean {
  if (document.languageId !== 'markdown') return true;
  const known = markdownReports.get(document.uri);
  if (known?.version === document.version) return known.report;
  const report = looksLikeReport(document.getText());
  markdownReports.set(document.uri, { version: document.version, report });
  return report;
}

function cancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

/**
 * The open document a request names, with its analysis under the document's
 * own settings: a request that arrives before they have (the Outline and the
 * lenses of the first report opened) waits for them, instead of answering in
 * the default language and format. Undefined when the document is gone; a
 * request cancelled meanwhile is answered as cancelled, before any analysis.
 */
async function lookup(params: { textDocument?: { uri?: unknown } } | null | undefined, token?: CancellationToken): Promise<Found | undefined> {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string' || !documents.get(uri)) return undefined;
  await settings.load(uri);
  cancelled(token);
  const document = documents.get(uri);
  return document && served(document) ? { document, entry: cache.get(document) } : undefined;
}

/** A request about one open document, answered from its analysis; `fallback` when there is none. */
function onDocument<P extends { textDocument?: { uri?: unknown } } | null | undefined, R>(name: string, fallback: R, answer: (found: Found, params: P) => R): (params: P, token?: CancellationToken) => Promise<R> {
  return guardAsync(name, fallback, async (params: P, token?: CancellationToken) => {
    const found = await lookup(params, token);
    return found ? answer(found, params) : fallback;
  });
}

/** Publishes the diagnostics of the document's current version and settings, unless already published. */
async function publish(uri: string): Promise<void> {
  scheduled.delete(uri);
  // A client may open a document under a URI that is not a string (malformed input): nothing to publish to.
  if (typeof uri !== 'string') return;
  // The document's settings first (asked once per document and change of settings).
  await settings.load(uri);
  // A report of the workspace that is not open: its text as read from disk.
  const document = documents.get(uri) ?? workspace.get(uri)?.document;
  if (!document) return;
  if (!served(document)) {
    // Markdown that no longer reads like a report: its findings go.
    if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  try {
    const entry = cache.get(document);
    if (published.get(uri) === entry) return;
    published.set(uri, entry);
    const diagnostics = toDiagnostics(document, entry, previousDocument(uri));
    connection.sendDiagnostics({ uri, version: entry.version, diagnostics: fileViews.has(uri) ? fileViews.locate(document, diagnostics, entry.analysis.lang) : diagnostics });
    // Next year's report compares with this one: checked again with it.
    for (const next of workspace.all()) if (workspace.previousOf(next.document.uri)?.uri === uri) void publish(next.document.uri);
  } catch (error) {
    connection.console.error(`diagnostics ${uri}: ${errorText(error)}`);
  }
}

function schedule(uri: string): void {
  unschedule(uri);
  const check = () => void publish(uri);
  const elapsed = cache.peek(uri)?.elapsedMs;
  if (elapsed !== undefined && elapsed < QUICK_ANALYSIS_MS) {
    const immediate = setImmediate(check);
    scheduled.set(uri, () => clearImmediate(immediate));
  } else {
    const timer = setTimeout(check, Math.min(GATHER_MS, Math.max(1, (elapsed ?? 0) / 4)));
    scheduled.set(uri, () => clearTimeout(timer));
  }
}

function unschedule(uri: string): void {
  scheduled.get(uri)?.();
  scheduled.delete(uri);
}

// onDidOpen fires before onDidChangeContent for the same version, which then finds it published.
documents.onDidOpen((event) => void publish(event.document.uri));
documents.onDidChangeContent((event) => schedule(event.document.uri));
documents.onDidClose((event) => {
  const uri = event.document.uri;
  unschedule(uri);
  published.delete(uri);
  cache.delete(uri);
  markdownReports.delete(uri);
  // A report of the workspace stays in Problems, as read from disk.
  if (workspace.get(uri)) {
    void publish(uri);
    return;
  }
  settings.delete(uri);
  fileViews.delete(uri);
  connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onInitialized(() => {
  if (watchFiles) {
    // A review file changed on disk (a pull, an edit): its decisions apply again to every open report.
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.nianbao-review.json' }] }).catch((error: unknown) => {
      connection.console.error(`register didChangeWatchedFiles: ${errorText(error)}`);
    });
  }
  if (!registerForChanges) return;
  // Without it, VS Code's client sends no didChangeConfiguration for our section.
  connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((error: unknown) => {
    connection.console.error(`register didChangeConfiguration: ${errorText(error)}`);
  });
});

// New settings: every open document is checked again with them (and republished if they changed its diagnostics);
// then the client is asked for its code lenses again, which name the tables in the analysis language.
connection.onDidChangeConfiguration(
  guard('didChangeConfiguration', undefined, (params) => {
    settings.changed(params?.settings);
    void Promise.all(documents.all().map((document) => publish(document.uri))).then(() => {
      if (refreshCodeLenses) return connection.sendRequest(CodeLensRefreshRequest.type);
    }).catch((error: unknown) => connection.console.error(`codeLens/refresh: ${errorText(error)}`));
  }),
);

connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, () => {
    reviews.invalidate();
    for (const document of documents.all()) void publish(document.uri);
  }),
);

// A finding dismissed or confirmed from the light bulb: recorded in the review file, and the reports checked again.
connection.onExecuteCommand(
  guard('executeCommand', undefined, (params) => {
    if (params.command !== DISMISS_COMMAND) return;
    const [uri, decision] = (params.arguments ?? []) as [unknown, ReviewEntry | undefined];
    if (typeof uri !== 'string' || typeof decision?.fingerprint !== 'string' || (decision.status !== 'dismissed' && decision.status !== 'confirmed')) return;
    const recorded = reviews.record(uri, decision);
    if (!recorded.ok && recorded.file !== undefined) {
      tell(MessageType.Error, localize(REVIEW_MESSAGES.notRecorded, settings.current(uri).lang ?? lang, { file: recorded.file, detail: recorded.error }));
    }
    for (const document of documents.all()) void publish(document.uri);
  }),
);

// Every request about a document waits for its settings (see lookup) and gives up once cancelled.
// Suggestions are proven one a turn of the event loop before the answer is made: a request the client
// cancels (the cursor moved on) or whose document changes stops between two proofs.
connection.onCodeAction(
  guardAsync('codeAction', [], async (params: CodeActionParams, token?: CancellationToken) => {
    const found = await lookup(params, token);
    if (!found) return [];
    const { document, entry } = found;
    const steps = proofsAhead(document, entry, params);
    for (const prove of steps) {
      await new Promise((resolve) => setImmediate(resolve));
      stillWanted(token, document, entry);
      prove();
    }
    if (steps.length) {
      await new Promise((resolve) => setImmediate(resolve));
      stillWanted(token, document, entry);
    }
    return toCodeActions(document, entry, params);
  }),
);

/** Throws the error LSP has for a request cancelled, or about a document that has changed since it was analysed. */
function stillWanted(token: CancellationToken | undefined, document: TextDocument, entry: Analysed): void {
  cancelled(token);
  if (document.version !== entry.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'content modified');
}

connection.onDocumentSymbol(onDocument('documentSymbol', [], (found) => toDocumentSymbols(found.document, found.entry)));

connection.onFoldingRanges(onDocument('foldingRange', [], (found) => toFoldingRanges(found.document, found.entry)));

connection.onHover(onDocument('hover', null, (found, params) => (params.position ? toHover(found.document, found.entry, params.position) : null)));

// A figure in the prose and the table cells it speaks about.
connection.onDefinition(
  onDocument('definition', [], (found, params) =>
    params.position ? toLocations(found.document, getDefinition(found.entry.analysis, found.document.offsetAt(params.position))) : [],
  ),
);

connection.onReferences(
  onDocument('references', [], (found, params) =>
    params.position ? toLocations(found.document, getReferences(found.entry.analysis, found.document.offsetAt(params.position))) : [],
  ),
);

// The tables for the client's preview, and a lens above each table with its relations.
connection.onCodeLens(onDocument('codeLens', [], (found) => toCodeLenses(found.document, found.entry)));

connection.onRequest(TABLES_METHOD, onDocument<TablesParams, TablesResult | null>('tables', null, (found) => toTablesResult(found.document, found.entry)));

// The text of a PDF, Word document or saved page for the client's read-only view of it.
connection.onRequest(READ_FILE_METHOD, async (params: ReadFileParams): Promise<ReadFileResult> => {
  const currentLang = settings.current(typeof params?.document === 'string' ? params.document : '').lang ?? lang;
  if (typeof params?.source !== 'string' || typeof params.document !== 'string') return { ok: false, message: 'invalid parameters' };
  try {
    const result = await fileViews.read(params, currentLang);
    // Read again after a change on disk: the view's document is checked with what it now holds.
    if (result.ok && documents.get(params.document)) schedule(params.document);
    return result;
  } catch (error) {
    connection.console.error(`readFile ${params.source}: ${errorText(error)}`);
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
});

// Every report of the workspace (or those changed on disk): read, paired across years, published.
connection.onRequest(CHECK_FILES_METHOD, async (params: CheckFilesParams, token): Promise<CheckFilesResult> => {
  if (!Array.isArray(params?.files)) return { reports: 0, problems: [] };
  const uiLang = settings.current('').lang ?? lang;
  const progressToken = params.workDoneToken;
  const progress = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
    if (progressToken !== undefined) void connection.sendProgress(WorkDoneProgress.type, progressToken, value);
  };
  progress({ kind: 'begin', title: localize(ACTIONS.checkingWorkspace, uiLang), cancellable: false, percentage: 0 });
  try {
    const files = params.files.filter((f) => typeof f?.source === 'string' && typeof f.document === 'string');
    for (const { document } of files) await settings.load(document);
    const result = await workspace.add({ ...params, files }, uiLang, (done, total, file) => {
      if (done % 10 === 0) progress({ kind: 'report', message: file.slice(file.lastIndexOf('/') + 1), percentage: Math.floor((done / total) * 100) });
    }, () => token.isCancellationRequested);
    for (const { source, document } of files) {
      const entry = workspace.get(document);
      if (entry && document !== source) fileViews.register(document, entry.origins, entry.decodedFrom);
      if (!entry && !documents.get(document)) connection.sendDiagnostics({ uri: document, diagnostics: [] });
    }
    // A new or changed report may change who pairs with whom: every report is published again (unchanged ones cost a lookup).
    for (const entry of workspace.all()) await publish(entry.document.uri);
    for (const document of documents.all()) await publish(document.uri);
    return result;
  } finally {
    progress({ kind: 'end' });
  }
});

// The reviewer's view: every report known (the workspace's and the open ones), its unit, year, counts and findings.
connection.onRequest(
  UNITS_METHOD,
  guard<unknown, UnitReport[]>('units', [], () => {
    const uris = new Set([...workspace.all().map((e) => e.document.uri), ...documents.all().filter((d) => d.languageId === 'nianbao').map((d) => d.uri)]);
    const units: UnitReport[] = [];
    for (const uri of uris) {
      const document = documents.get(uri) ?? workspace.get(uri)?.document;
      if (!document) continue;
      const { analysis } = cache.get(document);
      const identity = identify(analysis.report);
      const counts = { error: 0, warning: 0, information: 0, hint: 0 };
      for (const f of analysis.findings) counts[f.severity]++;
      const previous = workspace.previousOf(uri)?.uri;
      units.push({
        unit: identity.body ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)),
        ...(identity.year ? { year: identity.year } : {}),
        uri,
        counts,
        ...(previous ? { previous } : {}),
        findings: analysis.findings.map((f) => {
          const range = toRange(document, f.span);
          const where = fileViews.placeOf(document, range.start, analysis.lang);
          return { code: f.code, severity: f.severity, message: f.message, range, ...(where ? { where } : {}) };
        }),
      });
    }
    return units.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : (b.year ?? 0) - (a.year ?? 0)));
  }),
);

connection.onShutdown(() => {
  for (const uri of [...scheduled.keys()]) unschedule(uri);
});

documents.listen(connection);
connection.listen();
