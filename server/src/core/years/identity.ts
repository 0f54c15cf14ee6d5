// Who filed a report and for which year: what pairs a report with the same
// body's report of the year before. The body is read from the title (or, where
// the parser found none — a crawled page — from a title-like line near the
// top); names are compared as reviewers do: the city before a district
// dropped, 人民政府办公室 and 人民政府 as one, a masked or OCR-damaged
// character tolerated.

import { TITLE_LINE, TITLE_LINE_YEAR_FIRST } from '../detect';
import type { Report } from '../parse/model';
import { statisticsPeriod } from '../parse/period';

export interface Identity {
  /** The body as written (`平潭综合实验区自然资源与生态环境局`). */
  body?: string;
  /** The body normalised for comparison. */
  key?: string;
  year?: number;
}

/** Lines near the top where a title stands (crawled pages put metadata before it). */
const TITLE_SEARCH_LINES = 30;

export function identify(report: Report): Identity {
  let body: string | undefined;
  let year = report.title?.year?.value ?? statisticsPeriod(report)?.start.value;
  const candidates = report.title ? [report.title.text] : report.lines.slice(0, TITLE_SEARCH_LINES).map((l) => report.text.slice(l.start, l.end));
  for (const line of candidates) {
    const squeezed = line.replace(/[\s\u3000#]/g, '');
    const m = TITLE_LINE.exec(squeezed);
    const first = m ? undefined : TITLE_LINE_YEAR_FIRST.exec(squeezed);
    if (!m && !first) continue;
    body = m ? m[1] : first![2];
    year ??= Number(m ? m[2] : first![1]);
    break;
  }
  const key = body ? bodyKey(body) : undefined;
  return { ...(body ? { body } : {}), ...(key ? { key } : {}), ...(year ? { year } : {}) };
}

/** The name without what varies between years: punctuation, 人民政府 vs 政府, the office that writes for its government. */
export function bodyKey(body: string): string {
  return body
    .replace(/[\s\u3000·•（）()【】「」"“”《》、，,]/g, '')
    .replace(/(?:人民)?政府办公(?:室|厅)$|(?:人民)?政府办$/, '政府')
    .replace(/人民政府/g, '政府');
}

const MASK = /[*＊×xX]/;
/** The last characters of a name tell departments apart (财政局, 公安局): never masked in a match. */
const DISTINCTIVE_TAIL = 3;

/** The part of a key every key it matches ends with (see `bodyMatch`): what to index names by. */
export const tailOf = (key: string): string => key.slice(-DISTINCTIVE_TAIL);

/**
 * How surely two keys name one body: 3 equal; 2 one is the other with a place
 * before it (`淮安市洪泽区政府`, `洪泽区政府`); 1 as long and equal but for a few
 * masked characters (`平潭综合实验区**资源与生态环境局`), none in the name's tail;
 * 0 not. A character that differs is never taken for damage: neighbouring
 * districts differ by one (淮安区, 淮阴区).
 */
export function bodyMatch(a: string, b: string): 0 | 1 | 2 | 3 {
  if (a === b) return 3;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.endsWith(short) && /[省市区县州盟旗]$/.test(long.slice(0, long.length - short.length))) return 2;
  if (short.length !== long.length || short.length < 6) return 0;
  let masked = 0;
  for (let i = 0; i < short.length; i++) {
    if (short[i] === long[i]) continue;
    if (!(MASK.test(short[i]) || MASK.test(long[i])) || i >= short.length - DISTINCTIVE_TAIL) return 0;
    masked++;
  }
  return masked * 4 <= short.length ? 1 : 0;
}
