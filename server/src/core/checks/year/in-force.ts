import type { Check } from '../types';
import { cellName } from '../tables/names';
import { cellOf } from './cells';

/** 规章 and 行政规范性文件: what is in force now is what was in force last year, plus this year's issued, minus this year's repealed. */
export const yearInForce: Check = {
  meta: {
    id: 'year.in-force',
    title: { 'zh-CN': '现行有效件数与上年不衔接', en: 'In force ≠ last year + issued − repealed' },
    description: {
      'zh-CN': '2021 年版格式表一中，规章和行政规范性文件的“现行有效件数”一般应等于上一年度报告的现行有效件数加本年制发件数、减本年废止件数。清理、失效或统计口径调整也会造成差异，因此为警告；请核对或在正文说明。',
      en: "In table 1 of the 2021 format, the 现行有效件数 of 规章 and 行政规范性文件 should equal last year's report's figure plus this year's issued and minus this year's repealed. Reviews, expiries or a changed count can explain a difference, hence a warning: check it, or explain it in the prose.",
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    const previous = ctx.previous;
    if (!previous || ctx.report.format.format !== '2021' || previous.report.format.format !== '2021') return;
    for (const row of ['rules', 'normative']) {
      const inForce = cellOf(ctx.report, 'proactive', row, 'inForce');
      const issued = cellOf(ctx.report, 'proactive', row, 'issued');
      const repealed = cellOf(ctx.report, 'proactive', row, 'repealed');
      const before = cellOf(previous.report, 'proactive', row, 'inForce');
      if (inForce?.value === undefined || issued?.value === undefined || repealed?.value === undefined || before?.value === undefined) continue;
      const expected = before.value + issued.value - repealed.value;
      if (inForce.value === expected) continue;
      ctx.emit({
        span: inForce.span,
        message: ctx.t(
          { 'zh-CN': '{cell}为 {now}，但上年现行有效 {before} + 本年制发 {issued} − 本年废止 {repealed} = {expected}', en: '{cell} is {now}, but last year in force {before} + issued {issued} − repealed {repealed} = {expected}' },
          { cell: cellName(inForce, ctx.lang), now: inForce.value, before: before.value, issued: issued.value, repealed: repealed.value, expected },
        ),
        related: [{ span: before.span, inPrevious: true, message: ctx.t({ 'zh-CN': '上年报告：{cell}: {value}', en: 'Last year: {cell}: {value}' }, { cell: cellName(before, ctx.lang), value: before.value }) }],
      });
    }
  },
};
