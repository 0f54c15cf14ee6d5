// Bad input for the `nianbao` command (issue 7, robustness): empty, binary,
// NUL-laden, huge and one-line files, every kind of line break, a BOM. Each
// gets a clear outcome — findings and an exit code, or an error naming the
// file — and no other file of the run is lost. The CLI runs as a process
// (dist/cli.js), as in cli.test.ts, in a temporary folder; every run also
// checks that the CLI wrote to none of the files it read.

import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { random } from '../fuzz/mutate';
import { ROOT } from '../helpers';
import { CLI, RUN_LIMIT_MS, runCli, type JsonFile, type Run } from './run';

const EX002 = 'examples/002_e60c3c3fc476d400.txt';
const EX003 = 'examples/003_12d5eeac63ddaf69.txt';
/** The test timeout for runs over big input, a little above RUN_LIMIT_MS. */
const BIG = { timeout: RUN_LIMIT_MS + 30_000 };
const MB = 1 << 20;

let tmp: string;

/** Every file a test wrote, with its state right after writing: none may change. */
const written = new Map<string, FileState>();

interface FileState {
  size: number;
  mtimeMs: number;
  sha256: string;
}

function stateOf(file: string): FileState {
  const st = fs.statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
}

/** Every file under `dir` (recursively, dot-files included) with its state. */
function snapshot(dir: string): Record<string, FileState> {
  const out: Record<string, FileState> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = stateOf(full);
    }
  };
  walk(dir);
  return out;
}

/** A fresh folder under the temporary directory. */
function folder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a file and remembers its state. */
function write(file: string, content: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  written.set(file, stateOf(file));
  return file;
}

const example = (relative: string) => fs.readFileSync(path.join(ROOT, relative), 'utf8');

/**
 * Runs the CLI in `cwd` (a folder of the test), with the locale variables
 * removed, and asserts that nothing in `cwd` was written, created or removed.
 */
function cli(args: string[], cwd: string): Run {
  const before = snapshot(cwd);
  const r = runCli(args, { cwd });
  assert.equal(r.signal, null, `nianbao ${args.join(' ')}: killed by ${r.signal} (still running after ${RUN_LIMIT_MS / 1000} s?)`);
  assert.deepEqual(snapshot(cwd), before, `nianbao ${args.join(' ')} changed files in ${cwd}`);
  return r;
}

function json(args: string[], cwd: string): { run: Run; files: JsonFile[] } {
  const run = cli(['check', '--format', 'json', '--lang', 'en', ...args], cwd);
  let parsed: { version: number; files: JsonFile[] };
  try {
    parsed = JSON.parse(run.stdout) as typeof parsed;
  } catch (error) {
    assert.fail(`not JSON (exit ${run.status}, stderr ${JSON.stringify(run.stderr.slice(0, 2000))}): ${String(error)}`);
  }
  assert.equal(parsed.version, 1);
  return { run, files: parsed.files };
}

const codes = (file: JsonFile) => file.diagnostics.map((d) => `${d.code} ${d.severity}`);
const full = (file: JsonFile) => file.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));

/** Lines as LSP counts them: broken at \r\n, \r and \n. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every range lies inside the document (after the BOM the CLI strips), and no check failed. */
function assertSane(file: JsonFile, text: string): void {
  const lines = lspLines(text.replace(/^\uFEFF/, ''));
  for (const d of file.diagnostics) {
    assert.notEqual(d.code, 'internal.error', `${file.path}: a check failed: ${d.message}`);
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${file.path} ${d.code}: line ${p.line} of ${lines.length}`);
      assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length, `${file.path} ${d.code}: character ${p.character} of ${lines[p.line].length} on line ${p.line}`);
    }
  }
}

/** `size` random bytes with NULs and bytes that can never appear in UTF-8. */
function binary(size: number, seed: number): Buffer {
  const rnd = random(seed);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(rnd() * 256);
  // Whatever the generator gave: NULs, 0xFF/0xFE (never UTF-8), a lone continuation byte, a truncated sequence at the end.
  bytes.set([0x00, 0x00, 0xff, 0xfe, 0x80, 0x00], 16);
  bytes.set([0xe4, 0xb8], size - 2);
  return bytes;
}

/** `unit` repeated to exactly `bytes` bytes of UTF-8 or a few less (never a split character). */
function repeatToBytes(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit);
  const whole = Math.floor(bytes / unitBytes);
  let left = bytes - whole * unitBytes;
  let tail = '';
  for (const ch of unit) {
    left -= Buffer.byteLength(ch);
    if (left < 0) break;
    tail += ch;
  }
  return unit.repeat(whole) + tail;
}

before(() => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bad-input-'));
  // The runs below are "without a configuration": none may be found above the temporary folder.
  for (let dir = tmp; ; dir = path.dirname(dir)) {
    assert.ok(!fs.existsSync(path.join(dir, '.nianbao.json')), `${dir} has a .nianbao.json, which would apply to every run`);
    if (path.dirname(dir) === dir) break;
  }
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('an empty file', () => {
  test('named on the command line, it is checked: six sections missing, exit 1, listed in the JSON', () => {
    const dir = folder('empty');
    write(path.join(dir, 'empty.txt'), '');
    const { run, files } = json(['empty.txt'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.deepEqual(files.map((f) => [f.path, f.format]), [['empty.txt', null]]);
    assert.deepEqual(codes(files[0]), Array(6).fill('section.missing error'));
    const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(files[0].diagnostics.map((d) => d.range), Array(6).fill(origin));
    assert.deepEqual(
      files[0].diagnostics.map((d) => d.message.match(/^Section (\S)/)?.[1]),
      ['1', '2', '3', '4', '5', '6'],
    );

    // The text format says the same, at 1:1.
    const text = cli(['check', '--lang', 'en', 'empty.txt'], dir);
    assert.equal(text.status, 1);
    assert.equal(text.stdout.split('\n').filter((l) => l.startsWith('empty.txt:1:1  error  section.missing  ')).length, 6);
    assert.match(text.stdout, /^1 file: 6 errors, 0 warnings, 0 information, 0 hints$/m);
  });

  test('found in a folder, an empty .nianbao file is checked; an empty .txt is not a report and is skipped', () => {
    const dir = folder('empty-walk');
    write(path.join(dir, 'reports', 'a.nianbao'), '');
    write(path.join(dir, 'reports', 'b.txt'), '');
    write(path.join(dir, 'reports', 'c.md'), '');
    const { run, files } = json(['reports'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.deepEqual(files.map((f) => f.path), ['reports/a.nianbao']);
    assert.deepEqual(codes(files[0]), Array(6).fill('section.missing error'));
  });

  test('a file of only white space and line breaks is checked like an empty one', () => {
    const dir = folder('blank');
    write(path.join(dir, 'blank.txt'), ' \r\n\t\n\u3000\r\r\n\n');
    const { run, files } = json(['blank.txt'], dir);
    assert.equal(run.status, 1);
    assert.deepEqual(codes(files[0]), Array(6).fill('section.missing error'));
  });
});

describe('a binary file', () => {
  test('found in a folder: named on stderr, exit 2, the other files of the run are still checked', () => {
    const dir = folder('binary');
    write(path.join(dir, 'reports', 'a-binary.txt'), binary(4096, 7));
    write(path.join(dir, 'reports', 'b-report.txt'), example(EX003));
    write(path.join(dir, 'reports', 'c-clean.nianbao'), example(EX002));
    const { run, files } = json(['reports'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'nianbao: reports/a-binary.txt: not valid UTF-8, UTF-16 or GB18030 (GBK) text\n');
    assert.deepEqual(files.map((f) => f.path), ['reports/b-report.txt', 'reports/c-clean.nianbao']);

    // The other files get exactly the findings they get on their own.
    const alone = json(['reports/b-report.txt', 'reports/c-clean.nianbao'], dir);
    assert.equal(alone.run.status, 1);
    assert.deepEqual(files.map(full), alone.files.map(full));
    assert.equal(files[0].diagnostics.length, 5);
    assert.deepEqual(files[1].diagnostics, []);
  });

  test('named on the command line, with any extension, before and after good files: each named once, exit 2', () => {
    const dir = folder('binary-named');
    write(path.join(dir, 'noise.bin'), binary(8192, 11));
    write(path.join(dir, 'noise.txt'), binary(3000, 12));
    write(path.join(dir, 'clean.txt'), example(EX002));
    write(path.join(dir, 'report.txt'), example(EX003));
    const { run, files } = json(['noise.bin', 'clean.txt', 'noise.txt', 'report.txt'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'nianbao: noise.bin: not valid UTF-8, UTF-16 or GB18030 (GBK) text\nnianbao: noise.txt: not valid UTF-8, UTF-16 or GB18030 (GBK) text\n');
    assert.deepEqual(files.map((f) => f.path), ['clean.txt', 'report.txt']);
    assert.equal(files[1].diagnostics.length, 5);

    // Text: the summary counts the files checked; Chinese: the same problem in Chinese.
    const text = cli(['check', '--lang', 'zh-CN', 'noise.bin', 'report.txt'], dir);
    assert.equal(text.status, 2);
    assert.equal(text.stderr, 'nianbao: noise.bin: 不是有效的 UTF-8、UTF-16 或 GB18030（GBK）文本\n');
    assert.match(text.stdout, /^report\.txt\n/);
    assert.match(text.stdout, /^1 个文件，3 个错误/m);
  });

  test('in SARIF, the file is a failed tool notification and the other file still has its results', () => {
    const dir = folder('binary-sarif');
    write(path.join(dir, 'noise.txt'), binary(2048, 13));
    write(path.join(dir, 'report.txt'), example(EX003));
    const r = cli(['check', '--format', 'sarif', '--lang', 'en', 'noise.txt', 'report.txt'], dir);
    assert.equal(r.status, 2);
    const log = JSON.parse(r.stdout) as {
      runs: {
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
        artifacts: { location: { uri: string } }[];
        results: unknown[];
      }[];
    };
    const [sarif] = log.runs;
    assert.equal(sarif.invocations[0].executionSuccessful, false);
    assert.deepEqual(sarif.invocations[0].toolExecutionNotifications.map((n) => [n.level, n.message.text]), [['error', 'noise.txt: not valid UTF-8, UTF-16 or GB18030 (GBK) text']]);
    assert.deepEqual(sarif.artifacts.map((a) => a.location.uri), ['report.txt']);
    assert.equal(sarif.results.length, 5);
  });
});

describe('valid UTF-8 with NUL characters', () => {
  test('a file of NULs only is checked like an empty one', () => {
    const dir = folder('nul-only');
    write(path.join(dir, 'nul.txt'), '\0'.repeat(1000));
    const { run, files } = json(['nul.txt'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.deepEqual(codes(files[0]), Array(6).fill('section.missing error'));
  });

  test('NULs in prose and as padding at the end leave the findings on their lines', () => {
    const dir = folder('nul-report');
    const text = example(EX003);
    const inProse = text.replace(/。/g, '。\0');
    const padded = text + '\0'.repeat(4096);
    write(path.join(dir, 'in-prose.txt'), inProse);
    write(path.join(dir, 'padded.txt'), padded);
    write(path.join(dir, 'original.txt'), text);
    const { run, files } = json(['in-prose.txt', 'padded.txt', 'original.txt'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.deepEqual(files.map((f) => f.path), ['in-prose.txt', 'padded.txt', 'original.txt']);
    const original = files[2];
    assertSane(files[0], inProse);
    assertSane(files[1], padded);
    const lines = (f: JsonFile) => f.diagnostics.map((d) => `${d.range.start.line} ${d.code} ${d.severity}`);
    assert.deepEqual(lines(files[0]), lines(original));
    // Padding after the text changes nothing at all.
    assert.deepEqual(full(files[1]), full(original));
  });

  test('NULs everywhere, even inside headings and table rows, are checked without crashing', () => {
    const dir = folder('nul-everywhere');
    const rnd = random(5);
    const sources = [EX003, 'examples/001_67c1420167c13949.txt', 'test/fixtures/constructed/clean-2021.txt'];
    const texts = sources.map((s) => [...example(s)].map((ch) => (rnd() < 0.05 ? '\0' + ch : ch)).join(''));
    texts.push(example(EX003).split('\n').map((l, i) => (i % 2 ? l + '\0' : '\0' + l)).join('\n'));
    texts.forEach((t, i) => write(path.join(dir, `nul-${i}.txt`), t));
    const { run, files } = json(texts.map((_, i) => `nul-${i}.txt`), dir);
    assert.equal(run.stderr, '');
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}`);
    assert.equal(files.length, texts.length);
    files.forEach((f, i) => assertSane(f, texts[i]));
  });
});

describe('a 20 MB file', () => {
  let big: string;

  before(() => {
    // The five seed reports over and over, cut at a character boundary: 20,000,000 bytes at most.
    const reports = fs.readdirSync(path.join(ROOT, 'examples')).sort().map((f) => example(path.join('examples', f)));
    big = repeatToBytes(reports.join('\n'), 20_000_000);
    assert.ok(Buffer.byteLength(big) > 19_999_990);
  });

  test('with maxDocumentSize 5000000 in .nianbao.json: exactly one report.too-large (information), exit 0', BIG, () => {
    const dir = folder('big-limited');
    write(path.join(dir, 'big.txt'), big);
    write(path.join(dir, '.nianbao.json'), JSON.stringify({ maxDocumentSize: 5_000_000 }));
    const { run, files } = json(['big.txt'], dir);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(files.map((f) => f.path), ['big.txt']);
    assert.deepEqual(codes(files[0]), ['report.too-large information']);
    assertSane(files[0], big);
    assert.match(files[0].diagnostics[0].message, /5000000|5,000,000/);
  });

  test('without a configuration it is checked in full and the run completes', BIG, () => {
    const dir = folder('big-unlimited');
    write(path.join(dir, 'big.txt'), big);
    const { run, files } = json(['big.txt'], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1, 'the seed reports repeated have error findings');
    assert.deepEqual(files.map((f) => f.path), ['big.txt']);
    assert.ok(!codes(files[0]).includes('report.too-large information'));
    assert.ok(files[0].diagnostics.length > 1000);
    assertSane(files[0], big);
  });
});

describe('line breaks and the BOM', () => {
  /** The examples and every fixture report, as they are: all with LF line breaks. */
  const SOURCES = ['examples', 'test/fixtures/constructed', 'test/fixtures/corpus'].flatMap((d) =>
    fs.readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(d, f)),
  );

  /** The lines joined with \r\n, \r and \n in turn (never a \r then a \n that would read as one \r\n). */
  function mixed(text: string): string {
    const breaks = ['\r\n', '\r', '\n'];
    let out = '';
    let previous = '';
    text.split('\n').forEach((line, i, lines) => {
      out += line;
      if (i === lines.length - 1) return;
      let eol = breaks[i % 3];
      if (eol === '\n' && previous === '\r' && line === '') eol = '\r\n';
      out += eol;
      previous = eol;
    });
    return out;
  }

  const VARIANTS: Record<string, (lf: string) => string> = {
    crlf: (t) => t.replace(/\n/g, '\r\n'),
    cr: (t) => t.replace(/\n/g, '\r'),
    mixed,
    'bom-lf': (t) => '\ufeff' + t,
    'bom-crlf': (t) => '\ufeff' + t.replace(/\n/g, '\r\n'),
    'bom-cr': (t) => '\ufeff' + t.replace(/\n/g, '\r'),
  };

  let baseline: JsonFile[];
  let dir: string;

  before(() => {
    assert.ok(SOURCES.length >= 10, SOURCES.join());
    dir = folder('line-breaks');
    for (const source of SOURCES) {
      const text = example(source);
      assert.ok(!text.includes('\r') && !text.startsWith('\ufeff'), `${source} has LF line breaks and no BOM`);
      write(path.join(dir, 'lf', path.basename(source)), text);
      for (const [name, make] of Object.entries(VARIANTS)) {
        const variant = make(text);
        write(path.join(dir, name, path.basename(source)), variant);
        if (name !== 'bom-lf') assert.notEqual(variant.replace(/^\ufeff/, ''), text);
      }
    }
    const lf = json(['lf'], dir);
    assert.equal(lf.run.stderr, '');
    baseline = lf.files;
    assert.deepEqual(baseline.map((f) => path.basename(f.path)), SOURCES.map((s) => path.basename(s)).sort(), 'every report found in the folder');
    assert.ok(baseline.reduce((n, f) => n + f.diagnostics.length, 0) > 50, 'enough findings to compare');
  });

  for (const name of Object.keys(VARIANTS)) {
    test(`${name}: the same files found, the same findings at the same lines and characters as LF`, () => {
      const { run, files } = json([name], dir);
      assert.equal(run.stderr, '');
      assert.deepEqual(files.map((f) => path.basename(f.path)), baseline.map((f) => path.basename(f.path)));
      for (const [i, file] of files.entries()) {
        assert.equal(file.format, baseline[i].format, file.path);
        assert.deepEqual(full(file), full(baseline[i]), file.path);
      }
    });
  }
});

describe('a very long line (1 MB on one line)', () => {
  /** A report whose line breaks were lost (crawled text), repeated to 1 MB. */
  const flattened = () => repeatToBytes(example(EX003).replace(/\n/g, ' '), MB);
  const clean = () => example('test/fixtures/constructed/clean-2021.txt');
  /** `line` inserted after the first line of the clean report. */
  const afterTitle = (line: string) => clean().replace('\n', `\n${line}\n`);
  /** `line` inserted before table 2's first row. */
  const inTable = (line: string) => {
    const text = clean();
    const at = text.indexOf('一、本年新收政府信息公开申请数量');
    assert.ok(at > 0);
    return `${text.slice(0, at)}${line}\n${text.slice(at)}`;
  };

  const CASES: [string, () => string][] = [
    ['a flattened report, repeated', flattened],
    ['ASCII letters, after the title of a clean report', () => afterTitle(repeatToBytes('a', MB))],
    ['prose with figures, after the title of a clean report', () => afterTitle(repeatToBytes('本机关共收到政府信息公开申请5件，办结4件。', MB))],
    ['table 2 rows run together on one line, inside the table', () => inTable(repeatToBytes('一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 | ', MB))],
  ];

  for (const [name, make] of CASES) {
    test(`${name}: checked, and the run completes`, BIG, () => {
      const dir = folder(`long-line-${name.replace(/\W+/g, '-')}`);
      const text = make();
      assert.ok(lspLines(text).some((l) => Buffer.byteLength(l) >= MB - 100), 'one line of 1 MB');
      write(path.join(dir, 'long.txt'), text);
      const { run, files } = json(['long.txt'], dir);
      assert.equal(run.stderr, '');
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}`);
      assert.deepEqual(files.map((f) => f.path), ['long.txt']);
      assertSane(files[0], text);
    });
  }
});

describe('the files checked', () => {
  test('none of the files above was written to: same bytes, same modification time', () => {
    assert.ok(written.size >= 40, `${written.size} files`);
    for (const [file, state] of written) assert.deepEqual(stateOf(file), state, file);
  });
});
