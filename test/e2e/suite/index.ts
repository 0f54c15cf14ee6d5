// The end-to-end suite: the extension as a user meets it, in a real VS Code.
// Loaded by VS Code as `extensionTestsPath` (scripts/e2e.mjs here and in CI,
// test/e2e/electron.ts on a machine that can download VS Code); `run` rejects
// when a test fails. Reports are copied into the scratch workspace folder the
// runner opens.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  ROOT,
  codeOf,
  expectedFindings,
  findings,
  nianbaoDiagnostics,
  checkFile,
  copyIn,
  openCopy,
  PDF_011,
  runSuite,
  say,
  screenshot,
  waitFor,
  waitForFindings,
  waitForLanguage,
  workspaceFolder,
  type Test,
} from './harness';

const EXAMPLES = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => path.basename(f, '.txt'))
  .sort();
const SEED_000 = '000_1d23ca6ff21b8a58';
const SEED_001 = '001_67c1420167c13949';
const SEED_003 = '003_12d5eeac63ddaf69';

/** A seed report opened as a `.nianbao` file, after its expected findings have arrived. */
async function openReport(seed: string, fileName = `${seed}.nianbao`, timeoutMs?: number): Promise<vscode.TextDocument> {
  const document = await openCopy(`examples/${seed}.txt`, fileName);
  assert.equal(document.languageId, 'nianbao');
  await waitForFindings(document, expectedFindings(seed), timeoutMs);
  return document;
}

async function commandExists(id: string): Promise<string | undefined> {
  return (await vscode.commands.getCommands(true)).includes(id) ? undefined : `command ${id} is not registered yet`;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}

const tests: Test[] = [
  {
    name: 'the extension under test is the one in this repository',
    run: async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is loaded`);
      assert.equal(path.resolve(extension.extensionPath), ROOT);
    },
  },

  // (a) Every example report, opened as a report, has exactly its expected findings.
  ...EXAMPLES.map<Test>((seed) => ({
    name: `examples/${seed}: the diagnostics are the expected findings`,
    // The first report also waits for the extension and its server to start.
    run: async () => void (await openReport(seed, undefined, seed === EXAMPLES[0] ? 45_000 : undefined)),
  })),

  // (b) A report saved as .txt is recognised by its content.
  {
    name: 'a report saved as .txt becomes a nianbao document, with its findings',
    run: async () => {
      const opened = await openCopy(`examples/${SEED_001}.txt`, 'report-saved-as.txt');
      const document = await waitForLanguage(opened.uri, 'nianbao');
      await vscode.window.showTextDocument(document, { preview: false });
      await waitForFindings(document, expectedFindings(SEED_001));
    },
  },

  // (b1) A report pasted into a new Untitled editor (the usual Word/PDF → VS Code path), whatever language VS Code guessed.
  {
    name: 'a report pasted into an Untitled editor that VS Code took for Ini becomes a report, with its findings',
    run: async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'ini', content: '' });
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      try {
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), fs.readFileSync(path.join(ROOT, 'examples', `${SEED_003}.txt`), 'utf8')));
        const report = await waitForLanguage(document.uri, 'nianbao');
        await waitForFindings(report, expectedFindings(SEED_003));
      } finally {
        await vscode.window.showTextDocument(document.uri);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    },
  },

  // (b1') A Markdown report stays Markdown (its preview, its outline) and is checked in place.
  {
    name: 'a Markdown report keeps Markdown and has its findings; Markdown notes have none',
    run: async () => {
      const document = await openCopy(`examples/${SEED_001}.txt`, 'report-in-markdown.md');
      assert.equal(document.languageId, 'markdown');
      await waitForFindings(document, expectedFindings(SEED_001));
      assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
      const notes = vscode.Uri.joinPath(workspaceFolder(), 'notes.md');
      fs.writeFileSync(notes.fsPath, '# 会议记录\n\n讨论了政府信息公开工作年度报告的分工。\n');
      const opened = await vscode.workspace.openTextDocument(notes);
      await vscode.window.showTextDocument(opened, { preview: false });
      // The report's findings came within moments; the notes', if any came, would come as fast.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(opened.languageId, 'markdown');
      assert.deepEqual(findings(opened.uri), []);
    },
  },

  // (b2) The extension's defaults for the language: full-width punctuation is not boxed as ambiguous, paragraphs wrap.
  {
    name: 'a report opens without ambiguous-character boxes and with word wrap',
    run: async () => {
      const document = await openReport(SEED_001, 'calm-001.nianbao');
      const editor = vscode.workspace.getConfiguration('editor', document);
      assert.equal(editor.get('unicodeHighlight.ambiguousCharacters'), false);
      assert.equal(editor.get('wordWrap'), 'on');
      // The outline opens collapsed (table 2's rows under their table), unfolding where the cursor is.
      assert.equal(vscode.workspace.getConfiguration('outline', document).get('collapseItems'), 'alwaysCollapse');
    },
  },

  // (b3) A report from a virtual file system (package.json declares virtualWorkspaces): checked like a file.
  {
    name: 'a report opened from a virtual file system has its findings',
    run: async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'examples', `${SEED_003}.txt`)));
      const now = Date.now();
      const provider: vscode.FileSystemProvider = {
        onDidChangeFile: new vscode.EventEmitter<vscode.FileChangeEvent[]>().event,
        watch: () => new vscode.Disposable(() => undefined),
        stat: (uri) => ({ type: uri.path.endsWith('.nianbao') ? vscode.FileType.File : vscode.FileType.Directory, ctime: now, mtime: now, size: bytes.length }),
        readDirectory: () => [],
        createDirectory: () => undefined,
        readFile: () => bytes,
        writeFile: () => undefined,
        delete: () => undefined,
        rename: () => undefined,
      };
      const registration = vscode.workspace.registerFileSystemProvider('nianbao-e2e-vfs', provider, { isReadonly: true });
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('nianbao-e2e-vfs:/reports/virtual-003.nianbao'));
        assert.equal(document.languageId, 'nianbao');
        await vscode.window.showTextDocument(document, { preview: false });
        await waitForFindings(document, expectedFindings(SEED_003));
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        registration.dispose();
      }
    },
  },

  // (c) A quick fix, applied as the editor does, removes its finding and changes nothing else.
  {
    name: 'the quick fix for the count claim of seed 003 removes that finding only',
    run: async () => {
      const document = await openReport(SEED_003, 'quick-fix-003.nianbao');
      const before = document.getText().split('\n');
      const claim = nianbaoDiagnostics(document.uri).find((d) => codeOf(d) === 'section.count-claim');
      assert.ok(claim, 'the count claim is reported');
      assert.equal(claim.range.start.line, 1);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        claim.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // Correcting the count claim changes a fact: a suggestion the user picks, never the preferred (auto) fix.
      assert.ok(!actions.some((a) => a.isPreferred), 'no preferred fix for a claim');
      // The check's page opens rendered and read-only, in the Markdown preview.
      const docs = actions.find((a) => a.command?.command === 'markdown.showPreview');
      assert.ok(docs && docs.command!.arguments![0] instanceof vscode.Uri && /\/docs\/checks\/section\.count-claim\.md$/.test((docs.command!.arguments![0] as vscode.Uri).path), actions.map((a) => a.command?.command).join(' | '));
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit);
      assert.ok(fix?.edit, `the suggestion with an edit among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');

      await waitForFindings(
        document,
        expectedFindings(SEED_003).filter((f) => !f.endsWith(' section.count-claim')),
      );
      const after = document.getText().split('\n');
      assert.equal(after.length, before.length);
      after.forEach((line, i) => i === 1 || assert.equal(line, before[i], `line ${i + 1} is unchanged`));
      // The introduction lists five parts: the one it leaves out is added in its place and the count made six; nothing else changed.
      assert.equal(after[1], before[1].replace('存在的主要问题及改进措施等五部分', '存在的主要问题及改进措施、其他需要报告的事项等六部分'));
      await document.save();
    },
  },

  // (d) The outline.
  {
    name: 'the outline of seed 000 is its title with the six sections',
    run: async () => {
      const document = await openReport(SEED_000);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      assert.equal(symbols.length, 1);
      const [title] = symbols;
      assert.equal(title.name, '龙城区2021年政府信息公开工作年度报告');
      assert.deepEqual(
        title.children.map((c) => c.name),
        [
          '一、总体情况',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '四、政府信息公开行政复议、行政诉讼情况',
          '五、存在问题及改进情况',
          '六、其他需要报告的事项',
        ],
      );
    },
  },

  // (e) Hover on a table total shows the relation it takes part in, with the values.
  {
    name: 'hovering the review total of seed 001 shows its relation',
    run: async () => {
      const document = await openReport(SEED_001);
      // Line 581 is table 3's 行政复议 总计, a lone `1` (one cell per line).
      const line = 580;
      const position = new vscode.Position(line, document.lineAt(line).text.indexOf('1'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      // The messages follow VS Code's display language.
      assert.match(
        hoverText(hovers),
        /^✓ (总计 = 维持 \+ 纠正 \+ 其他 \+ 尚未审结|total = upheld \+ corrected \+ other \+ pending)：1 \+ 0 \+ 0 \+ 0 = 1；1 = 1$/m,
      );
    },
  },

  // (f) Go to Definition from a figure in the prose to its table cell.
  {
    name: 'Go to Definition from 行政复议4件 (seed 001, line 25) lands on the table cell',
    run: async () => {
      const document = await openReport(SEED_001);
      const line = 24;
      const character = document.lineAt(line).text.indexOf('行政复议4件') + '行政复议'.length;
      assert.ok(character >= '行政复议'.length);
      const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        new vscode.Position(line, character),
      );
      assert.equal(targets.length, 1);
      const [target] = targets;
      const uri = 'targetUri' in target ? target.targetUri : target.uri;
      const range = 'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
      assert.equal(uri.toString(), document.uri.toString());
      assert.equal(range.start.line, 580);
      assert.equal(document.getText(range), '1');
    },
  },

  // (g) Settings: a check turned off disappears from open reports.
  {
    name: 'setting nianbao.severity {"section.empty": "off"} removes those findings from seed 003, and unsetting brings them back',
    run: async () => {
      const document = await openReport(SEED_003, 'settings-003.nianbao');
      const config = () => vscode.workspace.getConfiguration('nianbao', document.uri);
      const all = expectedFindings(SEED_003);
      try {
        await config().update('severity', { 'section.empty': 'off' }, vscode.ConfigurationTarget.Workspace);
        await waitForFindings(
          document,
          all.filter((f) => !f.endsWith(' section.empty')),
        );
      } finally {
        await config().update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForFindings(document, all);
    },
  },

  // (g2) Saving with the setting the README recommends applies the fixes and changes no number.
  {
    name: 'saving seed 001 with "source.fixAll.nianbao" on save applies the fixes and keeps every number',
    run: async () => {
      const document = await openReport(SEED_001, 'save-fix-all-001.nianbao');
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      const original = document.getText();
      const digits = (t: string) => t.replace(/[0-9０-９][.、．](?![0-9０-９])/g, '').replace(/[^0-9０-９]/g, '');
      const config = vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: 'nianbao' });
      try {
        await config.update('codeActionsOnSave', { 'source.fixAll.nianbao': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
        // A change, so that saving has something to write.
        assert.ok(await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\n')));
        await vscode.commands.executeCommand('workbench.action.files.save');
        await waitFor('the save', [vscode.workspace.onDidSaveTextDocument], () => (document.isDirty ? undefined : true));
        const saved = document.getText();
        assert.notEqual(saved.trimEnd(), original.trimEnd(), 'the fixes were applied');
        assert.equal(digits(saved), digits(original), 'no number changed');
        // The wording fixes are gone; the prose figure that differs from the table is still reported, for the user to decide.
        await waitFor('the fixed findings', [vscode.languages.onDidChangeDiagnostics], () => {
          const codes = findings(document.uri).map((f) => f.split(' ').pop());
          return !codes.includes('section.heading-variant') && !codes.includes('table.label-variant') ? codes : undefined;
        });
        assert.ok(findings(document.uri).some((f) => f.endsWith(' narrative.mismatch')), findings(document.uri).join('\n'));
      } finally {
        await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      }
    },
  },

  // (h) Commands that other work adds; they run once the commands exist.
  {
    name: 'nianbao.newReport2021 opens an untitled report for the body and year given, whose only findings are placeholders',
    skip: () => commandExists('nianbao.newReport2021'),
    run: async () => {
      // The command asks for the body and the year; given them (as another extension may), it asks nothing.
      await vscode.commands.executeCommand('nianbao.newReport2021', { body: '淮安市财政局', year: 2024 });
      const document = await waitFor(
        'an untitled nianbao document in the active editor',
        [vscode.window.onDidChangeActiveTextEditor],
        () => {
          const d = vscode.window.activeTextEditor?.document;
          return d?.isUntitled && d.languageId === 'nianbao' ? d : undefined;
        },
      );
      try {
        assert.equal(document.lineAt(0).text, '淮安市财政局2024年政府信息公开工作年度报告');
        // The template is checked like any report: what it lacks is only the figures to fill in.
        const published = await waitFor('the diagnostics of the new report', [vscode.languages.onDidChangeDiagnostics], () => {
          const d = nianbaoDiagnostics(document.uri);
          return d.length > 0 ? d : undefined;
        });
        assert.deepEqual(
          [...new Set(published.map(codeOf))],
          ['narrative.placeholder'],
          `findings of the new report: ${findings(document.uri).join(', ')}`,
        );
      } finally {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    },
  },
  {
    name: 'nianbao.showPreview opens a webview beside the report',
    skip: () => commandExists('nianbao.showPreview'),
    run: async () => {
      const document = await openReport(SEED_001);
      await vscode.window.showTextDocument(document);
      // The API reports an extension's webview type with a prefix (mainThreadWebview-…).
      const previewTabs = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .filter((t) => t.input instanceof vscode.TabInputWebview && /nianbao\.preview$/.test(t.input.viewType));
      assert.equal(previewTabs().length, 0);
      await vscode.commands.executeCommand('nianbao.showPreview');
      await waitFor('the preview tab', [vscode.window.tabGroups.onDidChangeTabs], () => (previewTabs().length === 1 ? true : undefined));
      // Tab objects are replaced as the tab changes (its title, its state): close the current one.
      await vscode.window.tabGroups.close(previewTabs());
    },
  },
  {
    name: 'the preview follows a report opened as .txt, whose language is switched after its editor shows',
    skip: () => commandExists('nianbao.showPreview'),
    run: async () => {
      const first = await openReport(SEED_001, 'follow-001.nianbao');
      await vscode.window.showTextDocument(first);
      await vscode.commands.executeCommand('nianbao.showPreview');
      const api = vscode.extensions.getExtension<{ previewOf?(): string | undefined }>(EXTENSION_ID)!.exports;
      await waitFor('the preview of 001', [vscode.window.tabGroups.onDidChangeTabs], () => (api.previewOf?.()?.endsWith('follow-001.nianbao') ? true : undefined));
      // A plain-text report: its editor is active before it becomes a report.
      const opened = await openCopy(`examples/${SEED_003}.txt`, 'follow-003.txt');
      await waitForLanguage(opened.uri, 'nianbao');
      await waitFor('the preview of 003', [vscode.workspace.onDidOpenTextDocument, vscode.window.tabGroups.onDidChangeTabs], () => (api.previewOf?.()?.endsWith('follow-003.txt') ? true : undefined));
      const previewTabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /nianbao\.preview$/.test(t.input.viewType));
      await vscode.window.tabGroups.close(previewTabs);
    },
  },
  {
    name: 'with nianbao.language zh-CN set, the first Outline and code lenses are in Chinese (settings are waited for)',
    run: async () => {
      const config = vscode.workspace.getConfiguration('nianbao');
      // An application-wide setting: the user's.
      await config.update('language', 'zh-CN', vscode.ConfigurationTarget.Global);
      try {
        const document = await openReport(SEED_000, 'race-000.nianbao');
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
        const titles = lenses.map((l) => l.command?.title ?? '');
        assert.ok(titles.some((t) => /表格预览/.test(t)) && titles.every((t) => !/[A-Za-z]{3,}/.test(t)), titles.join(', '));
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        const all = (nodes: vscode.DocumentSymbol[]): string[] => nodes.flatMap((n) => [n.name, ...all(n.children)]);
        const names = all(symbols).join(' ');
        assert.doesNotMatch(names, /Table \d/);
        assert.match(names, /表[一二三]/);
      } finally {
        await config.update('language', undefined, vscode.ConfigurationTarget.Global);
      }
    },
  },
];

const PDF_012 = ['7 warning narrative.mismatch', '35 hint table.label-variant'];

const fileTests: Test[] = [
  {
    name: 'Run Task "nianbao: check .": the CLI\'s findings in Problems through the problem matchers',
    run: async () => {
      // Named to come last in the output: the last lines of a task are the ones VS Code can miss.
      const target = copyIn('examples/003_12d5eeac63ddaf69.txt', 'zz-task-003.txt');
      const [task] = await vscode.tasks.fetchTasks({ type: 'nianbao' });
      assert.ok(task, 'the task provider offers a task');
      assert.equal(task.name, 'check .');
      const ended = new Promise<number | undefined>((resolve) => {
        const listener = vscode.tasks.onDidEndTaskProcess((e) => {
          if (e.execution.task.definition.type !== 'nianbao') return;
          listener.dispose();
          resolve(e.exitCode);
        });
      });
      await vscode.tasks.executeTask(task);
      assert.equal(await ended, 1, 'exit code 1: errors found');
      const fromTask = () =>
        vscode.languages
          .getDiagnostics(target)
          .filter((d) => d.source === 'nianbao check')
          .map((d) => `${d.range.start.line + 1} ${typeof d.code === 'object' ? d.code.value : d.code}`)
          .sort();
      const expected = expectedFindings('003_12d5eeac63ddaf69').map((f) => f.replace(/ \w+ /, ' ')).sort();
      await waitFor('the task\'s findings in Problems', [vscode.languages.onDidChangeDiagnostics], () => (JSON.stringify(fromTask()) === JSON.stringify(expected) ? true : undefined), {
        onTimeout: () =>
          assert.fail(
            `Problems from the task: ${fromTask().join(' | ')}; expected ${expected.join(' | ')}; all: ${vscode.languages
              .getDiagnostics()
              .filter(([, ds]) => ds.some((d) => d.source !== 'nianbao'))
              .map(([u, ds]) => `${u.path.split('/').pop()} ${ds.filter((d) => d.source !== 'nianbao').length}`)
              .join(' ; ')}`,
          ),
      });
    },
  },
  {
    name: 'a PDF: "Check This File" shows its text with its findings, each located by page and line; a change on disk checks it again',
    skip: () => commandExists('nianbao.checkFile'),
    run: async () => {
      const pdf = copyIn('test/fixtures/pdf/011_hongze_2023.pdf', 'hongze.pdf');
      const view = await checkFile(pdf, PDF_011);
      for (const d of nianbaoDiagnostics(view.uri)) assert.match(d.message, /(（原文件：第\d+页 第\d+行）| \(in the file: page \d+, line \d+\))$/, d.message);
      assert.ok(nianbaoDiagnostics(view.uri).some((d) => /(第4页|page 4,)/.test(d.message)), 'table 3 is on page 4');
      // The outline of the text read from the PDF.
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', view.uri);
      assert.equal(symbols[0]?.children.length, 6, JSON.stringify(symbols.map((s) => s.name)));
      // The next year's report saved over it: read and checked again.
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/pdf/012_hongze_2024.pdf'), pdf.fsPath);
      await waitForFindings(view, PDF_012);
    },
  },
  {
    name: 'a PDF\'s text saved as .nianbao: an ordinary report with the same findings',
    skip: () => commandExists('nianbao.saveAsText'),
    run: async () => {
      const view = await checkFile(copyIn('test/fixtures/pdf/011_hongze_2023.pdf', 'hongze-2023.pdf'), PDF_011);
      const target = vscode.Uri.joinPath(workspaceFolder(), 'hongze-2023.nianbao');
      await vscode.commands.executeCommand('nianbao.saveAsText', view.uri, target);
      const saved = await waitFor('the saved text', [vscode.window.onDidChangeActiveTextEditor], () => {
        const d = vscode.window.activeTextEditor?.document;
        return d?.uri.toString() === target.toString() ? d : undefined;
      });
      assert.equal(saved.getText(), view.getText());
      await waitForFindings(saved, PDF_011);
      assert.ok(!nianbaoDiagnostics(saved.uri).some((d) => /原文件|in the file/.test(d.message)), 'a text file has no file of origin');
    },
  },
  {
    name: 'a Word document (the official template filled with a real report): its three errors, each at its table, row and cell',
    skip: () => commandExists('nianbao.checkFile'),
    run: async () => {
      // Written into the workspace by the runner (scripts/e2e.mjs) from test/docx.ts.
      const docx = vscode.Uri.joinPath(workspaceFolder(), '129_pingtan_ziran_2023_tab.docx');
      assert.ok(fs.existsSync(docx.fsPath), 'the runner wrote the Word fixture');
      const view = await checkFile(docx, ['29 error table.row-total', '49 error table.row-total', '50 error table.balance']);
      const where = nianbaoDiagnostics(view.uri).map((d) => /(第2个表格 第\d+行 第\d+列|table 2, row \d+, column \d+)/.exec(d.message)?.[0]);
      assert.ok(where.every(Boolean), where.join(' | '));
    },
  },
  {
    name: '"Check All Reports in the Workspace": unopened reports in Problems, paired across years; a change on disk checks again',
    skip: () => commandExists('nianbao.checkWorkspace'),
    run: async () => {
      const base = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus2/129_pingtan_ziran_2023_tab.txt'), 'utf8').replace(/平潭综合实验区自然资源与生态环境局/g, '示例县自然资源局');
      const next = base
        .replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告')
        .replace('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1');
      const [then, now] = ['ws-2023.txt', 'ws-2024.txt'].map((n) => vscode.Uri.joinPath(workspaceFolder(), n));
      fs.writeFileSync(then.fsPath, base);
      fs.writeFileSync(now.fsPath, next);
      const carryOver = () => vscode.languages.getDiagnostics(now).filter((d) => codeOf(d) === 'year.carry-over');
      await vscode.commands.executeCommand('nianbao.checkWorkspace');
      await waitFor('the cross-year findings of the unopened 2024 report', [vscode.languages.onDidChangeDiagnostics], () => (carryOver().length === 2 ? true : undefined));
      assert.equal(carryOver()[0].relatedInformation?.[0].location.uri.toString(), then.toString());
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === now.toString()), 'checked without opening it');
      // The workspace's PDFs are in Problems under their read-only views.
      assert.ok(vscode.languages.getDiagnostics().some(([uri, ds]) => uri.scheme === 'nianbao-file' && ds.some((d) => codeOf(d) === 'table.review-total')));
      // Last year's report corrected on disk: checked again, the finding is gone.
      fs.writeFileSync(then.fsPath, base.replace('四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0', '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1'));
      await waitFor('the finding gone after the change on disk', [vscode.languages.onDidChangeDiagnostics], () => (carryOver().length === 0 ? true : undefined));
    },
  },
  {
    name: 'the review view: each report by unit and year, with its counts, last year\'s report and findings',
    skip: () => commandExists('nianbao.refreshReview'),
    run: async () => {
      await vscode.commands.executeCommand('nianbao.review.focus');
      const api = vscode.extensions.getExtension<{ units(): Promise<{ unit: string; year?: number; uri: string; previous?: string; counts: Record<string, number>; findings: { code: string; severity: string; where?: string }[] }[]> }>(EXTENSION_ID)!.exports;
      const units = await api.units();
      const ziran = units.find((u) => u.unit === '示例县自然资源局' && u.year === 2024);
      assert.ok(ziran, units.map((u) => `${u.unit} ${u.year}`).join(' | '));
      assert.equal(ziran.previous, vscode.Uri.joinPath(workspaceFolder(), 'ws-2023.txt').toString());
      // 129's two wrong row totals and its broken balance, and the balance the carried-over 1 breaks (自然人, 总计), counted as listed.
      assert.equal(ziran.counts.error, ziran.findings.filter((f) => f.severity === 'error').length);
      assert.deepEqual(ziran.findings.filter((f) => f.severity === 'error').map((f) => f.code), ['table.row-total', 'table.row-total', 'table.balance', 'table.balance', 'table.balance']);
      // A PDF of the workspace, under its read-only view.
      const hongze = units.find((u) => u.uri.startsWith('nianbao-file:') && u.findings.some((f) => f.code === 'table.review-total'));
      assert.ok(hongze, 'a PDF with its table-3 errors');
      assert.equal(hongze.unit, '洪泽区人民政府');
      // Each listed with its page in the PDF, where a reviewer holding the PDF finds it.
      assert.ok(hongze.findings.every((f) => /^(第\d+页|page \d+, line \d+$)/.test(f.where ?? '')), JSON.stringify(hongze.findings));
    },
  },
];

/**
 * The constructed clean 2021 report with one wrong total (（一）予以公开: 4, the
 * cells add up to 3), written into the workspace: setting that one cell back
 * mends both relations it breaks, so the quick fix names the cell and its value.
 */
async function openWrongTotal(): Promise<vscode.TextDocument> {
  const lines = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'constructed', 'clean-2021.txt'), 'utf8').split('\n');
  const row = 30;
  assert.match(lines[row], /^三、本年度办理结果 \| （一）予以公开 \|.* \| 3 \|$/);
  lines[row] = lines[row].replace(/ 3 \|$/, ' 4 |');
  const target = vscode.Uri.joinPath(workspaceFolder(), 'wrong-total-2021.nianbao');
  fs.writeFileSync(target.fsPath, lines.join('\n'));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { preview: false });
  await waitForFindings(document, ['31 error table.row-total', '52 error table.results-total']);
  return document;
}

export async function run(): Promise<void> {
  await runSuite(`Nianbao end-to-end suite (VS Code ${vscode.version}, workspace ${workspaceFolder().fsPath})`, [...tests, ...fileTests], async () => {
    // The pictures for the README and the CI artifacts. The first one collapses
    // the file list (the runner clicks it), so it comes before the quick-fix menu,
    // which a click would close.
    // (1) A report with findings, Problems and Outline.
    const document = await openReport(SEED_003);
    // From line 7: the empty sections 二 to 四 (lines 10–12) in view, the cursor on the first.
    await screenshot(document, { top: 6, cursor: 9 });

    // (2) The light bulb's menu on a wrong table total.
    const wrong = await openWrongTotal();
    const total = nianbaoDiagnostics(wrong.uri).find((d) => codeOf(d) === 'table.row-total');
    assert.ok(total, 'the wrong total is reported');
    const { line, character } = total.range.start;
    // From line 22: the end of table 1 and table 2 down to its 不予处理 rows, the wrong total (line 31) among them.
    await screenshot(wrong, { top: 21, cursor: line, character }, 'quickfix', {
      show: () => vscode.commands.executeCommand('editor.action.quickFix'),
    });

    // (3) A published PDF checked as it is: its text, the findings located by page and line.
    if (!(await commandExists('nianbao.checkFile'))) {
      const view = await checkFile(copyIn('test/fixtures/pdf/011_hongze_2023.pdf', '洪泽区2023年报.pdf'), PDF_011);
      // From line 41: table 2's last rows and table 3 (line 61) in view.
      await screenshot(view, { top: 40, cursor: 60 }, 'pdf');
    }

    // (4) The table preview beside a report whose table 3 fails in two groups.
    if (!(await commandExists('nianbao.showPreview'))) {
      const hongze = '011_hongze_2023_pdftext';
      const report = await openCopy(`test/fixtures/corpus/${hongze}.txt`, `${hongze}.nianbao`);
      await waitForFindings(report, expectedFindings(hongze));
      // From line 96: the end of table 2 and table 3 (line 112) in view.
      await screenshot(report, { top: 95, cursor: 111 }, 'preview', {
        sidebar: false,
        show: async () => {
          const previews = () =>
            vscode.window.tabGroups.all
              .flatMap((g) => g.tabs)
              .filter((t) => t.input instanceof vscode.TabInputWebview && /nianbao\.preview$/.test(t.input.viewType));
          // Scrolled to table 3 ('review'), as its code lens does.
          await vscode.commands.executeCommand('nianbao.showPreview', report.uri, 'review');
          await waitFor('the preview tab', [vscode.window.tabGroups.onDidChangeTabs], () => (previews().length === 1 ? true : undefined));
          // Table 3 has 15 columns: give the preview some of the text's width (the text keeps the focus).
          for (let step = 0; step < 2; step++) {
            await vscode.commands.executeCommand('workbench.action.decreaseViewWidth').then(undefined, (error) => say(`  (screenshot: ${error})`));
          }
        },
      });
    }
  });
}
