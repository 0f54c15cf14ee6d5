// The review's three tables as rows of plain values, in the reader's language:
// what the CSV, HTML and XLSX writers lay out, each in its own way.

import type { Lang, Localized } from '../../core/index';
import { localize } from '../../core/i18n';
import { DECISION_WORDS, FILING_HEADERS, FILING_STATUS, ISSUE_HEADERS, REVIEW_MSG, SEVERITY_WORDS, UNIT_HEADERS } from './messages';
import type { ReviewModel } from './model';

export type Value = string | number | null;

export interface SheetTable {
  name: string;
  headers: string[];
  rows: Value[][];
  /** Each row's severity, for colouring (the issues only). */
  severities?: string[];
}

const headers = (h: Record<string, Localized>, lang: Lang) => Object.values(h).map((m) => localize(m, lang));

export function sheetsOf(model: ReviewModel, lang: Lang): { issues: SheetTable; units: SheetTable; filing: SheetTable } {
  return {
    issues: {
      name: localize(REVIEW_MSG.sheetIssues, lang),
      headers: headers(ISSUE_HEADERS, lang),
      rows: model.issues.map((i) => [
        i.unit,
        i.year ?? null,
        i.file,
        i.place,
        localize(SEVERITY_WORDS[i.severity], lang),
        `${i.check} (${i.code})`,
        i.message,
        i.values,
        i.correction,
        i.status ? localize(DECISION_WORDS[i.status], lang) : '',
        i.reason,
        i.fingerprint,
      ]),
      severities: model.issues.map((i) => i.severity),
    },
    units: {
      name: localize(REVIEW_MSG.sheetUnits, lang),
      headers: headers(UNIT_HEADERS, lang),
      rows: model.units.map((u) => [
        u.unit,
        u.year ?? null,
        u.file,
        u.format,
        u.counts.error,
        u.counts.warning,
        u.counts.information,
        u.counts.hint,
        u.received ?? null,
        u.concluded ?? null,
        u.carriedForward ?? null,
        u.reviews ?? null,
        u.reviewCorrectionRate ?? null,
        u.lawsuits ?? null,
        u.lawsuitCorrectionRate ?? null,
        u.previous ?? '',
      ]),
    },
    filing: {
      name: localize(REVIEW_MSG.sheetFiling, lang),
      headers: headers(FILING_HEADERS, lang),
      rows: model.filing.map((f) => [f.unit, localize(FILING_STATUS[f.status], lang), f.files.join('\n')]),
    },
  };
}
