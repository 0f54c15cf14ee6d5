// The table preview's request (nianbao/tables) and the code lenses above the
// tables, through the bundled server over stdio. Build it first: `npm run build`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core';
import type { TablesResult } from '../../server/src/lsp/tables';
import { ROOT, Session, withTimeout } from './session';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/constructed/clean-2021.txt'), 'utf8');
const FAILING = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/011_hongze_2023_pdftext.txt'), 'utf8');
const uri = (name: string) => pathToFileURL(path.join(ROOT, 'test-output', name)).toString();

describe('tables request and code lenses', () => {
  let session: Session;
  before(async () => {
    session = new Session();
    const init = await session.initialize();
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
  });
  after(() => session?.dispose());

  const tables = (target: string) => withTimeout(session.connection.sendRequest<TablesResult | null>('nianbao/tables', { textDocument: { uri: target } }), 'nianbao/tables');
  const lenses = (target: string) => withTimeout(session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: target } }), 'codeLens') as Promise<CodeLens[]>;

  it('answers with the tables view, its spans as ranges of the version it read', async () => {
    const target = uri('tables-clean.nianbao');
    await session.open(target, CLEAN, 3);
    const result = await tables(target);
    assert.ok(result);
    assert.equal(result.uri, target);
    assert.equal(result.version, 3);
    assert.equal(result.format, '2021');
    assert.deepEqual(result.tables.map((t) => [t.id, t.relations.failing]), [['proactive', 0], ['requests', 0], ['review', 0]]);
    const fresh = result.tables[1].blocks[0].rows[0];
    const lines = new LineIndex(CLEAN);
    const at = CLEAN.indexOf('一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |');
    assert.deepEqual(fresh.labelRange, { start: lines.position(at), end: lines.position(at + 16) });
    const total = fresh.cells[6];
    assert.equal(total.text, '5');
    assert.deepEqual(total.range, { start: lines.position(at + 43), end: lines.position(at + 44) });
    assert.ok(!('span' in total) && !('labelSpan' in fresh), 'offsets are not sent');
  });

  it('answers null for a document it does not have', async () => {
    assert.equal(await tables(uri('never-opened.nianbao')), null);
  });

  it('puts a lens on the first line of each table: relations that hold, or how many fail', async () => {
    const clean = uri('lens-clean.nianbao');
    const failing = uri('lens-011.nianbao');
    await session.open(clean, CLEAN);
    await session.open(failing, FAILING);
    const titles = async (target: string) => (await lenses(target)).map((l) => l.command?.title);
    assert.deepEqual(await titles(clean), ['表一 · 表格预览', '勾稽关系 ✓', '勾稽关系 ✓']);
    assert.deepEqual(await titles(failing), ['表一 · 表格预览', '勾稽关系 ✓', '2 处勾稽关系不成立']);
    const [, , review] = await lenses(failing);
    const line = FAILING.slice(0, FAILING.indexOf('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0')).split('\n').length - 1;
    assert.deepEqual(review.range, { start: { line, character: 0 }, end: { line, character: 0 } });
    assert.deepEqual(review.command, { title: '2 处勾稽关系不成立', command: 'nianbao.showPreview', arguments: [failing, 'review'] });
  });

  it('in a yearbook, puts the lenses of each report on its own tables, each opening the preview at that table', async () => {
    const book = uri('lens-book.nianbao');
    const text = CLEAN.replace(/\n?$/, '\n') + FAILING;
    await session.open(book, text);
    const found = await lenses(book);
    assert.deepEqual(found.map((l) => l.command?.title), ['表一 · 表格预览', '勾稽关系 ✓', '勾稽关系 ✓', '表一 · 表格预览', '勾稽关系 ✓', '2 处勾稽关系不成立']);
    assert.deepEqual(found.map((l) => l.command?.arguments?.[1]), ['proactive-1', 'requests-1', 'review-1', 'proactive-2', 'requests-2', 'review-2']);
    const line = text.slice(0, text.lastIndexOf('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0')).split('\n').length - 1;
    assert.equal(found[5].range.start.line, line);
  });

  it('speaks the analysis language', async () => {
    const english = new Session();
    try {
      await english.initialize({ initializationOptions: { lang: 'en' } });
      const target = uri('lens-011-en.nianbao');
      await english.open(target, FAILING);
      const found = (await withTimeout(english.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: target } }), 'codeLens')) as CodeLens[];
      assert.deepEqual(found.map((l) => l.command?.title), ['Table 1 · table preview', 'relations hold ✓', '2 relations fail']);
      const result = await withTimeout(english.connection.sendRequest<TablesResult | null>('nianbao/tables', { textDocument: { uri: target } }), 'nianbao/tables');
      assert.equal(result?.lang, 'en');
      assert.equal(result!.tables[2].blocks[0].rows[0].cells[4].relations[0], '✗ total 0 ≠ 11 (10 + 1 + 0 + 0)');
    } finally {
      english.dispose();
    }
  });
});
