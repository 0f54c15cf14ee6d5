// What the four arithmetic checks share: the findings of one kind of
// relation, pointing at the total, with the other cells as related places,
// and the fix: the culprit cell where one change mends everything, else the total.

import type { Localized, MessageArgs } from '../../i18n';
import { relationsOf, sameCell, type Evaluated, type RelationKind } from '../../relations';
import type { CheckContext, Fix } from '../types';
import { cellName, cellValue, setCellFix } from './names';

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
    const candidates = relations.candidatesOf(e);
    const onTotal = candidates.find((c) => c.cell === total);
    // One cell whose change mends everything: name it. Else, when only the total's relations fail, the total.
    const culprit = candidates.length === 1 ? candidates[0] : onTotal;
    if (culprit) {
      const fix = setCellFix(
        culprit.cell,
        culprit.value,
        ctx.t({ 'zh-CN': '将{cell}改为 {value}', en: 'Change {cell} to {value}' }, { cell: cellName(culprit.cell, ctx.lang), value: culprit.value }),
        true,
      );
      if (fix) fixes.push(fix);
    } else if (!relations.checked.some((x) => x.holds && [...x.relation.left, ...x.relation.right].some((c) => sameCell(c, total)))) {
      // Several cells could be wrong: offer the total, and say that the parts need checking.
      // Not where the total takes part in a relation that holds: the fix would break it.
      const current = cellValue(total) ?? 0;
      const value = current + (e.relation.right.includes(total) ? e.leftSum - e.rightSum : e.rightSum - e.leftSum);
      const fix =
        value >= 0
          ? setCellFix(
              total,
              value,
              ctx.t({ 'zh-CN': '将{cell}改为 {value}（请同时核对各项数字）', en: 'Change {cell} to {value} (check the other numbers too)' }, { cell: cellName(total, ctx.lang), value }),
              false,
            )
          : undefined;
      if (fix) fixes.push(fix);
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

export function terms(values: (number | null)[], onlyNonZero = false): string {
  const shown = onlyNonZero ? values.filter((v) => v) : values;
  return shown.length ? shown.map((v) => (v === null ? '—' : String(v))).join('+') : '0';
}
