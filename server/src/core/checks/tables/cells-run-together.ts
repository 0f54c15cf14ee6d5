import type { Localized } from '../../i18n';
import type { UnreadReason } from '../../parse/tables/split';
import type { Check } from '../types';
import { rowName, tableName } from './names';

const MAX_QUOTE = 30;

const MESSAGES: Record<UnreadReason, Localized> = {
  runTogether: { 'zh-CN': '{what}的数字连在一起（{written}），无法唯一地拆分为 {width} 个单元格', en: '{what}: the digits run together ({written}) and cannot be split into {width} cells unambiguously' },
  tooManyValues: { 'zh-CN': '{what}的数值（{written}）多于 {width} 个单元格，无法确定各数值所在的列', en: '{what}: more values ({written}) than its {width} cells; which column each belongs to is unknown' },
  noReadingFits: {
    'zh-CN': '{what}的数字（{written}）无论怎样拆分为 {width} 个单元格，合计都不符：该行需更正',
    en: '{what}: the digits ({written}) add up in no reading of its {width} cells: the row needs correcting',
  },
  blanksDropped: {
    'zh-CN': '{what}的数值（{written}）少于 {width} 个单元格，空白单元格未保留，无法确定各数值所在的列',
    en: '{what}: fewer values ({written}) than its {width} cells, blank cells were dropped; which column each belongs to is unknown',
  },
};

/** Read, but some values' columns are unknown: no relation that depends on their column uses them. */
const UNCERTAIN: Localized = {
  'zh-CN': '{what}的数值（{written}）少于 {width} 个单元格，空白单元格未保留：{values} 所在的列无法确定，不用于取决于其所在列的核对',
  en: '{what}: fewer values ({written}) than its {width} cells, blank cells were dropped; the column of {values} is unknown, and no check that depends on it uses it',
};

export const tableCellsRunTogether: Check = {
  meta: {
    id: 'table.cells-run-together',
    title: { 'zh-CN': '行的数字无法对应到单元格', en: "Row's numbers cannot be read into cells" },
    description: {
      'zh-CN':
        '复制时表格的分隔丢失，一行的数字无法唯一地对应到各单元格：数字连在了一起（如“行政规范性文件1250160”）且无法按表格的关系唯一地拆分，数值多于单元格，或空白单元格未保留而数值少于单元格。一串连在一起的数字无论怎样拆分合计都不符时，如实说明：该行无论按哪种读法都需更正。此时不做任何依赖这些数字的计算判断；只有部分数值所在的列无法确定时，也予以提示，这些数值不用于取决于其所在列的核对。请恢复单元格之间的分隔。',
      en: "The table's cell boundaries were lost in copying and a row's numbers cannot be matched to its cells one way only: digits ran together (行政规范性文件1250160) and the table's relations do not split them uniquely, there are more values than cells, or blank cells were dropped and there are fewer. Where no reading of one run of digits adds up, that is said: the row needs correcting whichever reading is meant. No arithmetic finding depends on these numbers; where only some values' columns are unknown, that is said too, and no check that depends on their column uses them. Restore the separation between the cells.",
    },
    defaultSeverity: 'warning',
    fixable: false,
  },
  run(ctx) {
    for (const table of Object.values(ctx.report.tables)) {
      if (!table) continue;
      for (const row of table.rows) {
        const uncertain = row.cells.filter((c) => c.uncertainColumn);
        if (!row.unread && !uncertain.length) continue;
        const width = table.def.blocks[row.block].columns.length;
        const text = ctx.report.text.slice(row.span.start, row.span.end).replace(/\s+/g, ' ');
        // The row as written, briefly: a message is read in a list, the text is in the editor.
        const written = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
        const what = table.def.id === 'review' ? ctx.t({ 'zh-CN': '{table}', en: '{table}' }, { table: tableName(table.def.id, ctx.lang) }) : ctx.t({ 'zh-CN': '{table}「{row}」行', en: '{table}, row "{row}"' }, { table: tableName(table.def.id, ctx.lang), row: rowName(table, row.def) });
        const args = { what, written, width };
        ctx.emit({
          span: row.span,
          message: row.unread
            ? ctx.t(MESSAGES[row.unread], args)
            : ctx.t(UNCERTAIN, { ...args, values: uncertain.map((c) => c.value).join(ctx.lang === 'en' ? ', ' : '、') }),
        });
      }
    }
  },
};
