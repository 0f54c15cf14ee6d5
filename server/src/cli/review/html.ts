// The review as one HTML page that opens offline in any browser: no script,
// no remote content (a Content-Security-Policy forbids both), styles inline.

import type { Lang } from '../../core/index';
import { localize } from '../../core/i18n';
import { RATE_NOTE, REVIEW_MSG } from './messages';
import type { ReviewModel } from './model';
import type { SheetTable } from './sheets';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 24px; color: #1f2328; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; }
p.meta { color: #59636e; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td:nth-child(5) { color: #cf222e; font-weight: bold; }
tr.warning td:nth-child(5) { color: #9a6700; font-weight: bold; }
tr.information td:nth-child(5), tr.hint td:nth-child(5) { color: #0969da; }
td.files { white-space: pre-line; }
`;

function table(t: SheetTable, empty: string): string {
  if (t.rows.length === 0) return `<p>${escape(empty)}</p>`;
  const head = `<tr>${t.headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((row, r) => {
      const cls = t.severities?.[r] ? ` class="${t.severities[r]}"` : '';
      const cells = row.map((v, c) => {
        const text = v === null ? '—' : String(v);
        const kind = typeof v === 'number' ? ' class="n"' : t.headers[c] && text.includes('\n') ? ' class="files"' : '';
        return `<td${kind}>${escape(text)}</td>`;
      });
      return `<tr${cls}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function toHtml(model: ReviewModel, tables: { issues: SheetTable; units: SheetTable; filing: SheetTable }, lang: Lang, version: string, hasRoster: boolean): string {
  const title = localize(REVIEW_MSG.title, lang);
  const year = model.year ? localize(REVIEW_MSG.yearOf, lang, { year: model.year }) : localize(REVIEW_MSG.yearUnknown, lang);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="meta">${escape(localize(REVIEW_MSG.generated, lang, { version, files: model.units.length, year }))}</p>
<h2 id="units">${escape(tables.units.name)}</h2>
${table(tables.units, '')}
<p class="meta">${escape(localize(RATE_NOTE, lang))}</p>
<h2 id="filing">${escape(tables.filing.name)}</h2>
${hasRoster ? '' : `<p class="meta">${escape(localize(REVIEW_MSG.noRoster, lang))}</p>`}
${table(tables.filing, localize(REVIEW_MSG.noFilingProblems, lang))}
<h2 id="issues">${escape(tables.issues.name)}</h2>
${table(tables.issues, localize(REVIEW_MSG.noIssues, lang))}
</body>
</html>
`;
}
