import type { Localized } from '../../i18n';
import type { Check } from '../types';
import { cellName } from '../tables/names';
import { cellOf } from './cells';
import type { TableId } from '../../format/tables';

/** A change this many times up or down is far beyond what a body's figures usually do from one year to the next. */
const FACTOR = 10;
/** Small counts swing freely (2 → 25): only a change reaching this many is worth a look. */
const FLOOR = 30;

const FIGURES: { table: TableId; row: string; column: string; name: Localized }[] = [
  { table: 'requests', row: 'new', column: 'total', name: { 'zh-CN': '本年新收申请', en: 'new applications' } },
  { table: 'review', row: 'cases', column: 'review.total', name: { 'zh-CN': '行政复议', en: 'administrative reviews' } },
  { table: 'review', row: 'cases', column: 'direct.total', name: { 'zh-CN': '未经复议直接起诉', en: 'lawsuits without review' } },
];

export const yearJump: Check = {
  meta: {
    id: 'year.jump',
    title: { 'zh-CN': '数字与上年相比变化异常', en: 'Unusual change from last year' },
    description: {
      'zh-CN': '本年新收申请、行政复议、直接起诉的数量与上年报告相比增减十倍以上（且至少 30 件）：可能是录入错误（多打或少打一位），也可能确有原因；仅作提示，便于审核时留意。',
      en: 'New applications, administrative reviews or lawsuits changed tenfold or more from last year\'s report (reaching at least 30): a digit typed twice or dropped, or a real change; said for information, for the reviewer to look at.',
    },
    defaultSeverity: 'information',
    fixable: false,
  },
  run(ctx) {
    const previous = ctx.previous;
    if (!previous) return;
    for (const figure of FIGURES) {
      const now = cellOf(ctx.report, figure.table, figure.row, figure.column);
      const then = cellOf(previous.report, figure.table, figure.row, figure.column);
      if (now?.value === undefined || then?.value === undefined) continue;
      const [low, high] = now.value < then.value ? [now.value, then.value] : [then.value, now.value];
      if (high < FLOOR || high < FACTOR * Math.max(low, 1)) continue;
      const what = ctx.t(figure.name);
      ctx.emit({
        span: now.span,
        message: ctx.t({ 'zh-CN': '{what}从上年的 {then} 件变为 {now} 件，变化超过十倍：请核对', en: '{what} went from {then} last year to {now}: more than tenfold; check it' }, { what, then: then.value, now: now.value }),
        related: [{ span: then.span, inPrevious: true, message: ctx.t({ 'zh-CN': '上年报告：{cell}: {value}', en: 'Last year: {cell}: {value}' }, { cell: cellName(then, ctx.lang), value: then.value }) }],
      });
    }
  },
};
