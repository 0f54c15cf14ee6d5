// The VS Code client: starts the language server and recognises reports that
// open as plain text or Markdown. Everything else happens in the server.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { looksLikeReport, resolveLang } from '../../server/src/core';
import { registerSettingsCommands } from './settings';
import { registerCommands } from './commands';
import { registerPreview } from './preview';
import { registerStatusBar } from './statusBar';
import { registerFileViews } from './files';
import { registerTasks } from './tasks';
import { registerWorkspaceCheck } from './workspace';
import { registerReviewView, type UnitReport } from './reviewView';

const LANGUAGE_ID = 'nianbao';
const DETECTABLE = new Set(['plaintext', 'markdown']);
/**
 * Documents of these schemes are views of another document (a diff's other
 * side, a commit's version, output): neither switched to reports nor checked,
 * so that a report's findings are not listed twice. Every other scheme is
 * checked — a virtual file system's documents too: the server needs only the text.
 */
const DERIVED_SCHEMES = new Set(['git', 'gitlens', 'output', 'vscode-scm', 'pr', 'review', 'merge-conflict.conflict-diff', 'vscode-notebook-cell-output']);
const checked = (document: vscode.TextDocument) => !DERIVED_SCHEMES.has(document.uri.scheme);

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its tests): the reviewer's view as data. */
export interface NianbaoApi {
  units(): Promise<UnitReport[]>;
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  context.subscriptions.push(...startDetection());
  context.subscriptions.push(...registerSettingsCommands());
  // New-report commands, the table preview and the status bar item (these two reach the server through `client` once it runs).
  context.subscriptions.push(...registerCommands(), ...registerPreview(() => client), ...registerStatusBar(() => client));
  // Read-only views of PDFs, Word documents and saved pages, read by the server.
  context.subscriptions.push(...registerFileViews(() => client));
  // `nianbao check` as a task, its findings read into Problems by the problem matchers.
  context.subscriptions.push(...registerTasks(context));
  // Every report of the workspace in Problems, across years.
  context.subscriptions.push(...registerWorkspaceCheck(() => client));
  // The reviewer's view: units, counts, findings.
  const review = registerReviewView(() => client);
  context.subscriptions.push(...review.disposables);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // V8 flags for the server live in package.json, so that the benchmark starts it the same way.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverExecArgv(context) } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme (VIEW_SCHEME, the read-only views of PDFs and Word documents, among them); derived views are not synchronised.
    documentSelector: [{ language: LANGUAGE_ID }],
    initializationOptions: { lang: resolveLang(vscode.env.language) },
    middleware: {
      provideCodeActions: reviveOpenCommands,
      didOpen: (document, next) => (checked(document) ? next(document) : Promise.resolve()),
      didChange: (event, next) => (checked(event.document) ? next(event) : Promise.resolve()),
      didClose: (document, next) => (checked(document) ? next(document) : Promise.resolve()),
    },
  };
  client = new LanguageClient(LANGUAGE_ID, '年报助手 (Nianbao)', serverOptions, clientOptions);
  await client.start();
  return { units: review.units };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

/** Switches plain-text and Markdown documents that look like reports to the report language. */
function startDetection(): vscode.Disposable[] {
  // Changing a document's language fires close and then open, synchronously.
  // A report reopened as plain text in the same turn is the user's (or another
  // extension's) choice, and must not be switched straight back.
  const leftReport = new Set<string>();

  const consider = (document: vscode.TextDocument) => {
    if (!DETECTABLE.has(document.languageId) || !checked(document)) return;
    if (leftReport.has(document.uri.toString())) return;
    if (!vscode.workspace.getConfiguration('nianbao', document).get<boolean>('detectContent', true)) return;
    if (!looksLikeReport(document.getText())) return;
    vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(undefined, () => {
      // The document was closed meanwhile: nothing to switch.
    });
  };

  const disposables = [
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.languageId !== LANGUAGE_ID) return;
      const key = document.uri.toString();
      leftReport.add(key);
      setTimeout(() => leftReport.delete(key), 0);
    }),
    vscode.workspace.onDidOpenTextDocument(consider),
  ];
  vscode.workspace.textDocuments.forEach(consider);
  return disposables;
}

/**
 * The server's "show documentation" actions run `vscode.open` with the page's
 * URI as a string, which VS Code accepts only for http(s): give it a Uri.
 */
const reviveOpenCommands: Middleware['provideCodeActions'] = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  const revive = (command: vscode.Command | undefined) => {
    const [target, ...rest] = command?.arguments ?? [];
    if (command?.command === 'vscode.open' && typeof target === 'string') command.arguments = [vscode.Uri.parse(target), ...rest];
  };
  for (const action of actions ?? []) revive(action instanceof vscode.CodeAction ? action.command : (action as vscode.Command));
  return actions;
};

/** A small young generation: the server holds many small documents (see package.json `nianbao.serverExecArgv`). */
function serverExecArgv(context: vscode.ExtensionContext): string[] {
  const flags = (context.extension.packageJSON as { nianbao?: { serverExecArgv?: unknown } }).nianbao?.serverExecArgv;
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [];
}
