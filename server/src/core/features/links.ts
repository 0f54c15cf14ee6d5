// Prose figures and the table cells they speak about: Go to Definition from a
// figure to its cells, Find References from a cell to the figures.

import { cellName } from '../checks/tables/names';
import { localize } from '../i18n';
import { claimsOf, type Claim } from '../narrative/claims';
import type { Analysis } from '../service';
import { shiftSpan, type Span } from '../text';
import { partAt } from './parts';

const within = (offset: number, span: Span) => span.start <= offset && offset <= span.end;

function claimAt(analysis: Analysis, offset: number): Claim | undefined {
  return claimsOf(analysis.report).find((c) => within(offset, c.span));
}

/** Spans found in the report under the cursor (a yearbook's report reads its own text), placed in the whole. */
function inPartAt(whole: Analysis, offset: number, find: (analysis: Analysis, offset: number) => Span[]): Span[] {
  const part = partAt(whole, offset);
  return find(part.analysis, offset - part.offset).map((span) => shiftSpan(span, part.offset));
}

/** The cells a figure under the cursor speaks about. */
export function getDefinition(whole: Analysis, offset: number): Span[] {
  return inPartAt(whole, offset, (analysis, at) => {
    const claim = claimAt(analysis, at);
    return claim ? claim.cells.flatMap((c) => (c.row.cells[c.column].span ? [c.row.cells[c.column].span!] : [])) : [];
  });
}

/** The prose figures that speak about the cell under the cursor. */
export function getReferences(whole: Analysis, offset: number): Span[] {
  return inPartAt(whole, offset, (analysis, at) =>
    claimsOf(analysis.report)
      .filter((claim) =>
        claim.cells.some((c) => {
          const span = c.row.cells[c.column].span;
          return span && within(at, span);
        }),
      )
      .map((c) => c.figure.span),
  );
}

/** Hover on a linked figure: the cells, their value, and whether they agree. */
export function claimHover(analysis: Analysis, offset: number): { markdown: string; span: Span } | undefined {
  const claim = claimAt(analysis, offset);
  if (!claim) return undefined;
  const { lang } = analysis;
  const cells = claim.cells.map((c) => `${cellName(c, lang)}: ${c.row.cells[c.column].value ?? '—'}`).join('\n\n');
  const verdict =
    claim.expected === undefined
      ? localize({ 'zh-CN': '表格中的数值无法确定，不作比较', en: 'The table value is unknown; not compared' }, lang)
      : claim.agrees
        ? localize({ 'zh-CN': '✓ 与表格一致', en: '✓ agrees with the table' }, lang)
        : localize({ 'zh-CN': '✗ 与表格不符：表格为 {value}', en: '✗ differs from the table: {value}' }, lang, { value: claim.expected });
  const head = localize({ 'zh-CN': '**正文：{what} {value}**', en: '**Prose: {what} {value}**' }, lang, { what: localize(claim.quantity.name, lang), value: claim.figure.written });
  return { markdown: [head, cells, verdict].join('\n\n'), span: claim.span };
}
