// Pairing reports with the same body's report of the year before, among the
// reports of one run (a folder a reviewer checks): by the body's name and the
// year, surest match first, and only where one report answers.

import { bodyMatch, type Identity } from './identity';

/** For each report (by index) that has one, the index of its body's report of the year before. */
export function pairByName(identities: readonly Identity[]): Map<number, number> {
  const pairs = new Map<number, number>();
  identities.forEach((current, index) => {
    if (!current.key || !current.year) return;
    let best = 0;
    let found: number[] = [];
    identities.forEach((other, j) => {
      if (j === index || !other.key || other.year !== current.year! - 1) return;
      const match = bodyMatch(current.key!, other.key);
      if (match === 0 || match < best) return;
      if (match > best) found = [];
      best = match;
      found.push(j);
    });
    // Two of last year's reports for one body (filed twice): no guess which.
    if (found.length === 1) pairs.set(index, found[0]);
  });
  return pairs;
}
