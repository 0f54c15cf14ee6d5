// Human-readable output. Each finding line starts with `path:line:column` so
// that terminals and editors can jump to it; line and column are 1-based, the
// column counted in UTF-16 units like the editor's.

import type { Lang, Severity, Span } from '../core/index';
import { localize } from '../core/i18n';
import { describeOrigin } from '../files/messages';
import { MSG, PAIRED_BY, summary } from './messages';
import type { CheckedFile } from './job';

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

/**
 * Characters a terminal acts on — C0 and C1 controls but the tab (a report's
 * cell can hold an escape sequence that sets the title or hides text) — and
 * the bidirectional overrides that reorder what is shown: printed escaped.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text from a report or a file name, safe on a terminal. */
export const safeText = (text: string): string => text.replace(UNSAFE, escapeChar);

/** A path as it starts a `path:line:column` line: quoted, as JSON writes it, when it holds a tab or a character a terminal acts on. */
export const safePath = (file: string): string => (/[\t\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(file) ? JSON.stringify(file).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, escapeChar) : file);

type Paint = (style: keyof typeof SGR, s: string) => string;
const painter = (color: boolean): Paint => (style, s) => (color ? `\u001b[${SGR[style]}m${s}\u001b[0m` : s);

/** One file's block: its path, last year's report compared with, a line per finding. Empty for a clean file. */
export function textOfFile(file: CheckedFile, options: TextOptions): string {
  const paint = painter(options.color);
  const { findings } = file.analysis;
  if (findings.length === 0) return '';
  let out = paint('bold', safePath(file.path)) + '\n';
  if (file.previous) out += `  ${localize(MSG.previous, options.lang, { path: safePath(file.previous.file.path), how: localize(PAIRED_BY[file.previous.pairedBy], options.lang) })}\n`;
  for (const finding of findings) {
    const where = `${safePath(file.path)}:${location(file, finding.span, options.lang)}`;
    // Severity and code stay untranslated: they are keys for grep and problem matchers.
    const confirmed = finding.confirmed ? localize(MSG.confirmedTag, options.lang) : '';
    out += `${where}  ${paint(finding.severity, finding.severity)}  ${paint('dim', finding.code)}  ${safeText(finding.message)}${confirmed}\n`;
    for (const related of finding.related) {
      const where = related.inPrevious && file.previous ? file.previous.file : file;
      out += `    ${safePath(where.path)}:${location(where, related.span, options.lang)}  ${safeText(related.message)}\n`;
    }
  }
  return out + '\n';
}

/** The last line: files checked, findings by severity, findings a reviewer dismissed. */
export function textSummary(files: number, counts: Record<Severity, number>, dismissed: number, options: TextOptions): string {
  const line = summary(options.lang, files, counts) + (dismissed ? localize(MSG.dismissed, options.lang, { count: dismissed }) : '');
  return (counts.error > 0 ? painter(options.color)('error', line) : line) + '\n';
}

/** `line:column` in the text; for a page or a Word document, the place in the file and, in brackets, in the text read from it. */
function location(file: Pick<CheckedFile, 'range' | 'source'>, span: Span, lang: Lang): string {
  const { start } = file.range(span);
  const text = `${start.line + 1}:${start.character + 1}`;
  if (!file.source) return text;
  return `${describeOrigin(file.source(span), lang)} [${text}]`;
}
