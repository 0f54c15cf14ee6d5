import { compactOf } from '../../parse/compacted';
import { statisticsPeriod } from '../../parse/period';
import { compactSpan, type Span } from '../../text';
import type { Check, Related } from '../types';

const REPORT_MENTION = /(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/g;

interface YearFact {
  value: number;
  span: Span;
}

export const reportYear: Check = {
  meta: {
    id: 'report.year',
    title: { 'zh-CN': '报告年度不一致', en: 'Report year inconsistent' },
    description: {
      'zh-CN': '标题中的年度、统计期限（如“2023年1月1日至12月31日”）和引言中提到的报告年度应当一致。',
      en: "The year in the title, the statistics period (2023年1月1日至12月31日) and the report year named in the introduction must agree.",
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    const { report } = ctx;
    const title = report.title?.year;
    const searchEnd = report.sections.find((s) => s.def.number >= 2)?.heading.span.start ?? report.text.length;
    const c = compactOf(report, report.intro.start, searchEnd);
    const at = (index: number, length: number) => compactSpan(c, index, index + length);

    const period = statisticsPeriod(report);
    const periodStart: YearFact | undefined = period?.start;
    const periodEnd: YearFact | undefined = period?.end;

    const reference = title ?? periodStart;
    if (!reference) return;
    const referenceNote: Related[] = [
      {
        span: reference.span,
        message: ctx.t(
          reference === title ? { 'zh-CN': '标题年度 {year}', en: 'Title year {year}' } : { 'zh-CN': '统计期限 {year}', en: 'Statistics period {year}' },
          { year: reference.value },
        ),
      },
    ];
    const report_ = (fact: YearFact, what: 'period' | 'periodEnd' | 'intro') => {
      const messages = {
        period: { 'zh-CN': '统计期限的年份 {year} 与{ref}年份 {refYear} 不一致', en: 'The statistics period year {year} differs from the {ref} year {refYear}' },
        periodEnd: { 'zh-CN': '统计期限跨年：始于 {refYear} 年，止于 {year} 年', en: 'The statistics period spans years: it starts in {refYear} and ends in {year}' },
        intro: { 'zh-CN': '引言所称 {year} 年度报告与{ref}年份 {refYear} 不一致', en: 'The introduction names a {year} report; the {ref} year is {refYear}' },
      };
      const ref = reference === title ? ctx.t({ 'zh-CN': '标题', en: 'title' }) : ctx.t({ 'zh-CN': '统计期限', en: 'statistics period' });
      ctx.emit({
        span: fact.span,
        message: ctx.t(messages[what], { year: fact.value, ref, refYear: what === 'periodEnd' ? periodStart!.value : reference.value }),
        related: referenceNote,
      });
    };

    if (periodStart && reference !== periodStart && periodStart.value !== reference.value) report_(periodStart, 'period');
    if (periodStart && periodEnd && periodEnd.value !== periodStart.value) report_(periodEnd, 'periodEnd');
    for (const m of c.text.matchAll(REPORT_MENTION)) {
      const span = at(m.index!, 4);
      if (span.start >= report.intro.end) break;
      const value = Number(m[1]);
      if (value !== reference.value) report_({ value, span }, 'intro');
    }
  },
};
