// Lists in the prose: a whole and the parts that follow it (`共 N 件，其中 A 件、B 件`,
// `在主动公开的90条政府信息中，…1条；…10条`). Read once per report; checked by
// narrative.parts-exceed-whole, and consulted before a suggestion changes one of their figures.

import type { Report } from '../parse/model';
import { compactOf } from '../parse/compacted';
import { compactSpan, parseChineseNumber, type Span } from '../text';
import { proseSpans } from './claims';

export interface ListPart {
  span: Span;
  value: number;
  written: string;
}

export interface ProseList {
  /** The whole's number. */
  whole: Span;
  total: number;
  unit: string;
  parts: ListPart[];
}

const UNITS = '件|条|篇|个|次|项|人|期|场';
const NUMBER = '(\\d+|[零〇一二两三四五六七八九十百千万]+)';
/** `共 N 条…，其中 A 条…、B 篇…`, within one sentence or into the next one that starts with 其中. */
const WHOLE = new RegExp(`共(?:计|有)?[^。；;！？\\d]{0,20}?${NUMBER}(${UNITS})`, 'g');
/** `在主动公开的90条政府信息中，…1条；…10条`: a whole whose parts follow at once. */
const WHOLE_IN = new RegExp(`在[^。；;！？，,\\d]{0,12}?${NUMBER}(${UNITS})[^。；;！？，,\\d]{0,10}?中[，,：:]?`, 'g');
const PART = new RegExp(`${NUMBER}(?:余|多)?(${UNITS})`, 'g');
/** A list goes on after `；` only with items: a name and one figure at its end, no verb that starts another whole. */
const ITEM = new RegExp(`^[^\\d${'，,'}]*?(?:共|计)?${NUMBER}(?:余|多)?(${UNITS})等?$`);
const NEW_WHOLE = /收到|受理|办结|答复|办理|接收|发布|累计/;

const numberOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseNumber(s));

/** The list's end: its sentence's first `；` or end, and on through `；` while what follows are items. */
function listEndFrom(text: string, start: number): number {
  const window = text.slice(start, start + 500);
  const sentenceEnd = /[。！？]/.exec(window)?.index ?? window.length;
  let end = /[；;]/.exec(window)?.index ?? sentenceEnd;
  if (end >= sentenceEnd) return start + sentenceEnd;
  while (end < sentenceEnd) {
    const next = window.slice(end + 1).search(/[；;。！？]/);
    const segmentEnd = next < 0 ? window.length : end + 1 + next;
    const segment = window.slice(end + 1, Math.min(segmentEnd, sentenceEnd));
    if (!ITEM.test(segment) || NEW_WHOLE.test(segment)) break;
    end = Math.min(segmentEnd, sentenceEnd);
  }
  return start + end;
}

const cache = new WeakMap<Report, ProseList[]>();

export function proseListsOf(report: Report): ProseList[] {
  let lists = cache.get(report);
  if (!lists) cache.set(report, (lists = readLists(report)));
  return lists;
}

function readLists(report: Report): ProseList[] {
  const out: ProseList[] = [];
  for (const span of proseSpans(report)) {
    const c = compactOf(report, span.start, span.end);
    const wholes = [
      ...[...c.text.matchAll(WHOLE)].map((m) => ({ m, listed: false })),
      ...[...c.text.matchAll(WHOLE_IN)].map((m) => ({ m, listed: true })),
    ];
    for (const { m: whole, listed } of wholes) {
      const total = numberOf(whole[1]);
      const unit = whole[2];
      if (total === undefined) continue;
      const afterWhole = whole.index! + whole[0].length;
      let listStart = afterWhole;
      if (!listed) {
        // The list: 其中 right after the whole (same sentence, or the next one), to the end of that sentence.
        const rest = c.text.slice(afterWhole, afterWhole + 40);
        const lead = /^[^。；;！？]{0,12}?[。；;]?\s*其中[,，:：]?/.exec(rest);
        if (!lead) continue;
        listStart = afterWhole + lead[0].length;
      }
      const listEnd = listEndFrom(c.text, listStart);
      const list = c.text.slice(listStart, listEnd);
      // A 其中 inside the list starts a list of its own whole (`…共61条，其中…`), read as such.
      if (listed && /其中/.test(list)) continue;
      const found = [...list.matchAll(PART)];
      const parts = found.filter(
        (p, i) =>
          p[2] === unit &&
          // A share given with a part says what it is a part of: of another part (`行政许可57项，…的有45项，占比78.9%`), not of the whole.
          !shareOfAnother(
            list.slice(p.index! + p[0].length, found[i + 1]?.index ?? list.length),
            numberOf(p[1]) ?? 0,
            total,
            found.filter((o) => o !== p && o[2] === unit).map((o) => numberOf(o[1]) ?? 0),
          ) &&
          // A part's own breakdown in brackets (`预决算197条（政府32条、部门165条）`) is no part of the whole.
          bracketDepth(list, p.index!) === 0 &&
          !/^\d/.test(c.text[listStart + p.index! - 1] ?? '') &&
          // The whole said again (`…信息数共90条`) is no part of it.
          !(listed && numberOf(p[1]) === total && /[共计]$/.test(list.slice(0, p.index!))),
      );
      if (!parts.length) continue;
      const numberAt = whole.index! + whole[0].lastIndexOf(whole[1] + whole[2]);
      out.push({
        whole: compactSpan(c, numberAt, numberAt + whole[1].length),
        total,
        unit,
        parts: parts.map((p) => ({
          span: compactSpan(c, listStart + p.index!, listStart + p.index! + p[1].length),
          value: numberOf(p[1]) ?? 0,
          written: `${p[1]}${p[2]}`,
        })),
      });
    }
  }
  return out;
}

/** `占比78.9%` after a part, when the share is its share of another part of the list, not of the whole (rounded as written). */
function shareOfAnother(after: string, value: number, total: number, others: readonly number[]): boolean {
  const m = SHARE.exec(after);
  if (!m || total <= 0) return false;
  const written = m[1];
  const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
  const shareOf = (base: number) => base > 0 && Math.abs(Number(written) - (value / base) * 100) <= 0.5 * 10 ** -decimals + 1e-9;
  return !shareOf(total) && others.some(shareOf);
}

const SHARE = /^[^，,；;。\d]{0,6}?[，,]?\s*(?:占比|占|比例为?|比重为?)\s*(\d+(?:\.\d+)?)\s*[%％]/;

/** How many brackets are open at `at`, counted from the list's start (one closed before it was opened there is none). */
function bracketDepth(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth;
}

export function partsSum(list: ProseList): number {
  return list.parts.reduce((a, p) => a + p.value, 0);
}

/**
 * Whether writing `value` at `span` (a figure of the prose) would make a list's
 * parts exceed its whole where they did not: a suggestion must not.
 */
export function breaksList(report: Report, span: Span, value: number): boolean {
  const same = (s: Span) => s.start === span.start && s.end === span.end;
  return proseListsOf(report).some((list) => {
    const sum = partsSum(list);
    if (sum > list.total) return false;
    if (same(list.whole)) return sum > value;
    const part = list.parts.find((p) => same(p.span));
    return !!part && sum - part.value + value > list.total;
  });
}
