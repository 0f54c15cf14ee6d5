// `nianbao check` as a VS Code task, as ESLint's: Run Task offers it for each
// workspace folder, tasks.json can define its own (type `nianbao`), and the
// problem matchers `$nianbao` and `$nianbao-info` put its findings in Problems.

import * as vscode from 'vscode';
import { uiLang } from './commands';

interface NianbaoTaskDefinition extends vscode.TaskDefinition {
  command: 'check';
  paths?: string[];
  args?: string[];
}

const MATCHERS = ['$nianbao', '$nianbao-info'];

/**
 * VS Code reads a task's output into Problems as its terminal parses it; when
 * the process ends first, the last lines are lost (seen with the last file's
 * findings). So the CLI runs in a pseudoterminal of ours, and the task closes
 * a moment after the last line is written.
 */
const SETTLE_MS = 1500;

function runIn(args: string[], cwd: string | undefined): vscode.Pseudoterminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number>();
  let child: import('child_process').ChildProcess | undefined;
  return {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      const { spawn } = require('child_process') as typeof import('child_process');
      // The editor's own runtime runs the CLI (Electron as Node); plain output, so that the matchers read every line.
      child = spawn(process.execPath, args, { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' } });
      const show = (data: Buffer) => write.fire(data.toString('utf8').replace(/\r?\n/g, '\r\n'));
      child.stdout?.on('data', show);
      child.stderr?.on('data', show);
      child.on('error', (error) => {
        write.fire(`${error.message}\r\n`);
        close.fire(2);
      });
      child.on('close', (code) => setTimeout(() => close.fire(code ?? 2), SETTLE_MS));
    },
    close: () => child?.kill(),
  };
}

function taskFor(definition: NianbaoTaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope.Workspace, cli: string): vscode.Task {
  const paths = definition.paths?.length ? definition.paths : ['.'];
  const args = [cli, definition.command, '--lang', uiLang(), ...(definition.args ?? []), ...paths];
  const cwd = typeof scope === 'object' ? scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const execution = new vscode.CustomExecution(async () => runIn(args, cwd));
  const task = new vscode.Task(definition, scope, `${definition.command} ${paths.join(' ')}`, 'nianbao', execution, MATCHERS);
  task.group = vscode.TaskGroup.Test;
  return task;
}

export function registerTasks(context: vscode.ExtensionContext): vscode.Disposable[] {
  const cli = context.asAbsolutePath('dist/cli.js');
  return [
    vscode.tasks.registerTaskProvider('nianbao', {
      provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => taskFor({ type: 'nianbao', command: 'check', paths: ['.'] }, folder, cli)),
      resolveTask: (task) => {
        const definition = task.definition as NianbaoTaskDefinition;
        if (definition.command !== 'check') return undefined;
        const scope = task.scope !== undefined && typeof task.scope === 'object' ? task.scope : vscode.TaskScope.Workspace;
        return taskFor(definition, scope, cli);
      },
    }),
  ];
}
