// Hover: what a heading or the title is, in the format's terms.

import { cellName, columnName } from '../checks/tables/names';
import { claimHover } from './links';
import { localize } from '../i18n';
import { relationsOf, relationText, sameCell, type CellRef } from '../relations';
import type { Analysis } from '../service';
import { shiftSpan, toChineseNumber, type Span } from '../text';
import { partAt } from './parts';

export interface Hover {
  markdown: string;
  span: Span;
}

const within = (offset: number, span: Span) => span.start <= offset && offset <= span.end;

/** A table cell under the cursor: its row and column, its value, and the relations it takes part in. */
function cellHover(analysis: Analysis, offset: number): Hover | undefined {
  const { report, lang } = analysis;
  for (const table of Object.values(report.tables)) {
    for (const row of table?.rows ?? []) {
      const column = row.cells.findIndex((c) => c.span && within(offset, c.span));
      if (!table || column < 0) continue;
      const ref: CellRef = { table, row, column };
      const cell = row.cells[column];
      const name = table.def.id === 'proactive' ? `${row.def.label} · ${columnName(table, column, lang, row.block)}` : cellName(ref, lang);
      const lines = [`**${name}**：${cell.value ?? '—'}`];
      if (cell.split) lines.push(localize({ 'zh-CN': '（由连在一起的数字按表格关系拆分而来）', en: '(split from run-together digits by the table relations)' }, lang));
      for (const e of relationsOf(report).checked) {
        const involved = [...e.relation.left, ...e.relation.right].some((c) => sameCell(c, ref));
        if (involved) lines.push(relationText(e, lang));
      }
      return { markdown: lines.join('\n\n'), span: cell.span! };
    }
  }
  return undefined;
}

export function getHover(whole: Analysis, offset: number): Hover | undefined {
  // In a yearbook, the report under the cursor answers, in its own text.
  const part = partAt(whole, offset);
  if (part.analysis !== whole) {
    const hover = getHover(part.analysis, offset - part.offset);
    return hover && { ...hover, span: shiftSpan(hover.span, part.offset) };
  }
  const analysis = whole;
  const { report, lang } = analysis;
  const onCell = cellHover(analysis, offset) ?? claimHover(analysis, offset);
  if (onCell) return onCell;
  for (const section of report.sections) {
    if (!within(offset, section.heading.span)) continue;
    const lines = [
      localize({ 'zh-CN': '**第{n}部分** · {official}', en: '**Section {n}** · {official}' }, lang, {
        n: lang === 'en' ? section.def.number : toChineseNumber(section.def.number),
        official: section.def.official,
      }),
    ];
    if (section.match !== 'exact') {
      lines.push(localize({ 'zh-CN': '官方表述：{official}', en: 'Official wording: {official}' }, lang, { official: section.def.official }));
    }
    if (section.subsections.length) {
      lines.push(localize({ 'zh-CN': '小标题 {count} 个', en: '{count} subsections' }, lang, { count: section.subsections.length }));
    }
    return { markdown: lines.join('\n\n'), span: section.heading.span };
  }
  const title = report.title;
  if (title && within(offset, title.span)) {
    const format = report.format.format;
    const lines = [
      localize({ 'zh-CN': '**政府信息公开工作年度报告**', en: '**Government information disclosure annual report**' }, lang),
      format
        ? localize({ 'zh-CN': '格式：{format} 年版（{notice}）', en: 'Format: {format} ({notice})' }, lang, {
            format,
            notice: format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号',
          })
        : localize({ 'zh-CN': '格式：未能确定', en: 'Format: undetermined' }, lang),
    ];
    if (title.year) lines.push(localize({ 'zh-CN': '报告年度：{year}', en: 'Report year: {year}' }, lang, { year: title.year.value }));
    return { markdown: lines.join('\n\n'), span: title.span };
  }
  return undefined;
}
