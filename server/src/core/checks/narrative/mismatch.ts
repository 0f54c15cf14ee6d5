import type { Localized } from '../../i18n';
import { claimsOf, type Claim } from '../../narrative/claims';
import { toChineseNumber } from '../../text';
import { cellName, cellsName } from '../tables/names';
import { breaksList } from '../../narrative/lists';
import type { Check } from '../types';

/** What a reviewer records when setting aside a figure about another scope. */
const DISMISS: Record<Exclude<Claim['scope'], 'self'>, Localized> = {
  wider: { 'zh-CN': '此数字说的是{word}，不是本机关', en: 'This figure is about "{word}", not this body' },
  period: { 'zh-CN': '此数字说的是{word}，不是本统计期限', en: 'This figure is about "{word}", not this period' },
};

const SCOPE: Record<Exclude<Claim['scope'], 'self'>, Localized> = {
  wider: { 'zh-CN': '（正文说的是{word}，表格只统计本机关）', en: ' (the text speaks of "{word}"; the table counts this body only)' },
  period: { 'zh-CN': '（正文说的是{word}，与表格的统计期限不同）', en: ' (the text speaks of "{word}", another period than the table)' },
};

/** The table's value written the way the prose wrote its figure. */
function written(claim: Claim, value: number): string {
  return claim.figure.style === 'chinese' && Number.isInteger(value) && value >= 0 && value < 100 ? toChineseNumber(value) : String(value);
}

export const narrativeMismatch: Check = {
  meta: {
    id: 'narrative.mismatch',
    title: { 'zh-CN': '正文数字与表格不符', en: 'Prose figure contradicts the table' },
    description: {
      'zh-CN': '正文中的数字（如“受理政府信息公开申请33件”“行政复议4件”“规范性文件2件”，以及所占百分比）与统计表中对应单元格的数值不一致。说的是更大范围（如本机关报告中的“全区”、人民政府或其办公室报告中的“部门规范性文件”）或其他期间时，仍然报告，但严重程度为“信息”。建议以表格数值替换正文数字（不会反向修改表格；范围不同时不提供），由用户选择，不会被“全部修复”或保存时自动应用。',
      en: 'A figure in the prose (受理政府信息公开申请33件, 行政复议4件, 规范性文件2件, or a percentage) differs from the table cell it speaks about. A claim about a wider body (全区 in an office’s report, 部门规范性文件 in the report of a government or its office) or another period is still reported, at information severity. A suggestion puts the table’s value into the prose (never the reverse; none where the scope differs), applied only when picked, never by fix-all or on save.',
    },
    defaultSeverity: 'warning',
    fixable: true,
  },
  run(ctx) {
    for (const claim of claimsOf(ctx.report)) {
      const scoped = claim.scope === 'self' ? '' : ctx.t(SCOPE[claim.scope], { word: claim.scopeWord ?? '' });
      const cells = cellsName(claim.cells, ctx.lang);
      const related = claim.cells
        .filter((c) => c.row.cells[c.column].span)
        .map((c) => ({ span: c.row.cells[c.column].span!, message: `${cellName(c, ctx.lang)}: ${c.row.cells[c.column].value ?? '—'}` }));
      const severity = claim.scope === 'self' ? undefined : ('information' as const);
      const what = ctx.t(claim.quantity.name);
      if (!claim.agrees && claim.expected !== undefined) {
        const value = written(claim, claim.expected);
        // The share given with it (`20 件（1.68%）`) was of the old figure: it changes with it.
        const share = claim.percent?.expected !== undefined && !claim.percent.agrees ? claim.percent : undefined;
        ctx.emit({
          span: claim.span,
          severity,
          dismissHint: scoped ? ctx.t(DISMISS[claim.scope as Exclude<Claim['scope'], 'self'>], { word: claim.scopeWord ?? '' }) : undefined,
          message:
            ctx.t(
              { 'zh-CN': '正文称{what} {claimed} {unit}，表格中{cells}为 {expected} {unit}', en: 'The text says {what}: {claimed}; the table has {expected} ({cells})' },
              { what, claimed: claim.figure.written, expected: claim.expected, cells, unit: claim.quantity.unit },
            ) + scoped,
          related,
          // A figure about another scope (全区, another year) is not the table's to correct; nor one whose list
          // (`共 N 件，其中…`) the table's value would contradict.
          fixes:
            scoped || breaksList(ctx.report, claim.figure.span, claim.expected)
            ? []
            : [
                {
                  title: share
                    ? ctx.t({ 'zh-CN': '改为表格中的数值 {value}（{percent}%）', en: 'Use the table’s value {value} ({percent}%)' }, { value, percent: share.expected! })
                    : ctx.t({ 'zh-CN': '改为表格中的数值 {value}', en: 'Use the table’s value {value}' }, { value }),
                  edits: [
                    { span: claim.figure.span, newText: value },
                    ...(share ? [{ span: share.figure.span, newText: String(share.expected) }] : []),
                  ],
                  preferred: true,
                  safety: 'suggestion',
                },
              ],
        });
        continue;
      }
      const percent = claim.percent;
      if (claim.agrees && percent && !percent.agrees && percent.expected !== undefined) {
        ctx.emit({
          span: percent.figure.span,
          severity,
          dismissHint: scoped ? ctx.t(DISMISS[claim.scope as Exclude<Claim['scope'], 'self'>], { word: claim.scopeWord ?? '' }) : undefined,
          message:
            ctx.t(
              { 'zh-CN': '正文称{what}占 {claimed}%，按表格计算为 {expected}%', en: 'The text gives {what} as {claimed}%; the table gives {expected}%' },
              { what, claimed: percent.figure.written, expected: percent.expected },
            ) + scoped,
          related,
          fixes: scoped ? [] : [
            {
              title: ctx.t({ 'zh-CN': '改为 {value}%', en: 'Change to {value}%' }, { value: percent.expected }),
              edits: [{ span: percent.figure.span, newText: String(percent.expected) }],
              preferred: true,
              safety: 'suggestion',
            },
          ],
        });
      }
    }
  },
};
