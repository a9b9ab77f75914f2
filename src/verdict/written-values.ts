// How prose writes a value that a file holds in another form: a number with its thousands grouped
// ("5 000", "5,000", with a thin space), in other units ("1 MiB" for 1048576 bytes, "30s" for a
// timeout of 30000 ms, "4 GB" for a JVM heap of 4g, "5k"), or a long digest abbreviated by its ends
// ("9f2c4e1b...92a3b4", a short git or image digest "9f2c4e1"). A document that writes the value
// so names it as much as one that copies it from the file.

import { wordsOfKey } from '../parse/key-words.js';

/** Canonical amounts a quantity may stand for, by dimension: ambiguous units ("MB", "4g") stand
 * for both their decimal and binary readings. */
interface Amount {
  dim: 'bytes' | 'time' | 'plain';
  values: number[];
}

const KI = 1024;
// Byte units: binary exactly, decimal ones also as the binary amount people often mean by them.
const BYTES: Record<string, number[]> = {
  b: [1],
  byte: [1],
  bytes: [1],
  kib: [KI],
  ki: [KI],
  mib: [KI ** 2],
  mi: [KI ** 2],
  gib: [KI ** 3],
  gi: [KI ** 3],
  tib: [KI ** 4],
  ti: [KI ** 4],
  kb: [1e3, KI],
  mb: [1e6, KI ** 2],
  gb: [1e9, KI ** 3],
  tb: [1e12, KI ** 4],
};
// Time units, in milliseconds.
const TIME: Record<string, number> = {
  ms: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1e3,
  sec: 1e3,
  secs: 1e3,
  second: 1e3,
  seconds: 1e3,
  min: 60e3,
  mins: 60e3,
  minute: 60e3,
  minutes: 60e3,
  h: 3600e3,
  hr: 3600e3,
  hrs: 3600e3,
  hour: 3600e3,
  hours: 3600e3,
  d: 86400e3,
  day: 86400e3,
  days: 86400e3,
  // … and as prose writes them in the languages the readers read: "15 Minuten", "30 secondes", "2 uur".
  sekunden: 1e3,
  secondes: 1e3,
  segundos: 1e3,
  secondi: 1e3,
  seconden: 1e3,
  sekunder: 1e3,
  sekundy: 1e3,
  minuten: 60e3,
  minutos: 60e3,
  minuti: 60e3,
  minuter: 60e3,
  minutter: 60e3,
  minuty: 60e3,
  stunden: 3600e3,
  heures: 3600e3,
  horas: 3600e3,
  ore: 3600e3,
  uur: 3600e3,
  timmar: 3600e3,
  tage: 86400e3,
  jours: 86400e3,
  dias: 86400e3,
  giorni: 86400e3,
  dagen: 86400e3,
  dagar: 86400e3,
};
// Counts, as written: "5k requests", "2M rows" ("5m" is five minutes).
const COUNT: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6 };

/** The dimension a key's own name gives a bare number: `INGEST_MAX_PAYLOAD_BYTES`, `timeoutMs`,
 * `UPSTREAM_TIMEOUT_S`, `ttlSeconds`. */
function keyUnit(key: string | undefined): { dim: 'bytes' | 'time'; factor: number } | undefined {
  if (!key) return undefined;
  const words = wordsOfKey(key)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const last = words.at(-1);
  if (!last) return undefined;
  if (last === 'bytes') return { dim: 'bytes', factor: 1 };
  if (last in TIME) return { dim: 'time', factor: TIME[last]! };
  return undefined;
}

/** The amounts a value stands for: a bare number in the key's unit (or plain), or a quantity with
 * its own unit ("512Mi", "4g", "30s", "1500ms"). */
function valueAmount(value: string, key: string | undefined): Amount | undefined {
  const m = /^(\d+(?:\.\d+)?)\s?([A-Za-z]*)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === '') {
    const own = keyUnit(key);
    return own ? { dim: own.dim, values: [n * own.factor] } : { dim: 'plain', values: [n] };
  }
  // A JVM's "4g" / "512m" and Kubernetes' "4G" are sizes; "512m" is a size only beside a byte-ish key.
  if (unit === 'g') return { dim: 'bytes', values: [n * KI ** 3, n * 1e9] };
  if (unit === 'k' && /heap|mem|size|xmx|xms/i.test(key ?? '')) return { dim: 'bytes', values: [n * KI, n * 1e3] };
  if (unit === 'm' && /heap|mem|size|xmx|xms/i.test(key ?? '')) return { dim: 'bytes', values: [n * KI ** 2, n * 1e6] };
  if (unit in BYTES) return { dim: 'bytes', values: BYTES[unit]!.map((f) => n * f) };
  if (unit in TIME) return { dim: 'time', values: [n * TIME[unit]!] };
  return undefined;
}

/** The length of time a value stands for, in milliseconds: "14d", "336h", "30s", or a bare number in
 * the key's unit (`retentionDays: 14`, `ttlSeconds: 1209600`); undefined when it is no time. */
export function durationOf(value: string, key?: string): number | undefined {
  const amount = valueAmount(value, key);
  return amount?.dim === 'time' ? amount.values[0] : undefined;
}

// A number as prose writes it — digits, their thousands grouped by a comma, a space, a thin or
// no-break space — and the unit after it, if any.
const PROSE_NUMBER =
  /(?<![\p{L}\p{N}_.,\u00a0\u2009\u202f-])(\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+|\d+)(?:\.(\d+))?(?:[ \u00a0\u2009\u202f]?([A-Za-z]{1,12}))?(?![\p{N}])/gu;

/** The amounts prose writes in a text, with their dimensions. */
function proseAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(PROSE_NUMBER)) {
    const n = Number(`${m[1]!.replace(/[,\u00a0\u2009\u202f ]/g, '')}${m[2] ? `.${m[2]}` : ''}`);
    if (!Number.isFinite(n)) continue;
    const raw = m[3] ?? '';
    const unit = raw.toLowerCase();
    if (raw === '') out.push({ dim: 'plain', values: [n] });
    else if (unit in BYTES) out.push({ dim: 'bytes', values: BYTES[unit]!.map((f) => n * f) });
    else if (raw in COUNT) out.push({ dim: 'plain', values: [n * COUNT[raw]!] });
    else if (raw === 'm') out.push({ dim: 'time', values: [n * TIME.min!] });
    else if (unit in TIME) out.push({ dim: 'time', values: [n * TIME[unit]!] });
    // A word after the number ("5 000-row", "200 events") leaves the number plain.
    else out.push({ dim: 'plain', values: [n] });
  }
  return out;
}

const same = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9);

// A duration the key's name gives no unit (`query.timeout`, `retryDelay`, `cache.ttl`): the number is in
// milliseconds or seconds, whichever its platform counts in, so prose writing it in either names it.
const DURATION_WORDS = new Set(['timeout', 'ttl', 'delay', 'interval', 'duration', 'period', 'backoff', 'expiry', 'lifetime', 'grace']);

function bareDuration(value: string, key: string | undefined): Amount | undefined {
  if (!key || !/^\d+(?:\.\d+)?$/.test(value.trim())) return undefined;
  const last = wordsOfKey(key).filter(Boolean).at(-1)?.toLowerCase();
  if (!last || !DURATION_WORDS.has(last)) return undefined;
  const n = Number(value.trim());
  return { dim: 'time', values: [n, n * TIME.s!] };
}

// A ratio the file holds as a fraction ("0.05", a sampler's argument, a canary's weight) that prose
// writes as a percentage ("5%", "5 %", "12,5 %"): one amount. Never a CPU's share of a core ("0.5").
const PERCENT = /(?<![\p{L}\p{N}_.,])(\d{1,3})(?:[.,](\d+))?[ \u00a0\u202f]?%/gu;

function percentOf(text: string, value: string, key: string | undefined): boolean {
  if (!/^0?\.\d+$/.test(value.trim()) || !text.includes('%') || /cpu/i.test(key ?? '')) return false;
  const fraction = Number(value.trim());
  if (!(fraction > 0 && fraction < 1)) return false;
  for (const m of text.matchAll(PERCENT)) {
    if (same(Number(`${m[1]}.${m[2] ?? '0'}`) / 100, fraction)) return true;
  }
  return false;
}

/** Does the text write the value as an amount in another form: grouped, in other units, a bare
 * byte count as "1 MiB"? A plain number matches only a plain one (or the key's unit, given). */
export function writesAmount(text: string, value: string | null, key?: string): boolean {
  if (value === null) return false;
  if (percentOf(text, value, key)) return true;
  const wants = [valueAmount(value, key), bareDuration(value, key)].filter((w): w is Amount => !!w && w.values.some((v) => v !== 0));
  if (wants.length === 0) return false;
  const amounts = proseAmounts(text);
  return wants.some((want) => amounts.some((got) => amountIs(got, want)));
}

function amountIs(got: Amount, want: Amount): boolean {
  const dims =
    got.dim === want.dim ||
    // A bare count of bytes written in byte units ("1 MiB" for 1048576), never a small number.
    (want.dim === 'plain' && got.dim === 'bytes' && want.values[0]! >= KI);
  return dims && got.values.some((g) => want.values.some((w) => same(g, w)));
}

// A hex run in prose cut short: by its ends ("9f2c4e1b...92a3b4", "9f2c4e1b…92a3b4"), or its head
// alone, as git and registries shorten a digest ("9f2c4e1", "sha256:9f2c4e1b").
const CUT_BY_ENDS = /(?<![0-9a-z])([0-9a-f]{6,})\s?(?:\.{2,3}|…)\s?([0-9a-f]{4,})(?![0-9a-z])/gi;
const HEAD = /(?<![0-9a-z])([0-9a-f]{7,})(?![0-9a-z]|\.{2,3}|…)/gi;

/** Does the text name a long digest of the value (a hash, a pin, an image digest) abbreviated? */
export function abbreviates(text: string, value: string | null): boolean {
  if (value === null) return false;
  const runs = value.toLowerCase().match(/[0-9a-f]{32,}/g);
  if (!runs) return false;
  for (const m of text.matchAll(CUT_BY_ENDS)) {
    const [head, tail] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    if (runs.some((r) => r.length > head.length + tail.length && r.startsWith(head) && r.endsWith(tail))) return true;
  }
  for (const m of text.matchAll(HEAD)) {
    const head = m[1]!.toLowerCase();
    // A word of hex letters only ("deadbeef", "facade") or digits only (a number) is no digest's head.
    if (!/\d/.test(head) || !/[a-f]/.test(head)) continue;
    if (runs.some((r) => r.length > head.length && r.startsWith(head))) return true;
  }
  return false;
}

/** A cheap test before the patterns: can the text's lower case hold an abbreviation of the value? */
export function mayAbbreviate(lower: string, value: string): boolean {
  const run = /[0-9a-f]{32,}/.exec(value.toLowerCase())?.[0];
  return !!run && lower.includes(run.slice(0, 6));
}
