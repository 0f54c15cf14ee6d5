import type { Check } from '../types';
import { tableName } from './names';

export const tableLabelVariant: Check = {
  meta: {
    id: 'table.label-variant',
    title: { 'zh-CN': '行标签与官方不同', en: 'Row label worded differently' },
    description: {
      'zh-CN': '统计表的行标签被识别出来，但与格式的官方标签不同（丢失序号、遮盖字符或错别字）。快速修复改为官方标签。',
      en: "A table row's label is recognised but differs from the format's official label (a lost ordinal, masked text or a typo). The quick fix restores the official label.",
    },
    defaultSeverity: 'hint',
    fixable: true,
  },
  run(ctx) {
    for (const table of Object.values(ctx.report.tables)) {
      if (!table) continue;
      const labels = [
        ...table.rows.flatMap((r) => (r.label ? [{ ...r.label, row: r.def }] : [])),
        ...table.groupLabels,
      ].sort((a, b) => a.span.start - b.span.start);
      for (const label of labels) {
        if (label.quality === 'exact' || label.quality === 'fragment') continue;
        const args = { table: tableName(table.def.id, ctx.lang), written: label.text, official: label.row.label };
        ctx.emit({
          span: label.span,
          message: ctx.t({ 'zh-CN': '{table}行标签「{written}」与官方表述「{official}」不同', en: '{table}: the row label "{written}" differs from the official "{official}"' }, args),
          fixes: [
            {
              title: ctx.t({ 'zh-CN': '改为「{official}」', en: 'Change to "{official}"' }, args),
              // After a digit (two rows on one line), a space keeps the restored ordinal apart from the cell before it.
              edits: [{ span: label.span, newText: (/[0-9０-９]/.test(ctx.report.text[label.span.start - 1] ?? '') && /^\d/.test(label.row.label) ? ' ' : '') + label.row.label }],
              preferred: true,
              safety: 'fix',
            },
          ],
        });
      }
    }
  },
};
