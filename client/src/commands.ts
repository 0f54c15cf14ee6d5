// New-report commands: an untitled report with the skeleton of either format.
// The skeleton comes from the core's template (pure, bundled into the client).

import * as vscode from 'vscode';
import { resolveLang, type Lang } from '../../server/src/core';
import type { FormatId } from '../../server/src/core/format/tables';
import { newReport } from '../../server/src/core/template';

const LANGUAGE_ID = 'nianbao';

/** The language of the client's own words: the `nianbao.language` setting, else VS Code's display language. */
export function uiLang(): Lang {
  const setting = vscode.workspace.getConfiguration('nianbao').get<string>('language', 'auto');
  return setting === 'zh-CN' || setting === 'en' ? setting : resolveLang(vscode.env.language);
}

/**
 * Reports are written early in the following year, so a new one is last
 * year's. The 2019 format served the 2019 and 2020 reports only: a later year
 * would contradict it (report.format).
 */
export function reportYear(format: FormatId, today = new Date()): number {
  const last = today.getFullYear() - 1;
  return format === '2019' ? Math.min(last, 2020) : last;
}

function eol(): string {
  const setting = vscode.workspace.getConfiguration('files').get<string>('eol', 'auto');
  if (setting === '\n' || setting === '\r\n') return setting;
  return process.platform === 'win32' ? '\r\n' : '\n';
}

async function openSkeleton(format: FormatId): Promise<void> {
  const content = newReport(format, reportYear(format), eol());
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The server's "go to the table" actions: shows and selects a range (a table cell) of a document. */
async function reveal(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const r = range as LspRange | undefined;
  const selection = r ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : undefined;
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: false });
}

export function registerCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('nianbao.newReport2021', () => openSkeleton('2021')),
    vscode.commands.registerCommand('nianbao.newReport2019', () => openSkeleton('2019')),
    vscode.commands.registerCommand('nianbao.reveal', reveal),
  ];
}
