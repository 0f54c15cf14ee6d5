// Every string the CLI itself prints, in both languages. Findings bring their
// own localized messages from the core; these are only the CLI's wrapping.

import type { Lang, Localized, Severity } from '../core/index';
import { FILE_MSG } from '../files/messages';

/** The short usage printed after a usage error. */
export const SYNOPSIS: Localized = {
  'zh-CN': `用法：nianbao check [--format text|json|sarif] [--lang zh-CN|en] [--config 文件] [--previous 文件] [--jobs N] [--verbose] 路径...
      nianbao review --out 清单.html|.xlsx|.csv [--roster 名单] [--lang zh-CN|en] [--jobs N] 路径...
      nianbao review --import 已填写的清单.xlsx|.csv
      nianbao --help | --version
`,
  en: `Usage: nianbao check [--format text|json|sarif] [--lang zh-CN|en] [--config FILE] [--previous FILE] [--jobs N] [--verbose] PATH...
       nianbao review --out LIST.html|.xlsx|.csv [--roster FILE] [--lang zh-CN|en] [--jobs N] PATH...
       nianbao review --import FILLED-LIST.xlsx|.csv
       nianbao --help | --version
`,
};

export const HELP: Localized = {
  'zh-CN': `${SYNOPSIS['zh-CN']}
检查政府信息公开工作年度报告。路径可以是文件或文件夹，- 表示标准输入；在文件夹中递归查找 .txt、.md、.nianbao、
.pdf、.docx（Word）、.html、.htm（保存的网页）文件（跳过 node_modules 和以 . 开头的文件夹；其中除 .nianbao
以外的文件只有内容像年度报告时才检查）。文本可为 UTF-8、带 BOM 的 UTF-16 或 GB18030/GBK。

选项：
  --format text|json|sarif  输出格式（默认 text）
  --lang zh-CN|en           消息语言（默认取自配置文件的 language，其次 LC_ALL、LC_MESSAGES、LANG）
  --config 文件             使用此配置文件，而不是自动查找的 .nianbao.json
  --previous 文件           与此上年报告比较（上年结转、现行有效件数、照搬的文字、异常变化）；
                            不指定时，在本次检查的文件中按机关名称和年度自动配对
  --jobs N                  用 N 个线程检查（默认：文件多时每个处理器核心一个）；结果按文件顺序
                            边检查边输出，在终端上显示进度
  --verbose                 在标准错误上说明所用的配置文件和线程数
  -h, --help                显示本帮助
  --version                 显示版本号

配置文件：从当前文件夹起向上查找最近的 .nianbao.json（至仓库根目录或主目录为止），对本次检查的所有文件生效。
键与 VS Code 设置相同（去掉 nianbao. 前缀），例如：
  {"severity": {"section.empty": "off"}, "format": "auto", "language": "en", "maxDocumentSize": 5000000}
severity 中每项为 off、hint、information、warning 或 error；format 为 auto、2021 或 2019；
language 为 auto、zh-CN 或 en（--lang 优先）；maxDocumentSize 为字符数上限（默认不限）。
pairs 指定上年报告（相对配置文件所在文件夹）：{"pairs": {"2024/财政局.txt": "2023/财政局.txt"}}。
配置文件不是有效的 JSON 或含有未知的键、值时，不做检查，退出码为 2。

退出码：0 没有错误；1 发现错误；2 用法错误或有文件无法读取。
`,
  en: `${SYNOPSIS.en}
Checks government information-disclosure annual reports (政府信息公开工作年度报告).
PATH may be a file or a folder (- for standard input); folders are searched recursively for .txt, .md,
.nianbao, .pdf, .docx (Word) and .html/.htm (saved web pages) files (skipping node_modules
and dot-folders; files other than .nianbao found there are checked only when their
content looks like an annual report). Text may be UTF-8, UTF-16 with a BOM or GB18030/GBK.

Options:
  --format text|json|sarif  output format (default: text)
  --lang zh-CN|en           message language (default: the configuration's language,
                            else from LC_ALL, LC_MESSAGES, LANG)
  --config FILE             read this configuration file instead of the .nianbao.json found
  --previous FILE           compare with this report of the year before (carried over, in
                            force, copied text, unusual changes); without it, the reports
                            checked together are paired by the body's name and the year
  --jobs N                  check on N threads (default: one a core for many files); results
                            are printed in the files' order as they come, with a progress
                            line on a terminal
  --verbose                 say on standard error which configuration file and how
                            many threads are used
  -h, --help                show this help
  --version                 show the version

Configuration: the nearest .nianbao.json in the working directory or a folder above it
(up to the repository root or the home folder) applies to every file of the run. Its keys are those of the VS Code settings without
the nianbao. prefix, for example:
  {"severity": {"section.empty": "off"}, "format": "auto", "language": "en", "maxDocumentSize": 5000000}
Each severity is off, hint, information, warning or error; format is auto, 2021 or 2019;
language is auto, zh-CN or en (--lang wins); maxDocumentSize is a limit in characters
(none by default); pairs names last year's report of a report, relative to the file's
folder: {"pairs": {"2024/finance.txt": "2023/finance.txt"}}. A file that is not valid JSON, or has an unknown key or value, stops
the run with exit status 2.

Exit status: 0 no errors; 1 errors found; 2 usage error or a file could not be read.
`,
};

export const MSG = {
  ...FILE_MSG,
  unknownOption: { 'zh-CN': '未知选项：{option}', en: 'unknown option: {option}' },
  missingValue: { 'zh-CN': '选项 {option} 需要一个值', en: 'option {option} needs a value' },
  unexpectedValue: { 'zh-CN': '选项 {option} 不接受值', en: 'option {option} takes no value' },
  badJobs: { 'zh-CN': '--jobs {value}：应为 1 到 999 的整数', en: '--jobs {value}: expected a whole number from 1 to 999' },
  verboseConfig: { 'zh-CN': '配置文件：{file}', en: 'configuration file: {file}' },
  verboseNoConfig: { 'zh-CN': '没有配置文件（从 {from} 向上查找 .nianbao.json，至仓库根目录或主目录为止）', en: 'no configuration file (.nianbao.json looked for from {from} up to the repository root or the home folder)' },
  verboseThreads: { 'zh-CN': '{files} 个文件，{threads} 个线程', en: '{files} files, {threads} threads' },
  progressRead: { 'zh-CN': '读取 {done}/{total}', en: 'reading {done}/{total}' },
  progressCheck: { 'zh-CN': '检查 {done}/{total}', en: 'checking {done}/{total}' },
  outputFailed: { 'zh-CN': '无法写出结果：{detail}', en: 'cannot write the output: {detail}' },
  badFormat: { 'zh-CN': '未知输出格式：{value}（可用：text、json、sarif）', en: 'unknown format: {value} (expected text, json or sarif)' },
  badLang: { 'zh-CN': '未知语言：{value}（可用：zh-CN、en）', en: 'unknown language: {value} (expected zh-CN or en)' },
  moreHelp: { 'zh-CN': '运行 nianbao --help 查看详细说明。', en: 'Run nianbao --help for details.' },
  noCommand: { 'zh-CN': '缺少命令', en: 'missing command' },
  unknownCommand: { 'zh-CN': '未知命令：{command}', en: 'unknown command: {command}' },
  noOut: { 'zh-CN': 'review 需要 --out 文件（.html、.xlsx 或 .csv）', en: 'review needs --out FILE (.html, .xlsx or .csv)' },
  badOut: { 'zh-CN': '--out {file}：只能写出 .html、.xlsx 或 .csv 文件', en: '--out {file}: only .html, .xlsx or .csv files can be written' },
  importAlone: { 'zh-CN': 'review --import 只读取一个问题清单文件，不同时检查路径或写出 --out', en: 'review --import reads one list of problems; it takes no paths and no --out' },
  imported: { 'zh-CN': '已将 {count} 条审核结论记入 {file}', en: 'recorded {count} decisions in {file}' },
  importSkipped: { 'zh-CN': '{count} 行的审核结论无法识别（应为“确认”或“忽略”）或指纹无效，未记入', en: '{count} rows not recorded: the decision is not 确认/confirmed or 忽略/dismissed, or the fingerprint is invalid' },
  importNoColumns: { 'zh-CN': '{file}：找不到“指纹”“审核结论”“检查”列（应为 nianbao review 写出的问题清单）', en: '{file}: no Fingerprint, Decision and Check columns (expected a list written by nianbao review)' },
  reviewOnly: { 'zh-CN': '选项 {option} 只用于 review 命令', en: 'option {option} is for the review command only' },
  reviewWritten: { 'zh-CN': '已写出 {file}：{files} 份报告，{issues} 处问题', en: 'wrote {file}: {files} reports, {issues} problems' },
  rosterUnreadable: { 'zh-CN': '{file}：无法读取应报单位名单：{detail}', en: '{file}: cannot read the roster: {detail}' },
  outUnwritable: { 'zh-CN': '{file}：无法写出：{detail}', en: '{file}: cannot write: {detail}' },
  noPath: { 'zh-CN': '缺少要检查的路径', en: 'no PATH to check' },
  badReview: { 'zh-CN': '审核记录文件无法使用：{detail}', en: 'the review file cannot be used: {detail}' },
  confirmedTag: { 'zh-CN': '（已确认）', en: ' (confirmed)' },
  dismissed: { 'zh-CN': '（另有 {count} 处已由审核记录忽略）', en: ' ({count} dismissed in the review file)' },
  configNotFound: { 'zh-CN': '{file}：找不到配置文件', en: '{file}: no such configuration file' },
  configUnreadable: { 'zh-CN': '{file}：无法读取配置文件：{detail}', en: '{file}: cannot read the configuration file: {detail}' },
  configNotJson: { 'zh-CN': '{file}：不是有效的 JSON：{detail}', en: '{file}: not valid JSON: {detail}' },
  configNotObject: { 'zh-CN': '{file}：应为一个 JSON 对象', en: '{file}: expected a JSON object' },
  configUnknownKey: { 'zh-CN': '{file}：未知的键“{key}”（可用：{keys}）', en: '{file}: unknown key "{key}" (expected {keys})' },
  configUnknownCheck: { 'zh-CN': '{file}：severity 中的“{check}”不是已知的检查', en: '{file}: "{check}" in severity is not a known check' },
  configBadValue: { 'zh-CN': '{file}：“{key}”的值 {value} 无效（可用：{expected}）', en: '{file}: invalid value {value} for "{key}" (expected {expected})' },
  configBadNumber: { 'zh-CN': '{file}：“{key}”的值 {value} 无效（应为不小于 0 的数）', en: '{file}: invalid value {value} for "{key}" (expected a number of at least 0)' },
  previous: { 'zh-CN': '上年报告：{path}（{how}）', en: "last year's report: {path} ({how})" },
  configBadPairs: { 'zh-CN': '{file}：“pairs”的值 {value} 无效（应为对象，键为报告路径、值为上年报告路径，如 {"2024/财政局.txt": "2023/财政局.txt"}）', en: '{file}: invalid value {value} for "pairs" (expected an object mapping a report\'s path to last year\'s, such as {"2024/finance.txt": "2023/finance.txt"})' },
  configBadObject: { 'zh-CN': '{file}：“{key}”的值 {value} 无效（应为对象，如 {"section.empty": "off"}）', en: '{file}: invalid value {value} for "{key}" (expected an object such as {"section.empty": "off"})' },
} satisfies Record<string, Localized>;

const SEVERITY_NAMES: Record<Severity, Localized> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  information: { 'zh-CN': '信息', en: 'information' },
  hint: { 'zh-CN': '提示', en: 'hint' },
};

/** `3 个文件，2 个错误，…` / `3 files: 2 errors, …`. */
export function summary(lang: Lang, files: number, counts: Record<Severity, number>): string {
  const order: Severity[] = ['error', 'warning', 'information', 'hint'];
  if (lang === 'zh-CN') {
    return [`${files} 个文件`, ...order.map((s) => `${counts[s]} 个${SEVERITY_NAMES[s]['zh-CN']}`)].join('，');
  }
  // "information" is uncountable; the other words take a plural -s.
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;
  return `${plural(files, 'file')}: ${order.map((s) => plural(counts[s], SEVERITY_NAMES[s].en)).join(', ')}`;
}

/** How a report was paired with last year's, for the line under its name. */
export const PAIRED_BY = {
  name: { 'zh-CN': '按机关名称和年度配对', en: 'paired by the body and the year' },
  explicit: { 'zh-CN': '由 --previous 指定', en: 'named by --previous' },
  config: { 'zh-CN': '由 .nianbao.json 的 pairs 指定', en: 'named by the pairs of .nianbao.json' },
} satisfies Record<string, Localized>;
