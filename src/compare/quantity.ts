import type { KeyPath } from '../model/types.js';

// The API server stores a resource quantity in its canonical form: a manifest's `cpu: 0.5` runs
// as `500m`, `memory: 1024Mi` as `1Gi`, `cpu: 1000m` as `1`. Compared as text, every one of them
// would be a hand edit nobody made.

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** A Kubernetes quantity's value (`500m` → 0.5, `1Gi` → 1073741824); undefined when the text is none. */
export function quantityValue(text: string): number | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const number = Number(m[1]);
  if (m[2]) return Number(`${m[1]}${m[2]}`);
  return number * SUFFIX[m[3] ?? '']!;
}

/** A container resource's request or limit, in a manifest (`….resources.limits.cpu`) or a chart's values (`resources.requests.memory`). */
export const isResourceQuantityKey = (key: KeyPath) => /(^|\.)resources\.(limits|requests)\.[^.[\]]+$/.test(key);

/** Whether a repo text and a live text of a resource quantity are the same amount. */
export function sameQuantity(key: KeyPath, repo: string | null | undefined, live: string | null | undefined): boolean {
  if (!isResourceQuantityKey(key) || repo == null || live == null) return false;
  const a = quantityValue(repo);
  const b = quantityValue(live);
  if (a === undefined || b === undefined) return false;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
