// A later word on an environment's own file: a commit that touched the file without changing the
// key's value ("keepalive stays 60s in production / Do NOT lower this in prod", added as a comment
// above the key), or a comment beside the key in the file as it is now. Either says the
// environment keeps its value on purpose, which no promotion order overrules.
import type { EnvName, KeyPath } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { envPattern, mentions } from './envnames.js';
import type { Message } from './log.js';
import { pattern, regex } from './pattern.js';
import { keyOf, once } from './once.js';
import { logTexts, readingOf } from './texts.js';
import { documentIndex } from './documents.js';
import { wordsOfKey } from '../parse/key-words.js';
import { sentenceEnds } from './sentence-end.js';

type Note = Message & { order: number };

/** The words of a key that name it in prose: `GRPC_KEEPALIVE_TIME_MS` → keepalive;
 * `orders.readFallback` → fallback, orders. Short and generic words name nothing. */
const GENERIC = new Set([
  'value',
  'values',
  'level',
  'count',
  'limit',
  'limits',
  'enabled',
  'enable',
  'config',
  'setting',
  'settings',
  'default',
  'number',
  'total',
  'bytes',
  'seconds',
  'millis',
  'minutes',
  'hours',
  'size',
  'name',
  'names',
  'type',
  'mode',
  'data',
  'spec',
  'true',
  'false',
  'image',
  'items',
  'items',
  'string',
  'labels',
  'annotations',
  'metadata',
  'containers',
  'template',
  'service',
  'server',
  'client',
]);
// Asked for every message a verdict reads about its key (`latestWord` reads each message since the
// key's last change twice): made once per key. Bounded: cleared when full.
const wordsOfKeys = new Map<KeyPath, readonly string[]>();
export function keyWords(key: KeyPath): string[] {
  let words = wordsOfKeys.get(key);
  if (words === undefined) {
    if (wordsOfKeys.size >= 16_384) wordsOfKeys.clear();
    wordsOfKeys.set(key, (words = keyWordsOnce(key)));
  }
  return [...words];
}
function keyWordsOnce(key: KeyPath): string[] {
  const words = wordsOfKey(key.replace(/\[[^\][=]*=([^\][]*)\]/g, '.$1'))
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 5 && !GENERIC.has(w) && !/^\d+$/.test(w));
  // The leaf's words first: `auth.session.ttlSeconds` is about a ttl before it is about auth.
  return [...new Set(words.reverse())];
}

// What keeps a value: "stays", "must remain", "leave it", "on purpose", "required", "do not lower
// this", in a few languages ("bleibt", "nicht senken", "se queda", "no bajar", "ne pas baisser").
const KEEP = [
  regex(
    'i',
    String.raw`\b(?:stays?|staying|remains?|must (?:stay|remain|be kept)|`,
    String.raw`keep(?:s|ing)?\b(?! (?:in mind|track|an eye|up))|leave (?:it|this|that)\b|left (?:as|at|alone)\b|`,
    'unchanged|untouched|as[- ]is|on purpose|intentional(?:ly)?|deliberate(?:ly)?|by design|',
    String.raw`(?:is|are) required|required by|necessary|load[- ]bearing)\b`,
  ),
  regex(
    'i',
    String.raw`\b(?:do not|don't|dont|never|must not|mustn't|should not|shouldn't|please don't|not to|`,
    String.raw`no one should|nobody should)\s+(?:\w+\s+){0,2}?(?:lower|lowering|raise|raising|reduce|increase|`,
    'decrease|change|changing|touch|bump|drop|shorten|lengthen|modify|alter|copy|sync|align|override|',
    String.raw`tune|revert|go below|go above|set)\b`,
  ),
  /\b(?:bleibt|bleiben|beibehalten|absichtlich|bewusst|nicht (?:\w+ ){0,2}(?:ändern|aendern|senken|erhöhen|erhoehen|anfassen|verringern|reduzieren|anpassen))\b/i,
  /\b(?:se queda|se mantiene|mantener|a propósito|no (?:\w+ ){0,2}(?:bajar|subir|cambiar|tocar|reducir|modificar))\b/i,
  /\b(?:reste|exprès|ne pas (?:\w+ ){0,2}(?:baisser|augmenter|changer|toucher|modifier))\b/i,
  // … a value said not to be temporary ("not temporary", "niet tijdelijk", "nicht temporär", "kalıcı"),
  // and the keep in the other languages read: Italian "Non ridurre", Portuguese "não alterar", Dutch
  // "niet verlagen", Polish "nie zmieniać", Russian "не менять", Turkish "değiştirmeyin", and Japanese,
  // Chinese and Korean ("意図的", "据え置き", "保持不变", "의도적").
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:not (?:a )?temporary|permanent(?:ly)?|for good|dauerhaft|nicht (?:temporär|vorübergehend)|niet tijdelijk|blijvend|`,
    String.raw`no es temporal|pas temporaire|non (?:è )?temporaneo|não é temporário|kalıcı|geçici değil|volutamente|di proposito|`,
    String.raw`non (?:\p{L}+ ){0,2}?(?:ridurre|abbassare|aumentare|alzare|modificare|cambiare|toccare)|de propósito|propositalmente|`,
    String.raw`não (?:\p{L}+ ){0,2}?(?:reduzir|baixar|aumentar|alterar|mudar|mexer)|blijft|bewust|expres|`,
    String.raw`niet (?:\p{L}+ ){0,2}?(?:verlagen|verhogen|aanpassen|wijzigen|veranderen|aanraken)|celowo|`,
    String.raw`nie (?:\p{L}+ ){0,2}?(?:zmniejszać|zwiększać|zmieniać|ruszać|obniżać)|намеренно|специально|`,
    String.raw`не (?:\p{L}+ ){0,2}?(?:менять|уменьшать|увеличивать|снижать|трогать)|bilerek|kasıtlı|`,
    String.raw`(?:değiştirmeyin|düşürmeyin|azaltmayın|değiştirmeyiniz))(?![\p{L}])|意図的|据え置き|変更しない|下げない|変えない|故意|有意|`,
    String.raw`不要(?:修改|降低|调整|更改)|保持不变|의도적|변경하지 마|줄이지 마`,
  ),
];
const NO_LONGER = /\b(?:no longer|not any ?more|nicht mehr|ya no|plus besoin)\b/i;
const NOT_CARRIED = regex(
  'i',
  String.raw`\b(?:do not|don't|dont|never|must not|mustn't|should not|shouldn't|not to)\s+(?:\w+\s+){0,2}?`,
  String.raw`(?:copy|copied|sync|align|promote|backport|port|propagate|carry|apply|mirror)\b`,
);
// "keep in sync with staging", "must stay the same as prod": a keep word that asks for agreement,
// the opposite of keeping a value apart.
const TOGETHER = /\b(?:in sync|in step|in line|aligned with|the same as|same as|identical|match(?:es|ing)?|synchron)\b/i;

// What lets a held value go: the objection withdrawn ("my concern is gone", "objection withdrawn",
// "Bedenken ausgeräumt", "Einwand zurückgezogen", "ya no me preocupa", "plus d'objection"), the
// environment taking the value too ("prod can take 60 too", "prod gets it as well", "prod folgt",
// "prod también"), or the value meant everywhere in the languages read ("60 everywhere", "überall",
// "en todos los entornos", "partout").
const FOLLOWS = [
  regex(
    'iu',
    String.raw`(?<![\p{L}])(?:(?:my |our |the )?(?:concern|objection|worry|worries|doubt|doubts|blocker)s? (?:is |are |has been |have been )?`,
    String.raw`(?:gone|withdrawn|resolved|addressed|cleared|lifted|void|moot)|(?:i |we )?withdr[ae]w (?:my |our |the )?(?:concern|objection|hold|veto)|`,
    String.raw`no (?:more |further )?(?:concerns?|objections?)|everywhere|across the board|(?:in |for )?(?:all|every|both) (?:the )?env(?:ironment)?s?|`,
    String.raw`bedenken (?:sind )?(?:ausgeräumt|erledigt|weg)|einwand (?:ist )?(?:zurückgezogen|erledigt)|überall|in allen umgebungen|`,
    String.raw`ya no me preocupa|sin objeciones|en todos los entornos|en todas partes|plus d'objection|partout|dans tous les environnements)(?![\p{L}])`,
  ),
];
const FOLLOW_ENV = (env: string) =>
  new RegExp(
    String.raw`(?<![\p{L}])${env}(?:'s)?\s+(?:(?:(?:can|may|should|will)\s+)?(?:gets?|getting|takes?|taking|follows?|following|folgt|bekommt|sigue|suit)|` +
      String.raw`(?:too|as well|also|auch|también|aussi))(?![\p{L}])`,
    'iu',
  );

/** Does the text (naming the key, or beside it) let a held value of `env` go: its objection
 * withdrawn, the environment taking the value too, the value meant everywhere? A clause that also
 * says keep, or asks, lets nothing go. */
export function letsGo(text: string, key: KeyPath, env: EnvName, environments: EnvName[], beside = false): string | undefined {
  if (!beside && !namesKeyIn(text, key)) return undefined;
  return goClause(text, env, environments);
}

// Whether a text names the key is the one part of `letsGo` and `keepsValue` that reads the key: the
// clauses are read once per text and environment, not again for every key that text names
// (`latestWord` asks both of every message after a change that touched the file, for every divergence:
// on a chart's dominant list that is most messages for hundreds of keys).
const goClause = once((text: string, env: EnvName, environments: readonly EnvName[]) => keyOf(text, env, environments), goIn);
const keepClause = once((text: string, env: EnvName, environments: readonly EnvName[]) => keyOf(text, env, environments), keepIn);

function goIn(text: string, env: EnvName, environments: readonly EnvName[]): string | undefined {
  const own = envPattern(env);
  for (const clause of clausesOf(text)) {
    if (/\?\s*$/.test(clause) || KEEP.some((re) => re.test(clause)) || /\b(?:not|never|nicht|no|pas)\s+(?:yet|noch|todavía|encore)\b/i.test(clause)) continue;
    if (environments.some((e) => e !== env && mentions(clause, e)) && !mentions(clause, env) && !FOLLOWS[0]!.test(clause)) continue;
    const m = FOLLOWS.map((re) => re.exec(clause)).find(Boolean) ?? FOLLOW_ENV(own).exec(clause);
    if (m) return clause.length > 160 ? `${clause.slice(0, 157)}...` : clause;
  }
  return undefined;
}

// (A German date's dot, "bis 30. November", ends no clause: the keep keeps its limit, sentence-end.ts.)
const CLAUSE_END = sentenceEnds(/(?<=[.!?])\s+|\n+/);
const clausesOf = (text: string) =>
  text
    .split(CLAUSE_END)
    .map((c) => c.trim())
    .filter(Boolean);

function namesKeyIn(text: string, key: KeyPath): boolean {
  const names = keyNames(key);
  const lower = readingOf(text).folded;
  return lower.includes(names.key) || lower.includes(names.leaf) || names.words.some((re) => re.test(lower));
}

// How `namesKeyIn` looks for a key: asked for every message since the key's last change, for every
// key (3,400 × the log on the bench's corpus), so made once per key. Bounded: cleared when full.
const namesOfKeys = new Map<KeyPath, { key: string; leaf: string; words: RegExp[] }>();
function keyNames(key: KeyPath): { key: string; leaf: string; words: RegExp[] } {
  let names = namesOfKeys.get(key);
  if (names === undefined) {
    if (namesOfKeys.size >= 16_384) namesOfKeys.clear();
    const leaf =
      key
        .split(/[.[\]]/)
        .filter(Boolean)
        .at(-1) ?? key;
    names = { key: key.toLowerCase(), leaf: leaf.toLowerCase(), words: keyWords(key).map((w) => pattern(`\\b${w}`, 'i')) };
    namesOfKeys.set(key, names);
  }
  return names;
}

/** A clause of `text` that says `env` keeps its value of the key, if any: the text names the key
 * (one of its words) or stands beside it (`beside`: its comment in the file), and the clause names
 * no other environment than `env`. */
export function keepsValue(text: string, key: KeyPath, env: EnvName, environments: EnvName[], beside = false): string | undefined {
  // A comment beside the key is about it, whatever words it uses.
  if (!beside && !namesKeyIn(text, key)) return undefined;
  return keepClause(text, env, environments);
}

function keepIn(text: string, env: EnvName, environments: readonly EnvName[]): string | undefined {
  const others = environments.filter((e) => e !== env);
  for (const clause of clausesOf(text)) {
    // A clause about another environment says what that one does, unless it forbids carrying
    // this value there ("Do not copy to staging"): that keeps this one's value its own.
    if (others.some((e) => mentions(clause, e)) && !mentions(clause, env)) {
      const notCarried = NOT_CARRIED.exec(clause);
      if (notCarried) return clause.length > 160 ? `${clause.slice(0, 157)}...` : clause;
      continue;
    }
    if (NO_LONGER.test(clause) || TOGETHER.test(clause)) continue;
    const keep = KEEP.map((re) => re.exec(clause)).find(Boolean);
    if (keep) return clause.length > 160 ? `${clause.slice(0, 157)}...` : clause;
  }
  return undefined;
}

/** The latest word on `env`'s own file after `after`: a keep ("keep 30 in prod until …") or a word
 * that lets the held value go ("ok, 60 everywhere, my concern is gone"). The latest wins: a keep
 * withdrawn later by a note on the same file holds nothing. */
export function latestWord(
  key: KeyPath,
  env: EnvName,
  files: string[],
  after: string,
  changedBy: Set<string>,
  context: VerdictContext,
): { note: Note; phrase: string; follows: boolean } | undefined {
  const log = context.log;
  const since = log?.messages.get(after);
  if (!log || !since || files.length === 0) return undefined;
  for (const { note, text, day } of logTexts(log).all) {
    if (note.order >= since.order) break;
    if (changedBy.has(note.sha) || !note.files?.some((file) => files.includes(file))) continue;
    if (context.today && day > context.today) continue;
    // (`letsGo` and `keepsValue`, whose first question is the same.)
    if (!namesKeyIn(text, key)) continue;
    const go = goClause(text, env, context.environments);
    if (go) return { note, phrase: go, follows: true };
    const keep = keepClause(text, env, context.environments);
    if (keep) return { note, phrase: keep, follows: false };
  }
  return undefined;
}

// A word that takes a go or an approval back: "withdrawn", "revoked", "rescinded", "on hold", "zurückgezogen", "retirada", "retirée", "ritirata", "ingetrokken", "wycofan…".
const TAKEN_BACK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:withdrawn|withdrew|revoked|rescinded|retracted|on hold|paused|zurückgezogen|widerrufen|retirad[oa]|revocad[oa]|`,
  String.raw`retirée?|révoquée?|ritirat[oa]|revocat[oa]|ingetrokken|wycofan\p{L}*|отозван\p{L}*)(?![\p{L}])`,
);

/** The sentence of a document, below the passage at `at` and in its section (up to the next
 * heading), that takes the passage's go back: it calls it withdrawn, or says `env` keeps its value
 * ("28 Nov: approval withdrawn … Production stays at 30 EUR"). The later line is the latest word. */
export function takenBackBelow(context: VerdictContext, at: { file: string; line: number; sha: string }, key: KeyPath, env: EnvName): string | undefined {
  if (!context.log) return undefined;
  const doc = documentIndex(context.log).find((x) => x.path === at.file && x.written.sha === at.sha);
  if (!doc) return undefined;
  const rest = doc.text.split('\n').slice(at.line);
  const end = rest.findIndex((line) => /^#{1,6}\s/.test(line));
  const after = (end < 0 ? rest : rest.slice(0, end)).join('\n');
  const taken = after.split(sentenceEnds(/(?<=[.!?])\s+|\n+/)).find((sentence) => TAKEN_BACK.test(sentence) && !/\?\s*$/.test(sentence));
  // A keep counts where it names the key (not "perSecond unchanged" or "kube_proxy stays" beside it).
  return taken?.trim() ?? keepsValue(after, key, env, context.environments);
}

// The word that puts a step after a hold: "then", "afterwards", "daarna", "danach", "después", "ensuite", "potem".
const THEN_WORD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:then|afterwards|after that|thereafter|daarna|nadien|danach|anschließend|después|luego|ensuite|`,
  String.raw`après (?:ça|cela)|potem|następnie|depois|poi|dopo)(?![\p{L}])`,
);

/** The sentence after `phrase` (a keep) in a text that puts `value` after it, with a word of
 * sequence ("daarna billing ook naar 3", "then 3 there too", "danach auch auf 3"), if there is one. */
export function followsAfter(written: string, phrase: string, value: string | null): string | undefined {
  if (value === null) return undefined;
  const text = written.replace(/\s+/g, ' ');
  const from = text.indexOf(phrase.replace(/\s+/g, ' '));
  if (from < 0) return undefined;
  const rest = text.slice(from);
  const then = THEN_WORD.exec(rest);
  if (!then) return undefined;
  const end = rest.slice(then.index).search(/[.!?;](?:\s|$)/);
  const step = rest.slice(then.index, end < 0 ? undefined : then.index + end);
  // The value as a word of its own ("naar 3", "to 5s"), not inside another ("30", "v3.1").
  const wanted = value.toLowerCase();
  return step
    .toLowerCase()
    .split(/[\s,;:()"'“”]+/)
    .some((word) => trimEnd(word) === wanted)
    ? step.trim()
    : undefined;
}

/** The word without the sentence marks it ends with ("3." → "3"); a loop, as `/[.!?]+$/` retries every start. */
function trimEnd(word: string): string {
  let end = word.length;
  while (end > 0 && '.!?'.includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}
