// Human-readable output. Each finding line starts with `path:line:column` so
// that terminals and editors can jump to it; line and column are 1-based, the
// column counted in UTF-16 units like the editor's.

import type { Lang, Severity, Span } from '../core/index';
import { localize } from '../core/i18n';
import { describeOrigin } from '../files/messages';
import { MSG, PAIRED_BY, summary } from './messages';
import type { CheckedFile } from './run';

export interface TextOptions {
  lang: Lang;
  color: boolean;
}

const SGR: Record<Severity | 'bold' | 'dim', string> = {
  error: '31',
  warning: '33',
  information: '34',
  hint: '36',
  bold: '1',
  dim: '2',
};

export function formatText(files: readonly CheckedFile[], options: TextOptions): string {
  const paint = (style: keyof typeof SGR, s: string) => (options.color ? `\u001b[${SGR[style]}m${s}\u001b[0m` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let out = '';
  for (const file of files) {
    const { findings } = file.analysis;
    if (findings.length === 0) continue;
    out += paint('bold', file.path) + '\n';
    if (file.previous) out += `  ${localize(MSG.previous, options.lang, { path: file.previous.file.path, how: localize(PAIRED_BY[file.previous.pairedBy], options.lang) })}\n`;
    for (const finding of findings) {
      counts[finding.severity]++;
      const where = `${file.path}:${location(file, finding.span, options.lang)}`;
      // Severity and code stay untranslated: they are keys for grep and problem matchers.
      const confirmed = finding.confirmed ? localize(MSG.confirmedTag, options.lang) : '';
      out += `${where}  ${paint(finding.severity, finding.severity)}  ${paint('dim', finding.code)}  ${finding.message}${confirmed}\n`;
      for (const related of finding.related) {
        const where = related.inPrevious && file.previous ? file.previous.file : file;
        out += `    ${where.path}:${location(where, related.span, options.lang)}  ${related.message}\n`;
      }
    }
    out += '\n';
  }
  const dismissed = files.reduce((n, f) => n + f.analysis.dismissed.length, 0);
  const line = summary(options.lang, files.length, counts) + (dismissed ? localize(MSG.dismissed, options.lang, { count: dismissed }) : '');
  out += (counts.error > 0 ? paint('error', line) : line) + '\n';
  return out;
}

/** `line:column` in the text; for a page or a Word document, the place in the file and, in brackets, in the text read from it. */
function location(file: CheckedFile, span: Span, lang: Lang): string {
  const { start } = file.range(span);
  const text = `${start.line + 1}:${start.character + 1}`;
  if (!file.source) return text;
  return `${describeOrigin(file.source(span), lang)} [${text}]`;
}
