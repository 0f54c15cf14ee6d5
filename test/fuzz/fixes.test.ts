// Every offered fix and suggestion is proven on real reports and on the
// damage real reports suffer: a heading removed (every section), a total
// blanked or changed, an ordinal lost, two rows joined on one line, a label
// changed, a part mistyped. Applying one must clear its finding, add no error
// or warning, and, for a fix (what fix-all and save apply), leave every table
// number as it was. `npm test` mutates each report a bounded number of times;
// `npm run fuzz` many more (FUZZ_CASES).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe as suite, test } from 'node:test';
import { analyze, type Report } from '../../server/src/core/index';
import { ROOT } from '../helpers';
import { random } from './mutate';
import { disproveFixAll, prove } from './prove';

const CASES = Number(process.env.FUZZ_CASES ?? 300);
/** Mutants of each kind per report: 1 in `npm test`, more under `npm run fuzz`. */
const PER_KIND = Math.max(1, Math.round(CASES / 1000));
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const FIXTURES: [string, string][] = ['examples', 'test/fixtures/corpus', 'test/fixtures/corpus2', 'test/fixtures/constructed'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f): [string, string] => [f.replace(/\.txt$/, ''), readFileSync(path.join(ROOT, dir, f), 'utf8')]),
);

const splice = (text: string, start: number, end: number, insert = '') => text.slice(0, start) + insert + text.slice(end);

const ORDINAL_BEFORE = /(?:[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]+、)\s*$/;

type Mutation = (text: string, report: Report, rnd: () => number) => string | undefined;

const pick = <T>(xs: readonly T[], rnd: () => number): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
const rowsOf = (report: Report) => Object.values(report.tables).flatMap((t) => t?.rows ?? []);
const totalCell = (row: ReturnType<typeof rowsOf>[number]) => (row.cells.length > 1 ? row.cells[row.cells.length - 1] : undefined);

/** The damage a real report suffers, each applied at a random place of its kind. */
export const MUTATIONS: Record<string, Mutation> = {
  'heading removed': (text, report, rnd) => {
    const s = pick(report.sections, rnd);
    return s && splice(text, s.heading.span.start, s.heading.span.end);
  },
  'total blanked': (text, report, rnd) => {
    const cell = pick(rowsOf(report).map(totalCell).filter((c) => c?.span), rnd);
    return cell && splice(text, cell.span!.start, cell.span!.end);
  },
  'total changed': (text, report, rnd) => {
    const cell = pick(rowsOf(report).map(totalCell).filter((c) => c?.span && c.value !== null), rnd);
    return cell && splice(text, cell.span!.start, cell.span!.end, String(cell.value! + 1 + Math.floor(rnd() * 9)));
  },
  'part mistyped': (text, report, rnd) => {
    const cell = pick(rowsOf(report).flatMap((r) => r.cells.slice(0, -1)).filter((c) => c.span && c.value !== null), rnd);
    return cell && splice(text, cell.span!.start, cell.span!.end, String(cell.value! + 1 + Math.floor(rnd() * 9)));
  },
  'ordinal lost': (text, report, rnd) => {
    const labels = rowsOf(report).flatMap((r) => (r.label ? [r.label.span] : []));
    const withOrdinal = labels
      .map((span) => {
        const head = text.slice(Math.max(0, span.start - 8), span.start);
        const m = ORDINAL_BEFORE.exec(head);
        const inLabel = /^(?:[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.．、])/.exec(text.slice(span.start, span.end));
        if (inLabel) return { start: span.start, end: span.start + inLabel[0].length };
        return m ? { start: span.start - m[0].length, end: span.start } : undefined;
      })
      .filter((s) => s !== undefined);
    const s = pick(withOrdinal, rnd);
    return s && splice(text, s.start, s.end);
  },
  'rows joined': (text, report, rnd) => {
    const rows = rowsOf(report).filter((r) => r.label);
    const breaks = rows
      .map((r) => r.span.end)
      .map((end) => /^[ \t]*\r?\n/.exec(text.slice(end)) && { start: end, end: end + /^[ \t]*\r?\n/.exec(text.slice(end))![0].length })
      .filter((b) => b);
    const b = pick(breaks, rnd);
    return b ? splice(text, b.start, b.end, ' ') : undefined;
  },
  'label changed': (text, report, rnd) => {
    const label = pick(rowsOf(report).flatMap((r) => (r.label && r.label.text.length >= 4 ? [r.label] : [])), rnd);
    if (!label) return undefined;
    const at = label.span.start + 1 + Math.floor(rnd() * (label.span.end - label.span.start - 2));
    return rnd() < 0.5 ? splice(text, at, at + 1) : splice(text, at, at + 1, '的');
  },
};

suite('every fix and suggestion is proven', () => {
  test('on every real report as it is', () => {
    const failures = FIXTURES.flatMap(([name, text]) => {
      const all = disproveFixAll(analyze(text));
      return [...prove(name, text), ...(all ? [`${name}: fix-all ${all}`] : [])];
    });
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  });
  for (const [kind, mutation] of Object.entries(MUTATIONS)) {
    test(`on every real report with ${kind} (${PER_KIND} per report)`, () => {
      const failures: string[] = [];
      FIXTURES.forEach(([name, text], i) => {
        const original = analyze(text);
        for (let k = 0; k < PER_KIND; k++) {
          const seed = SEED + i * 1000 + k;
          const mutant = mutation(text, original.report, random(seed));
          if (mutant === undefined) continue;
          failures.push(...prove(`${name} (seed ${seed})`, mutant, original));
          const all = disproveFixAll(analyze(mutant), original.findings);
          if (all) failures.push(`${name} (seed ${seed}): fix-all ${all}`);
        }
      });
      assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
    });
  }
});
