// The tables as a preview sees them: official headers, every row, cells with
// their place in the text and the relations they take part in.

import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze, getTablesView, type HeaderCell, type TableView } from '../../server/src/core/index';
import { CLEAN, CLEAN_2019, edit, readFixture } from '../helpers';

const texts = (header: HeaderCell[][]) => header.map((r) => r.map((c) => `${c.text}${c.colSpan > 1 ? `→${c.colSpan}` : ''}${c.rowSpan > 1 ? `↓${c.rowSpan}` : ''}`));
const byId = (tables: TableView[], id: string) => tables.find((t) => t.id === id)!;

suite('tables view', () => {
  test('clean 2021: titles, names, relation counts', () => {
    const view = getTablesView(analyze(CLEAN()));
    assert.equal(view.format, '2021');
    assert.equal(view.lang, 'zh-CN');
    assert.deepEqual(
      view.tables.map((t) => [t.id, t.name, t.title, t.relations]),
      [
        ['proactive', '表一', '主动公开政府信息情况', { checked: 0, failing: 0 }],
        ['requests', '表二', '收到和处理政府信息公开申请情况', { checked: 25 + 7 + 7, failing: 0 }],
        ['review', '表三', '行政复议、行政诉讼情况', { checked: 3, failing: 0 }],
      ],
    );
    // Serializable: what goes over the wire comes back the same.
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  });

  test('clean 2021: table 1 blocks with their own headers', () => {
    const text = CLEAN();
    const proactive = byId(getTablesView(analyze(text)).tables, 'proactive');
    assert.deepEqual(proactive.blocks.map((b) => b.label), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.deepEqual(texts(proactive.blocks[0].header), [['第二十条第（一）项→4'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']]);
    assert.deepEqual(texts(proactive.blocks[3].header), [['第二十条第（八）项→2'], ['信息内容', '本年收费金额（单位：万元）']]);
    const normative = proactive.blocks[0].rows[1];
    assert.equal(normative.label, '行政规范性文件');
    assert.deepEqual(normative.cells.map((c) => [c.column, c.value, c.text]), [['issued', 2, '2'], ['repealed', 0, '0'], ['inForce', 15, '15']]);
    const at = text.indexOf('行政规范性文件 | 2 | 0 | 15 |');
    assert.deepEqual(normative.labelSpan, { start: at, end: at + 7 });
    assert.deepEqual(normative.cells[2].span, { start: at + 18, end: at + 20 });
    assert.deepEqual(normative.cells[2].relations, []);
    assert.deepEqual(proactive.blocks.map((b) => b.rows.map((r) => r.id)), [['rules', 'normative'], ['licensing'], ['penalty', 'coercion'], ['fees']]);
  });

  test('clean 2021: table 2 with its grouped header and grouped row labels', () => {
    const text = CLEAN();
    const requests = byId(getTablesView(analyze(text)).tables, 'requests');
    assert.equal(requests.blocks.length, 1);
    const [block] = requests.blocks;
    assert.deepEqual(texts(block.header), [
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）→3↓3', '申请人情况→7'],
      ['自然人↓2', '法人或其他组织→5', '总计↓2'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    ]);
    assert.equal(block.rows.length, 25);
    const labels = (id: string) => texts([block.rows.find((r) => r.id === id)!.labels])[0];
    assert.deepEqual(labels('new'), ['一、本年新收政府信息公开申请数量→3']);
    assert.deepEqual(labels('open'), ['三、本年度办理结果↓22', '（一）予以公开→2']);
    assert.deepEqual(labels('withheld.secret'), ['（三）不予公开↓8', '1.属于国家秘密']);
    assert.deepEqual(labels('withheld.law'), ['2.其他法律行政法规禁止公开']);
    assert.deepEqual(labels('otherHandling.overdue'), ['（六）其他处理↓3', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']);
    assert.deepEqual(labels('resultsTotal'), ['（七）总计→2']);
    assert.deepEqual(labels('next'), ['四、结转下年度继续办理→3']);
    // A row's name carries its group's label, as the findings name it.
    assert.equal(block.rows.find((r) => r.id === 'withheld.law')!.name, '（三）不予公开 2.其他法律行政法规禁止公开');
    assert.equal(block.rows.find((r) => r.id === 'open')!.name, '（一）予以公开');
    // Every grid row is as wide as the header: 3 label columns and 7 cells.
    const spanned = new Map<number, number>();
    block.rows.forEach((row, i) => {
      const covered = (spanned.get(i) ?? 0) + row.labels.reduce((s, l) => s + l.colSpan, 0);
      for (const l of row.labels) for (let k = 1; k < l.rowSpan; k++) spanned.set(i + k, (spanned.get(i + k) ?? 0) + l.colSpan);
      assert.equal(covered, 3, row.id);
      assert.equal(row.cells.length, 7);
    });

    const fresh = block.rows[0];
    assert.equal(fresh.written, '一、本年新收政府信息公开申请数量');
    assert.deepEqual(fresh.cells.map((c) => c.value), [4, 1, 0, 0, 0, 0, 5]);
    const total = fresh.cells[6];
    const before = '一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | ';
    const line = text.indexOf(`${before}5 |`);
    assert.deepEqual(total.span, { start: line + before.length, end: line + before.length + 1 });
    assert.equal(text.slice(total.span!.start, total.span!.end), '5');
    assert.deepEqual(total, {
      column: 'total',
      value: 5,
      text: '5',
      span: total.span,
      failing: false,
      culprit: false,
      relations: ['✓ 行总计 = 各申请人之和：4 + 1 + 0 + 0 + 0 + 0 = 5；5 = 5', '✓ 勾稽关系：一 + 二 = （七）总计 + 四：5 + 1 = 6；5 + 1 = 6'],
    });
    const results = block.rows.find((r) => r.id === 'resultsTotal')!.cells[0];
    assert.deepEqual(results.relations, [
      '✓ 行总计 = 各申请人之和：4 + 1 + 0 + 0 + 0 + 0 = 5；5 = 5',
      // （一）, （二）, （三）1–8, （四）1–3, （五）1–5, （六）1–3.
      `✓ （七）总计 = 办理结果之和：${[2, 1, ...Array(8).fill(0), 1, 0, 0, ...Array(5).fill(0), ...Array(3).fill(0)].join(' + ')} = 4；4 = 4`,
      '✓ 勾稽关系：一 + 二 = （七）总计 + 四：4 + 1 = 5；4 + 1 = 5',
    ]);
  });

  test('clean 2021: table 3 with its three groups and no row label', () => {
    const review = byId(getTablesView(analyze(CLEAN())).tables, 'review');
    assert.deepEqual(texts(review.blocks[0].header).slice(0, 2), [['行政复议→5↓2', '行政诉讼→10'], ['未经复议直接起诉→5', '复议后起诉→5']]);
    assert.equal(review.blocks[0].header[2].length, 15);
    const [row] = review.blocks[0].rows;
    assert.deepEqual(row.labels, []);
    assert.deepEqual(row.cells.map((c) => c.value), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(row.cells[4].relations, ['✓ 总计 = 维持 + 纠正 + 其他 + 尚未审结：1 + 0 + 0 + 0 = 1；1 = 1']);
  });

  test('relations follow the analysis language', () => {
    const view = getTablesView(analyze(CLEAN(), { lang: 'en' }));
    assert.deepEqual(view.tables.map((t) => t.name), ['Table 1', 'Table 2', 'Table 3']);
    assert.deepEqual(byId(view.tables, 'review').blocks[0].rows[0].cells[0].relations, ['✓ total = upheld + corrected + other + pending：1 + 0 + 0 + 0 = 1；1 = 1']);
    // Headers stay the official wording.
    assert.equal(byId(view.tables, 'requests').blocks[0].header[0][1].text, '申请人情况');
  });

  test('a failing table 3 (011, two groups): failing cells, the cells that would mend it, ✗ relations', () => {
    const text = readFixture('test/fixtures/corpus/011_hongze_2023_pdftext.txt');
    const view = getTablesView(analyze(text));
    assert.equal(view.format, '2021');
    const review = byId(view.tables, 'review');
    assert.deepEqual(review.relations, { checked: 3, failing: 2 });
    assert.deepEqual(byId(view.tables, 'requests').relations, { checked: 37, failing: 0 });
    const cells = review.blocks[0].rows[0].cells;
    assert.deepEqual(cells.map((c) => c.value), [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]);
    assert.deepEqual(cells.map((c) => c.failing), [...Array(5).fill(true), ...Array(5).fill(false), ...Array(5).fill(true)]);
    assert.deepEqual(cells.filter((c) => c.culprit).map((c) => c.column), ['review.total', 'afterReview.upheld', 'afterReview.total']);
    assert.deepEqual(cells[4].relations, ['✗ 总计 0 ≠ 11 (10 + 1 + 0 + 0)']);
    assert.deepEqual(cells[14].relations, ['✗ 总计 0 ≠ 5 (5 + 0 + 0 + 0)']);
    assert.deepEqual(cells[9].relations, ['✓ 总计 = 维持 + 纠正 + 其他 + 尚未审结：0 + 0 + 0 + 0 = 0；0 = 0']);
    const line = text.indexOf('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0');
    assert.ok(line > 0);
    assert.deepEqual(cells.map((c) => c.span!.start - line), [0, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29]);
    assert.deepEqual(cells.map((c) => c.text), cells.map((c) => String(c.value)));
    // (六)其他处理 as one row in a 2021 table: the rows the text has, with their grouped labels.
    const requests = byId(view.tables, 'requests').blocks[0];
    assert.equal(requests.rows.length, 23);
    assert.deepEqual(texts([requests.rows.find((r) => r.id === 'otherHandling')!.labels])[0], ['（六）其他处理→2']);
    assert.deepEqual(texts([requests.rows.find((r) => r.id === 'open')!.labels])[0], ['三、本年度办理结果↓20', '（一）予以公开→2']);
  });

  test('a failing total in table 2 and a missing row', () => {
    const text = edit(
      edit(CLEAN(), '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 6 |'),
      '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n',
      '',
    );
    const requests = byId(getTablesView(analyze(text)).tables, 'requests');
    const rows = requests.blocks[0].rows;
    const repeat = rows.find((r) => r.id === 'rejected.repeat')!;
    assert.equal(repeat.missing, true);
    assert.deepEqual(repeat.cells.map((c) => [c.value, c.span, c.relations.length]), Array(7).fill([null, null, 0]));
    // Without the row, the results total cannot be evaluated; the row total and the balance can.
    const total = rows.find((r) => r.id === 'resultsTotal')!.cells[6];
    assert.equal(total.failing, true);
    assert.deepEqual(total.relations, ['✗ 总计 6 ≠ 5 (4 + 1 + 0 + 0 + 0 + 0)', '✗ （七）总计 + 四 7 (6 + 1) ≠ 一 + 二 6 (5 + 1)']);
    assert.equal(requests.relations.failing, 2);
  });

  test('clean 2019: its own table 1 and (六) as one row', () => {
    const view = getTablesView(analyze(CLEAN_2019()));
    assert.equal(view.format, '2019');
    const proactive = byId(view.tables, 'proactive');
    assert.deepEqual(proactive.blocks.map((b) => b.header[1].map((c) => c.text).join('|')), [
      '信息内容|本年新制作数量|本年新公开数量|对外公开总数量',
      '信息内容|上一年项目数量|本年增/减|处理决定数量',
      '信息内容|上一年项目数量|本年增/减|处理决定数量',
      '信息内容|上一年项目数量|本年增/减',
      '信息内容|采购项目数量|采购总金额',
    ]);
    const licensing = proactive.blocks[1].rows[0];
    assert.deepEqual(licensing.cells.map((c) => [c.value, c.text]), [[45, '45'], [3, '+3'], [120, '120']]);
    assert.deepEqual(proactive.blocks[4].rows[0].cells.map((c) => [c.value, c.text]), [[8, '8'], [126.5, '126.5万元']]);
    const requests = byId(view.tables, 'requests').blocks[0];
    assert.equal(requests.rows.length, 23);
    assert.equal(requests.rows.find((r) => r.id === 'withheld.enforcement')!.label, '7.属于行政执法案件');
  });

  test('no tables, no views; an unparsed document has none either', () => {
    assert.deepEqual(getTablesView(analyze('一、总体情况\n正文。\n')).tables, []);
    assert.deepEqual(getTablesView(analyze(CLEAN(), { maxSize: 10 })).tables, []);
  });
});
