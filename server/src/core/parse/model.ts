// The parsed report: a tree of spans over the original text. Produced once
// per document version by `parseReport` and shared by every check and feature.

import type { SectionDef } from '../format/sections';
import type { FormatId } from '../format/tables';
import type { Line, Span } from '../text';

/** A numbered heading: `二、主动公开政府信息情况` or `(三)政府信息管理情况`. */
export interface Heading {
  /** The numeral and the title together. */
  span: Span;
  numeral: { span: Span; value: number; text: string };
  title: { span: Span; text: string };
}

/** How closely a heading's wording matches the official one. */
export type MatchQuality = 'exact' | 'variant' | 'masked' | 'fuzzy';

export interface Subsection {
  heading: Heading;
  /** From the heading to the next subsection or the end of the section. */
  span: Span;
}

export interface SectionNode {
  def: SectionDef;
  heading: Heading;
  match: MatchQuality;
  /** Text after the heading up to the next section heading, the appendix or the end. */
  body: Span;
  /** Heading and body. */
  span: Span;
  subsections: Subsection[];
}

export interface ReportTitle {
  span: Span;
  text: string;
  year?: { value: number; span: Span };
}

export type FormatEvidence = 'headers' | 'notice' | 'year';

export interface FormatDecision {
  format: FormatId | null;
  /** What decided it, strongest first. */
  evidence: { kind: FormatEvidence; format: FormatId; span: Span }[];
}

export interface Report {
  text: string;
  lines: Line[];
  /** The line break used when inserting lines. */
  eol: string;
  title?: ReportTitle;
  /** Between the title (or the start) and the first section. */
  intro: Span;
  /** Recognised sections in document order; a section may occur twice. */
  sections: SectionNode[];
  /** An appendix (附件) after the last section, with its own numbering. */
  appendix?: Span;
  format: FormatDecision;
}
