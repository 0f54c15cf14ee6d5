// The words of the review (问题清单) in both languages: its title, the headers
// of its three tables, and how it names places.

import type { Localized } from '../../core/index';

export const REVIEW_MSG = {
  title: { 'zh-CN': '政府信息公开工作年度报告审核问题清单', en: 'Annual report review: list of problems' },
  generated: { 'zh-CN': '年报助手 {version} 生成：{files} 份报告，{year}', en: 'Made by Nianbao {version}: {files} reports, {year}' },
  yearUnknown: { 'zh-CN': '年度不详', en: 'year unknown' },
  yearOf: { 'zh-CN': '{year} 年度', en: 'year {year}' },
  section: { 'zh-CN': '第{n}部分', en: 'section {n}' },
  cell: { 'zh-CN': '「{row}」行「{column}」列', en: '"{row}", {column}' },
  row: { 'zh-CN': '「{row}」行', en: '"{row}"' },
  column: { 'zh-CN': '「{column}」列', en: '{column}' },
  line: { 'zh-CN': '第{line}行', en: 'line {line}' },
  sheetIssues: { 'zh-CN': '问题清单', en: 'Problems' },
  sheetUnits: { 'zh-CN': '单位汇总', en: 'Units' },
  sheetFiling: { 'zh-CN': '报送情况', en: 'Filing' },
  noIssues: { 'zh-CN': '没有发现问题。', en: 'No problems found.' },
  noFilingProblems: { 'zh-CN': '没有缺报或重复报送的单位。', en: 'No unit is missing or filed twice.' },
  noRoster: { 'zh-CN': '（未提供应报单位名单：只检查重复报送）', en: '(no roster of the units that must file: only double filings are checked)' },
} satisfies Record<string, Localized>;

export const ISSUE_HEADERS = {
  unit: { 'zh-CN': '单位', en: 'Unit' },
  year: { 'zh-CN': '年度', en: 'Year' },
  file: { 'zh-CN': '文件', en: 'File' },
  place: { 'zh-CN': '位置', en: 'Where' },
  severity: { 'zh-CN': '严重程度', en: 'Severity' },
  check: { 'zh-CN': '检查', en: 'Check' },
  message: { 'zh-CN': '问题', en: 'What is wrong' },
  values: { 'zh-CN': '相关数值', en: 'Values' },
  correction: { 'zh-CN': '建议修改', en: 'Suggested correction' },
  status: { 'zh-CN': '审核结论', en: 'Decision' },
  reason: { 'zh-CN': '审核意见', en: 'Reason' },
  fingerprint: { 'zh-CN': '指纹', en: 'Fingerprint' },
} satisfies Record<string, Localized>;

export const UNIT_HEADERS = {
  unit: { 'zh-CN': '单位', en: 'Unit' },
  year: { 'zh-CN': '年度', en: 'Year' },
  file: { 'zh-CN': '文件', en: 'File' },
  format: { 'zh-CN': '格式', en: 'Format' },
  error: { 'zh-CN': '错误', en: 'Errors' },
  warning: { 'zh-CN': '警告', en: 'Warnings' },
  information: { 'zh-CN': '信息', en: 'Information' },
  hint: { 'zh-CN': '提示', en: 'Hints' },
  received: { 'zh-CN': '本年新收申请', en: 'Applications received' },
  concluded: { 'zh-CN': '办理结果总计', en: 'Handled' },
  carriedForward: { 'zh-CN': '结转下年度', en: 'Carried forward' },
  reviews: { 'zh-CN': '行政复议', en: 'Reviews' },
  reviewCorrectionRate: { 'zh-CN': '复议纠错率（%）', en: 'Reviews corrected (%)' },
  lawsuits: { 'zh-CN': '行政诉讼', en: 'Lawsuits' },
  lawsuitCorrectionRate: { 'zh-CN': '诉讼纠错率（%）', en: 'Lawsuits corrected (%)' },
  previous: { 'zh-CN': '对比的上年报告', en: "Last year's report compared" },
} satisfies Record<string, Localized>;

export const FILING_HEADERS = {
  unit: { 'zh-CN': '单位', en: 'Unit' },
  status: { 'zh-CN': '情况', en: 'Status' },
  files: { 'zh-CN': '文件', en: 'Files' },
} satisfies Record<string, Localized>;

export const FILING_STATUS = {
  missing: { 'zh-CN': '未报送', en: 'missing' },
  twice: { 'zh-CN': '重复报送', en: 'filed twice' },
  notOnRoster: { 'zh-CN': '不在应报名单中', en: 'not on the roster' },
} satisfies Record<string, Localized>;

/** A reviewer's decision as the review writes it, and the words it reads back (`review --import`). */
export const DECISION_WORDS = {
  confirmed: { 'zh-CN': '确认', en: 'confirmed' },
  dismissed: { 'zh-CN': '忽略', en: 'dismissed' },
} satisfies Record<string, Localized>;
export const DECISIONS_READ: Record<string, 'confirmed' | 'dismissed'> = {
  确认: 'confirmed',
  已确认: 'confirmed',
  confirmed: 'confirmed',
  confirm: 'confirmed',
  忽略: 'dismissed',
  已忽略: 'dismissed',
  不予采纳: 'dismissed',
  dismissed: 'dismissed',
  dismiss: 'dismissed',
};

export const SEVERITY_WORDS = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  information: { 'zh-CN': '信息', en: 'information' },
  hint: { 'zh-CN': '提示', en: 'hint' },
} satisfies Record<string, Localized>;

export const RATE_NOTE: Localized = {
  'zh-CN': '纠错率 = 结果纠正 ÷（总计 − 尚未审结）；诉讼含未经复议直接起诉和复议后起诉。',
  en: 'Corrected rate = corrected ÷ (total − pending); lawsuits include those without and after review.',
};
