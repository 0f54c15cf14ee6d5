// The skeleton of a new report: complete, read by the parser like a real
// report, and with nothing to say about it but the blanks left to fill.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe as suite, test } from 'node:test';
import { analyze, identify } from '../../server/src/core/index';
import { FORMATS, type FormatId } from '../../server/src/core/format/tables';
import { SECTIONS } from '../../server/src/core/format/sections';
import { newReport, yearsOf } from '../../server/src/core/template';
import { ROOT } from '../helpers';

const CASES: [FormatId, number][] = [
  ['2021', 2021],
  ['2021', 2024],
  ['2021', 2025],
  ['2019', 2019],
  ['2019', 2020],
];

suite('newReport', () => {
  for (const [format, year] of CASES) {
    test(`${format} format, ${year}: only placeholders are found`, () => {
      const text = newReport(format, year);
      const { report, findings } = analyze(text);
      assert.ok(findings.length > 0, 'the blanks to fill are pointed out');
      assert.deepEqual([...new Set(findings.map((f) => f.code))], ['narrative.placeholder']);
      assert.equal(report.format.format, format);
      assert.deepEqual(report.format.evidence.map((e) => [e.kind, e.format]), [['headers', format], ['notice', format], ['year', format]]);
      assert.equal(report.title?.year?.value, year);
      assert.deepEqual(report.sections.map((s) => s.def.key), SECTIONS.map((s) => s.key));
      assert.match(text, new RegExp(`统计期限为${year}年1月1日至12月31日`));
      assert.match(text, /六个部分/);
      assert.ok(text.includes(FORMATS[format].notice));
    });

    test(`${format} format, ${year}: every table is read with every row, all zeros`, () => {
      const { report } = analyze(newReport(format, year));
      for (const id of ['proactive', 'requests', 'review'] as const) {
        const table = report.tables[id];
        assert.ok(table, `${id} found`);
        assert.equal(table.def.title, FORMATS[format].tables[id].title);
        assert.deepEqual(table.missing, [], `${id} has every row`);
        assert.deepEqual(
          table.rows.map((r) => r.def.id),
          table.rowDefs.filter((d) => !d.group).map((d) => d.id),
        );
        for (const row of table.rows) {
          assert.ok(!row.unread);
          assert.deepEqual(row.cells.map((c) => c.value), row.cells.map(() => 0), `${id} ${row.def.id}`);
          assert.ok(row.cells.every((c) => c.span), 'every cell is written');
        }
      }
      // Table 2 uses the rows of its own format: (六)其他处理 split in 2021 only.
      const rows = report.tables.requests!.rows.map((r) => r.def.id);
      assert.equal(rows.includes('otherHandling.overdue'), format === '2021');
      assert.equal(rows.length, format === '2021' ? 25 : 23);
      assert.equal(report.tables.proactive!.rows.length, format === '2021' ? 6 : 8);
    });
  }

  test('the body named by the drafter is written wherever the body is named, and read back as the report\'s identity', () => {
    const text = newReport('2021', 2024, '\n', ' 淮安市财政局 ');
    assert.equal(text.split('\n')[0], '淮安市财政局2024年政府信息公开工作年度报告');
    assert.ok(!text.includes('XX单位'));
    assert.equal((text.match(/淮安市财政局/g) ?? []).length, 6);
    assert.deepEqual(identify(analyze(text).report), { body: '淮安市财政局', key: '淮安市财政局', year: 2024 });
    // Still only the blanks to fill are found; an empty name keeps the placeholder.
    assert.deepEqual([...new Set(analyze(text).findings.map((f) => f.code))], ['narrative.placeholder']);
    assert.equal(newReport('2021', 2024, '\n', ''), newReport('2021', 2024));
    assert.deepEqual(yearsOf('2019'), { first: 2019, last: 2020 });
    assert.deepEqual(yearsOf('2021'), { first: 2021 });
  });

  test('uses the line break it is given', () => {
    const crlf = newReport('2021', 2024, '\r\n');
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.equal(crlf.replace(/\r\n/g, '\n'), newReport('2021', 2024));
    const { findings, report } = analyze(crlf);
    assert.deepEqual([...new Set(findings.map((f) => f.code))], ['narrative.placeholder']);
    assert.equal(report.tables.requests?.missing.length, 0);
  });

  test('each placeholder is a finding of its own, every one an XX', () => {
    const text = newReport('2021', 2024);
    const { findings } = analyze(text);
    assert.equal(findings.length, text.match(/XX/g)!.length);
    assert.ok(findings.every((f) => text.slice(f.span.start, f.span.end) === 'XX'));
  });
});

/** The lines of a table in the skeleton: between its section's heading and the next one. */
function tableLines(format: FormatId, section: number): string[] {
  const lines = newReport(format, 2024).split('\n');
  const at = (n: number) => lines.findIndex((l) => l.startsWith(`${'一二三四五六'[n - 1]}、${SECTIONS[n - 1].official}`));
  return lines.slice(at(section) + 1, at(section + 1));
}

suite('snippets', () => {
  const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets/nianbao.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
  const expected: [string, FormatId, number][] = [
    ['表一 主动公开政府信息情况（2021 年版）', '2021', 2],
    ['表二 收到和处理政府信息公开申请情况（2021 年版）', '2021', 3],
    ['表三 政府信息公开行政复议、行政诉讼情况', '2021', 4],
    ['表一 主动公开政府信息情况（2019 年版）', '2019', 2],
  ];

  test('one snippet per table, each with its prefixes', () => {
    assert.deepEqual(Object.keys(snippets).sort(), expected.map(([name]) => name).sort());
    for (const s of Object.values(snippets)) assert.ok(s.prefix.length > 0 && /\/ [A-Z]/.test(s.description));
  });

  for (const [name, format, section] of expected) {
    test(`${name}: the template's table, each cell a tab stop in order`, () => {
      const body = snippets[name].body;
      assert.equal(body.at(-1), '$0');
      const text = body.slice(0, -1).join('\n');
      const stops = [...text.matchAll(/\$\{(\d+):0\}/g)].map((m) => Number(m[1]));
      assert.deepEqual(stops, stops.map((_, i) => i + 1));
      // Nothing else a snippet would read as syntax.
      assert.ok(!/[$}\\]/.test(text.replace(/\$\{\d+:0\}/g, '')));
      assert.deepEqual(text.replace(/\$\{\d+:0\}/g, '0').split('\n'), tableLines(format, section));
    });
  }
});
