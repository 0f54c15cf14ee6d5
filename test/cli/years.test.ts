// The command line across years: reports paired with last year's by name and
// year among the files checked, by --previous, or by the pairs of
// .nianbao.json; the pairing said; related places in last year's file.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { runCli } from './run';

const base = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus2/129_pingtan_ziran_2023_tab.txt'), 'utf8');
/** 129 as the 2024 report, with 1 carried over where 2023 carried nothing forward. */
const next = base
  .replace('2023年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告')
  .replace('二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1');

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-years-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const carryOver = (stdout: string) => stdout.split('\n').filter((l) => l.includes('year.carry-over'));

describe('across years on the command line', () => {
  test('a folder: the 2024 report paired with 2023 by name and year, said, with last year\'s cell', () => {
    const dir = folder({ '2023/ziran.txt': base, '2024/ziran.txt': next });
    const run = runCli(['check', '--lang', 'zh-CN', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^2024\/ziran\.txt\n  上年报告：2023\/ziran\.txt（按机关名称和年度配对）$/m);
    assert.deepEqual(carryOver(run.stdout), [
      '2024/ziran.txt:31:18  error  year.carry-over  「二、上年结转政府信息公开申请数量」行「自然人」列为 1，上年报告的「四、结转下年度继续办理」同一列为 0',
      '2024/ziran.txt:31:30  error  year.carry-over  「二、上年结转政府信息公开申请数量」行「总计」列为 1，上年报告的「四、结转下年度继续办理」同一列为 0',
    ]);
    assert.match(run.stdout, /^ {4}2023\/ziran\.txt:54:\d+  上年报告：「四、结转下年度继续办理」行「自然人」列: 0$/m);
    // 2023 has no 2022 among the files: not paired, no cross-year finding.
    assert.doesNotMatch(run.stdout, /^2023\/ziran\.txt:\d+:\d+ .*year\./m);
  });

  test('--previous names last year\'s report, whatever its name; JSON says how it was paired', () => {
    const dir = folder({ 'a.txt': next, 'b.txt': base.replace(/平潭综合实验区自然资源与生态环境局/g, '某某局') });
    const run = runCli(['check', '--format', 'json', '--previous', 'b.txt', 'a.txt'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    const [file] = JSON.parse(run.stdout).files;
    assert.deepEqual(file.previous, { path: 'b.txt', pairedBy: 'explicit' });
    assert.equal(file.diagnostics.filter((d: { code: string }) => d.code === 'year.carry-over').length, 2);
    const missing = runCli(['check', '--lang', 'en', '--previous', 'none.txt', 'a.txt'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^nianbao: none\.txt: no such file or folder$/m);
  });

  test('the pairs of .nianbao.json, relative to its folder; SARIF points into last year\'s file', () => {
    const dir = folder({ 'reports/new.txt': next, 'archive/old.txt': base.replace(/平潭综合实验区自然资源与生态环境局/g, '某某局'), '.nianbao.json': JSON.stringify({ pairs: { 'reports/new.txt': 'archive/old.txt' } }) });
    const run = runCli(['check', '--lang', 'en', 'reports'], { cwd: dir });
    assert.match(run.stdout, /^ {2}last year's report: archive\/old\.txt \(named by the pairs of \.nianbao\.json\)$/m);
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', 'reports'], { cwd: dir }).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'year.carry-over');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'reports/new.txt');
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'archive/old.txt');
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 54);
  });

  test('pairs that are not a map of paths: a usage error naming the file', () => {
    const dir = folder({ 'a.txt': next, '.nianbao.json': JSON.stringify({ pairs: ['a.txt'] }) });
    const run = runCli(['check', '--lang', 'en', 'a.txt'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^nianbao: \.nianbao\.json: invalid value \["a\.txt"\] for "pairs"/m);
  });

  test('--previous must be last year\'s report: not another year, not the file itself (a link to it), not a FIFO', () => {
    const dir = folder({ 'a.txt': next, 'b.txt': base, 'notes.txt': '会议纪要' });
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'));
    const self = runCli(['check', '--lang', 'en', '--previous', 'link.txt', 'a.txt'], { cwd: dir });
    assert.equal(self.status, 2);
    assert.match(self.stderr, /^nianbao: link\.txt: not the report of the year before a\.txt; no cross-year comparison made$/m);
    assert.doesNotMatch(self.stdout, /year\./);
    const later = runCli(['check', '--lang', 'en', '--previous', 'a.txt', 'b.txt'], { cwd: dir });
    assert.equal(later.status, 2);
    assert.match(later.stderr, /^nianbao: a\.txt: not the report of the year before b\.txt/m);
    const notes = runCli(['check', '--lang', 'en', '--previous', 'notes.txt', 'a.txt'], { cwd: dir });
    assert.match(notes.stderr, /^nianbao: notes\.txt: no annual report found in the file$/m);
    require('node:child_process').spawnSync('mkfifo', [path.join(dir, 'fifo')]);
    const fifo = runCli(['check', '--lang', 'en', '--previous', 'fifo', 'a.txt'], { cwd: dir });
    assert.equal(fifo.status, 2);
    assert.match(fifo.stderr, /^nianbao: fifo: cannot read: not a regular file$/m);
    assert.match(runCli(['check', '--lang', 'en', 'fifo'], { cwd: dir }).stderr, /^nianbao: fifo: cannot read: not a regular file$/m);
  });
});
