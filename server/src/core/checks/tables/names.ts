// How findings name tables, rows, columns and cells, in the format's own words.

import { REVIEW_GROUPS, type RowDef, type TableId } from '../../format/tables';
import type { Lang } from '../../i18n';
import type { Table } from '../../parse/model';
import type { CellRef } from '../../relations';
import type { Fix } from '../types';

const TABLE_NAMES: Record<TableId, Record<Lang, string>> = {
  proactive: { 'zh-CN': '表一', en: 'Table 1' },
  requests: { 'zh-CN': '表二', en: 'Table 2' },
  review: { 'zh-CN': '表三', en: 'Table 3' },
};

export function tableName(id: TableId, lang: Lang): string {
  return TABLE_NAMES[id][lang];
}

const APPLICANT_EN: Record<string, string> = {
  natural: 'natural persons',
  commercial: 'commercial enterprises',
  research: 'research institutions',
  social: 'public-welfare organisations',
  legal: 'legal service agencies',
  other: 'other organisations',
  total: 'total',
};

/** Table 1's columns, by their official label (an id such as `amount` names two of them). */
const PROACTIVE_COLUMN_EN: Record<string, string> = {
  本年制发件数: 'issued this year',
  本年废止件数: 'repealed this year',
  现行有效件数: 'in force',
  本年处理决定数量: 'decisions this year',
  '本年收费金额（单位：万元）': 'fees this year (10,000 yuan)',
  上一年项目数量: 'items last year',
  '本年增/减': 'change this year',
  处理决定数量: 'decisions',
  本年新制作数量: 'made this year',
  本年新公开数量: 'published this year',
  对外公开总数量: 'published in total',
  采购项目数量: 'procurement projects',
  采购总金额: 'procurement amount',
};

const REVIEW_EN: Record<string, string> = { upheld: 'upheld', corrected: 'corrected', other: 'other', pending: 'pending', total: 'total' };
const GROUP_EN: Record<string, string> = { review: 'administrative review', direct: 'litigation without review', afterReview: 'litigation after review' };

/** `（三）不予公开 4.保护第三方合法权益` for a sub-row, the label itself otherwise (official wording). */
export function rowName(table: Table, def: RowDef): string {
  const parent = def.parent && def.parent !== 'results' ? table.rowDefs.find((r) => r.id === def.parent) : undefined;
  return parent ? `${parent.label} ${def.label}` : def.label;
}

/** A column's name; table 1's columns differ by block, the block of the row. */
export function columnName(table: Table, column: number, lang: Lang, block = 0): string {
  const def = (table.def.blocks[block] ?? table.def.blocks[0]).columns[column];
  if (table.def.id === 'proactive') return lang === 'en' ? (PROACTIVE_COLUMN_EN[def.label] ?? def.label) : def.label;
  if (table.def.id === 'review') {
    const [group, part] = def.id.split('.');
    const g = REVIEW_GROUPS.find((x) => x.id === group)!;
    return lang === 'en' ? `${GROUP_EN[group]} ${REVIEW_EN[part]}` : `${g.label}·${def.label}`;
  }
  return lang === 'en' ? (APPLICANT_EN[def.id] ?? def.label) : def.label;
}

export function cellName(ref: CellRef, lang: Lang): string {
  if (ref.table.def.id === 'review') return lang === 'en' ? `Table 3 ${columnName(ref.table, ref.column, lang)}` : `表三「${columnName(ref.table, ref.column, lang)}」`;
  const row = rowName(ref.table, ref.row.def);
  const column = columnName(ref.table, ref.column, lang, ref.row.block);
  return lang === 'en' ? `"${row}", ${column}` : `「${row}」行「${column}」列`;
}

/**
 * Several cells, named as briefly as they can be: the sub-rows of one group in
 * one column as that group (`「（三）不予公开」各行「总计」列之和`), else each cell.
 */
export function cellsName(refs: CellRef[], lang: Lang): string {
  const [first] = refs;
  const parent = first?.row.def.parent;
  if (refs.length > 1 && parent && parent !== 'results' && refs.every((r) => r.column === first.column && r.row.def.parent === parent && r.table === first.table)) {
    const siblings = first.table.rowDefs.filter((d) => d.parent === parent && !d.group);
    if (siblings.length === refs.length) {
      const group = first.table.rowDefs.find((d) => d.id === parent)!.label;
      const column = columnName(first.table, first.column, lang);
      return lang === 'en' ? `the sum of the rows of "${group}", ${column}` : `「${group}」各行「${column}」列之和`;
    }
  }
  return refs.map((c) => cellName(c, lang)).join(lang === 'en' ? ' + ' : '＋');
}

export function cellValue(ref: CellRef): number | null {
  return ref.row.cells[ref.column].value;
}

/** A fix that writes `value` into a cell, when the cell has a place in the text of its own. */
export function setCellFix(ref: CellRef, value: number, title: string, preferred: boolean): Fix | undefined {
  const cell = ref.row.cells[ref.column];
  if (!cell.span || cell.split) return undefined;
  // A number is a fact: changing it is always the user's choice.
  return { title, edits: [{ span: cell.span, newText: String(value) }], preferred, safety: 'suggestion' };
}
