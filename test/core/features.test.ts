import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, getCodeActions, getFoldingSpans, getHover, getSymbols, looksLikeReport, offeredFixes, ProofBudget } from '../../server/src/core/index';
import { CLEAN, ROOT, readFixture } from '../helpers';

suite('outline', () => {
  for (const seed of ['000_1d23ca6ff21b8a58', '001_67c1420167c13949', '002_e60c3c3fc476d400', '003_12d5eeac63ddaf69']) {
    test(`seed ${seed}: the title with the six sections`, () => {
      const [root, ...rest] = getSymbols(analyze(readFixture(`examples/${seed}.txt`)));
      assert.equal(rest.length, 0);
      assert.equal(root.kind, 'report');
      assert.match(root.name, /政府信息公开工作年度报告$/);
      assert.deepEqual(root.children.map((c) => c.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
    });
  }
  test('seed 004 has no title: the six sections are the top level, with subsections', () => {
    const symbols = getSymbols(analyze(readFixture('examples/004_164254f647ab523c.txt')));
    assert.deepEqual(symbols.map((s) => s.name), [
      '一、总体情况',
      '二、****政府信息情况',
      '三、****政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    assert.equal(symbols[1].detail, '主动公开政府信息情况');
    assert.deepEqual(symbols[0].children.map((c) => c.name), ['(一)主动公开情况', '(二)依申请公开情况', '(四)信息公**台建设情况', '(五)监督保障情况']);
  });
  test('a long subsection name is cut at a character, never inside a surrogate pair', () => {
    // 39 characters, then 𠀀 (two UTF-16 units) across the 40-unit cut.
    const long = `${'加强政务公开平台建设'.repeat(3)}推进政务公开标准化${'𠀀'}规范化建设`;
    const text = CLEAN().replace('（四）政府信息公开平台建设情况。', `（四）${long}。`);
    const section = getSymbols(analyze(text))[0].children[0];
    const name = section.children[3].name;
    assert.equal(name, `（四）${long.slice(0, 39)}`);
    assert.ok(!/[\ud800-\udbff]$/.test(name));
    // Without the pair at the cut, the cut stays at 40 units.
    const plain = CLEAN().replace('（四）政府信息公开平台建设情况。', `（四）${long.replace('𠀀', '化化')}。`);
    assert.equal(getSymbols(analyze(plain))[0].children[0].children[3].name.length, 43);
  });
  test('table 2\'s rows are children of its table, not siblings: the outline can fold them away', () => {
    const [root] = getSymbols(analyze(readFixture('examples/000_1d23ca6ff21b8a58.txt')));
    const third = root.children[2];
    assert.deepEqual(third.children.map((c) => [c.kind, c.name]), [['table', '表二']]);
    const rows = third.children[0].children;
    assert.equal(rows.length, 25);
    assert.ok(rows.every((r) => r.kind === 'row' && r.children.length === 0));
    assert.equal(rows[0].name, '一、本年新收政府信息公开申请数量');
    // Nothing but the six sections at the level under the title.
    assert.deepEqual(root.children.map((c) => c.kind), Array(6).fill('section'));
  });
  test('a report\'s own chapters (015: 二、工作机制保障 … inside 一、总体情况) are in the outline, subsections under their chapter', () => {
    const [root] = getSymbols(analyze(readFixture('test/fixtures/corpus/015_shanghai_kewei_2024_pdfmd.txt')));
    assert.deepEqual(root.children.map((c) => c.name), ['一、总体情况', '一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况', '三、政府信息公开行政复议、行政诉讼情况', '五、其他需要报告的事项']);
    assert.deepEqual(root.children[0].children.map((c) => [c.kind, c.name]), [
      ['chapter', '二、工作机制保障'],
      ['chapter', '三、主动公开工作情况'],
      ['chapter', '四、政府信息公开申请情况'],
      ['chapter', '五、政府信息管理'],
      ['chapter', '六、政府信息公开平台建设'],
    ]);
    // A subsection written under a chapter is that chapter's child; the chapter ends where the next begins.
    const text = CLEAN().replace('（三）政府信息管理情况。', '二、我们的做法\n（三）政府信息管理情况。');
    const first = getSymbols(analyze(text))[0].children[0];
    assert.deepEqual(first.children.map((c) => [c.kind, c.name, c.children.map((s) => s.name)]), [
      ['subsection', '（一）主动公开情况', []],
      ['subsection', '（二）依申请公开情况', []],
      ['chapter', '二、我们的做法', ['（三）政府信息管理情况', '（四）政府信息公开平台建设情况', '（五）监督保障情况']],
    ]);
    assert.ok(first.children[1].span.end <= first.children[2].span.start);
  });
  test('every symbol contains its children and its selection', () => {
    const walk = (nodes: ReturnType<typeof getSymbols>) => {
      for (const n of nodes) {
        assert.ok(n.span.start <= n.selection.start && n.selection.end <= n.span.end, n.name);
        for (const c of n.children) assert.ok(n.span.start <= c.span.start && c.span.end <= n.span.end, c.name);
        walk(n.children);
      }
    };
    walk(getSymbols(analyze(readFixture('examples/001_67c1420167c13949.txt'))));
  });
});

suite('folding, hover, code actions', () => {
  test('folding covers each section and subsection', () => {
    const spans = getFoldingSpans(analyze(CLEAN()));
    assert.equal(spans.length, 6 + 5 + 2);
  });
  test('hover on a heading names the section and, for a variant, the official wording', () => {
    const text = readFixture('examples/000_1d23ca6ff21b8a58.txt');
    const at = text.indexOf('五、存在问题及改进情况') + 3;
    const hover = getHover(analyze(text), at);
    assert.ok(hover);
    assert.match(hover.markdown, /第五部分/);
    assert.match(hover.markdown, /官方表述：存在的主要问题及改进情况/);
    const en = getHover(analyze(text, { lang: 'en' }), at);
    assert.match(en!.markdown, /^\*\*Section 5\*\* · /);
    assert.equal(getHover(analyze(text), text.indexOf('信息发布2108条')), undefined);
  });
  test('hover on a broken total leads with what is wrong, in either language; one that holds shows its arithmetic', () => {
    const text = readFixture('test/fixtures/corpus/011_hongze_2023_pdftext.txt');
    const line = text.indexOf('10 1 0 0 0 0 0 0 0 0 5 0 0 0 0');
    // The fifth number is 行政复议 总计 (0); the tenth, 未经复议直接起诉 总计 (0), holds.
    assert.equal(getHover(analyze(text), line + 9)!.markdown.split('\n\n').at(-1), '✗ 总计 0 ≠ 11 (10 + 1 + 0 + 0)');
    assert.equal(getHover(analyze(text, { lang: 'en' }), line + 9)!.markdown.split('\n\n').at(-1), '✗ total 0 ≠ 11 (10 + 1 + 0 + 0)');
    assert.ok(getHover(analyze(text), line + 19)!.markdown.includes('✓ 总计 = 维持 + 纠正 + 其他 + 尚未审结：0 + 0 + 0 + 0 = 0；0 = 0'));
  });
  test('hover on the title gives the format and the year', () => {
    const text = readFixture('examples/002_e60c3c3fc476d400.txt');
    const hover = getHover(analyze(text), text.indexOf('清镇市人民政府2020年'));
    assert.match(hover!.markdown, /2019 年版/);
    assert.match(hover!.markdown, /报告年度：2020/);
  });
  test('code actions are the fixes of the findings under the cursor', () => {
    const text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    const analysis = analyze(text);
    const at = text.indexOf('五部分');
    const actions = getCodeActions(analysis, { start: at, end: at });
    // The introduction lists five parts: the one left out is added to the list, or (not preferred) only the count changed.
    assert.deepEqual(actions.map((a) => [a.title, analysis.findings[a.finding!].code, a.preferred]), [
      ['补上“其他需要报告的事项”并改为“六”', 'section.count-claim', true],
      ['只改为“六”（所列各部分需另行补全）', 'section.count-claim', false],
    ]);
    assert.deepEqual(getCodeActions(analysis, { start: 0, end: 0 }), []);
  });
  test('suggestions are proven within a budget of characters analysed, charged in order: the same answer whatever was proven before', () => {
    const text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    const analysis = analyze(text);
    const at = text.indexOf('五部分');
    const claim = analysis.findings.find((f) => f.code === 'section.count-claim')!;
    // No budget left: the two suggestions are held back; room for one proof: the first.
    assert.deepEqual(offeredFixes(analysis, claim, new ProofBudget(0)), []);
    assert.deepEqual(getCodeActions(analysis, { start: at, end: at }, new ProofBudget(text.length - 1)), []);
    assert.deepEqual(offeredFixes(analysis, claim, new ProofBudget(text.length)).map((f) => f.title), ['补上“其他需要报告的事项”并改为“六”']);
    // Proven once without a budget, they are still held back by one: the answer does not depend on what came before.
    assert.equal(offeredFixes(analysis, claim).length, 2);
    assert.deepEqual(offeredFixes(analysis, claim, new ProofBudget(0)), []);
    // A fix asked for twice in one answer is charged once.
    const budget = new ProofBudget(2 * text.length);
    assert.equal(offeredFixes(analysis, claim, budget).length, 2);
    assert.equal(offeredFixes(analysis, claim, budget).length, 2);
  });
  test('messages in English', () => {
    const text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    const messages = analyze(text, { lang: 'en' }).findings.map((f) => f.message);
    assert.equal(messages[0], 'The introduction says the report has 5 parts; the format prescribes 6');
    assert.ok(messages.every((m) => !/[\u4e00-\u9fff]{4}/.test(m.replace(/"[^"]*"/g, ''))), messages.join('\n'));
  });
  test('English messages, fixes and related places have no Chinese outside quotes of the text, on every real report', () => {
    const chinese = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    // What the document says is quoted ("存在问题及改进情况"); a figure as written stands in parentheses (2832995元) or alone (10条).
    const outside = (m: string) => m.replace(/"[^"]*"/g, '').replace(/\([^()\s]*\)/g, '').replace(/^\S+$/, '');
    const found: string[] = [];
    for (const dir of ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2']) {
      for (const f of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt'))) {
        for (const finding of analyze(readFixture(`${dir}/${f}`), { lang: 'en' }).findings) {
          const texts = [finding.message, ...finding.fixes.map((x) => x.title), ...finding.related.map((r) => r.message)];
          found.push(...texts.filter((t) => chinese.test(outside(t))).map((t) => `${f} ${finding.code}: ${t}`));
        }
      }
    }
    assert.deepEqual(found, []);
    const text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    assert.deepEqual(analyze(text, { lang: 'en' }).findings[0].fixes.map((x) => x.title), ['Add "其他需要报告的事项" to the parts listed and change the count to 6', 'Change only the count to 6 (the parts listed stay incomplete)']);
  });
  test('table 3 totals, row totals and table 1 columns are named in English', () => {
    const review = analyze(readFixture('test/fixtures/corpus/011_hongze_2023_pdftext.txt'), { lang: 'en' }).findings.filter((f) => f.code === 'table.review-total');
    assert.deepEqual(review.map((f) => f.message), [
      'Administrative review: total 0 ≠ upheld + corrected + other + pending = 11 (10+1+0+0)',
      'Litigation after review: total 0 ≠ upheld + corrected + other + pending = 5 (5+0+0+0)',
    ]);
    const blank = CLEAN().replace('行政规范性文件 | 2 | 0 | 15 |', '行政规范性文件 | 2 | 0 |  |');
    assert.deepEqual(analyze(blank, { lang: 'en' }).findings.filter((f) => f.code === 'table.cell-empty').map((f) => f.message), ['Table 1: in force of the row "行政规范性文件" is blank']);
  });
  test('a check set to off does no work; another severity replaces the default', () => {
    const text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    const codes = analyze(text, { severities: { 'section.empty': 'off', 'section.count-claim': 'error' } }).findings.map((f) => `${f.severity} ${f.code}`);
    assert.deepEqual(codes, ['error section.count-claim', 'hint section.heading-variant']);
  });
});

suite('content detection', () => {
  test('every real report looks like one', () => {
    // corpus2 113 and 126: crawled pages titled `标题: …2020年政府信息公开年度报告` and `…2021年度政府信息公开工作报告`.
    for (const dir of ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2']) {
      for (const f of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt'))) {
        assert.ok(looksLikeReport(readFixture(`${dir}/${f}`)), f);
      }
    }
  });
  test('a text that mentions a report, or is about one, is not one', () => {
    assert.equal(looksLikeReport(readFixture('README.md')), false);
    assert.equal(looksLikeReport(readFixture('ARCHITECTURE.md')), false);
    assert.equal(looksLikeReport('通知\n关于报送平潭综合实验区2023年政府信息公开工作年度报告的通知要求各单位按时报送。'), false);
    assert.equal(looksLikeReport('会议纪要\n会议要求各单位按时报送2023年政府信息公开工作年度报告，并做好解读。'), false);
  });
  test('three section headings without a title are enough', () => {
    assert.equal(looksLikeReport('一、总体情况\n正文\n二、主动公开政府信息情况\n表\n六、其他需要报告的事项\n无'), true);
    assert.equal(looksLikeReport('一、总体情况\n正文\n二、其他工作\n表'), false);
  });
});
