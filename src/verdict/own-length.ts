// A span of days whose number is what the setting means, not how long the change lasts: "log
// retention for 14 days", "cache TTL for 2 days", "keep backups for 30 days", "Aufbewahrung für 14
// Tage", "przechowuj logi przez 30 dni", "日志保留14天". Read as a time limit, a retention or a
// lifetime became a temporary hack to revert (shortening a retention deletes data). The hours reader
// (deadline.ts HOURS) keeps the same rule in its own pattern; this one reads a span any reader found,
// in every language read: a word naming a kept length in the span's own clause, a few words before
// it, or right after it where the language puts its verb last ("30 Tage aufbewahren", "30日間保持").
import { regex } from './pattern.js';

// Words that name a length a setting holds: a retention, a lifetime, a validity, an expiry, a cache.
// (Not "logs", "window" or "interval" alone: "debug logs for 2 days" and "a freeze window for 2 days"
// are time limits.) Each a word, or a stem and how many letters may follow it ("aufbewahr+14" takes
// "aufbewahren", "Aufbewahrungsdauer"): one word is looked up at a time, no pattern scans the text.
// prettier-ignore
const LENGTH_WORDS = [
  'retention', 'retain+3', 'ttl', 'lifetime', 'lifespan', 'expiry', 'expir+5', 'max-age', 'max_age', 'maxage', 'validity', 'valid',
  'cache', 'caches', 'cached', 'caching', 'store', 'stores', 'stored', 'storing', 'archiv+4', 'persist+4',
  // … and as the other languages read write it.
  'aufbewahr+14', 'vorhalt+10', 'speicher+10', 'gültig+8', 'lebensdauer', 'ablauf+8', 'retenci+3', 'conserv+6', 'caducidad', 'validez',
  'válido', 'válida', 'válidos', 'válidas', 'almacen+5', 'rétention', 'validité', 'valable', 'valables', 'stock+5', 'retenção', 'validade',
  'armazen+5', 'ritenzione', 'validità', 'scadenz+1', 'memorizz+5', 'bewaar+10', 'bewar+3', 'geldig+4', 'houdbaar+4', 'opslaan',
  'opgeslagen', 'przechow+8', 'retencj+1', 'ważn+5', 'przetrzym+6', 'хран+6', 'срок+3', 'действител+4', 'sakla+6', 'geçerli+4', '보관', '보존',
  '유효', '만료', '캐시', '저장',
].map((w) => {
  const [stem, more] = w.split('+') as [string, string | undefined];
  return { stem, more: more === undefined ? 0 : Number(more) };
});
// The word without what prose puts around it: "(retention", "TTL:", "`cache`".
// (A word longer than any of them is none: no text's long run is trimmed.)
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]{1,4}|[^\p{L}\p{N}]{1,4}$/gu, '');
function isLengthWord(word: string): boolean {
  if (word.length > 30) return false;
  const w = bare(word);
  return LENGTH_WORDS.some(({ stem, more }) => w.startsWith(stem) && w.length - stem.length <= more);
}
// … and in the scripts written without spaces, where a word has no boundary to look for.
const CJK_LENGTH = /保持|保存|保管|有効期限|有効(?!化)|キャッシュ|保留|留存|有效期|过期|缓存|存储|보관|보존|유효|만료|캐시|저장/u;
// "keep", "behalten", "garder", "mantener", "trzymać" name a kept length when what they keep is data
// ("keep backups for 30 days"), not when they keep the change as it is ("keep it on for 3 days then
// revert", "keep debug enabled for 2 days"): that is a time limit.
const KEEP = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:keep|keeps|kept|keeping|behalt\p{L}{0,2}|gard\p{L}{0,3}|guard\p{L}{0,3}|mant\p{L}{0,5}|`,
  String.raw`trzyma\p{L}{0,3}|zachow\p{L}{0,5}|houd\p{L}{0,2}|tut\p{L}{0,5})(?![\p{L}])`,
);
const KEPT_AS_IS = regex('iu', String.raw`(?<![\p{L}])(?:it|this|that|them|these|around|in place|as is|at|es|ihn|sie|le|la|les|lo|to|go)(?![\p{L}])`);
// A state between the word and the span makes the span how long the state lasts: "cache disabled
// for 2 days while we debug", "keep debug enabled for 2 days", "manter o debug ligado por 2 dias".
const STATE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:on|off|enabled|disabled|active|inactive|running|open|up|down|paused|bypassed|skipped|an|aus|aktiv\p{L}*|`,
  String.raw`deaktiv\p{L}*|activ\p{L}*|desactiv\p{L}*|encendid\p{L}|apagad\p{L}|allumé\p{L}?|éteint\p{L}?|acces\p{L}|spent\p{L}|`,
  String.raw`ligad\p{L}|desligad\p{L}|aan|uit|włącz\p{L}*|wyłącz\p{L}*)(?![\p{L}])`,
);
// A quantity of something is not a kept length even after one of the words: "cache size for 2
// days", "storage limit for a week" (for a load test) are time limits.
const MEASURE = regex('iu', String.raw`(?<![\p{L}])(?:size|limit|capacity|memory|quota|count|pool|replicas?|level|rate)(?![\p{L}])`);
const FROM_NOW = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:next|coming|following|nächsten|kommenden|próxim\p{L}{1,2}|prochain\p{L}{0,2}|prossim\p{L}|komende|najbliższ\p{L}|ближайш\p{L}{1,2})(?![\p{L}])`,
);
/** "for the next 14 days", "für die nächsten 14 Tage": a span counted from now, whatever it is about. */
export const fromNow = (span: string): boolean => FROM_NOW.test(span);

const OF = /^(?:of|de|di|van|du|des|der|la)$/i;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Is the span `text.slice(start, end)` the length a setting keeps (its retention, lifetime,
 * validity) rather than how long the change lasts? */
export function ownLength(text: string, start: number, end: number): boolean {
  if (fromNow(text.slice(start, end))) return false;
  // The span's own clause: back to the last stop, forward to the next one (within a sentence's
  // reach: a span is read once for each time a reader finds it, and never scans the whole text again).
  const reach = text.slice(Math.max(0, start - 160), start);
  const clauseStart = Math.max(
    0,
    ...['\n', '. ', ', ', '; ', ': ', '(', '。', '，', '、'].map((s) => {
      const at = reach.lastIndexOf(s);
      return at < 0 ? 0 : at + s.length;
    }),
  );
  const before = reach.slice(clauseStart);
  const ahead = text.slice(end, end + 80);
  const stop = ahead.search(/[\n.,;:()。，、]|\s(?:then|and|und|dann|puis|et|y|e|en|i|и|ve)\s/u);
  const after = stop < 0 ? ahead : ahead.slice(0, stop);
  if (CJK.test(text.slice(start, end))) {
    // Written without spaces: a few characters either side ("日志保留14天", "30日間保持", "보관 30일").
    return CJK_LENGTH.test(before.slice(-8)) || CJK_LENGTH.test(after.slice(0, 6));
  }
  const words = before.trim().split(/\s+/).filter(Boolean).slice(-5);
  for (let i = words.length - 1; i >= 0; i--) {
    const between = words.slice(i + 1).join(' ');
    // A quantity, a state or a number already given ("retention raised to 30 days for 2 weeks")
    // between the word and the span: the span times the change.
    if (MEASURE.test(between) || STATE.test(between) || /\d/.test(between)) return false;
    if (isLengthWord(words[i]!) && !(i > 0 && /^(?:no|not|kein\p{L}*|sin|sans|senza|zonder|bez)$/iu.test(words[i - 1]!))) return true;
    if (KEEP.test(words[i]!) && !KEPT_AS_IS.test(between)) return true;
  }
  // Right after the span, or after its "of": "14 days retention", "30 days of retention", "30 Tage aufbewahren".
  const next = after.trim().split(/\s+/).filter(Boolean);
  const word = next[0] && OF.test(next[0]) ? next[1] : next[0];
  return !!word && isLengthWord(word);
}
