// Settings and the code actions built on them, through the bundled server:
// workspace/configuration per document, didChangeConfiguration, the size
// limit, fix-all per check, source.fixAll, and the disable/docs commands.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  LSPErrorCodes,
  SymbolKind,
  type CodeLens,
  type DocumentSymbol,
  DidChangeTextDocumentNotification,
  DiagnosticSeverity,
  RegistrationRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, checkById, type AnalysisOptions } from '../../server/src/core';
import { newReport } from '../../server/src/core/template';
import { CAPABILITIES, ROOT, Session, withTimeout } from './session';

const EX003 = path.join(ROOT, 'examples', '003_12d5eeac63ddaf69.txt');
const EX004 = path.join(ROOT, 'examples', '004_164254f647ab523c.txt');
const EX002 = path.join(ROOT, 'examples', '002_e60c3c3fc476d400.txt');
const text003 = fs.readFileSync(EX003, 'utf8');
const text004 = fs.readFileSync(EX004, 'utf8');
const uri003 = pathToFileURL(EX003).href;
const uri004 = pathToFileURL(EX004).href;

/** What tests compare: code, line, severity and message. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line} ${d.severity} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`).sort();
}

/** The same, for the core's findings on a text with these options. */
function expected(text: string, options: AnalysisOptions): string[] {
  const document = TextDocument.create('file:///x', 'nianbao', 1, text);
  const severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  return analyze(text, options)
    .findings.map((f) => `${document.positionAt(f.span.start).line} ${severity[f.severity]} ${f.code} ${f.message}`)
    .sort();
}

/** The edits of an action's single document change, applied to a text. */
function applyAction(action: CodeAction, text: string, uri: string, version: number): string {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.equal(changes?.length, 1, 'one document change');
  const [change] = changes!;
  assert.deepEqual(change.textDocument, { uri, version }, 'edits tied to the version');
  return TextDocument.applyEdits(TextDocument.create(uri, 'nianbao', version, text), change.edits as TextEdit[]);
}

describe('settings from workspace/configuration', () => {
  const sessions: Session[] = [];
  after(() => sessions.forEach((s) => s.dispose()));

  /** A session whose client answers workspace/configuration with `settings()`, and the first diagnostics of 003. */
  async function start(settings: () => unknown, init: Parameters<Session['initialize']>[0] = {}): Promise<{ session: Session; first: PublishDiagnosticsParams }> {
    const session = new Session(() => settings());
    sessions.push(session);
    await session.initialize(init);
    await session.open(uri003, text003);
    return { session, first: await session.diagnostics(uri003) };
  }

  it('asks for the nianbao section of the document, and a severity off removes that check', async () => {
    const { session, first } = await start(() => ({ severity: { 'section.empty': 'off' } }));
    assert.deepEqual(session.configurationRequests, [{ scopeUri: uri003, section: 'nianbao' }]);
    assert.ok(first.diagnostics.length > 0);
    assert.ok(!first.diagnostics.some((d) => d.code === 'section.empty'), 'no section.empty');
    assert.deepEqual(summary(first.diagnostics), expected(text003, { severities: { 'section.empty': 'off' } }));
  });

  it('re-checks the open document when the settings change, without reopening it', async () => {
    let settings: unknown = { severity: { 'section.empty': 'off' } };
    const { session, first } = await start(() => settings);
    assert.ok(!first.diagnostics.some((d) => d.code === 'section.empty'));

    // A change that leaves this document's options as they were publishes nothing...
    settings = { severity: { 'section.empty': 'off' }, detectContent: false };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    // ...so the next diagnostics are those of the real change.
    settings = { severity: { 'section.empty': 'warning', 'section.heading-variant': 'off' } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const second = await session.diagnostics(uri003);
    assert.equal(second.version, 1, 'the same version, checked again');
    const empty = second.diagnostics.filter((d) => d.code === 'section.empty');
    assert.equal(empty.length, 3);
    assert.ok(empty.every((d) => d.severity === DiagnosticSeverity.Warning));
    assert.ok(!second.diagnostics.some((d) => d.code === 'section.heading-variant'));
    assert.deepEqual(summary(second.diagnostics), expected(text003, { severities: { 'section.empty': 'warning', 'section.heading-variant': 'off' } }));
    assert.equal(session.configurationRequests.length, 3, 'asked once at open and once per change');
  });

  it('a small maxDocumentSize gives exactly one report.too-large diagnostic', async () => {
    const { first } = await start(() => ({ maxDocumentSize: 100 }));
    assert.deepEqual(
      first.diagnostics.map((d) => [d.code, d.range.start.line, d.severity]),
      [['report.too-large', 0, DiagnosticSeverity.Information]],
    );
  });

  it('language: a chosen language wins, auto follows initializationOptions', async () => {
    const english = await start(() => ({ language: 'en' }), { initializationOptions: { lang: 'zh-CN' } });
    assert.deepEqual(summary(english.first.diagnostics), expected(text003, { lang: 'en' }));
    const auto = await start(() => ({ language: 'auto' }), { initializationOptions: { lang: 'en' } });
    assert.deepEqual(summary(auto.first.diagnostics), expected(text003, { lang: 'en' }));
  });

  it('format: a chosen format is used instead of the one the text shows', async () => {
    // 002 is a clean report in the 2019 format: read as 2021, its tables do not fit.
    const text002 = fs.readFileSync(EX002, 'utf8');
    const uri002 = pathToFileURL(EX002).href;
    const { session } = await start(() => ({ format: '2021' }));
    await session.open(uri002, text002);
    const published = await session.diagnostics(uri002);
    assert.deepEqual(summary(published.diagnostics), expected(text002, { format: '2021' }));
    assert.ok(published.diagnostics.length > 0);
    assert.deepEqual(expected(text002, {}), []);
  });

  it('invalid values keep their defaults; a failing client gives the defaults', async () => {
    const invalid = await start(() => ({ severity: { 'section.empty': 'loud', 'no.such-check': 'off' }, format: 1999, language: 'fr', maxDocumentSize: -5 }));
    assert.deepEqual(summary(invalid.first.diagnostics), expected(text003, {}));
    const failing = await start(() => {
      throw new Error('no configuration here');
    });
    assert.deepEqual(summary(failing.first.diagnostics), expected(text003, {}));
  });

  it('registers for configuration changes when the client supports dynamic registration', async () => {
    const session = new Session(() => ({}));
    sessions.push(session);
    const registered = new Promise<Registration[]>((resolve) => session.connection.onRequest(RegistrationRequest.type, (params) => resolve(params.registrations)));
    await session.initialize({ capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, configuration: true, didChangeConfiguration: { dynamicRegistration: true } } } });
    const registrations = await withTimeout(registered, 'client/registerCapability');
    assert.deepEqual(
      registrations.map((r) => [r.method, r.registerOptions]),
      [['workspace/didChangeConfiguration', { section: 'nianbao' }]],
    );
  });
});

describe('requests wait for the document\'s settings', () => {
  const FAILING = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/011_hongze_2023_pdftext.txt'), 'utf8');
  const target = pathToFileURL(path.join(ROOT, 'test-output', 'settings-race-011.nianbao')).href;
  let session: Session | undefined;
  after(() => session?.dispose());

  it('a slow workspace/configuration answer: the first Outline and lenses are in the chosen language; a change refreshes the lenses', async () => {
    // The client answers after 300 ms; its language is Chinese, the server's default English.
    let language = 'zh-CN';
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    session = new Session(async () => (await delay(300), { language }));
    const refreshed: number[] = [];
    session.connection.onRequest(CodeLensRefreshRequest.type, () => void refreshed.push(Date.now()));
    await session.initialize({
      initializationOptions: { lang: 'en' },
      capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, configuration: true, codeLens: { refreshSupport: true } } },
    });
    await session.open(target, FAILING);
    const ask = () =>
      Promise.all([
        session!.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: target } }) as Promise<DocumentSymbol[]>,
        session!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: target } }) as Promise<CodeLens[]>,
        session!.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: target } }),
      ]);
    // Asked at once, before the settings have arrived.
    const [symbols, lenses, folding] = await withTimeout(ask(), 'the first requests');
    const tableNames = (nodes: DocumentSymbol[]): string[] => nodes.flatMap((n) => [...(n.kind === SymbolKind.Struct ? [n.name] : []), ...tableNames(n.children ?? [])]);
    assert.deepEqual(tableNames(symbols), ['表一', '表二', '表三']);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['表一 · 表格预览', '勾稽关系 ✓', '2 处勾稽关系不成立']);
    assert.ok(folding && folding.length > 0);
    assert.equal(refreshed.length, 0);

    // The language changes: the diagnostics are published again, then the client is asked to refresh its lenses.
    language = 'en';
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const english = await session.diagnostics(target, (p) => p.diagnostics.some((d) => d.message === 'Administrative review: total 0 ≠ upheld + corrected + other + pending = 11 (10+1+0+0)'));
    assert.equal(english.version, 1);
    await withTimeout(
      (async () => {
        while (refreshed.length === 0) await delay(20);
      })(),
      'workspace/codeLens/refresh',
    );
    const [again, relenses] = await withTimeout(ask(), 'the requests after the change');
    assert.deepEqual(tableNames(again), ['Table 1', 'Table 2', 'Table 3']);
    assert.deepEqual(relenses.map((l) => l.command?.title), ['Table 1 · table preview', 'relations hold ✓', '2 relations fail']);
  });
});

describe('cancelled requests', () => {
  let session: Session | undefined;
  after(() => session?.dispose());

  it('code actions, symbols and folding cancelled while they wait for the settings are answered as cancelled, without analysing', async () => {
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    session = new Session(async () => (await delay(300), {}));
    await session.initialize();
    const target = pathToFileURL(path.join(ROOT, 'test-output', 'cancel-003.nianbao')).href;
    await session.open(target, text003);
    const textDocument = { uri: target };
    const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    // All three sent and cancelled before the settings have arrived.
    const waiting: Promise<void>[] = [];
    for (const [method, params] of [
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
    ] as const) {
      const source = new CancellationTokenSource();
      const pending = session.connection.sendRequest(method, params, source.token);
      source.cancel();
      waiting.push(assert.rejects(pending, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled, method));
    }
    await Promise.all(waiting);
    // The next request is answered.
    const symbols = (await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'documentSymbol')) as DocumentSymbol[];
    assert.ok(symbols.length > 0);
  });
});

describe('settings pushed to a client without workspace/configuration', () => {
  let session: Session;
  before(() => {
    session = new Session();
  });
  after(() => session?.dispose());

  it('uses the defaults, then the settings of didChangeConfiguration', async () => {
    await session.initialize();
    await session.open(uri003, text003);
    const first = await session.diagnostics(uri003);
    assert.deepEqual(summary(first.diagnostics), expected(text003, {}));
    assert.deepEqual(session.configurationRequests, []);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { nianbao: { severity: { 'section.empty': 'off' } } } });
    const second = await session.diagnostics(uri003);
    assert.deepEqual(summary(second.diagnostics), expected(text003, { severities: { 'section.empty': 'off' } }));
  });
});

describe('code actions: fix all, source.fixAll, disable, documentation', () => {
  let session: Session;
  let first: PublishDiagnosticsParams;
  before(async () => {
    session = new Session(() => ({}));
    await session.initialize();
    await session.open(uri004, text004);
    first = await session.diagnostics(uri004);
  });
  after(() => session?.dispose());

  const actionsAt = async (diagnostic: Diagnostic, only?: string[]) =>
    (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri004 },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    })) as CodeAction[];

  it('every diagnostic of a check gets "disable this check" and "show documentation" commands', async () => {
    for (const diagnostic of first.diagnostics) {
      const actions = await actionsAt(diagnostic, ['quickfix']);
      // One per check at the place: another finding may share it.
      const disable = actions.filter((a) => a.command?.command === 'nianbao.disableCheck' && a.command.arguments?.[0] === diagnostic.code);
      assert.equal(disable.length, 1, `disable action for ${diagnostic.code}`);
      assert.equal(disable[0].kind, 'quickfix');
      assert.ok(!disable[0].isPreferred);
      // Named by its title, in the analysis language; the client's picker gets the title too.
      const title = checkById(String(diagnostic.code))!.meta.title['zh-CN'];
      assert.deepEqual(disable[0].command?.arguments, [diagnostic.code, uri004, title]);
      assert.equal(disable[0].title, `关闭检查「${title}」…`);
      assert.equal(actions.find((a) => a.command?.command === 'vscode.open' && a.diagnostics?.some((d) => d.code === diagnostic.code))?.title, `查看检查「${title}」的说明`);
      const docs = actions.filter((a) => a.command?.command === 'vscode.open' && a.diagnostics?.some((d) => d.code === diagnostic.code));
      assert.equal(docs.length, 1, `docs action for ${diagnostic.code}`);
      assert.deepEqual(docs[0].command?.arguments, [diagnostic.codeDescription?.href]);
    }
  });

  it('fix all of one check applies every preferred fix of that check, and its findings are gone', async () => {
    const label = first.diagnostics.find((d) => d.code === 'table.label-variant')!;
    const count = first.diagnostics.filter((d) => d.code === 'table.label-variant').length;
    assert.equal(count, 6);
    const actions = await actionsAt(label, ['quickfix']);
    const all = actions.filter((a) => a.edit && a.diagnostics && a.diagnostics.length > 1);
    assert.equal(all.length, 1, 'one fix-all action');
    const [fixAll] = all;
    assert.equal(fixAll.kind, 'quickfix');
    assert.ok(!fixAll.isPreferred, 'not preferred');
    assert.deepEqual(
      fixAll.diagnostics!.map((d) => d.code),
      Array(count).fill('table.label-variant'),
    );
    // The single fix comes first, then fix-all, then the commands.
    assert.deepEqual(
      actions.map((a) => (a === fixAll ? 'all' : a.edit ? 'fix' : a.command?.command)),
      ['fix', 'all', 'nianbao.dismissFinding', 'nianbao.dismissFinding', 'nianbao.disableCheck', 'vscode.open'],
    );

    const fixed = applyAction(fixAll, text004, uri004, 1);
    const after = analyze(fixed).findings;
    assert.deepEqual(after.filter((f) => f.code === 'table.label-variant'), []);
    // Nothing else appears: every other finding is still there or was about the same labels.
    const codes = new Set(analyze(text004).findings.map((f) => f.code));
    assert.ok(after.every((f) => codes.has(f.code)));
  });

  it('offers no fix-all for a check with a single fixable finding', async () => {
    const numbering = first.diagnostics.find((d) => d.code === 'section.numbering')!;
    const actions = await actionsAt(numbering, ['quickfix']);
    assert.deepEqual(
      actions.map((a) => (a.edit ? 'fix' : a.command?.command)),
      ['fix', 'nianbao.dismissFinding', 'nianbao.dismissFinding', 'nianbao.disableCheck', 'vscode.open'],
    );
  });

  it('source.fixAll is one action applying every preferred fix, offered only when asked for', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const ask = (only?: string[]) =>
      session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri004 }, range, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
    for (const only of [['source.fixAll'], ['source'], ['source.fixAll.nianbao']]) {
      const actions = await ask(only);
      assert.equal(actions.length, 1, `one action for ${only}`);
      assert.equal(actions[0].kind, 'source.fixAll.nianbao');
    }
    assert.ok(!(await ask()).some((a) => a.kind?.startsWith('source')), 'not without only');
    assert.ok(!(await ask(['quickfix'])).some((a) => a.kind?.startsWith('source')));

    const [action] = await ask(['source.fixAll']);
    const fixed = applyAction(action, text004, uri004, 1);
    const before = analyze(text004).findings;
    const after = analyze(fixed).findings;
    // 004: six table labels, two headings and a subsection number.
    assert.equal(before.filter((f) => f.fixes.length > 0).length, 9);
    assert.deepEqual(after.filter((f) => f.fixes.length > 0), [], 'no fixable finding is left');
    // What is left of 004 is masked text, which no fix can restore.
    assert.ok(after.length > 0 && after.every((f) => f.code === 'narrative.masked'));

    // Applied by the client, the server agrees.
    const edits = [...((action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[])].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri004, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const second = await session.diagnostics(uri004, (p) => p.version === 2);
    assert.deepEqual(summary(second.diagnostics), expected(fixed, {}));
    // Nothing is left to fix: no action, rather than one that changes nothing.
    assert.deepEqual(await ask(['source.fixAll']), []);
  });

  it('source.fixAll on every real report changes no digit: numbers are facts, changed only by a suggestion the user picks', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // The numbers of a text: its digits, leaving out row ordinals (`3.其他`), which a label fix may restore.
    const digits = (t: string) => t.replace(/[0-9０-９][.、．](?![0-9０-９])/g, '').replace(/[^0-9０-９]/g, '');
    for (const dir of ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2']) {
      for (const name of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt'))) {
        const file = path.join(ROOT, dir, name);
        const text = fs.readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).href;
        if (uri !== uri004) await session.open(uri, text);
        const version = uri === uri004 ? 2 : 1;
        const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
        if (uri === uri004) continue; // already fixed above
        for (const action of actions) assert.equal(digits(applyAction(action, text, uri, version)), digits(text), name);
      }
    }
  });
  it('drafting from the skeleton: a number just typed survives saving with source.fixAll, and is offered only as suggestions', async () => {
    const skeleton = newReport('2021', 2025);
    const row = '一、本年新收政府信息公开申请数量 | 0 |';
    assert.ok(skeleton.includes(row));
    const text = skeleton.replace(row, '一、本年新收政府信息公开申请数量 | 5 |');
    const uri = pathToFileURL(path.join(ROOT, 'drafting.nianbao')).href;
    await session.open(uri, text);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const onSave = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    const saved = onSave.reduce((t, a) => applyAction(a, t, uri, 1), text);
    assert.ok(saved.includes('一、本年新收政府信息公开申请数量 | 5 |'), 'the 5 is kept');
    // At the cell: what is offered changes numbers, so it is a suggestion: never preferred.
    const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    const at = { start: { line, character: 0 }, end: { line, character: 200 } };
    const quick = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: at, context: { diagnostics: [], only: ['quickfix'] } })) as CodeAction[];
    const edits = quick.filter((a) => a.edit);
    assert.ok(edits.length > 0, 'suggestions are offered');
    assert.ok(edits.every((a) => !a.isPreferred), 'none preferred');
    // The total set to 5 would break the 总计 column's balance, so the one change that breaks nothing is offered.
    assert.deepEqual([...new Set(edits.map((a) => a.title))], ['将「一、本年新收政府信息公开申请数量」行「自然人」列改为 0（使行总计、勾稽关系成立）']);
  });
  it('one source.fixAll leaves nothing for a second, changes no digit and adds no error or warning, on every real report', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const digits = (t: string) => t.replace(/[0-9０-９][.、．](?![0-9０-９])/g, '').replace(/[^0-9０-９]/g, '');
    const serious = (t: string) => {
      const counts = new Map<string, number>();
      for (const f of analyze(t).findings) if (f.severity === 'error' || f.severity === 'warning') counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
      return counts;
    };
    for (const dir of ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2']) {
      for (const name of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt'))) {
        const original = fs.readFileSync(path.join(ROOT, dir, name), 'utf8');
        let text = original;
        let rounds = 0;
        for (; rounds <= 3; rounds++) {
          const uri = pathToFileURL(path.join(ROOT, dir, `${name}.round${rounds}`)).href;
          await session.open(uri, text);
          const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
          if (actions.length === 0) break;
          text = applyAction(actions[0], text, uri, 1);
        }
        assert.ok(rounds <= 1, `${name}: a second fix-all still had work`);
        assert.equal(digits(text), digits(original), name);
        const before = serious(original);
        for (const [code, n] of serious(text)) assert.ok(n <= (before.get(code) ?? 0), `${name}: fix-all adds ${code}`);
      }
    }
  });
});
