// The arithmetic the format requires of tables 2 and 3, as data: each
// relation says sum(left) = sum(right). Evaluated once per report and shared
// by the checks, their fixes and hover.

import { APPLICANT_COLUMNS } from './format/tables';
import { localize, type Lang, type Localized } from './i18n';
import type { Report, Table, TableRow } from './parse/model';

export type RelationKind = 'row-total' | 'results-total' | 'balance' | 'review-total';

export interface CellRef {
  table: Table;
  row: TableRow;
  column: number;
}

export interface Relation {
  kind: RelationKind;
  left: CellRef[];
  right: CellRef[];
  /** The cell a finding points at, and the one the total fix sets (the same object as in `left` or `right`). */
  total: CellRef;
}

export interface Evaluated {
  relation: Relation;
  leftSum: number;
  rightSum: number;
  holds: boolean;
}

export interface Culprit {
  cell: CellRef;
  value: number;
}

export interface Relations {
  /** The relations whose cells are all known. */
  checked: Evaluated[];
  failing: Evaluated[];
  /**
   * For a failing relation: the cells whose change alone makes its whole group
   * of failures (failing relations that share cells) hold, breaking nothing.
   */
  candidatesOf(e: Evaluated): Culprit[];
}

const RESULTS_EXCLUDED = new Set(['new', 'carried', 'next', 'resultsTotal']);

function requestRelations(table: Table): Relation[] {
  const out: Relation[] = [];
  const row = (id: string) => table.rows.find((r) => r.def.id === id);
  for (const r of table.rows) {
    const cell = { table, row: r, column: 6 };
    out.push({ kind: 'row-total', left: [0, 1, 2, 3, 4, 5].map((column) => ({ table, row: r, column })), right: [cell], total: cell });
  }
  const total = row('resultsTotal');
  const results = table.rowDefs.filter((d) => !d.group && !RESULTS_EXCLUDED.has(d.id));
  const resultRows = results.map((d) => row(d.id));
  const [fresh, carried, next] = [row('new'), row('carried'), row('next')];
  for (let column = 0; column < APPLICANT_COLUMNS.length; column++) {
    if (total && resultRows.every((r) => r)) {
      const cell = { table, row: total, column };
      out.push({ kind: 'results-total', left: resultRows.map((r) => ({ table, row: r!, column })), right: [cell], total: cell });
    }
    if (total && fresh && carried && next) {
      const cell = { table, row: next, column };
      out.push({ kind: 'balance', left: [fresh, carried].map((r) => ({ table, row: r, column })), right: [{ table, row: total, column }, cell], total: cell });
    }
  }
  return out;
}

function reviewRelations(table: Table): Relation[] {
  const [r] = table.rows;
  if (!r) return [];
  return [0, 5, 10].map((g) => {
    const cell = { table, row: r, column: g + 4 };
    return { kind: 'review-total' as const, left: [0, 1, 2, 3].map((i) => ({ table, row: r, column: g + i })), right: [cell], total: cell };
  });
}

/** Whether two references name the same cell (each relation makes its own references). */
export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.row === b.row && a.column === b.column;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A row's own total relation, with blanks as 0: a blank it decides is a 0. */
function rowTotalHolds(row: TableRow): boolean {
  const v = row.cells.map((c) => c.value ?? 0);
  return sum(v.slice(0, 6)) === v[6];
}

/**
 * The value a relation may use for a cell, or undefined when it is unknown:
 * digits that ran together, a value whose column is uncertain, or a blank
 * that no relation decides. The row-total relation counts blanks as 0.
 */
export function valueFor(ref: CellRef, kind: RelationKind): number | undefined {
  const { row, column } = ref;
  if (row.unread) return undefined;
  const cell = row.cells[column];
  if (cell.invalid) return undefined;
  if (kind === 'row-total') return cell.value ?? 0;
  if (cell.uncertainColumn) return undefined;
  if (cell.value !== null) return cell.value;
  if (kind === 'review-total') return 0;
  return rowTotalHolds(row) ? 0 : undefined;
}

function evaluate(relation: Relation): Evaluated | undefined {
  const left = relation.left.map((c) => valueFor(c, relation.kind));
  const right = relation.right.map((c) => valueFor(c, relation.kind));
  if ([...left, ...right].some((v) => v === undefined)) return undefined;
  const leftSum = sum(left as number[]);
  const rightSum = sum(right as number[]);
  return { relation, leftSum, rightSum, holds: leftSum === rightSum };
}

const key = (c: CellRef) => `${c.table.def.id}:${c.row.def.id}:${c.column}`;

function analyse(report: Report): Relations {
  const relations = [
    ...(report.tables.requests ? requestRelations(report.tables.requests) : []),
    ...(report.tables.review ? reviewRelations(report.tables.review) : []),
  ];
  const checked = relations.map(evaluate).filter((e): e is Evaluated => !!e);
  const failing = checked.filter((e) => !e.holds);

  // Failing relations that share a cell are one problem; each problem may have one culprit.
  // The index of relations by cell is only needed when something fails.
  const byCell = new Map<string, Evaluated[]>();
  if (failing.length) {
    for (const e of checked) {
      for (const c of [...e.relation.left, ...e.relation.right]) {
        const k = key(c);
        const list = byCell.get(k);
        if (list) list.push(e);
        else byCell.set(k, [e]);
      }
    }
  }
  const group = new Map<Evaluated, Set<Evaluated>>();
  for (const e of failing) {
    if (group.has(e)) continue;
    const members = new Set<Evaluated>([e]);
    const queue = [e];
    while (queue.length) {
      const cur = queue.pop()!;
      for (const c of [...cur.relation.left, ...cur.relation.right]) {
        for (const other of byCell.get(key(c)) ?? []) {
          if (!other.holds && !members.has(other)) {
            members.add(other);
            queue.push(other);
          }
        }
      }
    }
    for (const m of members) group.set(m, members);
  }
  const culprits = new Map<Set<Evaluated>, Culprit[]>();
  const candidatesOfGroup = (members: Set<Evaluated>): Culprit[] => {
    if (culprits.has(members)) return culprits.get(members)!;
    const found: Culprit[] = [];
    const seen = new Set<string>();
    for (const e of members) {
      for (const c of [...e.relation.left, ...e.relation.right]) {
        const k = key(c);
        if (seen.has(k)) continue;
        seen.add(k);
        const involved = byCell.get(k) ?? [];
        // Changing the cell must mend every failure of the group and break nothing that holds.
        if (involved.some((x) => x.holds) || [...members].some((m) => !involved.includes(m))) continue;
        const current = c.row.cells[c.column].value ?? 0;
        const wanted = involved.map((x) =>
          x.relation.left.some((l) => key(l) === k) ? current + (x.rightSum - x.leftSum) : current + (x.leftSum - x.rightSum),
        );
        if (wanted.every((w) => w === wanted[0]) && wanted[0] >= 0) found.push({ cell: c, value: wanted[0] });
      }
    }
    culprits.set(members, found);
    return found;
  };
  return {
    checked,
    failing,
    candidatesOf: (e) => (group.has(e) ? candidatesOfGroup(group.get(e)!) : []),
  };
}

const RELATION_NAMES: Record<RelationKind, Localized> = {
  'row-total': { 'zh-CN': '行总计 = 各申请人之和', en: 'row total = sum of applicants' },
  'results-total': { 'zh-CN': '（七）总计 = 办理结果之和', en: '（七）总计 = sum of results' },
  balance: { 'zh-CN': '勾稽关系：一 + 二 = （七）总计 + 四', en: 'balance: 一 + 二 = （七）总计 + 四' },
  'review-total': { 'zh-CN': '总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'total = upheld + corrected + other + pending' },
};

/** A relation with its values, for hover and the table preview: `✓ 行总计 = 各申请人之和：4 + 1 + … = 5；5 = 5`. */
export function relationText(e: Evaluated, lang: Lang): string {
  const side = (cells: CellRef[], total: number) => `${cells.map((c) => c.row.cells[c.column].value ?? 0).join(' + ')} = ${total}`;
  return `${e.holds ? '✓' : '✗'} ${localize(RELATION_NAMES[e.relation.kind], lang)}：${side(e.relation.left, e.leftSum)}；${side(e.relation.right, e.rightSum)}`;
}

const cache = new WeakMap<Report, Relations>();

export function relationsOf(report: Report): Relations {
  let r = cache.get(report);
  if (!r) {
    r = analyse(report);
    cache.set(report, r);
  }
  return r;
}
