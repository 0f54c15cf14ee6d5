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
