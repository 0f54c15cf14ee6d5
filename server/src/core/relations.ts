// The format's relations (`format/relations.ts`) made concrete for a
// report's tables: each says sum(left) = sum(right) over cells. Evaluated once
// per report and shared by the checks, their fixes, hover and the prose.

import { holdsInRow, RELATIONS, type RelationKind, type RowSelector } from './format/relations';
import { localize, type Lang, type Localized } from './i18n';
import type { Report, Table, TableRow } from './parse/model';

export type { RelationKind } from './format/relations';

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

/** The rows a selector names, in the format's order; undefined when one of them is not in the table. */
function selectRows(table: Table, selector: RowSelector): TableRow[] | undefined {
  const byId = (id: string) => table.rows.find((r) => r.def.id === id);
  if (typeof selector === 'string') {
    const row = byId(selector);
    return row ? [row] : undefined;
  }
  const below = (id: string | undefined): boolean => {
    const def = table.rowDefs.find((d) => d.id === id);
    return !!def && (def.id === selector.under || below(def.parent));
  };
  const defs = table.rowDefs.filter((d) => !d.group && d.id !== selector.under && below(d.parent) && !selector.except.includes(d.id));
  const rows = defs.map((d) => byId(d.id));
  return rows.every((r) => r) ? (rows as TableRow[]) : undefined;
}

/**
 * The table's relations over its cells, from the format's data. They name
 * cells by row and column, never by value, so they are made once a table
 * (a suggestion is judged by evaluating them again with one value changed).
 */
const relationsByTable = new WeakMap<Table, readonly Relation[]>();

function tableRelations(table: Table): readonly Relation[] {
  let relations = relationsByTable.get(table);
  if (!relations) relationsByTable.set(table, (relations = makeRelations(table)));
  return relations;
}

function makeRelations(table: Table): Relation[] {
  const data = RELATIONS[table.def.id];
  const out: Relation[] = [];
  for (const row of table.rows) {
    for (const r of data.inRow) {
      const total = { table, row, column: r.total };
      out.push({ kind: r.kind, left: r.parts.map((column) => ({ table, row, column })), right: [total], total });
    }
  }
  const columns = table.def.blocks[0].columns.length;
  for (const r of data.perColumn) {
    const left = r.left.map((s) => selectRows(table, s));
    const right = r.right.map((s) => selectRows(table, s));
    const totalRow = selectRows(table, r.total)?.[0];
    if (!totalRow || [...left, ...right].some((rows) => !rows)) continue;
    for (let column = 0; column < columns; column++) {
      const refs = (sides: (TableRow[] | undefined)[]) => sides.flatMap((rows) => rows!.map((row) => ({ table, row, column })));
      const l = refs(left);
      const rr = refs(right);
      const total = [...l, ...rr].find((c) => c.row === totalRow)!;
      out.push({ kind: r.kind, left: l, right: rr, total });
    }
  }
  return out;
}

/** Whether two references name the same cell (each relation makes its own references). */
export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.row === b.row && a.column === b.column;
}


/** Whether the row's own relations hold with its blanks as 0: then they decide its blanks, as 0. */
function rowDecidesBlanks(row: TableRow, table: Table): boolean {
  return RELATIONS[table.def.id].inRow.length > 0 && holdsInRow(table.def.id, row.cells.map((c) => c.value));
}

/**
 * The one rule for what a cell counts as, or undefined when it is unknown: a
 * value as read; a blank is 0 only where the row's own relations decide it
 * (they hold with it as 0) — never in table 1, which has none. Unknown: an
 * unread row, an invalid cell, a value whose column is uncertain.
 */
export function valueOf(ref: CellRef): number | undefined {
  const { row, column } = ref;
  if (row.unread) return undefined;
  const cell = row.cells[column];
  if (cell.invalid || cell.uncertainColumn) return undefined;
  if (cell.value !== null) return cell.value;
  return rowDecidesBlanks(row, ref.table) ? 0 : undefined;
}

/**
 * The value a relation uses: `valueOf`, except in a relation within one row,
 * which takes the row's blanks as 0 to judge them, and may take a value whose
 * column is uncertain when its parts cover every column the value may be in
 * (the row total sums all the middle columns).
 */
function valueFor(ref: CellRef, relation: Relation, withinRow: boolean): number | undefined {
  const { row, column } = ref;
  const cell = row.cells[column];
  if (!withinRow || row.unread || cell.invalid) return valueOf(ref);
  if (cell.uncertainColumn) {
    const covered = new Set([...relation.left, ...relation.right].map((c) => c.column));
    for (let i = 1; i < row.cells.length - 1; i++) if (!covered.has(i)) return undefined;
  }
  return cell.value ?? 0;
}

function evaluate(relation: Relation): Evaluated | undefined {
  const row = (relation.left[0] ?? relation.right[0])?.row;
  const withinRow = relation.left.every((c) => c.row === row) && relation.right.every((c) => c.row === row);
  let leftSum = 0;
  let rightSum = 0;
  for (const c of relation.left) {
    const value = valueFor(c, relation, withinRow);
    if (value === undefined) return undefined;
    leftSum += value;
  }
  for (const c of relation.right) {
    const value = valueFor(c, relation, withinRow);
    if (value === undefined) return undefined;
    rightSum += value;
  }
  return { relation, leftSum, rightSum, holds: leftSum === rightSum };
}

const key = (c: CellRef) => `${c.table.def.id}:${c.row.def.id}:${c.column}`;

function analyse(report: Report): Relations {
  const relations = Object.values(report.tables).flatMap((t) => (t ? tableRelations(t) : []));
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

/** What writing a value into one cell would do to the table's relations. */
export interface Effect {
  /** Relations that fail now and would hold. */
  mends: Relation[];
  /** A relation that holds, or cannot be judged, now would fail. */
  breaks: boolean;
}

/**
 * Writing `value` into `ref`, simulated: the table's relations are evaluated
 * with it, under the same blank rule, and compared with today's. A suggestion
 * to change a cell is offered only when it breaks nothing.
 */
export function effectOf(ref: CellRef, value: number): Effect {
  const relations = tableRelations(ref.table);
  const before = relations.map(evaluate);
  return withCell(ref, value, () => {
    const mends: Relation[] = [];
    let breaks = false;
    relations.forEach((relation, i) => {
      const was = before[i];
      const now = evaluate(relation);
      if (now && !now.holds && (!was || was.holds)) breaks = true;
      if (now?.holds && was && !was.holds) mends.push(relation);
    });
    return { mends, breaks };
  });
}

/** Runs `fn` as if `value` were written in `ref` (read as any value is, under the one blank rule). */
export function withCell<T>(ref: CellRef, value: number, fn: () => T): T {
  const { row, column } = ref;
  const cell = row.cells[column];
  row.cells[column] = { column: cell.column, value, span: cell.span };
  try {
    return fn();
  } finally {
    row.cells[column] = cell;
  }
}

const RELATION_NAMES: Record<RelationKind, Localized> = {
  'row-total': { 'zh-CN': '行总计 = 各申请人之和', en: 'row total = sum of applicants' },
  'results-total': { 'zh-CN': '（七）总计 = 办理结果之和', en: 'results total = sum of results' },
  balance: { 'zh-CN': '勾稽关系：一 + 二 = （七）总计 + 四', en: 'balance: new + carried over = results total + carried forward' },
  'review-total': { 'zh-CN': '总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'total = upheld + corrected + other + pending' },
};

/** The names of a relation's two sides where it fails: the side with its total cell, and the other where it needs one. */
const SIDE_NAMES: Record<RelationKind, { total: Localized; parts?: Localized }> = {
  'row-total': { total: { 'zh-CN': '总计', en: 'total' } },
  'results-total': { total: { 'zh-CN': '（七）总计', en: 'results total' } },
  balance: { total: { 'zh-CN': '（七）总计 + 四', en: 'results total + carried forward' }, parts: { 'zh-CN': '一 + 二', en: 'new + carried over' } },
  'review-total': { total: { 'zh-CN': '总计', en: 'total' } },
};

/**
 * A relation with its values, for hover and the table preview. One that holds
 * shows its arithmetic (`✓ 行总计 = 各申请人之和：4 + 1 + … = 5；5 = 5`); one
 * that fails leads with what is wrong: the total, what it should be and the
 * parts that make it (`✗ 总计 0 ≠ 11 (10 + 1 + 0 + 0)`).
 */
export function relationText(e: Evaluated, lang: Lang): string {
  const values = (cells: CellRef[]) => cells.map((c) => c.row.cells[c.column].value ?? 0);
  const { relation } = e;
  if (e.holds) {
    const side = (cells: CellRef[], total: number) => `${values(cells).join(' + ')} = ${total}`;
    return `✓ ${localize(RELATION_NAMES[relation.kind], lang)}：${side(relation.left, e.leftSum)}；${side(relation.right, e.rightSum)}`;
  }
  const totalOnLeft = relation.left.includes(relation.total);
  const [totalCells, totalSum, partCells, partSum] = totalOnLeft
    ? [relation.left, e.leftSum, relation.right, e.rightSum]
    : [relation.right, e.rightSum, relation.left, e.leftSum];
  const side = (cells: CellRef[], sum: number) => (cells.length === 1 ? `${sum}` : `${sum} (${values(cells).join(' + ')})`);
  const names = SIDE_NAMES[relation.kind];
  const partsName = names.parts ? `${localize(names.parts, lang)} ` : '';
  return `✗ ${localize(names.total, lang)} ${side(totalCells, totalSum)} ≠ ${partsName}${side(partCells, partSum)}`;
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
