import type { Localized } from '../../i18n';
import { SECTIONS, type SectionDef } from '../../format/sections';
import { TABLE_START, type TableId } from '../../format/tables';
import type { Report } from '../../parse/model';
import { lineContentStart } from '../../parse/structure';
import { keyed, lineIndexAt, toChineseNumber } from '../../text';
import type { Check, Edit } from '../types';
import { insertHeadingBefore, officialHeading, sectionArgs } from '../util';

const FIRST_SUBSECTION = /[(（]\s*一\s*[)）]/g;
const SENTENCE_END = /[。！？!?\n]/;

/**
 * A missing section's content often survives without its heading, inside the
 * section before it (or the introduction): found by the format's data — its
 * table's first words, its usual first subsection or first sentence, or, after
 * the table that ends the section before, whatever follows. Returns where the
 * heading belongs.
 */
function orphanedStart(report: Report, def: SectionDef): number | undefined {
  const { text } = report;
  const previous = report.sections.filter((s) => s.def.number < def.number).pop();
  // Only section 一's words, or a table, are looked for in the introduction.
  if (!previous && def.number !== 1 && !def.holdsTable) return undefined;
  const region = previous ? previous.body : { start: report.title?.span.end ?? report.intro.start, end: report.intro.end };
  let from = region.start;
  const ownTable = previous?.def.holdsTable ? report.tables[previous.def.key as TableId] : undefined;
  if (ownTable && ownTable.span.start >= region.start && ownTable.span.end <= region.end) from = ownTable.span.end;
  const found = (pattern: RegExp, start: number): number | undefined => {
    const { key, offsets } = keyed(text, start, region.end, true);
    const m = pattern.exec(key);
    if (!m) return undefined;
    const at = m.index + (m[0].startsWith('\n') ? 1 : 0);
    return at < offsets.length ? wordStart(report, offsets[at], start) : undefined;
  };
  // A table's first words are its own: looked for in all the section before (whose table may have taken them in).
  if (def.holdsTable) return found(TABLE_START[def.key as TableId], region.start);
  // The section's usual first subsection (`（一）主动公开`), at a line's start or inside a crawled line.
  const first = def.subsections?.[1];
  if (first) {
    FIRST_SUBSECTION.lastIndex = from;
    for (let m = FIRST_SUBSECTION.exec(text); m && m.index < region.end; m = FIRST_SUBSECTION.exec(text)) {
      if (first.test(text.slice(m.index + m[0].length, Math.min(region.end, m.index + 40)).split(/[。：:；;]/)[0])) return m.index;
    }
  }
  // What follows the table that ends the section just before belongs to this one.
  if (ownTable && previous!.def.number === def.number - 1 && from > region.start) {
    const at = contentStart(report, from, region.end);
    if (at !== undefined) return at;
  }
  const at = def.opening && found(def.opening, from);
  if (at === undefined) return undefined;
  let start = at;
  while (start > from && !SENTENCE_END.test(text[start - 1])) start--;
  return contentStart(report, start, region.end);
}

/**
 * A heading numbered as the section but titled otherwise (`一、年度工作核心成效` before the content
 * found for section 一, or `五、当前存在的突出问题` where it begins): its words, for the message.
 */
function renamedHeading(report: Report, def: SectionDef, orphan: number): string | undefined {
  const { text } = report;
  const numeral = toChineseNumber(def.number);
  const line = report.lines[lineIndexAt(report.lines, orphan)];
  const before = text.slice(Math.max(line.start, orphan - RENAMED_REACH), orphan);
  const at = before.lastIndexOf(`${numeral}、`);
  // Right before the content, with no sentence between: the heading's words end where the content begins.
  if (at >= 0 && !/[。！？；]/.test(before.slice(at))) {
    const written = before.slice(at).trim();
    if (written.length > 2) return written;
  }
  // A line of its own at the content's start or a few lines above it (on a crawled line where its words
  // end is not known, nothing is said of them).
  const index = lineIndexAt(report.lines, orphan);
  for (let i = index; i >= Math.max(0, index - RENAMED_LINES); i--) {
    const candidate = report.lines[i];
    const from = i === index ? orphan : lineContentStart(text, candidate);
    if (!text.startsWith(`${numeral}、`, from)) continue;
    const written = text.slice(from, candidate.end).trim();
    if (written.length > 2 && written.length <= RENAMED_REACH && !/[。，,；;]/.test(written)) return written;
  }
  return undefined;
}

const RENAMED_REACH = 24;
const RENAMED_LINES = 3;

/** The first word in [from, end): table rules and white space skipped. */
function contentStart(report: Report, from: number, end: number): number | undefined {
  const at = keyed(report.text, from, end).offsets[0];
  return at === undefined ? undefined : wordStart(report, at, from);
}

/** `at`, or its line's start when only punctuation (`| `, `（`) comes before it on the line, not before `from`. */
function wordStart(report: Report, at: number, from: number): number {
  const lineStart = lineContentStart(report.text, report.lines[lineIndexAt(report.lines, at)]);
  return lineStart >= from && lineStart <= at && keyed(report.text, lineStart, at).key === '' ? lineStart : at;
}

export const sectionMissing: Check = {
  meta: {
    id: 'section.missing',
    title: { 'zh-CN': '缺少必备部分', en: 'Missing section' },
    description: {
      'zh-CN': '年度报告必须包含格式规定的六个部分（一、总体情况 至 六、其他需要报告的事项）。缺少其中任何一部分都会被报告；快速修复会在应有的位置插入官方标题。',
      en: 'An annual report must have the six sections that the format prescribes (一、总体情况 to 六、其他需要报告的事项). Each absent section is reported; the quick fix inserts the official heading where the section belongs.',
    },
    defaultSeverity: 'error',
    fixable: true,
  },
  run(ctx) {
    const { report } = ctx;
    const present = new Set(report.sections.map((s) => s.def.number));
    for (const def of SECTIONS) {
      if (present.has(def.number)) continue;
      const heading = officialHeading(def);
      const next = report.sections.find((s) => s.def.number > def.number);
      const last = report.sections[report.sections.length - 1];
      const orphan = orphanedStart(report, def);
      let edit: Edit;
      let span;
      if (orphan !== undefined) {
        const line = report.lines[lineIndexAt(report.lines, orphan)];
        edit =
          lineContentStart(report.text, line) === orphan
            ? { span: { start: line.start, end: line.start }, newText: `${report.text.slice(line.start, orphan)}${heading}${report.eol}` }
            : { span: { start: orphan, end: orphan }, newText: `${report.eol}${heading}${report.eol}` };
        const stop = report.text.slice(orphan, line.end).search(/[。！？!?]/);
        span = { start: orphan, end: stop >= 0 ? orphan + stop + 1 : line.end };
      } else if (next) {
        edit = insertHeadingBefore(report, next, heading);
        span = next.heading.span;
      } else if (last) {
        edit = { span: { start: last.span.end, end: last.span.end }, newText: `${report.eol}${heading}` };
        span = last.heading.span;
      } else {
        const at = report.intro.end;
        edit = { span: { start: at, end: at }, newText: `${at > 0 ? report.eol : ''}${heading}${report.eol}` };
        span = report.title?.span ?? { start: 0, end: report.lines[0].end };
      }
      const renamed = orphan !== undefined ? renamedHeading(report, def, orphan) : undefined;
      const args = { ...sectionArgs(def, ctx.lang), written: renamed ?? '' };
      const said: Localized = renamed
        ? { 'zh-CN': '缺少第{n}部分「{official}」：此处的标题「{written}」不是格式规定的标题', en: 'Section {n} "{official}" is missing: the heading here, "{written}", is not the one the format prescribes' }
        : orphan !== undefined
          ? { 'zh-CN': '缺少第{n}部分「{official}」：其标题缺失，内容似从此处开始', en: 'Section {n} "{official}" is missing: its heading is lost, its content seems to begin here' }
          : next
            ? { 'zh-CN': '缺少第{n}部分「{official}」，其标题应位于此行之前', en: 'Section {n} "{official}" is missing; its heading belongs before this line' }
            : { 'zh-CN': '缺少第{n}部分「{official}」', en: 'Section {n} "{official}" is missing' };
      ctx.emit({
        span,
        message: ctx.t(said, args),
        fixes: [
          {
            // Without content found for it, the section is then present and empty, and says so.
            title:
              orphan !== undefined
                ? ctx.t({ 'zh-CN': '插入标题「{heading}」', en: 'Insert the heading "{heading}"' }, { heading })
                : ctx.t({ 'zh-CN': '插入标题「{heading}」（内容待填写）', en: 'Insert the heading "{heading}" (content still to be written)' }, { heading }),
            edits: [edit],
            // Certain where its content was found; else the place is the best there is.
            preferred: orphan !== undefined,
            safety: 'fix',
          },
        ],
      });
    }
  },
};
