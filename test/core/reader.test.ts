// The inputs that real reports never seen before brought, each pinned: what
// was read from them, and that no finding rests on a guess.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze, type Report } from '../../server/src/core/index';
import { CLEAN, edit, findings, relayout } from '../helpers';

const values = (report: Report, table: 'proactive' | 'requests' | 'review', row: string) =>
  report.tables[table]?.rows.find((r) => r.def.id === row)?.cells.map((c) => c.value);

suite('a crawled page: the whole report on one line, table cells flattened', () => {
  const oneLine = relayout(CLEAN(), 'flattened').split('\n').join('');
  test('ordinals glued to the previous row\'s digits (…00000002.其他法律…), headings glued to digits and to words', () => {
    assert.ok(oneLine.includes('00000002.其他法律行政法规禁止公开'));
    assert.ok(/\d四、政府信息公开行政复议/.test(oneLine));
    const { report } = analyze(oneLine);
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(report.tables.requests!.missing, []);
    assert.deepEqual(values(report, 'requests', 'withheld.law'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(values(report, 'requests', 'unable.notHeld'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(values(report, 'review', 'cases'), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // 行政规范性文件 2 0 15 glued as 2015 has several splits and no relation: a warning, no guess.
    assert.deepEqual(findings(oneLine), ['1:455 warning table.cells-run-together']);
  });
  test('table 1\'s header glued to its first label, and a block heading to the next label', () => {
    const { report } = analyze(oneLine);
    assert.ok(oneLine.includes('现行有效件数规章000'));
    assert.deepEqual(values(report, 'proactive', 'rules'), [0, 0, 0]);
    assert.deepEqual(values(report, 'proactive', 'licensing'), [120]);
    assert.deepEqual(report.tables.proactive!.missing, []);
  });
  test('a heading glued to a table\'s last word (…2832995元三、收到和处理…)', () => {
    const text = edit(oneLine, '收费金额（单位：万元）行政事业性收费0三、', '收费金额（单位：万元）行政事业性收费0万元三、');
    assert.deepEqual(analyze(text).report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
  });
  test('a misspelt heading after a sentence\'s end is a hint, the section is there', () => {
    const text = edit(CLEAN(), '四、政府信息公开行政复议、行政诉讼情况\n', '。四、政府信息公开行政法复议、行政诉讼情况\n');
    assert.deepEqual(findings(text).map((f) => f.split(' ').slice(1).join(' ')), ['hint section.heading-variant']);
  });
});

suite('delimited rows', () => {
  const row = '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  test('a blank first cell is a cell, not a shift', () => {
    const text = edit(CLEAN(), row, '2.重复申请 |  | 1 | 0 | 0 | 0 | 0 | 1 |');
    const { report } = analyze(text);
    assert.deepEqual(values(report, 'requests', 'rejected.repeat'), [null, 1, 0, 0, 0, 0, 1]);
  });
  test('a first cell of —, / or 无: blank or text in its own column, never part of the label', () => {
    for (const mark of ['—', '/']) {
      const text = edit(CLEAN(), row, `2.重复申请 | ${mark} | 0 | 0 | 0 | 0 | 0 | 0 |`);
      assert.deepEqual(values(analyze(text).report, 'requests', 'rejected.repeat'), [null, 0, 0, 0, 0, 0, 0], mark);
      assert.deepEqual(findings(text).filter((f) => !f.endsWith('table.cell-empty')), [], mark);
    }
    const word = edit(CLEAN(), row, '2.重复申请 | 无 | 0 | 0 | 0 | 0 | 0 | 0 |');
    assert.deepEqual(findings(word), ['45:10 error table.cell-invalid']);
  });
  test('a tab row whose label spans merged columns: leading blank cells are the label\'s', () => {
    const text = edit(CLEAN(), row, '\t2.重复申请\t\t1\t0\t0\t0\t0\t0\t1');
    assert.deepEqual(values(analyze(text).report, 'requests', 'rejected.repeat'), [1, 0, 0, 0, 0, 0, 1]);
  });
});

suite('large numbers', () => {
  const row = '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  test('a value of a trillion or more is invalid, and no relation or fix uses it', () => {
    const text = edit(CLEAN(), row, '2.重复申请 | 10000000000000000000000 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const analysis = analyze(text);
    assert.deepEqual(findings(text), ['45:10 error table.cell-invalid']);
    assert.ok(!JSON.stringify(analysis.findings.flatMap((f) => f.fixes)).includes('e+'));
  });
  test('run-together digits are never cut into a piece beyond any real cell', () => {
    const text = edit(CLEAN(), '一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '一、本年新收政府信息公开申请数量10000000000000 0 0 0 0 010000000000000');
    const { report } = analyze(text);
    assert.equal(report.tables.requests!.rows.find((r) => r.def.id === 'new')!.unread, 'runTogether');
  });
  test('9007199254740993 is not taken for 9007199254740992', () => {
    const text = edit(CLEAN(), row, '2.重复申请 | 9007199254740993 | 0 | 0 | 0 | 0 | 0 | 9007199254740992 |');
    assert.deepEqual(findings(text), ['45:10 error table.cell-invalid', '45:49 error table.cell-invalid']);
  });
});

suite('what saved pages and PDFs leave inside tables', () => {
  const row = '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  test('HTML comments, tags, entities and zero-width spaces inside cells are no part of them', () => {
    for (const cells of [
      '<!--[if !supportMisalignedColumns]-->1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '1&nbsp; | 0 | 0 | 0 | 0 | 0 | 1<br> |',
      '<span>1</span> | 0\u200b | 0 | 0 | 0 | 0 | 1 |',
    ]) {
      const text = edit(CLEAN(), row, `2.重复申请 | ${cells}`);
      assert.deepEqual(values(analyze(text).report, 'requests', 'rejected.repeat'), [1, 0, 0, 0, 0, 0, 1], cells);
    }
    const blank = edit(CLEAN(), row, '2.重复申请 | &nbsp; | 0 | 0 | 0 | 0 | 0 | 0 |');
    assert.deepEqual(values(analyze(blank).report, 'requests', 'rejected.repeat'), [null, 0, 0, 0, 0, 0, 0]);
  });
  test('a page footer run into a flattened row is not a cell', () => {
    const oneLine = relayout(CLEAN(), 'flattened').split('\n').join('');
    for (const footer of ['- 5 -', '第5页', '第5页，共9页']) {
      const text = edit(oneLine, '（七）总计4100005', `（七）总计4100005${footer}`);
      assert.deepEqual(values(analyze(text).report, 'requests', 'resultsTotal'), [4, 1, 0, 0, 0, 0, 5], footer);
      assert.deepEqual(findings(text), findings(oneLine), footer);
    }
  });
  test('page numbers on a line of their own, in their usual forms', () => {
    for (const footer of ['第5页，共9页', '第5页/共9页', '共9页 第5页', '·5·', 'Page 5', '[5]']) {
      const text = edit(CLEAN(), '1 | 0 | 0 | 0 | 1 | 0 |', `${footer}\n1 | 0 | 0 | 0 | 1 | 0 |`);
      assert.deepEqual(findings(text), [], footer);
    }
  });
  test('table 3 one number per line with a stray number: too many values, a warning, no total error', () => {
    const cells = '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    const text = edit(CLEAN(), cells, ['5', ...cells.split(' | ').map((c) => c.replace(' |', ''))].join('\n'));
    assert.deepEqual(findings(text).map((f) => f.split(' ').slice(1).join(' ')), ['warning table.cells-run-together']);
    const footnote = edit(CLEAN(), cells, cells.split(' | ').map((c) => c.replace(' |', '')).join('\n') + '\n注：本表数据截至2023年12月31日');
    assert.deepEqual(findings(footnote), []);
  });
  test('— or / between spaces marks a blank cell in its place', () => {
    const text = edit(CLEAN(), '一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '一、本年新收政府信息公开申请数量 4 — 1 — / — 5');
    assert.deepEqual(values(analyze(text).report, 'requests', 'new'), [4, null, 1, null, null, null, 5]);
    const review = edit(CLEAN(), '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '1 — — — 1 — — — — — — — — — —');
    assert.deepEqual(values(analyze(review).report, 'review', 'cases'), [1, null, null, null, 1, ...new Array(10).fill(null)]);
  });
  test('blanks dropped where the relation still reads the row: the values whose column is unknown are said', () => {
    const text = edit(CLEAN(), '一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '一、本年新收政府信息公开申请数量 4 1 5');
    assert.deepEqual(analyze(text).findings.map((f) => f.message), [
      '表二「一、本年新收政府信息公开申请数量」行的数值（4 1 5）少于 7 个单元格，空白单元格未保留：1 所在的列无法确定，不用于取决于其所在列的核对',
    ]);
  });
  test('a full-width ordinal glued to its group\'s label (（三）不予公开１.属于国家秘密)', () => {
    const oneLine = relayout(CLEAN(), 'flattened').split('\n').join('');
    const text = edit(oneLine, '（三）不予公开1.属于国家秘密', '（三）不予公开１.属于国家秘密');
    assert.deepEqual(analyze(text).report.tables.requests!.missing, []);
    assert.deepEqual(values(analyze(text).report, 'requests', 'withheld.secret'), [0, 0, 0, 0, 0, 0, 0]);
  });
});
