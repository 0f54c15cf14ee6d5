// The smoke suite for the packaged extension: run by scripts/e2e.mjs --vsix
// after the .vsix is installed into a fresh extensions folder, so it tests what
// users install (the production bundle, the manifest, the shipped docs), not
// this repository's files.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, PDF_011, ROOT, checkFile, waitFor, codeOf, copyIn, expectedFindings, nianbaoDiagnostics, openCopy, runSuite, screenshot, waitForFindings, waitForLanguage, type Test } from './harness';

const SEED = '003_12d5eeac63ddaf69';
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const tests: Test[] = [
  {
    name: `the installed package ${EXTENSION_ID} ${version} is the extension that runs`,
    run: async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      assert.notEqual(path.resolve(extension.extensionPath), ROOT, 'not the repository');
      assert.equal((extension.packageJSON as { version: string }).version, version);
    },
  },
  {
    name: `examples/${SEED} opened as a report has its expected findings, with links to shipped docs`,
    run: async () => {
      const document = await openCopy(`examples/${SEED}.txt`, `${SEED}.nianbao`);
      await waitForFindings(document, expectedFindings(SEED), 45_000);
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
      for (const d of nianbaoDiagnostics(document.uri)) {
        const target = typeof d.code === 'object' ? d.code.target : undefined;
        assert.ok(target && fs.existsSync(target.fsPath), `the docs page of ${codeOf(d)} is in the package: ${target}`);
      }
      // The Problems panel opens a code's link as a file: the installed pages open rendered, in the Markdown preview.
      const page = (nianbaoDiagnostics(document.uri)[0].code as { target: vscode.Uri }).target;
      await vscode.commands.executeCommand('vscode.open', page);
      const tab = await waitFor('the check\'s page', [vscode.window.tabGroups.onDidChangeTabs], () => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active && active.label.endsWith('.md') ? active : undefined;
      });
      assert.ok(tab.input instanceof vscode.TabInputCustom && tab.input.viewType === 'vscode.markdown.preview.editor', `opened as ${JSON.stringify(tab.input)}`);
      await vscode.window.tabGroups.close(tab);
    },
  },
  {
    name: 'a report saved as .txt becomes a nianbao document',
    run: async () => {
      const opened = await openCopy(`examples/${SEED}.txt`, 'report-saved-as.txt');
      const document = await waitForLanguage(opened.uri, 'nianbao');
      await waitForFindings(document, expectedFindings(SEED));
    },
  },
  {
    name: 'a published PDF, read by the packaged pdf.js with its CMaps, has its findings',
    run: async () => {
      await checkFile(copyIn('test/fixtures/pdf/011_hongze_2023.pdf'), PDF_011);
    },
  },
];

export async function run(): Promise<void> {
  await runSuite(`Nianbao smoke suite, installed package (VS Code ${vscode.version})`, tests, async () => {
    const document = await openCopy(`examples/${SEED}.txt`, `${SEED}.nianbao`);
    // From line 7: the empty sections 二 to 四 (lines 10–12) in view, the cursor on the first.
    await screenshot(document, { top: 6, cursor: 9 });
  });
}
