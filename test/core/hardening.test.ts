// Inputs built to break the readers' newer rules (a heading broken after its numeral, an
// ordinal on a line of its own, table 3 after a sentence, shares in a list, issuer and
// category words): plausible report text that must read as before.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { CLEAN, edit, findings } from '../helpers';

const codes = (text: string) => findings(text).map((f) => f.split(' ').slice(1).join(' '));

suite('hardening', () => {
  test('a figure written with a period is no ordinal; a line of an ordinal alone is', () => {
    assert.deepEqual(codes(edit(CLEAN(), '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5. |')), ['warning table.cells-run-together']);
  });
  test('a stray numeral line above a heading: no section twice, nothing thrown', () => {
    const text = edit(CLEAN(), '五、存在的主要问题及改进情况', '五、\n五、存在的主要问题及改进情况');
    assert.ok(!codes(text).some((c) => /internal\.error|section\.(duplicate|empty)/.test(c)), codes(text).join(' | '));
  });
  test('sentences of section 四 about the table: its figures are no cells, its wrong total is found', () => {
    const row = '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    const heading = '四、政府信息公开行政复议、行政诉讼情况\n';
    for (const sentence of ['本机关高度重视依法行政。全年被申请行政复议1件。结果维持1件。', '本年度无新增案件。行政复议、行政诉讼尚未审结1件。']) {
      assert.deepEqual(codes(edit(CLEAN(), heading, `${heading}${sentence}\n`)), [], sentence);
      const wrong = edit(edit(CLEAN(), heading, `${heading}${sentence}\n`), row, row.replace('1 | 0 | 0 | 0 | 1', '1 | 0 | 0 | 0 | 2'));
      assert.deepEqual(codes(wrong), ['error table.review-total'], sentence);
    }
  });
  test('shares of the whole that a wrong whole breaks: the parts still exceed it', () => {
    const text = edit(CLEAN(), '均已依法答复。', '均已依法答复。全年共受理群众咨询60件，其中网上咨询50件（占比76.9%）、电话咨询15件（占比23.1%）。');
    assert.deepEqual(codes(text), ['warning narrative.parts-exceed-whole']);
  });
  test('类 inside a bracket after the words is no category of published information', () => {
    const text = edit(CLEAN(), '制发行政规范性文件2件。', '制发行政规范性文件（均为民生类）3件。');
    assert.deepEqual(codes(text), ['warning narrative.mismatch']);
  });
  test('a department named …管理委员会 says 部门规范性文件 of its own', () => {
    let text = CLEAN().replace('示例县人民政府2023年', '示例市人民政府国有资产监督管理委员会2023年');
    text = edit(text, '制发行政规范性文件2件。', '制发部门规范性文件3件。');
    assert.deepEqual(codes(text).filter((c) => c.includes('narrative')), ['warning narrative.mismatch']);
  });
  test('a list in the prose numbered on past six, or starting with a longer word, is no section', () => {
    const items = edit(CLEAN(), '2023年度未收取政府信息公开信息处理费。', '2023年度未收取政府信息公开信息处理费。本年度重点做好以下工作：六、基层政务公开标准化建设；七、主动公开政府信息质量提升工作，开展了自查。');
    assert.deepEqual(codes(items).filter((c) => c.includes('section.')), []);
    const word = edit(CLEAN(), '2023年度未收取政府信息公开信息处理费。', '2023年度未收取政府信息公开信息处理费。\n落实上级年度政务公开工作要点情况如下：\n一、概述性文件的解读。对重要政策文件均开展了解读。');
    assert.deepEqual(codes(word).filter((c) => c.includes('section.')), []);
  });
});
