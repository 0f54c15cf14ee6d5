// Large folders: the files checked on worker threads give exactly what one
// thread gives, in the same order; output is written as files finish; a
// failed write is an incomplete run (exit 2), not "errors found".

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../server/src/cli/run';
import type { Checked } from '../../server/src/cli/job';
import { pairByName, type Identity } from '../../server/src/core/index';
import { ROOT } from '../helpers';
import { CLI, runCli } from './run';

// Every real report of the repository, the PDFs among them (read once, kept between the passes).
const FOLDERS = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2', 'test/fixtures/pdf'];

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-stream-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every SARIF object with its keys sorted: the streamed log puts the run's members in another order. */
const sorted = (json: string) => JSON.stringify(JSON.parse(json), (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

describe('worker threads', () => {
  for (const format of ['text', 'json', 'sarif'] as const) {
    test(`--jobs 2 gives what --jobs 1 gives (${format}), cross-year pairs and unreadable PDFs included`, () => {
      const one = runCli(['check', '--jobs', '1', '--format', format, ...FOLDERS]);
      const two = runCli(['check', '--jobs', '2', '--format', format, ...FOLDERS]);
      // Two PDFs cannot be read (encrypted, image only): exit 2, said in the files' order.
      assert.equal(one.status, 2);
      assert.equal(two.status, 2);
      assert.equal(two.stderr, one.stderr);
      assert.equal(one.stderr.split('\n').filter(Boolean).length, 2);
      if (format === 'sarif') assert.equal(sorted(two.stdout), sorted(one.stdout));
      else assert.equal(two.stdout, one.stdout);
      if (format === 'json') {
        const files = (JSON.parse(two.stdout) as { files: { path: string; previous?: { path: string } }[] }).files;
        assert.equal(files.length, 34);
        // 自然资源与生态环境局 2020 ← 2021 ← 2022 ← 2023 ← 2024, paired across the threads.
        assert.deepEqual(
          files.filter((f) => f.previous).map((f) => [path.basename(f.path), path.basename(f.previous!.path)]),
          [
            ['114_pingtan_ziran_2022_flat.txt', '126_pingtan_ziran_2021_flat.txt'],
            ['126_pingtan_ziran_2021_flat.txt', '113_pingtan_ziran_2020_flat.txt'],
            ['127_pingtan_ziran_2024_flat.txt', '129_pingtan_ziran_2023_tab.txt'],
            ['129_pingtan_ziran_2023_tab.txt', '114_pingtan_ziran_2022_flat.txt'],
          ],
        );
      }
      if (format === 'sarif') {
        const log = JSON.parse(two.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { index: number; uri: string } } }[] }[]; artifacts: { location: { uri: string } }[] }[] };
        const [r] = log.runs;
        // Each result names its file by its index among the artifacts.
        for (const result of r.results) {
          const { index, uri } = result.locations[0].physicalLocation.artifactLocation;
          assert.equal(r.artifacts[index].location.uri, uri);
        }
      }
    });
  }

  test('nianbao review on worker threads writes the same list', () => {
    const one = path.join(tmp, 'one.csv');
    const two = path.join(tmp, 'two.csv');
    assert.equal(runCli(['review', '--jobs', '1', '--out', one, ...FOLDERS]).status, 2);
    assert.equal(runCli(['review', '--jobs', '2', '--out', two, ...FOLDERS]).status, 2);
    assert.equal(fs.readFileSync(two, 'utf8'), fs.readFileSync(one, 'utf8'));
  });

  test('--jobs takes a whole number from 1 to 999', () => {
    for (const value of ['0', 'two', '1000', '-1', '1.5']) {
      const r = runCli(['check', '--jobs', value, 'examples', '--lang', 'en']);
      assert.equal(r.status, 2, value);
      assert.match(r.stderr, new RegExp(`^nianbao: --jobs ${value.replace('.', '\\.')}: expected a whole number from 1 to 999\\n`));
    }
  });
});

describe('streaming', () => {
  test('a file is handed to the output before later files are checked, and each in order', async () => {
    const events: string[] = [];
    const files: string[] = [];
    const result = await run(
      ['test/fixtures/corpus2'].map((p) => path.join(ROOT, p)),
      { analysis: { lang: 'en' }, output: 'text', color: false, cwd: ROOT },
      {},
      {
        onProblem: (p) => events.push(`problem ${p.path}`),
        onFile: (file: string, checked: Checked) => {
          events.push(`file ${path.basename(file)}`);
          files.push(file);
          assert.equal(checked.rendered?.kind, 'text');
        },
        onProgress: (phase, done, total) => events.push(`${phase} ${done}/${total}`),
      },
      1,
    );
    assert.equal(result.files, 15);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(files, [...files].sort());
    // The first pass reads every file before the second checks any (pairs need every identity) …
    assert.ok(events.indexOf('1 15/15') < events.indexOf('2 1/15'));
    // … and each file's output follows its check at once, not the end of the run.
    assert.equal(events[events.indexOf('2 1/15') + 1], 'file 100_pingtan_caijin_2019_flat.txt');
    assert.ok(events.indexOf('file 100_pingtan_caijin_2019_flat.txt') < events.indexOf('2 2/15'));
  });

  test('pairing by name, indexed by the names\' tails: 20,000 reports of 10,000 bodies over two years, a masked one among them', () => {
    const identities: Identity[] = [];
    for (let year = 2023; year <= 2024; year++) for (let i = 0; i < 10_000; i++) identities.push({ body: `单位${i}局`, key: `单位${i}局`, year });
    // A masked name pairs with the one it can only be; one with a masked tail pairs with none.
    identities[10_000 + 4321] = { key: '*位4321局', year: 2024 };
    identities[10_000 + 5678] = { key: '单位56*8', year: 2024 };
    const pairs = pairByName(identities);
    assert.equal(pairs.size, 9_999);
    assert.equal(pairs.get(10_000 + 1234), 1234);
    assert.equal(pairs.get(10_000 + 4321), 4321);
    assert.equal(pairs.get(10_000 + 5678), undefined);
  });
});

describe('progress', () => {
  // util-linux `script` gives the run a terminal; standard output goes to a file, so the terminal shows standard error only.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  test('on a terminal, a progress line on standard error, redrawn in place and cleared at the end', { skip: !hasScript && 'no script(1)' }, () => {
    const out = path.join(tmp, 'progress.txt');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check --lang en examples > ${JSON.stringify(out)}`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: '' } });
    assert.equal(r.status, 1, r.stderr);
    const terminal = r.stdout;
    assert.ok(terminal.includes('\r\u001b[Knianbao: reading 5/5'), JSON.stringify(terminal));
    assert.ok(terminal.includes('\r\u001b[Knianbao: checking 5/5'), JSON.stringify(terminal));
    assert.ok(terminal.endsWith('\r\u001b[K'), JSON.stringify(terminal));
    // The output itself has none of it.
    assert.match(fs.readFileSync(out, 'utf8'), /^examples\/000_1d23ca6ff21b8a58\.txt\n/);
    assert.doesNotMatch(fs.readFileSync(out, 'utf8'), /\r|reading|checking/);
  });
});

describe('output errors', () => {
  test('standard output on a full disk: exit 2 and said, not a stack trace', { skip: !fs.existsSync('/dev/full') && 'no /dev/full' }, () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const args of [['check', 'examples'], ['check', '--format', 'json', 'examples'], ['--help']]) {
        const r = spawnSync(process.execPath, [CLI, ...args, '--lang', 'en'], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        assert.equal(r.status, 2, args.join(' '));
        assert.equal(r.stderr, 'nianbao: cannot write the output: ENOSPC\n');
      }
    } finally {
      fs.closeSync(full);
    }
  });
});
