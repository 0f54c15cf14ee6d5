// What is not a section, and the layouts text arrives in.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { CLEAN, edit, findings, readFixture } from '../helpers';

const sectionLines = (text: string) => {
  const { report } = analyze(text);
  return report.sections.map((s) => `${s.def.number}@${text.slice(0, s.heading.span.start).split(/\r\n|\r|\n/).length}`);
};

suite('not sections', () => {
  test('table rows 一、本年新收… and 四、结转下年度继续办理 (seed 000)', () => {
    const text = readFixture('examples/000_1d23ca6ff21b8a58.txt');
    assert.deepEqual(sectionLines(text), ['1@7', '2@23', '3@41', '4@74', '5@103', '6@119']);
  });
  test('prose paragraphs that start with 一、…四、 (seed 001, section 六)', () => {
    const text = readFixture('examples/001_67c1420167c13949.txt');
    assert.deepEqual(sectionLines(text), ['1@13', '2@39', '3@101', '4@537', '5@603', '6@615']);
  });
  test('an appendix after section 六 with its own numbering, even when it reuses a heading', () => {
    const text = CLEAN() + '附件：2023年度政府信息公开情况统计表\n一、总体情况\n二、主动公开政府信息情况\n';
    assert.deepEqual(findings(text), []);
    assert.equal(analyze(text).report.appendix !== undefined, true);
  });
  test('web-page debris before the title and after the end', () => {
    const text = '首页 > 政务公开 > 年报\n发布日期：2024-01-29 点击次数：\n' + CLEAN() + '【打印本页】【关闭窗口】\n上一篇：二、主动公开\n';
    assert.deepEqual(findings(text), []);
    assert.equal(analyze(text).report.title?.text, '示例县人民政府2023年政府信息公开工作年度报告');
  });
  test('a list of the parts inside the introduction', () => {
    const text = edit(CLEAN(), '由总体情况、', '分为：一、总体情况；二、主动公开政府信息情况；以及由总体情况、');
    assert.deepEqual(findings(text), []);
  });
});

suite('layouts', () => {
  test('a crawled page with headings in the middle of lines', () => {
    const clean = CLEAN();
    const oneLine = clean
      .replace('组成。本报告所列数据的统计期限为2023年1月1日至12月31日。\n一、总体情况\n', '组成。本报告所列数据的统计期限为2023年1月1日至12月31日。一、总体情况')
      .replace('\n五、存在的主要问题及改进情况\n', '五、存在的主要问题及改进情况')
      .replace('提升解读质量。\n六、其他需要报告的事项\n', '提升解读质量。六、其他需要报告的事项');
    assert.notEqual(oneLine, clean);
    assert.deepEqual(findings(oneLine), []);
    const { report } = analyze(oneLine);
    assert.deepEqual(report.sections.map((s) => oneLine.slice(s.heading.span.start, s.heading.span.end)), [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
  test('Markdown heading markers and full-width brackets', () => {
    const text = CLEAN().replace(/^([一二三四五六]、)/gm, '## $1').replace(/^（([一二三四五])）/gm, '### ($1)');
    assert.deepEqual(findings(text), []);
    assert.deepEqual(analyze(text).report.sections[0].subsections.length, 5);
  });
  test('a byte-order mark does not hide the title or the first heading', () => {
    const text = '\ufeff' + CLEAN();
    assert.deepEqual(findings(text), []);
    assert.ok(analyze(text).report.title);
  });
  test('CR-only and mixed line breaks', () => {
    const lines = CLEAN().split('\n');
    const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('');
    assert.deepEqual(findings(mixed), []);
  });
  test('a heading fix never splits a surrogate pair (CJK extension characters)', () => {
    const text = edit(CLEAN(), '五、存在的主要问题及改进情况', '五、存在的主要问题及改进𠀀况');
    const [finding] = analyze(text).findings;
    assert.equal(finding.code, 'section.heading-variant');
    for (const offset of [finding.span.start, finding.span.end, ...finding.fixes[0].edits.flatMap((e) => [e.span.start, e.span.end])]) {
      const code = text.charCodeAt(offset);
      assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `offset ${offset} is inside a surrogate pair`);
    }
  });
  test('empty and odd input never throws', () => {
    for (const text of ['', '\n', '\ufeff', '一、', '（一）', '\u0000\u0001', '一、总体情况'.repeat(1000), '𠀀'.repeat(100)]) {
      const a = analyze(text);
      for (const f of a.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
    }
  });
});
