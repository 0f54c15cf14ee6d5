// Across years: a report paired with its body's report of the year before, and
// the checks that compare them (year.*). The five consecutive reports of one
// office (corpus2 113 = 2020, 126 = 2021, 114 = 2022, 129 = 2023, 127 = 2024),
// worked out by hand, and constructed pairs made from 129 for each finding.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze, bodyKey, bodyMatch, identify, identifyText, LineIndex, pairByName, type Analysis } from '../../server/src/core/index';
import { ROOT } from '../helpers';

const CORPUS2 = path.join(ROOT, 'test/fixtures/corpus2');
const read = (name: string) => fs.readFileSync(path.join(CORPUS2, `${name}.txt`), 'utf8');
const ZIRAN = ['113_pingtan_ziran_2020_flat', '126_pingtan_ziran_2021_flat', '114_pingtan_ziran_2022_flat', '129_pingtan_ziran_2023_tab', '127_pingtan_ziran_2024_flat'];

/** The cross-year findings of `text` against `previous`, as `line severity code message`. */
function yearFindings(text: string, previous: Analysis): string[] {
  const index = new LineIndex(text);
  return analyze(text, { previous: { report: previous.report, name: 'previous', pairedBy: 'explicit' } })
    .findings.filter((f) => f.code.startsWith('year.'))
    .map((f) => `${index.position(f.span.start).line + 1} ${f.severity} ${f.code} ${f.message}`);
}

describe('who filed a report, for which year', () => {
  test('the body and year of each of the five years, from the title or a crawled page\'s title line', () => {
    assert.deepEqual(
      ZIRAN.map((n) => identify(analyze(read(n)).report)),
      [2020, 2021, 2022, 2023, 2024].map((year) => ({ body: '平潭综合实验区自然资源与生态环境局', key: '平潭综合实验区自然资源与生态环境局', year })),
    );
  });

  test('a title with the year first (corpus 015, 016: PDF text over two lines)', () => {
    const read1 = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', `${name}.txt`), 'utf8');
    assert.deepEqual(identify(analyze(read1('015_shanghai_kewei_2024_pdfmd')).report), { body: '上海市科委', key: '上海市科委', year: 2024 });
    assert.deepEqual(identify(analyze(read1('016_shanghai_szfbgt_2025_pdfmd')).report), { body: '上海市人民政府办公厅', key: '上海市政府', year: 2025 });
  });

  test('names compared as reviewers do: the place before a district, 人民政府办公室, a few masked characters', () => {
    assert.equal(bodyKey('淮安市洪泽区人民政府办公室'), '淮安市洪泽区政府');
    assert.equal(bodyMatch(bodyKey('淮安市洪泽区人民政府办公室'), bodyKey('洪泽区人民政府')), 2);
    assert.equal(bodyMatch('平潭综合实验区**资源与生态环境局', '平潭综合实验区自然资源与生态环境局'), 1);
    // A character that differs is another name, not damage: neighbouring districts differ by one.
    assert.equal(bodyMatch('平潭综合实验区自然资沅与生态环境局', '平潭综合实验区自然资源与生态环境局'), 0);
    assert.equal(bodyMatch('淮安区财政局', '淮阴区财政局'), 0);
    // Masked in the name's tail, or mostly masked: any of several bodies.
    assert.equal(bodyMatch('平潭县**局', '平潭县公安局'), 0);
    assert.equal(bodyMatch('******', '平潭县公安局'), 0);
    // Departments of one place differ in their last characters: never the same body.
    assert.equal(bodyMatch('平潭综合实验区财政局', '平潭综合实验区民政局'), 0);
    assert.equal(bodyMatch('平潭综合实验区公安局', '平潭综合实验区社会事业局'), 0);
    assert.equal(bodyMatch('洪泽区政府', '淮安市政府'), 0);
  });
});

describe('identity without the analysis', () => {
  test('identifyText (title, introduction and headings only) gives what the analysed report gives, for every real report', () => {
    const dirs = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2'];
    let named = 0;
    for (const dir of dirs) {
      for (const file of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.txt'))) {
        const text = fs.readFileSync(path.join(ROOT, dir, file), 'utf8');
        const identity = identify(analyze(text).report);
        assert.deepEqual(identifyText(text), identity, file);
        if (identity.key && identity.year) named++;
      }
    }
    assert.equal(named, 26);
    // Over the size limit, as the analysis, no identity; never a throw.
    assert.deepEqual(identifyText('x'.repeat(100), { maxSize: 10 }), {});
    assert.deepEqual(identifyText('\u0000\uD800一、'), {});
  });
});

describe('pairing by name and year', () => {
  const names = fs.readdirSync(CORPUS2).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
  const identities = names.map((n) => identify(analyze(read(n)).report));

  test('corpus2: each of the office\'s consecutive years with the one before, and nothing else (the other offices skip years)', () => {
    const pairs = [...pairByName(identities)].map(([a, b]) => `${names[a].slice(0, 3)}←${names[b].slice(0, 3)}`).sort();
    assert.deepEqual(pairs, ['114←126', '126←113', '127←129', '129←114']);
  });

  test('two reports of last year for one body: no guess', () => {
    const twice = [...identities, identities[names.indexOf('129_pingtan_ziran_2023_tab')]];
    const pairs = pairByName(twice);
    assert.equal(pairs.has(names.indexOf('127_pingtan_ziran_2024_flat')), false);
  });
});

describe('the five years of one office, worked out by hand', () => {
  // 上年结转 and 结转下年度 are 0 in every year; 行政规范性文件 is read only in 2023 (2/1/35: the crawled
  // 2022 `24432` and 2024 `2433` run together); new applications 9, 18, 30, 19, 69 (never tenfold); the
  // prose of 一 and 五 is rewritten each year (at most 73% alike); no sentence repeats last year's year.
  for (let i = 1; i < ZIRAN.length; i++) {
    test(`${ZIRAN[i]} against ${ZIRAN[i - 1]}: no cross-year finding`, () => {
      assert.deepEqual(yearFindings(read(ZIRAN[i]), analyze(read(ZIRAN[i - 1]))), []);
    });
  }
});

describe('洪泽区, 2023 and 2024 (corpus 011 and 012), worked out by hand', () => {
  const read1 = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', `${name}.txt`), 'utf8');
  const [then, now] = [analyze(read1('011_hongze_2023_pdftext')), analyze(read1('012_hongze_2024_tab'))];
  test('paired although one title names the city before the district', () => {
    assert.deepEqual([identify(then.report).key, identify(now.report).key], ['洪泽区政府', '淮安市洪泽区政府']);
    assert.deepEqual([...pairByName([identify(then.report), identify(now.report)])], [[1, 0]]);
  });
  // Carried over 0 and carried forward 0; 行政规范性文件 in force 5 + 3 issued − 0 repealed = 8 as 2024 says; new
  // applications 21 → 95 and reviews 0 → 2 are no tenfold jump; 一 and 五 66% and 58% alike (六 is the same fixed sentence).
  test('no cross-year finding', () => {
    assert.deepEqual(yearFindings(now.report.text, then), []);
  });
});

describe('constructed pairs: 129 (2023) as last year, a 2024 report made from it', () => {
  const base = read('129_pingtan_ziran_2023_tab');
  const lastYear = analyze(base);
  const nextYear = base.replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告');
  // What any copy of 129 as the 2024 report has: 一 and 五 copied, two sentences still dated 2023 (the statistics
  // period, line 2; the fees, line 75), and 35 in force although 2 were issued and 1 repealed.
  const copied = [
    '2 warning year.copied-text 「2023年」：这句话与上年报告中的一句完全相同，年份仍是上一年，可能沿用了上年的文字',
    '3 warning year.copied-text 第一部分「总体情况」与上年报告的同一部分几乎相同（相似度 100%，不计数字和年份）：可能照搬了上年的文字',
    '71 warning year.copied-text 第五部分「存在的主要问题及改进情况」与上年报告的同一部分几乎相同（相似度 100%，不计数字和年份）：可能照搬了上年的文字',
    '75 warning year.copied-text 「2023年」：这句话与上年报告中的一句完全相同，年份仍是上一年，可能沿用了上年的文字',
  ];
  const inForce = '12 warning year.in-force 「行政规范性文件」行「现行有效件数」列为 35，但上年现行有效 35 + 本年制发 2 − 本年废止 1 = 36';
  const sorted = (lines: string[]) => lines.slice().sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));

  test('the copy as it is', () => {
    assert.deepEqual(yearFindings(nextYear, lastYear), sorted([...copied, inForce]));
  });

  test('year.carry-over: 上年结转 1 where last year carried 0 forward, in 自然人 and 总计', () => {
    const text = nextYear.replace('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1');
    assert.deepEqual(
      yearFindings(text, lastYear),
      sorted([
        ...copied,
        inForce,
        '31 error year.carry-over 「二、上年结转政府信息公开申请数量」行「自然人」列为 1，上年报告的「四、结转下年度继续办理」同一列为 0',
        '31 error year.carry-over 「二、上年结转政府信息公开申请数量」行「总计」列为 1，上年报告的「四、结转下年度继续办理」同一列为 0',
      ]),
    );
    const finding = analyze(text, { previous: { report: lastYear.report, name: '129', pairedBy: 'explicit' } }).findings.find((f) => f.code === 'year.carry-over')!;
    const [related] = finding.related;
    assert.equal(related.inPrevious, true);
    assert.equal(new LineIndex(base).position(related.span.start).line + 1, 54, 'the cell of 四、结转下年度继续办理 in last year\'s report');
  });

  test('year.in-force: 40 in force where 35 + 3 − 0 = 38', () => {
    const text = nextYear.replace('行政规范性文件\t2\t1\t35', '行政规范性文件\t3\t0\t40');
    assert.deepEqual(
      yearFindings(text, lastYear),
      sorted([...copied, '12 warning year.in-force 「行政规范性文件」行「现行有效件数」列为 40，但上年现行有效 35 + 本年制发 3 − 本年废止 0 = 38']),
    );
  });

  test('year.in-force holds: 36 in force', () => {
    const text = nextYear.replace('行政规范性文件\t2\t1\t35', '行政规范性文件\t2\t1\t36');
    assert.deepEqual(yearFindings(text, lastYear), sorted(copied));
  });

  test('year.jump: 19 new applications last year, 190 now (information); 69 is no jump', () => {
    const row = '一、本年新收政府信息公开申请数量\t19\t0\t0\t0\t0\t0\t19';
    assert.deepEqual(
      yearFindings(nextYear.replace(row, '一、本年新收政府信息公开申请数量\t190\t0\t0\t0\t0\t0\t190'), lastYear),
      sorted([...copied, inForce, '30 information year.jump 本年新收申请从上年的 19 件变为 190 件，变化超过十倍：请核对']),
    );
    assert.deepEqual(yearFindings(nextYear.replace(row, '一、本年新收政府信息公开申请数量\t69\t0\t0\t0\t0\t0\t69'), lastYear), sorted([...copied, inForce]));
  });

  test('without last year\'s report, no year.* check runs; the other findings are the same with it', () => {
    const alone = analyze(nextYear).findings;
    assert.ok(!alone.some((f) => f.code.startsWith('year.')));
    const paired = analyze(nextYear, { previous: { report: lastYear.report, name: '129', pairedBy: 'explicit' } }).findings;
    assert.deepEqual(
      paired.filter((f) => !f.code.startsWith('year.')).map((f) => f.message),
      alone.map((f) => f.message),
    );
  });
});
