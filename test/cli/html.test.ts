// Saved web pages (the page source of four published reports, test/fixtures/html/):
// read through their elements, their tables cell by cell, they give the findings of
// their text twins (test/fixtures/corpus2/), located in the page too — and where the
// crawler's text ran digits together, the page's cells are not ambiguous.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { extractHtml } from '../../server/src/files/html';
import { runCli } from './run';

const ROOT = path.resolve(__dirname, '../../..');
const PAGES = ['101_pingtan_caijin_2022_flat', '105_pingtan_gongan_2024_flat', '111_pingtan_shehui_2023_flat', '129_pingtan_ziran_2023_tab'];
const page = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/html', `${name}.html`), 'utf8');
const twin = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus2', `${name}.txt`), 'utf8');
const described = (text: string) => analyze(text).findings.map((f) => `${f.severity} ${f.code} ${f.message}`);

describe('saved web pages', () => {
  for (const name of PAGES) {
    test(`${name}: the findings of its text twin`, () => {
      const fromPage = described(extractHtml(page(name)).text);
      let expected = described(twin(name));
      // 111: the crawler ran 规范性文件's cells together (2120: 2/1/20, 2/12/0 or 21/2/0); the page's cells say 2, 12, 0.
      if (name === '111_pingtan_shehui_2023_flat') expected = expected.filter((f) => !f.includes('table.cells-run-together'));
      assert.deepEqual(fromPage, expected);
    });
  }
  test('111: table 1 read from the page\'s cells', () => {
    const report = analyze(extractHtml(page('111_pingtan_shehui_2023_flat')).text).report;
    const normative = report.tables.proactive!.rows.find((r) => r.def.id === 'normative')!;
    assert.deepEqual(normative.cells.map((c) => c.value), [2, 12, 0]);
  });
  test('a table\'s spans resolved: a cell spanning rows or columns leaves blank cells where it extends', () => {
    const { text, origins } = extractHtml(
      '<p>标题</p>\n<table><tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td colspan="2">5</td></tr>\n<tr><td>（二）部分公开</td><td>1</td><td>2</td></tr></table><p>a&nbsp;b<br>c</p>',
    );
    assert.equal(text, '标题\n三、本年度办理结果\t（一）予以公开\t5\t\n\t（二）部分公开\t1\t2\na b\nc\n');
    assert.deepEqual(origins.map((o) => o.line), [1, 2, 3, 3, 3]);
  });
  test('a table as Word exports it: a header column cut into two grid columns is one column; its figures, spanning or not, one cell each', () => {
    const { text } = extractHtml(
      [
        '<p>示例县交通运输局2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>',
        '<tr><td colspan="5">第二十条第（一）项</td></tr>',
        '<tr><td>信息内容</td><td>本年新制作数量</td><td colspan="2">本年新公开数量</td><td>对外公开总数量</td></tr>',
        // Under the header's span; starting in the column before it and ending inside it; a blank over two header columns.
        '<tr><td>规章</td><td>0</td><td colspan="2">0</td><td>0</td></tr>',
        '<tr><td>规范性文件</td><td colspan="2">3</td><td>3</td><td>41</td></tr>',
        '<tr><td>行政许可</td><td>5</td><td colspan="3"></td></tr>',
        '</table>',
      ].join('\n'),
    );
    assert.equal(
      text,
      '示例县交通运输局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\t\n' +
        '信息内容\t本年新制作数量\t本年新公开数量\t\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t3\t3\t41\n行政许可\t5\t\t\n',
    );
    const rows = analyze(text).report.tables.proactive!.rows;
    assert.deepEqual(rows.filter((r) => r.def.id === 'rules' || r.def.id === 'normative').map((r) => r.cells.map((c) => c.value)), [[0, 0, 0], [3, 3, 41]]);
  });
  test('the CLI: a page is located by its line and column, and in brackets in the text read from it; JSON and SARIF carry both', () => {
    const file = 'test/fixtures/html/129_pingtan_ziran_2023_tab.html';
    const text = runCli(['check', '--lang', 'zh-CN', file], { cwd: ROOT });
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^test\/fixtures\/html\/129_pingtan_ziran_2023_tab\.html:\d+:\d+ \[\d+:\d+\]  error  table\.row-total/m);
    const json = JSON.parse(runCli(['check', '--format', 'json', file], { cwd: ROOT }).stdout);
    const d = json.files[0].diagnostics[0];
    assert.ok(d.source.line >= 1 && d.source.column >= 1 && d.range.start.line >= 0, JSON.stringify(d));
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', file], { cwd: ROOT }).stdout);
    const result = sarif.runs[0].results[0];
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: d.source.line, startColumn: d.source.column });
    assert.equal(result.properties['nianbao/textRegion'].startLine, d.range.start.line + 1);
  });
  test('a page with no report: skipped in a folder, said when named (exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'nianbao-html-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><body><p>网站首页</p><p>欢迎访问</p></body></html>');
    const walked = runCli(['check', '--format', 'json', dir]);
    assert.deepEqual(JSON.parse(walked.stdout).files, []);
    const named = runCli(['check', '--lang', 'en', 'index.html'], { cwd: dir });
    assert.equal(named.status, 2);
    assert.equal(named.stderr, 'nianbao: index.html: no annual report found in the file\n');
  });
});
