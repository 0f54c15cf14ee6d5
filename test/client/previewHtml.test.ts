// The table preview's HTML (client/src/previewHtml.ts, free of `vscode`):
// grids with the official headers, failing cells marked, relations in titles,
// everything escaped, and a page whose policy allows nothing but its own nonce.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { columnNames, escapeHtml, pageHtml, renderMessage, renderTables } from '../../client/src/previewHtml';
import { analyze } from '../../server/src/core/index';
import { toTablesResult, type TablesResult } from '../../server/src/lsp/tables';
import { CLEAN, readFixture } from '../helpers';

function result(text: string, lang: 'zh-CN' | 'en' = 'zh-CN'): TablesResult {
  const document = TextDocument.create('file:///report.nianbao', 'nianbao', 1, text);
  return toTablesResult(document, { analysis: analyze(text, { lang }), version: 1 });
}

/** The opening tags of the cells of a rendered table. */
const cells = (html: string) => [...html.matchAll(/<td [^>]*>[^<]*<\/td>/g)].map((m) => m[0]);

suite('preview HTML', () => {
  test('escapes text and attributes', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(renderMessage('<script>'), '<p class="empty">&lt;script&gt;</p>');
  });

  test('column names: every header cell above a column but the corner and a heading over the whole width', () => {
    const view = result(CLEAN());
    const [proactive, requests, review] = view.tables;
    assert.deepEqual(columnNames(proactive.blocks[0].header, 1, 3), ['本年制发件数', '本年废止件数', '现行有效件数']);
    assert.deepEqual(columnNames(requests.blocks[0].header, 3, 7), [
      '申请人情况 · 自然人',
      '申请人情况 · 法人或其他组织 · 商业企业',
      '申请人情况 · 法人或其他组织 · 科研机构',
      '申请人情况 · 法人或其他组织 · 社会公益组织',
      '申请人情况 · 法人或其他组织 · 法律服务机构',
      '申请人情况 · 法人或其他组织 · 其他',
      '申请人情况 · 总计',
    ]);
    const names = columnNames(review.blocks[0].header, 0, 15);
    assert.deepEqual([names[0], names[9], names[14]], ['行政复议 · 结果维持', '行政诉讼 · 未经复议直接起诉 · 总计', '行政诉讼 · 复议后起诉 · 总计']);
  });

  test('a yearbook: each report\'s title and format before its tables, each table its own anchor', () => {
    const first = readFixture('test/fixtures/constructed/clean-2019.txt').replace(/\n?$/, '\n');
    const second = CLEAN();
    const html = renderTables(result(first + second));
    const titles = [...html.matchAll(/<h1 class="report">([^<]*)<\/h1><p class="format">([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(titles, [
      [analyze(first).report.title!.text, '2019 年版格式'],
      [analyze(second).report.title!.text, '2021 年版格式'],
    ]);
    assert.deepEqual([...html.matchAll(/<section class="table" id="([^"]*)"/g)].map((m) => m[1]), [
      'table-proactive-1', 'table-requests-1', 'table-review-1', 'table-proactive-2', 'table-requests-2', 'table-review-2',
    ]);
    // No format line for the whole: the two reports differ.
    assert.ok(!html.startsWith('<p class="format">'));
  });

  test('clean 2021: three tables as grids with the official headers, each written cell leading to the text', () => {
    const html = renderTables(result(CLEAN()));
    assert.equal(html.match(/<section class="table"/g)?.length, 3);
    assert.equal(html.match(/<table>/g)?.length, 4 + 1 + 1, 'table 1 draws one grid per block');
    assert.ok(html.includes('<p class="format">2021 年版格式</p>'));
    assert.ok(html.includes('<th colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7" scope="col">申请人情况</th>'));
    assert.ok(html.includes('<th rowspan="22" scope="rowgroup" class="group">三、本年度办理结果</th>'));
    assert.ok(html.includes('<th rowspan="2" scope="col">行政复议</th>') === false, 'table 3 groups span columns first');
    assert.ok(html.includes('<th colspan="5" rowspan="2" scope="col">行政复议</th><th colspan="10" scope="col">行政诉讼</th>'));
    assert.ok(html.includes('<span class="status ok">勾稽关系 ✓（39 项）</span>'));
    const all = cells(html);
    assert.equal(all.length, 10 + 25 * 7 + 15);
    assert.ok(all.every((c) => /data-range="\d+,\d+,\d+,\d+" tabindex="0"/.test(c)), 'every cell of the clean report is written');
    assert.ok(!all.some((c) => c.includes('failing')));
    // The first cell of table 2: its name, its relations, the hint to click.
    const first = all[10];
    assert.match(first, /title="一、本年新收政府信息公开申请数量 · 申请人情况 · 自然人&#10;✓ 行总计 = 各申请人之和：4 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 = 5；5 = 5&#10;✓ 勾稽关系：/);
    assert.match(first, />4<\/td>$/);
    // Nothing that the page's policy would block: no inline styles, scripts or handlers.
    assert.ok(!/style=|<script|on[a-z]+=/i.test(html));
  });

  test('a failing table 3: failing cells and the cells that would mend it', () => {
    const html = renderTables(result(readFixture('test/fixtures/corpus/011_hongze_2023_pdftext.txt')));
    assert.ok(html.includes('<span class="status fail">2 处勾稽关系不成立（共 3 项）</span>'));
    const review = cells(html.slice(html.indexOf('id="table-review"')));
    assert.deepEqual(
      review.map((c) => /class="([^"]*)"/.exec(c)![1]),
      [
        ...['num failing', 'num failing', 'num failing', 'num failing', 'num failing culprit'],
        ...Array(5).fill('num'),
        ...['num failing culprit', 'num failing', 'num failing', 'num failing', 'num failing culprit'],
      ],
    );
    assert.match(review[4], /title="行政复议 · 总计&#10;✗ 总计 0 ≠ 11 \(10 \+ 1 \+ 0 \+ 0\)&#10;改动此格即可使这组关系成立/);
  });

  test('missing rows and labels written differently are marked; English follows the analysis', () => {
    const text = CLEAN().replace('2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '').replace('行政规范性文件 |', '规范性文件 |');
    const html = renderTables(result(text, 'en'));
    assert.ok(html.includes('<tr class="missing"><th scope="row" title="This row is missing from the text">2.重复申请</th>'));
    assert.ok(html.includes('title="Written: 规范性文件"'));
    assert.ok(html.includes('<p class="format">2021 format</p>'));
    assert.ok(html.includes('<span class="status unchecked">') === false);
  });

  test('no tables: says so', () => {
    assert.match(renderTables(result('一、总体情况\n正文。\n')), /<p class="empty">未找到统计表/);
  });

  test('the page: a strict policy, style and script by nonce only', () => {
    const page = pageHtml('https://file+.vscode-resource.example', 'abc123', 'zh-CN');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1].replace(/&#39;/g, "'");
    assert.equal(csp, "default-src 'none'; style-src https://file+.vscode-resource.example 'nonce-abc123'; script-src 'nonce-abc123';");
    assert.ok(page.includes('<style nonce="abc123">') && page.includes('<script nonce="abc123">'));
    assert.ok(!/https?:\/\/(?!file\+)/.test(page), 'no remote content');
    assert.ok(page.includes('var(--vscode-editor-background)'), 'theme colours');
  });
});
