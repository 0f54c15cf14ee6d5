import { proseSpans } from '../../narrative/claims';
import type { Report, SectionNode } from '../../parse/model';
import type { Span } from '../../text';
import { identify } from '../../years/identity';
import type { Check } from '../types';
import { sectionArgs } from '../util';

/** The prose sections a body writes anew each year: 一 (its work) and 五 (its problems and plans). 六 is often fixed wording. */
const PROSE_SECTIONS = new Set([1, 5]);
/** Dice similarity of character pairs, digits and years aside, at or above which a section reads as last year's. */
const COPIED = 0.9;
/** Sections shorter than this (characters, digits aside) say too little to be told apart. */
const MIN_LETTERS = 60;
/** A sentence this short (`2023年，我局…`) can repeat by chance. */
const MIN_SENTENCE = 15;

/** The words of a text without digits, punctuation or spaces: what stays when a section is copied and its figures updated. */
const letters = (text: string) => text.replace(/[^\u3400-\u9fffA-Za-z]/g, '');

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice's coefficient of the two texts' character pairs: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const [pair, n] of x) shared += Math.min(n, y.get(pair) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total ? (2 * shared) / total : 0;
}

const sectionText = (report: Report, section: SectionNode) => report.text.slice(section.body.start, section.body.end);

/** Sentences with their spans: up to 。！？； or a line break. */
function sentences(text: string, span: Span): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？；;!?\n]+/g;
  const piece = text.slice(span.start, span.end);
  for (let m = re.exec(piece); m; m = re.exec(piece)) out.push({ text: m[0], start: span.start + m.index });
  return out;
}

const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');

export const yearCopiedText: Check = {
  meta: {
    id: 'year.copied-text',
    title: { 'zh-CN': '照搬上年报告的文字', en: "Text copied from last year's report" },
    description: {
      'zh-CN': '与同一机关上一年度的报告相比：第一部分或第五部分（存在的主要问题及改进情况）的文字几乎相同（不计数字和年份，按字的相邻组合比较，相似度 90% 以上）；或者正文中有一句与上年报告完全相同、仍写着上一年的年份（如 2024 年报告中的“2023年，我局……”），多为沿用上年文字未改。',
      en: "Compared with the same body's report of the year before: section 一 or 五 (problems and improvements) reads nearly the same (digits and years aside, by pairs of adjacent characters, 90% or more alike); or a sentence of the prose is word for word one of last year's and still names last year (2023年，我局… in the 2024 report): text kept from last year without updating it.",
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    const previous = ctx.previous;
    if (!previous) return;
    const copied: Span[] = [];
    for (const section of ctx.report.sections) {
      if (!PROSE_SECTIONS.has(section.def.number)) continue;
      const before = previous.report.sections.find((s) => s.def.number === section.def.number);
      if (!before) continue;
      const now = letters(sectionText(ctx.report, section));
      const then = letters(sectionText(previous.report, before));
      if (now.length < MIN_LETTERS || then.length < MIN_LETTERS) continue;
      const alike = similarity(now, then);
      if (alike < COPIED) continue;
      copied.push(section.span);
      ctx.emit({
        span: section.heading.span,
        message: ctx.t(
          {
            'zh-CN': '第{n}部分「{official}」与上年报告的同一部分几乎相同（相似度 {percent}%，不计数字和年份）：可能照搬了上年的文字',
            en: 'Section {number} "{official}" reads nearly the same as in last year\'s report ({percent}% alike, digits and years aside): probably kept from last year',
          },
          { ...sectionArgs(section.def, ctx.lang), percent: Math.floor(alike * 100) },
        ),
        related: [{ span: before.heading.span, inPrevious: true, message: ctx.t({ 'zh-CN': '上年报告的同一部分', en: "The same section of last year's report" }) }],
      });
    }

    // A sentence that is word for word last year's and still names last year.
    const year = identify(ctx.report).year;
    const lastYear = identify(previous.report).year;
    if (!year || lastYear !== year - 1) return;
    const theirs = new Set(sentences(previous.report.text, { start: 0, end: previous.report.text.length }).map((s) => squeeze(s.text)));
    const mention = new RegExp(`(?<![0-9０-９])${lastYear}\\s*年`);
    for (const span of proseSpans(ctx.report)) {
      for (const sentence of sentences(ctx.report.text, span)) {
        const m = mention.exec(sentence.text);
        const key = squeeze(sentence.text);
        if (!m || key.length < MIN_SENTENCE || !theirs.has(key)) continue;
        const start = sentence.start + m.index;
        if (copied.some((c) => start >= c.start && start < c.end)) continue;
        ctx.emit({
          span: { start, end: start + m[0].length },
          message: ctx.t(
            { 'zh-CN': '「{mention}」：这句话与上年报告中的一句完全相同，年份仍是上一年，可能沿用了上年的文字', en: '"{mention}": this sentence is word for word one of last year\'s report and still names last year: probably kept from last year' },
            { mention: m[0] },
          ),
        });
      }
    }
  },
};
