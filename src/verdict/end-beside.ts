// A setting that carries its own end in a key beside it: a maintenance banner switched on with
// `maintenance.banner.until: 2029-02-03T05:00`, a promotion with `promo.expiresAt`, a bypass with
// `bypass.validUntil`. Whoever set the value wrote, in the same commit and the same environment, the moment
// it stops being meant: the change is temporary until that day, as if its message had said "until 3
// February" — whatever language the message is in, or none. Only a key under the same parent, named for an
// end, set by that commit to a date (ISO, as such keys are written). Pure.
import type { EnvName, KeyPath } from '../model/types.js';
import type { CommitLog } from './log.js';

// The last segment of a key that holds an end: until, validUntil, activeUntil, expires, expiresAt, expiry,
// expiration, endsAt, endAt, end, endDate — in any case and with "_" or "-" between words.
const END_NAME =
  /^(?:(?:valid|active|enabled|shown|show|display)[_-]?)?(?:until|till|expires?|expires[_-]?at|expiry|expiration|ends?[_-]?at|end|end[_-]?date|ends)$/i;
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The parent path and last segment of a dotted key ("maintenance.banner.until" → "maintenance.banner", "until"). */
function split(key: KeyPath): [string, string] | undefined {
  const at = key.lastIndexOf('.');
  return at > 0 ? [key.slice(0, at), key.slice(at + 1)] : undefined;
}

/** The end-named key beside `key` that commit `sha` set in `env` to a date, with that day (YYYY-MM-DD). */
export function endBeside(key: KeyPath, env: EnvName, sha: string, log: CommitLog | undefined): { key: KeyPath; value: string; until: string } | undefined {
  const own = split(key);
  if (!own || END_NAME.test(own[1])) return undefined;
  for (const change of log?.commits.get(sha)?.changes ?? []) {
    if (change.env !== env || change.key === key) continue;
    const other = split(change.key);
    if (!other || other[0] !== own[0] || !END_NAME.test(other[1])) continue;
    const value = change.event.to?.trim();
    const day = value ? ISO_DAY.exec(value)?.[1] : undefined;
    if (value && day) return { key: change.key, value, until: day };
  }
  return undefined;
}
