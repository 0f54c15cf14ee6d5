// Runs an end-to-end suite (out/e2e/suite/*.js) inside a real VS Code: the VS
// Code server bundled in the npm package code-server, its workbench opened in
// Debian's Chromium through playwright-core. The suite runs in the extension
// host as `extensionTestsPath`, exactly as under @vscode/test-electron, and its
// result comes back through window.codeAutomationExit. Install the tools first
// with scripts/e2e-setup.sh; the recipe is in /work/shared/e2e/README.md.
//
//   node scripts/e2e.mjs [--suite index|smoke] [--vsix FILE | --packaged] [--update-docs-image]
//
// Without --vsix the extension is loaded from this repository (build it first);
// with --vsix (or --packaged: the nianbao-<version>.vsix `npm run package`
// makes) the package is installed into a fresh extensions folder and the suite
// runs against the installed copy. --update-docs-image copies the screenshots
// (workbench, quickfix, preview) to docs/images/<name>.png for the README. Exits
// with the suite's code.
//
// Environment: NIANBAO_CODE_SERVER (code-server folder), NIANBAO_E2E_CACHE (as
// in e2e-setup.sh), NIANBAO_E2E_CHROMIUM, NIANBAO_E2E_TIMEOUT_MS (whole run),
// NIANBAO_E2E_KEEP=1 (keep the scratch folder).

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(ROOT, 'test-output');
const CODE_SERVER_VERSION = '4.100.3';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 900 };

const { values: options } = parseArgs({
  options: {
    suite: { type: 'string', default: 'index' },
    vsix: { type: 'string' },
    packaged: { type: 'boolean', default: false },
    'update-docs-image': { type: 'boolean', default: false },
  },
});
if (options.packaged) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  options.vsix ??= path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
}
const suiteName = options.suite;
const label = options.vsix ? `${suiteName}-vsix` : suiteName;
const timeoutMs = Number(process.env.NIANBAO_E2E_TIMEOUT_MS ?? 10 * 60_000);

const log = (...args) => console.log('[e2e]', ...args);

function fail(message) {
  console.error(`[e2e] ${message}`);
  process.exit(2);
}

function codeServerDir() {
  if (process.env.NIANBAO_CODE_SERVER) return path.resolve(process.env.NIANBAO_CODE_SERVER);
  // Same place as scripts/e2e-setup.sh.
  const cache = process.env.NIANBAO_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'nianbao-e2e');
  return path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
}

const serverMain = path.join(codeServerDir(), 'lib', 'vscode', 'out', 'server-main.js');
const chromium = process.env.NIANBAO_E2E_CHROMIUM ?? '/usr/bin/chromium';
const suiteFile = path.join(ROOT, 'out', 'e2e', 'suite', `${suiteName}.js`);
if (!fs.existsSync(serverMain)) fail(`no VS Code server at ${serverMain}: run scripts/e2e-setup.sh`);
if (!fs.existsSync(chromium)) fail(`no Chromium at ${chromium}: run scripts/e2e-setup.sh`);
if (!fs.existsSync(suiteFile)) fail(`no suite at ${suiteFile}: run tsc -p test/e2e`);
if (!options.vsix && !fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) fail('dist/client.js is missing: run npm run build');
if (options.vsix && !fs.existsSync(options.vsix)) fail(`no package at ${options.vsix}`);

// Everything the server, the extension host and the browser write goes into a
// scratch folder, never into the real home.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
const dirs = Object.fromEntries(
  ['home', 'config', 'data', 'cache', 'tmp', 'user-data', 'extensions', 'server-data', 'workspace', 'signal'].map((name) => {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir);
    return [name, dir];
  }),
);
fs.mkdirSync(OUTPUT, { recursive: true });

const env = {
  ...process.env,
  HOME: dirs.home,
  XDG_CONFIG_HOME: dirs.config,
  XDG_DATA_HOME: dirs.data,
  XDG_CACHE_HOME: dirs.cache,
  TMPDIR: dirs.tmp,
  // Read by the suite (in the extension host, a child of the server): where to
  // ask the runner for a screenshot of the workbench.
  NIANBAO_E2E_SIGNAL_DIR: dirs.signal,
};
delete env.VSCODE_IPC_HOOK_CLI;
delete env.ELECTRON_RUN_AS_NODE;

const serverDirs = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--server-data-dir', dirs['server-data']];

/** The last lines of a stream, for the failure report. */
class Tail {
  lines = [];
  partial = '';
  constructor(limit, file) {
    this.limit = limit;
    this.file = file;
  }
  push(chunk) {
    if (this.file) fs.appendFileSync(this.file, chunk);
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop();
    this.lines.push(...parts);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
  }
  text() {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => request.destroy());
  });
}

let server;
let serverExited;
let browser;
let cleaning;

async function cleanup() {
  cleaning ??= (async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    if (server && server.exitCode === null && server.signalCode === null) {
      // The server leads its own process group: the extension host and the
      // language server it started go with it.
      const kill = (signal) => {
        try {
          process.kill(-server.pid, signal);
        } catch {
          // Already gone.
        }
      };
      kill('SIGTERM');
      const stopped = await Promise.race([serverExited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!stopped) kill('SIGKILL');
    }
    // Stragglers in the group (the server may exit before its children do).
    if (server) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // None left.
      }
    }
    if (process.env.NIANBAO_E2E_KEEP) log(`scratch folder kept: ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaning;
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    console.error(`[e2e] ${signal}: stopping`);
    cleanup().finally(() => process.exit(code));
  });
}
// Last resort if something exits the process without going through cleanup.
process.on('exit', () => {
  if (server && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
});

function installVsix(vsix) {
  log(`installing ${path.relative(ROOT, vsix) || vsix} into a fresh extensions folder`);
  const result = spawnSync(process.execPath, [serverMain, ...serverDirs, '--install-extension', path.resolve(vsix), '--force'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const installed = fs.readdirSync(dirs.extensions).filter((name) => name.startsWith('nianbao.nianbao-'));
  if (result.status !== 0 || installed.length !== 1) {
    throw new Error(`installing the package failed (exit ${result.status}, installed: ${installed.join(', ') || 'nothing'})\n${result.stdout}\n${result.stderr}`);
  }
  log(`installed ${installed[0]}`);
}

async function startServer(port, serverLog) {
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    ...serverDirs,
  ];
  server = spawn(process.execPath, args, { env, cwd: dirs.home, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.stdout.setEncoding('utf8').on('data', (chunk) => serverLog.push(chunk));
  server.stderr.setEncoding('utf8').on('data', (chunk) => serverLog.push(chunk));

  const deadline = Date.now() + 60_000;
  let exited;
  serverExited.then((how) => (exited = how));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the VS Code server exited (${JSON.stringify(exited)}) before answering`);
    const status = await httpStatus(`http://127.0.0.1:${port}/version`);
    if (status >= 200 && status < 500) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the VS Code server did not answer HTTP within 60 s');
}

// What the suite's screenshots show (test/e2e/suite/index.ts), and what the
// workbench must show before each is taken: the editor, Problems and, per
// picture, the Outline, the quick-fix menu or the table preview. A selector that
// does not appear is logged and the picture taken anyway.
const EDITOR = '.monaco-editor .view-lines';
const PROBLEMS = '.markers-panel .monaco-list-row';
const OUTLINE = '#outline .monaco-list-row, .outline-pane .monaco-list-row';
const SHOTS = {
  workbench: { selectors: [EDITOR, PROBLEMS, OUTLINE] },
  // The light bulb's menu: an action list in a context view.
  // A PDF's read-only view with its findings, each located by page and line.
  pdf: { selectors: [EDITOR, PROBLEMS, OUTLINE] },
  quickfix: { selectors: [EDITOR, PROBLEMS, OUTLINE, '.context-view .action-widget .monaco-list-row'] },
  // The webview is an iframe holding the content's own iframe; its failing cells are drawn last.
  preview: { selectors: [EDITOR, PROBLEMS, 'iframe.webview'], frames: ['iframe.webview', 'iframe#active-frame'], inFrame: 'td.failing' },
};
// The pictures in the README: docs/images/<name>.png, refreshed by --update-docs-image.
const DOCS_IMAGES = ['workbench', 'quickfix', 'preview', 'pdf'];

/** Waits for the suite to ask for a screenshot (a file in the signal folder), takes it, and answers. */
function serveScreenshots(page, shots) {
  const request = path.join(dirs.signal, 'screenshot-request');
  let busy = false;
  const take = async () => {
    if (busy || !fs.existsSync(request)) return;
    // The suite renames a finished request into place; an empty one is still being written.
    const name = fs.readFileSync(request, 'utf8').trim();
    if (!name) return;
    busy = true;
    try {
      fs.rmSync(request);
      const shot = SHOTS[name] ?? SHOTS.workbench;
      // The file list would leave the Outline little room; collapsing a pane has
      // no command. Only when it is open: a click elsewhere closes a menu.
      const explorer = '.pane-header[aria-label^="Explorer Section"]';
      if (await page.$(`${explorer}[aria-expanded="true"]`)) {
        await page.click(`${explorer}[aria-expanded="true"]`, { timeout: 5000 }).catch(() => {});
        await page.waitForSelector(`${explorer}[aria-expanded="false"]`, { timeout: 5000 }).catch(() => {});
      }
      // The suite has arranged the views; wait until the workbench shows them.
      for (const selector of shot.selectors) {
        await page.waitForSelector(selector, { state: 'visible', timeout: 15_000 }).catch(() => log(`screenshot ${name}: ${selector} did not appear`));
      }
      if (shot.inFrame) {
        const frame = shot.frames.reduce((scope, selector) => scope.frameLocator(selector), page);
        await frame
          .locator(shot.inFrame)
          .first()
          .waitFor({ state: 'visible', timeout: 15_000 })
          .catch(() => log(`screenshot ${name}: ${shot.inFrame} did not appear in ${shot.frames.join(' > ')}`));
      }
      // Two frames: the layout settles after the last change.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const file = path.join(OUTPUT, `${label}-${name}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      shots.push({ name, file });
      log(`screenshot: ${path.relative(ROOT, file)}`);
    } catch (error) {
      log(`screenshot failed: ${error}`);
    } finally {
      fs.writeFileSync(path.join(dirs.signal, 'screenshot-done'), '');
      busy = false;
    }
  };
  const watcher = fs.watch(dirs.signal, () => void take());
  return () => watcher.close();
}

/** Copies the screenshots into docs/images/ for the README, made smaller with pngquant when there is one. */
function updateDocsImages(shots) {
  for (const name of DOCS_IMAGES) {
    const shot = shots.findLast((s) => s.name === name);
    if (!shot) {
      log(`docs image ${name}.png: not taken in this run, left as it is`);
      continue;
    }
    const target = path.join(ROOT, 'docs', 'images', `${name}.png`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const quantized = spawnSync('pngquant', ['--force', '--quality=70-95', '--strip', '--output', target, '--', shot.file], { stdio: 'inherit' });
    if (quantized.error || quantized.status !== 0) fs.copyFileSync(shot.file, target);
    log(`docs image: ${path.relative(ROOT, target)} (${Math.round(fs.statSync(target).size / 1024)} KB)`);
  }
}

/**
 * The suite's Word document, made as the unit tests make theirs: the official
 * template filled with a real report's numbers and prose (test/docx.ts), written
 * into the workspace.
 */
const WORD_FIXTURE = '129_pingtan_ziran_2023_tab';
async function writeWordFixture(dir) {
  const esbuild = await import('esbuild');
  const bundle = path.join(ROOT, 'out', 'e2e', 'docx-fixture.cjs');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'test', 'docx.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  const { reportAsDocx } = createRequire(import.meta.url)(bundle);
  const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus2', `${WORD_FIXTURE}.txt`), 'utf8');
  fs.writeFileSync(path.join(dir, `${WORD_FIXTURE}.docx`), await reportAsDocx(text));
}

async function main() {
  const { chromium: playwright } = await import('playwright-core');
  const serverLog = new Tail(80, path.join(OUTPUT, `${label}-server.log`));
  fs.writeFileSync(path.join(OUTPUT, `${label}-server.log`), '');
  const consoleLog = new Tail(80);

  if (options.vsix) installVsix(options.vsix);
  await writeWordFixture(dirs.workspace);
  const port = await freePort();
  const started = Date.now();
  await startServer(port, serverLog);
  log(`VS Code server ${CODE_SERVER_VERSION} on port ${port}`);

  browser = await playwright.launch({
    executablePath: chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    // Crash reports and caches go to the scratch home too.
    env,
    // Our own handlers close the browser and the server together.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = await browser.newPage({ viewport: VIEWPORT });

  let finish;
  const exitCode = new Promise((resolve) => (finish = resolve));
  // The workbench's log, the extension host's console included; the suite
  // marks its own lines (see test/e2e/suite/harness.ts).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    if (text.startsWith('[suite] ')) console.log(text.slice('[suite] '.length));
    else consoleLog.push(`${type} ${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(typeof code === 'number' ? code : 1));
  page.on('pageerror', (error) => consoleLog.push(`pageerror ${error}\n`));

  const shots = [];
  const stopScreenshots = serveScreenshots(page, shots);

  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [['extensionTestsPath', remote(suiteFile)]];
  // Without --vsix, the extension comes from this repository. With it, the
  // development path is a stub extension: the workbench runs extension tests
  // only when one is given, and the stub leaves the installed package in charge.
  payload.unshift(['extensionDevelopmentPath', remote(options.vsix ? path.join(ROOT, 'test', 'e2e', 'stub-extension') : ROOT)]);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`suite ${path.relative(ROOT, suiteFile)} against ${options.vsix ? path.basename(options.vsix) : 'the repository'}`);
  await page.goto(url);

  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, timeoutMs - (Date.now() - started)))));
  const serverGone = serverExited.then((how) => ({ serverGone: how }));
  const outcome = await Promise.race([exitCode, timedOut, serverGone]);
  clearTimeout(timer);
  stopScreenshots();
  // Interrupted: the signal handler is already cleaning up and sets the exit code.
  if (cleaning) return 1;

  let code;
  if (outcome === 'timeout') {
    console.error(`[e2e] the suite did not finish within ${timeoutMs / 1000} s`);
    await page.screenshot({ path: path.join(OUTPUT, `${label}-timeout.png`) }).catch(() => {});
    code = 1;
  } else if (typeof outcome === 'object') {
    console.error(`[e2e] the VS Code server exited during the run: ${JSON.stringify(outcome.serverGone)}`);
    code = 1;
  } else {
    code = outcome;
  }
  fs.writeFileSync(path.join(OUTPUT, `${label}-workbench.log`), consoleLog.text() + '\n');
  if (code !== 0) {
    console.error(`[e2e] ${label}: exit code ${code}. Last lines of the server's output:\n${serverLog.text()}`);
    console.error(`[e2e] last workbench log lines:\n${consoleLog.lines.slice(-30).join('\n')}`);
  }
  if (shots.length === 0) console.error('[e2e] the suite asked for no screenshot');
  else if (options['update-docs-image'] && code === 0) updateDocsImages(shots);
  log(`${label}: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
