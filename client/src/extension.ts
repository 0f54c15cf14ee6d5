// The VS Code client: starts the language server and recognises reports that
// open as plain text or Markdown. Everything else happens in the server.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { looksLikeReport, resolveLang } from '../../server/src/core';

const LANGUAGE_ID = 'nianbao';
const DETECTABLE = new Set(['plaintext', 'markdown']);
const SCHEMES = new Set(['file', 'untitled']);

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(...startDetection());

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...SCHEMES].map((scheme) => ({ scheme, language: LANGUAGE_ID })),
    initializationOptions: { lang: resolveLang(vscode.env.language) },
  };
  client = new LanguageClient(LANGUAGE_ID, '年报助手 (Nianbao)', serverOptions, clientOptions);
  await client.start();
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
    if (!DETECTABLE.has(document.languageId) || !SCHEMES.has(document.uri.scheme)) return;
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
