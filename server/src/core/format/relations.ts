// The arithmetic the format requires, as data, stated once. Read by one
// interpreter (`relations.ts`) that the reader (to split run-together digits),
// the checks, hover, the preview and the prose linker all use.

import type { TableId } from './tables';

export type RelationKind = 'row-total' | 'results-total' | 'balance' | 'review-total';

/** Within one row: the cell `total` (a column index) is the sum of the cells `parts`. */
export interface InRowRelation {
  kind: RelationKind;
  parts: number[];
  total: number;
}

/**
 * Down every column: the rows of `left` sum to the rows of `right`. A row is
 * named by id, or `{ under }`: every row below that group (its leaves),
 * except those listed.
 */
export type RowSelector = string | { under: string; except: string[] };

export interface ColumnRelation {
  kind: RelationKind;
  left: RowSelector[];
  right: RowSelector[];
  /** The row whose cell a finding points at and a total fix sets. */
  total: string;
}

export interface TableRelations {
  inRow: InRowRelation[];
  perColumn: ColumnRelation[];
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

export const RELATIONS: Record<TableId, TableRelations> = {
  // No sum relation holds inside table 1.
  proactive: { inRow: [], perColumn: [] },
  requests: {
    // 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
    inRow: [{ kind: 'row-total', parts: range(0, 6), total: 6 }],
    perColumn: [
      // (七)总计 = every result row.
      { kind: 'results-total', left: [{ under: 'results', except: ['resultsTotal'] }], right: ['resultsTotal'], total: 'resultsTotal' },
      // 勾稽关系: 一 + 二 = (七)总计 + 四.
      { kind: 'balance', left: ['new', 'carried'], right: ['resultsTotal', 'next'], total: 'next' },
    ],
  },
  review: {
    // In each of 行政复议, 未经复议直接起诉, 复议后起诉: 总计 = 维持 + 纠正 + 其他 + 尚未审结.
    inRow: [0, 5, 10].map((g) => ({ kind: 'review-total' as const, parts: range(g, 4), total: g + 4 })),
    perColumn: [],
  },
};

/**
 * Whether a row's values (blanks as `null`, counted as 0: a relation that holds
 * with them decides them) satisfy the table's in-row relations: what the reader
 * uses to choose between readings of run-together digits.
 */
export function holdsInRow(table: TableId, values: readonly (number | null)[]): boolean {
  return RELATIONS[table].inRow.every((r) => r.parts.reduce((s, i) => s + (values[i] ?? 0), 0) === (values[r.total] ?? 0));
}
