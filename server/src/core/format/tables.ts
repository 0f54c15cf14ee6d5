// The three statistical tables of the 2021 and 2019 formats, as data:
// rows with their official labels and accepted aliases, and columns.
// Labels are compared as `labelKey` text (punctuation and spaces removed).

import type { SectionKey } from './sections';

export type FormatId = '2021' | '2019';
export type TableId = 'proactive' | 'requests' | 'review';

export interface RowDef {
  id: string;
  /** Official label, as printed in the notice. */
  label: string;
  /** Other wordings seen in real reports. */
  aliases?: string[];
  /** The group row this one belongs to (table 2: 三、本年度办理结果 and its (三)…(六)). */
  parent?: string;
  /** A group header carries no numbers of its own. */
  group?: boolean;
}

export interface ColumnDef {
  id: string;
  label: string;
}

export interface BlockDef {
  /** Block heading, e.g. 第二十条第(一)项 (table 1 only). */
  label?: string;
  columns: ColumnDef[];
  rows: RowDef[];
}

export interface TableDef {
  id: TableId;
  section: SectionKey;
  title: string;
  blocks: BlockDef[];
}

export const APPLICANT_COLUMNS: ColumnDef[] = [
  { id: 'natural', label: '自然人' },
  { id: 'commercial', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'social', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'other', label: '其他' },
  { id: 'total', label: '总计' },
];

const requestRowsMemo = new Map<string, RowDef[]>();

/**
 * Table 2's rows. `otherHandlingSplit`: (六)其他处理 has the 2021 format's three
 * sub-rows; mixed reports use the 2021 rows with a single (六) row.
 * Format data: built once per variant and shared by every report.
 */
export function requestRows(format: FormatId, otherHandlingSplit = format === '2021'): RowDef[] {
  const key = `${format}:${otherHandlingSplit}`;
  let rows = requestRowsMemo.get(key);
  if (!rows) requestRowsMemo.set(key, (rows = buildRequestRows(format, otherHandlingSplit)));
  return rows;
}

function buildRequestRows(format: FormatId, otherHandlingSplit: boolean): RowDef[] {
  const r = (id: string, label: string, parent?: string, aliases?: string[]): RowDef => ({ id, label, parent, aliases });
  const g = (id: string, label: string, parent?: string): RowDef => ({ id, label, parent, group: true });
  const rows: RowDef[] = [
    r('new', '一、本年新收政府信息公开申请数量'),
    r('carried', '二、上年结转政府信息公开申请数量'),
    g('results', '三、本年度办理结果'),
    r('open', '（一）予以公开', 'results'),
    r('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results', ['（二）部分公开']),
    g('withheld', '（三）不予公开', 'results'),
    r('withheld.secret', '1.属于国家秘密', 'withheld'),
    r('withheld.law', '2.其他法律行政法规禁止公开', 'withheld'),
    r('withheld.safety', '3.危及“三安全一稳定”', 'withheld'),
    r('withheld.third', '4.保护第三方合法权益', 'withheld'),
    r('withheld.internal', '5.属于三类内部事务信息', 'withheld'),
    r('withheld.process', '6.属于四类过程性信息', 'withheld'),
    r('withheld.enforcement', format === '2019' ? '7.属于行政执法案件' : '7.属于行政执法案卷', 'withheld', [
      format === '2019' ? '7.属于行政执法案卷' : '7.属于行政执法案件',
    ]),
    r('withheld.query', '8.属于行政查询事项', 'withheld'),
    g('unable', '（四）无法提供', 'results'),
    r('unable.notHeld', '1.本机关不掌握相关政府信息', 'unable'),
    r('unable.create', '2.没有现成信息需要另行制作', 'unable'),
    r('unable.unclear', '3.补正后申请内容仍不明确', 'unable'),
    g('rejected', '（五）不予处理', 'results'),
    r('rejected.petition', '1.信访举报投诉类申请', 'rejected'),
    r('rejected.repeat', '2.重复申请', 'rejected'),
    r('rejected.publication', '3.要求提供公开出版物', 'rejected'),
    r('rejected.massive', '4.无正当理由大量反复申请', 'rejected'),
    r('rejected.confirm', '5.要求行政机关确认或重新出具已获取信息', 'rejected'),
  ];
  if (otherHandlingSplit) {
    rows.push(
      g('otherHandling', '（六）其他处理', 'results'),
      r('otherHandling.overdue', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'otherHandling'),
      r('otherHandling.unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'otherHandling'),
      r('otherHandling.other', '3.其他', 'otherHandling'),
    );
  } else {
    rows.push(r('otherHandling', '（六）其他处理', 'results'));
  }
  rows.push(r('resultsTotal', '（七）总计', 'results'), r('next', '四、结转下年度继续办理'));
  return rows;
}

const REVIEW_GROUP_COLUMNS = (prefix: string): ColumnDef[] => [
  { id: `${prefix}.upheld`, label: '结果维持' },
  { id: `${prefix}.corrected`, label: '结果纠正' },
  { id: `${prefix}.other`, label: '其他结果' },
  { id: `${prefix}.pending`, label: '尚未审结' },
  { id: `${prefix}.total`, label: '总计' },
];

const REVIEW_TABLE: TableDef = {
  id: 'review',
  section: 'review',
  title: '行政复议、行政诉讼情况',
  blocks: [
    {
      columns: [
        ...REVIEW_GROUP_COLUMNS('review'),
        ...REVIEW_GROUP_COLUMNS('direct'),
        ...REVIEW_GROUP_COLUMNS('afterReview'),
      ],
      rows: [{ id: 'cases', label: '行政复议 行政诉讼' }],
    },
  ],
};

/** Header groups of table 3, for labels and messages. */
export const REVIEW_GROUPS = [
  { id: 'review', label: '行政复议' },
  { id: 'direct', label: '未经复议直接起诉', aliases: ['未经审议直接起诉'] },
  { id: 'afterReview', label: '复议后起诉' },
] as const;

const PROACTIVE_2021: TableDef = {
  id: 'proactive',
  section: 'proactive',
  title: '主动公开政府信息情况',
  blocks: [
    {
      label: '第二十条第（一）项',
      columns: [
        { id: 'issued', label: '本年制发件数' },
        { id: 'repealed', label: '本年废止件数' },
        { id: 'inForce', label: '现行有效件数' },
      ],
      rows: [
        { id: 'rules', label: '规章' },
        { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件'] },
      ],
    },
    {
      label: '第二十条第（五）项',
      columns: [{ id: 'decisions', label: '本年处理决定数量' }],
      rows: [{ id: 'licensing', label: '行政许可' }],
    },
    {
      label: '第二十条第（六）项',
      columns: [{ id: 'decisions', label: '本年处理决定数量' }],
      rows: [
        { id: 'penalty', label: '行政处罚' },
        { id: 'coercion', label: '行政强制' },
      ],
    },
    {
      label: '第二十条第（八）项',
      columns: [{ id: 'amount', label: '本年收费金额（单位：万元）' }],
      rows: [{ id: 'fees', label: '行政事业性收费' }],
    },
  ],
};

const ITEM_COLUMNS_2019: ColumnDef[] = [
  { id: 'lastYear', label: '上一年项目数量' },
  { id: 'change', label: '本年增/减' },
  { id: 'decisions', label: '处理决定数量' },
];

const PROACTIVE_2019: TableDef = {
  id: 'proactive',
  section: 'proactive',
  title: '主动公开政府信息情况',
  blocks: [
    {
      label: '第二十条第（一）项',
      columns: [
        { id: 'made', label: '本年新制作数量' },
        { id: 'published', label: '本年新公开数量' },
        { id: 'totalPublished', label: '对外公开总数量' },
      ],
      rows: [
        { id: 'rules', label: '规章' },
        { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件'] },
      ],
    },
    {
      label: '第二十条第（五）项',
      columns: ITEM_COLUMNS_2019,
      rows: [
        { id: 'licensing', label: '行政许可' },
        { id: 'otherServices', label: '其他对外管理服务事项' },
      ],
    },
    {
      label: '第二十条第（六）项',
      columns: ITEM_COLUMNS_2019,
      rows: [
        { id: 'penalty', label: '行政处罚' },
        { id: 'coercion', label: '行政强制' },
      ],
    },
    {
      label: '第二十条第（八）项',
      columns: ITEM_COLUMNS_2019.slice(0, 2),
      rows: [{ id: 'fees', label: '行政事业性收费' }],
    },
    {
      label: '第二十条第（九）项',
      columns: [
        { id: 'count', label: '采购项目数量' },
        { id: 'amount', label: '采购总金额' },
      ],
      rows: [{ id: 'procurement', label: '政府集中采购' }],
    },
  ],
};

function requestsTable(format: FormatId): TableDef {
  return {
    id: 'requests',
    section: 'requests',
    title: '收到和处理政府信息公开申请情况',
    blocks: [{ columns: APPLICANT_COLUMNS, rows: requestRows(format) }],
  };
}

export interface FormatDef {
  id: FormatId;
  notice: string;
  tables: Record<TableId, TableDef>;
}

export const FORMATS: Record<FormatId, FormatDef> = {
  '2021': {
    id: '2021',
    notice: '国办公开办函〔2021〕30号',
    tables: { proactive: PROACTIVE_2021, requests: requestsTable('2021'), review: REVIEW_TABLE },
  },
  '2019': {
    id: '2019',
    notice: '国办公开办函〔2019〕60号',
    tables: { proactive: PROACTIVE_2019, requests: requestsTable('2019'), review: REVIEW_TABLE },
  },
};

/** Column headers that only one format's table 1 has: the strongest evidence of the format. */
export const FORMAT_HEADER_MARKERS: Record<FormatId, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'],
  '2019': ['本年新制作数量', '本年制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量'],
};

/** Numbered row labels of table 2 that look like level-1 headings (一、…四、) but are rows. */
export function levelOneRowLabels(): string[] {
  const labels = new Set<string>();
  for (const f of Object.values(FORMATS)) {
    for (const row of f.tables.requests.blocks[0].rows) {
      if (/^[一二三四五六七八九十]+、/.test(row.label)) labels.add(row.label);
    }
  }
  return [...labels];
}

/**
 * How many digits the ordinal of a numbered row label has (`1.属于国家秘密` … `8.属于行政查询事项`): in
 * flattened text a row's digits run into the next label's ordinal, and this says where to cut.
 */
export const ROW_ORDINAL_DIGITS = Math.max(
  ...Object.values(FORMATS).flatMap((f) => f.tables.requests.blocks[0].rows.map((r) => /^\d+/.exec(r.label)?.[0].length ?? 0)),
);

/**
 * No cell of the format holds a trillion or more (counts, 万元 amounts). Below
 * it, every sum the relations take over a table's cells is an exact integer in
 * a double (40 cells × 10^12 < 2^53), so values stay plain numbers; a cell at
 * or above it is invalid and no relation uses it.
 */
export const MAX_CELL_VALUE = 10 ** 12;

/**
 * How each table's text begins, on `labelKey` text with line breaks kept as
 * `\n`: where a missing section's heading belongs when its table survives
 * inside the section before, at a line's start or in a crawled line.
 */
export const TABLE_START: Record<TableId, RegExp> = {
  proactive: /第二十条第一项|信息内容本年/,
  requests: /本列数据的勾稽关系|申请人情况|一本年新收政府信息公开申请数量/,
  review: /(?:^|\n)行政复议\n|行政复议行政诉讼/,
};
