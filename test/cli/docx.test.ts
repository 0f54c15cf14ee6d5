// Word documents: the official template of the 2021 format filled with each real
// report's numbers and prose (test/docx.ts) is checked through the CLI as a .docx,
// and gives the findings of the report's text — the arithmetic exactly, nothing
// the text does not have — located in Word's terms (paragraph, table, row, cell).
// Bad files: a truncated document, a zip bomb, a file too large.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import JSZip from 'jszip';
import { inflatesWithin } from '../../server/src/files/docx';
import { reportAsDocx, TEMPLATE } from '../docx';
import { runCli, type JsonFile } from './run';

const ROOT = path.resolve(__dirname, '../../..');
const REPORTS = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2', 'test/fixtures/constructed'].flatMap((dir) =>
  fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f)),
);
const ARITHMETIC = /^table\.(row-total|results-total|balance|review-total)$/;
const SECTION_CHECKS = /^section\.(missing|misnumbered|order|duplicate)$/;

let tmp: string;
const checked = (file: string): JsonFile => JSON.parse(runCli(['check', '--format', 'json', '--lang', 'zh-CN', file], { cwd: ROOT }).stdout).files[0];
const said = (f: JsonFile) => f.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);

/** Whether the template can state the report's tables: the 2021 format, (六) with its sub-rows, every row read, its sections in place. */
function fits(text: string): string | undefined {
  const analysis = analyze(text);
  const { report } = analysis;
  if (report.format.format !== '2021') return 'the 2019 format';
  if (!report.tables.requests?.rowDefs.some((d) => d.id === 'otherHandling.other')) return '（六）其他处理 without its sub-rows';
  if (Object.values(report.tables).some((t) => t?.rows.some((r) => r.unread))) return 'rows the text could not read';
  if (analysis.findings.some((f) => SECTION_CHECKS.test(f.code))) return 'sections missing or out of place';
  if (analysis.findings.some((f) => f.code === 'table.missing-row')) return 'rows missing from the text (the template has them all)';
  return undefined;
}

describe('Word documents made from the official template', () => {
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-docx-'))));

  test('the empty template: every row of tables 1 and 2 is said to be empty, located by table, row and cell; table 3, with no numbers, is not found', () => {
    const file = checked(TEMPLATE);
    const empty = file.diagnostics.filter((d) => d.code === 'table.cell-empty');
    assert.equal(empty.length, 6 + 25);
    assert.deepEqual(file.diagnostics.filter((d) => d.code !== 'table.cell-empty').map((d) => d.code), ['table.missing']);
    assert.deepEqual(empty[0].source, { table: 1, row: 3, cell: 1 });
  });

  test('every real report the template can state: the arithmetic of its text exactly, and no error or warning the text does not have', async () => {
    let covered = 0;
    for (const report of REPORTS) {
      const text = fs.readFileSync(path.join(ROOT, report), 'utf8');
      if (fits(text)) continue;
      const docx = path.join(tmp, path.basename(report, '.txt') + '.docx');
      fs.writeFileSync(docx, await reportAsDocx(text));
      const fromWord = checked(docx);
      const fromText = checked(report);
      const arithmetic = (f: JsonFile) => said(f).filter((s) => ARITHMETIC.test(s.split(' ')[1]));
      assert.deepEqual(arithmetic(fromWord), arithmetic(fromText), report);
      const serious = (f: JsonFile) => said(f).filter((s) => /^(error|warning) /.test(s));
      assert.deepEqual(serious(fromWord).filter((s) => !serious(fromText).includes(s)), [], report);
      covered++;
    }
    assert.ok(covered >= 10, `${covered} reports`);
  });

  test('a report with broken totals (corpus2 129) as Word: its three errors, each at its table, row and cell', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus2/129_pingtan_ziran_2023_tab.txt'), 'utf8');
    const docx = path.join(tmp, '129.docx');
    fs.writeFileSync(docx, await reportAsDocx(text));
    const run = runCli(['check', '--lang', 'zh-CN', docx]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /129\.docx:第2个表格 第\d+行 第\d+列 \[\d+:\d+\]  error  table\.row-total/);
    assert.match(run.stdout, /3 个错误/);
  });

  test('bad Word files: truncated, a zip bomb, not a zip — each named with what is wrong, exit 2', () => {
    const bytes = fs.readFileSync(TEMPLATE);
    fs.writeFileSync(path.join(tmp, 'truncated.docx'), bytes.subarray(0, bytes.length >> 1));
    fs.writeFileSync(path.join(tmp, 'text.docx'), '这不是 Word 文档');
    // A zip whose central directory declares one part of 4 GB: refused before anything is inflated.
    const bomb = Buffer.from(bytes);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = bomb.readUInt32LE(eocd + 16);
    bomb.writeUInt32LE(0xffffffff, central + 24);
    fs.writeFileSync(path.join(tmp, 'bomb.docx'), bomb);
    const run = runCli(['check', '--lang', 'en', 'bomb.docx', 'text.docx', 'truncated.docx'], { cwd: tmp });
    assert.equal(run.status, 2);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines[0], 'nianbao: bomb.docx: the Word document unpacks to more than 200 MB (a zip bomb?) and was not read');
    assert.equal(lines[1], 'nianbao: text.docx: not a readable Word (.docx) document');
    assert.equal(lines[2], 'nianbao: truncated.docx: not a readable Word (.docx) document');
  });

  test('a zip that declares small sizes but unpacks to more is refused by really inflating it, with a cap', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(TEMPLATE));
    zip.file('word/media/filler.bin', Buffer.alloc(2 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Every entry's declared size says one byte.
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = bytes.readUInt32LE(eocd + 16);
    for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
      bytes.writeUInt32LE(1, at + 24);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    assert.equal(inflatesWithin(bytes, 1024 * 1024), false);
    assert.equal(inflatesWithin(bytes, 4 * 1024 * 1024), true);
    assert.equal(inflatesWithin(fs.readFileSync(TEMPLATE), 1024 * 1024), true);
  });
});
