// The contract between the analysis engine and the checks.

import type { Lang, Localized, MessageArgs } from '../i18n';
import type { Report } from '../parse/model';
import type { Span } from '../text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export type SeveritySetting = Severity | 'off';

export interface Edit {
  span: Span;
  newText: string;
}

/**
 * `fix`: mechanical and meaning-preserving (official wording, a lost numeral,
 * a missing heading): what fix-all and save may apply. `suggestion`: changes
 * a fact (a number in a table or in the prose, a count claim): offered, applied
 * only when the user picks it.
 */
export type FixSafety = 'fix' | 'suggestion';

export interface Fix {
  title: string;
  edits: Edit[];
  /** The one the user most likely wants among the finding's fixes. */
  preferred: boolean;
  safety: FixSafety;
}

export interface Related {
  span: Span;
  message: string;
  /** The span is in the previous year's report (`CheckContext.previous`), not in this one. */
  inPrevious?: boolean;
}

/** Last year's report of the same body, for the cross-year checks; how the two were paired, for people. */
export interface PreviousReport {
  report: Report;
  /** How people know it: its path. */
  name: string;
  pairedBy: 'name' | 'explicit' | 'config';
}

export interface Finding {
  /** The check's stable id, e.g. `section.missing`. */
  code: string;
  severity: Severity;
  span: Span;
  message: string;
  related: Related[];
  fixes: Fix[];
  /** Why a reviewer may set this finding aside (a figure about another scope): the reason a dismissal records. */
  dismissHint?: string;
  /** A reviewer confirmed it (`.nianbao-review.json`): still shown, marked as confirmed, with the reason given. */
  confirmed?: { reason?: string };
}

export interface CheckMeta {
  id: string;
  title: Localized;
  /** What the check reports and why it matters; the first paragraph of its docs page. */
  description: Localized;
  defaultSeverity: Severity;
  fixable: boolean;
}

export interface FindingInput {
  span: Span;
  message: string;
  /** Only for checks whose default depends on the place (see `section.empty`). */
  severity?: Severity;
  related?: Related[];
  fixes?: Fix[];
  dismissHint?: string;
}

export interface CheckContext {
  report: Report;
  /** Last year's report of the same body, when the host paired one: the cross-year checks (`year.*`) need it. */
  previous?: PreviousReport;
  lang: Lang;
  t(message: Localized, args?: MessageArgs): string;
  emit(finding: FindingInput): void;
}

export interface Check {
  meta: CheckMeta;
  run(ctx: CheckContext): void;
}
