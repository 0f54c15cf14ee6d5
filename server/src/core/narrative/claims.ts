// Links the figures of the prose (introduction, sections 一, 五, 六) to the
// table cells they speak about. Precision first: a figure is linked only when
// the words around it name one quantity; anything vaguer is left alone.

import type { Report } from '../parse/model';
import type { CellRef } from '../relations';
import { relationsOf, sameCell, valueOf } from '../relations';
import { compactOf } from '../parse/compacted';
import { compactSpan, type Compact, type Span } from '../text';
import { findFigures, type Figure } from './figures';
import { QUANTITIES, TOPIC_WORDS, type QuantityDef, type Topic } from './quantities';

export type Scope = 'self' | 'wider' | 'period';

export interface Claim {
  quantity: QuantityDef;
  figure: Figure;
  /** The words of the claim and its figure (`受理政府信息公开申请33`). */
  span: Span;
  cells: CellRef[];
  /** The table's value, or undefined when a cell is unknown (digits ran together…). */
  expected: number | undefined;
  agrees: boolean;
  /** A wider body (全区 in an office's report) or another period than the table's. */
  scope: Scope;
  scopeWord?: string;
  /** `208 件（17.46%）`: the share the text gives, and what the table gives. */
  percent?: { figure: Figure; expected: number | undefined; agrees: boolean };
}

/** Characters as a set of UTF-16 codes: the text is searched one character at a time, without a string per character. */
const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));

const STRONG_END = codes('。！？!?');
const COMMA_END = codes('。！？!?；;，,：:');
/** Words after a figure end at the clause, or at a parenthesis that belongs to the next figure. */
const AFTER_END = codes('。！？!?；;，,：:(（');
const WIDER = /全(?:区|市|县|省|州|旗|镇|乡|盟)|各级|各部门|各地/;
/** A part of a count (`剩余3件`), or a count of several kinds together (`…文件等243件`). */
const NOT_A_TOTAL = /(剩余|其余|余下|另有|另)$|等$/;
const CARRIED = new Set(['requests.carried', 'requests.next']);

/** How far a figure's sentence, topic and scope are looked for: keeps one long unpunctuated line linear. */
const REACH = 300;

/** The last of `chars` before `before`, no further back than REACH. */
function lastIndexBefore(text: string, chars: ReadonlySet<number>, before: number): number {
  const stop = Math.max(0, before - REACH);
  for (let i = before - 1; i >= stop; i--) if (chars.has(text.charCodeAt(i))) return i;
  return stop - 1;
}

function nextIndexFrom(text: string, chars: ReadonlySet<number>, from: number): number {
  const stop = Math.min(text.length, from + REACH);
  for (let i = from; i < stop; i++) if (chars.has(text.charCodeAt(i))) return i;
  return stop;
}

/**
 * The table's value for a claim, or undefined when a cell is unknown or is
 * itself in a failing relation: a total the table checks already flag is no
 * ground for a second finding in the prose.
 */
export function sumOf(report: Report, cells: CellRef[]): number | undefined {
  const failing = relationsOf(report).failing;
  let total = 0;
  for (const ref of cells) {
    const value = valueOf(ref);
    if (value === undefined) return undefined;
    if (failing.some((e) => [...e.relation.left, ...e.relation.right].some((c) => sameCell(c, ref)))) return undefined;
    total += value;
  }
  return total;
}

/** The last topic named before `at`, in this sentence or the one before. */
function topicAt(text: string, at: number): Topic | undefined {
  const sentence = lastIndexBefore(text, STRONG_END, at);
  const from = Math.max(0, lastIndexBefore(text, STRONG_END, Math.max(sentence, 0)) + 1);
  let best: { topic: Topic; index: number } | undefined;
  for (const { topic, word } of TOPIC_WORDS) {
    if (at - word.length < from) continue;
    const index = text.lastIndexOf(word, at - word.length);
    if (index >= from && (!best || index > best.index)) best = { topic, index };
  }
  return best?.topic;
}

interface Named {
  quantity: QuantityDef;
  /** Where its words stand, in compact-text indices. */
  from: number;
  to: number;
}

/**
 * The quantity the words around a figure name, when exactly one does: words
 * before it in the same clause (after the previous figure), or, for nouns,
 * after it up to the next comma or parenthesis (`受理2件因…提起的行政诉讼`).
 */
function quantityOf(text: string, figure: Figure, previousEnd: number, nextStart: number, topic: Topic | undefined): Named | undefined {
  const start = Math.max(previousEnd, lastIndexBefore(text, COMMA_END, figure.from) + 1, figure.from - 40);
  const before = text.slice(start, figure.from);
  const afterEnd = Math.min(nextStart, nextIndexFrom(text, AFTER_END, figure.to), figure.to + 30);
  const after = text.slice(figure.to, afterEnd);
  const partial = NOT_A_TOTAL.test(before);
  // `办结2件，其中公开答复1件`: after 其中 a generic verb names a part, not the whole.
  const breakdown = /其中/.test(before);
  const named: Named[] = [];
  for (const q of QUANTITIES) {
    if (q.unit !== figure.unit) continue;
    // A part of a count is still a claim where it is what is carried over or forward (`另有103件顺延到下年度`).
    if (partial && !CARRIED.has(q.id)) continue;
    if (q.needs && !q.needs.test(before + after)) continue;
    if (breakdown && WHOLES.has(q.id)) continue;
    // Breakdowns and verbs speak of what the sentence is about (办理 of requests, 维持 of cases).
    if (q.topic && (!topic || !q.topic.includes(topic))) continue;
    const inBefore = lastMatch(before, q.words);
    // `规范性文件类信息620件`, `行政许可文件类信息1028件`: a category of the information published, not table 1's count.
    if (inBefore && q.id.startsWith('proactive.') && /^.{0,2}类/.test(before.slice(inBefore.index + inBefore.length))) continue;
    if (inBefore) {
      named.push({ quantity: q, from: start + inBefore.index, to: start + inBefore.index + inBefore.length });
      continue;
    }
    const inAfter = q.before ? undefined : q.words.exec(after);
    if (inAfter) named.push({ quantity: q, from: figure.to + inAfter.index, to: figure.to + inAfter.index + inAfter[0].length });
  }
  if (!named.length) return undefined;
  const top = Math.max(...named.map((n) => n.quantity.priority));
  const best = named.filter((n) => n.quantity.priority === top);
  // Two different things named with equal weight (复议 and 诉讼, 规章 and 规范性文件): say nothing.
  return best.length === 1 ? best[0] : undefined;
}

/** Each quantity's words as a global pattern, made once. */
const globalWords = new Map<RegExp, RegExp>();

function lastMatch(text: string, words: RegExp): { index: number; length: number } | undefined {
  let pattern = globalWords.get(words);
  if (!pattern) globalWords.set(words, (pattern = new RegExp(words.source, 'g')));
  let found: { index: number; length: number } | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found = { index: m.index, length: m[0].length };
    if (!m[0]) pattern.lastIndex++;
  }
  return found;
}

function scopeOf(report: Report, text: string, at: number, named: Named): { scope: Scope; word?: string } {
  const sentence = text.slice(lastIndexBefore(text, STRONG_END, at) + 1, at);
  const year = report.title?.year?.value;
  const years = [...sentence.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  if (year && years.length && years.every((y) => y !== year)) return { scope: 'period', word: `${years[years.length - 1]}年` };
  const wider = WIDER.exec(sentence);
  // 全区 is wider than the table only in the report of an office or department, not of the 人民政府 itself.
  const body = report.title?.text.replace(/\d{4}年度?/, '').replace(/政府信息公开.*$/, '');
  const ofGovernment = !!body && /人民政府$/.test(body);
  if (wider && !ofGovernment) return { scope: 'wider', word: wider[0] };
  // 部门规范性文件 in the report of a government or its office are its departments' documents (a gazette
  // carries them), not what its own table counts; in a department's report they are its own.
  const issuer = text.slice(named.from - ISSUED_BY_DEPARTMENTS.length, named.from);
  if (issuer === ISSUED_BY_DEPARTMENTS && !!body && GOVERNMENT.test(body)) return { scope: 'wider', word: issuer + text.slice(named.from, named.to) };
  return { scope: 'self' };
}

const ISSUED_BY_DEPARTMENTS = '部门';
/** A government, its general office, or a zone's administrative committee: a body that has departments. */
const GOVERNMENT = /(?:人民政府|(?:实验区|开发区|新区|园区|示范区|合作区)(?:管理委员会|管委会))(?:办公厅|办公室)?$/;

function claimsIn(report: Report, c: Compact): Claim[] {
  const figures = findFigures(c);
  const claims: Claim[] = [];
  figures.forEach((figure, i) => {
    if (figure.unit === '%' || figure.approximate) return;
    const previousEnd = i > 0 ? figures[i - 1].to : 0;
    const nextStart = i + 1 < figures.length ? figures[i + 1].from : c.text.length;
    const topic = topicAt(c.text, figure.from);
    const named = quantityOf(c.text, figure, previousEnd, nextStart, topic);
    if (!named) return;
    const { quantity } = named;
    const cells = quantity.cells(report, topic);
    if (!cells) return;
    const expected = sumOf(report, cells);
    const alternative = quantity.alternative?.(report);
    const agrees = expected === undefined || expected === figure.value || (alternative !== undefined && sumOf(report, alternative) === figure.value);
    const span = compactSpan(c, Math.min(named.from, figure.from), Math.max(named.to, figure.from + figure.written.length));
    const claim: Claim = { quantity, figure, span, cells, expected, agrees, ...scopeOfClaim(report, c.text, figure.from, named) };
    const next = figures[i + 1];
    if (next?.unit === '%' && /^[(（]$/.test(c.text.slice(figure.to, next.from))) claim.percent = percentOf(report, claims, claim, next);
    claims.push(claim);
  });
  return claims;
}

function scopeOfClaim(report: Report, text: string, at: number, named: Named): { scope: Scope; scopeWord?: string } {
  const { scope, word } = scopeOf(report, text, at, named);
  return { scope, scopeWord: word };
}

const WHOLES = new Set(['requests.handled', 'requests.new']);

/** A share given beside a figure is of the last whole (办结, 收到) named before it. */
function percentOf(report: Report, earlier: Claim[], claim: Claim, figure: Figure): Claim['percent'] {
  const base = [...earlier].reverse().find((c) => WHOLES.has(c.quantity.id));
  const baseValue = base && sumOf(report, base.cells);
  if (!base || !baseValue || claim.expected === undefined) return { figure, expected: undefined, agrees: true };
  const decimals = figure.written.split('.')[1]?.length ?? 0;
  const expected = Number(((claim.expected / baseValue) * 100).toFixed(decimals));
  return { figure, expected, agrees: Math.abs(expected - figure.value) < 1e-9 };
}

/** The introduction and the sections without tables, where prose speaks about the tables. */
export function narrativeSpans(report: Report): Span[] {
  const spans: Span[] = [];
  if (report.intro.end > report.intro.start) spans.push(report.intro);
  for (const section of report.sections) if (!section.def.holdsTable) spans.push(section.body);
  return spans;
}

/**
 * All prose: the narrative spans, and the text of the sections with tables
 * outside their table (`(二)主动公开政府信息的主要类别…` after table 1). For
 * checks of the prose alone (lists and their wholes), not for linking figures to cells.
 */
export function proseSpans(report: Report): Span[] {
  const spans = narrativeSpans(report);
  for (const section of report.sections) {
    if (!section.def.holdsTable) continue;
    const table = Object.values(report.tables).find((t) => t && t.span.start >= section.body.start && t.span.end <= section.body.end);
    if (!table) spans.push(section.body);
    else {
      if (table.span.start > section.body.start) spans.push({ start: section.body.start, end: table.span.start });
      if (table.span.end < section.body.end) spans.push({ start: table.span.end, end: section.body.end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const cache = new WeakMap<Report, Claim[]>();

export function claimsOf(report: Report): Claim[] {
  let claims = cache.get(report);
  if (!claims) {
    claims = narrativeSpans(report).flatMap((span) => claimsIn(report, compactOf(report, span.start, span.end)));
    cache.set(report, claims);
  }
  return claims;
}
