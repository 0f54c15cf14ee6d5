// Claims of the prose that something is zero: `未发生…行政复议、行政诉讼`,
// `未收到…申请`, `均获维持`, `均已审结`, `无败诉`. Read once per report; checked
// by narrative.zero-claim, and consulted before a suggestion changes a cell they are about.

import type { Report } from '../parse/model';
import type { CellRef } from '../relations';
import { compactOf } from '../parse/compacted';
import { compactSpan, type Span } from '../text';
import { narrativeSpans } from './claims';
import { QUANTITIES } from './quantities';

export interface ZeroClaim {
  span: Span;
  /** The words of the claim. */
  said: string;
  /** Cells whose sum the claim says is zero. */
  cells: CellRef[];
  /** The cells a finding names: all of them, or those of `均…` claims that hold a number. */
  named: CellRef[];
}

/** `未发生…复议、诉讼`, `未收到…申请`, `无行政复议`: a claim that none happened, to the end of its clause. */
const NONE = /(未发生|未出现|未收到|未接到|未产生|未有|没有|无(?!法))([^。；;！？，,]{0,40})/g;
/** `均获维持`, `均被维持`: a claim that every case was upheld. */
const ALL_UPHELD = /(复议|诉讼)[^。；;！？]{0,30}?均(获|被|予)?维持/g;
/** `均已审结`, `已全部审结`: a claim that no case is pending. */
const ALL_CLOSED = /(复议|诉讼)[^。；;！？]{0,30}?(均已|已全部|全部|均)(审结|结案)/g;
/** None were corrected or lost: a claim about corrections, not about the number of cases. */
const CORRECTION = /纠错|纠正|败诉|撤销|确认违法/;

const quantity = (id: string) => QUANTITIES.find((q) => q.id === id)!;

function readIn(r: Report, text: string, at: (i: number, n: number) => Span, out: ZeroClaim[]): void {
  for (const m of text.matchAll(NONE)) {
    const span = at(m.index!, m[0].length);
    const said = m[0];
    const clause = m[2];
    // Cases when 复议 or 诉讼 are named (依申请 is then only their cause); else requests received.
    const corrections = CORRECTION.test(clause);
    const targets: CellRef[][] = [];
    // `行政复议1件，无败诉案件`: a claim about corrections names its cases before it, in the same sentence.
    const about = corrections && !/复议|诉讼/.test(clause) ? text.slice(Math.max(0, text.lastIndexOf('。', m.index!) + 1, m.index! - 60), m.index!) : clause;
    if (/复议/.test(about)) targets.push((corrections ? quantity('cases.corrected').cells(r, 'review') : quantity('review.total').cells(r, undefined)) ?? []);
    if (/诉讼/.test(about)) targets.push((corrections ? quantity('cases.corrected').cells(r, 'litigation') : quantity('litigation.total').cells(r, undefined)) ?? []);
    if (!targets.length && /申请/.test(clause) && /收到|接到|受理/.test(m[1] + clause)) targets.push(quantity('requests.new').cells(r, 'requests') ?? []);
    for (const cells of targets) if (cells.length) out.push({ span, said, cells, named: cells });
  }
  // 均获维持: nothing corrected, other or pending; 均已审结: nothing pending — for the cases the claim names.
  for (const [pattern, parts] of [
    [ALL_UPHELD, ['corrected', 'other', 'pending']],
    [ALL_CLOSED, ['pending']],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const topics = (['review', 'litigation'] as const).filter((t) => m[0].includes(t === 'review' ? '复议' : '诉讼'));
      const cells = topics.flatMap((topic) => parts.flatMap((part) => quantity(`cases.${part}`).cells(r, topic) ?? []));
      if (cells.length) out.push({ span: at(m.index!, m[0].length), said: m[0], cells, named: cells.filter((c) => c.row.cells[c.column].value) });
    }
  }
}

const cache = new WeakMap<Report, ZeroClaim[]>();

export function zeroClaimsOf(report: Report): ZeroClaim[] {
  let claims = cache.get(report);
  if (!claims) {
    claims = [];
    for (const span of narrativeSpans(report)) {
      const c = compactOf(report, span.start, span.end);
      readIn(report, c.text, (i, n) => compactSpan(c, i, i + n), claims);
    }
    cache.set(report, claims);
  }
  return claims;
}
