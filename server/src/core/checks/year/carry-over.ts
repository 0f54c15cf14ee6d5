import { APPLICANT_COLUMNS } from '../../format/tables';
import { cellName } from '../tables/names';
import type { Check } from '../types';
import { cellOf } from './cells';

/** 二、上年结转 of this year is 四、结转下年度继续办理 of last year, column by column. */
export const yearCarryOver: Check = {
  meta: {
    id: 'year.carry-over',
    title: { 'zh-CN': '上年结转与上年报告不符', en: 'Carried over ≠ last year' },
    description: {
      'zh-CN': '表二“二、上年结转政府信息公开申请数量”的每一列应等于同一机关上一年度报告中“四、结转下年度继续办理”的同一列。与上年报告配对后才检查（按机关名称和年度，或命令行 --previous、.nianbao.json 的 pairs）。',
      en: "Each column of table 2's 二、上年结转政府信息公开申请数量 must equal the same column of 四、结转下年度继续办理 in the same body's report of the year before. Checked once the two reports are paired (by the body's name and the year, or by --previous or the pairs of .nianbao.json).",
    },
    defaultSeverity: 'error',
    fixable: false,
  },
  run(ctx) {
    const previous = ctx.previous;
    if (!previous) return;
    for (const column of APPLICANT_COLUMNS) {
      const now = cellOf(ctx.report, 'requests', 'carried', column.id);
      const then = cellOf(previous.report, 'requests', 'next', column.id);
      if (now?.value === undefined || then?.value === undefined || now.value === then.value) continue;
      const name = cellName(now, ctx.lang);
      ctx.emit({
        span: now.span,
        message: ctx.t(
          { 'zh-CN': '{cell}为 {now}，上年报告的「四、结转下年度继续办理」同一列为 {then}', en: '{cell} is {now}; last year\'s report carried {then} forward in this column (四、结转下年度继续办理)' },
          { cell: name, now: now.value, then: then.value },
        ),
        related: [{ span: then.span, inPrevious: true, message: ctx.t({ 'zh-CN': '上年报告：{cell}: {value}', en: 'Last year: {cell}: {value}' }, { cell: cellName(then, ctx.lang), value: then.value }) }],
      });
    }
  },
};
