import { narrativeSpans, sumOf } from '../../narrative/claims';
import { QUANTITIES } from '../../narrative/quantities';
import type { Report } from '../../parse/model';
import type { CellRef } from '../../relations';
import { compactOf } from '../../parse/compacted';
import { compactSpan } from '../../text';
import { cellName, cellsName } from '../tables/names';
import type { Check, CheckContext } from '../types';

/** `未发生…复议、诉讼`, `未收到…申请`, `无行政复议`: a claim that none happened, to the end of its clause. */
const NONE = /(未发生|未出现|未收到|未接到|未产生|未有|没有|无(?!法))([^。；;！？，,]{0,40})/g;
/** `均获维持`, `均被维持`: a claim that every case was upheld. */
const ALL_UPHELD = /(复议|诉讼)[^。；;！？]{0,30}?均(获|被|予)?维持/g;
/** `均已审结`, `已全部审结`: a claim that no case is pending. */
const ALL_CLOSED = /(复议|诉讼)[^。；;！？]{0,30}?(均已|已全部|全部|均)(审结|结案)/g;
/** None were corrected or lost: a claim about corrections, not about the number of cases. */
const CORRECTION = /纠错|纠正|败诉|撤销|确认违法/;

const quantity = (id: string) => QUANTITIES.find((q) => q.id === id)!;

function report(ctx: CheckContext, span: { start: number; end: number }, said: string, cells: CellRef[], value: number): void {
  ctx.emit({
    span,
    message: ctx.t(
      { 'zh-CN': '正文称{said}，但表格中{cells}为 {value}', en: 'The text says {said}, but the table has {value} ({cells})' },
      { said, value, cells: cellsName(cells, ctx.lang) },
    ),
    related: cells.filter((c) => c.row.cells[c.column].span).map((c) => ({ span: c.row.cells[c.column].span!, message: `${cellName(c, ctx.lang)}: ${c.row.cells[c.column].value ?? 0}` })),
  });
}

function checkNone(ctx: CheckContext, r: Report, text: string, at: (i: number, n: number) => { start: number; end: number }): void {
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
    for (const cells of targets) {
      const value = cells.length ? sumOf(r, cells) : undefined;
      if (value) report(ctx, span, said, cells, value);
    }
  }
  // 均获维持: nothing corrected, other or pending; 均已审结: nothing pending — for the cases the claim names.
  for (const [pattern, parts] of [
    [ALL_UPHELD, ['corrected', 'other', 'pending']],
    [ALL_CLOSED, ['pending']],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const topics = (['review', 'litigation'] as const).filter((t) => m[0].includes(t === 'review' ? '复议' : '诉讼'));
      const cells = topics.flatMap((topic) => parts.flatMap((part) => quantity(`cases.${part}`).cells(r, topic) ?? []));
      const value = cells.length ? sumOf(r, cells) : undefined;
      if (value) report(ctx, at(m.index!, m[0].length), m[0], cells.filter((c) => c.row.cells[c.column].value), value);
    }
  }
}

export const narrativeZeroClaim: Check = {
  meta: {
    id: 'narrative.zero-claim',
    title: { 'zh-CN': '正文称“没有”与表格不符', en: 'Prose says none, the table says otherwise' },
    description: {
      'zh-CN': '正文称没有发生（如“未发生因政府信息公开引起的行政复议、行政诉讼”“未收到政府信息公开申请”），表格中相应总计却不为零；或正文称“均获维持”，表格中却有纠正、其他结果或尚未审结；称“均已审结”，表格中却有尚未审结。称“未被纠错”“无败诉”的，与表中的纠正结果比较。',
      en: 'The prose says none happened (未发生…行政复议、行政诉讼, 未收到…申请) while the table shows a total above zero; or says all were upheld (均获维持) while the table has corrected, other or pending cases; or all were closed (均已审结) while some are pending. A claim that none were corrected (未被纠错, 无败诉) is compared with the corrected results.',
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    for (const span of narrativeSpans(ctx.report)) {
      const c = compactOf(ctx.report, span.start, span.end);
      checkNone(ctx, ctx.report, c.text, (i, n) => compactSpan(c, i, i + n));
    }
  },
};
