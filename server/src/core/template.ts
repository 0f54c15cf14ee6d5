// A new report's skeleton: title, introduction, the six sections with their
// usual subsections and the three tables of the chosen format, every row
// present and every cell 0, in the pipe layout the parser reads.
//
// What the drafter must fill in is written as a placeholder (XX), which the
// narrative.placeholder check flags: the skeleton's only findings are the
// blanks still to fill, so a finished report shows none.

import { SECTIONS } from './format/sections';
import { FORMATS, type FormatId, type TableDef } from './format/tables';

const INTRO_SOURCES: Record<FormatId, string> = {
  '2021': '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
  '2019': '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）',
};

/** The parts as the introduction lists them (section 四 in its common wording). */
const PARTS = '总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项';

const row = (cells: (string | number)[]): string => `${cells.join(' | ')} |`;
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

function proactiveLines(def: TableDef): string[] {
  const lines: string[] = [];
  for (const block of def.blocks) {
    lines.push(`${block.label ?? ''}${' |'.repeat(block.columns.length)}`);
    lines.push(row(['信息内容', ...block.columns.map((c) => c.label)]));
    for (const r of block.rows) lines.push(row([r.label, ...zeros(block.columns.length)]));
  }
  return lines;
}

function requestLines(def: TableDef): string[] {
  const block = def.blocks[0];
  const lines = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |',
    '自然人 | 法人或其他组织 | 总计 |',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
  ];
  // A group's label (三、本年度办理结果, （三）不予公开) opens the line of its first row, as in the printed table.
  let pending: string[] = [];
  for (const r of block.rows) {
    if (r.group) {
      pending.push(r.label);
      continue;
    }
    lines.push(row([...pending, r.label, ...zeros(block.columns.length)]));
    pending = [];
  }
  return lines;
}

function reviewLines(def: TableDef): string[] {
  const group = '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计';
  return [
    '行政复议 | 行政诉讼 |',
    `${group} | 未经复议直接起诉 | 复议后起诉 |`,
    `${group} | ${group} | ${group} |`,
    row(zeros(def.blocks[0].columns.length)),
  ];
}

const heading = (n: number) => `${'一二三四五六'[n - 1]}、${SECTIONS[n - 1].official}`;

/** What stands for the body until the drafter names it: a placeholder, flagged as one. */
const BODY_PLACEHOLDER = 'XX单位';

/**
 * The whole skeleton of a `year` report in the given format, lines joined by
 * `eol`; `body` (淮安市财政局) written where the body is named, else a placeholder.
 */
export function newReport(format: FormatId, year: number, eol = '\n', body = BODY_PLACEHOLDER): string {
  const tables = FORMATS[format].tables;
  const other =
    format === '2021'
      ? [
          `（一）收取信息处理费情况。${year}年度，XX单位收取政府信息公开信息处理费XX元。`,
          '（二）落实上级年度政务公开工作要点情况。XX',
          '（三）人大代表建议和政协提案办理结果公开情况。XX',
          '（四）政务公开工作创新情况。XX',
        ]
      : [`（一）收取信息处理费情况。${year}年度，XX单位收取政府信息公开信息处理费XX元。`, '（二）其他事项。XX'];
  const lines = [
    `XX单位${year}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${INTRO_SOURCES[format]}编制，由${PARTS}等六个部分组成。` +
      `本报告所列数据的统计期限为${year}年1月1日至12月31日。本报告电子版可在XX单位门户网站（XX）查阅或下载。` +
      '如对本报告有疑问，请与XX单位联系（地址：XX；电话：XX）。',
    heading(1),
    `${year}年，XX单位认真贯彻落实《条例》，XX。`,
    `（一）主动公开情况。${year}年，XX单位主动公开政府信息XX条。`,
    '（二）依申请公开情况。XX',
    '（三）政府信息管理情况。XX',
    '（四）政府信息公开平台建设情况。XX',
    '（五）监督保障情况。XX',
    heading(2),
    ...proactiveLines(tables.proactive),
    heading(3),
    ...requestLines(tables.requests),
    heading(4),
    ...reviewLines(tables.review),
    heading(5),
    '（一）存在问题。XX',
    '（二）改进情况。XX',
    heading(6),
    ...other,
  ];
  return lines.map((line) => line.split(BODY_PLACEHOLDER).join(body.trim() || BODY_PLACEHOLDER)).join(eol) + eol;
}

/** The years a report of the format can be for: the 2019 format served 2019 and 2020 only. */
export function yearsOf(format: FormatId): { first: number; last?: number } {
  return format === '2019' ? { first: 2019, last: 2020 } : { first: 2021 };
}
