// The statistical tables of a report, each read from its own section.

import type { TableId } from '../../format/tables';
import type { Line } from '../../text';
import type { FormatDecision, SectionNode, Table } from '../model';
import { parseProactive } from './proactive';
import { parseRequests } from './requests';
import { parseReview } from './review';

export function parseTables(
  text: string,
  lines: readonly Line[],
  sections: readonly SectionNode[],
  format: FormatDecision,
): Partial<Record<TableId, Table>> {
  const tables: Partial<Record<TableId, Table>> = {};
  const f = format.format ?? '2021';
  const first = (key: SectionNode['def']['key']) => sections.find((s) => s.def.key === key);
  const proactive = first('proactive');
  const requests = first('requests');
  const review = first('review');
  if (proactive) tables.proactive = parseProactive(text, lines, proactive, f);
  if (requests) tables.requests = parseRequests(text, lines, requests, f);
  if (review) tables.review = parseReview(text, lines, review, f);
  return tables;
}
