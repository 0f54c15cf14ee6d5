// Table 2 (收到和处理政府信息公开申请情况): 7 numbers per row under the rows
// of the format that the text uses, read by `reader.ts`.

import { holdsInRow } from '../../format/relations';
import { APPLICANT_COLUMNS, FORMATS, requestRows, type FormatId, type RowDef, type TableDef } from '../../format/tables';
import { compact, type Line, type Span } from '../../text';
import type { SectionNode, Table } from '../model';
import { tokenize } from './atoms';
import { readLabelledRows } from './reader';
import type { Relation } from './split';

/** Words only the sub-rows of the 2021 format's (六)其他处理 have. */
const OTHER_HANDLING_SUBROWS = /逾期不补正|逾期未按收费|缴纳费用/;
const ROW_RELATIONS: Relation = (v) => holdsInRow('requests', v);

const tableDefs = new Map<RowDef[], TableDef>();
/** The table's definition for the rows it uses, shared like the rows themselves. */
function tableDef(format: FormatId, rows: RowDef[]): TableDef {
  let def = tableDefs.get(rows);
  if (!def) tableDefs.set(rows, (def = { ...FORMATS[format].tables.requests, blocks: [{ columns: APPLICANT_COLUMNS, rows }] }));
  return def;
}

export function parseRequests(text: string, lines: readonly Line[], section: SectionNode, format: FormatId): Table | undefined {
  const body: Span = section.body;
  // Whether (六)其他处理 has the 2021 format's sub-rows is read from their words, whatever the format says:
  // mixed reports use the 2021 rows with a single (六).
  const split = OTHER_HANDLING_SUBROWS.test(compact(text, body.start, body.end).text);
  const rowDefs = requestRows(format, split);
  const def = tableDef(format, rowDefs);
  const read = readLabelledRows(tokenize(text, lines, body), { rowDefs, blocks: def.blocks, blockOf: () => 0, relation: ROW_RELATIONS });
  return read && { def, rowDefs, ...read };
}
