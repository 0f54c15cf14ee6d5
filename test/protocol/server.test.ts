// Drives the bundled language server (dist/server.js) over stdio with a real
// JSON-RPC client, the way an editor does. Build it first: `npm run build`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  ShutdownRequest,
  SymbolKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { analyze, LineIndex, type Lang } from '../../server/src/core';
import { ROOT, Session, withTimeout } from './session';

const SAMPLE = path.join(ROOT, 'examples', '003_12d5eeac63ddaf69.txt');

const text = fs.readFileSync(SAMPLE, 'utf8');
const uri = pathToFileURL(SAMPLE).href;

function pairs(diagnostics: readonly Diagnostic[]): [string, number][] {
  return diagnostics
    .map((d): [string, number] => [String(d.code), d.range.start.line])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
}

/** Protocol 3.18 allows Markdown messages; the server sends plain strings. */
function messageText(message: Diagnostic['message']): string {
  return typeof message === 'string' ? message : message.value;
}

function messages(lang: Lang, source = text): string[] {
  return analyze(source, { lang }).findings.map((f) => f.message);
}

const EXPECTED: [string, number][] = [
  ['section.count-claim', 1],
  ['section.empty', 9],
  ['section.empty', 10],
  ['section.empty', 11],
  ['section.heading-variant', 12],
];

describe('language server over stdio', () => {
  let session: Session;
  let init: InitializeResult;
  let first: PublishDiagnosticsParams;

  before(async () => {
    session = new Session();
    init = await session.initialize();
  });
  after(() => session?.dispose());

  it('announces incremental sync and its features', () => {
    const sync = init.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, 2 /* Incremental */);
    assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.nianbao'] });
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.foldingRangeProvider);
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.definitionProvider);
    assert.ok(init.capabilities.referencesProvider);
  });

  it('publishes the findings of an opened report, with the version', async () => {
    await session.open(uri, text);
    first = await session.diagnostics(uri);
    assert.equal(first.version, 1);
    assert.deepEqual(pairs(first.diagnostics), EXPECTED);
    for (const d of first.diagnostics) {
      assert.equal(d.source, 'nianbao');
      assert.ok(d.codeDescription?.href.endsWith(`docs/checks/${d.code}.md`), `href of ${d.code}: ${d.codeDescription?.href}`);
    }
    // Without a language in initializationOptions or locale, messages are Chinese.
    assert.deepEqual(first.diagnostics.map((d) => messageText(d.message)).sort(), messages('zh-CN').sort());
  });

  it('offers the count claim\'s correction as a suggestion (never preferred: it changes a fact), tied to the version', async () => {
    const claim = first.diagnostics.find((d) => d.code === 'section.count-claim')!;
    const params = { textDocument: { uri }, range: claim.range, context: { diagnostics: [claim], only: ['quickfix'] } };
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, params)) as CodeAction[];
    assert.equal(actions.filter((a) => a.isPreferred).length, 0);
    const preferred = actions.find((a) => a.edit && a.diagnostics?.length === 1);
    assert.ok(preferred, 'the suggestion');
    assert.equal(preferred.kind, 'quickfix');
    assert.deepEqual(preferred.diagnostics?.map((d) => d.code), ['section.count-claim']);
    const change = preferred.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.ok(change.edits.length > 0);

    // Kinds other than quick fixes were asked for: nothing.
    const refactors = await session.connection.sendRequest(CodeActionRequest.type, { ...params, context: { diagnostics: [claim], only: ['refactor'] } });
    assert.deepEqual(refactors, []);

    // Apply it the way an editor does: one incremental change, edits from the end backwards.
    const edits = [...(change.edits as TextEdit[])].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const second = await session.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      pairs(second.diagnostics),
      EXPECTED.filter(([code]) => code !== 'section.count-claim'),
    );
    const unchanged = (d: Diagnostic) => [d.code, d.message, d.range];
    assert.deepEqual(
      second.diagnostics.map(unchanged),
      first.diagnostics.filter((d) => d.code !== 'section.count-claim').map(unchanged),
    );
  });

  it('outlines the title with the six sections in order', async () => {
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const [root] = symbols;
    assert.equal(root.kind, SymbolKind.File);
    assert.match(root.name, /政府信息公开工作年度报告/);
    const children = root.children ?? [];
    assert.deepEqual(
      children.map((c) => c.name.charAt(0)),
      ['一', '二', '三', '四', '五', '六'],
    );
    assert.ok(children.every((c) => c.kind === SymbolKind.Module));
    assert.deepEqual(
      children.map((c) => c.selectionRange.start.line),
      [2, 9, 10, 11, 12, 15],
    );
  });

  it('folds sections', async () => {
    const ranges = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(ranges && ranges.length > 0);
    for (const r of ranges) assert.ok(r.endLine > r.startLine, JSON.stringify(r));
  });

  it('explains a heading on hover, in Markdown', async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 3 } });
    assert.ok(hover);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /主动公开政府信息情况/);
    assert.equal(hover.range?.start.line, 9);
  });

  it('answers requests about unknown documents, and bad requests, without dying', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere/unknown.txt' } };
    assert.deepEqual(await session.connection.sendRequest(DocumentSymbolRequest.type, unknown), []);
    assert.deepEqual(await session.connection.sendRequest(FoldingRangeRequest.type, unknown), []);
    assert.equal(await session.connection.sendRequest(HoverRequest.type, { ...unknown, position: { line: 0, character: 0 } }), null);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await session.connection.sendRequest(CodeActionRequest.type, { ...unknown, range, context: { diagnostics: [] } }), []);
    // Malformed: no document, no position.
    assert.equal(await session.connection.sendRequest('textDocument/hover', {}), null);
    assert.equal(await session.connection.sendRequest('textDocument/hover', { textDocument: { uri } }), null);

    assert.equal(session.child.exitCode, null);
    const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(symbols?.length, 1);
  });

  it('clears the diagnostics when the document closes', async () => {
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await session.diagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
    assert.deepEqual(await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
  });

  it('shuts down and exits', async () => {
    assert.equal(await session.connection.sendRequest(ShutdownRequest.type), null);
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await withTimeout(session.exited, 'the server to exit'), 0);
  });
});

describe('language of messages', () => {
  const sessions: Session[] = [];
  after(() => sessions.forEach((s) => s.dispose()));

  async function messagesFrom(params: Partial<InitializeParams>): Promise<string[]> {
    const session = new Session();
    sessions.push(session);
    await session.initialize(params);
    await session.open(uri, text);
    const published = await session.diagnostics(uri);
    return published.diagnostics.map((d) => messageText(d.message)).sort();
  }

  it('follows initializationOptions.lang', async () => {
    assert.deepEqual(await messagesFrom({ initializationOptions: { lang: 'en' }, locale: 'zh-cn' }), messages('en').sort());
  });

  it('falls back to the client locale', async () => {
    assert.deepEqual(await messagesFrom({ locale: 'en-US' }), messages('en').sort());
  });
});

describe('prose figures and table cells', () => {
  const SEED = path.join(ROOT, 'examples', '001_67c1420167c13949.txt');
  const seedText = fs.readFileSync(SEED, 'utf8');
  const seedUri = pathToFileURL(SEED).href;
  const lines = seedText.split('\n');
  let session: Session;

  before(async () => {
    session = new Session();
    await session.initialize();
    await session.open(seedUri, seedText);
  });
  after(() => session?.dispose());

  it('publishes the five prose findings of seed 001 with the table and section findings', async () => {
    const published = await session.diagnostics(seedUri);
    assert.deepEqual(
      published.diagnostics.filter((d) => String(d.code).startsWith('narrative.')).map((d) => [d.code, d.range.start.line, d.severity]),
      [
        ['narrative.mismatch', 18, 2],
        ['narrative.mismatch', 24, 3],
        ['narrative.mismatch', 24, 3],
        ['narrative.placeholder', 640, 1],
        ['narrative.zero-claim', 640, 2],
      ],
    );
  });

  it('goes from a figure to its table cell, and from the cell back to the figures', async () => {
    // 行政复议4件 (line 25) speaks of table 3's 行政复议 总计, the `1` on line 577 ... and back.
    const line = 24;
    const character = lines[line].indexOf('行政复议4件') + '行政复议'.length;
    const definition = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: seedUri }, position: { line, character } })) as Location[];
    assert.equal(definition.length, 1);
    const cell = definition[0].range;
    // The fifth number of table 3: 行政复议 总计 (the first, also 1, is 结果维持).
    const total = analyze(seedText).report.tables.review!.rows[0].cells[4].span!;
    const index = new LineIndex(seedText);
    assert.deepEqual(cell, { start: index.position(total.start), end: index.position(total.end) });
    assert.equal(cell.start.line, 580);
    const references = (await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: seedUri },
      position: cell.start,
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(references.map((r) => [r.range.start.line, lines[r.range.start.line].slice(r.range.start.character, r.range.end.character)]), [[24, '4']]);
  });
});
