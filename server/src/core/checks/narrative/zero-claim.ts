import { sumOf } from '../../narrative/claims';
import { zeroClaimsOf } from '../../narrative/zero-claims';
import type { CellRef } from '../../relations';
import { cellName, cellsName } from '../tables/names';
import type { Check, CheckContext } from '../types';

function report(ctx: CheckContext, span: { start: number; end: number }, said: string, cells: CellRef[], value: number): void {
  ctx.emit({
    span,
    message: ctx.t(
      { 'zh-CN': '正文称{said}，但表格中{cells}为 {value}', en: 'The text says "{said}", but the table has {value} ({cells})' },
      { said, value, cells: cellsName(cells, ctx.lang) },
    ),
    related: cells.filter((c) => c.row.cells[c.column].span).map((c) => ({ span: c.row.cells[c.column].span!, message: `${cellName(c, ctx.lang)}: ${c.row.cells[c.column].value ?? 0}` })),
  });
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
    for (const claim of zeroClaimsOf(ctx.report)) {
      const value = sumOf(ctx.report, claim.cells);
      if (value) report(ctx, claim.span, claim.said, claim.named, value);
    }
  },
};
