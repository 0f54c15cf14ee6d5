// An example and how to fix it, for every check's documentation page: an edit
// of the constructed clean report that the check finds, and what to do about
// it. The pages show what the checker says of the example today (docs.test.ts
// runs it), so an example that no longer gives its finding fails the docs test.

import type { AnalysisOptions, Localized } from '../server/src/core/index';

export interface CheckExample {
  /** Text of the clean 2021 report replaced, in order: [what, with what]. */
  edits: [string, string][];
  /** Options the example is analysed with (a file read as GB18030, a size limit). */
  options?: Pick<AnalysisOptions, 'decodedFrom' | 'maxSize'>;
  /** The example is next year's report, compared with the clean report as last year's. */
  nextYear?: boolean;
  howTo: Localized;
}

export const EXAMPLES: Record<string, CheckExample> = {
  'section.missing': {
    edits: [['五、存在的主要问题及改进情况\n', '']],
    howTo: {
      'zh-CN': '补上缺少部分的标题和内容。快速修复在应有的位置插入官方标题，内容需自行填写。',
      en: 'Add the missing part, heading and content. The quick fix inserts the official heading where the part belongs; its content is yours to write.',
    },
  },
  'section.misnumbered': {
    edits: [['五、存在的主要问题及改进情况', '四、存在的主要问题及改进情况']],
    howTo: { 'zh-CN': '按格式规定的顺序为各部分编号（一至六）。快速修复改正序号。', en: 'Number the parts in the order the format gives (一 to 六). The quick fix corrects the numeral.' },
  },
  'section.order': {
    edits: [
      ['五、存在的主要问题及改进情况\n（一）存在问题。政策解读形式还不够丰富。\n（二）改进情况。下一步将丰富解读形式，提升解读质量。\n', ''],
      ['二、主动公开政府信息情况\n', '五、存在的主要问题及改进情况\n（一）存在问题。政策解读形式还不够丰富。\n（二）改进情况。下一步将丰富解读形式，提升解读质量。\n二、主动公开政府信息情况\n'],
    ],
    howTo: { 'zh-CN': '把该部分移到格式规定的位置。', en: 'Move the part to where the format puts it.' },
  },
  'section.duplicate': {
    edits: [['六、其他需要报告的事项\n', '五、存在的主要问题及改进情况\n政策解读仍需加强。\n六、其他需要报告的事项\n']],
    howTo: { 'zh-CN': '把重复部分的内容并入第一次出现的部分，删去重复的标题。', en: 'Merge the repeated part into its first occurrence and remove the repeated heading.' },
  },
  'section.empty': {
    edits: [['（一）存在问题。政策解读形式还不够丰富。\n（二）改进情况。下一步将丰富解读形式，提升解读质量。\n', '']],
    howTo: { 'zh-CN': '填写该部分的内容；统计表所在部分应包含完整的统计表。', en: 'Write the part\'s content; a part that holds a statistical table must hold the whole table.' },
  },
  'section.heading-variant': {
    edits: [['五、存在的主要问题及改进情况', '五、存在的问题和改进措施']],
    howTo: { 'zh-CN': '使用格式规定的标题表述。快速修复改为官方表述。', en: 'Use the heading the format prescribes. The quick fix writes the official wording.' },
  },
  'section.numbering': {
    edits: [['（三）政府信息管理情况。', '政府信息管理情况。']],
    howTo: { 'zh-CN': '为小标题补上序号，使（一）（二）（三）……连续。快速修复补上序号。', en: 'Give the subheading its numeral so that （一）（二）（三）… run on. The quick fix adds it.' },
  },
  'section.count-claim': {
    edits: [['等六个部分组成', '等五个部分组成']],
    howTo: {
      'zh-CN': '引言所说的部分数应为六，所列各部分也应齐全。建议修复改为“六”；若所列部分缺项，另一建议同时补上缺少的部分。',
      en: 'The introduction should say six parts, and list all six. The suggestion changes the count to six; where the list leaves parts out, another suggestion adds them too.',
    },
  },
  'report.year': {
    edits: [['统计期限为2023年1月1日', '统计期限为2022年1月1日']],
    howTo: { 'zh-CN': '核对标题、统计期限和正文中的年度，使之一致。', en: 'Make the years of the title, the statistics period and the prose agree.' },
  },
  'report.format': {
    edits: [['国办公开办函〔2021〕30号', '国办公开办函〔2019〕60号']],
    howTo: {
      'zh-CN': '2021 年及以后的报告使用 2021 年版格式（国办公开办函〔2021〕30号）：核对引言所引通知和表格的格式。',
      en: 'Reports for 2021 and later use the 2021 format (国办公开办函〔2021〕30号): check the notice the introduction cites and the tables\' layout.',
    },
  },
  'report.encoding': {
    edits: [],
    options: { decodedFrom: 'gb18030' },
    howTo: { 'zh-CN': '无需修改内容。建议把文件另存为 UTF-8，以免其他工具读错。', en: 'Nothing in the report is wrong. Save the file as UTF-8 so that other tools read it right.' },
  },
  'report.too-large': {
    edits: [],
    options: { maxSize: 1000 },
    howTo: { 'zh-CN': '确认文件确为一份年度报告；如是，提高设置 maxDocumentSize。', en: 'Make sure the file is one annual report; if it is, raise the maxDocumentSize setting.' },
  },
  'table.missing': {
    edits: [['行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '本年度的行政复议、行政诉讼情况见下。\n']],
    howTo: { 'zh-CN': '在该部分填写格式规定的统计表，各栏均应填写（无数据时填 0）。', en: 'Fill in the part\'s statistical table as the format lays it out, every cell written (0 where there is nothing).' },
  },
  'table.missing-row': {
    edits: [['行政强制 | 0 |\n', '']],
    howTo: { 'zh-CN': '补上缺少的行，无数据时各栏填 0。', en: 'Add the missing row, with 0 in each cell where there is nothing.' },
  },
  'table.label-variant': {
    edits: [['3.要求提供公开出版物', '3.要求提供已公开出版物']],
    howTo: { 'zh-CN': '行标签使用格式规定的表述。快速修复改为官方表述。', en: 'Write the row label as the format does. The quick fix writes the official wording.' },
  },
  'table.cell-empty': {
    edits: [['行政处罚 | 30 |', '行政处罚 |  |']],
    howTo: { 'zh-CN': '填写该单元格；没有数据时填 0。', en: 'Fill in the cell; write 0 where there is nothing.' },
  },
  'table.cell-invalid': {
    edits: [['行政处罚 | 30 |', '行政处罚 | -3 |']],
    howTo: { 'zh-CN': '单元格只填写阿拉伯数字（收费金额可有小数）。', en: 'Write only a number in the cell (an amount of fees may have decimals).' },
  },
  'table.cells-run-together': {
    edits: [['二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '二、上年结转政府信息公开申请数量 10000011']],
    howTo: {
      'zh-CN': '用空格、制表符或表格线分开各单元格的数字。能唯一拆分时，有改写操作把数字分列（所有连在一起的行也可一次分列）。',
      en: 'Separate the cells\' numbers with spaces, tabs or table rules. Where the split is certain, a rewrite writes them apart (every such row at once, too).',
    },
  },
  'table.row-total': {
    edits: [['一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 6 |']],
    howTo: { 'zh-CN': '核对该行各申请人的数字与总计。建议修复只在能证明不会引出新问题时给出，由你选择是否采用。', en: 'Check the row\'s numbers against its total. A suggestion is offered only where it is proven to break nothing else, and applied only if you pick it.' },
  },
  'table.results-total': {
    edits: [['（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |', '（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |']],
    howTo: { 'zh-CN': '核对（一）至（六）各项之和与（七）总计。', en: 'Check the sum of (一) to (六) against (七) the total.' },
  },
  'table.balance': {
    edits: [
      ['四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |'],
    ],
    howTo: { 'zh-CN': '核对勾稽关系：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。', en: 'Check the balance: received this year + carried over = results total + carried forward.' },
  },
  'table.review-total': {
    edits: [['1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
    howTo: { 'zh-CN': '核对行政复议、行政诉讼各组的结果之和与总计。', en: 'Check each group\'s results of reviews and lawsuits against its total.' },
  },
  'narrative.mismatch': {
    edits: [['制发行政规范性文件2件', '制发行政规范性文件3件']],
    howTo: { 'zh-CN': '使正文数字与表格一致：改正文或改表格，以核实的数字为准。', en: 'Make the prose\'s figure and the table agree: correct whichever is wrong.' },
  },
  'narrative.zero-claim': {
    edits: [['2023年度未收取政府信息公开信息处理费。', '2023年度未收取政府信息公开信息处理费。本年度未发生政府信息公开行政复议、行政诉讼案件。']],
    howTo: { 'zh-CN': '核对正文所说“未发生”与表格数字，改正不一致的一方。', en: 'Check the prose\'s "none" against the table\'s figures and correct whichever is wrong.' },
  },
  'narrative.parts-exceed-whole': {
    edits: [['全年收到政府信息公开申请5件，上年结转1件，均已依法答复。', '全年共收到政府信息公开申请5件，其中网上申请3件、信函申请3件。']],
    howTo: { 'zh-CN': '“其中”的部分不应大于整体：核对两个数字。', en: 'A part (其中) cannot exceed its whole: check both figures.' },
  },
  'narrative.placeholder': {
    edits: [['持续优化政府门户网站。', '持续优化政府门户网站，全年发布信息XX条。']],
    howTo: { 'zh-CN': '用实际内容替换占位符（XX、××、某某）。', en: 'Replace the placeholder (XX, ××, 某某) with the actual content.' },
  },
  'narrative.masked': {
    edits: [['持续优化政府门户网站。', '持续优化****门户网站。']],
    howTo: { 'zh-CN': '恢复被遮盖的原文；公开的报告中不应有遮盖字符。', en: 'Restore the masked text; a published report has no masked characters.' },
  },
  'year.carry-over': {
    edits: [['二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'], ['上年结转1件', '上年结转0件'], ['（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |'], ['四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |']],
    nextYear: true,
    howTo: { 'zh-CN': '本年“上年结转”应等于上年报告的“结转下年度继续办理”：核对两份报告。', en: 'This year\'s carried over must equal last year\'s carried forward: check both reports.' },
  },
  'year.in-force': {
    edits: [['行政规范性文件 | 2 | 0 | 15 |', '行政规范性文件 | 2 | 0 | 16 |']],
    nextYear: true,
    howTo: { 'zh-CN': '现行有效件数应为上年现行有效件数 + 本年制发 − 本年废止：核对三个数字。', en: 'In force must be last year\'s in force + issued − repealed: check the three figures.' },
  },
  'year.copied-text': {
    edits: [],
    nextYear: true,
    howTo: { 'zh-CN': '按本年度的实际情况重写该部分；正文中的上一年度应改为本年度。', en: 'Write the part anew for this year; last year\'s year in the prose should be this year\'s.' },
  },
  'year.jump': {
    edits: [['全年收到政府信息公开申请5件', '全年收到政府信息公开申请50件'], ['一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '一、本年新收政府信息公开申请数量 | 49 | 1 | 0 | 0 | 0 | 0 | 50 |'], ['（一）予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |', '（一）予以公开 | 47 | 1 | 0 | 0 | 0 | 0 | 48 |'], ['（七）总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |', '（七）总计 | 49 | 1 | 0 | 0 | 0 | 0 | 50 |']],
    nextYear: true,
    howTo: { 'zh-CN': '核实该数字；变化属实时无需修改，可在审核记录中确认或忽略此提示。', en: 'Verify the figure; if the change is real, nothing needs fixing — confirm or dismiss it in the review file.' },
  },
};
