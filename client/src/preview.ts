// The table preview: a webview beside the editor that draws the report's
// tables as the server reads them (`nianbao/tables`), follows the text as it
// changes and the active report editor, and reveals a clicked cell in the text.

import * as vscode from 'vscode';
import { isReport, onDidBecomeReport } from './reports';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TablesParams, TablesResult } from '../../server/src/lsp/tables';
import { uiLang } from './commands';
import { pageHtml, renderMessage, renderTables } from './previewHtml';

/** The server's request (server/src/lsp/tables.ts: TABLES_METHOD; only its types are imported here). */
const TABLES_METHOD = 'nianbao/tables';
/** At most one request per this interval while typing; the last change is always shown. */
const THROTTLE_MS = 300;

const WORDS = {
  title: { 'zh-CN': '表格预览：{name}', en: 'Tables: {name}' },
  noReport: { 'zh-CN': '请先打开一份年报。', en: 'Open a report first.' },
  notReady: { 'zh-CN': '语言服务器尚未就绪。', en: 'The language server is not ready yet.' },
  closed: { 'zh-CN': '文档已关闭。', en: 'The document was closed.' },
  failed: { 'zh-CN': '无法读取表格：{error}', en: 'Could not read the tables: {error}' },
} as const;

function t(key: keyof typeof WORDS, args: Record<string, string> = {}): string {
  return WORDS[key][uiLang()].replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

type FromWebview = { type: 'ready' } | { type: 'reveal'; range: number[] };

class TablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  /** The content last made, sent again when the webview (re)loads. */
  private html = '';
  /** The webview has loaded and listens (it reloads when shown again after being hidden). */
  private ready = false;
  /** The table to scroll to with the next content sent (from a code lens). */
  private scrollTarget: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Answers are shown in the order asked: a late answer to an older request is dropped. */
  private asked = 0;
  private shown = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Follow the active report; other editors (and the preview itself) leave it as it is.
        if (editor) this.followIfActive(editor.document);
      }),
      // A text file opened becomes a report a moment after its editor is active (its language switched, or read as Markdown).
      onDidBecomeReport((document) => this.followIfActive(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.isCurrent(event.document.uri)) this.schedule();
      }),
      // New diagnostics follow every analysis, also after a change of settings (format, language).
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => this.isCurrent(uri))) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!this.isCurrent(document.uri)) return;
        // Forget it, so that reopening the report makes the preview follow it again.
        this.uri = undefined;
        this.post(renderMessage(t('closed')));
      }),
    );
  }

  /** `target`: the document (a Uri from the editor title, a string from a code lens) or the active editor's. */
  async show(target?: unknown, table?: unknown): Promise<void> {
    const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : this.activeReport();
    if (!uri) {
      void vscode.window.showInformationMessage(t('noReport'));
      return;
    }
    if (typeof table === 'string') this.scrollTarget = table;
    if (!this.panel) this.create();
    else this.panel.reveal(undefined, true);
    if (uri.toString() !== this.uri?.toString()) this.follow(uri);
    else await this.refresh();
  }

  showing(): string | undefined {
    return this.panel ? this.uri?.toString() : undefined;
  }

  private activeReport(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && isReport(editor.document) ? editor.document.uri : undefined;
  }

  private followIfActive(document: vscode.TextDocument): void {
    if (!this.panel || vscode.window.activeTextEditor?.document !== document || !isReport(document)) return;
    if (document.uri.toString() !== this.uri?.toString()) this.follow(document.uri);
  }

  private isCurrent(uri: vscode.Uri): boolean {
    return !!this.panel && uri.toString() === this.uri?.toString();
  }

  private create(): void {
    const panel = vscode.window.createWebviewPanel(
      'nianbao.preview',
      t('title', { name: '' }),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
    );
    panel.webview.html = pageHtml(panel.webview.cspSource, nonce(), uiLang());
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message), undefined, this.disposables);
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.panel = undefined;
      this.uri = undefined;
      this.html = '';
      this.ready = false;
    });
    this.panel = panel;
  }

  private follow(uri: vscode.Uri): void {
    this.uri = uri;
    if (this.panel) this.panel.title = t('title', { name: basename(uri) });
    void this.refresh();
  }

  private schedule(): void {
    // A hidden preview catches up when it is shown again (its webview reloads and says it is ready).
    if (this.timer || !this.ready) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, THROTTLE_MS);
  }

  private async refresh(): Promise<void> {
    const uri = this.uri;
    const client = this.client();
    // Not listening yet: it asks once it is ready.
    if (!uri || !this.panel || !this.ready) return;
    if (!client?.isRunning()) {
      this.post(renderMessage(t('notReady')));
      return;
    }
    const ticket = ++this.asked;
    try {
      const params: TablesParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } };
      const result = await client.sendRequest<TablesResult | null>(TABLES_METHOD, params);
      if (ticket < this.shown || uri.toString() !== this.uri?.toString()) return;
      this.shown = ticket;
      this.post(result ? renderTables(result) : renderMessage(t('closed')));
    } catch (error) {
      if (ticket >= this.shown) this.post(renderMessage(t('failed', { error: error instanceof Error ? error.message : String(error) })));
    }
  }

  private post(html: string): void {
    this.html = html;
    this.send();
  }

  /** Messages to a webview that is not live are lost: send only when it listens. */
  private send(): void {
    if (!this.panel || !this.ready) return;
    void this.panel.webview.postMessage({ type: 'update', html: this.html, scrollTo: this.scrollTarget });
    this.scrollTarget = undefined;
  }

  private receive(message: FromWebview): void {
    if (message?.type === 'ready') {
      this.ready = true;
      // What it showed before at once, then the current state of the text.
      if (this.html) this.send();
      void this.refresh();
    } else if (message?.type === 'reveal' && Array.isArray(message.range) && message.range.length === 4 && message.range.every(Number.isInteger)) {
      void this.reveal(message.range);
    }
  }

  /** Selects the range in the report's editor (the one already showing it, else a new one beside the preview). */
  private async reveal([startLine, startCharacter, endLine, endCharacter]: number[]): Promise<void> {
    const uri = this.uri;
    if (!uri) return;
    const selection = new vscode.Selection(startLine, startCharacter, endLine, endCharacter);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection,
      preserveFocus: false,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Registers `nianbao.showPreview`; `client` gives the running language client, if any. */
/** `shown()`: the document the preview shows, if it is open (the extension's API, for tests). */
export function registerPreview(client: () => LanguageClient | undefined): { disposables: vscode.Disposable[]; shown(): string | undefined } {
  const preview = new TablePreview(client);
  return {
    disposables: [vscode.commands.registerCommand('nianbao.showPreview', (target?: unknown, table?: unknown) => preview.show(target, table)), preview],
    shown: () => preview.showing(),
  };
}
