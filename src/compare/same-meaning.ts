import type { KeyPath } from '../model/types.js';
import { quantityValue } from './quantity.js';

// Two texts can mean one value: `10s` and `10000` under `idle_timeout_ms`, `1Gi` and `1024Mi`, a
// CPU's `0.5` and `500m`. Where the key's name or the value carries the unit, such a pair is the
// same setting written two ways: a difference of spelling, not of behaviour. Read conservatively:
// a bare number means something only where the key's name says its unit, and `m` is a minute only
// where the key is no resource quantity (there it is a milli-unit).

/** A value with the dimension it is measured in: seconds for a duration, the amount for a quantity. */
interface Measure {
  dimension: 'duration' | 'quantity';
  amount: number;
}

const SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
};

/** The unit a key's last word names, after a separator (`idle_timeout_ms`, `TTL_SECONDS`,
 * `ttl-minutes`, read in lower case) or in camel case (`timeoutMs`, `windowSeconds`). */
const KEY_UNIT: ReadonlyArray<[separated: RegExp, camel: RegExp, seconds: number]> = [
  [/[._-](?:ms|millis|milliseconds?)$/, /[a-z0-9](?:Ms|Millis|Milliseconds?)$/, 1e-3],
  [/[._-](?:s|secs?|seconds?)$/, /[a-z0-9](?:Secs?|Seconds?)$/, 1],
  [/[._-](?:mins?|minutes?)$/, /[a-z0-9](?:Mins?|Minutes?)$/, 60],
  [/[._-](?:hours?|hrs?)$/, /[a-z0-9](?:Hours?|Hrs?)$/, 3600],
  [/[._-]days?$/, /[a-z0-9]Days?$/, 86400],
];

/** The key's last segment (`http.idle_timeout_ms` → `idle_timeout_ms`, `env[name=TIMEOUT_MS].value` → `TIMEOUT_MS`). */
function lastWord(key: KeyPath): string {
  const item = key.lastIndexOf('[name=');
  if (key.endsWith('].value') && item >= 0) return key.slice(item + 6, -7);
  return key.split('.').at(-1) ?? key;
}

function keyUnit(key: KeyPath): number | undefined {
  const word = lastWord(key);
  for (const [separated, camel, seconds] of KEY_UNIT) if (separated.test(word.toLowerCase()) || camel.test(word)) return seconds;
  return undefined;
}

/** A resource quantity's key: a container's requests or limits, or a key named for CPU, memory or storage. */
const QUANTITY_KEY = /(?:^|[._\]-])(?:resources\.(?:limits|requests)\.[^.[\]]+|(?:cpu|memory|mem|storage|ephemeral-storage)(?:[._-]?(?:limit|request)s?)?)$/i;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** A text's words: numbers, letters, blanks and anything else, each run taken whole. */
const TOKENS = /\d+(?:\.\d+)?|\.\d+|[a-zµ]+|\s+|[^\da-zµ\s]+/g;

/** One or more number-unit parts (`10s`, `1m30s`, `1.5 h`, `10 seconds`, `1h 30m`), as Go's
 * time.ParseDuration and people write them; ISO 8601 as Spring and Java read it (`PT10S`). */
function duration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t.length > 40) return undefined;
  const iso = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(t);
  if (iso && (iso[1] ?? iso[2] ?? iso[3]) !== undefined) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  const tokens = (t.match(TOKENS) ?? []).filter((token) => token.trim() !== '');
  if (tokens.length === 0 || tokens.length % 2 !== 0) return undefined;
  let total = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    const unit = tokens[i + 1]!;
    if (!/^\d|^\.\d/.test(tokens[i]!) || !Object.hasOwn(SECONDS, unit)) return undefined;
    total += Number(tokens[i]) * SECONDS[unit]!;
  }
  return total;
}

/** What a text measures under its key, or undefined where the text alone cannot say. */
function measure(key: KeyPath, text: string): Measure | undefined {
  const t = text.trim();
  if (QUANTITY_KEY.test(key)) {
    const amount = quantityValue(t);
    return amount === undefined ? undefined : { dimension: 'quantity', amount };
  }
  // A binary suffix is a quantity whatever the key (`1Gi`, `512Mi`).
  if (/^\d+(?:\.\d+)?(?:Ki|Mi|Gi|Ti|Pi|Ei)$/.test(t)) return { dimension: 'quantity', amount: quantityValue(t)! };
  if (NUMBER.test(t)) {
    const unit = keyUnit(key);
    return unit === undefined ? undefined : { dimension: 'duration', amount: Number(t) * unit };
  }
  const seconds = duration(t);
  return seconds === undefined ? undefined : { dimension: 'duration', amount: seconds };
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** A duration as people say it (`10 s`, `90 min`, `1.5 h`), or a quantity in its canonical form. */
function spoken(m: Measure): string {
  if (m.dimension === 'quantity') {
    for (const [suffix, size] of [
      ['Gi', 2 ** 30],
      ['Mi', 2 ** 20],
      ['Ki', 2 ** 10],
    ] as const)
      if (m.amount >= size && Number.isInteger(m.amount / size)) return `${m.amount / size}${suffix}`;
    return Number.isInteger(m.amount) ? String(m.amount) : `${Math.round(m.amount * 1000)}m`;
  }
  const s = m.amount;
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ] as const)
    if (s >= size && Number.isInteger(s / size)) return `${s / size} ${unit}`;
  return `${+(s * 1000).toFixed(3)} ms`;
}

/** Whether every text means one value under `key` though they are not all written alike: the
 * amount they share, said once (`10 s`), or undefined where they differ or the texts cannot say. */
export function sameMeaning(key: KeyPath, texts: ReadonlyArray<string | null | undefined>): string | undefined {
  if (texts.length < 2 || texts.some((t) => t == null)) return undefined;
  if (new Set(texts).size < 2) return undefined;
  const measures = texts.map((t) => measure(key, t!));
  const first = measures[0];
  if (!first || measures.some((m) => !m || m.dimension !== first.dimension || !close(m.amount, first.amount))) return undefined;
  return spoken(first);
}
