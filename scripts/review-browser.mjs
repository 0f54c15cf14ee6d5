// The review page (`nianbao review --out review.html`) opened in a real browser,
// Debian's Chromium through playwright-core as in the e2e suite: it renders its
// three parts with one row per finding, asks for nothing over the network,
// logs no error; a screenshot goes to test-output/ (and, with
// --update-docs-image, to docs/images/review.png for the README).
//
//   node scripts/review-browser.mjs [--update-docs-image]

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium as playwright } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(ROOT, 'test-output');
const executablePath = process.env.NIANBAO_E2E_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FOLDERS = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2'];

const failures = [];
const expect = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`  ${ok ? '✓' : '✗'} ${what}`);
};

fs.mkdirSync(OUTPUT, { recursive: true });
const page = path.join(OUTPUT, 'review.html');
const cli = (args) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
const written = cli(['review', '--lang', 'zh-CN', '--out', page, ...FOLDERS]);
if (written.status !== 1) throw new Error(`nianbao review exited ${written.status}: ${written.stderr}`);
const json = JSON.parse(cli(['check', '--format', 'json', ...FOLDERS]).stdout);
const findings = json.files.reduce((n, f) => n + f.diagnostics.length, 0);

console.log('[review] the review page in Chromium');
const browser = await playwright.launch({ executablePath, headless: true, args: ARGS });
try {
  const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const requests = [];
  const errors = [];
  tab.on('request', (r) => requests.push(r.url()));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(pathToFileURL(page).href);
  expect((await tab.title()) === '政府信息公开工作年度报告审核问题清单', 'the title');
  expect(JSON.stringify(await tab.$$eval('h2', (hs) => hs.map((h) => h.textContent))) === JSON.stringify(['单位汇总', '报送情况', '问题清单']), 'its three parts');
  const rows = await tab.$$eval('#issues + table tbody tr', (trs) => trs.length);
  expect(rows === findings, `one row per finding (${rows} of ${findings})`);
  const units = await tab.$$eval('#units + table tbody tr', (trs) => trs.length);
  expect(units === json.files.length, `one row per report in the summary (${units} of ${json.files.length})`);
  // The severity column is painted by the page's own style.
  const colour = await tab.$eval('tr.error td:nth-child(5)', (td) => getComputedStyle(td).color);
  expect(colour === 'rgb(207, 34, 46)', `errors in red (${colour})`);
  expect(requests.every((u) => u === pathToFileURL(page).href), `nothing fetched but the page itself (${requests.length} requests)`);
  expect(errors.length === 0, `no error in the console${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  const shot = path.join(OUTPUT, 'review.png');
  await tab.screenshot({ path: shot });
  console.log(`[review] screenshot: ${path.relative(ROOT, shot)}`);
  if (process.argv.includes('--update-docs-image')) {
    const target = path.join(ROOT, 'docs', 'images', 'review.png');
    const quantized = spawnSync('pngquant', ['--force', '--quality=70-95', '--strip', '--output', target, '--', shot], { stdio: 'inherit' });
    if (quantized.error || quantized.status !== 0) fs.copyFileSync(shot, target);
    console.log(`[review] docs image: ${path.relative(ROOT, target)}`);
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`[review] ${failures.length} failed`);
  process.exit(1);
}
console.log('[review] passed');
