// Prose against tables: what is linked (and agrees), what is reported, and
// what must never be linked. Table values of the constructed report: new 5,
// carried 1, 予以公开 3, 部分公开 1, 无法提供 1, (七)总计 5, 结转下年度 1;
// 复议 1 (维持 1); 诉讼 0; 规范性文件 制发 2, 现行有效 15; 许可 120, 处罚 30.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze, getDefinition, getHover, getReferences } from '../../server/src/core/index';
import { claimsOf } from '../../server/src/core/narrative/claims';
import { CLEAN, assertFixResolves, edit, findings, readFixture } from '../helpers';

const LEAD = '2023年，示例县人民政府认真贯彻落实《条例》，持续推进政府信息公开工作。';
/** The constructed report with one sentence of section 一 replaced. */
const prose = (sentence: string, base = CLEAN()) => edit(base, LEAD, sentence);
/** The claims of line 4, the replaced sentence (the report has claims of its own elsewhere). */
const lineFour = (text: string) => {
  const start = text.split('\n').slice(0, 3).join('\n').length + 1;
  const end = text.indexOf('\n', start);
  return claimsOf(analyze(text).report).filter((c) => c.figure.span.start >= start && c.figure.span.end <= end);
};
const claims = (text: string) => lineFour(text).map((c) => `${c.quantity.id} ${c.figure.value} ${c.agrees ? 'agrees' : 'differs'}`);

suite('linked, and agreeing', () => {
  for (const [sentence, expected] of [
    ['全年收到政府信息公开申请5件。', ['requests.new 5 agrees']],
    ['受理依申请公开件5件，上年结转1件，结转下年度1件。', ['requests.new 5 agrees', 'requests.carried 1 agrees', 'requests.next 1 agrees']],
    ['全年共接收各类申请五件，办结五件。', ['requests.new 5 agrees', 'requests.handled 5 agrees']],
    ['共收到申请6件（含上年结转1件）。', ['requests.new 6 agrees', 'requests.carried 1 agrees']],
    ['其中予以公开3件、部分公开1件、无法提供1件。', ['requests.open 3 agrees', 'requests.partial 1 agrees', 'requests.unable 1 agrees']],
    ['予以公开及部分公开4件，不予处理0件，其他处理0件。', ['requests.openPartial 4 agrees', 'requests.rejected 0 agrees', 'requests.otherHandling 0 agrees']],
    ['收到行政复议1件，其中结果维持1件；行政诉讼0件。', ['review.total 1 agrees', 'cases.upheld 1 agrees', 'litigation.total 0 agrees']],
    ['制发行政规范性文件2件，现行有效规范性文件15件，规章0件。', ['proactive.normative 2 agrees', 'proactive.normativeInForce 15 agrees', 'proactive.rules 0 agrees']],
    ['办理行政许可120件、行政处罚30件。', ['proactive.licensing 120 agrees', 'proactive.penalty 30 agrees']],
    ['收取行政事业性收费0万元。', ['proactive.fees 0 agrees']],
  ] as const) {
    test(sentence, () => {
      const text = prose(sentence);
      assert.deepEqual(claims(text), expected);
      assert.deepEqual(findings(text), []);
    });
  }
  test('a percentage of the whole it is part of', () => {
    const text = prose('收到申请5件，办结5件，其中予以公开3件（60%）、部分公开1件（20.0%）。');
    assert.deepEqual(findings(text), []);
    assert.deepEqual(lineFour(text).map((c) => c.percent?.expected), [undefined, undefined, 60, 20]);
  });
});

suite('narrative.mismatch', () => {
  test('a blank table-1 cell is unknown, not 0: the prose is not contradicted by it', () => {
    const text = edit(edit(CLEAN(), '行政规范性文件 | 2 | 0 | 15 |', '行政规范性文件 | 2 | 0 |  |'), '制发行政规范性文件2件。', '制发行政规范性文件2件，现行有效规范性文件15件。');
    assert.deepEqual(findings(text).filter((f) => f.includes('narrative')), []);
    const written = edit(CLEAN(), '制发行政规范性文件2件。', '制发行政规范性文件2件，现行有效规范性文件16件。');
    assert.deepEqual(findings(written).filter((f) => f.includes('narrative')).length, 1);
  });
  test('a figure that differs: both figures and the cell named, the cell related, the fix takes the table value', () => {
    const text = prose('全年收到政府信息公开申请7件。');
    // The finding covers the claim, from its words to its figure.
    assert.deepEqual(findings(text), ['4:3 warning narrative.mismatch']);
    const [finding] = analyze(text).findings;
    assert.equal(finding.message, '正文称收到申请 7 件，表格中「一、本年新收政府信息公开申请数量」行「总计」列为 5 件');
    assert.equal(text.slice(finding.related[0].span.start, finding.related[0].span.end), '5');
    assert.ok(assertFixResolves(text, 'narrative.mismatch').includes('全年收到政府信息公开申请5件。'));
    assert.match(analyze(text, { lang: 'en' }).findings[0].message, /^The text says requests received: 7; the table has 5/);
  });
  for (const [written, fixed] of [
    ['三', '五'],
    ['７', '5'],
    ['1,005', '5'],
  ] as const) {
    test(`numeral style ${written} → ${fixed}`, () => {
      const text = prose(`全年收到政府信息公开申请${written}件。`);
      assert.deepEqual(findings(text).map((f) => f.split(' ').slice(1).join(' ')), ['warning narrative.mismatch']);
      assert.ok(assertFixResolves(text, 'narrative.mismatch').includes(`全年收到政府信息公开申请${fixed}件。`));
    });
  }
  test('an amount in 万元', () => {
    assert.deepEqual(claims(prose('收取行政事业性收费12.5万元。')), ['proactive.fees 12.5 differs']);
  });
  test('一百零五件 and 两件 are read', () => {
    assert.deepEqual(claims(prose('收到政府信息公开申请一百零五件，行政复议两件。')), ['requests.new 105 differs', 'review.total 2 differs']);
  });
  test('a percentage that does not follow from the table', () => {
    const text = prose('收到申请5件，办结5件，其中予以公开3件（50%）。');
    assert.deepEqual(findings(text), ['4:22 warning narrative.mismatch']);
    assert.equal(analyze(text).findings[0].message, '正文称予以公开占 50%，按表格计算为 60%');
    assertFixResolves(text, 'narrative.mismatch');
  });
  test('breakdowns follow the topic of the sentence: 维持 of 复议, of 诉讼', () => {
    assert.deepEqual(claims(prose('行政诉讼0件，其中结果维持0件；行政复议1件，其中结果纠正1件。')), [
      'litigation.total 0 agrees',
      'cases.upheld 0 agrees',
      'review.total 1 agrees',
      'cases.corrected 1 differs',
    ]);
  });
});

suite('scope', () => {
  test('全县 in the report of the 人民政府 itself is the table’s own scope: warning', () => {
    assert.deepEqual(findings(prose('全县共收到政府信息公开申请7件。')), ['4:4 warning narrative.mismatch']);
  });
  test('全县 in an office’s report is wider than its table: information, and said', () => {
    const office = CLEAN().replace('示例县人民政府2023年', '示例县人民政府办公室2023年');
    const text = prose('全县共收到政府信息公开申请7件。', office);
    assert.deepEqual(findings(text), ['4:4 information narrative.mismatch']);
    assert.match(analyze(text).findings[0].message, /正文说的是全县，表格只统计本机关/);
  });
  test('部门规范性文件 in the report of a government or its office are its departments’: information, and said; in a department’s own report, its own', () => {
    const sentence = '编发公报12期，刊登部门规范性文件7件。';
    assert.deepEqual(findings(prose(sentence)), ['4:13 information narrative.mismatch']);
    const office = CLEAN().replace('示例县人民政府2023年', '示例县人民政府办公室2023年');
    const text = prose(sentence, office);
    assert.deepEqual(findings(text), ['4:13 information narrative.mismatch']);
    assert.match(analyze(text).findings[0].message, /正文说的是部门规范性文件，表格只统计本机关/);
    const department = CLEAN().replace('示例县人民政府2023年', '示例县交通运输局2023年');
    assert.deepEqual(findings(prose('制发部门规范性文件7件。', department)), ['4:5 warning narrative.mismatch']);
  });
  test('another year: information, and said', () => {
    const text = prose('2022年共收到政府信息公开申请7件。');
    assert.deepEqual(findings(text), ['4:7 information narrative.mismatch']);
    assert.match(analyze(text).findings[0].message, /正文说的是2022年/);
  });
});

suite('never linked', () => {
  for (const sentence of [
    '全年发布信息7条，开展在线访谈7期，组织培训7次，发布文章7篇。',
    '统计期限为2023年1月1日至12月31日，电话：0539-8382015。',
    '依据国办公开办函〔2021〕30号编制。',
    '全年受理群众来电7件，妥善处理来信7件。',
    '共收到申请5件，其中2件已办结，剩余3件已按时限进行答复。',
    '刊登规章、规范性文件等7件。',
    '依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件7件。',
    '政务新媒体发布各类惠民信息5400余件。',
    '主动公开政府信息1200条，其中政策、规范性文件类信息7件，行政许可文件类信息99件。',
  ]) {
    test(sentence, () => {
      assert.deepEqual(findings(prose(sentence)), []);
    });
  }
});

suite('narrative.zero-claim', () => {
  test('none claimed where the table has some', () => {
    assert.deepEqual(findings(prose('全年未收到政府信息公开申请。')), ['4:3 warning narrative.zero-claim']);
    const text = prose('未发生因依申请公开提起的复议、诉讼情况。');
    assert.deepEqual(findings(text), ['4:1 warning narrative.zero-claim']);
    assert.equal(analyze(text).findings[0].message, '正文称未发生因依申请公开提起的复议、诉讼情况，但表格中表三「行政复议·总计」为 1');
  });
  test('无 before the cases', () => {
    assert.deepEqual(findings(prose('本年度无行政复议、行政诉讼案件。')), ['4:4 warning narrative.zero-claim']);
  });
  test('none claimed where the table has none, and a claim about corrections', () => {
    assert.deepEqual(findings(prose('未发生因政府信息公开引起的行政诉讼。')), []);
    assert.deepEqual(findings(prose('全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。')), []);
  });
  test('all upheld, while the table has a corrected case', () => {
    const corrected = edit(CLEAN(), '\n1 | 0 | 0 | 0 | 1 |', '\n1 | 1 | 0 | 0 | 2 |');
    assert.deepEqual(findings(prose('本年度行政复议均获维持。', corrected)), ['4:6 warning narrative.zero-claim']);
    assert.deepEqual(findings(prose('本年度行政复议均获维持。')), []);
  });
});

suite('suggestions, not fixes, for figures', () => {
  test('a prose figure is corrected only by a suggestion, and not at all where its scope differs (seed 001)', () => {
    const { findings: all } = analyze(readFixture('examples/001_67c1420167c13949.txt'));
    const mismatches = all.filter((f) => f.code === 'narrative.mismatch');
    assert.ok(mismatches.length > 0);
    for (const f of mismatches) {
      if (f.severity === 'information') assert.deepEqual(f.fixes, [], f.message);
      else assert.ok(f.fixes.length > 0 && f.fixes.every((x) => x.safety === 'suggestion'), f.message);
    }
    assert.ok(mismatches.some((f) => f.severity === 'information'));
  });
});

suite('claims about sums of rows, groups and outcomes', () => {
  const say = (sentence: string, base = CLEAN()) => edit(base, '均已依法答复。', `均已依法答复。${sentence}`);
  const messages = (text: string) => analyze(text).findings.filter((f) => f.code.startsWith('narrative.')).map((f) => f.message);
  test('a sum of result rows, and a group named with its cause', () => {
    assert.deepEqual(messages(say('其中予以公开及部分公开5件。')), [
      '正文称予以公开及部分公开 5 件，表格中「（一）予以公开」行「总计」列＋「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「总计」列为 4 件',
    ]);
    assert.deepEqual(messages(say('因本机关不掌握相关政府信息等原因无法提供2件。')), ['正文称无法提供 2 件，表格中「（四）无法提供」各行「总计」列之和为 1 件']);
    assert.deepEqual(messages(say('其中予以公开及部分公开4件，因不掌握等原因无法提供1件。')), []);
  });
  const pending = edit(CLEAN(), '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |', '0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |');
  const corrected = edit(CLEAN(), '1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |', '0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |');
  test('均已审结 while a case is pending', () => {
    assert.deepEqual(messages(say('行政复议1件，均已审结。', pending)), ['正文称复议1件,均已审结，但表格中表三「行政复议·尚未审结」为 1']);
    assert.deepEqual(messages(say('共发生行政复议1件，已全部审结。', pending)).length, 1);
    assert.deepEqual(messages(say('行政复议1件，均已审结。')), []);
  });
  test('无败诉 after the cases it speaks of, while one was corrected', () => {
    assert.deepEqual(messages(say('行政复议1件，无败诉案件。', corrected)), ['正文称无败诉案件，但表格中表三「行政复议·结果纠正」为 1']);
    assert.deepEqual(messages(say('行政复议1件，无败诉案件。')), []);
  });
});

suite('narrative.parts-exceed-whole', () => {
  test('parts in the same unit that add up to more than the whole', () => {
    const text = prose('共发布信息100条，其中政策文件60条、解读50条。');
    assert.deepEqual(findings(text), ['4:6 warning narrative.parts-exceed-whole']);
    assert.equal(analyze(text).findings[0].message, '正文称共 100 条，其中各项之和为 110 条（60+50），超过总数');
    assert.deepEqual(findings(prose('共收到来信5件。其中，网上3件，信函3件。')), ['4:6 warning narrative.parts-exceed-whole']);
  });
  test('a list that goes on through ； while its segments are items (corpus2 102)', () => {
    const text = prose('共发布信息61条，其中:减税降费5条，政策解读共1条；预算、决算报告共7条；直达资金12条；其他文件共51条等。');
    assert.equal(analyze(text).findings[0]?.message, '正文称共 61 条，其中各项之和为 76 条（5+1+7+12+51），超过总数');
    // After ； a new whole (办结…) ends the list.
    assert.deepEqual(findings(prose('共收到申请10件，其中网上3件、信函2件；办结10件。')).filter((f) => f.includes('parts-exceed')), []);
  });
  test('在…的 N 条…中: the parts follow at once, the whole said again is no part (corpus2 100)', () => {
    const text = prose('在主动公开的90条政府信息中，全文电子化的信息数共90条，机构设置类信息共1条；规范性文件类信息10条；财政资金类信息52条；其他信息30条。');
    assert.equal(analyze(text).findings[0]?.message, '正文称共 90 条，其中各项之和为 93 条（1+10+52+30），超过总数');
    assert.deepEqual(findings(prose('在主动公开的90条政府信息中，机构设置类信息共10条；规范性文件类信息80条。')), []);
  });
  test('a part\'s own breakdown in brackets is no part of the whole; a list that starts in brackets is read', () => {
    assert.deepEqual(findings(prose('共发布信息380条，其中专项资金152条，预决算197条（政府预决算32条、部门预决算165条）、三公经费27条、债券4条。')), []);
    assert.equal(
      analyze(prose('共发布信息380条，其中专项资金152条，预决算200条（政府预决算32条、部门预决算165条）、三公经费27条、债券4条。')).findings[0]?.message,
      '正文称共 380 条，其中各项之和为 383 条（152+200+27+4），超过总数',
    );
    assert.deepEqual(findings(prose('共发布信息10条（其中政策文件6条、解读5条）。')), ['4:6 warning narrative.parts-exceed-whole']);
  });
  test('a part whose share is of another part is no part of the whole; shares of the whole leave the parts as they are', () => {
    assert.deepEqual(findings(prose('发布的事项共有89项，其中行政许可57项，实现一趟不用跑的有45项，占比78.9%。')), []);
    assert.deepEqual(findings(prose('发布的事项共有89项，其中行政许可57项，占比64%，其他事项45项，占比50.6%。')), ['4:8 warning narrative.parts-exceed-whole']);
  });
  test('parts in other units, or within the whole, are fine (seeds 002 and 003)', () => {
    assert.deepEqual(findings(prose('共发布信息100条，其中政策文件60条、图片解读50篇。')), []);
    for (const seed of ['002_e60c3c3fc476d400', '003_12d5eeac63ddaf69']) {
      assert.deepEqual(findings(readFixture(`examples/${seed}.txt`)).filter((f) => f.includes('parts-exceed')), []);
    }
  });
});

suite('narrative.placeholder and narrative.masked', () => {
  test('each placeholder once', () => {
    const text = prose('共收到XX件申请，20XX年度由某某负责，××单位，□□，电话＿＿，见[ ]。');
    assert.deepEqual(findings(text).map((f) => f.split(' ').slice(1).join(' ')), new Array(7).fill('error narrative.placeholder'));
  });
  test('xx inside an address, a URL or a word is not a placeholder', () => {
    assert.deepEqual(findings(prose('网址：http://www.xx.gov.cn/zfxxgk/xxgknb.htm，邮箱：xxgk@163.com，TEXT。')), []);
  });
  test('masked text: once per line, however many runs', () => {
    const text = prose('****分局与****中心联合发布。');
    assert.deepEqual(findings(text), ['4:1 warning narrative.masked']);
    assert.equal(analyze(text).findings[0].message, '此行有 2 处遮盖字符（如“****”），请恢复原文');
  });
});

suite('editor: from a figure to its cell and back', () => {
  test('definition, references and hover', () => {
    const text = prose('全年收到政府信息公开申请7件。');
    const analysis = analyze(text);
    const at = text.indexOf('申请7件') + 2;
    const [cell] = getDefinition(analysis, at);
    assert.equal(text.slice(cell.start, cell.end), '5');
    assert.equal(text.slice(0, cell.start).split('\n').length, 29);
    // This claim, and the report's own 收到政府信息公开申请5件 on line 6.
    assert.deepEqual(getReferences(analysis, cell.start).map((s) => text.slice(s.start, s.end)), ['7', '5']);
    assert.equal(getHover(analysis, at)?.markdown, ['**正文：收到申请 7**', '「一、本年新收政府信息公开申请数量」行「总计」列: 5', '✗ 与表格不符：表格为 5'].join('\n\n'));
  });
});
