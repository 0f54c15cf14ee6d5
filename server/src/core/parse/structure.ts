// Finds the report's skeleton: title, introduction, the six sections (by
// their known wording, not by layout), subsections and an appendix.

import { SECTIONS, type SectionDef } from '../format/sections';
import { levelOneRowLabels } from '../format/tables';
import {
  compact,
  editDistance,
  fold,
  isBlank,
  keyed,
  labelKey,
  lineIndexAt,
  linesIn,
  maskedMatch,
  parseChineseNumber,
  sliceUnits,
  trimSpan,
  whitespaceAt,
  type Line,
  type Span,
} from '../text';
import type { Heading, MatchQuality, ReportTitle, SectionNode, Subsection } from './model';

const SECTION_KEYS = SECTIONS.map((s) => ({
  def: s,
  key: labelKey(s.official),
  // The same variants, matched at the start of a line that goes on with body text.
  prefixes: s.variants.map((v) => new RegExp(v.source.replace(/\$$/, ''))),
}));
const ROW_KEYS = levelOneRowLabels().map((l) => labelKey(l.replace(/^[一二三四五六七八九十]+、/, '')));

const LEVEL1 = /^([一二三四五六七八九十]{1,3})[ \t\u3000]*[、.．]/;
const LEVEL2 = /^[(（][ \t\u3000]*([一二三四五六七八九十]{1,3})[ \t\u3000]*[)）]/;
/**
 * Sentence ends (or a table's last number) after which a crawled page may go
 * on with a heading on the same line: `…联系。一、总体情况2021年,我区…`.
 */
const MID_LINE_LEVEL1 = /[。！？；：.!?;:」”』)）|\d][ \t\u3000]*([一二三四五六七八])[ \t\u3000]*、/g;
/**
 * Any numeral inside a line: a crawled page also glues a heading to a table's
 * last word (`…政府集中采购2832995元三、收到和处理…`). Only the official title
 * or an accepted variant, written out, makes it a heading there.
 */
const GLUED_LEVEL1 = /(?<![一二三四五六七八九十第])([一二三四五六七八])[ \t\u3000]*、/g;
/**
 * A numeral whose 、 was lost (`…联系。一总体情况2020年…`), at a line's start or after a sentence's end:
 * a heading only with its section's official title written out right after it.
 */
const BARE_LEVEL1 = /(?:^|[。！？；：」”』)）|\d])[ \t\u3000]*([一二三四五六])(?![ \t\u3000]*[、.．])/g;
/** How far a mid-line heading's title can reach: the longest section title, with room for spaces and variants. */
const MID_LINE_REACH = 60;
/** A title followed by these is an item of a list in prose (`分为：一、总体情况；二、…`), not a heading. */
const LIST_CONTINUATION = /^[ \t\u3000]*[，,、；;]/;

/**
 * Where a line's own text starts, after indentation and a Markdown heading's
 * marker (up to six `#` and the spaces after them). Read in place: it runs on every line.
 */
export function lineContentStart(text: string, line: Line): number {
  let at = line.start;
  while (at < line.end && whitespaceAt(text, at)) at++;
  let hashes = 0;
  while (hashes < 6 && at + hashes < line.end && text.charCodeAt(at + hashes) === 0x23 /* # */) hashes++;
  if (hashes === 0) return at;
  at += hashes;
  while (at < line.end && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at++;
  return at;
}

/** What a numbered heading starts with (its numeral, or the bracket before it): other text is no heading. */
const HEADING_FIRST = new Set([...'一二三四五六七八九十(（'].map((c) => c.charCodeAt(0)));

function numberedAt(text: string, at: number, end: number, pattern: RegExp): Heading | undefined {
  if (!HEADING_FIRST.has(text.charCodeAt(at))) return undefined;
  const m = pattern.exec(text.slice(at, Math.min(end, at + 12)));
  if (!m) return undefined;
  const value = parseChineseNumber(m[1]);
  if (value === undefined) return undefined;
  const numeralStart = at + m[0].indexOf(m[1]);
  const titleStart = trimSpan(text, at + m[0].length, end).start;
  const title = trimSpan(text, titleStart, end);
  return {
    span: { start: at, end: title.end },
    numeral: { span: { start: numeralStart, end: numeralStart + m[1].length }, value, text: m[1] },
    title: { span: title, text: text.slice(title.start, title.end) },
  };
}

interface SectionMatch {
  def: SectionDef;
  quality: MatchQuality;
  /** Offset where the matched title ends (a crawled line may go on with body text). */
  titleEnd: number;
  distance: number;
}

/**
 * Characters of a title worth reading: more than any section title, variant or
 * misspelling has. A longer line that starts with 一、 is a paragraph, whose
 * start alone can name a section.
 */
const TITLE_KEY_LIMIT = 64;

const QUALITY_RANK: Record<MatchQuality, number> = { exact: 0, variant: 1, masked: 2, fuzzy: 3, fragment: 4 };

/**
 * Which section a level-1 heading's title names. `numeral` breaks ties and is
 * required to agree for the weaker kinds of match (masked, fuzzy).
 * `mode` says how much of the title must be written out (see `TitleMode`).
 */
/**
 * How a title is matched: `whole` (a heading line), `prefix` (a title that goes on
 * with body text: exact or variant only), `fuzzyPrefix` (the same, or within an
 * edit distance when the numeral agrees).
 */
type TitleMode = 'whole' | 'prefix' | 'fuzzyPrefix';

/**
 * The length of the first variant that `key` starts with, when it is long enough to name a section:
 * 4 characters, or 2 under its own numeral (`一、概述` followed by body text).
 */
function prefixLength(prefixes: readonly RegExp[], key: string, minimum: number): number {
  for (const p of prefixes) {
    const m = p.exec(key);
    if (m && m[0].length >= minimum) return m[0].length;
  }
  return 0;
}

function matchSection(text: string, title: Span, numeral: number, mode: TitleMode): SectionMatch | undefined {
  const { key, offsets } = keyed(text, title.start, title.end, false, TITLE_KEY_LIMIT + 1);
  const prefixOnly = mode !== 'whole' || key.length > TITLE_KEY_LIMIT;
  if (!key) return undefined;
  if (ROW_KEYS.some((r) => key.startsWith(r))) return undefined;
  const found: SectionMatch[] = [];
  const endOf = (n: number) => (n >= offsets.length ? title.end : offsets[n - 1] + 1);
  for (const { def, key: official, prefixes } of SECTION_KEYS) {
    if (!prefixOnly && key === official) {
      found.push({ def, quality: 'exact', titleEnd: title.end, distance: 0 });
      continue;
    }
    if (!prefixOnly && def.variants.some((v) => v.test(key))) {
      found.push({ def, quality: 'variant', titleEnd: title.end, distance: 0 });
      continue;
    }
    if (key.startsWith(official)) {
      found.push({ def, quality: 'exact', titleEnd: endOf(official.length), distance: 0 });
      continue;
    }
    let prefix = prefixLength(prefixes, key, numeral === def.number ? 2 : 4);
    // A short title that goes on as a longer word (`概述性文件`) is no title.
    if (prefix && prefix < 4 && /\p{Script=Han}/u.test(key[prefix] ?? '')) prefix = 0;
    if (prefix) {
      found.push({ def, quality: 'variant', titleEnd: endOf(prefix), distance: 0 });
      continue;
    }
    if (numeral !== def.number) continue;
    if (prefixOnly) {
      if (mode === 'fuzzyPrefix') {
        const fuzzy = fuzzyPrefix(key, official);
        if (fuzzy) found.push({ def, quality: 'fuzzy', titleEnd: endOf(fuzzy.length), distance: fuzzy.distance });
      }
      continue;
    }
    if (/[*＊×✱]/.test(key) && maskedMatch(key, official)) {
      found.push({ def, quality: 'masked', titleEnd: title.end, distance: 0 });
      continue;
    }
    const budget = Math.max(1, Math.floor(official.length / 5));
    if (key.length <= official.length + budget) {
      const distance = editDistance(key, official, budget);
      if (distance <= budget) found.push({ def, quality: 'fuzzy', titleEnd: title.end, distance });
    }
  }
  found.sort(
    (a, b) =>
      QUALITY_RANK[a.quality] - QUALITY_RANK[b.quality] ||
      Number(b.def.number === numeral) - Number(a.def.number === numeral) ||
      a.distance - b.distance,
  );
  return found[0];
}

/** The start of `key` closest to `official` within its edit budget (a misspelt title followed by body text). */
function fuzzyPrefix(key: string, official: string): { length: number; distance: number } | undefined {
  const budget = Math.max(1, Math.floor(official.length / 5));
  let best: { length: number; distance: number } | undefined;
  for (let length = official.length - budget; length <= Math.min(key.length, official.length + budget); length++) {
    const distance = editDistance(key.slice(0, length), official, budget);
    if (distance <= budget && (!best || distance < best.distance)) best = { length, distance };
  }
  return best;
}

interface SectionHeadingCandidate {
  heading: Heading;
  match: SectionMatch;
}

/** Where the next `、`, `.` or `．` at or after `from` is (-1: none): a level-one heading's numeral is followed by one. */
const BARE_NUMERALS = new Set([...'一二三四五六'].map((c) => c.charCodeAt(0)));

/** A section heading whose numeral at `at` lost its 、: the section's official title follows at once. */
function bareHeadingAt(text: string, at: number): SectionHeadingCandidate | undefined {
  const numeral = text[at];
  const def = SECTIONS[(parseChineseNumber(numeral) ?? 0) - 1];
  if (!def || !text.startsWith(def.official, at + 1)) return undefined;
  const title = { start: at + 1, end: at + 1 + def.official.length };
  return {
    heading: { span: { start: at, end: title.end }, numeral: { span: { start: at, end: at + 1 }, value: def.number, text: numeral }, title: { span: title, text: def.official } },
    match: { def, quality: 'variant', titleEnd: title.end, distance: 0 },
  };
}

/** A line of a numeral alone (`五、`, or `一` with `、总体情况` on the next line). */
const NUMERAL_ALONE = /^([一二三四五六])[ \t\u3000]*([、.．])?[ \t\u3000]*$/;

/**
 * A heading broken after its numeral (`五、⏎存在的主要问题及改进情况`, `一⏎、总体情况`): the
 * next line, a section's title written whole, is its title.
 */
function brokenHeadingAt(text: string, lines: readonly Line[], index: number): SectionHeadingCandidate | undefined {
  const line = lines[index];
  const next = lines[index + 1];
  if (!next) return undefined;
  const at = lineContentStart(text, line);
  const alone = NUMERAL_ALONE.exec(text.slice(at, line.end));
  if (!alone) return undefined;
  let titleStart = lineContentStart(text, next);
  // A next line numbered itself is a heading of its own (a stray `五、` above `五、存在的…`).
  if (numberedAt(text, titleStart, next.end, LEVEL1)) return undefined;
  const mark = text[titleStart];
  if (!alone[2]) {
    if (mark !== '、' && mark !== '.' && mark !== '．') return undefined;
    titleStart++;
  }
  const title = trimSpan(text, titleStart, next.end);
  if (title.start >= title.end) return undefined;
  const value = parseChineseNumber(alone[1])!;
  const match = matchSection(text, title, value, 'whole');
  if (!match) return undefined;
  const end = Math.min(match.titleEnd, title.end);
  return {
    heading: {
      span: { start: at, end },
      numeral: { span: { start: at, end: at + 1 }, value, text: alone[1] },
      title: { span: { start: title.start, end }, text: text.slice(title.start, end) },
    },
    match,
  };
}

function nextHeadingMark(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3001 || c === 0x2e || c === 0xff0e) return i;
  }
  return -1;
}

function findSectionHeadings(text: string, lines: Line[]): SectionHeadingCandidate[] {
  const result: SectionHeadingCandidate[] = [];
  let mark = nextHeadingMark(text, 0);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    // A line without the mark after a numeral holds no heading: not read further.
    if (mark !== -1 && mark < line.start) mark = nextHeadingMark(text, line.start);
    if (mark === -1 || mark >= line.end) {
      // Only a heading whose 、 was lost, or whose numeral stands alone, can stand there, at the line's start.
      const at = lineContentStart(text, line);
      if (at < line.end && BARE_NUMERALS.has(text.charCodeAt(at))) {
        const bare = bareHeadingAt(text, at) ?? brokenHeadingAt(text, lines, index);
        if (bare) result.push(bare);
      }
      continue;
    }
    const lineText = line.text;
    if (isBlank(lineText)) continue;
    const at = lineContentStart(text, line);
    const atLineStart = numberedAt(text, at, line.end, LEVEL1);
    if (atLineStart && atLineStart.title.span.start >= atLineStart.title.span.end) {
      const broken = brokenHeadingAt(text, lines, index);
      if (broken) result.push(broken);
    } else if (atLineStart) {
      const match = matchSection(text, atLineStart.title.span, atLineStart.numeral.value, 'whole');
      if (match) result.push({ heading: withTitleEnd(text, atLineStart, match.titleEnd), match });
    }
    // After a sentence's end the title may be misspelt (matched within an edit distance, numeral agreeing);
    // glued to any other text it must be written out.
    let afterSentence: Set<number> | undefined;
    MID_LINE_LEVEL1.lastIndex = 0;
    for (let m = MID_LINE_LEVEL1.exec(lineText); m; m = MID_LINE_LEVEL1.exec(lineText)) {
      (afterSentence ??= new Set()).add(line.start + m.index + m[0].indexOf(m[1], 1));
      MID_LINE_LEVEL1.lastIndex = m.index + 1;
    }
    GLUED_LEVEL1.lastIndex = 0;
    for (let m = GLUED_LEVEL1.exec(lineText); m; m = GLUED_LEVEL1.exec(lineText)) {
      const numeralAt = line.start + m.index;
      if (numeralAt <= at) continue;
      // Beyond the format's six, only after a full stop: `；七、…` is an item of a list in the prose.
      if ((m[1] === '七' || m[1] === '八') && !/[。！？][ \t\u3000]*$/.test(text.slice(Math.max(line.start, numeralAt - 3), numeralAt))) continue;
      // A heading inside a line is followed by body text: only its first words can be the title.
      const heading = numberedAt(text, numeralAt, Math.min(line.end, numeralAt + MID_LINE_REACH), LEVEL1);
      if (!heading) continue;
      const match = matchSection(text, heading.title.span, heading.numeral.value, afterSentence?.has(numeralAt) ? 'fuzzyPrefix' : 'prefix');
      if (match && !LIST_CONTINUATION.test(text.slice(match.titleEnd, Math.min(line.end, match.titleEnd + 8)))) {
        result.push({ heading: withTitleEnd(text, heading, match.titleEnd), match });
      }
    }
    BARE_LEVEL1.lastIndex = 0;
    for (let m = BARE_LEVEL1.exec(lineText); m; m = BARE_LEVEL1.exec(lineText)) {
      const bare = bareHeadingAt(text, line.start + m.index + m[0].length - 1);
      if (bare) result.push(bare);
    }
  }
  // In the text's order (a line's headings whose 、 was lost are found after its others), none inside another.
  result.sort((a, b) => a.heading.span.start - b.heading.span.start);
  let end = -1;
  return result.filter((c) => {
    if (c.heading.span.start < end) return false;
    end = c.heading.span.end;
    return true;
  });
}

function withTitleEnd(text: string, heading: Heading, titleEnd: number): Heading {
  if (titleEnd >= heading.title.span.end) return heading;
  const title = { start: heading.title.span.start, end: titleEnd };
  return {
    ...heading,
    span: { start: heading.span.start, end: titleEnd },
    title: { span: title, text: text.slice(title.start, title.end) },
  };
}

/** The report's title: a short line naming a 政府信息公开…年度报告, possibly broken over two lines. */
export function findTitle(text: string, lines: Line[], limit: number): ReportTitle | undefined {
  for (let i = 0; i < lines.length && lines[i].start < limit; i++) {
    const line = lines[i];
    const own = compact(line.text).text.replace(/^#+/, '');
    if (!own.includes('年度报告') || own.length > 60 || line.text.includes('\t')) continue;
    if (/^(名称|标题|索引号)/.test(own)) continue;
    let first = line;
    const prev = i > 0 ? lines[i - 1] : undefined;
    const prevText = prev ? compact(prev.text).text.replace(/^#+/, '') : '';
    if (!own.includes('政府信息公开')) {
      if (!prev || !(prevText + own).includes('政府信息公开') || prevText.length > 40) continue;
      first = prev;
    } else if (prev && /^\d{4}年/.test(own) && prevText.length > 0 && prevText.length <= 20 && !/[，。：,:]/.test(prevText)) {
      first = prev; // 淮安市人民政府 / 2024 年政府信息公开工作年度报告
    }
    const span = trimSpan(text, lineContentStart(text, first), line.end);
    const c = compact(text, span.start, span.end);
    const y = /(\d{4})年/.exec(c.text);
    return {
      span,
      text: c.text,
      year: y ? { value: Number(y[1]), span: { start: c.offsets[y.index], end: c.offsets[y.index + 3] + 1 } } : undefined,
    };
  }
  return undefined;
}

const APPENDIX = /^(附件|附表)/;

function findAppendix(text: string, lines: Line[], after: number): number | undefined {
  // Only the lines that hold a 附 can start with 附件 or 附表.
  for (let at = text.indexOf('附', after); at !== -1; at = text.indexOf('附', at + 1)) {
    const line = lines[lineIndexAt(lines, at)];
    if (line.start >= after && APPENDIX.test(fold(line.text).trim())) return line.start;
  }
  return undefined;
}

const ROW_LABEL_KEYS = levelOneRowLabels().map(labelKey);
/** As much of a heading as can start with a row label. */
const ROW_LABEL_KEY_LIMIT = Math.max(...ROW_LABEL_KEYS.map((k) => k.length));

/**
 * Numbered headings at a line start in a section's body: its subsections
 * (`（一）`), or with `LEVEL1` a report's own chapters where it departs from the
 * format (`二、工作机制保障` inside 一、总体情况) — never a table's row label.
 */
function findSubsections(text: string, lines: Line[], body: Span, pattern = LEVEL2): Subsection[] {
  const heads: Heading[] = [];
  for (const line of linesIn(lines, body)) {
    if (line.end <= body.start) continue;
    const at = Math.max(lineContentStart(text, line), body.start);
    const h = numberedAt(text, at, Math.min(line.end, body.end), pattern);
    if (!h) continue;
    if (pattern === LEVEL1) {
      const { key } = keyed(text, h.span.start, h.span.end, false, ROW_LABEL_KEY_LIMIT);
      if (ROW_LABEL_KEYS.some((k) => key.startsWith(k))) continue;
    }
    // The title of a subsection is its first clause; the rest of the line is body text.
    const stop = /[。：:；;]/.exec(h.title.text);
    const titleText = sliceUnits(stop ? h.title.text.slice(0, stop.index) : h.title.text, 40);
    const titleSpan = { start: h.title.span.start, end: h.title.span.start + titleText.length };
    heads.push({ ...h, span: { start: h.span.start, end: titleSpan.end }, title: { span: titleSpan, text: titleText } });
  }
  return heads.map((heading, i) => ({
    heading,
    span: { start: heading.span.start, end: lastContentEnd(text, heading.span.start, i + 1 < heads.length ? heads[i + 1].span.start : body.end) },
  }));
}

/** The end of the last non-blank character before `end`. */
export function lastContentEnd(text: string, start: number, end: number): number {
  return Math.max(start, trimSpan(text, start, end).end);
}

export interface Structure {
  title?: ReportTitle;
  intro: Span;
  sections: SectionNode[];
  appendix?: Span;
}

export function parseStructure(text: string, lines: Line[]): Structure {
  const candidates = findSectionHeadings(text, lines);
  const lastSix = candidates.find((c) => c.match.def.number === 6);
  const appendixStart = lastSix ? findAppendix(text, lines, lastSix.heading.span.end) : undefined;
  const kept = candidates.filter((c) => appendixStart === undefined || c.heading.span.start < appendixStart);
  const bodyLimit = appendixStart ?? text.length;

  const firstStart = kept.length ? kept[0].heading.span.start : text.length;
  const title = findTitle(text, lines, kept.length ? firstStart : Math.min(text.length, 4000));
  const introStart = title && title.span.end <= firstStart ? title.span.end : 0;

  const sections: SectionNode[] = kept.map((c, i) => {
    const nextStart = i + 1 < kept.length ? kept[i + 1].heading.span.start : bodyLimit;
    const body = { start: c.heading.span.end, end: nextStart };
    return {
      def: c.match.def,
      heading: c.heading,
      match: c.match.quality,
      body,
      span: { start: c.heading.span.start, end: lastContentEnd(text, c.heading.span.start, nextStart) },
      subsections: c.match.def.holdsTable ? [] : findSubsections(text, lines, body),
      chapters: c.match.def.holdsTable ? [] : findSubsections(text, lines, body, LEVEL1),
    };
  });

  return {
    title,
    intro: { start: introStart, end: firstStart },
    sections,
    appendix: appendixStart !== undefined ? { start: appendixStart, end: text.length } : undefined,
  };
}
