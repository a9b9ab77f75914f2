// Where two versions of a file stop being equal, from their start and from their end: the part an
// edit left alone is taken over from the version before without being read again.

/** The length of the equal run, up to `max`, given `same(from, to)` (is the range equal, by a
 * native compare) and `byte(i)` (is the byte at distance `i` equal): by halving the range (a
 * dozen compares for a values file), then byte by byte. */
function equalRun(max: number, same: (from: number, to: number) => boolean, byte: (i: number) => boolean): number {
  if (same(0, max)) return max;
  let lo = 0; // [0, lo) is equal
  let hi = max; // and a byte in [lo, hi) differs
  while (hi - lo > 32) {
    const mid = (lo + hi) >>> 1;
    if (same(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && byte(lo)) lo++;
  return lo;
}

/** How many bytes of `x` from `xAt` and `y` from `yAt` are equal, up to `max`. */
export function commonPrefix(x: Buffer, xAt: number, y: Buffer, yAt: number, max: number): number {
  return equalRun(
    max,
    (from, to) => x.compare(y, yAt + from, yAt + to, xAt + from, xAt + to) === 0,
    (i) => x[xAt + i] === y[yAt + i],
  );
}

/** How many bytes at the ends of `x` and `y` are equal, up to `max`. */
export function commonSuffix(x: Buffer, y: Buffer, max: number): number {
  const xEnd = x.length;
  const yEnd = y.length;
  return equalRun(
    max,
    (from, to) => x.compare(y, yEnd - to, yEnd - from, xEnd - to, xEnd - from) === 0,
    (i) => x[xEnd - 1 - i] === y[yEnd - 1 - i],
  );
}
