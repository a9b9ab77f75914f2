// How many typing slips (a letter changed, added or dropped, two neighbours swapped) lie between
// two names. Pure.

/** Optimal string alignment distance (a swap of two neighbours counts once), or `bound + 1`
 * as soon as it must exceed `bound`: a repository may hold 100,000 keys.
 *
 * Here, below every layer, because both a key misspelt (wording/) and a YAML alias one slip
 * from its anchor (parse/) are measured by it, and those two may not import each other. */
export function distanceWithin(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > bound) return bound + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
