// The status bar item of the active report: its format (as the server reads
// it) and how many errors and warnings the checks found; a click opens the
// Problems view.

import * as vscode from 'vscode';
import { isReport, onDidBecomeReport } from './reports';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TablesParams, TablesResult } from '../../server/src/lsp/tables';
import { uiLang } from './commands';

/** The `source` of the server's diagnostics (server/src/lsp/convert.ts). */
const SOURCE = 'nianbao';
const TABLES_METHOD = 'nianbao/tables';
const NOTICES = { '2021': '国办公开办函〔2021〕30号', '2019': '国办公开办函〔2019〕60号' } as const;

const WORDS = {
  format: { 'zh-CN': '{format} 年版', en: '{format} format' },
  noFormat: { 'zh-CN': '格式未定', en: 'format unknown' },
  tooltipFormat: { 'zh-CN': '年报格式：{format} 年版（{notice}）', en: 'Report format: {format} ({notice})' },
  tooltipNoFormat: { 'zh-CN': '年报格式：未能确定', en: 'Report format: undetermined' },
  counts: { 'zh-CN': '错误 {errors} 个，警告 {warnings} 个', en: '{errors} errors, {warnings} warnings' },
  click: { 'zh-CN': '单击打开“问题”面板', en: 'Click to open the Problems view' },
} as const;

function t(key: keyof typeof WORDS, args: Record<string, string | number> = {}): string {
  return WORDS[key][uiLang()].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Registers the item; `client` gives the running language client, if any. */
export function registerStatusBar(client: () => LanguageClient | undefined): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Nianbao';
  item.command = 'workbench.actions.view.problems';
  /** Format per document and version, so that diagnostics alone do not ask again. */
  let known: { uri: string; version: number; format: TablesResult['format'] } | undefined;
  let asked = 0;

  const render = (document: vscode.TextDocument, format: TablesResult['format'] | undefined) => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const name = format ? t('format', { format }) : format === null ? t('noFormat') : '';
    item.text = `$(checklist) ${name ? `${name}  ` : ''}$(error) ${errors}  $(warning) ${warnings}`;
    item.tooltip = [format ? t('tooltipFormat', { format, notice: NOTICES[format] }) : format === null ? t('tooltipNoFormat') : '', t('counts', { errors, warnings }), t('click')]
      .filter(Boolean)
      .join('\n');
    item.show();
  };

  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isReport(document)) {
      item.hide();
      return;
    }
    const uri = document.uri.toString();
    const cached = known && known.uri === uri && known.version === document.version ? known.format : undefined;
    render(document, cached);
    const running = client();
    if (cached !== undefined || !running?.isRunning()) return;
    const ticket = ++asked;
    try {
      const params: TablesParams = { textDocument: { uri: running.code2ProtocolConverter.asUri(document.uri) } };
      const result = await running.sendRequest<TablesResult | null>(TABLES_METHOD, params);
      if (ticket !== asked || !result) return;
      known = { uri, version: result.version, format: result.format };
      if (vscode.window.activeTextEditor?.document === document) render(document, result.format);
    } catch {
      // The server is restarting or the document went away: the counts are shown, the format is not.
    }
  };

  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    // A plain-text document switched to a report keeps its editor: its reopening is the sign.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) void update();
    }),
    // Diagnostics follow every analysis: new text, or new settings (a forced format) for the same text.
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (!active || !event.uris.some((u) => u.toString() === active)) return;
      known = undefined;
      void update();
    }),
    // New settings: its words follow nianbao.language, its format nianbao.format (asked again; the server waits for them).
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('nianbao')) return;
      known = undefined;
      void update();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (known?.uri === document.uri.toString()) known = undefined;
    }),
    // The active document became a report (switched after it opened, or Markdown that now reads like one).
    onDidBecomeReport(() => void update()),
    startNow(update),
  ];
}

/** The first update, once the registration is done. */
function startNow(update: () => Promise<void>): vscode.Disposable {
  const timer = setTimeout(() => void update(), 0);
  return { dispose: () => clearTimeout(timer) };
}
