// End-to-end tests of the `nianbao` command: they run the built bundle
// (dist/cli.js) as a user would, so argument parsing, file handling, output
// and exit codes are all exercised together.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formatSarif } from '../../server/src/cli/format-sarif';
import type { CheckedFile } from '../../server/src/cli/job';
import { analyze, CHECKS, describeFinding, LineIndex } from '../../server/src/core/index';
import { CLI, runCli, type JsonFile, type Run } from './run';
import { encodeGb18030 } from '../helpers';

// Compiled to out/test/cli/, three levels below the repository root.
const ROOT = path.resolve(__dirname, '../../..');
const EX003 = 'examples/003_12d5eeac63ddaf69.txt';
const EX004 = 'examples/004_164254f647ab523c.txt';
const EX002 = 'examples/002_e60c3c3fc476d400.txt';

/** The CLI from the repository root, or from `cwd`. */
function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  return runCli(args, options);
}

function json(args: string[], options?: Parameters<typeof cli>[1]): { run: Run; files: JsonFile[] } {
  const run = cli(['check', '--format', 'json', ...args], options);
  const parsed = JSON.parse(run.stdout) as { version: number; files: JsonFile[] };
  assert.equal(parsed.version, 1);
  return { run, files: parsed.files };
}

let tmp: string;
const read = (p: string) => fs.readFileSync(path.join(ROOT, p));

before(() => {
  assert.ok(fs.existsSync(path.join(ROOT, 'package.json')), `no package.json in ${ROOT}`);
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-'));
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder under the temporary directory. */
function folder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('help and version', () => {
  test('--version prints the version from package.json', () => {
    const pkg = JSON.parse(read('package.json').toString('utf8')) as { version: string };
    const r = cli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  test('--help prints the usage on stdout and exits 0', () => {
    const r = cli(['--help', '--lang', 'en']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: nianbao check/);
    assert.equal(r.stderr, '');
    assert.match(cli(['check', '-h', '--lang', 'zh-CN']).stdout, /^用法：nianbao check/);
  });
});

describe('json format', () => {
  test('checks every example, in sorted order, and exits 1 because 003 has errors', () => {
    const { run, files } = json(['examples']);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.deepEqual(
      files.map((f) => [f.path, f.format]),
      [
        ['examples/000_1d23ca6ff21b8a58.txt', '2021'],
        ['examples/001_67c1420167c13949.txt', '2021'],
        [EX002, '2019'],
        [EX003, '2019'],
        [EX004, '2021'],
      ],
    );
    // A file without findings is still listed.
    assert.deepEqual(files[2].diagnostics, []);
  });

  test('reports the findings of every example on their lines, as the fixture expectations say', () => {
    const { files } = json(['examples']);
    for (const file of files) {
      const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/expected', path.basename(file.path).replace(/\.txt$/, '.json')), 'utf8')) as { findings: string[] };
      // The expectations count lines from 1, as editors do; JSON counts from 0, as LSP does.
      assert.deepEqual(
        file.diagnostics.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`),
        expected.findings,
        file.path,
      );
    }
  });

  test('has exactly the documented shape', () => {
    const { files } = json([EX003]);
    assert.deepEqual(Object.keys(files[0]), ['path', 'format', 'diagnostics']);
    const d = files[0].diagnostics[1];
    assert.deepEqual(Object.keys(d), ['code', 'severity', 'message', 'range']);
    // 二、主动公开政府信息情况: the whole heading on line 10 (1-based).
    assert.deepEqual(d.range, { start: { line: 9, character: 0 }, end: { line: 9, character: 12 } });
  });

  test('--format=json is the same as --format json', () => {
    assert.equal(cli(['check', '--format=json', EX003]).stdout, cli(['check', '--format', 'json', EX003]).stdout);
  });

  test('a file reached twice is checked once', () => {
    const { files } = json(['examples', EX003]);
    assert.equal(files.length, 5);
  });
});

describe('text format', () => {
  test('groups findings by file with path:line:column lines and a summary', () => {
    const r = cli(['check', '--lang', 'zh-CN', 'examples']);
    assert.equal(r.status, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(EX003), 'a header line with the path');
    const first = lines.find((l) => l.startsWith(`${EX003}:2:`));
    assert.ok(first, r.stdout);
    assert.match(first, /^examples\/003_12d5eeac63ddaf69\.txt:2:\d+  warning  section\.count-claim  \S/);
    assert.ok(lines.includes(`${EX003}:10:1  error  section.empty  第二部分「主动公开政府信息情况」没有内容：此部分应包含统计表`));
    // A file without findings prints nothing, but is counted.
    assert.ok(!r.stdout.includes(EX002));
    // Not a terminal, so no colour.
    assert.ok(!r.stdout.includes('\u001b['));

    // The summary counts agree with the JSON output.
    const { files } = json(['examples']);
    const all = files.flatMap((f) => f.diagnostics);
    const n = (s: string) => all.filter((d) => d.severity === s).length;
    assert.equal(
      lines.at(-2),
      `5 个文件，${n('error')} 个错误，${n('warning')} 个警告，${n('information')} 个信息，${n('hint')} 个提示`,
    );
    assert.equal(lines.at(-1), '');
  });

  test('each file ends with a blank line; related locations are indented', () => {
    const r = cli(['check', '--lang', 'en', EX004]);
    assert.equal(r.status, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], EX004);
    const numbering = lines.findIndex((l) => /^examples\/004_164254f647ab523c\.txt:6:1  warning  section\.numbering  /.test(l));
    assert.ok(numbering > 0, 'the numbering finding is listed');
    assert.match(lines[numbering + 1], /^ {4}examples\/004_164254f647ab523c\.txt:7:\d+  /);
    assert.equal(lines.at(-3), '');
    assert.match(lines.at(-2)!, /^1 file: 0 errors, \d+ warnings, 0 information, \d+ hints$/);
  });

  test('a clean file gives only the summary', () => {
    const r = cli(['check', '--lang', 'en', EX002]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '1 file: 0 errors, 0 warnings, 0 information, 0 hints\n');
  });
});

describe('language', () => {
  test('--lang en gives English messages at the same places', () => {
    const zh = json(['--lang', 'zh-CN', EX003]).files[0].diagnostics;
    const en = json(['--lang', 'en', EX003]).files[0].diagnostics;
    assert.deepEqual(
      en.map((d) => [d.code, d.range]),
      zh.map((d) => [d.code, d.range]),
    );
    assert.match(en[1].message, /^Section 2 .* is empty/);
    assert.match(zh[1].message, /没有内容/);
  });

  test('without --lang, LC_ALL then LC_MESSAGES then LANG decide; none means Chinese', () => {
    const summaryOf = (env: Record<string, string>) => cli(['check', EX002], { env }).stdout;
    assert.match(summaryOf({}), /^1 个文件/);
    assert.match(summaryOf({ LANG: 'C.UTF-8' }), /^1 个文件/);
    assert.match(summaryOf({ LANG: 'en_US.UTF-8' }), /^1 file:/);
    assert.match(summaryOf({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), /^1 个文件/);
    assert.match(summaryOf({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }), /^1 file:/);
    // An explicit --lang beats the environment.
    assert.match(cli(['check', '--lang', 'zh-CN', EX002], { env: { LC_ALL: 'en_US.UTF-8' } }).stdout, /^1 个文件/);
  });
});

describe('sarif format', () => {
  interface Region {
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
  }
  interface SarifPhysical {
    artifactLocation: { uri: string; index?: number };
    region: Region;
  }
  interface SarifRule {
    id: string;
    name: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    helpUri: string;
    help: { text: string };
    defaultConfiguration: { level: string };
    properties: { tags: string[] };
  }
  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: SarifPhysical }[];
    relatedLocations?: { physicalLocation: SarifPhysical; message: { text: string } }[];
  }
  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: SarifRule[] } };
      columnKind: string;
      artifacts: { location: { uri: string } }[];
      results: SarifResult[];
    }[];
  }

  test('is SARIF 2.1.0 with a rule per check and results matching the JSON ranges', () => {
    const r = cli(['check', '--format', 'sarif', '--lang', 'en', 'examples']);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'nianbao');
    assert.equal(run.tool.driver.version, JSON.parse(read('package.json').toString('utf8')).version);
    assert.equal(run.columnKind, 'utf16CodeUnits');

    const rules = run.tool.driver.rules;
    assert.deepEqual(
      rules.map((rule) => rule.id),
      CHECKS.map((c) => c.meta.id),
    );
    for (const [i, rule] of rules.entries()) {
      const meta = CHECKS[i].meta;
      assert.ok(rule.helpUri.endsWith(`docs/checks/${rule.id}.md`), rule.helpUri);
      assert.equal(rule.shortDescription.text, meta.title.en);
      assert.equal(rule.fullDescription.text, meta.description.en);
      assert.ok(rule.help.text.length > 0);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[meta.defaultSeverity]);
      assert.match(rule.name, /^[a-z][A-Za-z]*$/);
    }

    const { files } = json(['--lang', 'en', 'examples']);
    assert.deepEqual(
      run.artifacts.map((a) => a.location.uri),
      files.map((f) => f.path),
    );
    const expected = files.flatMap((f) =>
      f.diagnostics.map((d) => ({
        ruleId: d.code,
        message: d.message,
        uri: f.path,
        region: {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        },
      })),
    );
    assert.deepEqual(
      run.results.map((res) => ({
        ruleId: res.ruleId,
        message: res.message.text,
        uri: res.locations[0].physicalLocation.artifactLocation.uri,
        region: res.locations[0].physicalLocation.region,
      })),
      expected,
    );
    for (const res of run.results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
    }
    const emptySection = run.results.find((res) => res.ruleId === 'section.empty');
    assert.equal(emptySection?.level, 'error');
    const variant = run.results.find((res) => res.ruleId === 'section.heading-variant');
    assert.equal(variant?.level, 'note');
  });

  test('related locations carry their message', () => {
    const log = JSON.parse(cli(['check', '--format', 'sarif', '--lang', 'zh-CN', EX004]).stdout) as SarifLog;
    const numbering = log.runs[0].results.find((res) => res.ruleId === 'section.numbering');
    assert.ok(numbering?.relatedLocations?.length, 'section.numbering in 004 points at the next subsection');
    assert.equal(numbering.relatedLocations[0].physicalLocation.region.startLine, 7);
    assert.match(numbering.relatedLocations[0].message.text, /\S/);
  });

  test('URIs are relative to the working directory, with forward slashes, percent-encoded', () => {
    const dir = folder('sarif uri/子目录');
    fs.copyFileSync(path.join(ROOT, EX003), path.join(dir, '年报 2019.txt'));
    const log = JSON.parse(cli(['check', '--format', 'sarif', 'sarif uri'], { cwd: tmp }).stdout) as SarifLog;
    const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, `sarif%20uri/${encodeURIComponent('子目录')}/${encodeURIComponent('年报 2019.txt')}`);
  });
});

describe('review decisions (.nianbao-review.json)', () => {
  test('a dismissed finding is left out of the text, counted in the summary, and kept in SARIF as suppressed', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'review-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    const text = read('examples/001_67c1420167c13949.txt').toString('utf8');
    fs.writeFileSync(path.join(dir, 'reports', '001.txt'), text);
    const analysis = analyze(text);
    const target = analysis.findings.find((f) => f.dismissHint)!;
    const entry = { ...describeFinding(target, analysis.report), status: 'dismissed', reason: target.dismissHint };
    fs.writeFileSync(path.join(dir, '.nianbao-review.json'), JSON.stringify({ version: 1, findings: [entry] }));
    const plain = cli(['check', '--lang', 'zh-CN', path.join(dir, 'reports')]);
    assert.ok(!plain.stdout.includes(target.message), plain.stdout);
    assert.match(plain.stdout, /（另有 1 处已由审核记录忽略）/);
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', path.join(dir, 'reports')]).stdout);
    const suppressed = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    assert.deepEqual(suppressed.map((r: { message: { text: string }; suppressions: unknown[] }) => [r.message.text, r.suppressions]), [
      [target.message, [{ kind: 'external', status: 'accepted', justification: '此数字说的是全区，不是本机关' }]],
    ]);
    const { files } = json([path.join(dir, 'reports')]);
    assert.deepEqual(files[0].dismissed?.map((d) => d.fingerprint), [entry.fingerprint]);
  });
  test('a review file that cannot be understood stops the run with its name', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'review-bad-'));
    fs.copyFileSync(path.join(ROOT, EX003), path.join(dir, '003.txt'));
    fs.writeFileSync(path.join(dir, '.nianbao-review.json'), '{"findings": "none"}');
    const r = cli(['check', '--lang', 'en', path.join(dir, '003.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.nianbao-review\.json.*the review file cannot be used: "findings" is not a list/);
  });
  test('a review file above the repository\'s root does not apply; one of another version is not used', () => {
    const outer = fs.mkdtempSync(path.join(tmp, 'review-planted-'));
    const repo = path.join(outer, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    const text = read('examples/001_67c1420167c13949.txt').toString('utf8');
    fs.writeFileSync(path.join(repo, '001.txt'), text);
    const analysis = analyze(text);
    const target = analysis.findings.find((f) => f.dismissHint)!;
    const entry = { ...describeFinding(target, analysis.report), status: 'dismissed' };
    fs.writeFileSync(path.join(outer, '.nianbao-review.json'), JSON.stringify({ version: 1, findings: [entry] }));
    const planted = json(['001.txt'], { cwd: repo }).files[0];
    assert.equal(planted.dismissed, undefined);
    assert.ok(planted.diagnostics.some((d) => d.message === target.message));
    // Inside the repository it applies, from its root or a folder below.
    fs.renameSync(path.join(outer, '.nianbao-review.json'), path.join(repo, '.nianbao-review.json'));
    assert.deepEqual(json(['001.txt'], { cwd: repo }).files[0].dismissed?.map((d) => d.fingerprint), [entry.fingerprint]);
    // A later version's file may hold what this one cannot keep: the run stops and the file stays as it is.
    const later = JSON.stringify({ version: 2, findings: [entry], groups: [] });
    fs.writeFileSync(path.join(repo, '.nianbao-review.json'), later);
    const r = cli(['check', '--lang', 'en', path.join(repo, '001.txt')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the review file cannot be used: "version" is 2; this version of Nianbao reads version 1/);
    assert.equal(fs.readFileSync(path.join(repo, '.nianbao-review.json'), 'utf8'), later);
  });
});

describe('formatters without a process', () => {
  test('a finding outside the registry (internal.error) still gets a SARIF rule and result', () => {
    const text = read(EX002).toString('utf8');
    const analysis = analyze(text, { lang: 'en' });
    analysis.findings.push({ code: 'internal.error', severity: 'error', span: { start: 0, end: 0 }, message: 'boom', related: [], fixes: [] });
    const index = new LineIndex(text);
    const file: CheckedFile = {
      path: 'report.txt',
      analysis,
      range: (span) => ({ start: index.position(span.start), end: index.position(span.end) }),
    };
    const log = JSON.parse(formatSarif([file], { lang: 'en', version: '9.9.9', problems: [], describe: () => '', cwd: tmp }));
    const rules = log.runs[0].tool.driver.rules as { id: string; defaultConfiguration: { level: string } }[];
    assert.equal(rules.length, CHECKS.length + 1);
    assert.equal(rules.at(-1)?.id, 'internal.error');
    assert.deepEqual(log.runs[0].results, [
      {
        ruleId: 'internal.error',
        ruleIndex: CHECKS.length,
        level: 'error',
        message: { text: 'boom' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'report.txt', uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
            },
          },
        ],
        partialFingerprints: { 'nianbao/v1': describeFinding(analysis.findings.at(-1)!, analysis.report).fingerprint },
      },
    ]);
    assert.equal(log.runs[0].tool.driver.informationUri, undefined);
  });
});

describe('files', () => {
  test('a folder is searched recursively in sorted order, skipping node_modules and dot-folders', () => {
    const dir = folder('walk');
    const report = read(EX002);
    for (const rel of ['b.txt', 'a/z.md', 'a/y.nianbao', 'c.TXT', 'node_modules/x.txt', '.hidden/x.txt', 'ignored.json']) {
      fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), report);
    }
    // Text beside the reports that is not a report: not checked when found in a folder...
    fs.writeFileSync(path.join(dir, 'README.md'), '# Notes\n\nSome notes about the reports.\n');
    const { run, files } = json(['walk'], { cwd: tmp });
    assert.equal(run.status, 0);
    assert.deepEqual(
      files.map((f) => f.path),
      ['walk/a/y.nianbao', 'walk/a/z.md', 'walk/b.txt', 'walk/c.TXT'],
    );
    // ...but checked when named, as is a file of any extension.
    assert.deepEqual(
      json(['walk/README.md', 'walk/ignored.json'], { cwd: tmp }).files.map((f) => f.path),
      ['walk/README.md', 'walk/ignored.json'],
    );
  });

  test('GB18030 (GBK) and UTF-16 files are read in their encoding and say so; bytes valid in none are named, the others still checked', () => {
    const dir = folder('encodings');
    const report = read(EX003).toString('utf8');
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    fs.writeFileSync(path.join(dir, 'a-utf16le.txt'), utf16le);
    fs.writeFileSync(path.join(dir, 'b-utf16be.txt'), utf16be);
    // GB18030 as Windows Notepad saves it (no BOM): encoded here by hand for the characters of the report.
    fs.writeFileSync(path.join(dir, 'c-gb18030.txt'), encodeGb18030(report));
    fs.writeFileSync(path.join(dir, 'd-bad.txt'), Buffer.concat([Buffer.from(report, 'utf8'), Buffer.from([0xff, 0x00, 0xfe])]));
    const { run, files } = json(['--lang', 'zh-CN', 'encodings'], { cwd: tmp });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'nianbao: encodings/d-bad.txt: 不是有效的 UTF-8、UTF-16 或 GB18030（GBK）文本\n');
    const utf8 = json(['--lang', 'zh-CN', EX003]).files[0].diagnostics;
    assert.deepEqual(files.map((f) => f.path), ['encodings/a-utf16le.txt', 'encodings/b-utf16be.txt', 'encodings/c-gb18030.txt']);
    const said = ['文件以 UTF-16 LE 编码保存，已按此编码读取；建议另存为 UTF-8', '文件以 UTF-16 BE 编码保存，已按此编码读取；建议另存为 UTF-8', '文件以 GB18030/GBK 编码保存，已按此编码读取；建议另存为 UTF-8'];
    files.forEach((f, i) => {
      assert.deepEqual(f.diagnostics[0], { code: 'report.encoding', severity: 'information', message: said[i], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      // Otherwise exactly the findings of the UTF-8 file.
      assert.deepEqual(f.diagnostics.slice(1), utf8, f.path);
    });
  });

  test('a path that does not exist gives exit 2 and the others are still checked', () => {
    const r = cli(['check', '--lang', 'en', 'no-such-file.txt', EX002]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^nianbao: no-such-file\.txt: no such file or folder\n$/);
    assert.match(r.stdout, /^1 file:/);
  });

  test('the CLI does not modify the files it checks', () => {
    const dir = folder('untouched');
    const copy = path.join(dir, 'report.txt');
    fs.copyFileSync(path.join(ROOT, EX004), copy);
    const targets = [copy, ...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => path.join(ROOT, 'examples', f))];
    const snapshot = () => targets.map((t) => ({ t, mtime: fs.statSync(t).mtimeMs, bytes: fs.readFileSync(t).toString('base64') }));
    const before = snapshot();
    for (const format of ['text', 'json', 'sarif']) {
      cli(['check', '--format', format, dir, 'examples']);
    }
    assert.deepEqual(snapshot(), before);
    assert.deepEqual(fs.readdirSync(dir), ['report.txt']);
  });
});

describe('positions', () => {
  const ranges = (file: JsonFile) => file.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message }));

  test('CRLF line breaks give the same findings on the same lines as LF', () => {
    const dir = folder('crlf');
    for (const example of [EX003, EX004]) {
      const lf = read(example).toString('utf8');
      assert.ok(!lf.includes('\r'));
      fs.writeFileSync(path.join(dir, path.basename(example)), lf.replace(/\n/g, '\r\n'));
    }
    const crlf = json([dir]).files;
    const lf = json([EX003, EX004]).files;
    assert.equal(crlf.length, 2);
    assert.deepEqual(crlf.map(ranges), lf.map(ranges));
  });

  test('a BOM is not counted in character positions', () => {
    const dir = folder('bom');
    fs.writeFileSync(path.join(dir, 'report.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), read(EX003)]));
    const withBom = json([path.join(dir, 'report.txt')]).files[0];
    const without = json([EX003]).files[0];
    assert.deepEqual(ranges(withBom), ranges(without));
    assert.equal(withBom.format, without.format);
  });

  test('characters are counted in UTF-16 units, as the editor does', () => {
    const dir = folder('utf16');
    const lines = read(EX003).toString('utf8').split('\n');
    // An astral character (two UTF-16 units) at the start of the line with the count claim.
    lines[1] = '𠀀' + lines[1];
    fs.writeFileSync(path.join(dir, 'report.txt'), lines.join('\n'));
    const shifted = json([path.join(dir, 'report.txt')]).files[0].diagnostics.find((d) => d.code === 'section.count-claim');
    const original = json([EX003]).files[0].diagnostics.find((d) => d.code === 'section.count-claim');
    assert.ok(shifted && original);
    assert.equal(shifted.range.start.line, 1);
    assert.equal(shifted.range.start.character, original.range.start.character + 2);
  });
});

describe('exit codes', () => {
  test('0 when no finding is an error', () => {
    const dir = folder('clean');
    fs.copyFileSync(path.join(ROOT, EX002), path.join(dir, 'clean.txt'));
    assert.equal(cli(['check', dir]).status, 0);
    assert.equal(cli(['check', EX004]).status, 0, '004 has warnings and hints only');
  });

  test('1 when a finding is an error', () => {
    assert.equal(cli(['check', EX003]).status, 1);
  });

  test('2 wins over 1 when a file could not be checked', () => {
    const r = cli(['check', EX003, 'missing.txt']);
    assert.equal(r.status, 2);
  });

  for (const [args, pattern] of [
    [[], /missing command/],
    [['lint', 'examples'], /unknown command: lint/],
    [['check'], /no PATH/],
    [['check', '--bogus', EX002], /unknown option: --bogus/],
    [['check', '--format', 'xml', EX002], /unknown format: xml/],
    [['check', '--format=', EX002], /unknown format/],
    [['check', '--lang', 'fr', EX002], /unknown language: fr/],
    [['check', EX002, '--format'], /--format needs a value/],
    [['--version=1'], /takes no value/],
  ] as const) {
    test(`usage error: nianbao ${args.join(' ')}`, () => {
      const r = cli([...args], { env: { LANG: 'en_US.UTF-8' } });
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^nianbao: /);
      assert.match(r.stderr, pattern);
      assert.match(r.stderr, /Usage: nianbao check/);
    });
  }

  test('usage errors are in Chinese when the locale says so', () => {
    const r = cli(['check', '--format', 'xml', EX002], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^nianbao: 未知输出格式：xml/);
    assert.match(r.stderr, /用法：nianbao check/);
  });
});

describe('configuration file', () => {
  /** A folder holding a copy of 003 and, when given, a .nianbao.json with this content. */
  function project(name: string, config?: unknown): string {
    const dir = folder(name);
    fs.copyFileSync(path.join(ROOT, EX003), path.join(dir, 'report.txt'));
    if (config !== undefined) fs.writeFileSync(path.join(dir, '.nianbao.json'), typeof config === 'string' ? config : JSON.stringify(config));
    return dir;
  }
  const codes = (files: JsonFile[]) => files.flatMap((f) => f.diagnostics.map((d) => `${d.code} ${d.severity}`));

  test('.nianbao.json in the working directory sets severities; off removes a check and its errors', () => {
    const dir = project('config-here', { severity: { 'section.empty': 'off', 'section.heading-variant': 'error' } });
    const { run, files } = json(['report.txt'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.deepEqual(codes(files), ['section.count-claim warning', 'section.heading-variant error']);
    assert.equal(run.status, 1, 'heading-variant is now an error');
    fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify({ severity: { 'section.empty': 'off' } }));
    assert.equal(cli(['check', 'report.txt'], { cwd: dir }).status, 0, 'no error left');
  });

  test('the nearest .nianbao.json above the working directory applies, to files anywhere', () => {
    const dir = project('config-above', { severity: { 'section.empty': 'warning' } });
    const sub = path.join(dir, 'a', 'b');
    fs.mkdirSync(sub, { recursive: true });
    const { files } = json([path.join(dir, 'report.txt'), path.join(ROOT, EX004)], { cwd: sub });
    assert.deepEqual(codes(files.slice(0, 1)).filter((c) => c.startsWith('section.empty')), Array(3).fill('section.empty warning'));
    // A nearer one wins over the one above.
    fs.writeFileSync(path.join(dir, 'a', '.nianbao.json'), JSON.stringify({ severity: { 'section.empty': 'hint' } }));
    assert.deepEqual(codes(json([path.join(dir, 'report.txt')], { cwd: sub }).files).filter((c) => c.startsWith('section.empty')), Array(3).fill('section.empty hint'));
  });

  test('--config names the file instead, and --lang beats its language', () => {
    const dir = project('config-option', { severity: { 'section.empty': 'warning' } });
    fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ severity: { 'section.count-claim': 'off' }, language: 'en' }));
    const { files } = json(['--config', 'strict.json', 'report.txt'], { cwd: dir });
    assert.deepEqual(codes(files), ['section.empty error', 'section.empty error', 'section.empty error', 'section.heading-variant hint']);
    assert.match(files[0].diagnostics[0].message, /^Section 2 .* is empty/, 'the language of the file');
    const zh = json(['--config=strict.json', '--lang', 'zh-CN', 'report.txt'], { cwd: dir }).files;
    assert.match(zh[0].diagnostics[0].message, /没有内容/);
    // The file's language beats the environment's.
    assert.match(cli(['check', '--config', 'strict.json', 'report.txt'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stdout, /^report\.txt\n.*is empty/);
  });

  test('format and maxDocumentSize', () => {
    const dir = project('config-format', { format: '2021' });
    fs.copyFileSync(path.join(ROOT, EX002), path.join(dir, 'report.txt'));
    const forced = json(['report.txt'], { cwd: dir }).files[0];
    assert.equal(forced.format, '2021');
    assert.ok(forced.diagnostics.length > 0, '2019 tables read as 2021 do not fit');
    fs.writeFileSync(path.join(dir, '.nianbao.json'), JSON.stringify({ maxDocumentSize: 100 }));
    assert.deepEqual(codes(json(['report.txt'], { cwd: dir }).files), ['report.too-large information']);
  });

  test('invalid JSON is a usage error naming the file; nothing is checked', () => {
    const dir = project('config-bad-json', '{"severity": {"section.empty": "off",}}');
    const r = cli(['check', '--lang', 'en', 'report.txt'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^nianbao: \.nianbao\.json: not valid JSON: /);
    assert.match(r.stderr, /Run nianbao --help for details\.\n$/);
    // Found above the working directory, it is named by its path from there.
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    const above = cli(['check', '--lang', 'zh-CN', '../report.txt'], { cwd: sub });
    assert.equal(above.status, 2);
    assert.match(above.stderr, new RegExp(`^nianbao: \\.\\.${path.sep === '/' ? '/' : '\\\\'}\\.nianbao\\.json：不是有效的 JSON：`));
  });

  test('unknown keys, checks and values are usage errors, each named', () => {
    const dir = project('config-bad-values', {
      severity: { 'section.empty': 'silent', 'section.nope': 'off' },
      format: '2020',
      language: 'fr',
      maxDocumentSize: -1,
      detectContent: false,
    });
    const r = cli(['check', '--lang', 'en', 'report.txt'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.stderr.split('\n'), [
      'nianbao: .nianbao.json: invalid value "silent" for "severity.section.empty" (expected off, hint, information, warning, error)',
      'nianbao: .nianbao.json: "section.nope" in severity is not a known check',
      'nianbao: .nianbao.json: invalid value "2020" for "format" (expected auto, 2021, 2019)',
      'nianbao: .nianbao.json: invalid value "fr" for "language" (expected auto, zh-CN, en)',
      'nianbao: .nianbao.json: invalid value -1 for "maxDocumentSize" (expected a number of at least 0)',
      'nianbao: .nianbao.json: unknown key "detectContent" (expected severity, format, language, maxDocumentSize)',
      'Run nianbao --help for details.',
      '',
    ]);
    for (const config of ['[]', '"off"', '{"severity": "off"}']) {
      fs.writeFileSync(path.join(dir, '.nianbao.json'), config);
      const bad = cli(['check', '--lang', 'en', 'report.txt'], { cwd: dir });
      assert.equal(bad.status, 2, config);
      assert.match(bad.stderr, /^nianbao: \.nianbao\.json: (expected a JSON object|invalid value "off" for "severity")/, config);
    }
  });

  test('--config with a file that does not exist, or without a value, is a usage error', () => {
    const dir = project('config-missing');
    const r = cli(['check', '--lang', 'en', '--config', 'nowhere.json', 'report.txt'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^nianbao: nowhere\.json: no such configuration file\n/);
    const empty = cli(['check', '--lang', 'en', 'report.txt', '--config'], { cwd: dir });
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /option --config needs a value/);
  });

  test('a BOM and $schema are accepted; the help documents the file', () => {
    const dir = project('config-bom');
    fs.writeFileSync(path.join(dir, '.nianbao.json'), '\ufeff' + JSON.stringify({ $schema: './schema.json', severity: { 'section.empty': 'off' } }));
    const { run, files } = json(['report.txt'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.ok(!codes(files).some((c) => c.startsWith('section.empty')));
    for (const lang of ['en', 'zh-CN']) {
      const help = cli(['--help', '--lang', lang]).stdout;
      assert.match(help, /--config/);
      assert.match(help, /\.nianbao\.json/);
    }
  });
});
