// The parsed report: a tree of spans over the original text. Produced once
// per document version by `parseReport` and shared by every check and feature.

import type { SectionDef } from '../format/sections';
import type { FormatId, RowDef, TableDef, TableId } from '../format/tables';
import type { Line, Span } from '../text';
import type { UnreadReason } from './tables/split';

/** A numbered heading: `二、主动公开政府信息情况` or `(三)政府信息管理情况`. */
export interface Heading {
  /** The numeral and the title together. */
  span: Span;
  numeral: { span: Span; value: number; text: string };
  title: { span: Span; text: string };
}

/**
 * How closely a heading's or a row label's wording matches the official one.
 * `fragment`: the start of a label whose rest was wrapped onto another line.
 */
export type MatchQuality = 'exact' | 'variant' | 'masked' | 'fuzzy' | 'fragment';

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
  /** Level-1 headings of the report's own in the body (`二、工作机制保障`): not sections, shown in the outline. */
  chapters: Subsection[];
}

export interface ReportTitle {
  span: Span;
  text: string;
  year?: { value: number; span: Span };
}

export type FormatEvidence = 'headers' | 'notice' | 'year';

export interface FormatDecision {
  format: FormatId | null;
  /** Set by the user rather than read from the text. */
  forced?: boolean;
  /** What decided it, strongest first. */
  evidence: { kind: FormatEvidence; format: FormatId; span: Span }[];
}

/** One cell of a statistical table. */
export interface Cell {
  column: string;
  /** `null` when the cell is blank (or could not be read). */
  value: number | null;
  /** Where the value is written; absent for a blank that has no place in the text. */
  span?: Span;
  /** Digits that ran together in the text, split by the table's relations. */
  split?: boolean;
  /** Read, but which column it belongs to is not certain (fewer numbers than cells). */
  uncertainColumn?: boolean;
  /**
   * Written, but not a count (or amount) the format allows here. `tooLarge`: at
   * or above `MAX_CELL_VALUE`, beyond any real count, and beyond what sums of
   * cells keep exact.
   */
  invalid?: 'notNumber' | 'negative' | 'fraction' | 'tooLarge';
}

export interface RowLabel {
  row: RowDef;
  span: Span;
  text: string;
  quality: MatchQuality;
}

export interface TableRow {
  def: RowDef;
  /** Index of the block (table 1 has several) the row belongs to. */
  block: number;
  label?: Omit<RowLabel, 'row'>;
  /** One per column of the row's block. */
  cells: Cell[];
  /** The row's numbers in the text. */
  span: Span;
  /** The row's numbers could not be read into its cells, and why: the cells are unknown. */
  unread?: UnreadReason;
}

export interface Table {
  def: TableDef;
  /** The rows of the format this table uses (table 2: with or without (六)'s sub-rows). */
  rowDefs: RowDef[];
  rows: TableRow[];
  /** Rows of the format that are not in the text. */
  missing: RowDef[];
  /** Labels of group rows (三、本年度办理结果, (三)不予公开…), which carry no numbers. */
  groupLabels: RowLabel[];
  span: Span;
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
  /** The statistical tables found in sections 二, 三 and 四. */
  tables: Partial<Record<TableId, Table>>;
}
