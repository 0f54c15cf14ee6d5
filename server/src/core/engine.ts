// Runs the registered checks over a parsed report.

import { CHECKS } from './checks/index';
import type { Finding, Fix, PreviousReport, SeveritySetting } from './checks/types';
import { localize, type Lang } from './i18n';
import type { Report } from './parse/model';

export interface CheckOptions {
  lang: Lang;
  /** Per-check severity; `off` skips the check's work entirely. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  previous?: PreviousReport;
}

export const INTERNAL_ERROR = 'internal.error';

export function runChecks(report: Report, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const t = (m: Parameters<typeof localize>[0], args?: Parameters<typeof localize>[2]) => localize(m, options.lang, args);
  for (const check of CHECKS) {
    const { id, defaultSeverity } = check.meta;
    const setting = options.severities?.[id];
    if (setting === 'off') continue;
    try {
      check.run({
        report,
        ...(options.previous ? { previous: options.previous } : {}),
        lang: options.lang,
        t,
        emit: (f) =>
          findings.push({
            code: id,
            severity: setting ?? f.severity ?? defaultSeverity,
            span: f.span,
            message: f.message,
            related: f.related ?? [],
            ...(f.dismissHint ? { dismissHint: f.dismissHint } : {}),
            fixes: (f.fixes ?? []).map((fix) => (fix.safety === 'fix' && writesNumbers(report.text, fix) ? { ...fix, safety: 'suggestion', preferred: false } : fix)),
          }),
      });
    } catch (error) {
      // A failing check must not take the others down with it; say so instead.
      findings.push(internalError(options.lang, `${id}: ${String(error)}`));
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}

/** The digits of a text, row ordinals (`2.其他`) aside: what a label or heading fix may restore. */
const digitsOf = (text: string) => text.replace(/[0-9０-９][.、．](?![0-9０-９])/g, '').replace(/[^0-9０-９]/g, '');

/**
 * Whether a fix removes or writes a number (`公20申请` → `公开申请`): then it
 * changes a fact, whatever its check meant, and is offered as a suggestion.
 */
function writesNumbers(text: string, fix: Fix): boolean {
  return fix.edits.some((e) => digitsOf(text.slice(e.span.start, e.span.end)) !== digitsOf(e.newText));
}

export function internalError(lang: Lang, detail: string): Finding {
  return {
    code: INTERNAL_ERROR,
    severity: 'error',
    span: { start: 0, end: 0 },
    message: localize({ 'zh-CN': '年报助手内部错误，部分检查未完成：{detail}', en: 'Nianbao internal error; some checks did not run: {detail}' }, lang, { detail }),
    related: [],
    fixes: [],
  };
}
