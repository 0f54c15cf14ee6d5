// Checking a file that is not text — a PDF, a Word document, a saved web page
// (or a text file in GB18030): "Check This File" opens a read-only view of the
// report text the server reads from it, a document of the report language under
// the `nianbao-file` scheme, with every diagnostic, hover, outline and the table
// preview. A change of the file on disk reads it again; "Save as .nianbao Text"
// keeps the text for editing.

import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const VIEW_SCHEME = 'nianbao-file';
const READ_FILE_METHOD = 'nianbao/readFile';

type ReadFileResult = { ok: true; text: string } | { ok: false; message: string };

/** The view of `source`: its path with `.nianbao` added (so VS Code gives it the report language), the file's URI as its query. */
export function viewUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: VIEW_SCHEME, path: `${source.path}.nianbao`, query: source.toString() });
}

export function sourceOf(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query);
}

/** The file a command is about: the Explorer's selection, else the active tab's file. */
function targetOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument.scheme === VIEW_SCHEME ? sourceOf(argument) : argument;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  const uri = input?.uri instanceof vscode.Uri ? input.uri : vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === VIEW_SCHEME ? sourceOf(uri) : uri;
}

class FileViewProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Text read by the command before the view opens, handed over once. */
  private readonly pending = new Map<string, string>();
  private readonly watchers = new Map<string, vscode.Disposable>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async read(view: vscode.Uri): Promise<ReadFileResult> {
    const client = this.client();
    if (!client) return { ok: false, message: vscode.l10n.t('The Nianbao language server is not running.') };
    return client.sendRequest<ReadFileResult>(READ_FILE_METHOD, { source: sourceOf(view).toString(), document: view.toString() });
  }

  async open(source: vscode.Uri): Promise<void> {
    const view = viewUri(source);
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', path.basename(source.fsPath)) }, () => this.read(view));
    if (!result.ok) {
      void vscode.window.showErrorMessage(`${path.basename(source.fsPath)}: ${result.message}`);
      return;
    }
    this.pending.set(view.toString(), result.text);
    this.watch(view);
    const document = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(document, { preview: false });
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const key = view.toString();
    const text = this.pending.get(key);
    this.pending.delete(key);
    if (text !== undefined) return text;
    // Opened again (a restored editor) or changed on disk: read the file afresh.
    this.watch(view);
    const result = await this.read(view);
    if (result.ok) return result.text;
    void vscode.window.showErrorMessage(`${path.basename(sourceOf(view).fsPath)}: ${result.message}`);
    return '';
  }

  /** A change of the file on disk reads it again, and the view is checked again. */
  private watch(view: vscode.Uri): void {
    const key = view.toString();
    if (this.watchers.has(key)) return;
    const source = sourceOf(view);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(source.fsPath)), path.basename(source.fsPath)));
    const reread = () => this.changed.fire(view);
    this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(reread), watcher.onDidCreate(reread)));
  }

  forget(view: vscode.Uri): void {
    const key = view.toString();
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    this.changed.dispose();
  }
}

/** Writes the view's text where the user says (beside the file, as `.nianbao`, proposed) and opens it; `to` skips the dialog. */
async function saveAsText(argument: unknown, to?: unknown): Promise<void> {
  const active = vscode.window.activeTextEditor?.document;
  const view = argument instanceof vscode.Uri && argument.scheme === VIEW_SCHEME ? argument : active?.uri.scheme === VIEW_SCHEME ? active.uri : undefined;
  if (!view) return;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === view.toString()) ?? (await vscode.workspace.openTextDocument(view));
  const source = sourceOf(view);
  const suggested = vscode.Uri.file(source.fsPath.replace(/\.[^./\\]+$/, '') + '.nianbao');
  const target = to instanceof vscode.Uri ? to : await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [vscode.l10n.t('Annual report text')]: ['nianbao', 'txt'] } });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(document.getText(), 'utf8'));
  await vscode.window.showTextDocument(target, { preview: false });
}

export function registerFileViews(client: () => LanguageClient | undefined): vscode.Disposable[] {
  const provider = new FileViewProvider(client);
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, provider),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === VIEW_SCHEME) provider.forget(document.uri);
    }),
    vscode.commands.registerCommand('nianbao.checkFile', async (argument: unknown) => {
      const source = targetOf(argument);
      if (!source || source.scheme !== 'file') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open or select a PDF, Word (.docx) or saved web page (.html) file to check.'));
        return;
      }
      await provider.open(source);
    }),
    vscode.commands.registerCommand('nianbao.saveAsText', saveAsText),
  ];
}
