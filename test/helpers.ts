// Shared by the core tests: fixtures, a compact view of findings, and the
// apply-a-fix-and-check-again routine that every quick fix must pass.

import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, LineIndex, type Analysis, type AnalysisOptions, type Finding, type Fix } from '../server/src/core/index';

/** The repository root, whether running from test/ (sources) or out/test/ (compiled). */
export const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (readdirSync(dir).includes('package.json')) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
})();

export function readFixture(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

export const CLEAN = () => readFixture('test/fixtures/constructed/clean-2021.txt');

/** `12:3 warning section.numbering` — 1-based line and column, as an editor shows them. */
export function describe(text: string, finding: Finding): string {
  const p = new LineIndex(text).position(finding.span.start);
  return `${p.line + 1}:${p.character + 1} ${finding.severity} ${finding.code}`;
}

export function findings(text: string, options?: AnalysisOptions): string[] {
  return analyze(text, options).findings.map((f) => describe(text, f));
}

/** The same, without columns: the form the fixture expectations use. */
export function findingLines(text: string, options?: AnalysisOptions): string[] {
  return findings(text, options).map((f) => f.replace(/^(\d+):\d+/, '$1'));
}

/** Replaces the first occurrence of `from`, failing loudly when it is not there. */
export function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/**
 * Applies one fix and checks the contract of every quick fix: only the named
 * spans change, and re-checking shows that finding gone with nothing new.
 */
export function applyFix(analysis: Analysis, finding: Finding, fix: Fix = finding.fixes[0]): string {
  const before = analysis.report.text;
  const after = applyEdits(before, fix.edits);
  const sorted = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  assert.equal(after.slice(0, sorted[0].span.start), before.slice(0, sorted[0].span.start), 'text before the edit is unchanged');
  const tail = before.length - sorted[sorted.length - 1].span.end;
  assert.equal(after.slice(after.length - tail), before.slice(before.length - tail), 'text after the edit is unchanged');
  return after;
}

/** The findings that a fix leaves, minus the one it resolved: must equal the others from before. */
export function assertFixResolves(text: string, code: string, options?: AnalysisOptions & { allowNew?: string[] }): string {
  const analysis = analyze(text, options);
  const target = analysis.findings.find((f) => f.code === code && f.fixes.length > 0);
  assert.ok(target, `expected a fixable ${code} finding`);
  const fixed = applyFix(analysis, target);
  const remaining = analyze(fixed, options).findings.map((f) => `${f.code} ${f.message}`);
  const expected = analysis.findings.filter((f) => f !== target).map((f) => `${f.code} ${f.message}`);
  const fresh = remaining.filter((r) => !expected.includes(r) && !(options?.allowNew ?? []).some((c) => r.startsWith(c + ' ')));
  assert.deepEqual(fresh, [], 'the fix introduces no new finding');
  assert.ok(
    remaining.filter((r) => r === `${target.code} ${target.message}`).length < analysis.findings.filter((f) => f.code === target.code && f.message === target.message).length,
    'the finding is gone after the fix',
  );
  return fixed;
}

export const CLEAN_2019 = () => readFixture('test/fixtures/constructed/clean-2019.txt');

export type Layout = 'pipe' | 'markdown' | 'tab' | 'cell-per-line' | 'spaced' | 'flattened';

/**
 * Rewrites the pipe tables of a constructed report into another layout that
 * reports arrive in, leaving the prose as it is.
 */
export function relayout(text: string, layout: Layout): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (!line.includes(' | ')) {
      inTable = false;
      out.push(line);
      continue;
    }
    const cells = line.split('|').map((c) => c.trim()).filter((c) => c !== '');
    const isNumber = (c: string) => /^[+-]?\d[\d.]*(万元)?$/.test(c);
    const labels = cells.filter((c) => !isNumber(c));
    const numbers = cells.filter(isNumber);
    switch (layout) {
      case 'pipe':
        out.push(line);
        break;
      case 'markdown':
        out.push(`| ${cells.join(' | ')} |`);
        if (!inTable) out.push(`|${cells.map(() => '---').join('|')}|`);
        break;
      case 'tab':
        out.push(cells.join('\t'));
        break;
      case 'cell-per-line':
        for (const c of cells) out.push(c, '');
        break;
      case 'spaced':
        out.push([labels.join(''), ...numbers].join(' '));
        break;
      case 'flattened':
        out.push(labels.join('') + numbers.join(''));
        break;
    }
    inTable = true;
  }
  return out.join('\n');
}

/** GB18030 bytes of a text, through the decoder's own table: each character's two-byte code found by search. */
export function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...code);
    }
  }
  return Buffer.from(out);
}
