// Bad input for the language server (issue 7, robustness), through the bundled
// server over stdio: malformed params, unknown methods and documents,
// out-of-order versions, cancelled requests, a 20 MB document, random bytes.
// After each, the server must still answer; at the end it shuts down cleanly.
// Build it first: `npm run build`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  MessageType,
  ReferencesRequest,
  ResponseError,
  ShutdownRequest,
  type CancellationToken,
  type Diagnostic,
  type DocumentSymbol,
  type LogMessageParams,
  type Position,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, getCodeActions, ProofBudget } from '../../server/src/core';
import { AnalysisCache } from '../../server/src/lsp/cache';
import { DocumentSettings } from '../../server/src/lsp/config';
import { toDiagnostics, toDocumentSymbols } from '../../server/src/lsp/convert';
import { random } from '../fuzz/mutate';
import { ROOT, Session, withTimeout } from './session';

const read = (relative: string) => fs.readFileSync(path.join(ROOT, relative), 'utf8');
const EX003 = read('examples/003_12d5eeac63ddaf69.txt');
const EX004 = read('examples/004_164254f647ab523c.txt');
const CLEAN = read('test/fixtures/constructed/clean-2021.txt');
const uri = (name: string) => pathToFileURL(path.join(ROOT, 'test-output', 'robustness', name)).href;

function randomBytes(size: number, seed: number): Buffer {
  const rnd = random(seed);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(rnd() * 256);
  return bytes;
}

/**
 * What the server publishes for this text with its default settings (no
 * workspace/configuration): the same conversion, run here. The docs link is
 * left out: it points next to the bundle, which is not where the tests run.
 */
function expectedDiagnostics(target: string, version: number, text: string): Diagnostic[] {
  const document = TextDocument.create(target, 'nianbao', version, text);
  const defaults = new DocumentSettings(undefined, () => 'zh-CN');
  const entry = new AnalysisCache(analyze, (u) => defaults.current(u)).get(document);
  return json(withoutLinks(toDiagnostics(document, entry)));
}

function expectedSymbols(target: string, version: number, text: string): DocumentSymbol[] {
  const document = TextDocument.create(target, 'nianbao', version, text);
  const defaults = new DocumentSettings(undefined, () => 'zh-CN');
  return json(toDocumentSymbols(document, new AnalysisCache(analyze, (u) => defaults.current(u)).get(document)));
}

/** As it arrives over the wire: no `undefined` properties. */
function json<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function withoutLinks(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ codeDescription: _, ...rest }) => rest);
}

/** The error a request was answered with, or undefined when it was answered with a result. */
async function outcome<T>(request: Promise<T>, what: string): Promise<{ result?: T; error?: ResponseError<unknown> }> {
  try {
    return { result: await withTimeout(request, what) };
  } catch (error) {
    if (error instanceof ResponseError) return { error };
    throw error;
  }
}

/** What the server shows for `target` now: its outline, and the next diagnostics of `version` it publishes (or none within the wait). */
async function shown(session: Session, target: string, version: number): Promise<{ symbols: DocumentSymbol[]; diagnostics: Diagnostic[] | 'none published' }> {
  const symbols = (await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: target } }), 'documentSymbol')) as DocumentSymbol[];
  let diagnostics: Diagnostic[] | 'none published' = 'none published';
  try {
    diagnostics = withoutLinks((await session.diagnostics(target, (p: PublishDiagnosticsParams) => p.version === version)).diagnostics);
  } catch {
    // Timed out: nothing was published for this version.
  }
  return { symbols, diagnostics };
}

/**
 * Asserts that the server shows `text` at `version`: a summary first (the
 * outline's headings, the diagnostics' lines and codes), so that a failure
 * says plainly which text was shown; then everything.
 */
function assertShows(actual: Awaited<ReturnType<typeof shown>>, target: string, version: number, text: string, message: string): void {
  const outline = (symbols: DocumentSymbol[]) => symbols.flatMap((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]);
  const lines = (diagnostics: Diagnostic[] | 'none published') => (typeof diagnostics === 'string' ? diagnostics : diagnostics.map((d) => `${d.range.start.line} ${d.code}`));
  const expected = { symbols: expectedSymbols(target, version, text), diagnostics: expectedDiagnostics(target, version, text) };
  assert.deepEqual({ outline: outline(actual.symbols), diagnostics: lines(actual.diagnostics) }, { outline: outline(expected.symbols), diagnostics: lines(expected.diagnostics) }, message);
  assert.deepEqual(actual, expected, message);
}

describe('language server: bad input', () => {
  let session: Session;
  const logs: LogMessageParams[] = [];
  const report = uri('report.txt');

  /** The errors the server logged (window/logMessage) since `mark`, first lines only. */
  const errorsSince = (mark: number) => logs.slice(mark).filter((l) => l.type === MessageType.Error).map((l) => l.message.split('\n')[0]);

  /** A real request about a real document: the server is alive and answers correctly. */
  async function assertServing(): Promise<void> {
    assert.equal(session.child.exitCode, null, `the server exited: ${session.stderr}`);
    const symbols = (await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: report } }), 'documentSymbol')) as DocumentSymbol[];
    assert.deepEqual(symbols, expectedSymbols(report, 1, EX003));
  }

  before(async () => {
    session = new Session();
    session.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      logs.push(params);
    });
    await session.initialize();
    await session.open(report, EX003);
    const published = await session.diagnostics(report);
    assert.deepEqual(withoutLinks(published.diagnostics), expectedDiagnostics(report, 1, EX003));
  });
  after(() => session?.dispose());

  it('answers requests with malformed params, and keeps serving', async () => {
    const request = (method: string, params: unknown) => outcome(session.connection.sendRequest(method, params), method);
    // Null for a hover, [] for a list: the answer for "nothing here". A JSON-RPC InvalidParams error is also a clear answer.
    const nothing = (answer: { result?: unknown; error?: ResponseError<unknown> }, empty: unknown, what: string) => {
      if (answer.error) assert.equal(answer.error.code, ErrorCodes.InvalidParams, `${what}: ${answer.error.message}`);
      else assert.deepEqual(answer.result, empty, what);
    };
    const badPositions: unknown[] = [undefined, null, 'x', 5, {}, { line: 'a', character: null }, { line: -1, character: -1 }, { line: 1.5, character: NaN }];
    const badDocuments: unknown[] = [undefined, null, 42, 'file:///x.txt', {}, { uri: 42 }, { uri: null }, { uri: {} }];
    for (const textDocument of badDocuments) {
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references']) {
        const what = `${method} ${JSON.stringify({ textDocument })}`;
        nothing(await request(method, { textDocument, position: { line: 0, character: 0 } }), method === 'textDocument/hover' ? null : [], what);
      }
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens', 'textDocument/codeAction']) {
        nothing(await request(method, { textDocument }), [], `${method} ${JSON.stringify({ textDocument })}`);
      }
      nothing(await request('nianbao/tables', { textDocument }), null, `nianbao/tables ${JSON.stringify({ textDocument })}`);
    }
    for (const params of [{}, null, []]) {
      nothing(await request('textDocument/hover', params), null, `hover ${JSON.stringify(params)}`);
      nothing(await request('textDocument/documentSymbol', params), [], `documentSymbol ${JSON.stringify(params)}`);
    }
    // The open report with positions of the wrong type or out of range: nothing there, or what is at the clamped place.
    for (const position of badPositions) {
      const what = (method: string) => `${method} at ${JSON.stringify(position)}`;
      // A result may be null or the hover of the place the position is clamped to.
      const hover = await request('textDocument/hover', { textDocument: { uri: report }, position });
      if (hover.error) assert.equal(hover.error.code, ErrorCodes.InvalidParams, what('hover'));
      for (const method of ['textDocument/definition', 'textDocument/references']) {
        const answer = await request(method, { textDocument: { uri: report }, position, context: { includeDeclaration: true } });
        if (answer.error) assert.equal(answer.error.code, ErrorCodes.InvalidParams, what(method));
        else assert.ok(Array.isArray(answer.result), what(method));
      }
    }
    // A code action request without its context, or with garbage in it.
    for (const extra of [{}, { range: 'all' }, { range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, context: 'x' }, { range: null, context: { diagnostics: 'x' } }]) {
      const answer = await request('textDocument/codeAction', { textDocument: { uri: report }, ...extra });
      if (answer.error) assert.equal(answer.error.code, ErrorCodes.InvalidParams, JSON.stringify(extra));
      else assert.ok(Array.isArray(answer.result), JSON.stringify(extra));
    }
    // Positions far past the end are clamped, as LSP says.
    const far = await request('textDocument/hover', { textDocument: { uri: report }, position: { line: 1e9, character: 1e9 } });
    assert.equal(far.error, undefined);
    await assertServing();
  });

  it('survives malformed notifications, and checks nothing for a document whose URI is no string', async () => {
    const mark = logs.length;
    const notify = (method: string, params: unknown) => session.connection.sendNotification(method, params);
    await notify('textDocument/didOpen', {});
    await notify('textDocument/didOpen', { textDocument: { uri: 42, text: null } });
    await notify('textDocument/didChange', {});
    await notify('textDocument/didChange', { textDocument: { uri: report }, contentChanges: 'x' });
    await notify('textDocument/didChange', { textDocument: { uri: uri('never-opened.txt'), version: 2 }, contentChanges: [{ text: 'x' }] });
    await notify('textDocument/didClose', {});
    await notify('textDocument/didClose', { textDocument: { uri: uri('never-opened.txt') } });
    await notify('workspace/didChangeConfiguration', null);
    await notify('workspace/didChangeConfiguration', { settings: { nianbao: 'garbage' } });
    await notify('$/cancelRequest', {});
    await notify('$/cancelRequest', { id: 987654 });
    await notify('$/setTrace', { value: 'nonsense' });
    await notify('nianbao/doesNotExist', { anything: [1, 2, 3] });
    await assertServing();
    // A check scheduled by the malformed open runs within 10 ms. (The protocol library logs the malformed notifications.)
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(errorsSince(mark).filter((e) => e.startsWith('diagnostics ')), [], 'no check failed');
  });

  it('answers an unknown method with MethodNotFound, then the next request as usual', async () => {
    const mark = logs.length;
    const unknown = await outcome(session.connection.sendRequest('nianbao/doesNotExist', { textDocument: { uri: report } }), 'nianbao/doesNotExist');
    assert.ok(unknown.error, `an error, not ${JSON.stringify(unknown.result)}`);
    assert.equal(unknown.error.code, ErrorCodes.MethodNotFound);
    const noParams = await outcome(session.connection.sendRequest('textDocument/notAFeature'), 'textDocument/notAFeature');
    assert.equal(noParams.error?.code, ErrorCodes.MethodNotFound);
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('answers requests about documents it does not have with null or []', async () => {
    const mark = logs.length;
    const closed = uri('closed.txt');
    await session.open(closed, CLEAN);
    await session.diagnostics(closed);
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closed } });
    assert.deepEqual((await session.diagnostics(closed)).diagnostics, []);

    const position = { line: 0, character: 0 };
    const range = { start: position, end: { line: 3, character: 0 } };
    for (const target of [uri('unknown.txt'), closed, 'untitled:Untitled-1', 'not a uri', '', report.toUpperCase()]) {
      const textDocument = { uri: target };
      const send = <R>(p: Promise<R>, what: string) => withTimeout(p, `${what} ${target}`);
      assert.deepEqual(await send(session.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), 'codeAction'), [], target);
      assert.deepEqual(await send(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'documentSymbol'), [], target);
      assert.deepEqual(await send(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), 'foldingRange'), [], target);
      assert.equal(await send(session.connection.sendRequest(HoverRequest.type, { textDocument, position }), 'hover'), null, target);
      assert.deepEqual(await send(session.connection.sendRequest(DefinitionRequest.type, { textDocument, position }), 'definition'), [], target);
      assert.deepEqual(await send(session.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }), 'references'), [], target);
      assert.deepEqual(await send(session.connection.sendRequest(CodeLensRequest.type, { textDocument }), 'codeLens'), [], target);
      assert.equal(await send(session.connection.sendRequest('nianbao/tables', { textDocument }), 'nianbao/tables'), null, target);
    }
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('publishes diagnostics of the final text when versions go down, and after a full-text change following incremental ones', async () => {
    const mark = logs.length;
    const target = uri('versions.txt');
    // The editor's view of the document: the same changes applied here give the text the server must check.
    let local = TextDocument.create(target, 'nianbao', 10, EX003);
    await session.open(target, EX003, 10);
    assert.deepEqual(withoutLinks((await session.diagnostics(target, (p) => p.version === 10)).diagnostics), expectedDiagnostics(target, 10, EX003));

    const change = async (version: number, contentChanges: TextDocumentContentChangeEvent[]) => {
      local = TextDocument.update(local, contentChanges, version);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version }, contentChanges });
      const published = await session.diagnostics(target, (p) => p.version === version);
      assert.deepEqual(withoutLinks(published.diagnostics), expectedDiagnostics(target, version, local.getText()), `version ${version}`);
      const symbols = await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: target } }), 'documentSymbol');
      assert.deepEqual(symbols, expectedSymbols(target, version, local.getText()), `symbols of version ${version}`);
    };
    const at = (line: number, character = 0): Position => ({ line, character });

    // Lower than the current version (10): the count claim 五 → 六.
    const claimLine = EX003.split('\n')[1];
    const five = claimLine.indexOf('五');
    assert.ok(five >= 0);
    await change(7, [{ range: { start: at(1, five), end: at(1, five + 1) }, text: '六' }]);
    // Lower again, several incremental changes in one notification, applied in order.
    await change(3, [
      { range: { start: at(9), end: at(9) }, text: '前言\n' },
      { range: { start: at(0), end: at(1) }, text: '' },
      { range: { start: at(500), end: at(500) }, text: '\n附件\n' },
    ]);
    // Incremental changes, then the full text, then one more incremental change on the new text.
    await change(4, [{ range: { start: at(2), end: at(3) }, text: '' }, { text: EX004 }, { range: { start: at(0), end: at(0) }, text: '\r\n' }]);
    // Up again past every version seen, with a full-text change after an incremental one.
    await change(11, [{ range: { start: at(0), end: at(2) }, text: 'x' }, { text: CLEAN }]);
    assert.equal(local.getText(), CLEAN);
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('a document opened again without being closed, at the same version with other text: the new text is checked', async () => {
    const target = uri('reopened.txt');
    await session.open(target, EX003, 1);
    assert.deepEqual(withoutLinks((await session.diagnostics(target)).diagnostics), expectedDiagnostics(target, 1, EX003));
    // Not allowed by the protocol (no didClose in between), but the server keeps the text it was sent last.
    await session.open(target, CLEAN, 1);
    assertShows(await shown(session, target, 1), target, 1, CLEAN, 'the text opened last (clean-2021), not the text opened first (003)');
    await assertServing();
  });

  it('answers a cancelled request with its result or RequestCancelled, then the next request', async () => {
    const mark = logs.length;
    const target = uri('cancel.txt');
    const long = EX003.repeat(30);
    await session.open(target, long);
    const textDocument = { uri: target };
    const position = { line: 2, character: 1 };
    const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const requests: [string, unknown][] = [
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
      ['textDocument/codeLens', { textDocument }],
      ['nianbao/tables', { textDocument }],
      ['nianbao/doesNotExist', { textDocument }],
    ];
    for (const [method, params] of requests) {
      // First as it is answered without cancelling, then cancelled right after sending.
      const plain = await outcome(session.connection.sendRequest(method, params), method);
      for (let i = 0; i < 3; i++) {
        const source = new CancellationTokenSource();
        const pending = session.connection.sendRequest(method, params, source.token);
        source.cancel();
        const cancelled = await outcome(pending, `cancelled ${method}`);
        if (cancelled.error && cancelled.error.code === LSPErrorCodes.RequestCancelled) continue;
        // Not cancelled in time: then the answer is the one it would have been.
        assert.deepEqual(cancelled.error?.code, plain.error?.code, method);
        assert.deepEqual(cancelled.result, plain.result, method);
      }
    }
    // Cancelled while the document has just changed (the analysis not made yet), then a request for it.
    for (let version = 2; version < 5; version++) {
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }] });
      const source = new CancellationTokenSource();
      const pending = session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }, source.token);
      source.cancel();
      const cancelled = await outcome(pending, 'cancelled documentSymbol');
      if (cancelled.error) assert.equal(cancelled.error.code, LSPErrorCodes.RequestCancelled);
      const text = '\n'.repeat(version - 1) + long;
      assert.deepEqual(await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'documentSymbol'), expectedSymbols(target, version, text));
    }
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('stops proving suggestions when a code-action request is cancelled, or when its document changes', async () => {
    const mark = logs.length;
    const target = uri('cancel-proofs.txt');
    // Thirty copies of 003: some thirty suggestions over the whole text, each proven by analysing it again.
    const long = EX003.repeat(30);
    const textDocument = { uri: target };
    const everything = { start: { line: 0, character: 0 }, end: { line: long.split('\n').length, character: 0 } };
    const codeActions = (token?: CancellationToken) => session.connection.sendRequest(CodeActionRequest.type, { textDocument, range: everything, context: { diagnostics: [] } }, token);
    const change = (version: number) =>
      session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }] });
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await session.open(target, long);
    await session.diagnostics(target, (p) => p.version === 1);
    // Cancelled once the server is proving (the first proof alone takes longer than the wait).
    const source = new CancellationTokenSource();
    const cancelled = outcome(codeActions(source.token), 'cancelled codeAction');
    await later(30);
    source.cancel();
    assert.equal((await cancelled).error?.code, LSPErrorCodes.RequestCancelled);
    // The document changes while its suggestions are proven: the answer would be for text that is gone.
    await change(2);
    await session.diagnostics(target, (p) => p.version === 2);
    const outdated = outcome(codeActions(), 'codeAction over a changed document');
    await later(30);
    await change(3);
    assert.equal((await outdated).error?.code, LSPErrorCodes.ContentModified);
    // Asked and left alone, the same request is answered, with proven suggestions among its actions.
    await session.diagnostics(target, (p) => p.version === 3);
    const answer = (await withTimeout(codeActions(), 'codeAction')) ?? [];
    const text = '\n\n' + long;
    const analysis = analyze(text);
    const proven = getCodeActions(analysis, { start: 0, end: text.length }, new ProofBudget(2_000_000)).filter((a) => a.finding !== undefined && analysis.findings[a.finding].fixes.some((f) => f.title === a.title && f.safety === 'suggestion'));
    assert.ok(proven.length > 0);
    const titles = new Set(answer.map((a) => a.title));
    assert.deepEqual(proven.filter((a) => !titles.has(a.title)), [], 'every proven suggestion offered');
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('gives a 20 MB document exactly one report.too-large diagnostic with the default settings', async () => {
    const mark = logs.length;
    const target = uri('big.txt');
    const reports = fs.readdirSync(path.join(ROOT, 'examples')).sort().map((f) => read(path.join('examples', f))).join('\n');
    // The seed reports over and over, cut to 20,000,000 bytes of UTF-8 at a character boundary.
    const bytes = Buffer.from(reports.repeat(Math.ceil(20_000_000 / Buffer.byteLength(reports))));
    let end = 20_000_000;
    while ((bytes[end] & 0xc0) === 0x80) end--;
    const big = bytes.subarray(0, end).toString('utf8');
    assert.ok(Buffer.byteLength(big) > 19_999_990 && big.length > 5_000_000);
    await session.open(target, big);
    const published = await session.diagnostics(target);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['report.too-large', 3 /* Information */]]);
    assert.deepEqual(withoutLinks(published.diagnostics), expectedDiagnostics(target, 1, big));
    // Its features answer quickly with nothing.
    const textDocument = { uri: target };
    assert.deepEqual(await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'documentSymbol'), []);
    assert.deepEqual(await withTimeout(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), 'foldingRange'), []);
    // Made small, it is checked again in full.
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version: 2 }, contentChanges: [{ text: EX003 }] });
    assert.deepEqual(withoutLinks((await session.diagnostics(target, (p) => p.version === 2)).diagnostics), expectedDiagnostics(target, 2, EX003));
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
    assert.deepEqual((await session.diagnostics(target, (p) => p.version === undefined)).diagnostics, []);
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('checks a few KB of random bytes decoded as text, and answers every request about it', async () => {
    const mark = logs.length;
    const decodings: [string, (bytes: Buffer) => string][] = [
      ['utf-8', (b) => new TextDecoder('utf-8').decode(b)],
      ['latin1', (b) => b.toString('latin1')],
      // Lone surrogates too: text that is not even well-formed UTF-16.
      ['utf-16le', (b) => b.toString('utf16le')],
      ['gbk', (b) => new TextDecoder('gbk').decode(b)],
    ];
    for (const [seed, size] of [[1, 2048], [2, 4096], [3, 8192]]) {
      for (const [name, decode] of decodings) {
        const text = decode(randomBytes(size, seed));
        const target = uri(`random-${seed}-${name}.txt`);
        await session.open(target, text);
        const published = await session.diagnostics(target);
        assert.deepEqual(withoutLinks(published.diagnostics), expectedDiagnostics(target, 1, text), `${name} ${seed}`);
        assert.ok(!published.diagnostics.some((d) => d.code === 'internal.error'), `${name} ${seed}: no check failed`);
        const textDocument = { uri: target };
        const lines = text.split(/\r\n|\r|\n/).length;
        const rnd = random(seed * 31);
        for (let i = 0; i < 5; i++) {
          const line = Math.floor(rnd() * lines);
          const position = { line, character: Math.floor(rnd() * 40) };
          const range = { start: { line: 0, character: 0 }, end: position };
          const send = <R>(p: Promise<R>, what: string) => withTimeout(p, `${what} ${name} ${seed}`);
          await send(session.connection.sendRequest(HoverRequest.type, { textDocument, position }), 'hover');
          assert.ok(Array.isArray(await send(session.connection.sendRequest(DefinitionRequest.type, { textDocument, position }), 'definition')));
          assert.ok(Array.isArray(await send(session.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }), 'references')));
          assert.ok(Array.isArray(await send(session.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: published.diagnostics } }), 'codeAction')));
        }
        assert.deepEqual(await withTimeout(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'documentSymbol'), expectedSymbols(target, 1, text));
        assert.ok(Array.isArray(await withTimeout(session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), 'foldingRange')));
        assert.ok(Array.isArray(await withTimeout(session.connection.sendRequest(CodeLensRequest.type, { textDocument }), 'codeLens')));
        assert.ok(await withTimeout(session.connection.sendRequest('nianbao/tables', { textDocument }), 'nianbao/tables'));
        await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
        await session.diagnostics(target, (p) => p.diagnostics.length === 0 && p.version === undefined);
      }
    }
    await assertServing();
    assert.deepEqual(errorsSince(mark), [], 'nothing logged as an error');
  });

  it('after all of it, shuts down and exits with 0', async () => {
    assert.equal(await withTimeout(session.connection.sendRequest(ShutdownRequest.type), 'shutdown'), null);
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await withTimeout(session.exited, 'the server to exit'), 0);
    assert.doesNotMatch(session.stderr, /Error|at .*\(/, session.stderr);
  });
});

describe('language server: changes that arrive while it waits for the settings', () => {
  // The client answers workspace/configuration only when the test lets it. A
  // change of configuration makes the server ask again before it publishes,
  // so the changes below reach it with no analysis in between —
  // deterministically, without sleeping.
  let session: Session;
  let held: (() => void) | undefined;
  let hold = false;
  let asked: (() => void) | undefined;

  before(async () => {
    session = new Session(() => null);
    // Replaces the session's own handler: the same answer (defaults), when released.
    session.connection.onRequest(ConfigurationRequest.type, async (params) => {
      asked?.();
      if (hold) await new Promise<void>((resolve) => (held = resolve));
      return params.items.map(() => null);
    });
    await session.initialize();
  });
  after(() => {
    held?.();
    session?.dispose();
  });

  /** Opens `target` at `version` with 003, holds the settings, sends `changes`, lets the settings go. */
  async function whileHeld(target: string, version: number, changes: [number, string][]): Promise<void> {
    hold = false;
    await session.open(target, EX003, version);
    assert.deepEqual(withoutLinks((await session.diagnostics(target, (p) => p.version === version)).diagnostics), expectedDiagnostics(target, version, EX003));
    hold = true;
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { nianbao: {} } });
    await withTimeout(wasAsked, 'workspace/configuration');
    for (const [v, text] of changes) {
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version: v }, contentChanges: [{ text }] });
    }
    // The changes are handled once a later request is answered: messages are handled in order.
    assert.equal(await withTimeout(session.connection.sendRequest('nianbao/tables', { textDocument: { uri: uri('nothing.txt') } }), 'nianbao/tables'), null);
    hold = false;
    held?.();
  }

  it('versions going down (5, then 4, then 3): the diagnostics and outline of the final text', async () => {
    const target = uri('held-lower.txt');
    await whileHeld(target, 5, [[4, EX004], [3, CLEAN]]);
    assertShows(await shown(session, target, 3), target, 3, CLEAN, 'the final text (clean-2021) at version 3');
  });

  it('a version number used again with other text (5, then 4, then 5): the diagnostics and outline of the text now open', async () => {
    const target = uri('held-reused.txt');
    await whileHeld(target, 5, [[4, EX004], [5, CLEAN]]);
    assertShows(await shown(session, target, 5), target, 5, CLEAN, 'the text now open (clean-2021), not the text it had before at the same version number (003)');
  });

  it('shuts down and exits with 0', async () => {
    assert.equal(await withTimeout(session.connection.sendRequest(ShutdownRequest.type), 'shutdown'), null);
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await withTimeout(session.exited, 'the server to exit'), 0);
  });
});
