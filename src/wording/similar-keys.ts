// "Did you mean": the keys a user most likely meant when the one typed is not there. A typo
// (`PAYMENT_GATEWAY_TIMOUT_MS`), a part of the key (`TIMEOUT`), or its words in short
// (`PAYMENT_TIMEOUT`) should each find `PAYMENT_GATEWAY_TIMEOUT_MS`. Pure.

import { distanceWithin } from '../model/slips.js';
import type { KeyPath, Snapshot } from '../model/types.js';

/** The keys a person may mean: every repo key, and every live key that stands for itself. A live
 * field compared only where a manifest declares it (a container's envFrom, ports, probes) is the
 * repo's key when it is one, and alone nothing a person typed. */
export function nameableKeys(snapshot: Snapshot): Set<KeyPath> {
  const keys = new Set<KeyPath>();
  for (const env of snapshot.envs.values()) for (const key of env.values.keys()) keys.add(key);
  for (const state of snapshot.live?.values() ?? []) for (const [key, value] of state.values) if (!value.manifestOnly) keys.add(key);
  return keys;
}

/** The words of a key: split at `_ . - [ ] =` and spaces, lower case. */
const words = (key: string): string[] =>
  key
    .toLowerCase()
    .split(/[_.\-[\]=/ ]+/)
    .filter(Boolean);

/** A key as typed with plain dots where its path quotes a segment that holds one
 * (`podAnnotations["prometheus.io/scrape"]` -> `podAnnotations.prometheus.io/scrape`). */
export const dottedPlainly = (key: string): string => key.replace(/\["([^"]*)"\]/g, '.$1');

/** The one of `names` (commands, options) a typing slip or two away from what was typed, or
 * none: a word, unlike a key, is not suggested for sharing a few letters ("frobnicate" is not "at"). */
export function slipOf(typed: string, names: readonly string[]): string | undefined {
  const bound = typed.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = distanceWithin(typed.toLowerCase(), name.toLowerCase(), bound);
    if (distance <= bound && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** The keys that are `written` with one or two path segments it leaves out (`Certificate/api.renewBefore`
 * for `Certificate/api.spec.renewBefore`, `Deployment/api.replicas` for a chart's
 * `Deployment/api.spec.replicas`): a manifest's `spec.` or `.pod.` is easy to miss, and a key
 * written without it matched nothing, silently (a blind story writer, session 39). */
export function withSegmentsLeftOut(written: string, keys: Iterable<string>): string[] {
  const cuts: Array<[string, string]> = [];
  for (let i = written.indexOf('.'); i > 0; i = written.indexOf('.', i + 1)) cuts.push([`${written.slice(0, i)}.`, `.${written.slice(i + 1)}`]);
  const found: string[] = [];
  for (const key of keys) {
    if (key.length <= written.length + 1) continue;
    for (const [head, tail] of cuts) {
      if (!key.startsWith(head) || !key.endsWith(tail)) continue;
      const middle = key.slice(head.length, key.length - tail.length);
      if (/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?$/.test(middle)) {
        found.push(key);
        break;
      }
    }
  }
  return found.sort();
}

/** Up to `limit` of `keys`, best first: keys holding what was typed (or its last part), then
 * keys a few typing slips away from it (or whose last part is), then keys holding every word
 * typed. Case is ignored. */
export function similarNames(wanted: string, keys: Iterable<string>, limit = 5): string[] {
  const typed = wanted.toLowerCase();
  const typedWords = words(wanted);
  // One slip in a short name, two in a usual one, three in a long one.
  const slips = typed.length <= 4 ? 1 : typed.length <= 12 ? 2 : 3;
  const quotedAs: string[] = [];
  const containing: string[] = [];
  const close: Array<{ key: string; distance: number }> = [];
  const sharingWords: string[] = [];
  for (const key of keys) {
    const lower = key.toLowerCase();
    // A segment holding a dot is written quoted (`podAnnotations["prometheus.io/scrape"]`); typed
    // with plain dots, it is that key, said first.
    if (lower.includes('["') && dottedPlainly(lower) === typed) {
      quotedAs.push(key);
      continue;
    }
    const last = lower.split('.').at(-1)!;
    // A letter or two is part of too many keys to say anything, unless it is one of their words (DB, PG).
    const holds = typed.length >= 3 ? lower.includes(typed) || dottedPlainly(lower).includes(typed) : words(key).includes(typed);
    if (holds || typed.includes(last)) {
      containing.push(key);
      continue;
    }
    const distance = Math.min(distanceWithin(typed, lower, slips), last === lower ? slips + 1 : distanceWithin(typed, last, slips));
    if (distance <= slips) {
      close.push({ key, distance });
      continue;
    }
    if (typedWords.length > 1) {
      const keyWords = new Set(words(key));
      if (typedWords.every((w) => keyWords.has(w))) sharingWords.push(key);
    }
  }
  close.sort((a, b) => a.distance - b.distance);
  return [...quotedAs, ...containing, ...close.map((c) => c.key), ...sharingWords].slice(0, limit);
}
