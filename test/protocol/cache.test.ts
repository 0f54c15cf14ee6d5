// The server's per-version analysis cache: every feature shares one analysis.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisOptions } from '../../server/src/core';
import { AnalysisCache } from '../../server/src/lsp/cache';
import { toCodeActions, toDiagnostics, toDocumentSymbols, toFoldingRanges, toHover } from '../../server/src/lsp/convert';

const ROOT = path.resolve(__dirname, '../../..');
const text = fs.readFileSync(path.join(ROOT, 'examples', '003_12d5eeac63ddaf69.txt'), 'utf8');

function counting() {
  const calls: string[] = [];
  const cache = new AnalysisCache((t) => {
    calls.push(t);
    return analyze(t);
  });
  return { cache, calls };
}

describe('AnalysisCache', () => {
  it('analyses a version once for all features', () => {
    const { cache, calls } = counting();
    const doc = TextDocument.create('file:///r.txt', 'nianbao', 1, text);
    const entry = cache.get(doc);
    toDiagnostics(doc, cache.get(doc));
    toDocumentSymbols(doc, cache.get(doc));
    toFoldingRanges(doc, cache.get(doc));
    toHover(doc, cache.get(doc), { line: 9, character: 1 });
    toCodeActions(doc, cache.get(doc), { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, context: { diagnostics: [] } });
    assert.equal(calls.length, 1);
    assert.equal(cache.get(doc), entry);
  });

  it('re-analyses a new version and forgets closed documents', () => {
    const { cache, calls } = counting();
    const doc = TextDocument.create('file:///r.txt', 'nianbao', 1, text);
    cache.get(doc);
    TextDocument.update(doc, [{ text: '\n' }], 2);
    assert.equal(cache.get(doc).version, 2);
    assert.equal(calls.length, 2);
    assert.equal(cache.peek(doc.uri, 1), undefined);
    cache.delete(doc.uri);
    assert.equal(cache.peek(doc.uri), undefined);
  });

  it('keys on the settings too: new options make a new analysis, the same options (in any order) do not', () => {
    const calls: string[] = [];
    let options: AnalysisOptions = { severities: { 'section.empty': 'off', 'section.order': 'hint' } };
    const cache = new AnalysisCache(
      (t, o) => {
        calls.push(JSON.stringify(o));
        return analyze(t, o);
      },
      () => options,
    );
    const doc = TextDocument.create('file:///r.txt', 'nianbao', 1, text);
    const first = cache.get(doc);
    assert.ok(!first.analysis.findings.some((f) => f.code === 'section.empty'));
    options = { severities: { 'section.order': 'hint', 'section.empty': 'off' } };
    assert.equal(cache.get(doc), first);
    options = { severities: { 'section.empty': 'warning' } };
    const second = cache.get(doc);
    assert.notEqual(second, first);
    assert.equal(second.version, 1);
    assert.ok(second.analysis.findings.some((f) => f.code === 'section.empty' && f.severity === 'warning'));
    assert.equal(calls.length, 2);
  });

  it('finds the finding of a diagnostic published for an older version by code and place', () => {
    const { cache } = counting();
    const doc = TextDocument.create('file:///r.txt', 'nianbao', 1, text);
    const claim = toDiagnostics(doc, cache.get(doc)).find((d) => d.code === 'section.count-claim')!;
    TextDocument.update(doc, [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, text: ' ' }], 2);
    const stale = { ...claim, data: { version: 1, index: 99 } };
    // A range elsewhere: only the diagnostic in the context can lead to the fix.
    const elsewhere = { start: { line: 15, character: 0 }, end: { line: 15, character: 0 } };
    const actions = toCodeActions(doc, cache.get(doc), { textDocument: { uri: doc.uri }, range: elsewhere, context: { diagnostics: [stale] } });
    // The fixes (the list completed, or the count alone), then the commands to dismiss or confirm the finding, turn the check off and read its page.
    assert.deepEqual(
      actions.map((a) => [a.diagnostics?.[0].code, a.edit ? 'edit' : a.command?.command]),
      [
        ['section.count-claim', 'edit'],
        ['section.count-claim', 'edit'],
        ['section.count-claim', 'nianbao.dismissFinding'],
        ['section.count-claim', 'nianbao.dismissFinding'],
        ['section.count-claim', 'nianbao.disableCheck'],
        ['section.count-claim', 'vscode.open'],
      ],
    );
    assert.equal((actions[0].edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 2);
  });
});
