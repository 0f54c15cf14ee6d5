// `nianbao.disableCheck`, the command behind the server's "disable this check"
// quick fix: turns a check off in the workspace settings (the editor) or in
// the folder's .nianbao.json (the command line). Its words follow
// `nianbao.language` (as the server's quick fix that opens it does), not VS
// Code's display language, and name the check by its title.

import * as vscode from 'vscode';
import { localize, type Localized } from '../../server/src/core/i18n';
import { uiLang } from './commands';

export const DISABLE_CHECK_COMMAND = 'nianbao.disableCheck';
const CONFIG_FILE = '.nianbao.json';

const WORDS = {
  workspace: { 'zh-CN': '工作区设置', en: 'Workspace settings' },
  workspaceDetail: { 'zh-CN': '在此工作区的 VS Code 中不再显示“{check}”。', en: 'Stop showing “{check}” in VS Code for this workspace.' },
  user: { 'zh-CN': '用户设置', en: 'User settings' },
  userDetail: { 'zh-CN': '在所有 VS Code 窗口中不再显示“{check}”。', en: 'Stop showing “{check}” in VS Code everywhere.' },
  fileDetail: { 'zh-CN': '在此文件夹运行命令行（nianbao check）时不再报告“{check}”。', en: 'Stop reporting “{check}” on the command line (nianbao check) in this folder.' },
  title: { 'zh-CN': '关闭检查“{check}”', en: 'Disable the check “{check}”' },
  where: { 'zh-CN': '在哪里关闭“{check}”？', en: 'Where should “{check}” be turned off?' },
  open: { 'zh-CN': '打开 {file}', en: 'Open {file}' },
  done: { 'zh-CN': '已在 {file} 中关闭“{check}”。', en: '“{check}” is off in {file}.' },
  failed: { 'zh-CN': '无法关闭“{check}”：{reason}', en: 'Could not disable “{check}”: {reason}' },
  invalidJson: { 'zh-CN': '{file} 不是有效的 JSON，请先改正。', en: '{file} is not valid JSON; correct it first.' },
  invalidForm: { 'zh-CN': '{file} 的结构不符合要求，请先改正。', en: '{file} does not have the expected form; correct it first.' },
} satisfies Record<string, Localized>;

function t(key: keyof typeof WORDS, args: Record<string, string> = {}): string {
  return localize(WORDS[key], uiLang(), args);
}

interface Place extends vscode.QuickPickItem {
  target: vscode.ConfigurationTarget.Workspace | vscode.ConfigurationTarget.Global | 'file';
  folder?: vscode.WorkspaceFolder;
}

export function registerSettingsCommands(): vscode.Disposable[] {
  return [vscode.commands.registerCommand(DISABLE_CHECK_COMMAND, disableCheck)];
}

/**
 * Arguments as the server sends them: the check id, the URI of the document it
 * was reported in and the check's title in the analysis language (the id where
 * none is given).
 */
async function disableCheck(checkId?: unknown, documentUri?: unknown, title?: unknown): Promise<void> {
  if (typeof checkId !== 'string' || checkId === '') return;
  const resource = typeof documentUri === 'string' ? vscode.Uri.parse(documentUri) : vscode.window.activeTextEditor?.document.uri;
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  const check = typeof title === 'string' && title !== '' ? title : checkId;

  const places: Place[] = [];
  if (vscode.workspace.workspaceFolders?.length) {
    places.push({
      label: t('workspace'),
      description: 'nianbao.severity',
      detail: t('workspaceDetail', { check }),
      target: vscode.ConfigurationTarget.Workspace,
    });
  } else {
    // No workspace to write to: the user's settings are the only place VS Code has.
    places.push({
      label: t('user'),
      description: 'nianbao.severity',
      detail: t('userDetail', { check }),
      target: vscode.ConfigurationTarget.Global,
    });
  }
  if (folder) {
    places.push({
      label: CONFIG_FILE,
      description: folder.name,
      detail: t('fileDetail', { check }),
      target: 'file',
      folder,
    });
  }

  const place = await vscode.window.showQuickPick(places, {
    title: t('title', { check }),
    placeHolder: t('where', { check }),
  });
  if (!place) return;
  try {
    if (place.target === 'file') {
      const file = await disableInFile(place.folder!, checkId);
      const open = t('open', { file: CONFIG_FILE });
      // Not awaited: the command is done once the file is written, whether or not the message is answered.
      void vscode.window.showInformationMessage(t('done', { check, file: vscode.workspace.asRelativePath(file) }), open).then(async (choice) => {
        if (choice === open) await vscode.window.showTextDocument(file);
      });
    } else {
      await disableInSettings(resource, checkId, place.target);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(t('failed', { check, reason }));
  }
}

/** Adds `checkId: 'off'` to the `nianbao.severity` object written at that level, keeping its other entries. */
async function disableInSettings(resource: vscode.Uri | undefined, checkId: string, target: vscode.ConfigurationTarget): Promise<void> {
  const config = vscode.workspace.getConfiguration('nianbao', resource);
  const inspected = config.inspect<Record<string, string>>('severity');
  // The value at this level only: the merged value would copy user settings into the workspace.
  const current = target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue;
  await config.update('severity', { ...(isObject(current) ? current : {}), [checkId]: 'off' }, target);
}

/** Creates or updates `.nianbao.json` in the folder; refuses to overwrite a file it cannot read as an object. */
async function disableInFile(folder: vscode.WorkspaceFolder, checkId: string): Promise<vscode.Uri> {
  const file = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  let config: Record<string, unknown> = {};
  let bytes: Uint8Array | undefined;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
  const text = bytes ? new TextDecoder().decode(bytes).replace(/^\uFEFF/, '') : '';
  if (text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(t('invalidJson', { file: CONFIG_FILE }));
    }
    if (!isObject(parsed) || (parsed.severity !== undefined && !isObject(parsed.severity))) {
      throw new Error(t('invalidForm', { file: CONFIG_FILE }));
    }
    config = parsed;
  }
  config.severity = { ...(isObject(config.severity) ? config.severity : {}), [checkId]: 'off' };
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(config, null, 2) + '\n'));
  return file;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
