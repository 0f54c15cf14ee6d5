// A small sequential test harness for suites that run inside VS Code's
// extension host, plus the waits they share. It depends only on the vscode API
// and Node, so the same suite runs under @vscode/test-electron and under the
// code-server runner (scripts/e2e.mjs). Every wait is on an event, with a timeout.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';

/** The repository: suites are compiled to out/e2e/suite/. */
export const ROOT = path.resolve(__dirname, '../../..');
export const EXTENSION_ID = 'nianbao.nianbao';
export const WAIT_MS = 20_000;

export interface Test {
  name: string;
  run: () => Promise<void>;
  /** Says why the test cannot run yet, or nothing when it can. */
  skip?: () => Promise<string | undefined>;
  timeoutMs?: number;
}

/** Under scripts/e2e.mjs a prefix tells the suite's lines from the workbench's own log. */
const PREFIX = process.env.NIANBAO_E2E_SIGNAL_DIR ? '[suite] ' : '';

export function say(line: string): void {
  console.log(PREFIX + line);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the tests one after another, then `finally` (for the screenshot), and
 * rejects when any test failed: the runner turns that into a non-zero exit code.
 */
export async function runSuite(title: string, tests: Test[], finally_?: () => Promise<void>): Promise<void> {
  const started = Date.now();
  let passed = 0;
  const failed: string[] = [];
  const skipped: string[] = [];
  say(`${title}`);
  for (const test of tests) {
    const reason = await test.skip?.();
    if (reason) {
      skipped.push(test.name);
      say(`  - ${test.name} (skipped: ${reason})`);
      continue;
    }
    const t0 = Date.now();
    try {
      await withTimeout(test.run(), test.timeoutMs ?? 60_000, test.name);
      passed++;
      say(`  ✓ ${test.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed.push(test.name);
      say(`  ✗ ${test.name} (${Date.now() - t0} ms)`);
      say(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    }
  }
  if (finally_) {
    try {
      await withTimeout(finally_(), 90_000, 'after the tests');
    } catch (error) {
      failed.push('after the tests');
      say(`  ✗ after the tests: ${indent(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    }
  }
  say(`${passed} passed, ${failed.length} failed, ${skipped.length} skipped (${Date.now() - started} ms)`);
  if (failed.length > 0) throw new Error(`${failed.length} failed: ${failed.join('; ')}`);
}

function indent(text: string): string {
  return text.replace(/^/gm, '      ');
}

/**
 * Resolves with the first value `probe` gives (checked now and on every event
 * from `events`); on timeout, rejects, or calls `onTimeout` to fail with a
 * better message (e.g. an assertion diff against the last state).
 */
export function waitFor<T>(
  what: string,
  events: vscode.Event<unknown>[],
  probe: () => T | undefined,
  options: { timeoutMs?: number; onTimeout?: () => void } = {},
): Promise<T> {
  const ms = options.timeoutMs ?? WAIT_MS;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      settle();
    };
    const check = () => {
      if (done) return;
      try {
        const value = probe();
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const timer = setTimeout(() => {
      finish(() => {
        try {
          options.onTimeout?.();
          reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
        } catch (error) {
          reject(error);
        }
      });
    }, ms);
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

// --- diagnostics ------------------------------------------------------------

const SEVERITY = ['error', 'warning', 'information', 'hint'] as const;

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

export function nianbaoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
}

/** Findings as the fixtures write them: "line severity code", 1-based lines, sorted. */
export function findings(uri: vscode.Uri): string[] {
  return nianbaoDiagnostics(uri)
    .map((d) => `${d.range.start.line + 1} ${SEVERITY[d.severity]} ${codeOf(d)}`)
    .sort(byLine);
}

export function byLine(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The expected findings of a report in test/fixtures/expected/. */
export function expectedFindings(name: string): string[] {
  const file = path.join(ROOT, 'test', 'fixtures', 'expected', `${name}.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { findings: string[] }).findings.slice().sort(byLine);
}

/** Waits until the document's findings are exactly `expected`; on timeout, fails with the difference. */
export async function waitForFindings(document: vscode.TextDocument, expected: string[], timeoutMs = WAIT_MS): Promise<void> {
  const uri = document.uri;
  const want = expected.slice().sort(byLine);
  if (want.length === 0) return waitForNoFindings(document, timeoutMs);
  await waitFor(
    `the diagnostics of ${path.basename(uri.path)}`,
    [vscode.languages.onDidChangeDiagnostics],
    () => (isDeepStrictEqual(findings(uri), want) ? true : undefined),
    { timeoutMs, onTimeout: () => assert.deepEqual(findings(uri), want, `diagnostics of ${path.basename(uri.path)} after ${timeoutMs} ms`) },
  );
}

/**
 * No findings looks the same as not checked yet, and publishing none where
 * there were none fires no event. So provoke one: append a placeholder, see it
 * reported, take it away again, and see every finding go (a publish for the
 * original text). The document ends as it began, saved.
 */
async function waitForNoFindings(document: vscode.TextDocument, timeoutMs: number): Promise<void> {
  const uri = document.uri;
  const end = document.lineAt(document.lineCount - 1).range.end;
  const probe = '\nXX件';
  const add = new vscode.WorkspaceEdit();
  add.insert(uri, end, probe);
  assert.ok(await vscode.workspace.applyEdit(add));
  await waitFor(
    `a finding on the placeholder appended to ${path.basename(uri.path)}`,
    [vscode.languages.onDidChangeDiagnostics],
    () => (nianbaoDiagnostics(uri).some((d) => d.range.start.line > end.line) ? true : undefined),
    { timeoutMs },
  );
  const remove = new vscode.WorkspaceEdit();
  remove.delete(uri, new vscode.Range(end, document.positionAt(document.offsetAt(end) + probe.length)));
  assert.ok(await vscode.workspace.applyEdit(remove));
  await waitFor(`no diagnostics on ${path.basename(uri.path)}`, [vscode.languages.onDidChangeDiagnostics], () => (findings(uri).length === 0 ? true : undefined), {
    timeoutMs,
    onTimeout: () => assert.deepEqual(findings(uri), [], `diagnostics of ${path.basename(uri.path)} after ${timeoutMs} ms`),
  });
  if (document.isDirty) await document.save();
}

// --- documents and workspace ---------------------------------------------------

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder (the runners open a scratch one)');
  return folder.uri;
}

/** Copies a report into the workspace under `fileName` (once) and opens it in an editor. */
export async function openCopy(source: string, fileName: string): Promise<vscode.TextDocument> {
  const target = vscode.Uri.joinPath(workspaceFolder(), fileName);
  if (!fs.existsSync(target.fsPath)) fs.copyFileSync(path.join(ROOT, source), target.fsPath);
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The open document at `uri` once its language is `languageId` (changing the language reopens it). */
export function waitForLanguage(uri: vscode.Uri, languageId: string, timeoutMs = WAIT_MS): Promise<vscode.TextDocument> {
  return waitFor(
    `${path.basename(uri.path)} to be ${languageId}`,
    [vscode.workspace.onDidOpenTextDocument],
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId),
    {
      timeoutMs,
      onTimeout: () => {
        const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        assert.fail(`${path.basename(uri.path)} is ${now ? now.languageId : 'not open'}, not ${languageId}, after ${timeoutMs} ms`);
      },
    },
  );
}

// --- files that are not text -------------------------------------------------

/** The read-only view "Check This File" opens for a file in the workspace, once it has the findings expected. */
export async function checkFile(file: vscode.Uri, expected: string[]): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('nianbao.checkFile', file);
  const document = await waitFor('the view of ' + path.basename(file.fsPath), [vscode.window.onDidChangeActiveTextEditor], () => {
    const d = vscode.window.activeTextEditor?.document;
    return d?.uri.scheme === 'nianbao-file' && d.uri.query === file.toString() ? d : undefined;
  });
  assert.equal(document.languageId, 'nianbao');
  await waitForFindings(document, expected);
  return document;
}

/** Copies a fixture into the workspace (once). */
export function copyIn(source: string, fileName = path.basename(source)): vscode.Uri {
  const target = vscode.Uri.joinPath(workspaceFolder(), fileName);
  if (!fs.existsSync(target.fsPath)) fs.copyFileSync(path.join(ROOT, source), target.fsPath);
  return target;
}

/** The findings of corpus report 011's published PDF (test/fixtures/pdf). */
export const PDF_011 = ['37 hint table.label-variant', '61 error table.review-total', '61 error table.review-total'];

// --- the screenshots ------------------------------------------------------------

export interface ScreenshotOptions {
  /** Show the side bar with the Outline (the default), or close it to give the editors the width. */
  sidebar?: boolean;
  /**
   * Runs once the views are arranged and the editor has the focus, just before
   * the runner is asked: opens what the picture is about (a menu, a preview).
   */
  show?: (editor: vscode.TextEditor) => Thenable<unknown>;
}

/** "Show Active File Only" in Problems is a toggle: turned on once, for every screenshot. */
let problemsActiveFileOnly = false;

/**
 * Shows `document` (from line `focus.top`, the cursor on `focus.cursor`, both 0-based) with the Problems panel and the Outline, then asks the
 * code-server runner for a screenshot called `name` and waits until it is
 * taken (the runner knows, by name, what to wait for before the shot). The runner
 * says where to ask through NIANBAO_E2E_SIGNAL_DIR; other runners do not set
 * it, and nothing is done.
 */
export async function screenshot(
  document: vscode.TextDocument,
  focus?: { top: number; cursor: number; character?: number },
  name = 'workbench',
  options: ScreenshotOptions = {},
): Promise<void> {
  const signal = process.env.NIANBAO_E2E_SIGNAL_DIR;
  if (!signal) return;
  // Long report lines are easier to see wrapped, and without headings stuck over them.
  const editorConfig = vscode.workspace.getConfiguration('editor', document);
  await editorConfig.update('wordWrap', 'on', vscode.ConfigurationTarget.Workspace);
  await editorConfig.update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Workspace);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  const others = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !t.isActive && !t.isDirty);
  await vscode.window.tabGroups.close(others, true);
  if (options.sidebar ?? true) await vscode.commands.executeCommand('outline.focus');
  else await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  // Problems lists this report only. A workbench command id, not API: a VS Code
  // without it still gets its picture.
  if (!problemsActiveFileOnly) {
    await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile').then(
      () => (problemsActiveFileOnly = true),
      (error) => say(`  (screenshot: ${error})`),
    );
  }
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
  if (focus) {
    editor.selection = new vscode.Selection(focus.cursor, focus.character ?? 0, focus.cursor, focus.character ?? 0);
    editor.revealRange(new vscode.Range(focus.top, 0, focus.top, 0), vscode.TextEditorRevealType.AtTop);
  }
  await options.show?.(editor);

  const done = path.join(signal, 'screenshot-done');
  fs.rmSync(done, { force: true });
  const watcher = fs.watch(signal);
  try {
    const answered = new Promise<void>((resolve) => watcher.on('change', () => fs.existsSync(done) && resolve()));
    // Written aside and renamed: the runner never reads a request half written.
    const request = path.join(signal, 'screenshot-request');
    fs.writeFileSync(`${request}.tmp`, name);
    fs.renameSync(`${request}.tmp`, request);
    await withTimeout(answered, 60_000, 'the runner to take the screenshot');
  } finally {
    watcher.close();
    fs.rmSync(done, { force: true });
  }
}
