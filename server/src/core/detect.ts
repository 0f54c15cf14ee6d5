// Whether a plain-text or Markdown document is an annual report, by content.

import { SECTIONS } from './format/sections';
import { compact, labelKey } from './text';

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
  let offset = 0;
  // The last non-blank line, read (compacted) only when a title on the next line needs it.
  let previous = { line: '', offset: 0 };
  const squeezed = (line: string) => compact(line).text.replace(/^#+/, '');
  for (const line of text.split(/(?<=\n)/)) {
    const own = line.includes('报告') ? squeezed(line) : '';
    if (own && own.length <= 60 && /(?:年度|工作)报告[)）\]】]*$/.test(own)) {
      const before = previous.line.length <= 80 ? squeezed(previous.line) : '';
      if ((before + own).includes('政府信息公开')) {
        // A title broken over two lines (淮安市人民政府 / 2024 年政府信息公开工作年度报告) starts on the first.
        const broken = (!own.includes('政府信息公开') || /^\d{4}年/.test(own)) && before.length > 0 && before.length <= 40 && !/[，。：,:；;]/.test(before);
        title = broken ? previous.offset : offset;
      }
    } else if (title !== undefined && PART_ONE.test(line)) {
      starts.push(title);
      title = undefined;
    }
    if (line.trim()) previous = { line, offset };
    offset += line.length;
  }
  return starts.length >= 2 ? starts : [];
}
