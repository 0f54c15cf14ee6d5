// New-report commands: an untitled report with the skeleton of either format.
// The skeleton comes from the core's template (pure, bundled into the client).

import * as vscode from 'vscode';
import { resolveLang, type Lang } from '../../server/src/core';
import type { FormatId } from '../../server/src/core/format/tables';
import { newReport, yearsOf } from '../../server/src/core/template';

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

/** What the command can be given instead of asking (other extensions, tests). */
interface NewReportArgs {
  body?: string;
  year?: number;
}

/** The body's name and the report's year, asked for; undefined when the drafter cancels. */
async function askBodyAndYear(format: FormatId): Promise<Required<NewReportArgs> | undefined> {
  const body = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('The name of the body that reports, as in the title (leave empty to fill in later)'),
    placeHolder: vscode.l10n.t('e.g. 淮安市财政局'),
    ignoreFocusOut: true,
  });
  if (body === undefined) return undefined;
  const { first, last } = yearsOf(format);
  const year = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('The year the report is for'),
    value: String(reportYear(format)),
    ignoreFocusOut: true,
    validateInput: (value) => (validYear(value, first, last) ? undefined : last ? vscode.l10n.t('A year from {0} to {1} (the 2019 format served these years only)', first, last) : vscode.l10n.t('A year from {0} on', first)),
  });
  if (year === undefined) return undefined;
  return { body, year: Number(year.trim()) };
}

function validYear(value: string, first: number, last = Number.MAX_SAFE_INTEGER): boolean {
  const year = Number(value.trim());
  return /^\d{4}$/.test(value.trim()) && year >= first && year <= last;
}

async function openSkeleton(format: FormatId, given?: NewReportArgs): Promise<void> {
  const { first, last } = yearsOf(format);
  const asked = given && typeof given === 'object' ? { body: given.body ?? '', year: given.year ?? reportYear(format) } : await askBodyAndYear(format);
  if (!asked || !validYear(String(asked.year), first, last)) return;
  const content = newReport(format, asked.year, eol(), asked.body);
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
    vscode.commands.registerCommand('nianbao.newReport2021', (args?: NewReportArgs) => openSkeleton('2021', args)),
    vscode.commands.registerCommand('nianbao.newReport2019', (args?: NewReportArgs) => openSkeleton('2019', args)),
    vscode.commands.registerCommand('nianbao.reveal', reveal),
  ];
}
