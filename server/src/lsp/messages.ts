// The titles of the server's own code actions, in both languages. The
// findings and their fixes bring their titles from the core.

import type { Localized } from '../core';

export const ACTIONS = {
  fixAllOfCheck: { 'zh-CN': '修复本文件中全部 {count} 处「{title}」', en: 'Fix all {count} “{title}” findings in this file' },
  fixAll: { 'zh-CN': '修复年报助手可自动修复的全部 {count} 处问题', en: 'Fix all {count} auto-fixable Nianbao findings' },
  disableCheck: { 'zh-CN': '关闭检查「{title}」…', en: 'Disable the check “{title}”…' },
  showDocs: { 'zh-CN': '查看检查「{title}」的说明', en: 'Show the documentation of “{title}”' },
  reopenWithEncoding: { 'zh-CN': '通过编码重新打开…（选择 GB18030）', en: 'Reopen with Encoding… (pick GB18030)' },
  openCell: { 'zh-CN': '转到表格：{cell}', en: 'Go to the table: {cell}' },
  dismissAs: { 'zh-CN': '不再提示：{reason}', en: 'Dismiss: {reason}' },
  inFile: { 'zh-CN': '（原文件：{where}）', en: ' (in the file: {where})' },
  checkingWorkspace: { 'zh-CN': '年报助手：正在检查工作区中的年报', en: 'Nianbao: checking the reports of the workspace' },
  confirm: { 'zh-CN': '确认此问题（记入 .nianbao-review.json）', en: 'Confirm this finding (recorded in .nianbao-review.json)' },
  confirmedTag: { 'zh-CN': '（已确认）', en: ' (confirmed)' },
  dismiss: { 'zh-CN': '不再提示此问题（记入 .nianbao-review.json）', en: 'Dismiss this finding (recorded in .nianbao-review.json)' },
  more: { 'zh-CN': '另有 {count} 个问题未列出：每个文档最多列出 {max} 个', en: 'And {count} more findings, not listed: at most {max} are listed per document' },
} satisfies Record<string, Localized>;

/** What the server says about the reviewer's decisions file. */
export const REVIEW_MESSAGES = {
  unusable: {
    'zh-CN': '审核记录文件无法使用：{file}（{detail}）。修正之前，其中的审核结论不生效。',
    en: 'The review file cannot be used: {file} ({detail}). Its decisions do not apply until it is corrected.',
  },
  notRecorded: {
    'zh-CN': '审核结论未记录：{file} 无法使用（{detail}）。为免丢失其中已有的审核结论，未改写该文件。',
    en: 'The decision was not recorded: {file} cannot be used ({detail}). It was left as it is, so that none of its decisions is lost.',
  },
} satisfies Record<string, Localized>;
