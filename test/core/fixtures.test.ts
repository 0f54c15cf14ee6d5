// Every real report with its exact expected findings (line severity code):
// too many fails as surely as too few. Every fix offered on them is applied
// and the report checked again.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe as suite, test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { ROOT, applyFix, findingLines, findings, readFixture } from '../helpers';

interface Expectation {
  file: string;
  notes: string;
  /** Findings given as `line:column` (reports whose text is on one line), else as `line`. */
  columns?: boolean;
  findings: string[];
}

const dir = path.join(ROOT, 'test/fixtures/expected');
const expectations: Expectation[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));

test('every example and corpus report has an expectation', () => {
  const reports = [
    ...readdirSync(path.join(ROOT, 'examples')).map((f) => `examples/${f}`),
    ...readdirSync(path.join(ROOT, 'test/fixtures/corpus')).map((f) => `test/fixtures/corpus/${f}`),
    ...readdirSync(path.join(ROOT, 'test/fixtures/corpus2')).map((f) => `test/fixtures/corpus2/${f}`),
  ].filter((f) => f.endsWith('.txt'));
  assert.deepEqual(expectations.map((e) => e.file).sort(), reports.sort());
});

for (const expectation of expectations) {
  suite(expectation.file, () => {
    const text = readFixture(expectation.file);
    const described = (t: string) => (expectation.columns ? findings(t) : findingLines(t));

    test('exact findings', () => assert.deepEqual(described(text), expectation.findings));

    test('the six sections are in the outline when the report has them', () => {
      const numbers = analyze(text).report.sections.map((s) => s.def.number);
      const expectedMissing = expectation.findings.filter((f) => f.endsWith('section.missing')).length;
      assert.equal(new Set(numbers).size, 6 - expectedMissing);
    });

    test('each fix edits only its text and resolves its finding', () => {
      const analysis = analyze(text);
      for (const finding of analysis.findings) {
        for (const fix of finding.fixes) {
          const after = analyze(applyFix(analysis, finding, fix));
          const same = (f: { code: string; message: string }) => f.code === finding.code && f.message === finding.message;
          assert.ok(after.findings.filter(same).length < analysis.findings.filter(same).length, `${finding.code}: ${fix.title}`);
          if (fix.preferred) {
            // A preferred fix never leaves a finding that was not there before.
            const before = new Set(analysis.findings.map((f) => `${f.code} ${f.message}`));
            assert.deepEqual(after.findings.map((f) => `${f.code} ${f.message}`).filter((f) => !before.has(f)), [], fix.title);
          }
        }
      }
    });

    test('the same findings with CRLF line breaks', () => {
      assert.deepEqual(described(text.replace(/\r?\n/g, '\r\n')), expectation.findings);
    });
  });
}
