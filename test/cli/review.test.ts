// `nianbao review`: the reviewer's 问题清单 of a folder of reports, as CSV, XLSX
// and HTML — one row per finding, the same findings as `check`; a summary per
// unit with its key figures; the units missing from a roster or filed twice.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { encodeGb18030, ROOT } from '../helpers';
import { runCli, type JsonFile } from './run';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-review-'));
const out = (name: string) => path.join(tmp, name);
const FOLDERS = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2'];

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('nianbao review', () => {
  const checked = JSON.parse(runCli(['check', '--lang', 'en', '--format', 'json', ...FOLDERS]).stdout).files as JsonFile[];
  const findings = checked.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.severity} ${d.code} ${d.message}`)).sort();

  test('CSV: one row per finding of check, the same findings, with their place; UTF-8 with a BOM for Excel', () => {
    const run = runCli(['review', '--lang', 'en', '--out', out('review.csv'), ...FOLDERS]);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, `wrote ${out('review.csv')}: ${checked.length} reports, ${findings.length} problems\n`);
    const text = fs.readFileSync(out('review.csv'), 'utf8');
    assert.ok(text.startsWith('\uFEFF'));
    const [header, ...rows] = parseCsv(text.slice(1));
    assert.deepEqual(header, ['Unit', 'Year', 'File', 'Where', 'Severity', 'Check', 'What is wrong', 'Values', 'Suggested correction', 'Decision', 'Reason', 'Fingerprint']);
    assert.deepEqual(rows.map((r) => `${r[2]} ${r[4]} ${/\(([\w.-]+)\)$/.exec(r[5])![1]} ${r[6]}`).sort(), findings);
    // Corpus 011's table-3 errors: where, what, and the values compared.
    const review = rows.find((r) => r[2].endsWith('011_hongze_2023_pdftext.txt') && r[5].endsWith('(table.review-total)'))!;
    assert.deepEqual(review.slice(0, 5), ['洪泽区人民政府', '2023', 'test/fixtures/corpus/011_hongze_2023_pdftext.txt', 'section 4 · Table 3 · administrative review total · line 112', 'error']);
    assert.equal(review[7], 'Table 3 administrative review upheld: 10；Table 3 administrative review corrected: 1；Table 3 administrative review other: 0；Table 3 administrative review pending: 0');
  });

  test('XLSX: three sheets; the units with their key figures and correction rates', async () => {
    const run = runCli(['review', '--out', out('review.xlsx'), ...FOLDERS]);
    assert.equal(run.status, 1, run.stderr);
    const readXlsx = require('read-excel-file/node').default as (file: string) => Promise<{ sheet: string; data: unknown[][] }[]>;
    const sheets = await readXlsx(out('review.xlsx'));
    assert.deepEqual(sheets.map((s) => s.sheet), ['问题清单', '单位汇总', '报送情况']);
    const [issues, units] = sheets;
    assert.equal(issues.data.length, findings.length + 1);
    assert.equal(units.data.length, checked.length + 1);
    const row = (file: string) => units.data.find((r) => r[2] === file)!;
    // 011: 21 received and handled, none carried; 11 reviews (10 upheld, 1 corrected: 9.1%), 5 lawsuits (none corrected).
    // Its table 3 总计 cells are 0 (the errors): the figures come from the cells as written.
    assert.deepEqual(row('test/fixtures/corpus/011_hongze_2023_pdftext.txt').slice(0, 15), ['洪泽区人民政府', 2023, 'test/fixtures/corpus/011_hongze_2023_pdftext.txt', '2021', 2, 0, 0, 1, 21, 21, 0, 0, null, 0, null]);
    // 012 (2024): 95 received and handled; 2 reviews, 1 corrected (50%); 4 lawsuits (1 + 3), none corrected; compared with 011.
    assert.deepEqual(row('test/fixtures/corpus/012_hongze_2024_tab.txt').slice(8), [95, 95, 0, 2, 50, 4, 0, 'test/fixtures/corpus/011_hongze_2023_pdftext.txt']);
  });

  test('HTML: offline (no script, no remote content), the three parts in the reader\'s language', () => {
    const run = runCli(['review', '--lang', 'zh-CN', '--out', out('review.html'), ...FOLDERS]);
    assert.equal(run.status, 1, run.stderr);
    const html = fs.readFileSync(out('review.html'), 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.doesNotMatch(html, /<script|<link|<img|src=|https?:\/\//i);
    assert.deepEqual([...html.matchAll(/<h2 id="(\w+)">([^<]+)<\/h2>/g)].map((m) => m[2]), ['单位汇总', '报送情况', '问题清单']);
    assert.equal([...html.matchAll(/<tr class="(error|warning|information|hint)">/g)].length, findings.length);
  });

  test('a roster: units missing for the year under review, filed twice, not on the roster', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'roster-'));
    for (const name of ['127_pingtan_ziran_2024_flat', '102_pingtan_caijin_2024_flat', '105_pingtan_gongan_2024_flat']) {
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/corpus2', `${name}.txt`), path.join(dir, `${name}.txt`));
    }
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/corpus2/127_pingtan_ziran_2024_flat.txt'), path.join(dir, 'copy.txt'));
    fs.writeFileSync(path.join(tmp, 'roster.csv'), '单位名称,联系人\n平潭综合实验区自然资源与生态环境局,甲\n平潭综合实验区财政金融局,乙\n平潭综合实验区社会事业局,丙\n# 以下为新设单位\n平潭综合实验区交通与建设局,丁\n');
    const run = runCli(['review', '--out', path.join(tmp, 'filing.xlsx'), '--roster', path.join(tmp, 'roster.csv'), dir]);
    // These reports have no error: the exit code is check's.
    assert.equal(run.status, 0, run.stderr);
    const readXlsx = require('read-excel-file/node').default as (file: string) => Promise<{ sheet: string; data: unknown[][] }[]>;
    const filing = (await readXlsx(path.join(tmp, 'filing.xlsx')))[2].data;
    const base = (files: unknown) => String(files ?? '').split('\n').map((f) => path.basename(f)).join(' ');
    assert.deepEqual(
      filing.slice(1).map((r) => [r[0], r[1], base(r[2])]),
      [
        ['平潭综合实验区自然资源与生态环境局（2024）', '重复报送', '127_pingtan_ziran_2024_flat.txt copy.txt'],
        ['平潭综合实验区社会事业局', '未报送', ''],
        ['平潭综合实验区交通与建设局', '未报送', ''],
        ['平潭综合实验区公安局', '不在应报名单中', '105_pingtan_gongan_2024_flat.txt'],
      ],
    );
  });

  test('usage: --out is needed, with an extension it can write; --out and --roster are the review\'s', () => {
    const none = runCli(['review', '--lang', 'en', 'examples']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^nianbao: review needs --out FILE \(\.html, \.xlsx or \.csv\)$/m);
    const pdf = runCli(['review', '--lang', 'en', '--out', 'x.pdf', 'examples']);
    assert.match(pdf.stderr, /^nianbao: --out x\.pdf: only \.html, \.xlsx or \.csv files can be written$/m);
    const check = runCli(['check', '--lang', 'en', '--out', 'x.csv', 'examples']);
    assert.equal(check.status, 2);
    assert.match(check.stderr, /^nianbao: option --out is for the review command only$/m);
    const unwritable = runCli(['review', '--lang', 'en', '--out', path.join(tmp, 'no/such/folder/x.csv'), 'examples']);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /cannot write: ENOENT/);
  });

  test('decisions written into the list (确认 / 忽略, with a reason) are imported into .nianbao-review.json and honoured', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'import-'));
    fs.copyFileSync(path.join(ROOT, 'examples/003_12d5eeac63ddaf69.txt'), path.join(dir, '003.txt'));
    assert.equal(runCli(['review', '--lang', 'zh-CN', '--out', 'list.csv', '.'], { cwd: dir }).status, 1);
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'list.csv'), 'utf8').slice(1));
    assert.deepEqual(header.slice(9), ['审核结论', '审核意见', '指纹']);
    const countClaim = rows.findIndex((r) => r[5].endsWith('(section.count-claim)'));
    const variant = rows.findIndex((r) => r[5].endsWith('(section.heading-variant)'));
    rows[countClaim][9] = '确认';
    rows[countClaim][10] = '已通知整改';
    rows[variant][9] = '忽略';
    // As Excel saves it: the same columns, edited cells, no byte-order mark needed.
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    fs.writeFileSync(path.join(dir, 'filled.csv'), [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
    const imported = runCli(['review', '--lang', 'zh-CN', '--import', 'filled.csv'], { cwd: dir });
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(imported.stdout, '已将 2 条审核结论记入 .nianbao-review.json\n');
    const review = JSON.parse(fs.readFileSync(path.join(dir, '.nianbao-review.json'), 'utf8'));
    assert.deepEqual(review.findings.map((e: { check: string; status: string; reason?: string }) => [e.check, e.status, e.reason]), [
      ['section.count-claim', 'confirmed', '已通知整改'],
      ['section.heading-variant', 'dismissed', undefined],
    ]);
    // check: the confirmed finding marked in text, JSON and SARIF; the dismissed one set apart.
    const text = runCli(['check', '--lang', 'zh-CN', '003.txt'], { cwd: dir }).stdout;
    assert.match(text, /section\.count-claim  .*（已确认）$/m);
    assert.doesNotMatch(text, /section\.heading-variant/);
    const json = JSON.parse(runCli(['check', '--format', 'json', '003.txt'], { cwd: dir }).stdout).files[0];
    assert.deepEqual(json.diagnostics.find((d: { code: string }) => d.code === 'section.count-claim').confirmed, { reason: '已通知整改' });
    assert.deepEqual(json.dismissed.map((d: { code: string }) => d.code), ['section.heading-variant']);
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '003.txt'], { cwd: dir }).stdout);
    const confirmed = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'section.count-claim');
    assert.deepEqual(confirmed.properties, { 'nianbao/status': 'confirmed', 'nianbao/reason': '已通知整改' });
    // The next list carries the decision.
    runCli(['review', '--lang', 'en', '--out', 'again.csv', '.'], { cwd: dir });
    const again = parseCsv(fs.readFileSync(path.join(dir, 'again.csv'), 'utf8').slice(1));
    assert.deepEqual(again.find((r) => r[5].endsWith('(section.count-claim)'))!.slice(9, 11), ['confirmed', '已通知整改']);
    assert.equal(again.filter((r) => r[5].endsWith('(section.heading-variant)')).length, 0);
    // A file that is no such list.
    fs.writeFileSync(path.join(dir, 'other.csv'), 'a,b\n1,2\n');
    const wrong = runCli(['review', '--lang', 'en', '--import', 'other.csv'], { cwd: dir });
    assert.equal(wrong.status, 2);
    assert.equal(wrong.stderr, 'nianbao: other.csv: no Fingerprint, Decision and Check columns (expected a list written by nianbao review)\n');
  });

  test('each decision goes into the review file that applies to its report: one above is kept, none is made that would hide it', () => {
    const repo = fs.mkdtempSync(path.join(tmp, 'nearest-'));
    fs.mkdirSync(path.join(repo, '.git'));
    fs.mkdirSync(path.join(repo, 'a'));
    fs.mkdirSync(path.join(repo, 'b'));
    fs.copyFileSync(path.join(ROOT, 'examples/003_12d5eeac63ddaf69.txt'), path.join(repo, 'a', '003.txt'));
    fs.copyFileSync(path.join(ROOT, 'examples/001_67c1420167c13949.txt'), path.join(repo, 'b', '001.txt'));
    const earlier = { fingerprint: 'aaaaaaaa', status: 'dismissed', check: 'section.count-claim', text: '一项早先的决定' };
    fs.writeFileSync(path.join(repo, '.nianbao-review.json'), JSON.stringify({ version: 1, findings: [earlier] }));
    fs.writeFileSync(path.join(repo, 'b', '.nianbao-review.json'), JSON.stringify({ version: 1, findings: [] }));
    const cwd = path.join(repo, 'a');
    runCli(['review', '--lang', 'en', '--out', 'list.csv', '.', '../b'], { cwd });
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(cwd, 'list.csv'), 'utf8').slice(1));
    const ofA = rows.find((r) => r[2] === '003.txt')!;
    const ofB = rows.find((r) => r[2] === path.join('..', 'b', '001.txt'))!;
    ofA[9] = 'dismissed';
    ofB[9] = '忽略';
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    fs.writeFileSync(path.join(cwd, 'filled.csv'), [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
    const imported = runCli(['review', '--lang', 'en', '--import', 'filled.csv'], { cwd });
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(imported.stdout, `recorded 1 decisions in ${path.join('..', '.nianbao-review.json')}\nrecorded 1 decisions in ${path.join('..', 'b', '.nianbao-review.json')}\n`);
    assert.equal(fs.existsSync(path.join(cwd, '.nianbao-review.json')), false);
    const fingerprints = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')).findings.map((e: { fingerprint: string }) => e.fingerprint);
    assert.deepEqual(fingerprints(path.join(repo, '.nianbao-review.json')), ['aaaaaaaa', ofA[11]]);
    assert.deepEqual(fingerprints(path.join(repo, 'b', '.nianbao-review.json')), [ofB[11]]);
    const checked = JSON.parse(runCli(['check', '--format', 'json', '.', '../b'], { cwd }).stdout).files as JsonFile[];
    assert.deepEqual(checked.map((f) => f.dismissed?.map((d) => d.fingerprint)), [[ofA[11]], [ofB[11]]]);
    // A review file that cannot be read back whole is never written over, nor is any other.
    const before = fs.readFileSync(path.join(repo, '.nianbao-review.json'), 'utf8');
    fs.writeFileSync(path.join(repo, 'b', '.nianbao-review.json'), '{"version": 1, "findings": [');
    const refused = runCli(['review', '--lang', 'en', '--import', 'filled.csv'], { cwd });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^nianbao: the review file cannot be used: \.\.\/b\/\.nianbao-review\.json: /);
    assert.equal(fs.readFileSync(path.join(repo, '.nianbao-review.json'), 'utf8'), before);
    assert.equal(fs.readFileSync(path.join(repo, 'b', '.nianbao-review.json'), 'utf8'), '{"version": 1, "findings": [');
  });

  test('two findings of one row have two fingerprints; a list saved by Excel as GBK imports; no formula runs from the CSV', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'gbk-'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/corpus/011_hongze_2023_pdftext.txt'), path.join(dir, '=1+1.txt'));
    runCli(['review', '--lang', 'zh-CN', '--out', 'list.csv', '.'], { cwd: dir });
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'list.csv'), 'utf8').slice(1));
    const totals = rows.filter((r) => r[5].endsWith('(table.review-total)'));
    assert.equal(totals.length, 2);
    assert.notEqual(totals[0][11], totals[1][11]);
    assert.equal(totals[0][2], "'=1+1.txt");
    totals[0][9] = '忽略';
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    fs.writeFileSync(path.join(dir, 'gbk.csv'), encodeGb18030([header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'));
    const imported = runCli(['review', '--lang', 'en', '--import', 'gbk.csv'], { cwd: dir });
    assert.equal(imported.stdout, 'recorded 1 decisions in .nianbao-review.json\n', imported.stderr);
    const json = JSON.parse(runCli(['check', '--format', 'json', '.'], { cwd: dir }).stdout).files[0];
    assert.deepEqual(json.dismissed.map((d: { code: string }) => d.code), ['table.review-total']);
    assert.equal(json.diagnostics.filter((d: { code: string }) => d.code === 'table.review-total').length, 1);
  });
});
