import { compactOf } from '../../parse/compacted';
import { statisticsPeriod } from '../../parse/period';
import { proseSpans } from '../../narrative/claims';
import { compactSpan, type Span } from '../../text';
import type { Check, Related } from '../types';

const REPORT_MENTION = /(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/g;

/**
 * `2023年，在主动公开的61条…`: an earlier year set before this report's own figures, a clause
 * of its own (`…年，`) followed by a count. Plans (a later year) and comparisons are not this.
 */
const EARLIER_YEAR_CLAUSE = /(?<!\d)(\d{4})年度?[，,][^。；;！？]{0,30}?\d+(?:条|件)/g;
const COMPARISON = /(比|较|与|同|自|从|至|到|截|于|和|及|、|—|-|~|以来)$/;

/** Whether `at` is inside 《…》: the last 《 before it is not yet closed. */
function insideTitleMarks(text: string, at: number): boolean {
  return text.lastIndexOf('《', at) > text.lastIndexOf('》', at - 1);
}

interface YearFact {
  value: number;
  span: Span;
}

export const reportYear: Check = {
  meta: {
    id: 'report.year',
    title: { 'zh-CN': '报告年度不一致', en: 'Report year inconsistent' },
    description: {
      'zh-CN': '标题中的年度、统计期限（如“2023年1月1日至12月31日”）和引言中提到的报告年度应当一致；正文以上一年（如“2023年，在主动公开的61条政府信息中”）作为本年数字的时间，多为沿用上年报告的文字。',
      en: "The year in the title, the statistics period (2023年1月1日至12月31日) and the report year named in the introduction must agree; prose that dates this year's figures with an earlier year (2023年，在主动公开的61条政府信息中) was usually kept from last year's report.",
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
    const report_ = (fact: YearFact, what: 'period' | 'periodEnd' | 'intro' | 'prose') => {
      const messages = {
        period: { 'zh-CN': '统计期限的年份 {year} 与{ref}年份 {refYear} 不一致', en: 'The statistics period year {year} differs from the {ref} year {refYear}' },
        periodEnd: { 'zh-CN': '统计期限跨年：始于 {refYear} 年，止于 {year} 年', en: 'The statistics period spans years: it starts in {refYear} and ends in {year}' },
        intro: { 'zh-CN': '引言所称 {year} 年度报告与{ref}年份 {refYear} 不一致', en: 'The introduction names a {year} report; the {ref} year is {refYear}' },
        prose: {
          'zh-CN': '正文以「{year}年」为这些数字的时间，但{ref}年份为 {refYear}：疑为沿用上年报告的文字',
          en: 'The text dates these figures {year}, but the {ref} year is {refYear}: text kept from an earlier report?',
        },
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
    for (const span of proseSpans(report)) {
      if (span.end <= report.intro.end) continue;
      const prose = compactOf(report, span.start, span.end);
      for (const m of prose.text.matchAll(EARLIER_YEAR_CLAUSE)) {
        const value = Number(m[1]);
        if (value >= reference.value || value < reference.value - 3 || COMPARISON.test(prose.text.slice(Math.max(0, m.index! - 4), m.index!))) continue;
        report_({ value, span: compactSpan(prose, m.index!, m.index! + 4) }, 'prose');
      }
    }
    for (const m of c.text.matchAll(REPORT_MENTION)) {
      const span = at(m.index!, 4);
      if (span.start >= report.intro.end) break;
      const value = Number(m[1]);
      // A report named inside 《…》 is a cited notice's title (《关于编制公布2021年…报告有关事项的通知》), not this report.
      if (value !== reference.value && !insideTitleMarks(c.text, m.index!)) report_({ value, span }, 'intro');
    }
  },
};
