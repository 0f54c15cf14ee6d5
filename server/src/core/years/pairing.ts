// Pairing reports with the same body's report of the year before, among the
// reports of one run (a folder a reviewer checks): by the body's name and the
// year, surest match first, and only where one report answers.

import { bodyMatch, tailOf, type Identity } from './identity';

/** For each report (by index) that has one, the index of its body's report of the year before. */
export function pairByName(identities: readonly Identity[]): Map<number, number> {
  const pairs = new Map<number, number>();
  // Names that match at all end alike (bodyMatch never lets the tail differ): each report is compared only
  // with last year's reports of the same tail, so a folder of ten thousand pairs in linear time.
  const byTail = new Map<string, number[]>();
  identities.forEach((other, j) => {
    if (!other.key || !other.year) return;
    const tail = `${other.year} ${tailOf(other.key)}`;
    const group = byTail.get(tail);
    if (group) group.push(j);
    else byTail.set(tail, [j]);
  });
  identities.forEach((current, index) => {
    if (!current.key || !current.year) return;
    let best = 0;
    let found: number[] = [];
    for (const j of byTail.get(`${current.year - 1} ${tailOf(current.key)}`) ?? []) {
      const other = identities[j];
      if (j === index) continue;
      const match = bodyMatch(current.key, other.key!);
      if (match === 0 || match < best) continue;
      if (match > best) found = [];
      best = match;
      found.push(j);
    }
    // Two of last year's reports for one body (filed twice): no guess which.
    if (found.length === 1) pairs.set(index, found[0]);
  });
  return pairs;
}
