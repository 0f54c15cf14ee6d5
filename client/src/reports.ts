// Which documents are reports, and recognising them as they arrive: a plain
// text file that reads like a report is switched to the report language; a
// pasted report in an untitled editor (whatever language VS Code guessed, Ini
// as often as not) likewise, as soon as it reads like one — on open, on every
// change (debounced), after "Reopen with Encoding" and when detection is
// turned back on. A Markdown report keeps Markdown (its preview, its outline)
// and is checked in place.

import * as vscode from 'vscode';
import { looksLikeReport } from '../../server/src/core';

export const LANGUAGE_ID = 'nianbao';
/** The context key menus use: the active editor holds a report (nianbao, or Markdown that reads like one). */
const CONTEXT_KEY = 'nianbao.activeReport';
/** Typing is not re-read for every key. */
const CHANGE_DELAY_MS = 400;
/**
 * Documents of these schemes are views of another document (a diff's other
 * side, a commit's version, output): neither switched to reports nor checked,
 * so that a report's findings are not listed twice. Every other scheme is
 * checked — a virtual file system's documents too: the server needs only the text.
 */
const DERIVED_SCHEMES = new Set(['git', 'gitlens', 'output', 'vscode-scm', 'pr', 'review', 'merge-conflict.conflict-diff', 'vscode-notebook-cell-output']);

export const checked = (document: vscode.TextDocument): boolean => !DERIVED_SCHEMES.has(document.uri.scheme);

const markdownReports = new Map<string, { version: number; report: boolean }>();

/** A report: in the report language, or a Markdown document that reads like one (what the server checks in place). */
export function isReport(document: vscode.TextDocument): boolean {
  if (document.languageId === LANGUAGE_ID) return true;
  if (document.languageId !== 'markdown' || !checked(document)) return false;
  const key = document.uri.toString();
  const known = markdownReports.get(key);
  if (known?.version === document.version) return known.report;
  const report = looksLikeReport(document.getText());
  markdownReports.set(key, { version: document.version, report });
  return report;
}

const becameReport = new Set<(document: vscode.TextDocument) => void>();

/** A document is now a report (switched to the report language, or Markdown that now reads like one). */
export function onDidBecomeReport(listener: (document: vscode.TextDocument) => void): vscode.Disposable {
  becameReport.add(listener);
  return { dispose: () => becameReport.delete(listener) };
}

const fireBecameReport = (document: vscode.TextDocument) => becameReport.forEach((listener) => listener(document));

/** Recognises reports as they open and change; keeps the context key for menus. */
export function startDetection(): vscode.Disposable[] {
  // Changing a document's language fires close and then open, synchronously.
  // A report reopened as plain text in the same turn is the user's (or another
  // extension's) choice, and must not be switched straight back.
  const leftReport = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const wasReport = new Map<string, boolean>();

  const consider = (document: vscode.TextDocument) => {
    if (!checked(document) || document.languageId === LANGUAGE_ID) return;
    const key = document.uri.toString();
    if (document.languageId === 'markdown') {
      // Checked in place: only the menus and the preview need to know.
      const report = isReport(document);
      if (report && !wasReport.get(key)) fireBecameReport(document);
      wasReport.set(key, report);
      updateContext();
      return;
    }
    // A file's language was chosen by its extension (or by the user): only plain text is switched. An untitled
    // editor's language is VS Code's guess from the first characters typed or pasted.
    if (document.languageId !== 'plaintext' && !document.isUntitled) return;
    if (leftReport.has(key)) return;
    if (!vscode.workspace.getConfiguration('nianbao', document).get<boolean>('detectContent', true)) return;
    if (!looksLikeReport(document.getText())) return;
    vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(
      (switched) => {
        fireBecameReport(switched);
        updateContext();
      },
      () => {
        // The document was closed meanwhile: nothing to switch.
      },
    );
  };

  const later = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        consider(document);
      }, CHANGE_DELAY_MS),
    );
  };

  const disposables = [
    vscode.workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      markdownReports.delete(key);
      wasReport.delete(key);
      if (document.languageId !== LANGUAGE_ID) return;
      leftReport.add(key);
      setTimeout(() => leftReport.delete(key), 0);
    }),
    vscode.workspace.onDidOpenTextDocument(consider),
    // Typed or pasted text, or the same file decoded again ("Reopen with Encoding"): read again once typing pauses.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) later(event.document);
    }),
    // Detection turned back on: the documents already open are looked at again.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('nianbao.detectContent')) vscode.workspace.textDocuments.forEach(consider);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  ];
  vscode.workspace.textDocuments.forEach(consider);
  updateContext();
  return disposables;
}

function updateContext(): void {
  const document = vscode.window.activeTextEditor?.document;
  void vscode.commands.executeCommand('setContext', CONTEXT_KEY, !!document && isReport(document));
}
