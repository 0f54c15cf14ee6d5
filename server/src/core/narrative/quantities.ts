// What prose says about the tables, as data: each quantity a figure can
// speak of, the words that name it, and the cells that hold it.

import type { Localized } from '../i18n';
import type { Report, TableRow } from '../parse/model';
import type { CellRef } from '../relations';

export type Topic = 'requests' | 'review' | 'litigation' | 'cases';

export interface QuantityDef {
  id: string;
  /** Words in the clause that name the quantity (on compact text). */
  words: RegExp;
  /** When several quantities are named near a figure, the higher wins: outcomes beat the verbs around them. */
  priority: number;
  /** Generic verbs (答复, 办结) count only before their figure; nouns may follow it (`受理2件…行政诉讼`). */
  before?: boolean;
  /** Another word the clause must hold as well (`收到…申请`). */
  needs?: RegExp;
  /** The figure must stand where the text speaks of this (the last topic named before it). */
  topic?: Topic[];
  unit: '件' | '万元';
  name: Localized;
  /** The cells the quantity sums, for a given topic; undefined when the table is not there. */
  cells(report: Report, topic: Topic | undefined): CellRef[] | undefined;
  /** Another reading of the same words that also agrees (受理 may include those carried over). */
  alternative?: (report: Report) => CellRef[] | undefined;
}

function requestRow(report: Report, id: string): TableRow | undefined {
  return report.tables.requests?.rows.find((r) => r.def.id === id);
}

/** The 总计 cells of table 2 rows: one row, or a group's sub-rows. */
function requestTotals(...ids: string[]) {
  return (report: Report): CellRef[] | undefined => {
    const table = report.tables.requests;
    if (!table) return undefined;
    const rows = table.rowDefs.filter((d) => !d.group && (ids.includes(d.id) || ids.includes(d.parent ?? '')));
    const found = rows.map((d) => requestRow(report, d.id));
    if (!rows.length || found.some((r) => !r)) return undefined;
    return found.map((row) => ({ table, row: row!, column: 6 }));
  };
}

/** Cells of table 3 by column suffix: review (复议) or both litigation groups (诉讼). */
function reviewCells(part: 'upheld' | 'corrected' | 'other' | 'pending' | 'total') {
  return (report: Report, topic: Topic | undefined): CellRef[] | undefined => {
    const table = report.tables.review;
    const row = table?.rows[0];
    if (!table || !row) return undefined;
    const groups = topic === 'review' ? ['review'] : topic === 'litigation' ? ['direct', 'afterReview'] : [];
    if (!groups.length) return undefined;
    const columns = table.def.blocks[0].columns;
    return groups.map((g) => ({ table, row, column: columns.findIndex((c) => c.id === `${g}.${part}`) }));
  };
}

/** A table 1 cell: the row's first column (本年制发 / 本年新制作), or a named one. */
function proactiveCell(rowId: string, column?: (format: string) => string) {
  return (report: Report): CellRef[] | undefined => {
    const table = report.tables.proactive;
    const row = table?.rows.find((r) => r.def.id === rowId);
    if (!table || !row) return undefined;
    const columns = table.def.blocks[row.block].columns;
    const index = column ? columns.findIndex((c) => c.id === column(report.format.format ?? '2021')) : 0;
    return index < 0 ? undefined : [{ table, row, column: index }];
  };
}

const REQUESTS: Topic[] = ['requests'];
const CASES: Topic[] = ['review', 'litigation'];

export const QUANTITIES: readonly QuantityDef[] = [
  {
    id: 'requests.carried',
    words: /上一?年度?结转|上一?年度?未办结/,
    priority: 90,
    unit: '件',
    name: { 'zh-CN': '上年结转', en: 'carried over from last year' },
    cells: requestTotals('carried'),
  },
  {
    id: 'requests.next',
    words: /结转(至|到)?下一?年度?|转(至|到)?下一?年度?|顺延(至|到)?下一?年度?/,
    priority: 90,
    unit: '件',
    name: { 'zh-CN': '结转下年度', en: 'carried forward' },
    cells: requestTotals('next'),
  },
  {
    id: 'requests.openPartial',
    words: /予以公开(及|和|与|、)部分公开/,
    priority: 85,
    before: true,
    unit: '件',
    name: { 'zh-CN': '予以公开及部分公开', en: 'released in full or in part' },
    cells: requestTotals('open', 'partial'),
  },
  ...(
    [
      ['open', /予以公开|同意公开|全部公开/, '予以公开', 'released'],
      ['partial', /部分公开/, '部分公开', 'released in part'],
      ['withheld', /不予公开/, '不予公开', 'withheld'],
      ['unable', /无法提供/, '无法提供', 'unable to provide'],
      ['rejected', /不予处理/, '不予处理', 'not processed'],
      ['otherHandling', /其他处理/, '其他处理', 'handled otherwise'],
    ] as const
  ).map(([id, words, zh, en]) => ({
    id: `requests.${id}`,
    words,
    priority: 80,
    before: true,
    unit: '件' as const,
    name: { 'zh-CN': zh, en },
    cells: requestTotals(id),
  })),
  ...(
    [
      ['upheld', /结果维持|维持/, '结果维持', 'upheld'],
      ['corrected', /结果纠正|纠正|纠错/, '结果纠正', 'corrected'],
      ['other', /其他结果/, '其他结果', 'other results'],
      ['pending', /尚未审结|未审结/, '尚未审结', 'pending'],
    ] as const
  ).map(([part, words, zh, en]) => ({
    id: `cases.${part}`,
    words,
    priority: 70,
    before: true,
    topic: CASES,
    unit: '件' as const,
    name: { 'zh-CN': zh, en },
    cells: reviewCells(part),
  })),
  {
    id: 'review.total',
    words: /行政复议/,
    priority: 60,
    unit: '件',
    name: { 'zh-CN': '行政复议', en: 'administrative reviews' },
    cells: (report) => reviewCells('total')(report, 'review'),
  },
  {
    id: 'litigation.total',
    words: /行政诉讼/,
    priority: 60,
    unit: '件',
    name: { 'zh-CN': '行政诉讼', en: 'lawsuits' },
    cells: (report) => reviewCells('total')(report, 'litigation'),
  },
  {
    id: 'requests.new',
    words: /收到|受理|接收|新收|接到/,
    needs: /申请/,
    priority: 50,
    before: true,
    topic: REQUESTS,
    unit: '件',
    name: { 'zh-CN': '收到申请', en: 'requests received' },
    cells: requestTotals('new'),
    alternative: requestTotals('new', 'carried'),
  },
  {
    id: 'requests.handled',
    words: /办结|答复|办理完成|办理/,
    priority: 40,
    before: true,
    topic: REQUESTS,
    unit: '件',
    name: { 'zh-CN': '办结', en: 'requests handled' },
    cells: requestTotals('resultsTotal'),
  },
  {
    id: 'proactive.normativeInForce',
    words: /现行有效[^，,；;]*规范性文件|规范性文件[^，,；;]*现行有效/,
    priority: 35,
    before: true,
    unit: '件',
    name: { 'zh-CN': '现行有效规范性文件', en: 'normative documents in force' },
    cells: proactiveCell('normative', (f) => (f === '2019' ? 'totalPublished' : 'inForce')),
  },
  ...(
    [
      ['normative', /规范性文件/, '规范性文件', 'normative documents'],
      ['rules', /规章/, '规章', 'rules'],
      ['licensing', /行政许可/, '行政许可', 'licensing decisions'],
      ['penalty', /行政处罚/, '行政处罚', 'penalty decisions'],
      ['coercion', /行政强制/, '行政强制', 'coercion decisions'],
    ] as const
  ).map(([id, words, zh, en]) => ({
    id: `proactive.${id}`,
    words,
    priority: 30,
    before: true,
    unit: '件' as const,
    name: { 'zh-CN': zh, en },
    cells: proactiveCell(id, id === 'normative' || id === 'rules' ? undefined : () => 'decisions'),
  })),
  {
    id: 'proactive.fees',
    words: /行政事业性收费/,
    priority: 30,
    before: true,
    unit: '万元',
    name: { 'zh-CN': '行政事业性收费', en: 'administrative fees' },
    // The 2019 table has no amount for fees: nothing to compare with there.
    cells: proactiveCell('fees', (f) => (f === '2019' ? 'none' : 'amount')),
  },
];

/** The words that set what a paragraph is talking about, for breakdowns such as 结果维持. */
export const TOPIC_WORDS: { topic: Topic; word: string }[] = [
  { topic: 'review', word: '复议' },
  { topic: 'litigation', word: '诉讼' },
  { topic: 'requests', word: '申请' },
  { topic: 'cases', word: '案件' },
];
