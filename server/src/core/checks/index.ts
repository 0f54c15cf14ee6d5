// The registry: every check the engine runs, in the order findings are listed.

import { sectionCountClaim } from './structure/count-claim';
import { sectionDuplicate } from './structure/duplicate';
import { sectionEmpty } from './structure/empty';
import { sectionHeadingVariant } from './structure/heading-variant';
import { sectionMisnumbered } from './structure/misnumbered';
import { sectionMissing } from './structure/missing';
import { sectionNumbering } from './structure/numbering';
import { sectionOrder } from './structure/order';
import { reportYear } from './structure/year';
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
];

export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.meta.id === id);
}
