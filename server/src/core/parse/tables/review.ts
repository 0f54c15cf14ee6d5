// Table 3 (行政复议、行政诉讼): one row of 15 numbers under a header of labels,
// three groups of 维持, 纠正, 其他, 尚未审结 and their 总计.

import { holdsInRow } from '../../format/relations';
import { FORMATS, REVIEW_GROUPS, type FormatId } from '../../format/tables';
import { labelKey, type Line } from '../../text';
import type { SectionNode, Table } from '../model';
import { tokenize, type Atom } from './atoms';
import { buildRow } from './rows';
import { readRow, type Relation } from './split';

const WIDTH = 15;
const ROW_RELATIONS: Relation = (v) => holdsInRow('review', v);

/** The characters of the table's header words: text of any other word after its numbers is no part of it. */
const HEADER_CHARS = new Set(
  labelKey([...FORMATS['2021'].tables.review.blocks[0].columns.map((c) => c.label), ...REVIEW_GROUPS.flatMap((g) => [g.label, ...('aliases' in g ? g.aliases : [])]), '行政复议行政诉讼单位件'].join('')),
);
const isHeaderText = (atom: Atom) => [...labelKey(atom.text)].every((ch) => HEADER_CHARS.has(ch));

/**
 * A sentence that runs into the header on a crawled line (`…没有行政复议及行政诉讼情况。行政复议行政诉讼结果维持…总计`):
 * the header words after its last full stop, more of them than a sentence about the table holds
 * (`…。行政复议、行政诉讼尚未审结1件`).
 */
const HEADER_RUN = 24;

function endsWithHeader(text: string): boolean {
  const tail = labelKey(text.slice(Math.max(text.lastIndexOf('。'), text.lastIndexOf('；')) + 1));
  return tail.length >= HEADER_RUN && [...tail].every((ch) => HEADER_CHARS.has(ch));
}

/** Prose after the table (or a missing section's text) ends it; a footnote (`注：`) does not. */
function isProse(atom: Atom): boolean {
  return /[。；]/.test(atom.text) && !/^注/.test(atom.text.trim());
}

export function parseReview(text: string, lines: readonly Line[], section: SectionNode, format: FormatId): Table | undefined {
  const atoms = tokenize(text, lines, section.body);
  const values: Atom[] = [];
  const numbersOnLine = new Map<number, number>();
  const proseLines = new Set<number>();
  const textLines = new Set<number>();
  for (const a of atoms) {
    if (a.kind === 'number') numbersOnLine.set(a.line, (numbersOnLine.get(a.line) ?? 0) + 1);
    else if (a.kind === 'text') {
      textLines.add(a.line);
      // A footnote's numbers (`注：本表数据截至2024年12月31日`) are no cells either.
      if (isProse(a) || /^注/.test(a.text.trim())) proseLines.add(a.line);
    }
  }
  // A number in a sentence is not a cell: on a line with prose, a number counts only after a table word
  // (`…结果维持…总计000…2021年，我局…`, a crawled line running a table into the prose after it).
  const inSentence = new Array<boolean>(atoms.length).fill(false);
  let afterLabel = false;
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (i === 0 || atoms[i - 1].line !== a.line) afterLabel = false;
    if (a.kind === 'text') afterLabel = (!isProse(a) && isHeaderText(a)) || endsWithHeader(a.text);
    else inSentence[i] = proseLines.has(a.line) && !afterLabel;
  }
  let numbers = 0;
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i];
    if (atom.kind === 'text') {
      // After the numbers, a word that is not the header's (`（一）存在问题`, prose) ends the table.
      if (numbers && (isProse(atom) || !isHeaderText(atom))) break;
      continue;
    }
    if (inSentence[i]) continue;
    values.push(atom);
    if (atom.kind === 'number') numbers++;
    if (numbers >= WIDTH && (numbersOnLine.get(atom.line) ?? 0) <= WIDTH) {
      // Keep the rest of this line's cells (trailing blanks), and the lines of nothing but numbers that
      // follow (one cell per line): more numbers than cells make the row unread, never a guess.
      let j = i + 1;
      for (; j < atoms.length && atoms[j].line === atom.line && atoms[j].kind !== 'text'; j++) values.push(atoms[j]);
      for (; j < atoms.length && atoms[j].kind !== 'text' && !textLines.has(atoms[j].line) && !proseLines.has(atoms[j].line); j++) {
        if (atoms[j].kind === 'number') values.push(atoms[j]);
      }
      break;
    }
  }
  if (!values.some((v) => v.kind === 'number')) return undefined;
  const def = FORMATS[format].tables.review;
  const block = def.blocks[0];
  const row = buildRow(block.rows[0], 0, block.columns, undefined, readRow(values, WIDTH, ROW_RELATIONS), values);
  return { def, rowDefs: block.rows, rows: [row], missing: [], groupLabels: [], span: row.span };
}
