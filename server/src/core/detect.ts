// Whether a plain-text or Markdown document is an annual report, by content.

import { SECTIONS } from './format/sections';
import { compact, isSpaceCode, labelKey } from './text';

const TITLE = '政府信息公开工作年度报告';
/**
 * A report's title as bodies write it: the body, the year, and the report's name in its
 * variants (`…2020年政府信息公开年度报告`, `…2021年度政府信息公开工作报告`); `标题:` is how
 * crawled pages label it. Groups: the body, the year.
 */
export const TITLE_LINE = /^(?:标题[:：]\s*)?(.{2,60}?)((?:19|20)\d{2})\s*年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告/;
/** The same with the year first (`2024年上海市科委政府信息公开工作年度报告`). Groups: the year, the body. */
export const TITLE_LINE_YEAR_FIRST = /^(?:标题[:：]\s*)?((?:19|20)\d{2})\s*年度?(.{2,60}?)(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const HEADING_KEYS = SECTIONS.map((s) => labelKey(s.official));

/**
 * True when a short line near the start is a report title (政府信息公开…年度报告,
 * possibly broken over two lines), or three of the six section headings stand
 * on lines of their own. A document that merely mentions a report is not one.
 */
export function looksLikeReport(text: string): boolean {
  const lines = (text.length > 200_000 ? text.slice(0, 200_000) : text).split(/\r\n|\r|\n/);
  let previous = '';
  for (const line of lines.slice(0, 40)) {
    const own = compact(line).text.replace(/^#+/, '');
    if (own.length <= 80 && TITLE_LINE.test(own) && /报告[)）\]】]*$/.test(own)) return true;
    if (own.length <= 60 && /年度报告[)）\]】]*$/.test(own) && !/[A-Za-z]/.test(own) && (previous + own).includes('政府信息公开')) {
      if (own.includes(TITLE) || own.length <= 30) return true;
    }
    if (own) previous = own.length <= 40 ? own : '';
  }
  const found = new Set<number>();
  for (const line of lines) {
    const m = /^\s*(?:#{1,6}\s*)?[一二三四五六]\s*、(.{2,30})$/.exec(line);
    if (!m) continue;
    const key = labelKey(m[1]);
    const i = HEADING_KEYS.findIndex((h) => key.startsWith(h) || (key.length >= 4 && h.includes(key)));
    if (i >= 0) found.add(i);
    if (found.size >= 3) return true;
  }
  return false;
}

const PART_ONE = /^\s*(?:#{1,6}\s*)?一\s*[、.．]\s*(?:政府信息公开)?(?:工作)?(?:的)?总体情况/;

/** Whether `text[start, end)` holds anything but white space. */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Where each report of a document that holds several (a yearbook, a crawl
 * saved as one file) begins: the title lines that open a report — a title as
 * `looksLikeReport` reads one, followed by the report's part 一 before the
 * next title. A table of contents listing titles opens nothing: only the last
 * title before a part 一 counts. Fewer than two reports: [].
 */
export function reportStarts(text: string): number[] {
  const starts: number[] = [];
  let title: number | undefined;
  // The last non-blank line, by its offsets (its line break included), read only when a title on the next line needs it.
  let previousStart = 0;
  let previousEnd = 0;
  const squeezed = (start: number, end: number) => compact(text, start, end).text.replace(/^#+/, '');
  // Lines are visited by offset, and read only when they hold 报告 or a title waits for its part 一: a report of
  // 30 KB has a thousand lines and a handful of those.
  let named = text.indexOf('报告');
  for (let offset = 0; offset < text.length; ) {
    const newline = text.indexOf('\n', offset);
    const next = newline === -1 ? text.length : newline + 1;
    if (named !== -1 && named < offset) named = text.indexOf('报告', offset);
    const own = named !== -1 && named < next ? squeezed(offset, next) : '';
    if (own && own.length <= 60 && /(?:年度|工作)报告[)）\]】]*$/.test(own)) {
      const before = previousEnd - previousStart <= 80 ? squeezed(previousStart, previousEnd) : '';
      if ((before + own).includes('政府信息公开')) {
        // A title broken over two lines (淮安市人民政府 / 2024 年政府信息公开工作年度报告) starts on the first.
        const broken = (!own.includes('政府信息公开') || /^\d{4}年/.test(own)) && before.length > 0 && before.length <= 40 && !/[，。：,:；;]/.test(before);
        title = broken ? previousStart : offset;
      }
    } else if (title !== undefined && PART_ONE.test(text.slice(offset, next))) {
      starts.push(title);
      title = undefined;
    }
    if (hasContent(text, offset, next)) {
      previousStart = offset;
      previousEnd = next;
    }
    offset = next;
  }
  return starts.length >= 2 ? starts : [];
}
