// One change writes the same setting into two environments and the two values differ only in a
// unit: "expireAfterWrite=10m" here, "=10s" there; "512Mi" and "512Gi"; "30s" and "30m". The same
// number with another unit, written in one go, is a slip of one letter, not two decisions — and the
// change's own words say which was meant when they write the amount of one of them ("expire after
// 10 min", "timeout to 30 seconds"), and not the other's. The value the words state is the change's
// intent; the other environment's is the slip. Words stating both amounts (one per environment) say
// the difference is meant, and nothing is read. Pure.
import { writesAmount } from './written-values.js';

// A number with its unit, as a value or a part of one ("10m", "512Mi", "1.5h").
const QUANTITY = /^(\d{1,9}(?:\.\d{1,6})?)\s?([A-Za-z]{1,3})$/;
// Time units as configuration writes them, in seconds (Caffeine, Go and Kubernetes durations write
// minutes as "m").
const TIME_S: Record<string, number> = { ms: 1e-3, s: 1, m: 60, min: 60, h: 3600, d: 86400 };
// Size units as configuration writes them.
const SIZE = new Set(['k', 'ki', 'kb', 'kib', 'm', 'mi', 'mb', 'mib', 'g', 'gi', 'gb', 'gib', 't', 'ti', 'tb', 'tib']);

/** A value's parts: a spec's settings ("maximumSize=20000,expireAfterWrite=10m"), a flag list, or the value whole. */
const partsOf = (value: string) => value.split(/[\s,;&|=]+/).filter(Boolean);

/** The quantity as prose would write it, for `writesAmount` ("10m" of a duration is "600s"). */
function asWritten(n: number, unit: string, duration: boolean): string | undefined {
  const u = unit.toLowerCase();
  if (duration) return u in TIME_S ? `${n * TIME_S[u]!}s` : undefined;
  return SIZE.has(u) ? `${n}${u === 'm' ? 'mb' : u === 'k' ? 'kb' : u === 'g' ? 'gb' : u === 't' ? 'tb' : u}` : undefined;
}

export interface UnitSlip {
  /** The value whose amount the change's words state. */
  meant: string;
  /** The value that differs from it only in its unit. */
  slipped: string;
  /** The two parts that differ ("10m", "10s"). */
  parts: [string, string];
}

/** Of two values one change wrote, the one its text states when they differ only in the unit of one
 * part (same number); undefined when they differ otherwise, or the text states both or neither. */
export function unitSlip(text: string, a: string, b: string): UnitSlip | undefined {
  const pa = partsOf(a);
  const pb = partsOf(b);
  if (pa.length !== pb.length) return undefined;
  const at = pa.flatMap((p, i) => (p === pb[i] ? [] : [i]));
  if (at.length !== 1) return undefined;
  const qa = QUANTITY.exec(pa[at[0]!]!);
  const qb = QUANTITY.exec(pb[at[0]!]!);
  if (!qa || !qb || qa[1] !== qb[1] || qa[2]!.toLowerCase() === qb[2]!.toLowerCase()) return undefined;
  const n = Number(qa[1]);
  // Both durations or both sizes: the kind is the pair's, where both units read as one.
  const duration = qa[2]!.toLowerCase() in TIME_S && qb[2]!.toLowerCase() in TIME_S;
  const wa = asWritten(n, qa[2]!, duration);
  const wb = asWritten(n, qb[2]!, duration);
  if (!wa || !wb) return undefined;
  const saysA = writesAmount(text, wa);
  const saysB = writesAmount(text, wb);
  if (saysA === saysB) return undefined;
  return saysA ? { meant: a, slipped: b, parts: [pa[at[0]!]!, pb[at[0]!]!] } : { meant: b, slipped: a, parts: [pb[at[0]!]!, pa[at[0]!]!] };
}
