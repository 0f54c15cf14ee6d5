// "Check All Reports in the Workspace": every report file of the workspace is
// read and checked by the server, cross-year findings included, and shown in
// Problems whether open or not (PDFs, Word documents and pages under their
// read-only views); a report changed on disk is checked again.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { viewUri } from './files';

const CHECK_FILES_METHOD = 'nianbao/checkFiles';
const REPORT_FILES = '**/*.{txt,md,nianbao,pdf,docx,html,htm}';
const EXCLUDED = '**/{node_modules,.git,out,dist}/**';
/** Files not text: their diagnostics belong to their read-only view. */
const NOT_TEXT = /\.(pdf|docx|html?)$/i;

interface CheckFilesResult {
  reports: number;
  problems: string[];
}

const asFile = (uri: vscode.Uri) => ({ source: uri.toString(), document: (NOT_TEXT.test(uri.path) ? viewUri(uri) : uri).toString() });

export function registerWorkspaceCheck(client: () => LanguageClient | undefined): vscode.Disposable[] {
  let watching: vscode.Disposable | undefined;

  const checkFiles = async (uris: vscode.Uri[], explicit: boolean, report?: (message: string | undefined, increment: number) => void): Promise<CheckFilesResult | undefined> => {
    const running = client();
    if (!running) return undefined;
    const token = `nianbao-workspace-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    let last = 0;
    const progress = running.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind !== 'report') return;
      const now = value.percentage ?? last;
      report?.(value.message, now - last);
      last = now;
    });
    try {
      return await running.sendRequest<CheckFilesResult>(CHECK_FILES_METHOD, { files: uris.map(asFile), explicit, workDoneToken: token });
    } finally {
      progress.dispose();
    }
  };

  const watch = () => {
    if (watching) return;
    const watcher = vscode.workspace.createFileSystemWatcher(REPORT_FILES);
    const again = (uri: vscode.Uri) => void checkFiles([uri], true);
    watching = vscode.Disposable.from(watcher, watcher.onDidChange(again), watcher.onDidCreate(again), watcher.onDidDelete(again));
  };

  const checkWorkspace = async (): Promise<CheckFilesResult | undefined> => {
    const uris = (await vscode.workspace.findFiles(REPORT_FILES, EXCLUDED)).filter((u) => u.scheme === 'file');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0} files of the workspace…', uris.length) },
      (progress) => checkFiles(uris, false, (message, increment) => progress.report({ message, increment })),
    );
    if (!result) return undefined;
    watch();
    const said = vscode.l10n.t('{0} reports of the workspace checked; their findings are in Problems.', result.reports);
    void vscode.window.showInformationMessage(result.problems.length ? `${said} ${vscode.l10n.t('{0} files could not be read.', result.problems.length)}` : said);
    return result;
  };

  return [
    vscode.commands.registerCommand('nianbao.checkWorkspace', checkWorkspace),
    { dispose: () => watching?.dispose() },
  ];
}
