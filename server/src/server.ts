// The language server (bundled to dist/server.js). The transport comes from
// the command line: --stdio, --node-ipc or --socket=<port>.
// All analysis lives in ./core; this file only wires it to the protocol.

import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, getDefinition, getReferences, resolveLang, type Lang } from './core';
import { AnalysisCache, type Analysed } from './lsp/cache';
import { toCodeActions, toDiagnostics, toDocumentSymbols, toFoldingRanges, toHover, toLocations } from './lsp/convert';

/**
 * Changes that arrive together (one event-loop turn) are analysed once. No
 * longer delay: analysis takes well under a millisecond, so waiting would only
 * make diagnostics lag behind typing.
 */
const CHANGE_DELAY_MS = 0;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let lang: Lang = 'zh-CN';
const cache = new AnalysisCache((text) => analyze(text, { lang }));
const timers = new Map<string, NodeJS.Timeout>();
/** The version whose diagnostics were last published, per document. */
const published = new Map<string, number>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const requested = (params.initializationOptions as { lang?: unknown } | null | undefined)?.lang;
  lang = typeof requested === 'string' && requested ? resolveLang(requested) : resolveLang(params.locale);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
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

/** The open document a request names, with its (cached) analysis. */
function lookup(params: { textDocument?: { uri?: unknown } } | null | undefined): { document: TextDocument; entry: Analysed } | undefined {
  const uri = params?.textDocument?.uri;
  const document = typeof uri === 'string' ? documents.get(uri) : undefined;
  return document ? { document, entry: cache.get(document) } : undefined;
}

function publish(uri: string): void {
  timers.delete(uri);
  const document = documents.get(uri);
  if (!document || published.get(uri) === document.version) return;
  try {
    const entry = cache.get(document);
    published.set(uri, entry.version);
    connection.sendDiagnostics({ uri, version: entry.version, diagnostics: toDiagnostics(document, entry) });
  } catch (error) {
    connection.console.error(`diagnostics ${uri}: ${errorText(error)}`);
  }
}

function schedule(uri: string, version: number): void {
  if (published.get(uri) === version) return;
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => publish(uri), CHANGE_DELAY_MS));
}

// onDidOpen fires before onDidChangeContent for the same version, which then finds it published.
documents.onDidOpen((event) => publish(event.document.uri));
documents.onDidChangeContent((event) => schedule(event.document.uri, event.document.version));
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  published.delete(uri);
  cache.delete(uri);
  connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onCodeAction(
  guard('codeAction', [], (params) => {
    const found = lookup(params);
    return found ? toCodeActions(found.document, found.entry, params) : [];
  }),
);

connection.onDocumentSymbol(
  guard('documentSymbol', [], (params) => {
    const found = lookup(params);
    return found ? toDocumentSymbols(found.document, found.entry) : [];
  }),
);

connection.onFoldingRanges(
  guard('foldingRange', [], (params) => {
    const found = lookup(params);
    return found ? toFoldingRanges(found.document, found.entry) : [];
  }),
);

connection.onHover(
  guard('hover', null, (params) => {
    const found = lookup(params);
    return found && params.position ? toHover(found.document, found.entry, params.position) : null;
  }),
);

// A figure in the prose and the table cells it speaks about.
connection.onDefinition(
  guard('definition', [], (params) => {
    const found = lookup(params);
    return found && params.position ? toLocations(found.document, getDefinition(found.entry.analysis, found.document.offsetAt(params.position))) : [];
  }),
);

connection.onReferences(
  guard('references', [], (params) => {
    const found = lookup(params);
    return found && params.position ? toLocations(found.document, getReferences(found.entry.analysis, found.document.offsetAt(params.position))) : [];
  }),
);

connection.onShutdown(() => {
  for (const timer of timers.values()) clearTimeout(timer);
  timers.clear();
});

documents.listen(connection);
connection.listen();
