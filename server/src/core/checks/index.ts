// The registry: every check the engine runs, in the order findings are listed.

import { sectionCountClaim } from './structure/count-claim';
import { sectionDuplicate } from './structure/duplicate';
import { sectionEmpty } from './structure/empty';
import { sectionHeadingVariant } from './structure/heading-variant';
import { sectionMisnumbered } from './structure/misnumbered';
import { sectionMissing } from './structure/missing';
import { sectionNumbering } from './structure/numbering';
import { sectionOrder } from './structure/order';
import { narrativeMasked } from './narrative/masked';
import { narrativeMismatch } from './narrative/mismatch';
import { narrativePartsExceedWhole } from './narrative/parts-exceed-whole';
import { narrativePlaceholder } from './narrative/placeholder';
import { narrativeZeroClaim } from './narrative/zero-claim';
import { reportFormat } from './structure/format';
import { reportTooLarge } from './structure/too-large';
import { reportEncoding } from './structure/encoding';
import { reportYear } from './structure/year';
import { tableBalance } from './tables/balance';
import { tableCellEmpty } from './tables/cell-empty';
import { tableCellInvalid } from './tables/cell-invalid';
import { tableCellsRunTogether } from './tables/cells-run-together';
import { tableLabelVariant } from './tables/label-variant';
import { tableMissing } from './tables/missing';
import { tableMissingRow } from './tables/missing-row';
import { tableResultsTotal } from './tables/results-total';
import { tableReviewTotal } from './tables/review-total';
import { tableRowTotal } from './tables/row-total';
import { yearCarryOver } from './year/carry-over';
import { yearCopiedText } from './year/copied-text';
import { yearInForce } from './year/in-force';
import { yearJump } from './year/jump';
import type { Check } from './types';

export const CHECKS: readonly Check[] = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionMisnumbered,
  sectionEmpty,
  sectionHeadingVariant,
  sectionNumbering,
  sectionCountClaim,
  reportYear,
  reportFormat,
  reportTooLarge,
  reportEncoding,
  tableMissing,
  tableMissingRow,
  tableRowTotal,
  tableResultsTotal,
  tableBalance,
  tableReviewTotal,
  tableCellInvalid,
  tableCellEmpty,
  tableCellsRunTogether,
  tableLabelVariant,
  narrativeMismatch,
  narrativeZeroClaim,
  narrativePartsExceedWhole,
  narrativePlaceholder,
  narrativeMasked,
  yearCarryOver,
  yearInForce,
  yearCopiedText,
  yearJump,
];

export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.meta.id === id);
}
