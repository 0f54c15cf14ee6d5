// The language server's benchmarks (sections 4, 4b, 5 and the server's start of `npm run bench`), run by
// scripts/bench.mjs in a process of their own: the client side of each round trip then has a small heap of its own,
// as VS Code's extension host has, instead of one that holds the peers' linters. Prints its results as JSON.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');

const reports = ['examples', 'test/fixtures/corpus'].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8')),
);

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

const results = {};

// 4. The language server over stdio with a real client.
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification } = require('vscode-languageserver-protocol/node');

/** The V8 flags the client starts the server with. */
const serverExecArgv = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).nianbao?.serverExecArgv ?? [];

async function withServer(fn) {
  const child = spawn(process.execPath, [...serverExecArgv, path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.();
    waiting.delete(key);
  });
  connection.listen();
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
  const started = process.hrtime.bigint();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  const initializeMs = Number(process.hrtime.bigint() - started) / 1e6;
  await connection.sendNotification(InitializedNotification.type, {});
  try {
    return await fn({ connection, child, published, initializeMs });
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => {});
    await connection.sendNotification(ExitNotification.type).catch(() => {});
    connection.dispose();
    child.kill();
  }
}

{
  // A 30 KB report: seed 001 with its section 六 prose repeated. Keystrokes insert and delete a digit in a table cell.
  const base = reports[1];
  const sixth = base.slice(base.indexOf('(四)政务公开工作创新情况'), base.indexOf('【下载Word】'));
  let text = base;
  while (Buffer.byteLength(text) < 30_000) text = text.replace('【下载Word】', sixth + '【下载Word】');
  const cell = text.indexOf('\n14\n') + 1; // 本机关不掌握相关政府信息: 自然人 14
  const uri = 'file:///bench/report.nianbao';
  results.lsp = await withServer(async ({ connection, published, initializeMs }) => {
    let version = 1;
    let current = published(uri, version);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'nianbao', version, text } });
    await current;
    const samples = [];
    const edits = quick ? 100 : 600;
    for (let i = 0; i < edits; i++) {
      version++;
      const insert = i % 2 === 0;
      const position = { line: text.slice(0, cell).split('\n').length - 1, character: 2 };
      const change = insert ? { range: { start: position, end: position }, text: '7' } : { range: { start: position, end: { ...position, character: 3 } }, text: '' };
      current = published(uri, version);
      const t = process.hrtime.bigint();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      await current;
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return { kb: +(Buffer.byteLength(text) / 1024).toFixed(1), edits, ...stats(samples), initializeMs };
  });
}

// 4b. A 1 MB report on one line (a crawled page saved as text), typed into: each keystroke's diagnostics, then what
// VS Code asks after it — code actions over the whole line (suggestions proven within the server's budget), the
// outline, folding and code lenses.
{
  const { CodeActionRequest, DocumentSymbolRequest, FoldingRangeRequest, CodeLensRequest } = require('vscode-languageserver-protocol/node');
  const one = reports[1].replace(/\n/g, ' ');
  let text = one;
  while (text.length < 1_000_000) text += ' ' + one;
  const uri = 'file:///bench/one-line.nianbao';
  results.lspLarge = await withServer(async ({ connection, published }) => {
    let version = 1;
    let current = published(uri, version);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'nianbao', version, text } });
    await current;
    const samples = { keystroke: [], codeActions: [], symbols: [], folding: [], lenses: [] };
    const position = { line: 0, character: 5000 };
    const line = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    const td = { uri };
    for (let i = 0; i < (quick ? 4 : 10); i++) {
      version++;
      const change = i % 2 === 0 ? { range: { start: position, end: position }, text: '7' } : { range: { start: position, end: { line: 0, character: 5001 } }, text: '' };
      current = published(uri, version);
      let t = process.hrtime.bigint();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      await current;
      samples.keystroke.push(Number(process.hrtime.bigint() - t) / 1e6);
      for (const [name, type, params] of [
        ['codeActions', CodeActionRequest.type, { textDocument: td, range: line, context: { diagnostics: [] } }],
        ['symbols', DocumentSymbolRequest.type, { textDocument: td }],
        ['folding', FoldingRangeRequest.type, { textDocument: td }],
        ['lenses', CodeLensRequest.type, { textDocument: td }],
      ]) {
        t = process.hrtime.bigint();
        await connection.sendRequest(type, params);
        samples[name].push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
    return { mb: +(Buffer.byteLength(text) / 1e6).toFixed(2), ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v).median])) };
  });
}

// 5. Server memory with 200 reports open.
results.memory = await withServer(async ({ connection, child, published }) => {
  const opened = [];
  for (let i = 0; i < 200; i++) {
    const uri = `file:///bench/${i}.nianbao`;
    opened.push(published(uri, 1));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'nianbao', version: 1, text: reports[i % reports.length] } });
  }
  await Promise.all(opened);
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return { documents: 200, rssMb: +(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024).toFixed(1) };
});

// The server's start: spawn to initialize result.
{
  const inits = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) inits.push(await withServer(async ({ initializeMs }) => initializeMs));
  results.serverInitializeMs = stats(inits).median;
}

process.stdout.write(JSON.stringify(results));
