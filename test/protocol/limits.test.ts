// Limits of what one document costs the editor: at most 1,000 diagnostics,
// then one that says how many more there are, in the analysis language.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/core';
import { ROOT, Session } from './session';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/constructed/clean-2021.txt'), 'utf8');
const uri = (name: string) => pathToFileURL(path.join(ROOT, 'test-output', name)).toString();

describe('diagnostics per document', () => {
  const sessions: Session[] = [];
  after(() => sessions.forEach((s) => s.dispose()));

  // 1,300 placeholders (errors), each reported, and a clean report's other findings (none).
  const flooded = CLEAN + '\n' + Array.from({ length: 1300 }, (_, i) => `第${i + 1}项：XX件。`).join('\n') + '\n';

  for (const [lang, message] of [
    ['zh-CN', '另有 300 个问题未列出：每个文档最多列出 1000 个'],
    ['en', 'And 300 more findings, not listed: at most 1000 are listed per document'],
  ] as const) {
    it(`1,300 findings: 1,000 diagnostics, then "and 300 more" (${lang})`, async () => {
      assert.equal(analyze(flooded).findings.length, 1300);
      const session = new Session();
      sessions.push(session);
      await session.initialize({ initializationOptions: { lang } });
      const target = uri(`flooded-${lang}.nianbao`);
      await session.open(target, flooded);
      const { diagnostics } = await session.diagnostics(target);
      assert.equal(diagnostics.length, 1001);
      assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'narrative.placeholder'));
      // The first thousand in the text's order.
      assert.equal(diagnostics[999].range.start.line, diagnostics[0].range.start.line + 999);
      assert.deepEqual(diagnostics[1000], {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'nianbao',
        message,
      });
    });
  }

  it('the most severe findings are the ones kept', async () => {
    // 1,000 masked lines (warnings) before 50 placeholders (errors): every error is listed.
    const text = CLEAN + '\n' + Array.from({ length: 1000 }, (_, i) => `第${i + 1}段**内容。`).join('\n') + '\n' + Array.from({ length: 50 }, () => '共XX件。').join('\n') + '\n';
    const severities = analyze(text).findings.map((f) => f.severity);
    assert.deepEqual([severities.filter((s) => s === 'warning').length, severities.filter((s) => s === 'error').length], [1000, 50]);
    const session = new Session();
    sessions.push(session);
    await session.initialize();
    const target = uri('flooded-severity.nianbao');
    await session.open(target, text);
    const { diagnostics } = await session.diagnostics(target);
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 50);
    assert.equal(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length, 950);
    assert.equal(diagnostics[1000].message, '另有 50 个问题未列出：每个文档最多列出 1000 个');
  });

  it('a burst of changes to a slow document is checked once or twice, not once a change', async () => {
    // Long prose makes each analysis take well over the 10 ms under which a change is checked at once
    // (about 80 ms here: the server then waits 10 ms for more changes).
    const text = CLEAN + '\n' + Array.from({ length: 20000 }, (_, i) => `第${i + 1}段，本机关持续推进政务公开工作，成效明显。`).join('\n') + '\n';
    const session = new Session();
    sessions.push(session);
    await session.initialize();
    const target = uri('burst.nianbao');
    await session.open(target, text);
    await session.diagnostics(target, (p) => p.version === 1);
    // The second analysis tells the server the document is slow; then ten changes in one burst.
    const at = { line: 0, character: 0 };
    const change = (version: number) =>
      session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version }, contentChanges: [{ range: { start: at, end: at }, text: ' ' }] });
    await change(2);
    await session.diagnostics(target, (p) => p.version === 2);
    await Promise.all(Array.from({ length: 10 }, (_, i) => change(3 + i)));
    await session.diagnostics(target, (p) => p.version === 12);
    const between = session.pending(target).map((p) => p.version);
    assert.ok(between.length <= 2, `published for versions ${between.join(', ')} on the way to 12`);
  });
});
