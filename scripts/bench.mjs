// Benchmarks: figures, never assertions. Prints one table of medians and p95s
// with the machine's description; `--json FILE` also writes them as data.
// Run with `npm run bench` (builds first). Peers run on the same texts in
// the same process: markdownlint (its library, default rules) and textlint
// (preset-ja-technical-writing, a common rule set that reads CJK text).

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined;

// The core, bundled on its own, as a host would load it.
const coreBundle = path.join(ROOT, 'out', 'bench', 'core.cjs');
await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: coreBundle, logLevel: 'warning' });
const core = require(coreBundle);

const reports = ['examples', 'test/fixtures/corpus'].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(ROOT, dir, f), 'utf8') })),
);
const examples = reports.slice(0, 5);
const yearbook = Array.from({ length: 200 }, (_, i) => reports[i % reports.length].text).join('\n\n');
const mb = (text) => Buffer.byteLength(text) / 1e6;

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

function time(fn, reps, warmup = Math.ceil(reps / 10)) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(samples);
}

async function timeAsync(fn, reps, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return stats(samples);
}

/** What any tool must do at least: split the text into lines and make one regex pass over it. */
function floor(text) {
  let n = 0;
  for (const line of text.split(/\r\n|\r|\n/)) for (const _ of line.matchAll(/\d+/g)) n++;
  return n;
}

const ours = (text) => {
  const analysis = core.analyze(text);
  core.getSymbols(analysis);
  return analysis;
};

const results = { date: new Date().toISOString().slice(0, 10), machine: machine(), core: [], yearbook: {}, lsp: {}, peers: [], memory: {}, startup: {}, cli: {}, vsix: {} };

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim()} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

// 1. Core analysis per example report, against the floor.
const reps = quick ? 50 : 400;
for (const r of reports) {
  const t = time(() => ours(r.text), reps);
  const f = time(() => floor(r.text), reps);
  results.core.push({ report: r.name, kb: +(Buffer.byteLength(r.text) / 1024).toFixed(1), median: t.median, p95: t.p95, floor: f.median, ratio: t.median / f.median });
}

// 2. The yearbook: 200 reports in one document.
{
  const t = time(() => ours(yearbook), quick ? 5 : 20, 2);
  const f = time(() => floor(yearbook), quick ? 5 : 20, 2);
  results.yearbook = { mb: +mb(yearbook).toFixed(2), median: t.median, p95: t.p95, mbPerSecond: mb(yearbook) / (t.median / 1000), floor: f.median, ratio: t.median / f.median };
}

// 2b. One table with many rows (a table-2 row repeated), in pipe and flattened layouts: time must grow linearly.
{
  const clean = fs.readFileSync(path.join(ROOT, 'test/fixtures/constructed/clean-2021.txt'), 'utf8');
  const row = '| 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
  const flatRow = '2.重复申请1 0 0 0 0 01';
  const at = clean.indexOf('四、政府信息公开行政复议');
  results.manyRows = [5000, 10000, 20000].flatMap((n) =>
    [
      ['pipe', `${row}\n`.repeat(n)],
      ['flattened', flatRow.repeat(n) + '\n'],
    ].map(([layout, rows]) => {
      const text = clean.slice(0, at) + rows + clean.slice(at);
      const t = time(() => ours(text), quick ? 2 : 5, 1);
      return { rows: n, layout, mb: +mb(text).toFixed(2), median: t.median };
    }),
  );
}

// 3. Peers on the same texts, as Markdown.
{
  const { lint } = await import('markdownlint/sync');
  const { createLinter, loadTextlintrc } = await import('textlint');
  const descriptor = await loadTextlintrc({ configFilePath: path.join(ROOT, 'scripts', 'bench.textlintrc.json'), node_modulesDir: path.join(ROOT, 'node_modules') });
  const textlint = createLinter({ descriptor, cwd: ROOT });
  for (const r of examples) {
    const t = time(() => ours(r.text), quick ? 30 : 200);
    const m = time(() => lint({ strings: { [r.name]: r.text } }), quick ? 30 : 200);
    const x = await timeAsync(() => textlint.lintText(r.text, path.join(ROOT, `${r.name}.md`)), quick ? 5 : 30);
    results.peers.push({ report: r.name, ours: t.median, markdownlint: m.median, textlint: x.median, vsMarkdownlint: t.median / m.median, vsTextlint: t.median / x.median });
  }
}

// 4, 4b, 5. The language server over stdio with a real client, measured from a process of its own (bench-lsp.mjs).
{
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-lsp.mjs'), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`bench-lsp.mjs exited with ${run.status}`);
  const measured = JSON.parse(run.stdout);
  Object.assign(results, { lsp: measured.lsp, lspLarge: measured.lspLarge, memory: measured.memory });
  results.startup.serverInitializeMs = measured.serverInitializeMs;
}

// 6. Startup: loading the client bundle (with a stand-in for the vscode module) and the server's initialize.
{
  const stub = path.join(ROOT, 'out', 'bench', 'client-load.cjs');
  fs.writeFileSync(stub, `const Module = require('module'); const load = Module._load; Module._load = function (r, ...a) { return r === 'vscode' ? new Proxy({}, { get: () => new Proxy(function () {}, { get: () => function () {} }) }) : load.call(this, r, ...a); }; const t = process.hrtime.bigint(); require(${JSON.stringify(path.join(ROOT, 'dist', 'client.js'))}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`);
  const loads = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) loads.push(Number(spawnSync(process.execPath, [stub], { encoding: 'utf8' }).stdout));
  results.startup.clientLoadMs = stats(loads).median;
}

// 7. The CLI as a whole process on the examples, against a bare node that only reads them.
{
  const run = (args) => {
    const samples = [];
    for (let i = 0; i < (quick ? 3 : 15); i++) {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return stats(samples).median;
  };
  const cli = run([path.join(ROOT, 'dist', 'cli.js'), 'check', 'examples']);
  const bare = run(['-e', "const fs=require('fs');for(const f of fs.readdirSync('examples'))fs.readFileSync('examples/'+f,'utf8')"]);
  results.cli = { cliMs: cli, bareNodeMs: bare, ratio: cli / bare };
}

// 7b. Saved web pages: reading the page (elements, table cells) and checking its text, per page.
{
  const htmlBundle = path.join(ROOT, 'out', 'bench', 'html.cjs');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/files/html.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: htmlBundle, logLevel: 'warning' });
  const { extractHtml } = require(htmlBundle);
  const dir = path.join(ROOT, 'test/fixtures/html');
  results.html = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = fs.readFileSync(path.join(dir, f), 'utf8');
      const read = time(() => extractHtml(html), quick ? 5 : 30);
      const text = extractHtml(html).text;
      const check = time(() => core.analyze(text), quick ? 5 : 30);
      return { page: f.replace(/\.html$/, ''), kb: +(Buffer.byteLength(html) / 1024).toFixed(0), readMs: read.median, checkMs: check.median };
    });
}

// 7c. Word documents made from the official template with a real report's numbers (test/docx.ts): reading, then checking.
{
  const docxBundle = path.join(ROOT, 'out', 'bench', 'docx.cjs');
  const fixture = path.join(ROOT, 'out', 'bench', 'fixture-docx.cjs');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/files/docx.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: docxBundle, logLevel: 'warning' });
  await esbuild.build({ entryPoints: [path.join(ROOT, 'test/docx.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: fixture, logLevel: 'warning' });
  const { extractDocx } = require(docxBundle);
  const { reportAsDocx } = require(fixture);
  results.docx = [];
  for (const name of ['constructed/clean-2021', 'corpus2/129_pingtan_ziran_2023_tab']) {
    const file = path.join(ROOT, 'out', 'bench', `${path.basename(name)}.docx`);
    fs.writeFileSync(file, await reportAsDocx(fs.readFileSync(path.join(ROOT, 'test/fixtures', `${name}.txt`), 'utf8')));
    const samples = [];
    let text = '';
    for (let i = 0; i < (quick ? 3 : 15); i++) {
      const t = process.hrtime.bigint();
      text = (await extractDocx(file)).extracted.text;
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const check = time(() => core.analyze(text), quick ? 5 : 30);
    results.docx.push({ document: path.basename(name), kb: +(fs.statSync(file).size / 1024).toFixed(0), readMs: stats(samples).median, checkMs: check.median });
  }
}

// 7d. Published PDFs (test/fixtures/pdf): reading with the shipped bundle (dist/pdf.js: pdf.js, items into lines and
// cells), then checking. The first read of a process also loads pdf.js: said apart.
{
  const { extractPdf } = require(path.join(ROOT, 'dist', 'pdf.js'));
  const dir = path.join(ROOT, 'test/fixtures/pdf');
  results.pdf = [];
  let first = true;
  for (const f of fs.readdirSync(dir).filter((f) => /^\d.*\.pdf$/.test(f)).sort()) {
    const file = path.join(dir, f);
    const samples = [];
    let extracted;
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const t = process.hrtime.bigint();
      const result = await extractPdf(file);
      const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
      if (first) results.pdfLoadMs = elapsed;
      else samples.push(elapsed);
      first = false;
      extracted = result.extracted;
    }
    const check = time(() => core.analyze(extracted.text), quick ? 5 : 30);
    results.pdf.push({ document: f.replace(/\.pdf$/, ''), kb: +(fs.statSync(file).size / 1024).toFixed(0), pages: extracted.pages, readMs: stats(samples).median, checkMs: check.median });
  }
}

// 7e. A reviewer's folder: 10,000 reports (the real ones of examples/ and both corpora, copied round), checked by
// the CLI as a whole process — time, time to the first line of output, peak RSS (threads included) — on one
// thread and on one worker a core.
{
  const count = quick ? 1000 : 10_000;
  const dir = path.join(os.tmpdir(), `nianbao-bench-folder-${count}`);
  const sources = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2'].flatMap((d) =>
    fs.readdirSync(path.join(ROOT, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(ROOT, d, f)),
  );
  if (!fs.existsSync(path.join(dir, 'done'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < count; i++) {
      const sub = path.join(dir, String(Math.floor(i / 1000)));
      if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
      fs.copyFileSync(sources[i % sources.length], path.join(sub, `${String(i).padStart(5, '0')}.txt`));
    }
    fs.writeFileSync(path.join(dir, 'done'), '');
  }
  const bytes = sources.reduce((n, f, i) => n + fs.statSync(f).size * Math.ceil((count - i) / sources.length), 0);
  // Peak RSS as the process itself reads it on exit (getrusage: every thread's memory is the process's).
  const preload = path.join(ROOT, 'out', 'bench', 'maxrss.cjs');
  fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, '\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n'));\n");
  const runFolder = (args) =>
    new Promise((resolve) => {
      const t = process.hrtime.bigint();
      let first;
      let out = 0;
      let err = '';
      const child = spawn(process.execPath, ['--require', preload, path.join(ROOT, 'dist', 'cli.js'), 'check', ...args, dir], { cwd: ROOT });
      child.stdout.on('data', (chunk) => {
        first ??= Number(process.hrtime.bigint() - t) / 1e6;
        out += chunk.length;
      });
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('close', (code) => {
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        resolve({ ms, firstOutputMs: first, rssMb: Math.round(Number(/maxrss (\d+)/.exec(err)?.[1] ?? 0) / 1024), outputMb: +(out / 1e6).toFixed(1), code });
      });
    });
  results.folder = { reports: count, mb: +(bytes / 1e6).toFixed(0), runs: [] };
  for (const [label, args] of [
    ['text, one thread', ['--jobs', '1']],
    ['text, a worker a core', []],
    ['json, a worker a core', ['--format', 'json']],
  ]) {
    results.folder.runs.push({ label, ...(await runFolder(args)) });
  }
}

// 8. The .vsix.
{
  const vsix = fs.readdirSync(ROOT).find((f) => f.endsWith('.vsix'));
  results.vsix = vsix ? { file: vsix, kb: +(fs.statSync(path.join(ROOT, vsix)).size / 1024).toFixed(0) } : { file: null, kb: null, note: 'run npm run package first' };
}

const ms = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const lines = [
  `Nianbao benchmarks, ${results.date}, ${results.machine}${quick ? ' (quick)' : ''}`,
  '',
  'Core analysis (parse + all checks + symbols), per report:',
  ...results.core.map((c) => `  ${c.report.padEnd(36)} ${String(c.kb).padStart(6)} KB  median ${ms(c.median)} ms  p95 ${ms(c.p95)} ms  floor ${ms(c.floor)} ms  ×${c.ratio.toFixed(1)}`),
  `Yearbook (200 reports, ${results.yearbook.mb} MB): median ${ms(results.yearbook.median)} ms, p95 ${ms(results.yearbook.p95)} ms, ${results.yearbook.mbPerSecond.toFixed(1)} MB/s; floor ${ms(results.yearbook.floor)} ms, ×${results.yearbook.ratio.toFixed(1)}`,
  'One table with many rows (median ms):',
  ...results.manyRows.map((r) => `  ${String(r.rows).padStart(6)} rows, ${r.layout.padEnd(9)} ${String(r.mb).padStart(5)} MB  ${ms(r.median)} ms`),
  '',
  'Peers on the same texts (median ms; our time as a ratio of theirs):',
  ...results.peers.map((p) => `  ${p.report.padEnd(36)} ours ${ms(p.ours)}  markdownlint ${ms(p.markdownlint)} (×${p.vsMarkdownlint.toFixed(2)})  textlint ${ms(p.textlint)} (×${p.vsTextlint.toFixed(3)})`),
  '',
  `LSP round trip, ${results.lsp.kb} KB report, ${results.lsp.edits} keystrokes (didChange → diagnostics of that version): p50 ${ms(results.lsp.median)} ms, p95 ${ms(results.lsp.p95)} ms`,
  `LSP on a ${results.lspLarge.mb} MB one-line report, median ms: keystroke ${ms(results.lspLarge.keystroke)}; then code actions over the line ${ms(results.lspLarge.codeActions)}, outline ${ms(results.lspLarge.symbols)}, folding ${ms(results.lspLarge.folding)}, code lenses ${ms(results.lspLarge.lenses)}`,
  `Server RSS with ${results.memory.documents} reports open: ${results.memory.rssMb} MB`,
  `Startup: client bundle load ${ms(results.startup.clientLoadMs)} ms; server spawn to initialize result ${ms(results.startup.serverInitializeMs)} ms`,
  'Saved web pages (median ms: reading the page, then checking its text):',
  ...results.html.map((h) => `  ${h.page.padEnd(36)} ${String(h.kb).padStart(6)} KB  read ${ms(h.readMs)} ms  check ${ms(h.checkMs)} ms`),
  'Word documents, the official template filled with a report (median ms: reading the document, then checking its text):',
  ...results.docx.map((d) => `  ${d.document.padEnd(36)} ${String(d.kb).padStart(6)} KB  read ${ms(d.readMs)} ms  check ${ms(d.checkMs)} ms`),
  `Published PDFs (median ms: reading every page, then checking its text; the first read of a process, loading pdf.js, took ${ms(results.pdfLoadMs)} ms):`,
  ...results.pdf.map((d) => `  ${d.document.padEnd(36)} ${String(d.kb).padStart(6)} KB  ${d.pages} pages  read ${ms(d.readMs)} ms (${ms(d.readMs / d.pages)} ms a page)  check ${ms(d.checkMs)} ms`),
  `CLI on examples/ as a whole process: ${ms(results.cli.cliMs)} ms; bare node reading them: ${ms(results.cli.bareNodeMs)} ms; ×${results.cli.ratio.toFixed(2)}`,
  `A folder of ${results.folder.reports} reports (${results.folder.mb} MB), the CLI as a whole process on ${os.availableParallelism()} cores:`,
  ...results.folder.runs.map((r) => `  ${r.label.padEnd(24)} ${(r.ms / 1000).toFixed(1)} s (${(results.folder.reports / (r.ms / 1000)).toFixed(0)} reports/s), first output after ${ms(r.firstOutputMs ?? NaN)} ms, peak RSS ${r.rssMb} MB, ${r.outputMb} MB printed`),
  `.vsix: ${results.vsix.kb ?? '—'} KB${results.vsix.file ? ` (${results.vsix.file})` : ' (not built)'}`,
];
console.log(lines.join('\n'));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
