// The three tables: every layout of both formats, each check with its exact
// findings, each fix applied and the report checked again.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze, applyEdits, findingKey, getCodeActions, getHover, getSymbols, offeredFixes } from '../../server/src/core/index';
import { CLEAN, CLEAN_2019, assertFixResolves, edit, findings, readFixture, relayout, type Layout } from '../helpers';

const values = (text: string, table: 'proactive' | 'requests' | 'review', row: string) =>
  analyze(text).report.tables[table]?.rows.find((r) => r.def.id === row)?.cells.map((c) => c.value);

suite('every layout, both formats', () => {
  const layouts: Layout[] = ['pipe', 'markdown', 'tab', 'cell-per-line', 'spaced', 'flattened'];
  for (const [name, make] of [['2021', CLEAN], ['2019', CLEAN_2019]] as const) {
    for (const layout of layouts) {
      test(`${name} format, ${layout}`, () => {
        const text = relayout(make(), layout);
        const { report } = analyze(text);
        assert.equal(report.format.format, name);
        const expected =
          layout === 'flattened'
            ? // 规范性文件 2 0 15 / 2 2 15 written as 2015 / 2215: no relation decides the cells.
              [`${name === '2021' ? 14 : 14}:${name === '2021' ? 8 : 6} warning table.cells-run-together`, ...(name === '2019' ? flattened2019Extra : [])]
            : [];
        assert.deepEqual(findings(text), expected);
        assert.deepEqual(values(text, 'requests', 'new'), [4, 1, 0, 0, 0, 0, 5]);
        assert.deepEqual(values(text, 'requests', 'resultsTotal'), [4, 1, 0, 0, 0, 0, 5]);
        assert.deepEqual(values(text, 'review', 'cases'), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert.equal(report.tables.requests?.rows.length, name === '2021' ? 25 : 23);
        assert.equal(report.tables.proactive?.rows.length, name === '2021' ? 6 : 8);
      });
    }
  }
});

/**
 * In the flattened 2019 table 1, rows whose digits have several readings run
 * together; 行政强制5-10 (5, -1, 0) and 行政事业性收费30 (3, 0) have only one.
 */
const flattened2019Extra = [
  '17:5 warning table.cells-run-together',
  '18:11 warning table.cells-run-together',
  '21:5 warning table.cells-run-together',
  '28:7 warning table.cells-run-together',
];

suite('reading numbers', () => {
  test('signed changes and amounts with units (2019 table 1)', () => {
    const text = CLEAN_2019();
    assert.deepEqual(values(text, 'proactive', 'otherServices'), [12, -2, 40]);
    assert.deepEqual(values(text, 'proactive', 'procurement'), [8, 126.5]);
  });
  test('full-width digits and thousands separators', () => {
    const text = edit(edit(CLEAN(), '行政许可 | 120 |', '行政许可 | １２０ |'), '行政处罚 | 30 |', '行政处罚 | 1,030 |');
    assert.deepEqual(values(text, 'proactive', 'licensing'), [120]);
    assert.deepEqual(values(text, 'proactive', 'penalty'), [1030]);
    assert.deepEqual(findings(text), []);
  });
  test('run-together rows of seed 000 split by the row relation', () => {
    const text = readFixture('examples/000_1d23ca6ff21b8a58.txt');
    assert.deepEqual(values(text, 'requests', 'new'), [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(values(text, 'requests', 'open'), [2, 0, 0, null, null, null, 2]);
    assert.deepEqual(values(text, 'requests', 'resultsTotal'), [4, 0, 0, 0, 0, null, 4]);
    assert.deepEqual(values(text, 'proactive', 'rules'), [0, 0, 0]);
  });
  test('empty organisation cells decided by the row total (corpus 014)', () => {
    const text = readFixture('test/fixtures/corpus/014_shuyang_fgj_2023_tab.txt');
    assert.deepEqual(values(text, 'requests', 'new'), [26, null, null, null, null, null, 26]);
  });
  test('labels detached from their numbers are read by order (corpus 015)', () => {
    const text = readFixture('test/fixtures/corpus/015_shanghai_kewei_2024_pdfmd.txt');
    assert.deepEqual(values(text, 'requests', 'partial'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(values(text, 'requests', 'withheld.internal'), [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(values(text, 'requests', 'otherHandling.overdue'), [8, 2, 0, 0, 0, 0, 10]);
  });
  test('a mixed report: 2021 rows with a single (六) (corpus 011)', () => {
    const { report } = analyze(readFixture('test/fixtures/corpus/011_hongze_2023_pdftext.txt'));
    assert.ok(report.tables.requests?.rowDefs.some((r) => r.id === 'otherHandling' && !r.group));
    assert.deepEqual(report.tables.requests?.missing, []);
  });
});

suite('table.row-total, results-total, balance: the culprit cell', () => {
  test('one wrong row total: two relations fail, one fix names the cell', () => {
    const text = edit(CLEAN(), '（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |', '（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 4 |');
    assert.deepEqual(findings(text), ['31:47 error table.row-total', '52:33 error table.results-total']);
    const [rowTotal] = analyze(text).findings;
    assert.equal(rowTotal.message, '「（一）予以公开」行总计 4 ≠ 各申请人之和 3（2+1+0+0+0+0）');
    // The total set to the sum of its parts, named with the relations it mends; a suggestion, never preferred.
    assert.deepEqual(rowTotal.fixes.map((f) => [f.title, f.safety, f.preferred]), [['将「（一）予以公开」行「总计」列改为各项之和 3（使行总计、（七）总计成立）', 'suggestion', false]]);
    assert.deepEqual(findings(assertFixResolves(text, 'table.row-total')), []);
  });
  test('a wrong part: the row total, the column total and the balance point at it', () => {
    const text = edit(CLEAN(), '（七）总计 | 4 | 1 |', '（七）总计 | 5 | 1 |');
    assert.deepEqual(findings(text), ['52:9 error table.results-total', '52:33 error table.row-total', '53:15 error table.balance']);
    const analysis = analyze(text);
    // Every finding offers the one change that mends all three; where the cell is the finding's total, as its sum.
    assert.deepEqual(analysis.findings.map((f) => f.fixes.map((x) => x.title)), [
      ['将「（七）总计」行「自然人」列改为各项之和 4（使行总计、（七）总计、勾稽关系成立）'],
      ['将「（七）总计」行「自然人」列改为 4（使行总计、（七）总计、勾稽关系成立）'],
      ['将「（七）总计」行「自然人」列改为 4（使行总计、（七）总计、勾稽关系成立）'],
    ]);
    assert.equal(analysis.findings[0].message, '（七）总计「自然人」列 5 ≠ 办理结果之和 4（2+1+1）');
    assert.equal(analysis.findings[2].message, '勾稽关系不成立（自然人列）：本年新收 4 + 上年结转 1 = 5，办理结果总计 5 + 结转下年度 1 = 6');
    assert.deepEqual(findings(assertFixResolves(text, 'table.balance')), []);
  });
  test('a balance broken in a way no single cell explains, where setting a total would break its row: no fix', () => {
    const text = edit(CLEAN(), '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    assert.deepEqual(findings(text), ['53:15 error table.balance', '53:39 error table.balance']);
    assert.deepEqual(analyze(text).findings.map((f) => f.fixes), [[], []]);
  });
  test('two wrong totals: each total is offered as the sum of its parts, where that breaks nothing', () => {
    // (七)总计 7 instead of 5 and 结转下年度 0 instead of 1: no single cell explains all four failures.
    let text = edit(CLEAN(), '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 7 |');
    text = edit(text, '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const analysis = analyze(text);
    assert.deepEqual(findings(text), ['52:33 error table.results-total', '52:33 error table.row-total', '53:39 error table.balance', '53:39 error table.row-total']);
    const rowTotal = analysis.findings[1];
    assert.deepEqual(rowTotal.fixes.map((f) => [f.title, f.preferred]), [['将「（七）总计」行「总计」列改为各项之和 5（使行总计、（七）总计成立）', false]]);
    // The balance: no one change mends it without breaking a row.
    assert.deepEqual(analysis.findings[2].fixes, []);
    // Applying it mends its own relation and adds no finding (the balance still fails, with other numbers).
    const after = analyze(applyEdits(text, rowTotal.fixes[0].edits));
    const place = (f: { code: string; span: { start: number } }) => `${f.code}@${f.span.start}`;
    const before = new Set(analysis.findings.map(place));
    assert.deepEqual(after.findings.filter((f) => !before.has(place(f))).map((f) => f.code), []);
    assert.ok(!after.findings.some((f) => place(f) === place(rowTotal)));
  });
  test('a blank total whose parts are not all zero', () => {
    const text = edit(CLEAN(), '二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 |  |');
    assert.deepEqual(findings(text), ['30:44 error table.row-total']);
    assert.match(analyze(text).findings[0].message, /行总计为空/);
    assert.deepEqual(findings(assertFixResolves(text, 'table.row-total')), []);
  });
  test('a flattened row that no split satisfies is reported as run together, never as a wrong total', () => {
    const text = relayout(edit(CLEAN(), '| 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '| 4 | 1 | 0 | 0 | 0 | 0 | 6 |'), 'flattened');
    assert.deepEqual(findings(text).filter((f) => f.includes('table.')), ['14:8 warning table.cells-run-together', '29:17 warning table.cells-run-together']);
  });
});

suite('table 1 in PDF order', () => {
  const withTable1 = (lines: string[]) => {
    const clean = CLEAN();
    return clean.slice(0, clean.indexOf('第二十条第（一）项')) + lines.join('\n') + '\n' + clean.slice(clean.indexOf('三、收到和处理'));
  };
  const expected = [
    ['rules', [0, 0, 0]],
    ['normative', [2, 0, 15]],
    ['licensing', [120]],
    ['penalty', [30]],
    ['coercion', [0]],
    ['fees', [0]],
  ];
  const read = (text: string) => analyze(text).report.tables.proactive!.rows.map((r) => [r.def.id, r.cells.map((c) => c.value)]);
  test('each block\'s labels, then its numbers', () => {
    const text = withTable1([
      '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件', '0 0 0', '2 0 15',
      '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '120',
      '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '行政强制', '30', '0',
      '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '0',
    ]);
    assert.deepEqual(read(text), expected);
    assert.deepEqual(findings(text), []);
  });
  test('all the labels, then all the numbers: rows by order, each keeping its label', () => {
    const text = withTable1(['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '0 0 0', '2 0 15', '120', '30', '0', '0']);
    assert.deepEqual(read(text), expected);
    assert.deepEqual(findings(text), []);
    assert.equal(analyze(text).report.tables.proactive!.rows[1].label?.text, '行政规范性文件');
  });
});

suite('rows that cannot be read say why', () => {
  const row = '二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
  const unread = (text: string) => analyze(text).findings.filter((f) => f.code === 'table.cells-run-together').map((f) => f.message);
  test('more values than cells in a delimited row: not read, no arithmetic (a blank first cell is a cell)', () => {
    assert.deepEqual(unread(edit(CLEAN(), row, '二、上年结转政府信息公开申请数量 | 1 | 0 | 3 | 0 | 0 | 0 | 0 | 1 |')), [
      '表二「二、上年结转政府信息公开申请数量」行的数值（1 | 0 | 3 | 0 | 0 | 0 | 0 | 1）多于 7 个单元格，无法确定各数值所在的列',
    ]);
    const blankFirst = edit(CLEAN(), row, '二、上年结转政府信息公开申请数量 |  | 1 | 0 | 0 | 0 | 0 | 1 |');
    assert.deepEqual(analyze(blankFirst).report.tables.requests!.rows[1].cells.map((c) => c.value), [null, 1, 0, 0, 0, 0, 1]);
    const word = edit(CLEAN(), row, '二、上年结转政府信息公开申请数量 | 无 | 1 | 0 | 0 | 0 | 0 | 1 |');
    assert.deepEqual(analyze(word).report.tables.requests!.rows[1].cells.map((c) => c.value), [null, 1, 0, 0, 0, 0, 1]);
    assert.ok(findings(word).some((f) => f.endsWith('table.cell-invalid')));
  });
  test('fewer values than cells where spaces were the only separators: blanks dropped, said so, briefly', () => {
    const text = edit(CLEAN(), row, '二、上年结转政府信息公开申请数量 1 0 0 0 0 6');
    assert.deepEqual(unread(text), ['表二「二、上年结转政府信息公开申请数量」行的数值（1 0 0 0 0 6）少于 7 个单元格，空白单元格未保留，无法确定各数值所在的列']);
    const long = edit(CLEAN(), row, `二、上年结转政府信息公开申请数量 ${'12 '.repeat(20)}`);
    assert.ok(unread(long)[0].includes('…'));
  });
});

suite('table.review-total', () => {
  test('the total set to the sum of its parts comes first; a part that alone mends it second (corpus 011)', () => {
    const text = readFixture('test/fixtures/corpus/011_hongze_2023_pdftext.txt');
    const reviews = analyze(text).findings.filter((f) => f.code === 'table.review-total');
    assert.deepEqual(reviews.map((f) => [f.message, f.fixes.map((x) => [x.title, x.safety, x.preferred])]), [
      ['行政复议总计 0 ≠ 维持 + 纠正 + 其他 + 尚未审结 = 11（10+1+0+0）', [['将表三「行政复议·总计」改为各项之和 11（使复议、诉讼总计成立）', 'suggestion', false]]],
      [
        '复议后起诉总计 0 ≠ 维持 + 纠正 + 其他 + 尚未审结 = 5（5+0+0+0）',
        [
          ['将表三「复议后起诉·总计」改为各项之和 5（使复议、诉讼总计成立）', 'suggestion', false],
          ['将表三「复议后起诉·结果维持」改为 0（使复议、诉讼总计成立）', 'suggestion', false],
        ],
      ],
    ]);
    assertFixResolves(text, 'table.review-total');
  });
  test('constructed', () => {
    const text = edit(CLEAN(), '\n1 | 0 | 0 | 0 | 1 |', '\n1 | 0 | 0 | 0 | 2 |');
    assert.deepEqual(findings(text), ['58:17 error table.review-total']);
    assert.deepEqual(findings(assertFixResolves(text, 'table.review-total')), []);
  });
});

suite('table.missing, table.missing-row', () => {
  test('a section with text but no table', () => {
    const text = CLEAN().replace(/三、收到和处理政府信息公开申请情况\n[\s\S]*?四、政府信息公开行政复议/, '三、收到和处理政府信息公开申请情况\n本年度共收到申请5件，详见附表。\n四、政府信息公开行政复议');
    assert.deepEqual(findings(text), ['25:1 error table.missing']);
  });
  test('table 3 on a crawled line after a sentence of its section: read; a sentence with a figure and a few header words is none', () => {
    const clean = CLEAN();
    const from = clean.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const to = clean.indexOf('五、存在的主要问题');
    const table = clean.slice(from, to).split('\n').slice(1).join('').replace(/ \| /g, '').replace(/ \|/g, '');
    const flat = (sentence: string) => clean.slice(0, from) + '四、政府信息公开行政复议、行政诉讼情况' + sentence + table + '\n' + clean.slice(to);
    assert.deepEqual(findings(flat('2023年，本机关发生政府信息公开行政复议1件。')), []);
    const report = analyze(flat('2023年，本机关发生政府信息公开行政复议1件。')).report;
    assert.deepEqual(report.tables.review!.rows[0].cells.map((c) => c.value), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // No table: the prose's own figure is no cell.
    const prose = clean.slice(0, from) + '四、政府信息公开行政复议、行政诉讼情况\n本年度发生行政复议。行政诉讼0件。\n' + clean.slice(to);
    assert.deepEqual(findings(prose), ['54:1 error table.missing']);
  });
  test('a row left out', () => {
    const text = edit(CLEAN(), '4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '');
    assert.deepEqual(findings(text), ['36:1 error table.missing-row']);
    assert.match(analyze(text).findings[0].message, /表二缺少「（三）不予公开 4\.保护第三方合法权益」行/);
  });
  test('most rows not recognised: one warning for the table, not an error per row', () => {
    const clean = CLEAN();
    // Only 一 to （一） are there; the rest of table 2 is text the reader does not know.
    const from = clean.indexOf('（二）部分公开');
    const text = clean.slice(0, from) + '（表格其余部分为图片，未能复制）\n' + clean.slice(clean.indexOf('四、政府信息公开行政复议'));
    assert.deepEqual(findings(text).filter((f) => f.includes('missing-row')), ['29:1 warning table.missing-row']);
    assert.match(analyze(text).findings.find((f) => f.code === 'table.missing-row')!.message, /只识别出 3 行，另有 20 行未能识别/);
  });
});

suite('digits run together that no reading makes add up', () => {
  test('said as a row to correct whichever reading is meant, not as a split merely unknown; a run that adds up is read', () => {
    const row = '三、本年度办理结果 | （一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |';
    const wrong = edit(CLEAN(), row, '三、本年度办理结果（一）予以公开2100000');
    assert.deepEqual(findings(wrong), ['31:17 warning table.cells-run-together']);
    assert.equal(analyze(wrong).findings[0].message, '表二「（一）予以公开」行的数字（2100000）无论怎样拆分为 7 个单元格，合计都不符：该行需更正');
    assert.deepEqual(findings(edit(CLEAN(), row, '三、本年度办理结果（一）予以公开2100003')), []);
  });
});

suite('one cell a line, an ordinal on a line of its own', () => {
  test('`2.` above its label is the label\'s ordinal, not a cell of the row before', () => {
    const cells = relayout(CLEAN(), 'cell-per-line');
    const split = cells.replace(/\n(\d)\.(属于|其他|危及|保护|本机关|没有|补正|信访|重复|要求|无正当|申请人)/g, '\n$1.\n$2');
    assert.notEqual(split, cells);
    assert.deepEqual(findings(split), findings(cells).map((f) => f));
  });
});

suite('labels with their unit', () => {
  test('政府集中采购（元） glued after table 1\'s header words is the row, with its unit (a crawled page)', () => {
    const original = readFixture('test/fixtures/corpus2/113_pingtan_ziran_2020_flat.txt');
    const withUnit = original.replace('采购总金额政府集中采购', '采购总金额政府集中采购（元）');
    assert.notEqual(withUnit, original);
    const rows = (text: string) => analyze(text).report.tables.proactive!.rows.map((r) => `${r.def.id}:${r.cells.map((c) => c.value).join(',')}`);
    assert.deepEqual(rows(withUnit), rows(original));
    const said = (text: string) => analyze(text).findings.map((f) => `${f.severity} ${f.code} ${f.message}`);
    assert.deepEqual(said(withUnit), said(original));
  });
});

suite('cells', () => {
  test('a negative count and a fraction', () => {
    let text = edit(CLEAN(), '2.重复申请 | 0 | 0 |', '2.重复申请 | -1 | 0 |');
    assert.deepEqual(findings(text), ['45:10 error table.cell-invalid']);
    text = edit(CLEAN(), '2.重复申请 | 0 | 0 |', '2.重复申请 | 0.5 | 0 |');
    assert.deepEqual(findings(text), ['45:10 error table.cell-invalid']);
  });
  test('text where a number belongs, in its own column', () => {
    const text = edit(CLEAN(), '2.重复申请 | 0 | 0 |', '2.重复申请 | 0 | 无 |');
    assert.deepEqual(findings(text), ['45:14 error table.cell-invalid']);
    assert.equal(analyze(text).findings[0].message, '「（五）不予处理 2.重复申请」行「商业企业」列为「无」：此处应填写数字');
    assert.deepEqual(values(text, 'requests', 'rejected.repeat'), [0, null, 0, 0, 0, 0, 0]);
  });
  test('a blank cell in table 1, and a table-2 row without numbers', () => {
    assert.deepEqual(findings(edit(CLEAN(), '行政规范性文件 | 2 | 0 | 15 |', '行政规范性文件 | 2 | 0 |  |')), ['14:19 warning table.cell-empty']);
    assert.deepEqual(findings(edit(CLEAN(), '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '2.重复申请 |  |  |  |  |  |  |  |')), ['45:1 warning table.cell-empty']);
  });
});

suite('table.label-variant', () => {
  test('a typo in a row label is recognised and fixed to the official label', () => {
    const text = edit(CLEAN(), '2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    assert.deepEqual(findings(text), ['34:1 hint table.label-variant']);
    assert.deepEqual(findings(assertFixResolves(text, 'table.label-variant')), []);
  });
  test('a lost ordinal (seed 001: 、本年度办理结果) and masked labels (seed 004)', () => {
    assert.deepEqual(findings(readFixture('examples/001_67c1420167c13949.txt')).filter((f) => f.includes('label')), ['155:1 hint table.label-variant']);
    const masked = analyze(readFixture('examples/004_164254f647ab523c.txt')).findings.filter((f) => f.code === 'table.label-variant');
    assert.equal(masked[0].fixes[0].edits[0].newText, '一、本年新收政府信息公开申请数量');
  });
});

suite('report.format', () => {
  test('the cited notice disagrees with the headers: the headers decide, and that is said', () => {
    const text = edit(CLEAN(), '〔2021〕30号', '〔2019〕60号');
    assert.deepEqual(findings(text), ['2:54 warning report.format']);
    assert.equal(analyze(text).report.format.format, '2021');
  });
  test('table 1 in the other format than the year: said at its header, and its rows are not demanded (corpus2 110)', () => {
    const text = CLEAN().replace(/示例县人民政府2023年/, '示例县人民政府2020年').replace(/统计期限为2023年/, '统计期限为2020年');
    const ours = findings(text).filter((f) => !f.endsWith('report.year'));
    const header = text.indexOf('本年制发件数');
    const line = text.slice(0, header).split('\n').length;
    assert.deepEqual(ours.filter((f) => f.endsWith('report.format')), [`${line}:${header - text.lastIndexOf('\n', header)} warning report.format`]);
    assert.equal(analyze(text).report.format.format, '2021');
  });
  test('the statistics period gives the year where no title does', () => {
    const text = CLEAN().replace(/^.*年度报告\n/, '');
    assert.equal(analyze(text).report.title, undefined);
    assert.deepEqual(analyze(text).report.format.evidence.map((e) => [e.kind, e.format]), [['headers', '2021'], ['notice', '2021'], ['year', '2021']]);
  });
});

suite('editor features on tables', () => {
  test('a uniquely split flattened row can be rewritten with its cells apart, label untouched', () => {
    const text = readFixture('examples/000_1d23ca6ff21b8a58.txt');
    const at = text.indexOf('4000004');
    const [action] = getCodeActions(analyze(text), { start: at, end: at }).filter((a) => a.kind === 'refactor.rewrite');
    assert.equal(action.title, '将连在一起的数字分列：4 0 0 0 0 0 4');
    const after = applyEdits(text, action.edits);
    assert.ok(after.includes('一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4\n'));
    assert.deepEqual(values(after, 'requests', 'new'), [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(findings(after), findings(text));
  });
  test('every run-together row of the report at once (seed 000: 19 rows): each value read as before, no finding added', () => {
    const text = readFixture('examples/000_1d23ca6ff21b8a58.txt');
    const at = text.indexOf('4000004');
    const analysis = analyze(text);
    const actions = getCodeActions(analysis, { start: at, end: at }).filter((a) => a.kind === 'refactor.rewrite');
    assert.deepEqual(actions.map((a) => a.title), ['将连在一起的数字分列：4 0 0 0 0 0 4', '将所有表格中连在一起的数字分列（19 行）']);
    const after = applyEdits(text, actions[1].edits);
    assert.equal(actions[1].edits.length, 19);
    const split = (a: typeof analysis) => Object.values(a.report.tables).flatMap((t) => t?.rows ?? []).filter((r) => r.cells.some((c) => c.split)).length;
    assert.equal(split(analyze(after)), 0);
    for (const table of ['proactive', 'requests', 'review'] as const) {
      const cells = (a: typeof analysis) => a.report.tables[table]?.rows.map((r) => r.cells.map((c) => c.value));
      assert.deepEqual(cells(analyze(after)), cells(analysis), table);
    }
    assert.deepEqual(findings(after), findings(text));
    // One row alone: only its own rewrite.
    const one = readFixture('examples/000_1d23ca6ff21b8a58.txt');
    assert.ok(getCodeActions(analyze(applyEdits(one, actions[1].edits.slice(1))), { start: at, end: at }).every((a) => !a.title.startsWith('将所有')));
  });
  test('hover on a total shows its relations with the values', () => {
    const text = CLEAN();
    const hover = getHover(analyze(text), text.indexOf('（七）总计 | 4') + '（七）总计 | '.length);
    assert.equal(
      hover?.markdown,
      [
        '**「（七）总计」行「自然人」列**：4',
        '✓ 行总计 = 各申请人之和：4 + 1 + 0 + 0 + 0 + 0 = 5；5 = 5',
        '✓ （七）总计 = 办理结果之和：2 + 1 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 1 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 + 0 = 4；4 = 4',
        '✓ 勾稽关系：一 + 二 = （七）总计 + 四：4 + 1 = 5；4 + 1 = 5',
      ].join('\n\n'),
    );
  });
  test('the outline has each table under its section, and table 2 its rows', () => {
    const [root] = getSymbols(analyze(CLEAN()));
    const tables = root.children.flatMap((s) => s.children.filter((c) => c.kind === 'table'));
    assert.deepEqual(tables.map((t) => [t.name, t.children.length]), [['表一', 0], ['表二', 25], ['表三', 0]]);
    assert.equal(tables[1].children[5].name, '（三）不予公开 2.其他法律行政法规禁止公开');
  });
});

suite('fixes that used to damage a report', () => {
  /** The errors and warnings of a text, by check and subject, for "nothing new". */
  const serious = (text: string) =>
    analyze(text)
      .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map(findingKey)
      .sort();
  const assertNothingNew = (before: string, after: string, what: string) => {
    const was = serious(before);
    const added = serious(after).filter((k) => !was.includes(k));
    assert.deepEqual(added, [], what);
  };

  test('a tab table\'s blank total (corpus 012, line 61): the suggestion writes it in its own cell', () => {
    const lines = readFixture('test/fixtures/corpus/012_hongze_2024_tab.txt').split('\n');
    assert.equal(lines[60], '三、本年度办理结果\t（一）予以公开\t\t50\t0\t0\t0\t0\t0\t50');
    lines[60] = lines[60].replace(/50$/, '');
    const text = lines.join('\n');
    const analysis = analyze(text);
    const finding = analysis.findings.find((f) => f.code === 'table.row-total')!;
    const [suggestion] = offeredFixes(analysis, finding);
    assert.equal(suggestion.title, '将「（一）予以公开」行「总计」列改为各项之和 50（使行总计成立）');
    const fixed = applyEdits(text, suggestion.edits);
    assert.equal(fixed.split('\n')[60], '三、本年度办理结果\t（一）予以公开\t\t50\t0\t0\t0\t0\t0\t50');
    assert.deepEqual(findings(fixed), findings(readFixture('test/fixtures/corpus/012_hongze_2024_tab.txt')));
  });

  test('a label fix where two rows share a line (PDF text, seeds 000 and 010) keeps the restored ordinal apart from the digits before it', () => {
    let cases = 0;
    for (const file of ['examples/000_1d23ca6ff21b8a58.txt', 'test/fixtures/corpus/010_huaian_2024_pdftext.txt']) {
      const text = readFixture(file);
      // Rows whose label starts a line after a line of digits: joined onto that line, their ordinal lost.
      const rows = analyze(text).report.tables.requests!.rows.filter((r) => r.label && /\d\r?\n$/.test(text.slice(Math.max(0, r.label.span.start - 3), r.label.span.start)));
      for (const row of rows) {
        const ordinal = /^\d[.．、]/.exec(text.slice(row.label!.span.start, row.label!.span.end));
        if (!ordinal) continue;
        const start = row.label!.span.start;
        const damaged = text.slice(0, start).replace(/\r?\n$/, ' ') + text.slice(start + ordinal[0].length);
        const analysis = analyze(damaged);
        const finding = analysis.findings.find((f) => f.code === 'table.label-variant' && f.message.includes(row.def.label.slice(2)));
        if (!finding) continue;
        cases++;
        const fixed = applyEdits(damaged, finding.fixes[0].edits);
        assertNothingNew(damaged, fixed, `${file}: ${row.def.label}`);
        assert.ok(!findings(fixed).some((f) => f.endsWith('table.missing-row')), `${file}: ${row.def.label}`);
      }
    }
    assert.ok(cases >= 5, `${cases} cases`);
  });

  test('a mistyped part and a blank total: only suggestions that break nothing are offered', () => {
    const text = edit(CLEAN(), '（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |', '（一）予以公开 | 2 | 2 | 0 | 0 | 0 | 0 |  |');
    const analysis = analyze(text);
    for (const finding of analysis.findings) {
      for (const fix of offeredFixes(analysis, finding)) assertNothingNew(text, applyEdits(text, fix.edits), `${finding.code}: ${fix.title}`);
    }
    // The total set to the sum of the mistyped parts (4) would break the column total: it is not offered.
    const rowTotal = analysis.findings.find((f) => f.code === 'table.row-total')!;
    assert.ok(!offeredFixes(analysis, rowTotal).some((f) => /改为各项之和 4/.test(f.title)), offeredFixes(analysis, rowTotal).map((f) => f.title).join('；'));
  });
});
