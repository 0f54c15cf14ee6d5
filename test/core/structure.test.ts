import * as assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { analyze, applyEdits, fixAll, getDefinition, getFoldingSpans, getHover, getReferences, getSymbols, getTablesView, type Span } from '../../server/src/core/index';
import { claimsOf } from '../../server/src/core/narrative/claims';
import { CLEAN, applyFix, assertFixResolves, edit, findings, readFixture } from '../helpers';
import { reportStarts } from '../../server/src/core/detect';

suite('a clean report', () => {
  test('has no finding', () => assert.deepEqual(findings(CLEAN()), []));
  test('has six sections in order with their subsections', () => {
    const { report } = analyze(CLEAN());
    assert.deepEqual(report.sections.map((s) => s.def.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(report.sections[0].subsections.map((s) => s.heading.numeral.value), [1, 2, 3, 4, 5]);
    assert.equal(report.title?.year?.value, 2023);
    assert.equal(report.format.format, '2021');
  });
});

suite('section.missing', () => {
  test('a section without its heading: reported where its content starts, fixed there', () => {
    const text = edit(CLEAN(), '五、存在的主要问题及改进情况\n', '');
    assert.deepEqual(findings(text), ['59:1 error section.missing']);
    const fixed = assertFixResolves(text, 'section.missing');
    assert.deepEqual(findings(fixed), []);
  });
  test('a table section without its heading (二, 三, 四; both formats, Markdown): inserted before its table, the report as before', () => {
    const sources: [string, string][] = [
      ['constructed 2021', CLEAN()],
      ['constructed 2019', readFixture('test/fixtures/constructed/clean-2019.txt')],
      ['corpus 009 (Markdown)', readFixture('test/fixtures/corpus/009_shuyang_2025_ocrmd.txt')],
      ['seed 004 (pipe)', readFixture('examples/004_164254f647ab523c.txt')],
    ];
    for (const [name, text] of sources) {
      const before = findings(text);
      for (const heading of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
        const line = text.split('\n').find((l) => l.replace(/^#+\s*/, '').trim() === heading);
        if (!line) continue;
        const without = analyze(edit(text, `${line}\n`, ''));
        const missing = without.findings.filter((f) => f.code === 'section.missing');
        assert.equal(missing.length, 1, `${name}: ${heading}`);
        // With its heading back, the section reads its table again: the report is as it was.
        assert.deepEqual(findings(applyFix(without, missing[0])), before, `${name}: ${heading}`);
      }
    }
  });
  test('a heading lost in crawled text or PDF text goes where its content begins, found by the format data', () => {
    const cases: [string, string, RegExp][] = [
      // 五 after table 3 in a flattened page: what follows the table, up to the glued year.
      ['test/fixtures/corpus2/104_pingtan_gongan_2021_flat.txt', '五、存在的主要问题及改进情况', /000000000000000\n五、存在的主要问题及改进情况\n2021年，我局政府信息公开工作/],
      // 六 in PDF text: the sentence about 信息处理费.
      ['test/fixtures/corpus/012_hongze_2024_tab.txt', '六、其他需要报告的事项', /\n六、其他需要报告的事项\n2024 年，区政府严格落实《政府信息公开信息处理费/],
      // 一 in a crawled page: its first subsection, (一)主动公开.
      ['test/fixtures/corpus2/105_pingtan_gongan_2024_flat.txt', '一、总体情况', /规范化。\n一、总体情况\n（一）主动公开方面/],
    ];
    for (const [file, heading, placed] of cases) {
      const text = readFixture(file).replace(heading, '');
      const fixed = assertFixResolves(text, 'section.missing');
      assert.match(fixed, placed, file);
      assert.ok(analyze(text).findings.find((f) => f.code === 'section.missing')!.fixes[0].preferred, `${file}: preferred where the content was found`);
    }
  });
  test('fix-all runs in rounds, as ESLint does: a restored heading lets its table be read, and its labels are fixed too (seed 004)', () => {
    const text = readFixture('examples/004_164254f647ab523c.txt');
    const heading = analyze(text).report.sections.find((s) => s.def.number === 3)!.heading.span;
    const damaged = text.slice(0, heading.start) + text.slice(heading.end);
    const analysis = analyze(damaged);
    assert.equal(fixAll(analysis, undefined, 1).count, 3);
    const all = fixAll(analysis);
    assert.equal(all.count, 9);
    const fixed = analyze(applyEdits(damaged, all.edits));
    assert.deepEqual([...new Set(fixed.findings.map((f) => f.code))], ['narrative.masked']);
    assert.equal(fixAll(fixed).edits.length, 0);
  });
  test('a section removed entirely: the heading is inserted before the next one', () => {
    const text = edit(CLEAN(), '五、存在的主要问题及改进情况\n（一）存在问题。政策解读形式还不够丰富。\n（二）改进情况。下一步将丰富解读形式，提升解读质量。\n', '');
    assert.deepEqual(findings(text), ['59:1 error section.missing']);
    const fixed = assertFixResolves(text, 'section.missing', { allowNew: ['section.empty'] });
    assert.deepEqual(findings(fixed), ['59:1 warning section.empty']);
  });
  test('the last section missing: the heading is appended', () => {
    const text = edit(CLEAN(), '六、其他需要报告的事项\n2023年度未收取政府信息公开信息处理费。\n', '');
    assert.deepEqual(findings(text), ['59:1 error section.missing']);
    assertFixResolves(text, 'section.missing', { allowNew: ['section.empty'] });
  });
  test('a document with no sections at all reports each of the six', () => {
    assert.deepEqual(
      findings('某单位2023年政府信息公开工作年度报告\n正文。').map((f) => f.split(' ').pop()),
      new Array(6).fill('section.missing'),
    );
  });
});

suite('section.order and section.duplicate', () => {
  test('two sections swapped: only the one out of place is reported', () => {
    const text = CLEAN();
    const five = text.slice(text.indexOf('五、存在'), text.indexOf('六、其他'));
    const six = text.slice(text.indexOf('六、其他'));
    const swapped = text.slice(0, text.indexOf('五、存在')) + six + five;
    assert.deepEqual(findings(swapped), ['61:1 error section.order']);
    const order = analyze(swapped).findings[0];
    assert.match(order.message, /第五部分.*应位于第四部分之后/);
    assert.equal(order.related.length, 1);
  });
  test('a heading repeated is reported at its second occurrence, pointing at the first', () => {
    const text = CLEAN() + '六、其他需要报告的事项\n无。\n';
    assert.deepEqual(findings(text), ['64:1 error section.duplicate']);
    const [dup] = analyze(text).findings;
    assert.equal(text.slice(dup.related[0].span.start, dup.related[0].span.end), '六、其他需要报告的事项');
  });
});

suite('section.empty', () => {
  test('an empty narrative section is a warning, an empty table section an error', () => {
    let text = edit(CLEAN(), '2023年度未收取政府信息公开信息处理费。\n', '');
    assert.deepEqual(findings(text), ['62:1 warning section.empty']);
    text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    assert.deepEqual(
      findings(text).filter((f) => f.includes('section.empty')),
      ['10:1 error section.empty', '11:1 error section.empty', '12:1 error section.empty'],
    );
  });
  test('page footers alone are not content', () => {
    const text = edit(CLEAN(), '2023年度未收取政府信息公开信息处理费。\n', '- 7 -\n');
    assert.deepEqual(findings(text), ['62:1 warning section.empty']);
  });
});

suite('section.heading-variant', () => {
  for (const [name, written, expected] of [
    ['an accepted variant', '五、存在问题及改进措施', ['59:3 hint section.heading-variant']],
    ['a typo', '五、存在的主要问题及改进请况', ['59:3 hint section.heading-variant']],
    // The mask is reported as such too; the fix of the heading removes both.
    ['masked text', '五、****问题及改进情况', ['59:3 warning narrative.masked', '59:3 hint section.heading-variant']],
  ] as const) {
    test(`${name} is recognised and fixed to the official wording`, () => {
      const text = edit(CLEAN(), '五、存在的主要问题及改进情况', written);
      assert.deepEqual(findings(text), expected);
      const fixed = applyEdits(text, analyze(text).findings.find((f) => f.code === 'section.heading-variant')!.fixes[0].edits);
      assert.deepEqual(findings(fixed), []);
    });
  }
  test('the wording of the national template before 2019 (概述, 需要说明的其他事项与附表): variants, also run into their text', () => {
    let text = edit(CLEAN(), '一、总体情况', '一、概述');
    text = edit(text, '五、存在的主要问题及改进情况', '五、政府信息公开存在的问题及改进措施');
    text = edit(text, '六、其他需要报告的事项', '六、需要说明的其他事项与附表');
    assert.deepEqual(findings(text), ['3:3 hint section.heading-variant', '59:3 hint section.heading-variant', '62:3 hint section.heading-variant']);
    // A crawled page: the heading runs into its first sentence; a two-character title counts only under its own numeral.
    const flat = edit(CLEAN(), '一、总体情况\n2023年', '一、概述2023年');
    assert.deepEqual(findings(flat), ['3:3 hint section.heading-variant']);
    // Under another numeral it is no title of section 一: this heading stays section 二's.
    assert.deepEqual(findings(edit(CLEAN(), '二、主动公开政府信息情况', '二、概述主动公开政府信息情况')), ['10:3 hint section.heading-variant']);
  });
  test('a numeral that lost its 、, with the official title after it: said, and the fix adds the mark', () => {
    const text = edit(CLEAN(), '一、总体情况', '一总体情况');
    assert.deepEqual(findings(text), ['3:1 hint section.heading-variant']);
    assert.equal(analyze(text).findings[0].message, '标题「一总体情况」的序号后缺少“、”');
    assert.deepEqual(findings(assertFixResolves(text, 'section.heading-variant')), []);
    // A crawled line: after a sentence's end, the title running into its text.
    const flat = edit(CLEAN(), '12月31日。\n一、总体情况\n2023年', '12月31日。一总体情况2023年');
    assert.deepEqual(findings(flat), [`2:${flat.split('\n')[1].indexOf('一总体情况') + 1} hint section.heading-variant`]);
    // On one crawled line with the other headings: the sections in the text's order, nothing else changed.
    const lines = CLEAN().split('\n');
    const crawled = `${lines[0]}\n${lines.slice(1).join('')}\n`;
    const codes = (text: string) => findings(text).map((f) => f.split(' ').slice(1).join(' '));
    assert.deepEqual(codes(crawled.replace('一、总体情况', '一总体情况')), ['hint section.heading-variant', ...codes(crawled)]);
    // Without the official title it is no heading.
    assert.deepEqual(findings(edit(CLEAN(), '一、总体情况', '一总体上情况')).filter((f) => f.includes('section.missing')).length, 1);
  });
  test('a heading broken after its numeral (五、⏎title, 一⏎、title) is the section; 行政机关… and 其他应说明事项 are variants', () => {
    assert.deepEqual(findings(edit(CLEAN(), '五、存在的主要问题及改进情况', '五、\n存在的主要问题及改进情况')), []);
    assert.deepEqual(findings(edit(CLEAN(), '一、总体情况', '一\n、总体情况')), []);
    assert.deepEqual(findings(edit(CLEAN(), '二、主动公开政府信息情况', '二、行政机关主动公开政府信息情况')), ['10:3 hint section.heading-variant']);
    assert.deepEqual(findings(edit(CLEAN(), '六、其他需要报告的事项', '六、其他应说明事项')), ['62:3 hint section.heading-variant']);
    // A numeral alone before a line that is no title stays no heading.
    assert.deepEqual(findings(edit(CLEAN(), '五、存在的主要问题及改进情况', '五、\n工作机制保障')).filter((f) => f.includes('section.missing')).length, 1);
  });
  test('wording too far from any section is not a section heading', () => {
    const text = edit(CLEAN(), '五、存在的主要问题及改进情况', '五、工作机制保障');
    assert.deepEqual(findings(text), ['60:1 error section.missing']);
    // The message names the heading that stands where the section's should.
    assert.equal(analyze(text).findings[0].message, '缺少第五部分「存在的主要问题及改进情况」：此处的标题「五、工作机制保障」不是格式规定的标题');
    const first = edit(CLEAN(), '一、总体情况', '一、年度工作核心成效');
    assert.equal(analyze(first).findings[0].message, '缺少第一部分「总体情况」：此处的标题「一、年度工作核心成效」不是格式规定的标题');
  });
});

suite('section.misnumbered', () => {
  test('a heading with the wrong numeral is fixed to its own', () => {
    const text = edit(CLEAN(), '二、主动公开政府信息情况', '一、主动公开政府信息情况');
    assert.deepEqual(findings(text), ['10:1 warning section.misnumbered']);
    assert.deepEqual(findings(assertFixResolves(text, 'section.misnumbered')), []);
  });
  test('a seventh heading inside a crawled line after a full stop is the section its title names, misnumbered; glued to text it is none', () => {
    const text = edit(CLEAN(), '提升解读质量。\n六、其他需要报告的事项\n', '提升解读质量。七、其他需要报告的事项');
    assert.deepEqual(findings(text), [`61:${'（二）改进情况。下一步将丰富解读形式，提升解读质量。'.length + 1} warning section.misnumbered`]);
    const glued = edit(CLEAN(), '提升解读质量。\n六、其他需要报告的事项\n', '提升解读质量七、其他需要报告的事项');
    assert.ok(!findings(glued).some((f) => f.endsWith('section.misnumbered')));
  });
  test('chapters renumbered around a missing section (corpus 015): misnumbered headings and the missing one, nothing else', () => {
    const text = readFixture('test/fixtures/corpus/015_shanghai_kewei_2024_pdfmd.txt');
    assert.deepEqual(findings(text).filter((f) => / section\./.test(f)), [
      '73:1 warning section.misnumbered',
      '91:1 warning section.misnumbered',
      '180:1 warning section.misnumbered',
      '192:1 error section.missing',
      '205:1 warning section.misnumbered',
    ]);
  });
});

suite('section.numbering', () => {
  test('a lost numeral (seed 004) is found and the fix adds it to the right line', () => {
    const text = readFixture('examples/004_164254f647ab523c.txt');
    const fixed = assertFixResolves(text, 'section.numbering');
    assert.match(fixed.split('\n')[5], /^\(三\)\*\*\*\*政府信息管理情况。/);
  });
  test('a gap with no line that is clearly the missing subsection: reported, no fix', () => {
    const text = edit(CLEAN(), '（三）政府信息管理情况。严格落实公开前保密审查制度。\n', '');
    const [finding] = analyze(text).findings;
    assert.deepEqual(findings(text), ['7:2 warning section.numbering']);
    assert.match(finding.message, /（二）之后是（四），缺少（三）/);
    assert.deepEqual(finding.fixes, []);
  });
  test('one mistyped numeral between right ones: one finding, fixed to the number in sequence', () => {
    const repeated = edit(CLEAN(), '（三）政府信息管理', '（二）政府信息管理');
    assert.deepEqual(findings(repeated), ['7:2 warning section.numbering']);
    assert.ok(assertFixResolves(repeated, 'section.numbering').includes('（三）政府信息管理'));
    const first = edit(CLEAN(), '（一）主动公开情况', '（六）主动公开情况');
    assert.deepEqual(findings(first), ['5:2 warning section.numbering']);
    assert.ok(assertFixResolves(first, 'section.numbering').includes('（一）主动公开情况'));
  });
  test('an extra subsection repeating a number, and two swapped', () => {
    assert.deepEqual(findings(edit(CLEAN(), '（三）政府信息管理', '（二）补充说明。\n（三）政府信息管理')), ['7:2 warning section.numbering']);
    const swapped = edit(edit(CLEAN(), '（二）依申请', '（X）依申请'), '（三）政府信息', '（二）政府信息').replace('（X）依申请', '（三）依申请');
    const messages = analyze(swapped).findings.map((f) => f.message);
    assert.deepEqual(messages, ['小标题序号不连续：（一）之后是（三），缺少（二）', '小标题序号顺序颠倒：（二）出现在（三）之后']);
  });
});

suite('section.count-claim', () => {
  test('五部分 (seed 003) listing five parts: the part left out is added in its place, and the count made 六', () => {
    const text = readFixture('examples/003_12d5eeac63ddaf69.txt');
    const fixed = assertFixResolves(text, 'section.count-claim');
    assert.ok(fixed.includes('政府信息公开行政复议行政诉讼情况、存在的主要问题及改进措施、其他需要报告的事项等六部分组成。'));
    assert.equal(fixed.length, text.length + '、其他需要报告的事项'.length);
  });
  test('a part left out at the start or in the middle is added where the format puts it; a list that names no sections only changes the count', () => {
    const claim = '由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分组成';
    const inMiddle = edit(CLEAN(), claim, claim.replace('、收到和处理政府信息公开申请情况', '').replace('六个', '五个'));
    assert.ok(assertFixResolves(inMiddle, 'section.count-claim').includes(claim.replace('六个', '六个')));
    const atStart = edit(CLEAN(), claim, claim.replace('总体情况、', '').replace('六个', '五个'));
    assert.ok(assertFixResolves(atStart, 'section.count-claim').includes(claim));
    const twoMissing = edit(CLEAN(), claim, claim.replace('总体情况、', '').replace('、其他需要报告的事项', '').replace('六个', '四个'));
    const analysis = analyze(twoMissing);
    assert.deepEqual(analysis.findings.find((f) => f.code === 'section.count-claim')?.fixes.map((f) => f.title), ['补上所缺的2个部分并改为“六”', '只改为“六”（所列各部分需另行补全）']);
    assert.ok(assertFixResolves(twoMissing, 'section.count-claim').includes(claim));
    const unnamed = edit(CLEAN(), claim, '由前言、正文和附表等五个部分组成');
    assert.deepEqual(analyze(unnamed).findings.find((f) => f.code === 'section.count-claim')?.fixes.map((f) => f.title), ['改为“六”']);
  });
  test('Arabic numerals keep their style', () => {
    const text = edit(CLEAN(), '等六个部分组成', '共分5个部分');
    assert.deepEqual(findings(text), ['2:142 warning section.count-claim']);
    assert.ok(assertFixResolves(text, 'section.count-claim').includes('共分6个部分'));
  });
  test('a claim broken over lines by PDF extraction', () => {
    assert.deepEqual(findings(edit(CLEAN(), '等六个部分组成', '等六\n部分组成')), []);
    assert.deepEqual(findings(edit(CLEAN(), '等六个部分组成', '等五\n部分组成')), ['2:141 warning section.count-claim']);
  });
});

suite('report.year', () => {
  test('a statistics period of another year', () => {
    const text = edit(CLEAN(), '统计期限为2023年1月1日', '统计期限为2022年1月1日');
    assert.deepEqual(findings(text), ['2:161 warning report.year']);
  });
  test('a statistics period that spans two years', () => {
    assert.deepEqual(findings(edit(CLEAN(), '1月1日至12月31日', '1月1日至2024年12月31日')), ['2:171 warning report.year']);
  });
  test('the introduction naming another year', () => {
    const text = edit(CLEAN(), '本报告根据', '现公布2022年政府信息公开工作年度报告。本报告根据');
    assert.deepEqual(findings(text), ['2:4 warning report.year']);
  });
  test('a report of another year inside 《…》 is a cited notice’s title, not this report', () => {
    const text = edit(CLEAN(), '本报告根据', '根据《关于编制公布2022年政府信息公开工作年度报告有关事项的通知》要求，本报告根据');
    assert.deepEqual(findings(text), []);
  });
  test('an earlier year set before this report\'s figures, kept from last year\'s text (corpus2 102)', () => {
    const at = '（二）主动公开政府信息的主要类别';
    const text = CLEAN().replace(/\n一、总体情况\n/, `\n一、总体情况\n${at}2022年，在主动公开的61条政府信息中，政策文件5条。\n`);
    assert.deepEqual(findings(text).filter((f) => f.endsWith('report.year')), ['4:17 warning report.year']);
    // Plans for a later year, comparisons and spans of years are not that.
    for (const ok of ['2024年，我局将新增栏目3个条目共12条。', '较2022年，增加12件。', '自2021年，累计公开12条。']) {
      const other = CLEAN().replace(/\n一、总体情况\n/, `\n一、总体情况\n${ok}\n`);
      assert.deepEqual(findings(other).filter((f) => f.endsWith('report.year')), [], ok);
    }
  });
  test('the seeds agree with themselves', () => {
    for (const seed of ['000_1d23ca6ff21b8a58', '001_67c1420167c13949', '002_e60c3c3fc476d400', '003_12d5eeac63ddaf69', '004_164254f647ab523c']) {
      assert.deepEqual(findings(readFixture(`examples/${seed}.txt`)).filter((f) => f.endsWith('report.year')), [], seed);
    }
  });
});

suite('report.encoding', () => {
  test('a GB18030 file opened as UTF-8 (full of U+FFFD): one warning that says how to reopen it', () => {
    // What an editor shows when GB18030 bytes are read as UTF-8: most CJK characters become U+FFFD.
    const garbled = CLEAN().replace(/[\u4e00-\u9fff]/g, (ch, i) => (i % 3 ? '\ufffd' : ch));
    const found = analyze(garbled).findings.filter((f) => f.code === 'report.encoding');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /^文本中有 \d+ 个无法识别的字符（�）：文件可能是以 GB18030\/GBK 编码保存的/);
  });
  test('a stray U+FFFD in a real report says nothing', () => {
    assert.deepEqual(findings(CLEAN().replace('总体情况\n', '总体情况\n\ufffd')).filter((f) => f.endsWith('report.encoding')), []);
  });
});

suite('a yearbook: several reports in one document', () => {
  const SOURCES = [
    'test/fixtures/constructed/clean-2021.txt',
    'examples/000_1d23ca6ff21b8a58.txt',
    'examples/001_67c1420167c13949.txt',
    'examples/003_12d5eeac63ddaf69.txt',
    'test/fixtures/corpus/010_huaian_2024_pdftext.txt',
    'test/fixtures/corpus/015_shanghai_kewei_2024_pdfmd.txt',
    'test/fixtures/corpus2/129_pingtan_ziran_2023_tab.txt',
  ];
  test('each report is checked on its own: the findings are each report\'s, at its place, and no section.duplicate', () => {
    const texts = SOURCES.map((f) => readFixture(f).replace(/\n?$/, '\n'));
    const book = texts.join('');
    const expected: string[] = [];
    let lines = 0;
    for (const text of texts) {
      for (const f of findings(text)) {
        const [at, ...rest] = f.split(' ');
        const [line, column] = at.split(':').map(Number);
        expected.push([`${line + lines}:${column}`, ...rest].join(' '));
      }
      lines += text.split('\n').length - 1;
    }
    assert.deepEqual(findings(book), expected);
    assert.ok(!findings(book).some((f) => f.endsWith('section.duplicate')));
    // Fixes are placed in the whole text: the count claim of 003, fixed there, is fixed in the book.
    const fixed = assertFixResolves(book, 'section.count-claim');
    assert.ok(fixed.includes('其他需要报告的事项等六部分组成'));
  });
  test('the outline of a yearbook is each report\'s outline, in its place', () => {
    const texts = SOURCES.map((f) => readFixture(f).replace(/\n?$/, '\n'));
    const book = texts.join('');
    type Node = ReturnType<typeof getSymbols>[number];
    const shifted = (n: Node, by: number): Node => ({ ...n, span: { start: n.span.start + by, end: n.span.end + by }, selection: { start: n.selection.start + by, end: n.selection.end + by }, children: n.children.map((c) => shifted(c, by)) });
    // A report runs from its title to the next title (the next file's page chrome before its title is the previous report's end).
    const starts = reportStarts(book);
    assert.equal(starts.length, SOURCES.length);
    const expected = starts.flatMap((start, i) => {
      const from = i === 0 ? 0 : start;
      return getSymbols(analyze(book.slice(from, starts[i + 1] ?? book.length))).map((n) => shifted(n, from));
    });
    const outline = getSymbols(analyze(book));
    assert.deepEqual(outline, expected);
    // Each report's title is its file's.
    assert.deepEqual(outline.map((n) => n.name), texts.map((t) => getSymbols(analyze(t))[0].name));
    const sections = (nodes: Node[]) => nodes.map((n) => `${n.kind} ${n.children.filter((c) => c.kind === 'section').length}`);
    assert.deepEqual(sections(outline), texts.flatMap((t) => sections(getSymbols(analyze(t)))));
  });
  test('hover, definition, references, folding and the tables read the report under the cursor, in its place', () => {
    const texts = SOURCES.map((f) => readFixture(f).replace(/\n?$/, '\n'));
    const book = texts.join('');
    const whole = analyze(book);
    const starts = reportStarts(book);
    const at = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });
    const folds: Span[] = [];
    let tables = 0;
    let hovered = 0;
    let linked = 0;
    starts.forEach((start, i) => {
      const from = i === 0 ? 0 : start;
      const own = analyze(book.slice(from, starts[i + 1] ?? book.length));
      // A report folds below its title, its sections and subsections below their headings.
      if (own.report.title) folds.push(at({ start: own.report.title.span.start, end: own.report.text.trimEnd().length }, from));
      folds.push(...getFoldingSpans(own).map((span) => at(span, from)));
      // Every cell of its tables answers as in the report alone.
      for (const table of Object.values(own.report.tables)) {
        for (const row of table?.rows ?? []) {
          for (const cell of row.cells) {
            if (!cell.span) continue;
            const expected = getHover(own, cell.span.start);
            assert.deepEqual(getHover(whole, cell.span.start + from), expected && { ...expected, span: at(expected.span, from) }, `${SOURCES[i]}: hover at ${cell.span.start}`);
            assert.deepEqual(getReferences(whole, cell.span.start + from), getReferences(own, cell.span.start).map((s) => at(s, from)));
            hovered++;
          }
        }
      }
      for (const claim of claimsOf(own.report)) {
        assert.deepEqual(getDefinition(whole, claim.figure.span.start + from), getDefinition(own, claim.figure.span.start).map((s) => at(s, from)));
        linked++;
      }
      // Its tables, named with its title, placed in the whole.
      const view = getTablesView(whole).tables.filter((t) => t.anchor.endsWith(`-${i + 1}`));
      assert.deepEqual(view.map((t) => [t.id, t.report?.title, t.span]), getTablesView(own).tables.map((t) => [t.id, own.report.title?.text, at(t.span, from)]));
      tables += view.length;
    });
    assert.deepEqual(getFoldingSpans(whole), folds);
    assert.equal(getTablesView(whole).tables.length, tables);
    assert.ok(hovered > 500 && linked > 10 && tables >= 18, `${hovered} cells, ${linked} figures, ${tables} tables`);
  });
  test('one report, or titles without their parts (a table of contents), is one report', () => {
    const one = readFixture('examples/001_67c1420167c13949.txt');
    const contents = '目录\n示例县人民政府2023年政府信息公开工作年度报告\n示例市人民政府2023年政府信息公开工作年度报告\n';
    assert.deepEqual(reportStarts(one), []);
    assert.deepEqual(reportStarts(contents + one), []);
    // Two titles, one part 一 after the second: the contents' titles open nothing.
    const title = reportStarts(one + one)[0];
    assert.match(one.slice(title).split('\n')[0], /政府信息公开工作年度报告\s*$/);
    assert.deepEqual(reportStarts(contents + one + one), [contents.length + title, contents.length + one.length + title]);
  });
});
