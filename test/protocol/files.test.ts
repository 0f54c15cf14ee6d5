// The editor's read-only view of a file that is not text: the client asks the
// server for its text (`nianbao/readFile`) and opens it under the `nianbao-file`
// scheme; each diagnostic of the view says where it is in the file too. A file
// that cannot be checked is answered with why.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { encodeGb18030 } from '../helpers';
import { ROOT, Session } from './session';

const READ_FILE = 'nianbao/readFile';
type ReadFileResult = { ok: true; text: string } | { ok: false; message: string };
const viewOf = (file: string) => `nianbao-file:${pathToFileURL(file).pathname}.nianbao?${encodeURIComponent(pathToFileURL(file).href)}`;

describe('views of files that are not text', () => {
  const session = new Session();
  after(() => session.dispose());

  async function check(file: string) {
    const document = viewOf(file);
    const read = (await session.connection.sendRequest(READ_FILE, { source: pathToFileURL(file).href, document })) as ReadFileResult;
    assert.ok(read.ok, JSON.stringify(read));
    await session.open(document, read.text);
    return (await session.diagnostics(document)).diagnostics;
  }

  it('a PDF: its findings, each with its page and line', async () => {
    await session.initialize();
    const diagnostics = await check(path.join(ROOT, 'test/fixtures/pdf/011_hongze_2023.pdf'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['table.label-variant', 'table.review-total', 'table.review-total']);
    assert.match(String(diagnostics[1].message), /^行政复议总计 0 ≠ .*（原文件：第4页 第\d+行）$/);
  });

  it('a saved page: its findings, each with its line and column in the page', async () => {
    const diagnostics = await check(path.join(ROOT, 'test/fixtures/html/129_pingtan_ziran_2023_tab.html'));
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) assert.match(String(d.message), /（原文件：第\d+行 第\d+列）$/, String(d.message));
  });

  it('a GB18030 text file: decoded, and said so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-view-'));
    const file = path.join(dir, 'report.txt');
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/constructed/clean-2021.txt'), 'utf8');
    fs.writeFileSync(file, encodeGb18030(text));
    const diagnostics = await check(file);
    assert.deepEqual(diagnostics.map((d) => d.code), ['report.encoding']);
  });

  it('a file that cannot be checked is answered with why', async () => {
    const scan = path.join(ROOT, 'test/fixtures/pdf/image-only.pdf');
    const read = (await session.connection.sendRequest(READ_FILE, { source: pathToFileURL(scan).href, document: viewOf(scan) })) as ReadFileResult;
    assert.deepEqual(read, { ok: false, message: 'PDF 文件没有文字层（扫描件或图片），无法检查；请先做文字识别（OCR）' });
    const none = (await session.connection.sendRequest(READ_FILE, { source: pathToFileURL(path.join(ROOT, 'README.md')).href, document: 'nianbao-file:/x' })) as ReadFileResult;
    assert.deepEqual(none, { ok: false, message: '文件中没有找到年度报告的内容' });
    const bad = (await session.connection.sendRequest(READ_FILE, { source: 42, document: null })) as ReadFileResult;
    assert.equal(bad.ok, false);
  });
});
