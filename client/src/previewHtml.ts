// The table preview's HTML, made from the server's `nianbao/tables` answer.
// Kept apart from `vscode` so that it is tested without an editor. Every
// piece of text is escaped here: the webview inserts the result as it is.

import type { Lang } from '../../server/src/core/i18n';
import type { TableCellResult, TableResult, TableRowResult, TablesResult } from '../../server/src/lsp/tables';

type HeaderCell = TableResult['blocks'][number]['header'][number][number];
type Range = NonNullable<TableCellResult['range']>;

const WORDS = {
  format: { 'zh-CN': '{format} 年版格式', en: '{format} format' },
  noFormat: { 'zh-CN': '格式未能确定', en: 'Format undetermined' },
  noTables: { 'zh-CN': '未找到统计表。表格应位于第二、三、四部分。', en: 'No tables found. They belong in sections 二, 三 and 四.' },
  hold: { 'zh-CN': '勾稽关系 ✓（{checked} 项）', en: 'relations hold ✓ ({checked})' },
  fail: { 'zh-CN': '{failing} 处勾稽关系不成立（共 {checked} 项）', en: '{failing} of {checked} relations fail' },
  unchecked: { 'zh-CN': '勾稽关系无法核对', en: 'relations cannot be checked' },
  missingRow: { 'zh-CN': '文中缺少此行', en: 'This row is missing from the text' },
  written: { 'zh-CN': '原文：{text}', en: 'Written: {text}' },
  runTogether: { 'zh-CN': '数字连在一起，无法拆分', en: 'Digits run together and cannot be split' },
  blank: { 'zh-CN': '空白', en: 'blank' },
  culprit: { 'zh-CN': '改动此格即可使这组关系成立', en: 'Changing this cell alone would mend these relations' },
  click: { 'zh-CN': '单击定位到原文', en: 'Click to show it in the text' },
} as const;

function t(key: keyof typeof WORDS, lang: Lang, args: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An attribute value: escaped, with line breaks kept (a title shows them). */
const attr = (text: string) => escapeHtml(text).replace(/\n/g, '&#10;');

const rangeAttr = (range: Range | null) => (range ? ` data-range="${[range.start.line, range.start.character, range.end.line, range.end.character].join(',')}"` : '');

function th(cell: HeaderCell, extra = ''): string {
  const spans = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
  return `<th${spans}${extra}>${escapeHtml(cell.text)}</th>`;
}

/**
 * What each data column is called: every header cell above it except the
 * corner and a heading over the whole width (申请人情况 stays: it names the kind).
 */
export function columnNames(header: HeaderCell[][], labelWidth: number, columns: number): string[] {
  const width = labelWidth + columns;
  const names: string[][] = Array.from({ length: columns }, () => []);
  const taken: boolean[][] = header.map(() => new Array<boolean>(width).fill(false));
  header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && taken[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < header.length; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr][c + dc] = true;
      if (cell.colSpan < width) {
        for (let dc = 0; dc < cell.colSpan; dc++) if (c + dc >= labelWidth) names[c + dc - labelWidth].push(cell.text);
      }
      c += cell.colSpan;
    }
  });
  return names.map((n) => n.join(' · '));
}

function cellHtml(cell: TableCellResult, row: TableRowResult, column: string, lang: Lang): string {
  const classes = ['num'];
  if (cell.failing) classes.push('failing');
  if (cell.culprit) classes.push('culprit');
  if (cell.text === null) classes.push('blank');
  const title = [row.name ? `${row.name} · ${column}` : column];
  if (row.runTogether) title.push(t('runTogether', lang));
  title.push(...cell.relations);
  if (cell.culprit) title.push(t('culprit', lang));
  if (cell.range) title.push(t('click', lang));
  const shown = cell.text ?? (cell.value === null ? '' : String(cell.value));
  const focus = cell.range ? ' tabindex="0"' : '';
  return `<td class="${classes.join(' ')}" title="${attr(title.join('\n'))}"${rangeAttr(cell.range)}${focus}>${escapeHtml(shown)}</td>`;
}

function rowHtml(row: TableRowResult, columns: string[], lang: Lang): string {
  const notes: string[] = [];
  if (row.missing) notes.push(t('missingRow', lang));
  else if (row.written !== null && row.written !== row.label) notes.push(t('written', lang, { text: row.written }));
  if (row.runTogether) notes.push(t('runTogether', lang));
  // Group labels spanning several rows come first; the row's own label is the last.
  const labels = row.labels.map((l, i) =>
    i === row.labels.length - 1
      ? th(l, ` scope="row"${notes.length ? ` title="${attr(notes.join('\n'))}"` : ''}${rangeAttr(row.labelRange)}${row.labelRange ? ' tabindex="0"' : ''}`)
      : th(l, ' scope="rowgroup" class="group"'),
  );
  const cells = row.cells.map((c, i) => cellHtml(c, row, columns[i] ?? c.column, lang));
  const classes = [row.missing ? 'missing' : '', row.runTogether ? 'run-together' : ''].filter(Boolean).join(' ');
  return `<tr${classes ? ` class="${classes}"` : ''}>${labels.join('')}${cells.join('')}</tr>`;
}

function status(table: TableResult, lang: Lang): string {
  const { checked, failing } = table.relations;
  if (table.id === 'proactive') return '';
  const [cls, text] = checked === 0 ? ['unchecked', t('unchecked', lang)] : failing === 0 ? ['ok', t('hold', lang, { checked })] : ['fail', t('fail', lang, { failing, checked })];
  return ` <span class="status ${cls}">${escapeHtml(text)}</span>`;
}

function tableHtml(table: TableResult, lang: Lang): string {
  const blocks = table.blocks.map((block) => {
    const labelWidth = Math.max(0, ...block.rows.map((r) => r.labels.reduce((s, l) => s + l.colSpan, 0)));
    const columns = columnNames(block.header, labelWidth, block.rows[0]?.cells.length ?? 0);
    const head = block.header.map((cells) => `<tr>${cells.map((c) => th(c, ' scope="col"')).join('')}</tr>`).join('');
    const body = block.rows.map((r) => rowHtml(r, columns, lang)).join('');
    return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  });
  const range = table.range;
  return (
    `<section class="table" id="table-${escapeHtml(table.anchor)}">` +
    `<h2><a${rangeAttr({ start: range.start, end: range.start })} tabindex="0">${escapeHtml(table.name)} ${escapeHtml(table.title)}</a>${status(table, lang)}</h2>` +
    `${blocks.join('')}</section>`
  );
}

/** The preview's content for one answer of `nianbao/tables`. */
export function renderTables(result: TablesResult): string {
  const lang = result.lang;
  const formatText = (format: string | null) => (format ? t('format', lang, { format }) : t('noFormat', lang));
  // A yearbook: each report's title and format before its tables (anchors `requests-2`: the report's number).
  const partOf = (table: TableResult) => table.anchor.slice(table.anchor.indexOf('-') + 1);
  const tables = result.tables.map((table, i) => {
    const report = table.report;
    const opens = report && (i === 0 || partOf(result.tables[i - 1]) !== partOf(table));
    const heading = opens ? `<h1 class="report">${escapeHtml(report.title)}</h1><p class="format">${escapeHtml(formatText(report.format))}</p>` : '';
    return heading + tableHtml(table, lang);
  });
  const body = tables.length ? tables.join('') : `<p class="empty">${escapeHtml(t('noTables', lang))}</p>`;
  return result.tables.some((table) => table.report) ? body : `<p class="format">${escapeHtml(formatText(result.format))}</p>${body}`;
}

/** A message in place of the tables (no server yet, the document closed…). */
export function renderMessage(text: string): string {
  return `<p class="empty">${escapeHtml(text)}</p>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; }
h1.report { font-size: 1.2em; font-weight: 600; margin: 1.6em 0 .2em; border-bottom: 1px solid var(--vscode-panel-border); }
h2 { font-size: 1.1em; font-weight: 600; margin: 1.4em 0 .5em; }
h2 a { color: inherit; text-decoration: none; cursor: pointer; }
h2 a:hover { text-decoration: underline; }
.format, .empty { color: var(--vscode-descriptionForeground); }
.status { font-weight: normal; margin-left: .8em; font-size: .9em; }
.status.ok { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.status.fail { color: var(--vscode-errorForeground); }
.status.unchecked { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 0 0 .8em; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); padding: 2px 6px; }
th { font-weight: normal; text-align: left; background: var(--vscode-editorWidget-background); }
thead th { text-align: center; }
th.group { vertical-align: middle; }
th[data-range], td[data-range], a[data-range] { cursor: pointer; }
td.num { text-align: right; min-width: 2.5em; font-family: var(--vscode-editor-font-family); font-variant-numeric: tabular-nums; }
td.blank { background: var(--vscode-editorWidget-background); }
td.failing { color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground, transparent); }
td.culprit { font-weight: bold; outline: 2px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); outline-offset: -2px; }
td[data-range]:hover, th[data-range]:hover { background: var(--vscode-list-hoverBackground); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
tr.missing th, tr.missing td { color: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); font-style: italic; }
tr.run-together td { color: var(--vscode-editorWarning-foreground); }
`;

/**
 * The webview script: shows what the extension sends, keeps it for when the
 * panel is shown again, and asks the extension to reveal a clicked cell.
 */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('main');
  const show = (html) => { const y = window.scrollY; main.innerHTML = html; window.scrollTo(0, y); };
  const scrollTo = (id) => { const el = document.getElementById('table-' + id); if (el) el.scrollIntoView({ block: 'start' }); };
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'update') return;
    show(m.html);
    vscode.setState({ html: m.html });
    if (m.scrollTo) scrollTo(m.scrollTo);
  });
  const reveal = (target) => {
    const el = target instanceof Element ? target.closest('[data-range]') : null;
    if (el) vscode.postMessage({ type: 'reveal', range: el.getAttribute('data-range').split(',').map(Number) });
  };
  main.addEventListener('click', (e) => reveal(e.target));
  main.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(e.target); } });
  const state = vscode.getState();
  if (state && state.html) show(state.html);
  vscode.postMessage({ type: 'ready' });
})();
`;

/** The page: strict CSP, no remote or local resources, style and script allowed by nonce only. */
export function pageHtml(cspSource: string, nonce: string, lang: Lang): string {
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="main"></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
