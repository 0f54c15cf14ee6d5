// `nianbao.disableCheck`, the command behind the server's "disable this check"
// quick fix: turns a check off in the workspace settings (the editor) or in
// the folder's .nianbao.json (the command line). Strings go through
// vscode.l10n: l10n/bundle.l10n*.json.

import * as vscode from 'vscode';

export const DISABLE_CHECK_COMMAND = 'nianbao.disableCheck';
const CONFIG_FILE = '.nianbao.json';

interface Place extends vscode.QuickPickItem {
  target: vscode.ConfigurationTarget.Workspace | vscode.ConfigurationTarget.Global | 'file';
  folder?: vscode.WorkspaceFolder;
}

export function registerSettingsCommands(): vscode.Disposable[] {
  return [vscode.commands.registerCommand(DISABLE_CHECK_COMMAND, disableCheck)];
}

/** Arguments as the server sends them: the check id and the URI of the document it was reported in. */
async function disableCheck(checkId?: unknown, documentUri?: unknown): Promise<void> {
  if (typeof checkId !== 'string' || checkId === '') return;
  const resource = typeof documentUri === 'string' ? vscode.Uri.parse(documentUri) : vscode.window.activeTextEditor?.document.uri;
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];

  const places: Place[] = [];
  if (vscode.workspace.workspaceFolders?.length) {
    places.push({
      label: vscode.l10n.t('Workspace settings'),
      description: 'nianbao.severity',
      detail: vscode.l10n.t('Stop showing {0} in VS Code for this workspace.', checkId),
      target: vscode.ConfigurationTarget.Workspace,
    });
  } else {
    // No workspace to write to: the user's settings are the only place VS Code has.
    places.push({
      label: vscode.l10n.t('User settings'),
      description: 'nianbao.severity',
      detail: vscode.l10n.t('Stop showing {0} in VS Code everywhere.', checkId),
      target: vscode.ConfigurationTarget.Global,
    });
  }
  if (folder) {
    places.push({
      label: CONFIG_FILE,
      description: folder.name,
      detail: vscode.l10n.t('Stop reporting {0} on the command line (nianbao check) in this folder.', checkId),
      target: 'file',
      folder,
    });
  }

  const place = await vscode.window.showQuickPick(places, {
    title: vscode.l10n.t('Disable check {0}', checkId),
    placeHolder: vscode.l10n.t('Where should {0} be turned off?', checkId),
  });
  if (!place) return;
  try {
    if (place.target === 'file') {
      const file = await disableInFile(place.folder!, checkId);
      const open = vscode.l10n.t('Open {0}', CONFIG_FILE);
      // Not awaited: the command is done once the file is written, whether or not the message is answered.
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is off in {1}.', checkId, vscode.workspace.asRelativePath(file)), open).then(async (choice) => {
        if (choice === open) await vscode.window.showTextDocument(file);
      });
    } else {
      await disableInSettings(resource, checkId, place.target);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not disable {0}: {1}', checkId, reason));
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
      throw new Error(vscode.l10n.t('{0} is not valid JSON; correct it first.', CONFIG_FILE));
    }
    if (!isObject(parsed) || (parsed.severity !== undefined && !isObject(parsed.severity))) {
      throw new Error(vscode.l10n.t('{0} does not have the expected form; correct it first.', CONFIG_FILE));
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
