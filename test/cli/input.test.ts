// What the CLI reads and what reaches the terminal: standard input, files that
// are no regular files (never waited on), files too large, control characters
// from a report, paths with a line break, and which .nianbao.json applies.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { CLI, runCli } from './run';

const EX003 = path.join(ROOT, 'examples/003_12d5eeac63ddaf69.txt');
let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-input-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A run that must end by itself: a hang fails here in seconds, not at the test runner's limit. */
function quick(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? tmp, input: options.input, encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL', env: { ...process.env, LC_ALL: '', LANG: '', ...options.env } });
  assert.equal(r.signal, null, `${args.join(' ')} did not end by itself`);
  return r;
}

describe('standard input', () => {
  test('`-` reads the report from standard input, shown as <stdin>', () => {
    const fromFile = runCli(['check', '--lang', 'en', EX003]);
    const r = quick(['check', '--lang', 'en', '-'], { input: fs.readFileSync(EX003) });
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, fromFile.stdout.split(EX003).join('<stdin>'));
  });

  test('GB18030 on standard input is decoded and said; an empty input is an empty report', () => {
    const gbk = Buffer.from([0xb6, 0xfe, 0xa1, 0xa2]); // 二、
    const r = quick(['check', '--lang', 'en', '--format', 'json', '-'], { input: gbk });
    const [file] = (JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] }).files;
    assert.equal(file.path, '<stdin>');
    assert.equal(file.diagnostics[0].code, 'report.encoding');
    const empty = quick(['check', '--lang', 'en', '--format', 'json', '-'], { input: '' });
    assert.equal((JSON.parse(empty.stdout) as { files: unknown[] }).files.length, 1);
  });
});

describe('files that are not regular files', () => {
  test('a FIFO without a writer, /dev/zero: said at once, never waited on', { skip: process.platform === 'win32' }, () => {
    const fifo = path.join(tmp, 'fifo.txt');
    spawnSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const r = quick(['check', '--lang', 'en', file]);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `nianbao: ${file}: cannot read: not a regular file\n`);
    }
  });

  test('--config naming a FIFO or /dev/zero: said, the run stops (exit 2)', { skip: process.platform === 'win32' }, () => {
    const fifo = path.join(tmp, 'config-fifo');
    spawnSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const r = quick(['check', '--lang', 'en', '--config', file, EX003]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `nianbao: ${file}: cannot read the configuration file: not a regular file\nRun nianbao --help for details.\n`);
    }
  });

  test('a 1.4 GB text file is too large, not "not UTF-8"', () => {
    const big = path.join(tmp, 'big.txt');
    // Sparse: no disk is used, and its size is what counts.
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 1400 * 1024 * 1024);
    const r = quick(['check', '--lang', 'en', big]);
    fs.rmSync(big);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `nianbao: ${big}: the text file is larger than 256 MB and was not read\n`);
  });
});

describe('what reaches the terminal', () => {
  test('control characters from a report are printed escaped; a path with a line break is quoted', () => {
    const dir = path.join(tmp, 'controls');
    fs.mkdirSync(dir);
    const name = 'a\nb.txt';
    // Headings quoted by their findings: one with an escape (that starts every terminal sequence), one that reverses the line.
    fs.writeFileSync(path.join(dir, name), '2024年某局政府信息公开工作年度报告\n一、总体情况\n二、主动公开\u001b政府信息情况\n三、收到和处理\u202e政府信息公开申请情况\n');
    const r = quick(['check', '--lang', 'en', '.'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.match(r.stdout, /^"a\\nb\.txt"\n/);
    assert.match(r.stdout, /^"a\\nb\.txt":3:3  hint  section\.heading-variant  Heading "主动公开\\u001b政府信息情况"/m);
    assert.match(r.stdout, /^"a\\nb\.txt":4:3  hint  section\.heading-variant  Heading "收到和处理\\u202e政府信息公开申请情况"/m);
    // JSON keeps the text as it is: JSON escapes it itself.
    const json = JSON.parse(quick(['check', '--format', 'json', '.'], { cwd: dir }).stdout) as { files: { path: string }[] };
    assert.equal(json.files[0].path, name);
  });
});

describe('which configuration applies', () => {
  const config = (dir: string) => fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify({ severity: { 'section.empty': 'off' } }));
  const empties = (r: ReturnType<typeof quick>) => (r.stdout.match(/section\.empty/g) ?? []).length;

  test('the search stops at the repository root: a file above it does not apply', () => {
    const above = path.join(tmp, 'above');
    const repo = path.join(above, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'reports'));
    config(above);
    assert.equal(empties(quick(['check', EX003], { cwd: path.join(repo, 'reports') })), 3);
    // Inside the repository it applies, from any folder below it.
    config(repo);
    assert.equal(empties(quick(['check', EX003], { cwd: path.join(repo, 'reports') })), 0);
  });

  test('the search stops at the home folder', () => {
    const above = path.join(tmp, 'home-above');
    const home = path.join(above, 'home');
    fs.mkdirSync(path.join(home, 'work'), { recursive: true });
    config(above);
    assert.equal(empties(quick(['check', EX003], { cwd: path.join(home, 'work'), env: { HOME: home } })), 3);
  });

  test('--verbose says which configuration file and how many threads', () => {
    const dir = path.join(tmp, 'verbose');
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    let r = quick(['check', '--verbose', '--lang', 'en', '--jobs', '1', EX003], { cwd: dir });
    assert.equal(r.stderr, `nianbao: no configuration file (.nianbao.json looked for from ${dir} up to the repository root or the home folder)\nnianbao: 1 files, 1 threads\n`);
    config(dir);
    r = quick(['check', '--verbose', '--lang', 'en', '--jobs', '2', EX003, EX003.replace('003_12d5eeac63ddaf69', '004_164254f647ab523c')], { cwd: dir });
    assert.equal(r.stderr, 'nianbao: configuration file: .nianbao.json\nnianbao: 2 files, 2 threads\n');
  });
});
