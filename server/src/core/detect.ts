// Whether a plain-text or Markdown document is an annual report, by content.

import { SECTIONS } from './format/sections';
import { compact, labelKey } from './text';

const TITLE = '政府信息公开工作年度报告';
const HEADING_KEYS = SECTIONS.map((s) => labelKey(s.official));

/** True for the report title, or three or more of the six section headings. */
export function looksLikeReport(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (compact(head.slice(0, 5000)).text.includes(TITLE)) return true;
  const found = new Set<number>();
  for (const line of head.split(/\r\n|\r|\n/)) {
    const m = /^\s*(?:#{1,6}\s*)?[一二三四五六]\s*、(.{2,30})$/.exec(line);
    if (!m) continue;
    const key = labelKey(m[1]);
    const i = HEADING_KEYS.findIndex((h) => key.startsWith(h) || (key.length >= 4 && h.includes(key)));
    if (i >= 0) found.add(i);
    if (found.size >= 3) return true;
  }
  return false;
}
