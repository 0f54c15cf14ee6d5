// The VS Code client: starts the language server and recognises reports
// (reports.ts). Everything else happens in the server.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { resolveLang } from '../../server/src/core';
import { checked, LANGUAGE_ID, startDetection } from './reports';
import { registerSettingsCommands } from './settings';
import { registerCommands } from './commands';
import { registerPreview } from './preview';
import { registerStatusBar } from './statusBar';
import { registerFileViews } from './files';
import { registerTasks } from './tasks';
import { registerWorkspaceCheck } from './workspace';
import { registerReviewView, type UnitReport } from './reviewView';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and its tests): the reviewer's view as data. */
export interface NianbaoApi {
  units(): Promise<UnitReport[]>;
  /** The document the table preview shows, while it is open. */
  previewOf(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  context.subscriptions.push(...startDetection());
  context.subscriptions.push(...registerSettingsCommands());
  // New-report commands, the table preview and the status bar item (these two reach the server through `client` once it runs).
  const preview = registerPreview(() => client);
  context.subscriptions.push(...registerCommands(), ...preview.disposables, ...registerStatusBar(() => client));
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
    // Markdown documents go to the server too, which checks those that read like reports, in place.
    documentSelector: [{ language: LANGUAGE_ID }, { language: 'markdown' }],
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
  return { units: review.units, previewOf: preview.shown };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

/**
 * The server's "show documentation" actions run `vscode.open` with the page's
 * URI as a string, which VS Code accepts only for http(s): give it a Uri. A
 * check's page (docs/checks/*.md, shipped with the extension) opens rendered
 * in the Markdown preview, read-only, rather than as text to edit.
 */
const reviveOpenCommands: Middleware['provideCodeActions'] = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  const revive = (command: vscode.Command | undefined) => {
    const [target, ...rest] = command?.arguments ?? [];
    if (command?.command !== 'vscode.open' || typeof target !== 'string') return;
    const uri = vscode.Uri.parse(target);
    if (/\/docs\/checks\/[\w.-]+\.md$/.test(uri.path)) {
      command.command = 'markdown.showPreview';
      command.arguments = [uri];
    } else command.arguments = [uri, ...rest];
  };
  for (const action of actions ?? []) revive(action instanceof vscode.CodeAction ? action.command : (action as vscode.Command));
  return actions;
};

/** A small young generation: the server holds many small documents (see package.json `nianbao.serverExecArgv`). */
function serverExecArgv(context: vscode.ExtensionContext): string[] {
  const flags = (context.extension.packageJSON as { nianbao?: { serverExecArgv?: unknown } }).nianbao?.serverExecArgv;
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [];
}
