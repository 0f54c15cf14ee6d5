// What the readers of files say, in both languages: why a file could not be
// read, and where in a file a line of its text comes from. Shared by the CLI
// and the language server.

import { localize } from '../core/i18n';
import type { Lang, Localized } from '../core/index';
import type { FileProblem, Origin } from './read';

export const FILE_MSG = {
  notFound: { 'zh-CN': '找不到文件或文件夹', en: 'no such file or folder' },
  unreadable: { 'zh-CN': '无法读取：{detail}', en: 'cannot read: {detail}' },
  notUtf8: { 'zh-CN': '不是有效的 UTF-8、UTF-16 或 GB18030（GBK）文本', en: 'not valid UTF-8, UTF-16 or GB18030 (GBK) text' },
  textTooLarge: { 'zh-CN': '文本文件超过 256 MB，未读取', en: 'the text file is larger than 256 MB and was not read' },
  notDocx: { 'zh-CN': '不是可读取的 Word（.docx）文档{detail}', en: 'not a readable Word (.docx) document{detail}' },
  docxTooLarge: { 'zh-CN': 'Word 文档超过 50 MB，未读取', en: 'the Word document is larger than 50 MB and was not read' },
  docxBomb: { 'zh-CN': 'Word 文档解压后超过 200 MB（疑为压缩炸弹），未读取', en: 'the Word document unpacks to more than 200 MB (a zip bomb?) and was not read' },
  notPdf: { 'zh-CN': '不是可读取的 PDF 文件{detail}', en: 'not a readable PDF file{detail}' },
  pdfTooLarge: { 'zh-CN': 'PDF 文件超过 50 MB，未读取', en: 'the PDF file is larger than 50 MB and was not read' },
  pdfEncrypted: { 'zh-CN': 'PDF 文件有打开密码，无法读取其文字', en: 'the PDF file is password-protected; its text cannot be read' },
  pdfNoText: { 'zh-CN': 'PDF 文件没有文字层（扫描件或图片），无法检查；请先做文字识别（OCR）', en: 'the PDF file has no text layer (a scan or images) and cannot be checked; run text recognition (OCR) first' },
  pdfTooManyPages: { 'zh-CN': 'PDF 文件超过 2000 页，未读取', en: 'the PDF file has more than 2,000 pages and was not read' },
  atPdfLine: { 'zh-CN': '第{page}页 第{line}行', en: 'page {page}, line {line}' },
  noReport: { 'zh-CN': '文件中没有找到年度报告的内容', en: 'no annual report found in the file' },
  notPrevious: { 'zh-CN': '不是 {detail} 上一年度的报告，未作跨年度比较', en: 'not the report of the year before {detail}; no cross-year comparison made' },
  atLine: { 'zh-CN': '第{line}行 第{column}列', en: 'line {line}, column {column}' },
  atParagraph: { 'zh-CN': '第{n}段', en: 'paragraph {n}' },
  atCell: { 'zh-CN': '第{table}个表格 第{row}行 第{column}列', en: 'table {table}, row {row}, column {column}' },
} satisfies Record<string, Localized>;

/** Why a file could not be checked, without its path. */
export function describeProblem(problem: FileProblem, lang: Lang): string {
  const detail = problem.kind === 'notDocx' || problem.kind === 'notPdf' ? (problem.detail ? `: ${problem.detail}` : '') : (problem.detail ?? '');
  if (problem.kind === 'notPrevious') return localize(FILE_MSG.notPrevious, lang, { detail });
  return localize(FILE_MSG[problem.kind === 'badReview' ? 'unreadable' : problem.kind], lang, { detail });
}

/** A place in the file's own terms: a page's `line:column`, a PDF's page and line, a Word document's paragraph or cell. */
export function describeOrigin(at: Origin, lang: Lang): string {
  if (at.page !== undefined) return localize(FILE_MSG.atPdfLine, lang, { page: at.page, line: at.line ?? 1 });
  if (at.line !== undefined) return `${at.line}:${at.column ?? 1}`;
  if (at.row !== undefined) return localize(FILE_MSG.atCell, lang, { table: at.table ?? 1, row: at.row, column: at.cell ?? 1 });
  return localize(FILE_MSG.atParagraph, lang, { n: at.paragraph ?? 1 });
}
