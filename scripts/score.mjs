// Scores the checker against a reviewer's findings: for each real report, the
// places a careful human marked `must` (a checker should report it) and `may`
// (acceptable either way), by line and a quote at the place. Prints what was
// found, missed, and every error or warning at no marked place (a false
// finding), per report and in all. Usage: node scripts/score.mjs [EXPECT.json DIR]...
// Without arguments: the three sets of real reports in the repository.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const coreBundle = path.join(ROOT, 'out', 'score', 'core.cjs');
await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: coreBundle, logLevel: 'warning' });
const { analyze, LineIndex } = require(coreBundle);

const sets =
  process.argv.length > 2
    ? process.argv.slice(2).reduce((out, a, i, all) => (i % 2 ? out : [...out, [a, all[i + 1]]]), [])
    : [
        ['test/fixtures/review/seeds.expect.json', 'examples'],
        ['test/fixtures/review/corpus.expect.json', 'test/fixtures/corpus'],
        ['test/fixtures/review/corpus2.expect.json', 'test/fixtures/corpus2'],
      ];

/** Where a marked place is: its quote on its line (by text without spaces), else the whole line. */
function place(text, lines, mark) {
  const line = lines[mark.line - 1] ?? { start: 0, end: 0 };
  const lineText = text.slice(line.start, line.end);
  const squeeze = (s) => s.replace(/\s+/g, '');
  const quote = squeeze(mark.quote);
  const kept = [];
  for (let i = 0; i < lineText.length; i++) if (!/\s/.test(lineText[i])) kept.push(i);
  const at = kept.map((i) => lineText[i]).join('').indexOf(quote);
  if (at < 0 || !quote) return { start: line.start, end: line.end };
  return { start: line.start + kept[at], end: line.start + kept[Math.min(kept.length - 1, at + quote.length - 1)] + 1 };
}

let totals = { must: 0, found: 0, falseFindings: 0, reports: 0, cleanWithFalse: 0 };
for (const [expectFile, dir] of sets) {
  const expect = JSON.parse(fs.readFileSync(path.join(ROOT, expectFile), 'utf8'));
  for (const [file, marks] of Object.entries(expect)) {
    const text = fs.readFileSync(path.join(ROOT, dir, file), 'utf8');
    const lines = [];
    for (let start = 0, i = 0; ; i++) {
      const end = text.indexOf('\n', start);
      lines.push({ start, end: end < 0 ? text.length : end });
      if (end < 0) break;
      start = end + 1;
    }
    const findings = analyze(text).findings;
    const near = (f, span) => f.span.start <= span.end + 40 && f.span.end >= span.start - 40;
    const lineOf = new LineIndex(text);
    const onLine = (f, mark) => lineOf.position(f.span.start).line + 1 === mark.line;
    const placed = [...marks.must, ...marks.may].map((m) => ({ mark: m, span: place(text, lines, m) }));
    // A one-line report needs the quote; a report of many lines, the line (or the quote nearby).
    const matches = (f, p) => near(f, p.span) || (lines.length > 20 && onLine(f, p.mark));
    const missed = marks.must.filter((m) => !findings.some((f) => matches(f, placed.find((p) => p.mark === m))));
    const unmarked = findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !placed.some((p) => matches(f, p)));
    totals.must += marks.must.length;
    totals.found += marks.must.length - missed.length;
    totals.falseFindings += unmarked.length;
    totals.reports++;
    if (!marks.must.length && unmarked.length) totals.cleanWithFalse++;
    const status = `${marks.must.length - missed.length}/${marks.must.length} found, ${unmarked.length} unmarked`;
    console.log(`${file.padEnd(40)} ${status}`);
    for (const m of missed) console.log(`    missed   ${m.family} l.${m.line} ${m.quote.slice(0, 40)}`);
    for (const f of unmarked) console.log(`    unmarked ${f.severity} ${f.code} l.${lineOf.position(f.span.start).line + 1}: ${f.message.slice(0, 60)}`);
  }
}
console.log(
  `\n${totals.reports} reports: ${totals.found} of ${totals.must} must-report problems found; ${totals.falseFindings} errors or warnings at no marked place (${totals.cleanWithFalse} reports without problems have some)`,
);
