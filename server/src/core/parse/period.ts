// The statistics period (统计期限自2023年1月1日起至2023年12月31日止): the report
// year where the title does not give it, for the format decision and the year check.

import { compactSpan, type Span } from '../text';
import { compactOf } from './compacted';
import type { Report } from './model';

const PERIOD =
  /统计(?:期限|时限|周期|期间|时间|区间|范围)[^。]{0,15}?(\d{4})年(?:1|01|一)月(?:1|01|一)日[^。\d]{0,6}?(?:至|到|—|-|~|－)(?:(\d{4})年)?12月31日/;

export interface PeriodYears {
  start: { value: number; span: Span };
  end?: { value: number; span: Span };
}

/** The period stated in the introduction (up to section 二), if any. */
export function statisticsPeriod(report: Pick<Report, 'text' | 'intro' | 'sections'>): PeriodYears | undefined {
  const searchEnd = report.sections.find((s) => s.def.number >= 2)?.heading.span.start ?? report.text.length;
  const c = compactOf(report as Report, report.intro.start, searchEnd);
  const p = PERIOD.exec(c.text);
  if (!p) return undefined;
  const at = (index: number) => compactSpan(c, index, index + 4);
  return {
    start: { value: Number(p[1]), span: at(p.index + p[0].indexOf(p[1])) },
    end: p[2] ? { value: Number(p[2]), span: at(p.index + p[0].lastIndexOf(p[2])) } : undefined,
  };
}
