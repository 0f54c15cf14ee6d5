// Published PDFs (test/fixtures/pdf/, the PDFs of corpus reports 010–012): read
// through pdf.js — items into lines by position, cells apart by their gaps, page
// numbers dropped — they give the findings of their text twins, located by page
// and line. Files with no text, a password, or too large are said so by name.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { ROOT } from '../helpers';
import { runCli } from './run';

// The bundle that ships (pdf.js with the canvas left out, the CMaps beside it), not the sources.
const { extractPdf, MAX_PDF_BYTES } = require(path.join(ROOT, 'dist', 'pdf.js')) as typeof import('../../server/src/files/pdf');

const PDFS: Record<string, string> = {
  '010_huaian_2024': '010_huaian_2024_pdftext',
  '011_hongze_2023': '011_hongze_2023_pdftext',
  '012_hongze_2024': '012_hongze_2024_tab',
};
const fixture = (name: string) => path.join(ROOT, 'test/fixtures/pdf', name);
const twin = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', `${name}.txt`), 'utf8');
const described = (text: string) => analyze(text).findings.map((f) => `${f.severity} ${f.code} ${f.message}`);

async function read(name: string) {
  const result = await extractPdf(fixture(name));
  assert.ok(result.ok, JSON.stringify(result));
  return result.extracted;
}

describe('published PDFs', () => {
  for (const [name, text] of Object.entries(PDFS)) {
    test(`${name}: the findings of its text twin`, async () => {
      const { text: fromPdf } = await read(`${name}.pdf`);
      assert.deepEqual(described(fromPdf), described(twin(text)));
    });
  }

  test('011: the two table-3 errors and the label typo, and nothing else', async () => {
    const findings = analyze((await read('011_hongze_2023.pdf')).text).findings.map((f) => `${f.severity} ${f.code}`);
    assert.deepEqual(findings, ['hint table.label-variant', 'error table.review-total', 'error table.review-total']);
  });

  test('cells apart by their gaps: a table row is one line of tab-separated cells; page numbers are gone', async () => {
    const { text, places, pages } = await read('011_hongze_2023.pdf');
    assert.equal(pages, 5);
    const lines = text.split('\n');
    // Read by its ruled cells, as Word's row reads: the blank cell of the merged group column before the label.
    assert.ok(lines.includes('\t（七）总计\t21\t0\t0\t0\t0\t0\t21'), lines.filter((l) => l.includes('总计')).join('\n'));
    assert.ok(!lines.some((l) => /^-\s*\d+\s*-$/.test(l)), 'a page number is left');
    // Every line has its place, pages in order and lines counted within each page.
    assert.equal(places.length, lines.length - 1);
    assert.deepEqual(places[0], { page: 1, line: 1 });
    for (let i = 1; i < places.length; i++) {
      const [a, b] = [places[i - 1], places[i]];
      assert.ok(b.page === a.page ? b.line === a.line + 1 : b.page === a.page + 1 && b.line === 1, `${i}: ${JSON.stringify([a, b])}`);
    }
  });

  test('the CLI: located by page and line, and in brackets in the text read; JSON and SARIF carry both', () => {
    const file = 'test/fixtures/pdf/011_hongze_2023.pdf';
    const text = runCli(['check', '--lang', 'zh-CN', file]);
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /^test\/fixtures\/pdf\/011_hongze_2023\.pdf:第4页 第\d+行 \[\d+:\d+\]  error  table\.review-total/m);
    const english = runCli(['check', '--lang', 'en', file]);
    assert.match(english.stdout, /011_hongze_2023\.pdf:page 4, line \d+ \[\d+:\d+\]  error/);
    const json = JSON.parse(runCli(['check', '--format', 'json', file]).stdout);
    const d = json.files[0].diagnostics.find((x: { code: string }) => x.code === 'table.review-total');
    assert.equal(d.source.page, 4);
    assert.ok(d.source.line >= 1, JSON.stringify(d));
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', file]).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'table.review-total');
    assert.equal(result.locations[0].physicalLocation.region, undefined);
    assert.deepEqual(result.properties['nianbao/source'], d.source);
    assert.equal(result.properties['nianbao/textRegion'].startLine, d.range.start.line + 1);
  });

  test('a folder: its PDFs are checked with the text files', () => {
    const run = runCli(['check', '--format', 'json', 'test/fixtures/pdf']);
    assert.equal(run.status, 2, run.stderr); // the image-only and the encrypted fixtures cannot be checked
    const files = JSON.parse(run.stdout).files.map((f: { path: string }) => path.basename(f.path));
    assert.deepEqual(files, ['010_huaian_2024.pdf', '011_hongze_2023.pdf', '012_hongze_2024.pdf', ...Object.keys(WORD).sort().map((f) => `${f}.pdf`)]);
  });
});

// Word → PDF as offices make them (LibreOffice from Word documents of test/docx.ts; SOURCES.md): each gives the
// findings of the Word document it was made from, rebuilt here from the same text report.
const WORD: Record<string, string> = {
  'word_clean-2021_headfoot': 'test/fixtures/constructed/clean-2021.txt',
  word_004_prose: 'examples/004_164254f647ab523c.txt',
  'word_104_double-border': 'test/fixtures/corpus2/104_pingtan_gongan_2021_flat.txt',
  word_010_narrow: 'test/fixtures/corpus/010_huaian_2024_pdftext.txt',
};

describe('Word documents printed to PDF', () => {
  const { extractDocx } = require(path.join(ROOT, 'dist', 'docx.js')) as typeof import('../../server/src/files/docx');
  const { reportAsDocx } = require('../docx') as typeof import('../docx');

  for (const [name, source] of Object.entries(WORD)) {
    test(`${name}: the findings of its Word document`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-word-'));
      const docx = path.join(dir, `${name}.docx`);
      fs.writeFileSync(docx, await reportAsDocx(fs.readFileSync(path.join(ROOT, source), 'utf8')));
      const word = await extractDocx(docx);
      assert.ok(word.ok, JSON.stringify(word));
      assert.deepEqual(described((await read(`${name}.pdf`)).text), described(word.extracted.text));
    });
  }

  test('ruled cells: a label wrapped over lines beside numbers centred (and a total top-aligned) in their cells is one row', async () => {
    const lines = (await read('word_clean-2021_headfoot.pdf')).text.split('\n');
    assert.ok(lines.includes('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1'), lines.join('\n'));
    assert.ok(lines.includes('\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0'));
    // The running header (the office) and the footer 第 N 页 共 M 页 are dropped.
    assert.ok(!lines.some((l) => /办公室$|^第\s*\d+\s*页/.test(l)), lines.join('\n'));
  });

  test('a double border is one edge: the cell under it is not cut in two', async () => {
    const lines = (await read('word_104_double-border.pdf')).text.split('\n');
    assert.ok(lines.includes('四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1'), lines.filter((l) => l.includes('结转下年度')).join('\n'));
  });

  test('a number wrapped in a narrow cell is one number', async () => {
    const lines = (await read('word_010_narrow.pdf')).text.split('\n');
    assert.ok(lines.includes('\t（七）总计\t2932\t53\t0\t0\t61\t4\t3050'), lines.filter((l) => l.includes('总计')).join('\n'));
  });

  test('a paragraph wrapped by the page is one line; a line opening with a heading numeral is not joined', async () => {
    const lines = (await read('word_004_prose.pdf')).text.split('\n');
    const body = lines.find((l) => l.startsWith('2024 年,****分局认真贯彻'));
    assert.ok(body && body.length > 60, lines.slice(0, 6).join('\n'));
    assert.ok(lines.some((l) => l.startsWith('(一)主动公开情况。')));
  });
});

describe('PDFs that cannot be checked are said so, by name', () => {
  const cli = (file: string, cwd?: string) => runCli(['check', '--lang', 'en', file], cwd ? { cwd } : {});

  test('no text layer (a scan): said, never zero findings in silence', () => {
    const run = cli('test/fixtures/pdf/image-only.pdf');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'nianbao: test/fixtures/pdf/image-only.pdf: the PDF file has no text layer (a scan or images) and cannot be checked; run text recognition (OCR) first\n');
  });

  test('an open password', () => {
    const run = cli('test/fixtures/pdf/encrypted.pdf');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'nianbao: test/fixtures/pdf/encrypted.pdf: the PDF file is password-protected; its text cannot be read\n');
  });

  test('not a PDF, a truncated PDF, and one over the size limit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-pdf-'));
    fs.writeFileSync(path.join(dir, 'fake.pdf'), '这不是 PDF');
    const fake = cli('fake.pdf', dir);
    assert.equal(fake.status, 2);
    assert.equal(fake.stderr, 'nianbao: fake.pdf: not a readable PDF file\n');

    // Half a published PDF: its cross-reference table is gone. What pdf.js recovers is checked; nothing throws.
    const bytes = fs.readFileSync(fixture('011_hongze_2023.pdf'));
    fs.writeFileSync(path.join(dir, 'half.pdf'), bytes.subarray(0, bytes.length >> 1));
    const half = cli('half.pdf', dir);
    assert.ok(half.status === 0 || half.status === 1 || half.status === 2, half.stderr);
    assert.doesNotMatch(half.stderr, /at .*\.js:\d+/);

    // A sparse 100 MB file: refused by its size before it is read.
    const large = path.join(dir, 'large.pdf');
    fs.writeFileSync(large, '%PDF-1.4\n');
    fs.truncateSync(large, 100 * 1024 * 1024);
    assert.ok(fs.statSync(large).size > MAX_PDF_BYTES);
    const big = cli('large.pdf', dir);
    assert.equal(big.status, 2);
    assert.equal(big.stderr, 'nianbao: large.pdf: the PDF file is larger than 50 MB and was not read\n');
    assert.deepEqual(await extractPdf(large), { ok: false, reason: 'tooLarge' });
  });
});
