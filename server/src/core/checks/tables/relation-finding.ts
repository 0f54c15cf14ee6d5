// What the four arithmetic checks share: the findings of one kind of
// relation, pointing at the total, with the other cells as related places,
// and the suggestions: the total set to the sum of its parts, and a culprit
// part whose change alone mends every failure it is in — each only where it breaks nothing.

import type { Localized, MessageArgs } from '../../i18n';
import { MAX_CELL_VALUE } from '../../format/tables';
import { claimsOf, sumOf } from '../../narrative/claims';
import { zeroClaimsOf } from '../../narrative/zero-claims';
import type { Report } from '../../parse/model';
import { effectOf, relationsOf, sameCell, valueOf, withCell, type CellRef, type Evaluated, type RelationKind } from '../../relations';
import type { CheckContext, Fix } from '../types';
import { cellName, cellValue, setCellFix } from './names';

/** The relations as a suggestion's title names what it mends. */
const SHORT_NAMES: Record<RelationKind, Localized> = {
  'row-total': { 'zh-CN': '行总计', en: 'the row total' },
  'results-total': { 'zh-CN': '（七）总计', en: 'the results total' },
  balance: { 'zh-CN': '勾稽关系', en: 'the balance' },
  'review-total': { 'zh-CN': '复议、诉讼总计', en: 'the review and litigation total' },
};

export function reportRelations(
  ctx: CheckContext,
  kind: RelationKind,
  message: (e: Evaluated) => { text: Localized; args: MessageArgs },
): void {
  const relations = relationsOf(ctx.report);
  for (const e of relations.failing) {
    if (e.relation.kind !== kind) continue;
    const { total } = e.relation;
    const cells = [...e.relation.left, ...e.relation.right].filter((c) => c !== total);
    const fixes: Fix[] = [];
    // A change to one cell is offered only where, simulated, it mends this relation and breaks nothing:
    // no relation of the table, no figure of the prose that agrees with the table today.
    const offer = (cell: CellRef, value: number, title: (mends: string) => string) => {
      if (!Number.isInteger(value) || value < 0 || value >= MAX_CELL_VALUE) return;
      const effect = effectOf(cell, value);
      if (effect.breaks || !effect.mends.some((r) => r.kind === kind && sameCell(r.total, total))) return;
      if (contradictsProse(ctx.report, cell, value)) return;
      const mends = [...new Set(effect.mends.map((r) => ctx.t(SHORT_NAMES[r.kind])))].join(ctx.lang === 'zh-CN' ? '、' : ', ');
      const fix = setCellFix(cell, value, title(mends), false);
      if (fix && !fixes.some((f) => f.edits[0].span.start === fix.edits[0].span.start)) fixes.push(fix);
    };
    // First the total, set to the sum of its parts; then a part whose change alone mends every failure it is in.
    const current = cellValue(total) ?? 0;
    const sum = current + (e.relation.right.includes(total) ? e.leftSum - e.rightSum : e.rightSum - e.leftSum);
    offer(total, sum, (mends) =>
      ctx.t({ 'zh-CN': '将{cell}改为各项之和 {value}（使{mends}成立）', en: 'Set {cell} to the sum of its parts, {value} (makes {mends} hold)' }, { cell: cellName(total, ctx.lang), value: sum, mends }),
    );
    // A blank total is the one to write; its parts are no culprits.
    for (const culprit of cellValue(total) === null ? [] : relations.candidatesOf(e)) {
      if (sameCell(culprit.cell, total)) continue;
      offer(culprit.cell, culprit.value, (mends) =>
        ctx.t({ 'zh-CN': '将{cell}改为 {value}（使{mends}成立）', en: 'Change {cell} to {value} (makes {mends} hold)' }, { cell: cellName(culprit.cell, ctx.lang), value: culprit.value, mends }),
      );
    }
    const m = message(e);
    const anchor = total.row.cells[total.column].span ?? total.row.span;
    ctx.emit({
      span: anchor,
      message: ctx.t(m.text, m.args),
      related: cells
        .filter((c) => c.row.cells[c.column].span)
        .map((c) => ({ span: c.row.cells[c.column].span!, message: `${cellName(c, ctx.lang)}: ${cellValue(c) ?? '—'}` })),
      fixes,
    });
  }
}

/**
 * Whether a figure of the prose about this body, that the table confirms or
 * cannot judge today, would disagree with the table once `value` is in `cell`
 * (a blank elsewhere in its row may then count as 0).
 */
function contradictsProse(report: Report, cell: CellRef, value: number): boolean {
  const row = cell.row;
  const sum = (cells: CellRef[]) => cells.reduce<number | undefined>((a, x) => (a === undefined || valueOf(x) === undefined ? undefined : a + valueOf(x)!), 0);
  const linked = claimsOf(report).filter((c) => c.scope === 'self' && !c.figure.approximate && c.cells.some((x) => x.row === row));
  // A claim that none happened (`未发生…复议`), not reported today (true of the table, or its cells not judged).
  const zeros = zeroClaimsOf(report).filter((z) => z.cells.some((x) => x.row === row) && !sumOf(report, z.cells));
  return withCell(cell, value, () => {
    for (const claim of linked) {
      const now = sum(claim.cells);
      if (now !== undefined && now !== claim.figure.value && (claim.agrees || claim.expected === undefined)) return true;
    }
    return zeros.some((z) => !!sum(z.cells));
  });
}

export function terms(values: (number | null)[], onlyNonZero = false): string {
  const shown = onlyNonZero ? values.filter((v) => v) : values;
  return shown.length ? shown.map((v) => (v === null ? '—' : String(v))).join('+') : '0';
}
