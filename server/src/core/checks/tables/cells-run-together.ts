import type { Check } from '../types';
import { rowName, tableName } from './names';

export const tableCellsRunTogether: Check = {
  meta: {
    id: 'table.cells-run-together',
    title: { 'zh-CN': '数字连在一起无法拆分', en: 'Cells run together' },
    description: {
      'zh-CN': '复制时表格的分隔丢失，一行的数字连在了一起（如“行政规范性文件1250160”），且无法按表格的关系唯一地拆分。此时不做任何依赖这些数字的计算判断，请恢复单元格之间的分隔。',
      en: "The table's cell boundaries were lost in copying and a row's digits ran together (行政规范性文件1250160) in a way the table's relations cannot split uniquely. No arithmetic finding depends on these digits; restore the separation between the cells.",
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    for (const table of Object.values(ctx.report.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        if (!row.runTogether) continue;
        const width = table.def.blocks[row.block].columns.length;
        const written = ctx.report.text.slice(row.span.start, row.span.end);
        const args = { table: tableName(table.def.id, ctx.lang), row: table.def.id === 'review' ? '' : rowName(table, row.def), written, width };
        ctx.emit({
          span: row.span,
          message:
            table.def.id === 'review'
              ? ctx.t({ 'zh-CN': '{table}的数字连在一起（{written}），无法唯一地拆分为 {width} 个单元格', en: "{table}'s digits run together ({written}) and cannot be split into {width} cells unambiguously" }, args)
              : ctx.t({ 'zh-CN': '{table}「{row}」行的数字连在一起（{written}），无法唯一地拆分为 {width} 个单元格', en: '{table}: the digits of "{row}" run together ({written}) and cannot be split into {width} cells unambiguously' }, args),
        });
      }
    }
  },
};
