// What the documents linked to a change say about where its value belongs, in either direction.
// A person settling a difference between environments reads the decision record the change cites
// ("trial for ADR-031" → "ADR-031 … 55s in every environment"), the vendor notice that set its terms
// ("All our environments must call …/v2 before 2026-11-30"), the release note approving it ("OK
// for production"), the rollout note that says who follows ("dev, staging: to follow"), and the
// infra note that calls one environment's value a leftover ("Should be eu-central-1 like the
// others"). Each of those decides the difference; naming the key alone decides nothing.
//
// Linked means: the document cites an id the change's text cites (a ticket, ADR-n, CAB-n), names
// the key (its leaf or its words) or the value the change wrote (a host, an image's version), in a
// passage or in its path and headings (then every passage of it is about the change), or names
// every word of the key's path ("TLS cipher hardening … CBC suites" for `edge.tls.cipherSuites`).
//
// When: a go, a rollout order or a mistake is news only when written after the change (from two
// days before it: a note prepared with it); a document that sets terms for every environment
// governs a change made after it too. A dated plan not yet due moves nothing.
import type { EnvName } from '../model/types.js';
import { intentText, ticketsIn, type CommitLog } from './log.js';
import {
  documentIndex,
  imageVersion,
  inPassages,
  keyLeaf,
  keyName,
  namesOtherKeyWith,
  namesQualifier,
  namesValue,
  distinctive,
  PUT_BACK_VERB,
  passages,
  qualifiersOf,
  type IndexedDocument,
  type Passage,
} from './documents.js';
import { appsOf, isBareVersion, keyStem, namesApp, namesOtherKey, namesStep, partIsKeys, partsChanged, sameStem } from './link-names.js';
import { readIntent } from './intent.js';
import { dateNamed, readDeadline } from './deadline.js';
import { mentions, namesOf } from './envnames.js';
import { saysMistake } from './live.js';
import { pattern, regex, escapeRegExp } from './pattern.js';
import { once } from './once.js';
import { abbreviates, mayAbbreviate, writesAmount } from './written-values.js';
import { namesCronTime } from './cron-times.js';
import { AHEAD, followsIn, goFor, negatedAfter, negatedBefore } from './conditions.js';
import { DOING, dueIn } from './gates.js';
import { doubtIn, foreignSays } from './languages.js';
import { brokenSince } from './broken.js';
import { dateIn } from './calendar.js';
import { LiteralIndex, logTexts } from './texts.js';
import { unrecorded } from './unrecorded.js';
import { approvedPlan } from './approved-record.js';
import { eventText } from './contingency.js';
import { wordsOfKey } from '../parse/key-words.js';
import { sentenceEnds } from './sentence-end.js';
import { boundBy } from './applies.js';
import { requiredSwitch } from './required.js';
import { noneExcepted } from './none-excepted.js';
import { dueWithin } from './due-within.js';
import { heldUntilVersion, versionGate, versionPassedIn, versionReached } from './version-reached.js';
import { isResourceQuantityKey, quantityValue } from '../compare/quantity.js';

export type Link = 'ticket' | 'key' | 'value' | 'words' | 'feature' | 'subject';

export interface LinkedPassage extends Passage {
  link: Link;
  /** The heading of its section, and a table row's cells after their headers (documents.ts). */
  heading?: string;
  row?: string;
  /** The document's own status says it decides nothing yet ("Status: proposed"). */
  undecided?: string;
  /** The document's own status calls its plan off ("Status: withdrawn", "rejected", "superseded"). */
  withdraws?: string;
  /** The document's own status says it is decided ("Status: accepted", "approved"). */
  decided?: string;
  /** For a list item, the line introducing its list ("Deployed:"). */
  lead?: string;
  /** Not a document's passage but a commit's message (file and line name nothing then). */
  message?: boolean;
}

/** A passage as read with its structure: its section's heading and, for a table row, each cell
 * after its column's header ("## 4.12.0 — released to all environments: - burst raised to 40"). */
export const withStructure = (p: LinkedPassage): string => [p.heading, p.lead, p.row ?? p.text].filter(Boolean).join(': ');

export interface ChangeLink {
  key: string;
  /** The values the change wrote, or that name it (an image and its version). */
  values: Array<string | null>;
  /** The ids the change's text cites (tickets, ADR-031, CAB-12). */
  tickets: string[];
  /** The environment the change was made in, when, by whom, and every environment's value: a
   * passage naming the key's last word ("currency" for `defaultCurrency`) is about the change
   * where it also names that environment and a value of the key, or the change's author and day. */
  env?: EnvName;
  date?: string;
  author?: string;
  allValues?: Array<string | null>;
  /** The change's subject line: a passage written after the change that restates it (a changelog
   * entry, a report naming "Ingest batch 1000") is about it. */
  subject?: string;
  /** Every environment of the scan: a passage naming the key's last word and the change's value is
   * about it whichever environment it names ("page on-call 14 days before … production first"). */
  environments?: EnvName[];
}

/** At most this many passages of linked documents are read per change. */
const LINKED = 16;

// Words of a key's path that say nothing of what it is about.
const GENERIC = new Set([
  'app',
  'apps',
  'config',
  'configs',
  'settings',
  'values',
  'data',
  'spec',
  'env',
  'service',
  'services',
  'default',
  'defaults',
  'common',
]);

/** The words of a key's path (`edge.tls.cipherSuites` → edge, tls, cipher, suites), when there are
 * three or more that say something: a document naming all of them is about the key. */
export const pathWords = once((key: string) => key, pathWordsOnce);

function pathWordsOnce(key: string): readonly string[] {
  const words = wordsOfKey(key)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3 && !GENERIC.has(w) && !/^\d+$/.test(w));
  const unique = [...new Set(words)];
  return unique.length >= 3 ? unique : [];
}

// Asked for every document and word of every key's path, per divergence: one pattern per word, found
// by the word itself (not by `pattern`'s key of source and flags, made again for each question).
const wordPatterns = new Map<string, RegExp>();
const namesWord = (lower: string, word: string) => {
  let re = wordPatterns.get(word);
  if (re === undefined) {
    if (wordPatterns.size >= 4096) wordPatterns.clear();
    wordPatterns.set(word, (re = new RegExp(`(?<![a-z0-9])${word}(?:s|es)?(?![a-z0-9])`)));
  }
  return re.test(lower);
};

// Unit words a key's name ends with, which say nothing of what it is about.
const UNIT_WORD = /^(?:seconds?|secs?|s|ms|millis|minutes?|mins?|hours?|days?|bytes?|kb|mb|gb|count|pct|percent|enabled|flag)$/;

/** The last word of a key's leaf that says what it is (`checkout.pricing.defaultCurrency` →
 * currency, `export.batchRows` → row, `INGEST_MAX_PAYLOAD_BYTES` → payload), singular, where the
 * leaf has more than one word (a one-word leaf is the key's own name, read as such). */
export function lastWord(key: string): string | undefined {
  const words = wordsOfKey(keyLeaf(key))
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  const count = words.length;
  while (words.length > 1 && UNIT_WORD.test(words.at(-1)!)) words.pop();
  const last = words.at(-1);
  if (count < 2 || !last || last.length < 4 || GENERIC.has(last) || /\d/.test(last)) return undefined;
  return last.replace(/(?<=[^s])s$/, '');
}

// Words of a key that say how big, how often or whether — on every kind of key alike ("login
// attempts" is the thing, "max" its bound): a pair of them names no feature.
const COMMON = new Set([
  'max',
  'min',
  'maximum',
  'minimum',
  'size',
  'count',
  'limit',
  'level',
  'mode',
  'time',
  'timeout',
  'interval',
  'rate',
  'ratio',
  'number',
  'type',
  'name',
  'value',
  'total',
  'enabled',
  'enable',
  'disabled',
  'flag',
  'url',
  'host',
  'port',
  'path',
  'key',
  'id',
]);
// Section words that say what kind of setting a key is, not what it is about ("feature_flags.bulk_export").
const KIND_OF_SETTING = new Set([
  'feature',
  'features',
  'flags',
  'toggle',
  'toggles',
  'switches',
  'options',
  'params',
  'parameters',
  'properties',
  'vars',
  'variables',
]);
const features = new Map<string, { pattern: RegExp; stems: string[] } | undefined>();

/** What people call the thing a key sets: two words next to each other in its path
 * (`checkout.guestEnabled` → "guest checkout", `AUTH_MAX_LOGIN_ATTEMPTS` → "login attempts",
 * `feature_flags.bulk_export` → "bulk export"), written next to each other in either order, plural
 * or not, or joined by "of"/"for" ("checkout for guests"). A pair of bounds and units ("max size")
 * names nothing. Undefined where the key has no such pair. */
export function featurePattern(key: string): RegExp | undefined {
  return featureOf(key)?.pattern;
}

/** The pattern, and the lower-case stems of its words: a text naming fewer than two of them names no pair. */
export function featureOf(key: string): { pattern: RegExp; stems: string[] } | undefined {
  if (features.has(key)) return features.get(key);
  // A workload's or a ConfigMap's key (`ConfigMap/indexer.data.INDEX_REFRESH_INTERVAL`) by its leaf
  // alone: "checkout container image" is said of every workload.
  const words = wordsOfKey(
    (/^[A-Z][A-Za-z]+\//.test(key) ? keyLeaf(key) : key)
      // A list item's selector names the item ("features[name=guest-checkout].enabled"): its words, not "name".
      .replace(/\[(?:name|id|key)=/g, '['),
  )
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3 && !/\d/.test(w) && !GENERIC.has(w) && !UNIT_WORD.test(w) && !KIND_OF_SETTING.has(w));
  const stem = (w: string) => w.replace(/(?<=[^s])s$/, '');
  const pairs: Array<[string, string]> = [];
  const stems = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (a === b || (COMMON.has(a) && COMMON.has(b))) continue;
    pairs.push([stem(a), stem(b)]);
    stems.add(stem(a)).add(stem(b));
  }
  // The pattern is made when first tested: most texts hold fewer than two of the stems, which every
  // reader asks first (made for each of a scan's 3,383 keys, it was a fifth of linkedPassages' CPU).
  let made: RegExp | undefined;
  const found = pairs.length
    ? {
        get pattern() {
          return (made ??= featureRegex(pairs));
        },
        stems: [...stems],
      }
    : undefined;
  if (features.size > 4096) features.clear();
  features.set(key, found);
  return found;
}
/** The pattern of a key's pairs of words, in either order, plural or not, or joined by "of"/"for". */
function featureRegex(pairs: ReadonlyArray<[string, string]>): RegExp {
  const join = String.raw`(?:[\s_-]+|\s+(?:of|for|the|of the|for the)\s+)`;
  const alternatives = pairs.flatMap(([a, b]) => {
    const [x, y] = [escapeRegExp(a), escapeRegExp(b)];
    return [`${x}${PLURAL}${join}${y}${PLURAL}`, `${y}${PLURAL}${join}${x}${PLURAL}`];
  });
  return new RegExp(`(?<![a-z0-9])(?:${[...new Set(alternatives)].join('|')})(?![a-z0-9])`, 'i');
}
const PLURAL = String.raw`(?:s|es|'s|’s)?`;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A passage naming the day a change was made ("16 Nov", "Nov 16th", "2026-11-16", "16.11.", "16/11") and its author by name ("Kofi's commit"). */
export function namesAuthorAndDay(text: string, author: string | undefined, date: string | undefined): boolean {
  const first = author?.split(/\s+/)[0] ?? '';
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m || first.length < 3) return false;
  if (!new RegExp(`(?<![\\p{L}])${escapeRegExp(first)}(?:['’]?s)?(?![\\p{L}])`, 'iu').test(text)) return false;
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!];
  const day = String(Number(d));
  const mon = `${MONTHS[Number(mo) - 1]}[a-z]*\\.?`;
  return new RegExp(
    [
      `(?<!\\d)${day}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${mon}(?![a-z])`,
      `(?<![a-z])${mon}\\s+${day}(?:st|nd|rd|th)?(?!\\d)`,
      `${y}-${mo}-${d}`,
      `(?<![\\d.])0?${day}\\.0?${Number(mo)}\\.`,
      `(?<![\\d/])0?${day}/0?${Number(mo)}(?![\\d])`,
    ].join('|'),
    'i',
  ).test(text);
}

/** The passages of documents linked to a change (see the head of this file), newest-written
 * first, each with how it is linked. */
export function linkedPassages(change: ChangeLink, log: CommitLog | undefined, withMessages = false, everyPassage = false): LinkedPassage[] {
  // Without documents (and messages not asked for) nothing links: the key's patterns below are not made (3,400 keys on the bench's corpus).
  if (!log || (!withMessages && documentIndex(log).length === 0)) return [];
  const name = keyName(change.key);
  const leaf = keyLeaf(change.key).toLowerCase();
  const values = [...new Set(change.values.filter(distinctive))];
  const lowered = values.map((v) => v.toLowerCase());
  // What changed inside the value, named without the rest of it: a list's element added or removed, a URL's host or path.
  const parts = partsChanged(change.values, change.allValues ?? []);
  const partsLower = parts.map((x) => x.toLowerCase());
  // An image named by its version, the image's name in the document; a bare version (`image.tag:
  // 3.14.2`) by the app it belongs to (its chart's or apps/<app>/ directory, the repository beside it).
  const versions: Version[] = [
    ...values.flatMap((v) => imageVersion(v) ?? []),
    ...change.values.filter(isBareVersion).flatMap((v) => appsOf(change.key, v, log).map((app) => ({ version: v.replace(/^v/, ''), image: app, app: true }))),
  ];
  // The step from a value another environment holds to the change's value: "15.4 -> 15.8", "from 10 to 50".
  const steps = stepsOf(change);
  const stem = keyStem(change.key);
  const words = pathWords(change.key);
  const tickets = new Set(change.tickets.map((t) => t.toUpperCase()));
  // Long digests the change wrote, which prose cuts short ("9f2c4e1b...92a3b4").
  const digests = change.values.filter((v): v is string => v !== null && /[0-9a-f]{32,}/i.test(v));
  const last = lastWord(change.key);
  const lastRe = last ? new RegExp(`(?<![a-z0-9])${last}(?:s|es)?(?![a-z0-9])`) : undefined;
  const keyValues = [...new Set([...change.values, ...(change.allValues ?? [])])].filter((v): v is string => v !== null && v.trim() !== '');
  const feature = change.env !== undefined ? featureOf(change.key) : undefined;
  const restated = change.subject && change.date ? subjectWords(change.subject, change.key) : undefined;
  // A leaf another key of the scan shares (`api.timeout`, `db.timeout`) names this key only with a word of its own path ("api").
  const qualifiers = qualifiersOf(change.key, log);
  const qualified = (doc: IndexedDocument, p: { lower: string; heading?: string }) =>
    !qualifiers ||
    namesQualifier(p.lower, qualifiers) ||
    namesQualifier((p.heading ?? '').toLowerCase(), qualifiers) ||
    namesQualifier(factsOf(doc).headLower, qualifiers);
  const out: LinkedPassage[] = [];
  const after = change.date ? Date.parse(change.date) : undefined;
  // A document the change's own commit wrote is the change's text, all of it ("docs/change/FX-12.md" beside the image bump).
  const own =
    change.env !== undefined && change.date !== undefined
      ? log.envs
          .get(change.env)
          ?.get(change.key)
          ?.find((e) => e.date === change.date)?.commit
      : undefined;
  // Whether a passage of a text not linked as a whole can link below: each test there needs one of
  // these in the passage's lower case or tickets, so a text whose passages hold none is passed over
  // without reading them. Reading a document's passages is recorded as looking into it (reads.ts):
  // read for every divergence, every document was, and any new document sharing a word with one
  // weighed every kept verdict again.
  const mayLink = (doc: IndexedDocument): boolean => {
    const held = doc.held;
    for (const t of held.tickets) if (tickets.has(t)) return true;
    return (
      (!!name && (name.run === undefined || held.lower.includes(name.run))) ||
      (!!stem && held.lower.includes(stem.run)) ||
      lowered.some((v) => held.lower.includes(v)) ||
      partsLower.some((x) => held.lower.includes(x)) ||
      versions.some((x) => held.lower.includes(x.version) && docNames(doc.lower, x)) ||
      steps.some(([from, to]) => held.lower.includes(from.trim().toLowerCase()) && held.lower.includes(to.trim().toLowerCase())) ||
      digests.some((v) => mayAbbreviate(held.lower, v)) ||
      (last !== undefined && held.lower.includes(last)) ||
      (!!feature && change.env !== undefined && feature.stems.filter((w) => held.lower.includes(w)).length >= 2) ||
      (!!restated && factsOf(doc).at > after! && restated.some((w) => held.lower.includes(w)))
    );
  };
  // The same literals (each test's, or one of them), found once per log in every text (`linkTexts`)
  // rather than tested on every text for every divergence: a text none of whose passages holds one
  // cannot pass `mayLink`, a passage holding none cannot link alone, and a document is linked whole
  // only where its path and headings (the key's run, a value, a version, the subject's words) or its
  // text (the path's words) hold one, or it cites a ticket, or it is the change's own. A test added
  // here adds its literal to `needles` (or `headNeedles`), or makes the list undefined (every text is
  // read); test/verdict/link-index.test.ts compares the result with `everyPassage`, which reads all.
  const needles: string[] | undefined =
    name && name.run === undefined
      ? undefined
      : [
          ...(name ? [name.run!] : []),
          ...(stem ? [stem.run] : []),
          ...lowered,
          ...partsLower,
          ...versions.map((x) => x.version),
          ...steps.map(([, to]) => to.trim().toLowerCase()),
          ...digests.flatMap((v) => /[0-9a-f]{32,}/.exec(v.toLowerCase())?.[0]?.slice(0, 6) ?? []),
          ...(last !== undefined ? [last] : []),
          ...(feature ? feature.stems : []),
          ...(restated ?? []),
        ];
  const headNeedles: string[] | undefined =
    name && name.run === undefined ? undefined : [...(name ? [name.run!] : []), ...lowered, ...versions.map((x) => x.version), ...(restated ?? [])];
  const index = everyPassage ? undefined : linkTexts(log);
  const found = index?.find(needles, headNeedles, words.slice(0, 1), tickets);
  // The texts read: the documents, then (asked for) the messages read as documents written after the
  // change. Where the index found the texts that can link, only those and the ones the change's own
  // commit wrote are gone through, in the same order: every divergence went through ~1,500 texts
  // (two set look-ups each) for a few.
  const docs = found ? index!.texts : documentIndex(log);
  const messages = found ? [] : withMessages ? messageIndex(log) : [];
  const documents = found ? index!.documents : docs.length;
  const positions = found ? inOrder(found.texts, own !== undefined ? index!.bySha.get(own) : undefined) : undefined;
  const count = positions ? positions.length : docs.length + messages.length;
  for (let n = 0; n < count; n++) {
    const at = positions ? positions[n]! : n;
    const doc = found || at < documents ? docs[at]! : messages[at - documents]!;
    if (at >= documents && !(withMessages && after !== undefined && factsOf(doc).at > after)) continue;
    const mayWhole = !found || found.whole.has(doc) || (own !== undefined && doc.written.sha === own);
    if (!mayWhole && !found.held.has(doc)) continue;
    // A document whose headings restate the change, written after it ("# Ingest batch 1000 — load
    // test, uat" for "uat: ingest batch 1000 for the … load test"), is about it as a whole: a report on it.
    const whole = !mayWhole
      ? undefined
      : ((own !== undefined && doc.written.sha === own && !('message' in doc) ? ('ticket' as const) : undefined) ??
        wholeLink(doc, {
          name: qualifiers && !namesQualifier(factsOf(doc).headLower, qualifiers) ? undefined : name,
          leaf,
          lowered,
          versions,
          words,
          tickets,
        }) ??
        (restated && factsOf(doc).at > after! && restates(factsOf(doc).headings, restated) ? ('subject' as const) : undefined));
    if (!whole && !mayLink(doc)) continue;
    for (const p of doc.passages) {
      if (!whole && found && !found.passages.has(p)) continue;
      // In a document linked as a whole, a passage citing other ids only is about those ("- OPS-911: … Go for prod.").
      let link: Link | undefined = whole && (p.tickets.length === 0 || p.tickets.some((t) => tickets.has(t))) ? whole : undefined;
      if (!link && p.tickets.some((t) => tickets.has(t))) link = 'ticket';
      if (!link && name && (name.run === undefined || p.lower.includes(name.run)) && name.pattern.test(p.text) && qualified(doc, p)) link = 'key';
      // The key's words less their type suffix ("Rate-Limit" for RATE_LIMIT_ENABLED), where no other key is named by its own name.
      if (!link && stem && p.lower.includes(stem.run) && stem.pattern.test(p.text) && !namesOtherKey(p.text, p.lower, change.key, log)) link = 'key';
      // By the value, unless another key holding that value is named by its own name ("backup.bucketRegion: eu-central-1").
      if (
        !link &&
        values.some((v, i) => p.lower.includes(lowered[i]!) && namesValue(p.text, v)) &&
        !namesOtherKeyWith(p.text, p.lower, change.key, values, log)
      )
        link = 'value';
      // A list's element the change added or removed, a URL's host or path ("app.nuvo.example live in production"
      // for a CORS list that gained https://app.nuvo.example): the key's, unless another key holds it too and the
      // passage names none of this key's own words.
      if (!link && parts.some((x, i) => p.lower.includes(partsLower[i]!) && namesValue(p.text, x) && partIsKeys(x, change.key, p.lower, log))) link = 'value';
      // An image named by its version, the image's name in the document (imageVersion).
      if (
        !link &&
        versions.some((x) => p.lower.includes(x.version) && docNames(doc.lower, x) && (namesValue(p.text, x.version) || namesValue(p.text, `v${x.version}`)))
      )
        link = 'value';
      // The value as a step from the value before, however short ("prod upgraded 15.4 -> 15.8"), where no other key is named.
      if (!link && steps.some(([from, to]) => namesStep(p.text, from, to, p.lower)) && !namesOtherKey(p.text, p.lower, change.key, log)) link = 'value';
      if (!link && digests.some((v) => mayAbbreviate(p.lower, v) && abbreviates(p.text, v))) link = 'value';
      // The key by its last word, about this change: naming its environment and a value of the key
      // ("staging's currency became USD"), or its author and day ("Kofi's commit of 16 Nov").
      if (
        !link &&
        last !== undefined &&
        p.lower.includes(last) &&
        lastRe!.test(p.lower) &&
        ((change.env !== undefined && mentions(p.text, change.env) && keyValues.some((v) => namesValueAsWritten(p.text, v, change.key))) ||
          namesAuthorAndDay(p.text, change.author, change.date) ||
          // The change's own value as written, whichever environment the passage names ("Page on-call 14 days
          // before … production first"): the environment lacking it is the one such a passage is most often about.
          ((change.environments ?? []).some((env) => mentions(p.text, env)) && change.values.some((v) => namesValueAsWritten(p.text, v, change.key)))) &&
        // Never where another key sharing the last word is named by its own name ("the db timeout" for apiTimeoutMs).
        !namesOtherKey(p.text, p.lower, change.key, log)
      )
        link = 'words';
      // The thing by what people call it ("guest checkout" for `checkout.guestEnabled`), in a passage
      // naming the environment the change was made in: a feature named with the environment is this change's.
      if (
        !link &&
        feature &&
        change.env !== undefined &&
        feature.stems.filter((w) => p.lower.includes(w)).length >= 2 &&
        feature.pattern.test(p.text) &&
        mentions(p.text, change.env)
      )
        link = 'feature';
      // The change restated: a passage written after it naming most of its subject's words.
      if (!link && restated && factsOf(doc).at > after! && restates(p.lower, restated)) link = 'subject';
      if (!link) continue;
      out.push({
        file: doc.path,
        line: p.line,
        text: p.text.slice(0, 400),
        written: doc.written,
        link,
        ...(p.heading ? { heading: p.heading } : {}),
        ...(p.row ? { row: p.row.slice(0, 400) } : {}),
        ...(doc.status && !doc.status.decided ? { undecided: doc.status.status } : {}),
        ...(doc.status?.withdraws ? { withdraws: doc.status.status } : {}),
        ...(doc.status?.decided && !doc.status.withdraws ? { decided: doc.status.status } : {}),
        ...(p.lead ? { lead: p.lead } : {}),
        ...('message' in doc ? { message: true } : {}),
      });
      if (out.length >= LINKED) return out;
    }
  }
  return out;
}

/** Two ascending lists of positions as one, each once. */
function inOrder(a: readonly number[], b: readonly number[] | undefined): readonly number[] {
  if (!b || b.length === 0) return a;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** A version prose names alone, with the image or app it belongs to: the document must name that too. */
type Version = { version: string; image: string; app?: boolean };
const docNames = (lower: string, x: Version) => (x.app ? namesApp(lower, x.image) : lower.includes(x.image));

/** The steps a passage may write the change as: from each value another environment holds to the change's value. */
function stepsOf(change: ChangeLink): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const to of change.values) {
    if (to === null || to.trim() === '') continue;
    for (const from of new Set(change.allValues ?? [])) if (from !== null && from.trim() !== '' && from !== to) out.push([from, to]);
  }
  return out;
}

/** Later commits' messages read as documents are (a commit that changes no key: "docs: acc soak … Good to go
 * to prod."): each message one text of passages (its subject, its body's paragraphs), by the commit that
 * wrote it. Merges are left out: their text is the text of the changes they brought in (log.ts intentText). */
const messageIndexes = new WeakMap<CommitLog, Array<IndexedDocument & { message: true }>>();
function messageIndex(log: CommitLog): Array<IndexedDocument & { message: true }> {
  let index = messageIndexes.get(log);
  if (!index) messageIndexes.set(log, (index = unrecorded(() => messagesAsDocuments(log))));
  return index;
}
function messagesAsDocuments(log: CommitLog): Array<IndexedDocument & { message: true }> {
  const index: Array<IndexedDocument & { message: true }> = [];
  // Each message once per log (texts.ts): its text, lower case and tickets as every rule reads them.
  for (const t of logTexts(log).all) {
    if (t.merge || (log.commits.get(t.note.sha)?.changes.length ?? 0) > 0) continue;
    const read = passages(t.text).map((p) => ({ ...p, lower: p.text.toLowerCase(), tickets: ticketsIn(p.text) }));
    index.push({
      path: t.note.sha.slice(0, 7),
      text: t.text,
      lower: t.folded,
      written: t.note,
      tickets: new Set(t.tickets),
      passages: read,
      held: inPassages(read),
      message: true,
    });
  }
  return index;
}

/** The texts `linkedPassages` reads — the documents, then the log's messages read as documents — with
 * the literals each holds (texts.ts `LiteralIndex`), made once per log (unrecorded: the log's, not a
 * verdict's read): a change's literals are looked up once each, not tested on every text for every
 * divergence (3,383 changes × ~65 later messages on the bench's Helm corpus). */
interface LinkTexts {
  /** The texts which as a whole, whose passages together (`held`), and the passages alone that hold
   * a needle or cite a ticket; undefined where a list of needles is (every text is read). */
  find(
    needles: readonly string[] | undefined,
    headNeedles: readonly string[] | undefined,
    textNeedles: readonly string[],
    tickets: ReadonlySet<string>,
  ): { passages: ReadonlySet<object>; held: ReadonlySet<IndexedDocument>; whole: ReadonlySet<IndexedDocument>; texts: number[] } | undefined;
  /** The texts, the documents first (`documents` of them), then the log's messages read as documents. */
  texts: readonly IndexedDocument[];
  documents: number;
  /** The positions of the texts each commit wrote, by its sha. */
  bySha: ReadonlyMap<string, readonly number[]>;
}
const linkTextsByLog = new WeakMap<CommitLog, LinkTexts>();
function linkTexts(log: CommitLog): LinkTexts {
  let made = linkTextsByLog.get(log);
  if (!made) linkTextsByLog.set(log, (made = unrecorded(() => indexLinkTexts(log))));
  return made;
}
function indexLinkTexts(log: CommitLog): LinkTexts {
  const docs: IndexedDocument[] = [...documentIndex(log), ...messageIndex(log)];
  const passageList: object[] = [];
  const passageLowers: string[] = [];
  const docTickets = new Map<string, IndexedDocument[]>();
  const heldTickets = new Map<string, IndexedDocument[]>();
  const passageTickets = new Map<string, object[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const doc of docs) {
    for (const t of doc.tickets) add(docTickets, t, doc);
    for (const t of doc.held.tickets) add(heldTickets, t, doc);
    for (const p of doc.passages) {
      for (const t of p.tickets) add(passageTickets, t, p);
      passageList.push(p);
      passageLowers.push(p.lower);
    }
  }
  // Each text's position, and the texts each commit wrote.
  const position = new Map<IndexedDocument, number>();
  const bySha = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    position.set(doc, i);
    add(bySha, doc.written.sha, i);
  });
  // A document's path and headings (what `wholeLink` and a restated subject read), its whole text, its passages together.
  const heads = new LiteralIndex(docs.map((doc) => factsOf(doc).headLower));
  const lowers = new LiteralIndex(docs.map((doc) => doc.lower));
  const helds = new LiteralIndex(docs.map((doc) => doc.held.lower));
  const passageIndex = new LiteralIndex(passageLowers);
  return {
    texts: docs,
    documents: documentIndex(log).length,
    bySha,
    find(needles, headNeedles, textNeedles, tickets) {
      if (!needles || !headNeedles) return undefined;
      const passages = new Set<object>();
      const held = new Set<IndexedDocument>();
      const whole = new Set<IndexedDocument>();
      for (const t of tickets) {
        for (const p of passageTickets.get(t) ?? []) passages.add(p);
        for (const doc of heldTickets.get(t) ?? []) held.add(doc);
        for (const doc of docTickets.get(t) ?? []) whole.add(doc);
      }
      for (const needle of needles) {
        const [inPassage, inHeld] = [passageIndex.holding(needle), helds.holding(needle)];
        if (!inPassage || !inHeld) return undefined;
        for (const i of inPassage) passages.add(passageList[i]!);
        for (const i of inHeld) held.add(docs[i]!);
      }
      for (const [index, list] of [
        [heads, headNeedles],
        [lowers, textNeedles],
      ] as const)
        for (const needle of list) {
          const holding = index.holding(needle);
          if (!holding) return undefined;
          for (const i of holding) whole.add(docs[i]!);
        }
      // Their positions in order: the texts `linkedPassages` may read, without going through the others.
      const at = new Set<number>();
      for (const doc of held) at.add(position.get(doc)!);
      for (const doc of whole) at.add(position.get(doc)!);
      return { passages, held, whole, texts: [...at].sort((x, y) => x - y) };
    },
  };
}

// Words of a subject line that say nothing of what the change is: its kind, its verbs of changing, small words.
const SUBJECT_STOP = new Set(
  (
    'feat fix chore refactor docs perf build test tests style revert the and for with from into onto per via this that than then now ' +
    'instead of use using set sets setting update updates updated change changes changed bump bumped add adds added remove removes removed ' +
    'enable enables enabled disable disables disabled switch make move config configs configuration value values setting settings env ' +
    'envs environment environments staging stage stg production prod prd live dev qa uat preprod only too also all both new old not'
  ).split(' '),
);
/** The words of a change's subject a restatement names ("feat(tracing): propagate W3C tracecontext instead of B3" →
 * tracing, propagat, w3c, tracecontext, b3): stems of four letters or more, or short words with a digit. Three or
 * more, or none: a subject of fewer says too little to find again. */
export function subjectWords(subject: string, key: string): readonly string[] | undefined {
  const leaf = keyLeaf(key).toLowerCase();
  const words = subject
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !SUBJECT_STOP.has(w) && w !== leaf && (w.length >= 4 || (/\d/.test(w) && /\p{L}/u.test(w) && w.length >= 2)))
    .map((w) => (w.length >= 6 ? w.replace(/(?:ing|ed|es|e|s)$/, '') : w));
  const unique = [...new Set(words)];
  return unique.length >= 3 || unique.filter(isCompound).length >= 2 ? unique : undefined;
}
const isCompound = (w: string) => w.length >= 10 && !/\d/.test(w);
/** Does a text (lower case) restate a change's subject, as a document written after it would? */
export function restatesSubject(lower: string, subject: string, key: string): boolean {
  const words = subjectWords(subject, key);
  return !!words && restates(lower, words);
}
/** Does a passage (lower case) name most of the subject's words: three or more, and at least half? */
function restates(lower: string, words: readonly string[]): boolean {
  let found = 0;
  const missed: string[] = [];
  for (const w of words) {
    if (lower.includes(w) && pattern(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}${w.length >= 4 ? '[\\p{L}]{0,4}' : ''}(?![\\p{L}\\p{N}])`, 'iu').test(lower))
      found++;
    else if (w.length >= 6) missed.push(w);
  }
  // In a language that inflects, a word is written with another ending ("Odrzucaj niepodpisane webhooki"
  // restated as "odrzucanie niepodpisanych webhooków"): the stem counts, once some word was found as written.
  const enough = (n: number) => n >= 3 && n * 2 >= words.length;
  if (!enough(found) && found > 0 && enough(found + missed.length)) {
    const tokens = lower.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 5);
    for (const w of missed) if (tokens.some((t) => sameStem(w, t))) found++;
  }
  return enough(found) || compoundsRestated(lower, words);
}

/** Languages that compound write in one long word what English says in three ("asiakastietojen
 * säilytysaika", "Kundendatenaufbewahrungsfrist"): every word of ten letters or more of the subject,
 * two at least, restated as written, is a restatement. */
function compoundsRestated(lower: string, words: readonly string[]): boolean {
  const long = words.filter(isCompound);
  return long.length >= 2 && long.every((w) => pattern(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu').test(lower));
}

/** A document's headings, in lower case. */
/** What every divergence asks of a document (or a message read as one), made once per document of
 * the scan's index: its path and headings as `wholeLink` reads them, its headings alone in lower
 * case, and when it was written. (Made per divergence, these were a tenth of the verdicts' CPU on
 * the bench's corpus: ~6,800 links looked up in 117 messages each.) */
interface DocFacts {
  head: string;
  headLower: string;
  headings: string;
  at: number;
}
const docFacts = new WeakMap<IndexedDocument, DocFacts>();
function factsOf(doc: IndexedDocument): DocFacts {
  let facts = docFacts.get(doc);
  if (!facts) {
    // Asked of every document by every divergence: the document's, not a read of the first to ask.
    const headingLines = unrecorded(() => doc.text)
      .split('\n')
      .filter((l) => /^#{1,6}\s/.test(l));
    const head = [doc.path, ...headingLines].join('\n');
    facts = { head, headLower: head.toLowerCase(), headings: headingLines.join('\n').toLowerCase(), at: Date.parse(doc.written.date) };
    docFacts.set(doc, facts);
  }
  return facts;
}

/** How a document is linked as a whole, if it is: it cites the change's id, or its path or
 * headings name the key or the value, or it names every word of the key's path. */
function wholeLink(
  doc: IndexedDocument,
  q: {
    name: ReturnType<typeof keyName>;
    leaf: string;
    lowered: string[];
    versions: Version[];
    words: readonly string[];
    tickets: Set<string>;
  },
): Link | undefined {
  for (const t of doc.tickets) if (q.tickets.has(t)) return 'ticket';
  const { head, headLower } = factsOf(doc);
  if (q.name && q.name.pattern.test(head)) return 'key';
  if (q.lowered.some((v) => headLower.includes(v))) return 'value';
  if (q.versions.some((x) => headLower.includes(x.version) && namesValue(head, x.version) && docNames(doc.lower, x))) return 'value';
  if (q.words.length > 0 && q.words.every((w) => namesWord(doc.lower, w))) return 'words';
  return undefined;
}

export type MoveKind = 'everywhere' | 'go' | 'follow' | 'mistake' | 'undo' | 'shipped' | 'broken';

export interface DocumentedMove {
  kind: MoveKind;
  passage: LinkedPassage;
  phrase: string;
  /** The environment that should change, and the value it should get. */
  into: EnvName;
  value: string | null;
  /** The environment whose value stands (none where the value is the changed environment's own before a slip, which no environment holds). */
  deliberate: EnvName | null;
  /** A date the passage set for it, passed by today. */
  passed?: string;
  /** For a value broken now (broken.ts): the value the environment holds, as the record names it. */
  broken?: { value: string | null; named: string; since: string };
  /** For a value broken now that the changed environment moved to (the mirror): it goes back to the
   * value the others hold, which the record leaves working; 'production' where it is the last environment. */
  revert?: 'production' | 'before';
  /** An undo read from the document's status alone ("Status: withdrawn"), with no sentence saying
   * where the value goes: a question, not a recommendation. */
  byStatus?: boolean;
  /** A go read from an approved change record's status and its planned day (approved-record.ts), not a
   * sentence giving it: a recommendation below the confident line. */
  byRecord?: boolean;
  /** A slip read as a file holding the opposite of what the document requires there (required.ts). */
  required?: boolean;
}

export interface MoveQuestion {
  key: string;
  /** The environment whose change made the difference, its value now, and the change. */
  env: EnvName;
  value: string | null;
  changedAt: string;
  tickets: string[];
  /** Every environment's value of the key (repo), null where it lacks it. */
  values: Record<EnvName, string | null>;
  promotion: EnvName[];
  environments: EnvName[];
  today?: string;
}

// An instruction for a situation to come, not a record or a decision: "if …", "when …", "wenn …".
const CONDITIONAL =
  /^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:\*\*[^*]*\*\*:?\s*)?(?:if|when|whenever|in case|should|once|wenn|falls|sobald|si|cuando|en caso)\b/iu;
// A go recorded without naming what for: "go confirmed" (goFor, conditions.ts, reads a go given for an environment).
const GO_RECORDED = regex('iu', String.raw`(?<![\p{L}])(?:go (?:confirmed|given|decision)|(?:we|i) (?:confirm|give) the go|decision: go)(?![\p{L}])`);
// What comes after an approval and makes it a gate still ahead ("OK for production once the soak is green",
// "in Produktion aktivieren, sobald …"): conditions.ts' AHEAD, the one reader goFor uses, in every language read.
const GATE_AHEAD = AHEAD;
// A clause that keeps an environment where it is: "staging stays", "keep dev as is", "dev follows nothing".
const STAYS = regex('iu', String.raw`(?<![\p{L}])(?:stays?|keeps?|remains?|unchanged|as is|on purpose|by design|not|never|no|nothing)(?![\p{L}])`);
// An environment's value called a slip: "a leftover from copying billing-api's values", "copy-paste error".
const LEFTOVER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:left ?over|copy[- ]?paste[d]?|copied (?:over )?from|copying|by accident|accidentally|wrongly|should (?:be|have been|read)|`,
  String.raw`is wrong|was wrong|not intended|unintended)(?![\p{L}])`,
);
// Words that pair a value with the rest: "should be eu-central-1 like the others", "as everywhere else".
const LIKE_OTHERS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:like (?:the )?(?:others?|rest|everywhere else|all the others)|as (?:everywhere else|in the others?|elsewhere))(?![\p{L}])`,
);

/** Does prose name a value, allowing the unit prose adds to a number ("55s", "900 ms", "32KB"), the
 * value in other units or grouped ("1 MiB" for 1048576 bytes, "5 000"; the key's name gives a bare
 * number its unit), a digest cut short by its ends ("9f2c4e1b...92a3b4"), or a daily cron by the
 * time it runs ("02:00" for `cron(0 2 * * ? *)`, cron-times.ts). */
export function namesValueAsWritten(text: string, value: string | null, key?: string): boolean {
  if (value === null || value.trim() === '') return false;
  if (namesValue(text, value) || writesAmount(text, value, key) || abbreviates(text, value) || namesCronTime(text, value)) return true;
  if (!/^\d+(?:\.\d+)?$/.test(value)) return false;
  const escaped = value.replace('.', '\\.');
  return new RegExp(
    `(?<![\\p{L}\\p{N}_.-])${escaped}\\s?(?:s|sec|secs|seconds?|ms|m|min|mins|minutes?|h|hours?|d|days?|kb|mb|gb|ki|mi|gi|kib|mib|gib|%)(?![\\p{L}\\p{N}])`,
    'iu',
  ).test(text);
}

// A switch's verb names its value: "turn on", "enable", "switch on", "activate", "einschalten", "aktivieren",
// "activar", "activer", "ativar", "attivare", "inschakelen", "włączyć" are true; their opposites false.
const SWITCH_ON = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:turn(?:s|ed|ing)? on|switch(?:es|ed|ing)? on|enabl(?:e|es|ed|ing)|activat(?:e|es|ed|ing)|einschalten|eingeschaltet|aktivier\p{L}*|`,
  String.raw`activ(?:ar|ado|ada|er|é|ée)|ativ(?:ar|ado|ada)|attiva(?:re|to|ta)?|inschakelen|ingeschakeld|włącz\p{L}*)(?![\p{L}])`,
);
const SWITCH_OFF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:turn(?:s|ed|ing)? off|switch(?:es|ed|ing)? off|disabl(?:e|es|ed|ing)|deactivat(?:e|es|ed|ing)|ausschalten|ausgeschaltet|deaktivier\p{L}*|`,
  String.raw`desactiv(?:ar|ado|ada|er|é|ée)|desativ(?:ar|ado|ada)|disattiva(?:re|to|ta)?|uitschakelen|uitgeschakeld|wyłącz\p{L}*)(?![\p{L}])`,
);
const TRUE_VALUE = /^(?:true|on|yes|enabled|1)$/i;
const FALSE_VALUE = /^(?:false|off|no|disabled|0)$/i;

/** Does the text turn a switch (on or off), in the words switches are turned in? A switch turned again
 * speaks of a switch, never of a key whose values are numbers or names. */
export const turnsSwitch = (text: string): boolean => SWITCH_ON.test(text) || SWITCH_OFF.test(text);
/** Is the value a switch's (on/off, true/false)? */
export const switchValue = (value: string | null): boolean => value !== null && (TRUE_VALUE.test(value) || FALSE_VALUE.test(value));

/** "Turn on the guard's KILL_IDLE_IN_TRANSACTION in all environments": a switch's verb, in a sentence
 * naming the key, says which way it goes — true for on, false for off; one of each says nothing. */
export function switchNames(text: string, value: string | null, key: string): boolean {
  if (value === null || !(TRUE_VALUE.test(value) || FALSE_VALUE.test(value))) return false;
  const name = keyName(key);
  if (!name) return false;
  return sentences(text).some((s) => {
    if (!name.pattern.test(s)) return false;
    const [on, off] = [SWITCH_ON.test(s), SWITCH_OFF.test(s)];
    return on !== off && on === TRUE_VALUE.test(value);
  });
}

/** Does prose name a value as people write it: as written (with a unit), an image by its version ("Pin 1.31.2"), or a switch by its verb. */
function namesChanged(text: string, value: string | null, key?: string): boolean {
  // A boolean is named as a setting ("=true", "`false`", ": on"), not as a word of prose ("0 false kills").
  if (value !== null && (TRUE_VALUE.test(value) || FALSE_VALUE.test(value))) {
    if (pattern(`(?:[=:]\\s*|[\x60"'“])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'iu').test(text)) return true;
  } else if (namesValueAsWritten(text, value, key)) return true;
  if (key && switchNames(text, value, key)) return true;
  const v = value === null ? undefined : imageVersion(value);
  return !!v && (namesValue(text, v.version) || namesValue(text, `v${v.version}`));
}

const sentences = (text: string) => text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/)).filter((s) => s.trim());

/** What the documents linked to the change say about the difference: the environment that should
 * change and the value it should get, from the first passage (newest document first) that decides
 * it — a mistake, an everywhere, a go, a rollout order — or undefined. */
export function documentedMove(q: MoveQuestion, log: CommitLog | undefined): DocumentedMove | undefined {
  const rank = (env: EnvName) => q.promotion.indexOf(env);
  const lagging = Object.keys(q.values).filter((env) => env !== q.env && q.values[env] !== q.value);
  if (lagging.length === 0 || !log) return undefined;
  const changedAt = Date.parse(q.changedAt);
  // The change's author, from the log's events of the key in its environment (the one made at changedAt).
  const event = log.envs
    .get(q.env)
    ?.get(q.key)
    ?.find((e) => e.date === q.changedAt);
  const author = event?.author;
  const linked = linkedPassages(
    {
      key: q.key,
      values: [q.value],
      tickets: q.tickets,
      env: q.env,
      date: q.changedAt,
      allValues: Object.values(q.values),
      environments: q.environments,
      ...(author ? { author } : {}),
      ...(event?.subject ? { subject: event.subject } : {}),
    },
    log,
    true,
  );
  // Downstream first (the next environment the change would reach), then upstream.
  const next = [...lagging].sort((a, b) => {
    const [ra, rb, rs] = [rank(a), rank(b), rank(q.env)];
    return (ra > rs ? 0 : 1) - (rb > rs ? 0 : 1) || (ra > rs ? ra - rb : rb - ra);
  });
  const inTime = linked.filter((p) => !q.today || p.written.date.slice(0, 10) <= q.today);
  // The change's own message says it changed no value, and it changed this one: a slip (unless a later linked passage holds it).
  const denied = deniedChange(q, log, inTime, next);
  if (denied && !inTime.some((x) => Date.parse(x.written.date) > changedAt && holdsBack(withStructure(x), denied.into, true))) return denied;
  // A record that a lagging environment's value is refused, shut down or still failing since a day
  // that has passed outranks every plan and order: that environment is broken now (broken.ts).
  const broken = brokenMove(q, next, log, inTime);
  if (broken) {
    const held = inTime.find((x) => Date.parse(x.written.date) >= Date.parse(broken.passage.written.date) && holdsBack(withStructure(x), broken.into));
    if (!held) return broken;
  }
  // The mirror: the environment that moved holds the value a record written since calls broken, and
  // the others' value is not: the mover goes back.
  const moved = movedBroken(q, lagging, log, inTime);
  if (moved) {
    const held = inTime.find((x) => Date.parse(x.written.date) > Date.parse(moved.passage.written.date) && holdsBack(withStructure(x), moved.into, true));
    if (!held) return moved;
  }
  for (const p of inTime) {
    const after = Date.parse(p.written.date) >= changedAt - 2 * 86_400_000;
    // A step led by its gate ("Once 4.12 runs in production, pin production to …") is a condition, unless the gate is met.
    const gated = CONDITIONAL.test(p.text) && !(after && versionGated(p, q, next, log));
    if ((p.heading && NOT_DECIDED_HEADING.test(p.heading)) || gated || /\?\s*$/.test(p.text)) continue;
    // A document whose own status withdraws its plan ("Status: withdrawn") moves nothing forward: what
    // was done on it goes back, where it was written after the change.
    if (p.withdraws !== undefined) {
      const read = Date.parse(p.written.date) > changedAt ? (undo(p, q, lagging) ?? withdrawnStatus(p, q, lagging)) : undefined;
      if (read) return read;
      continue;
    }
    // A document whose own status is proposed or open decides nothing (yet); nor does a passage
    // under a heading that makes it an option or a rejected idea ("## Alternatives considered").
    if (p.undecided !== undefined) continue;
    // Every linked passage is read against the change, whatever the verdict made of the change's own
    // words (a declare stands on its words' terms: a later slip, "no longer needed", a go or an undo
    // answers it, however sure the declare was). Before the change, only an everywhere governs it.
    const read =
      (after
        ? (mistake(p, q, lagging, log) ??
          required(p, q, lagging) ??
          undo(p, q, lagging) ??
          go(p, q, next, log) ??
          follow(p, q, lagging, rank) ??
          backToo(p, q, lagging, log) ??
          bound(p, q, next))
        : undefined) ??
      everywhere(p, q, next) ??
      orderedWithin(p, q, next, log);
    if (!read) continue;
    // A preference or a suggestion decides nothing: "I'd rather put staging back to 5", "maybe prod follows", "lieber zurück auf 5".
    if (hedged(p.text, read.phrase)) continue;
    // A later passage of the linked documents that holds that environment back, or contests the
    // decision, outranks it: a person decides (the readers after this one ask). An undo is held back
    // only by a word against the undo itself, not by the withdrawal it carries out.
    const held = inTime.find(
      (x) => x !== p && Date.parse(x.written.date) >= Date.parse(p.written.date) && holdsBack(withStructure(x), read.into, read.kind === 'undo'),
    );
    return held ? undefined : read;
  }
  return undefined;
}

// A word that makes a sentence a preference, a suggestion or a doubt, not a decision.
const HEDGE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:I['’]?d rather|I would rather|we['’]?d rather|would rather|I['’]?d prefer|I would prefer|would prefer|maybe|perhaps|might|could we|should we|`,
  String.raw`I suggest|we suggest|suggestion|not convinced|not sure|lieber|vielleicht|eventuell|peut-être|plutôt|quizás|tal vez|wolał\p{L}*|może|misschien|liever|forse)(?![\p{L}])`,
);

/** Is the sentence that says `phrase` a preference or a doubt ("I'd rather put staging back to 5")? */
function hedged(text: string, phrase: string): boolean {
  const head = phrase.slice(0, 24);
  const said = sentences(text).find((s) => s.includes(head));
  return said !== undefined && HEDGE.test(said);
}

/** What both readings of a broken value ask: is a text about the key (naming it, or one of its linked
 * passages), and what the environments other than one hold. */
function brokenReading(q: MoveQuestion, linked: LinkedPassage[]) {
  const name = keyName(q.key);
  return {
    aboutKey: (text: string) => !!name?.pattern.test(text) || linked.some((p) => text.startsWith(p.text.slice(0, 200))),
    othersOf: (env: EnvName) =>
      Object.entries(q.values)
        .filter(([e]) => e !== env)
        .map(([, v]) => v),
  };
}

/** The record that calls a value broken, as the passage the verdict cites. */
function brokenPassage(record: NonNullable<ReturnType<typeof brokenSince>>): LinkedPassage {
  return {
    file: record.file ?? record.written.sha.slice(0, 7),
    line: record.line ?? 0,
    text: record.sentence.slice(0, 400),
    written: record.written,
    link: 'value',
    ...(record.file ? {} : { message: true }),
  };
}

/** The first lagging environment (downstream first) whose value a record says is refused, shut down
 * or still failing since a day now passed, while the changed environment's value is not: it takes the
 * working value. A short value ("b3") counts only in a text about the key (naming it, or linked). */
function brokenMove(q: MoveQuestion, next: EnvName[], log: CommitLog, linked: LinkedPassage[]): DocumentedMove | undefined {
  const { aboutKey, othersOf } = brokenReading(q, linked);
  for (const into of next) {
    const value = q.values[into] ?? null;
    const record = brokenSince(value, into, othersOf(into), q.environments, log, q.today, aboutKey);
    if (!record || brokenSince(q.value, q.env, othersOf(q.env), q.environments, log, q.today, aboutKey)) continue;
    const passage = brokenPassage(record);
    return {
      kind: 'broken',
      passage,
      phrase: record.phrase,
      into,
      value: q.value,
      deliberate: q.env,
      broken: { value, named: record.named, since: record.since },
      ...(record.dated ? { passed: record.since } : {}),
    };
  }
  return undefined;
}

/** The mirror of brokenMove: the changed environment's value is the one a record written after the
 * change says is refused, failing or unusable ("v0.16.0 (tested in qa) no longer exports
 * pg_stat_statements_* on Postgres 13 -> the slow-query alerts go silent"), stated outright (not "may
 * break", not "if we upgrade"), while the value every lagging environment holds is not: the changed
 * environment goes back to it. The record may name where it was tried (a lagging environment, which
 * does not hold the value). A record that holds the value back only until something ("stay on v0.15.0
 * until the PG15 upgrade") whose day has passed, or which a later commit reports done, no longer
 * decides: what it waited for has happened. */
function movedBroken(q: MoveQuestion, lagging: EnvName[], log: CommitLog, linked: LinkedPassage[]): DocumentedMove | undefined {
  const back = q.values[lagging[0]!] ?? null;
  if (back === null || q.value === null || lagging.some((e) => (q.values[e] ?? null) !== back)) return undefined;
  const { aboutKey, othersOf } = brokenReading(q, linked);
  // What the value belongs to, as the change itself named it ("bump postgres-exporter to v0.16.0").
  const event = log.envs
    .get(q.env)
    ?.get(q.key)
    ?.find((e) => e.date === q.changedAt);
  const owners = [q.key, ...(event ? [`${event.subject}\n${event.body}`] : [])];
  const record = brokenSince(q.value, q.env, othersOf(q.env), q.environments, log, q.today, aboutKey, {
    after: q.changedAt,
    tried: lagging,
    firm: true,
    owners,
  });
  if (!record) return undefined;
  // The value the others hold is itself said to be broken: going back mends nothing.
  if (brokenSince(back, lagging[0]!, othersOf(lagging[0]!), q.environments, log, q.today, aboutKey)) return undefined;
  if (waitedForHappened(record.text, record.written.date, log, q.today)) return undefined;
  const passage = brokenPassage(record);
  return {
    kind: 'broken',
    passage,
    phrase: record.phrase,
    into: q.env,
    value: back,
    deliberate: lagging[0]!,
    broken: { value: q.value, named: record.named, since: record.since },
    revert: q.promotion.at(-1) === q.env ? 'production' : 'before',
    ...(record.dated ? { passed: record.since } : {}),
  };
}

// What a record holds a value back until: "until the PG15 upgrade", "revisit after DBA-77", "bis zum
// PG15-Upgrade", "jusqu'à la migration", "tot na de upgrade".
const UNTIL = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|revisit (?:after|once|when)|bis (?:zum|zur|nach)|bis|jusqu['’](?:à|au|aux)|tot(?: na)?)\s((?:[^.;\n]|\.(?=\S)){3,80})`,
);
// A later commit reporting something done: "PG15 upgrade done", "DBA-77 completed", "migrated to PG15".
const DONE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:done|completed?|finished|upgraded|migrated|closed|erledigt|abgeschlossen|terminée?|fait|klaar|afgerond|voltooid)(?![\p{L}])`,
);

/** Did what the record waits for happen by `today`: a day it names has passed, or a commit written
 * since names its distinctive word (a ticket, a word with digits: "PG15", "DBA-77") and reports it done? */
function waitedForHappened(text: string, written: string, log: CommitLog, today: string | undefined): boolean {
  const m = UNTIL.exec(text);
  if (!m) return false;
  const what = m[1]!;
  const day = dateIn(what, written);
  if (day && today && day <= today) return true;
  const words = what.split(/[^\p{L}\p{N}_-]/u).filter((w) => w.length >= 3 && /\p{N}/u.test(w) && /\p{L}/u.test(w));
  if (words.length === 0) return false;
  for (const msg of log.messages.values()) {
    if (Date.parse(msg.date) <= Date.parse(written) || (today && msg.date.slice(0, 10) > today)) continue;
    const body = `${msg.subject}\n${msg.body}`;
    if (!DONE.test(body)) continue;
    if (words.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'iu').test(body))) return true;
  }
  return false;
}

// Going back, said of an environment: "Staging goes back to production behaviour", "can go back to
// 5", "revert staging", "roll it back", "put staging back on 30", "is no longer needed", "set it back
// to what production has", "zurück auf 5", "vuelve a 5", "revient à 5".
const GOES_BACK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:goes|go|going|went|must go|has to go|needs? to go|can go|should go|gets? set|is set|set (?:it|\p{L}+)|put (?:it|\p{L}+)|turn(?:ed)? (?:it|\p{L}+))\s+back|`,
  String.raw`revert\p{L}*|roll\p{L}*\s+(?:\S+\s+){0,2}?back|undo(?:ne)?|returns? to|reset (?:\S+\s+){0,2}?to|`,
  String.raw`(?:is|are) no longer needed|no longer needed|not needed any ?more|zurück (?:auf|zu)|vuelve a|revient à|volta para|torna a|terug naar)(?![\p{L}])`,
);
// What a restore names when it is the noun, not the verb: "the restore drill", "restore test in prod", "restore point".
const RESTORE_NOUN = regex(
  'iu',
  String.raw`^\s+(?:drills?|tests?|tested|exercises?|runs?|jobs?|points?|windows?|times?|procedures?|plans?|scripts?|rehearsals?|steps?|`,
  String.raw`übung\p{L}*|probe\p{L}*|øvelse\p{L}*|övning\p{L}*|ćwiczeni\p{L}*|test\p{L}*)(?![\p{L}])`,
);
/** A verb of putting back (documents.ts PUT_BACK_VERB: "restore", "rétablir", "wiederherstellen", "przywrócić"):
 * it names no value by itself, so undo() takes it only with the value the others hold named after it. */
function putBack(s: string): RegExpExecArray | undefined {
  for (const m of s.matchAll(new RegExp(PUT_BACK_VERB.source, 'giu'))) {
    // "nicht wiederherstellen", "ne pas rétablir", "no restablecer": the negation right before it.
    if (!RESTORE_NOUN.test(s.slice(m.index + m[0].length)) && !negatedBefore(s, m.index, 'words') && !negatedAfter(s, m.index + m[0].length)) return m;
  }
  return undefined;
}

// Back to a value, with no verb of its own, as action items and checklists write it ("Sampling back to 5% in
// prod", "Heap zurück auf 2g", "Muestreo de vuelta al 5 %", "retour à 0,05", "terug naar 3", "tillbaka till 10",
// "z powrotem do 5"): an undo only where the value it names is the others'.
const BACK_TO_VALUE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:back to|de vuelta a|de vuelta al|volver a|vuelta a|retour à|retour au|de volta a|de volta ao|de volta para|voltar a|`,
  String.raw`di nuovo a|tornare a|ritorno a|tillbaka till|tilbage til|tilbake til|z powrotem (?:do|na)|powrót do|takaisin)(?![\p{L}])`,
);
// A wait anywhere before a verbless way back makes it a plan: "only until the fix ships, then back to 500",
// "bis der Import fertig ist, dann zurück auf 3", "hasta que …", "jusqu'à …", "finché …", "tot …", "até …".
const WAIT_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|once|when|after|if|unless|as soon as|bis|sobald|wenn|nachdem|falls|hasta|cuando|una vez|jusqu|quand|dès que|`,
  String.raw`une fois|finché|quando|una volta|zodra|totdat|tot|als|até|assim que|tills|när|indtil|når|inntil|dopóki|gdy|kiedy|kun|kunnes)(?![\p{L}])`,
);
// Where it goes back to, without the value: "production behaviour", "what production has", "the old value", "as before".
const BACK_TO_OTHERS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:the (?:old|previous|original|former|default) (?:value|setting|behaviou?r|state)|as (?:it was )?before|`,
  String.raw`what (?:\p{L}+) (?:has|runs|does)|(?:\p{L}+)['’]s (?:value|setting|behaviou?r)|(?:\p{L}+) (?:behaviou?r|value|setting|defaults?)|`,
  String.raw`(?:the )?same as (?:\p{L}+)|like (?:\p{L}+)|as in (?:\p{L}+))(?![\p{L}])`,
);
// What makes going back a plan for later, anywhere after it in its sentence: "goes back to what
// production runs once the QA run ends", "sobald", "cuando", "quand".
const LATER_UNDO = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:once|after|when|if|unless|until|as soon as|before|sobald|wenn|nachdem|falls|cuando|quand|une fois)(?![\p{L}])`,
);
// What makes going back a plan for later, a question or no undo at all: "goes back once the test ends", "does not go back",
// "ikke tilbake til 30", "inte tillbaka till 30", "har ikke rullet den tilbake".
const NOT_NOW = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:once|after|when|if|unless|until|as soon as|before|whether|not|never|don't|doesn't|won't|no need|`,
  String.raw`ikke|ikkje|inte|ej|icke|aldrig|aldri)(?![\p{L}])`,
);

/** "Staging goes back to production behaviour", "The raised X in staging is no longer needed and can
 * go back to 5": a passage written after the change saying the environment that made it goes back to
 * the value the others hold — named, or as "production behaviour", "the old value" — now, not once
 * something else has happened. The mirror of a go: the lagging value stands. */
function undo(p: LinkedPassage, q: MoveQuestion, lagging: EnvName[]): DocumentedMove | undefined {
  if (Date.parse(p.written.date) <= Date.parse(q.changedAt)) return undefined;
  const back = backValue(q, lagging);
  if (!back) return undefined;
  // "Back-out: set staging back to 5" plans an undo should the change fail; it reports none (contingency.ts).
  const text = eventText(p, p.message && p.line === 1 ? p.written.subject : undefined);
  if (text === undefined) return undefined;
  for (const s of sentences(text)) {
    const bareBack = GOES_BACK.test(s) ? undefined : BACK_TO_VALUE.exec(s);
    const verbless = bareBack && !WAIT_BEFORE.test(s.slice(0, bareBack.index)) ? bareBack : undefined;
    if (bareBack && !verbless) continue;
    const put = switchedBack(s, back.value) || GOES_BACK.test(s) ? undefined : putBack(s);
    const m = switchedBack(s, back.value) ?? GOES_BACK.exec(s) ?? put ?? verbless;
    if (!m) continue;
    // About this environment's value: the sentence names the environment, or the key (linked by it) with no other environment.
    const aboutEnv = mentions(s, q.env) || (p.link === 'key' && !lagging.some((env) => mentions(s, env) && !mentionsAsValue(s, env)));
    if (!aboutEnv) continue;
    const rest = s.slice(m.index + m[0].length);
    const clause =
      s
        .slice(0, m.index)
        .split(/[,;:]\s/)
        .at(-1) ?? '';
    if (NOT_NOW.test(clause.split(/\s+/).slice(-3).join(' ')) || NOT_NOW.test(rest.split(/[,;]/)[0]!.split(/\s+/).slice(0, 4).join(' '))) continue;
    // Said now, not for later: a condition after it in its sentence ("… once the QA run ends") is a plan.
    if (LATER_UNDO.test(rest)) continue;
    // Where to: the value the others hold, named, or described ("production behaviour", "the old value").
    // A verb of putting back may stand last, as German and Dutch write it ("das Limit in Prod auf 2Gi
    // wiederherstellen"): its value is read before it then, where no wait stands before it ("sobald …").
    const before = s.slice(0, m.index);
    const last = !!put && !/[\p{L}\p{N}]/u.test(rest.replace(/\([^()]{0,80}\)/g, '')) && !WAIT_BEFORE.test(before);
    const valuePart = last ? before : rest;
    const named = back.value !== null && namesValueAsWritten(valuePart, back.value, q.key);
    // Back to some other value, or to the one the change set, is no undo of it.
    const otherNamed = [...new Set(Object.values(q.values))].some((v) => v !== back.value && v !== null && namesValueAsWritten(valuePart, v, q.key));
    if (otherNamed) continue;
    const described = BACK_TO_OTHERS.exec(rest);
    // Described: as an environment that holds the value ("production behaviour", "like prod"), or as the value before.
    const toOthers = !!described && (lagging.some((env) => mentions(described[0], env)) || /old|previous|original|former|before/i.test(described[0]));
    // "is no longer needed" and "undo" say where by themselves: back to what was there; so does a switch
    // turned the way the others have it, again ("wieder einschalten" where the others are on).
    const bare = /needed|undo/i.test(m[0]) || 'switched' in m;
    if (!named && (!!verbless || (!toOthers && !bare))) continue;
    return { kind: 'undo', passage: p, phrase: s.slice(m.index, m.index + 80).trim(), into: q.env, value: back.value, deliberate: back.from };
  }
  return undefined;
}

// Again, said of a switch: "turn it back on", "switch the limit on again", "wieder einschalten", "de nouveau",
// "otra vez", "di nuovo", "opnieuw", "ponownie", "znowu" — and the verbs that say it by themselves: "re-enable",
// "reactivate", "reaktivieren", "réactiver", "reactivar", "riattivare", "ponownie włączyć".
const AGAIN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:turn|switch|flip|put|set)\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?back\s+(?:on|off)(?![\p{L}])|`,
  String.raw`(?<![\p{L}])(?:again|wieder|erneut|de nouveau|à nouveau|otra vez|de nuevo|di nuovo|opnieuw|weer|ponownie|znowu|novamente|de novo)(?![\p{L}])|`,
  String.raw`(?<![\p{L}])(?:re-?enabl\p{L}*|re-?activat\p{L}*|reaktivier\p{L}*|réactiv\p{L}*|reactiv(?:ar|ad[oa])|riattiva\p{L}*|reativ(?:ar|ad[oa]))(?![\p{L}])`,
);
const RE_ON = /^(?:re-?enabl|re-?activat|reaktivier|réactiv|reactiv|riattiva|reativ)/i;

/** "bitte in staging wieder einschalten", "turn the rate limit back on", "re-enable it on staging": a switch
 * turned again the way the value it goes back to has it (on for true, off for false) — the match, marked. */
function switchedBack(s: string, value: string | null): (RegExpExecArray & { switched: true }) | undefined {
  if (value === null || !(TRUE_VALUE.test(value) || FALSE_VALUE.test(value))) return undefined;
  const again = AGAIN.exec(s);
  if (!again || /(?<![\p{L}])(?:not|never|don't|do not|nicht|nie|pas|no|niet|non|não|kein\p{L}*)\s+(?:\p{L}+\s+)?$/iu.test(s.slice(0, again.index)))
    return undefined;
  const on = RE_ON.test(again[0]) || /back\s+on$/i.test(again[0]) || SWITCH_ON.test(s);
  const off = /back\s+off$/i.test(again[0]) || SWITCH_OFF.test(s);
  if (on === off || on !== TRUE_VALUE.test(value)) return undefined;
  return Object.assign(again, { switched: true as const });
}

/** An environment's name inside a value ("production-eu" as a host) is no mention of it. */
const mentionsAsValue = (s: string, env: EnvName) => new RegExp(`[\\w./-]${escapeRegExp(env)}|${escapeRegExp(env)}[\\w/.-]`, 'i').test(s);

/** The value the environment that made the change goes back to: the one every lagging environment
 * holds (null where none has the key), and the environment furthest along the promotion order that holds it. */
function backValue(q: MoveQuestion, lagging: EnvName[]): { value: string | null; from: EnvName } | undefined {
  const values = new Set(lagging.map((env) => q.values[env] ?? null));
  if (values.size !== 1) return undefined;
  const from = [...lagging].sort((a, b) => q.promotion.indexOf(b) - q.promotion.indexOf(a))[0]!;
  return { value: [...values][0]!, from };
}

/** A document linked to the change by its ticket, the key or its value, whose own status calls its plan
 * off ("Status: withdrawn", "rejected"), written after the change: the plan the change went ahead on is
 * off, so the environment that went ahead goes back — as a question, since no sentence says so
 * (production only on a link by ticket or key). */
function withdrawnStatus(p: LinkedPassage, q: MoveQuestion, lagging: EnvName[]): DocumentedMove | undefined {
  if (p.link !== 'ticket' && p.link !== 'key' && p.link !== 'value') return undefined;
  const back = backValue(q, lagging);
  if (!back) return undefined;
  return { kind: 'undo', passage: p, phrase: `status: ${p.withdraws}`, into: q.env, value: back.value, deliberate: back.from, byStatus: true };
}

// A section whose passages are options, objections or open points, not the decision.
const NOT_DECIDED_HEADING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:rejected|alternatives?|options?(?: considered)?|open (?:questions?|points?|issues?)|out of scope|non-goals?|not (?:doing|chosen)|`,
  String.raw`drafts?|proposals?|proposed|objections?|concerns?|risks?|contested|withdrawn|superseded)(?![\p{L}])`,
);
// A word that holds an environment back or contests the decision: "Do not roll this out to
// production until scope is confirmed", "contested (security)", "objection", "on hold".
const CONTESTED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:contested|objection|object(?:s|ed) to|disputed|on hold|vetoed|blocked|withdrawn|rejected|superseded)(?![\p{L}])`,
);
const HOLD_VERB = String.raw`(?:roll|ship|deploy|promote|release|apply|change|move|switch|raise|lower|copy|take|set|put|bring|merge|enable|disable)`;

/** Does the passage hold `env` back ("do not roll this out to production until …") or contest the
 * decision? `undoing`: the decision is an undo, which a word that the plan was withdrawn does not contest. */
export function holdsBack(text: string, env: EnvName, undoing = false): boolean {
  const contested = CONTESTED.exec(text);
  if (contested && !(undoing && /withdrawn|rejected|superseded/i.test(contested[0]))) return true;
  return sentences(text).some((s) => {
    if (!mentions(s, env)) return false;
    return new RegExp(
      String.raw`(?<![\p{L}])(?:do not|don't|dont|must not|mustn't|never|not yet|should not|shouldn't|not)\s+(?:\S+\s+){0,2}?${HOLD_VERB}`,
      'iu',
    ).test(s);
  });
}

/** "dev's `region: us-east-1` is a leftover from copying … Should be eu-central-1 like the others":
 * the changed environment's value called a slip, with the value it should have, which another
 * environment holds. */
function mistake(p: LinkedPassage, q: MoveQuestion, lagging: EnvName[], log: CommitLog): DocumentedMove | undefined {
  const aboutIt = mentions(p.text, q.env) || (distinctive(q.value) && namesValue(p.text, q.value));
  if (!aboutIt || !namesValueAsWritten(p.text, q.value, q.key)) return undefined;
  // A back-out plan ("Rollback: set the schedule back to …") calls nothing a slip: it says what would be done (contingency.ts).
  const text = eventText(p, p.message && p.line === 1 ? p.written.subject : undefined);
  const phrase = text === undefined ? undefined : slipAbout(text, q.key, log);
  if (!phrase) return undefined;
  // The value it should have: one another environment holds, named in the passage (after "should
  // be" or "like the others" where both are named) — or, where the passage names none, in another
  // passage of its document that sets it for every environment ("HALF_EVEN in every environment" in
  // the paragraph before "the switch of staging to HALF_UP was a mistake"): a document speaks as a whole.
  const held = [...new Set(lagging.map((env) => q.values[env] ?? null))].filter((v): v is string => v !== null);
  let right = held.filter((v) => namesValueAsWritten(p.text, v, q.key));
  if (right.length === 0) right = setEverywhereIn(p, held, q, log);
  if (right.length === 0) {
    // Or the environment's own value before the slip, named ("dev must use mailpit.dev… again"), which
    // no environment may hold now: its own history has it.
    const own = ownEarlier(q, log).filter((v) => namesValueAsWritten(p.text, v, q.key));
    if (own.length !== 1) return undefined;
    return { kind: 'mistake', passage: p, phrase, into: q.env, value: own[0]!, deliberate: holderOf(q, own[0]!) };
  }
  if (right.length !== 1 && !(right.length > 1 && LIKE_OTHERS.test(p.text))) return undefined;
  const value = right.length === 1 ? right[0]! : right.find((v) => sentences(p.text).some((s) => LIKE_OTHERS.test(s) && namesValue(s, v)));
  if (!value) return undefined;
  // The environment that holds it furthest along the promotion order (production, where it does) stands for the others.
  const from = lagging.filter((env) => q.values[env] === value).sort((a, b) => q.promotion.indexOf(b) - q.promotion.indexOf(a))[0]!;
  return { kind: 'mistake', passage: p, phrase, into: q.env, value, deliberate: from };
}

/** A passage about one environment (named in it, or, naming none, in its section's heading or its
 * document's path: "docs/environments/preprod.md") that requires the key's switch on or off there,
 * where that environment's file holds the opposite: the file did not follow the document (required.ts). */
function required(p: LinkedPassage, q: MoveQuestion, lagging: EnvName[]): DocumentedMove | undefined {
  const names = featurePattern(q.key) ?? keyName(q.key)?.pattern;
  if (!names) return undefined;
  const stated = requiredSwitch(p.text, names);
  if (!stated) return undefined;
  const named = q.environments.filter((env) => mentions(p.text, env));
  const about = named.length > 0 ? named : q.environments.filter((env) => mentions(p.heading ?? '', env) || mentions(p.file.replace(/[/_.-]+/g, ' '), env));
  if (about.length !== 1) return undefined;
  const env = about[0]!;
  const held = q.values[env];
  if (env !== q.env && !lagging.includes(env)) return undefined;
  if (held === null || held === undefined || !switchValue(held) || TRUE_VALUE.test(held) === stated.on) return undefined;
  // Written as the file's other environments write it where one holds it ("false", "off", "0").
  const value =
    Object.values(q.values).find((v): v is string => v !== null && v !== undefined && switchValue(v) && TRUE_VALUE.test(v) === stated.on) ??
    (stated.on ? 'true' : 'false');
  return { kind: 'mistake', passage: p, phrase: stated.phrase, into: env, value, deliberate: null, required: true };
}

/** The words calling a value a slip, in a clause about `key`: a post-mortem naming two keys ("POOL_SIZE was
 * raised from 20 to 40 on purpose; CACHE_TTL was set to 5 by mistake") calls one of them a mistake, not every
 * key it names. Where the passage names another key of the scan, only a clause naming this one (or following
 * one that does, naming no key itself) speaks of it. */
function slipAbout(text: string, key: string, log: CommitLog): string | undefined {
  const slip = (t: string) => saysMistake(t) ?? LEFTOVER.exec(t)?.[0] ?? slipIn(t);
  const whole = slip(text);
  if (!whole || !namesOtherKey(text, text.toLowerCase(), key, log)) return whole;
  const leaf = keyLeaf(key);
  const names = pattern(String.raw`(?:^|[^A-Za-z0-9_])${escapeRegExp(leaf)}(?:$|[^A-Za-z0-9_])`, 'i');
  // A clause naming no key speaks of the key the clause before it named ("CACHE_TTL went to 5. That was a mistake.").
  let about = false;
  for (const clause of sentences(text)) {
    if (names.test(clause)) about = true;
    else if (namesOtherKey(clause, clause.toLowerCase(), key, log)) about = false;
    const found = about ? slip(clause) : undefined;
    if (found) return found;
  }
  return undefined;
}

// A slip said in so many words, the mistake family's core: "was a mistake", "is an error", "was done in
// error", "erroneously"; in the languages read, languages.ts' mistake family ("war ein Fehler", "fue un
// error", "était une erreur", "foi um erro", "was een fout"). Not asked ("was it a mistake?") or supposed
// ("if this was a mistake").
const SLIP = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:was|were|is|are|has been|turned out to be)\s+(?:a|an|the|our|my)\s+(?:(?:big|clear|simple|honest)\s+)?(?:mistake|error|slip|oversight|blunder)(?![\p{L}-])|`,
  String.raw`(?:made|done|set|changed|switched)\s+(?:\S+\s+){0,2}?in error|erroneously|mistakenly)(?![\p{L}])`,
);
const SUPPOSED_SLIP = /(?<![\p{L}])(?:if|whether|unless|in case|wenn|falls|ob|si|se|als)(?![\p{L}])/iu;
/** The words of a passage calling a change a slip, in a sentence that says so (not one that asks or supposes). */
export function slipIn(text: string): string | undefined {
  for (const s of sentences(text)) {
    if (/[?？]\s*$/u.test(s)) continue;
    const m = SLIP.exec(s);
    if (m) {
      const before = s.slice(0, m.index);
      if (SUPPOSED_SLIP.test(before) || /(?<![\p{L}])(?:not|never|no)\s+$/iu.test(before)) continue;
      return m[0];
    }
    const foreign = foreignSays(s, 'mistake');
    if (foreign) return foreign.phrase;
  }
  return undefined;
}

/** The values of `held` that another passage of `p`'s document sets for every environment ("Invoices use
 * HALF_EVEN in every environment"), where exactly one is: the value a slip in `p` goes back to. */
function setEverywhereIn(p: LinkedPassage, held: string[], q: MoveQuestion, log: CommitLog): string[] {
  const doc = documentOf(p, log);
  if (!doc) return [];
  const found = new Set<string>();
  for (const other of doc.passages) {
    if (other.line === p.line) continue;
    for (const v of held) {
      if (!namesValueAsWritten(other.text, v, q.key)) continue;
      const intent = readIntent({ subject: other.text, body: '', author: p.written.author, email: '', date: p.written.date }, q.env, q.environments);
      if ((intent.everywhere ?? everyIncluded(other.text) ?? everyUnit(other.text, q.environments)) && !intent.scope) found.add(v);
    }
  }
  return found.size === 1 ? [...found] : [];
}

/** The indexed document (or message read as one) a linked passage stands in. */
function documentOf(p: LinkedPassage, log: CommitLog): IndexedDocument | undefined {
  const texts = p.message ? messageIndex(log) : documentIndex(log);
  return texts.find((d) => d.path === p.file && d.written.sha === p.written.sha);
}

/** The values the changed environment held before (its own history of the key), other than its value now. */
function ownEarlier(q: MoveQuestion, log: CommitLog): string[] {
  const events = log.envs.get(q.env)?.get(q.key) ?? [];
  return [...new Set(events.map((e) => e.from).filter((v): v is string => v !== null && v.trim() !== '' && v !== q.value))];
}

/** The environment, other than the changed one, that holds `value`, furthest along the promotion order; none if none does. */
function holderOf(q: MoveQuestion, value: string): EnvName | null {
  return (
    Object.keys(q.values)
      .filter((env) => env !== q.env && q.values[env] === value)
      .sort((a, b) => q.promotion.indexOf(b) - q.promotion.indexOf(a))[0] ?? null
  );
}

// A change that says it changes no value: "no value changes", "no functional change", "values unchanged",
// "formatting only", "keine inhaltliche Änderung", "Werte unverändert", "sin cambios de valores", "aucun
// changement fonctionnel", "bez zmian wartości", "geen functionele wijziging".
const NO_VALUE_CHANGE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:no (?:value|functional|behaviou?ral|behaviou?r|semantic|config(?:uration)?|runtime) changes?|no values? changed|`,
  String.raw`(?:values?|settings?|behaviou?r) (?:are |is )?unchanged|(?:formatting|whitespace|cosmetic|reorder(?:ing)?|layout|comments?)[- ]only|`,
  String.raw`(?:purely|pure|only) (?:cosmetic|formatting|a reorder)|keine (?:inhaltlichen?|funktionalen?|Wert)\p{L}* Änderung\p{L}*|Werte unverändert|`,
  String.raw`sin cambios (?:de valor\p{L}*|funcional\p{L}*)|aucun changement (?:de valeur|fonctionnel)|bez zmian (?:wartości|funkcjonalnych)|`,
  String.raw`geen (?:functionele )?wijziging\p{L}*(?: in waarden)?|nessuna modifica funzionale|sem alteraç\p{L}+ (?:de valores|funciona\p{L}+))(?![\p{L}])`,
);
// What makes such a claim partial: "no value changes except the timeout", "apart from", "but", "other than".
const EXCEPT =
  /(?<![\p{L}])(?:except|apart from|aside from|other than|besides|but|save for|beyond|außer|bis auf|sauf|excepto|salvo|oprócz|behalve)(?![\p{L}])/iu;

/** A value written as a Kubernetes quantity with a unit suffix ("1G", "1Gi", "768Mi", "500m"), or
 * a bare number under a container's resource key (a CPU's "1"), read as Kubernetes reads it (case
 * matters: "1g" is no such quantity); undefined otherwise. */
function kubeQuantity(value: string, key: string): number | undefined {
  const text = value.trim().replace(/^["']|["']$/g, '');
  const suffixed = /^\d+(?:\.\d+)?(?:[KMGTPE]i|[mkMGTPE])$/.test(text);
  return suffixed || (isResourceQuantityKey(key) && /^\d+(?:\.\d+)?$/.test(text)) ? quantityValue(text) : undefined;
}

/** Two writings of one value: the same text up to case and quotes, the same number, the same switch, or one
 * the other in other units ("30s" and "30"). */
function sameValue(a: string, b: string, key: string): boolean {
  const [x, y] = [
    a
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase(),
    b
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase(),
  ];
  if (x === y) return true;
  if (/^-?\d+(?:\.\d+)?$/.test(x) && /^-?\d+(?:\.\d+)?$/.test(y)) return Number(x) === Number(y);
  // Two files' values in Kubernetes' quantity form are one amount only when they are equal as
  // Kubernetes reads them: "1G" is 10^9 bytes and "1Gi" 2^30, so a "units cleanup" from one to the
  // other lowered a limit by 7%; prose's loose "1 GB" for a gibibyte is no file's reading.
  const [qa, qb] = [kubeQuantity(a, key), kubeQuantity(b, key)];
  if (qa !== undefined && qb !== undefined) return Math.abs(qa - qb) <= 1e-9 * Math.max(Math.abs(qa), Math.abs(qb));
  const on = (v: string) => (/^(?:true|yes|on|1|enabled)$/.test(v) ? 1 : /^(?:false|no|off|0|disabled)$/.test(v) ? 0 : -1);
  if (on(x) >= 0 && on(x) === on(y)) return true;
  return namesValueAsWritten(a, b, key) || namesValueAsWritten(b, a, key);
}

/** "refactor(env): group staging env into sections, no value changes" whose diff changed the value: the change
 * contradicts its own message, so the value before it was meant — a slip, to put back (the value before,
 * whichever environment holds it, or none). Not a claim made partial ("no value changes except the timeout"). */
function deniedChange(q: MoveQuestion, log: CommitLog, linked: LinkedPassage[], next: EnvName[]): DocumentedMove | undefined {
  const event = log.envs
    .get(q.env)
    ?.get(q.key)
    ?.find((e) => e.date === q.changedAt);
  if (!event || event.to === null || event.to !== q.value || (event.from !== null && sameValue(event.from, event.to, q.key))) return undefined;
  // A file the change created (an environment renamed, a file regenerated from a template) has no value of
  // its own before: what it should have carried is the value a document sets for every environment, read
  // from the side of the environments that hold it.
  const carried = event.from === null ? carriedValue(q, linked, next) : undefined;
  if (event.from === null && !carried) return undefined;
  const text = intentText(event, log);
  for (const s of sentences(`${text.subject}\n${text.body}`).flatMap((x) => x.split(/,\s+|\s+[—–]\s+/))) {
    const m = NO_VALUE_CHANGE.exec(s);
    if (!m || EXCEPT.test(s) || /[?？]\s*$/u.test(s) || /(?<![\p{L}])(?:not|nicht|pas)\s+$/iu.test(s.slice(0, m.index))) continue;
    const message = log.messages.get(event.commit);
    const written = message ?? { ...event, sha: event.commit, parents: [] };
    const passage: LinkedPassage = {
      file: event.commit.slice(0, 7),
      line: 0,
      text: `${event.subject}\n${event.body}`.trim().slice(0, 400),
      written,
      link: 'subject',
      message: true,
    };
    if (carried)
      return {
        kind: 'mistake',
        passage,
        phrase: `${m[0]}; ${carried.passage.file}:${carried.passage.line} sets ${carried.value} for every environment ("${carried.phrase}")`,
        into: q.env,
        value: carried.value,
        deliberate: carried.deliberate,
      };
    return { kind: 'mistake', passage, phrase: m[0], into: q.env, value: event.from, deliberate: holderOf(q, event.from!) };
  }
  return undefined;
}

/** The value a linked document sets for every environment, where another environment holds it and the
 * changed one does not: the everywhere reading asked from that environment's side. */
function carriedValue(q: MoveQuestion, linked: LinkedPassage[], next: EnvName[]): DocumentedMove | undefined {
  for (const holder of next) {
    const value = q.values[holder] ?? null;
    if (value === null || value === q.value) continue;
    const from: MoveQuestion = { ...q, env: holder, value };
    for (const p of linked) {
      const read = everywhere(p, from, [q.env]);
      if (read && read.value === value) return read;
    }
  }
  return undefined;
}

/** "Keepalive time 55s in every environment", "All our environments must call …/v2 before
 * 2026-11-30": the changed environment's value meant for all of them. A plan dated after today is
 * not due yet; a date passed makes the difference an outage or a missed deadline. */
function everywhere(p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  // The passage as a whole (a date in one sentence, the everywhere in the next), else the one
  // sentence that sets it ("1.32.0 leaks … Pin 1.31.2 in ALL environments until 1.32.1 is out").
  // Then the passage under its section's heading: "## 4.12.0 — released to all environments" above
  // "- burst raised from 20 to 40" sets 40 everywhere.
  for (const text of [p.text, ...sentences(p.text), ...(p.heading || p.row ? [withStructure(p)] : [])]) {
    const found = everywhereIn(text, p, q, next);
    if (found) return found;
  }
  return undefined;
}

function everywhereIn(text: string, p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  // A passage restating the change (linked by its subject) speaks of its value without naming it ("… instead of B3").
  const restating = p.link === 'subject';
  if (!restating && !namesChanged(text, q.value, q.key)) return undefined;
  // A passage naming both values says where it comes from and goes to; only "to X" is the new one.
  const others = next.map((env) => q.values[env] ?? null).filter((v) => v !== null && v !== q.value);
  if (
    !restating &&
    others.some((v) => namesChanged(text, v, q.key)) &&
    ![q.value!, imageVersion(q.value!)?.version].some((x) => x !== undefined && new RegExp(`(?:\\bto|→|->)\\s*[\`"']?v?${escapeRegExp(x)}`, 'i').test(text)) &&
    !pairedWithKey(text, q.key, q.value!)
  )
    return undefined;
  // A rule said by what no environment may have, or refusing exceptions ("no exceptions for test
  // environments"), is not scoped to the environments it names: read the rest of the text for a scope.
  const none = noneExcepted(text);
  const rest = none ? text.replace(none, ' ') : text;
  const intent = readIntent({ subject: rest, body: '', author: p.written.author, email: '', date: p.written.date }, q.env, q.environments);
  const phrase = intent.everywhere ?? everyIncluded(text) ?? everyUnit(text, q.environments) ?? none ?? everyProduction(text, next[0]!);
  if (!phrase || intent.scope || (intent.hold && !intent.hold.follows)) return undefined;
  const date = readDeadline(text, p.written.date).date;
  if (date && q.today && date > q.today) return undefined;
  const into = next[0]!;
  return {
    kind: 'everywhere',
    passage: p,
    phrase,
    into,
    value: q.value,
    deliberate: q.env,
    ...(date && q.today && date <= q.today ? { passed: date } : {}),
  };
}

// "Every integration, test integrations included", "all tenants including the sandbox ones": every
// one of a kind of thing, the test or lower ones named as included — an everywhere whatever the thing
// is called (integrations, tenants, clusters, accounts).
const EVERY = /(?<![\p{L}])(?:every|all|each)\s/iu;
const LOWER_ONES = String.raw`(?:test|testing|sandbox|staging|stage|non-?prod\p{L}*|pre-?prod\p{L}*|lower|dev|development|qa|uat)`;
const INCLUDED = regex(
  'iu',
  String.raw`(?<![\p{L}])${LOWER_ONES}\s+(?:\p{L}+\s+)?included(?![\p{L}])|(?<![\p{L}])including\s+(?:the\s+)?(?:\p{L}+\s+)?${LOWER_ONES}(?![\p{L}])`,
);
function everyIncluded(text: string): string | undefined {
  const every = EVERY.exec(text);
  const included = every ? INCLUDED.exec(text.slice(every.index)) : null;
  return every && included ? `${every[0]}… ${included[0]}` : undefined;
}

// What every environment runs one of: "Every service exports with X", "all clusters", "each deployment",
// "All environments:" leading an entry.
const EVERY_UNIT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:all|every|each)\s+(?:(?:of\s+)?(?:the|our|your)\s+)?(?:services?|clusters?|deployments?|environments?|envs|apps?|applications?|`,
  String.raw`workloads?|namespaces?|instances?|regions?|stages?)(?![\p{L}])|`,
  // German, Spanish, French: "alle Services", "jeder Cluster", "todos los servicios", "tous les services", "chaque cluster".
  String.raw`(?<![\p{L}])(?:alle[nrs]?|jede[rsn]?|tod[oa]s (?:los|las)|tous les|toutes les|chaque)\s+(?:services?|servicios|cluster|clusters|clústeres|`,
  String.raw`umgebungen|umgebung|entornos|environnements?|deployments?|despliegues|déploiements?)(?![\p{L}])`,
);
/** "Every service exports with OTEL_EXPORTER_OTLP_PROTOCOL=grpc", "All environments: …": the setting every
 * service has, set for all of them. Not negated ("not every service"), not beside one environment named alone. */
function everyUnit(text: string, environments: EnvName[]): string | undefined {
  const m = EVERY_UNIT.exec(text);
  if (!m || /(?<![\p{L}])(?:not|never|nor)\s+$/iu.test(text.slice(0, m.index))) return undefined;
  const named = environments.filter((env) => mentions(text, env));
  return named.length === 1 ? undefined : m[0];
}

/** The key's own name written with the value beside it ("default_ttl 1h, max_ttl 24h", "default_ttl: 1h"): the
 * value is that key's, whatever other value the passage names for another key. */
function pairedWithKey(text: string, key: string, value: string): boolean {
  const name = key
    .split(/[.[\]"]+/)
    .filter(Boolean)
    .at(-1);
  if (!name || name.length < 3) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}\\s*[:=]?\\s*[\`"']?${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

// Every environment of production, as an audit finding or a policy scopes itself: "every production environment",
// "all prod clusters", "alle Produktionsumgebungen", "tous les environnements de production", "todos los entornos
// de producción", Hungarian "minden éles környezet", Finnish "kaikki tuotantoympäristöt". It binds the
// environment left behind only where that one is a production one by its name ("prd-us", "prod-eu", "live").
const EVERY_PRODUCTION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:every|all|each)\s+(?:(?:of\s+)?(?:the|our)\s+)?(?:production|prod|live)\s+(?:environments?|envs?|clusters?|regions?|accounts?|stages?)|`,
  String.raw`(?:alle[nr]?|jede[rn]?)\s+(?:produktions|prod)-?umgebung(?:en)?|(?:tous|toutes)\s+les\s+environnements\s+de\s+prod(?:uction)?|`,
  String.raw`tod[oa]s\s+los\s+entornos\s+de\s+producci[óo]n|(?:minden|összes|valamennyi)\s+éles\s+környezet\p{L}*|`,
  String.raw`kaikki(?:in|ssa|lle)?\s+tuotantoympäristö\p{L}*)(?![\p{L}])`,
);
const PRODUCTION_PART = /^(?:prod|production|prd|live|pro|producao|produção|produccion|producción|produzione|produktion|productie|produkcja)$/iu;
function everyProduction(text: string, into: EnvName): string | undefined {
  const m = EVERY_PRODUCTION.exec(text);
  if (!m || /(?<![\p{L}])(?:not|never|nor|nicht|pas|nem|ei)\s+$/iu.test(text.slice(0, m.index))) return undefined;
  return into.split(/[-_.\s]+/).some((part) => PRODUCTION_PART.test(part)) ? m[0] : undefined;
}

// A date set for an environment to have the change: "due in production: 2026-11-30" (a table's
// column under its header), "production must have it before 2026-12-06", "prod by 30 Nov",
// "deadline for prod: end of November".
const DUE_FOR = regex(
  'iu',
  String.raw`(?<![\p{L}\p{N}-])(?:(?:due|deadline|required|needed|fix(?:ed)? by|to be (?:done|fixed|deployed|live|applied))\s+(?:in|for|on|into)\s+(?:the\s+)?(\p{L}[\p{L}-]{0,30})|`,
  String.raw`(\p{L}[\p{L}-]{0,30})\s+(?:must|should|has to|needs to|is to|shall)\s+(?:have|get|receive|run|be on|be fixed|be patched)\s+`,
  String.raw`(?:it|this|that|the (?:fix|change|value|setting))?\s*(?:by|before|no later than|until)|`,
  // "Must be live in production before the December invoice run on 1 December", "has to be enabled on prod by 30/11".
  String.raw`(?:must|should|has to|needs to|is to|shall|muss|soll)\s+(?:be\s+)?(?:live|deployed|enabled|active|in place|rolled out|running|applied|switched on|turned on|`,
  String.raw`in production|aktiv|live sein|ausgerollt)\s+(?:in|on|to|into|auf|in der)\s+(?:the\s+)?(\p{L}[\p{L}-]{0,30})\s+(?:\S+\s+){0,2}?(?:by|before|no later than|until|bis|vor))(?![\p{L}])`,
);

/** A date the passage sets for a lagging environment to have the change ("due in production:
 * 2026-11-30"): passed, it is a go (the plan was for that environment, and its day has come); still
 * ahead, it moves nothing. */
function due(p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  const text = p.row ?? p.text;
  for (const s of text.split(/;\s+|(?<=[.!?])\s+|\n+/)) {
    const m = DUE_FOR.exec(s);
    const word = m?.[1] ?? m?.[2] ?? m?.[3];
    const into = word ? next.find((env) => mentions(word, env)) : undefined;
    if (!m || !into) continue;
    if (/(?<![\p{L}])(?:not|no|never)\s+(?:\S+\s+)?$/iu.test(s.slice(0, m.index))) continue;
    const date = readDeadline(s.slice(m.index), p.written.date).date;
    if (!date || !q.today || date > q.today) continue;
    return { kind: 'go', passage: p, phrase: s.slice(m.index).trim().slice(0, 80), into, value: q.value, deliberate: q.env, passed: date };
  }
  // The due family as gates.ts reads it in every language (`dueIn`: "switch production by 2026-11-25", "Prod
  // spätestens 25.11. umstellen", "passer la prod avant le 25/11", "cambiar producción a más tardar el 25/11"),
  // in a clause naming a lagging environment and not the changed one, setting no other value of the key.
  // (DUE_FOR above keeps the forms dueIn has no reading of: a table's "due in production:" column, "<env>
  // must have it before", "must be live in <env> before" — an environment named inside the due phrase.)
  if (!q.today) return undefined;
  const others = Object.values(q.values).filter((v): v is string => v !== null && v !== q.value);
  for (const s of sentences(text)) {
    for (const clause of s.split(/[,;]\s+|\s+[—–]\s+/)) {
      const into = next.find((env) => mentions(clause, env));
      if (!into || mentions(clause, q.env) || NOT_A_STEP.test(clause)) continue;
      if (others.some((v) => namesChanged(clause, v, q.key)) && !namesChanged(clause, q.value, q.key)) continue;
      const date = dueIn(clause, p.written.date);
      if (!date || date > q.today) continue;
      return { kind: 'go', passage: p, phrase: clause.trim().slice(0, 80), into, value: q.value, deliberate: q.env, passed: date };
    }
  }
  return undefined;
}

/** An order that gave the lagging environment a span to take the measure ("preprod et recette : sous 7
 * jours", "staging: within 7 days"), its day passed (due-within.ts): the environment was left out. Read
 * whenever the order was written, as an everywhere is: an order that came before the change caused it.
 * Not once what the order holds the measure until has reached that environment ("until imgforge 3.9 is
 * deployed", "jusqu'au déploiement d'imgforge 3.9"): the measure is lifted there, and nothing is owed. */
function orderedWithin(p: LinkedPassage, q: MoveQuestion, next: EnvName[], log: CommitLog): DocumentedMove | undefined {
  if (!q.today) return undefined;
  // The order is about this measure: its document names the key (a ticket alone may carry other changes).
  const doc = documentOf(p, log);
  if (p.link !== 'key' && !keyName(q.key)?.pattern.test(doc?.text ?? p.text)) return undefined;
  for (const s of sentences(p.row ?? p.text)) {
    for (const into of next) {
      const due = dueWithin(s, into, p.written.date);
      if (!due || due.date > q.today) continue;
      if (lifted(p, doc, into, log, q.today)) return undefined;
      return { kind: 'go', passage: p, phrase: due.phrase, into, value: q.value, deliberate: q.env, passed: due.date };
    }
  }
  return undefined;
}

/** Has the version the order's document holds its measure until reached `env` (its config runs it, or
 * a record says it was deployed there)? */
function lifted(p: LinkedPassage, doc: IndexedDocument | undefined, env: EnvName, log: CommitLog, today: string): boolean {
  for (const line of (doc?.text ?? p.text).split('\n')) {
    const wait = heldUntilVersion(line, env);
    if (wait && (versionPassedIn(wait, log, p.written.date, today) ?? versionReached(wait, log, p.written.date, today))) return true;
  }
  return false;
}

// A record that something went out: "deployed", "released", "shipped", "rolled out", "went live",
// "Wdrożone", "ausgerollt", "desplegado", "déployé", "implantado", "rilasciato", "uitgerold".
const SHIPPED = regex(
  'iu',
  // ("live in production", "live on prod": an event recorded, the environment named beside it.)
  String.raw`(?<![\p{L}])(?:deployed|released|shipped|rolled out|went live|gone live|(?:is |are |now )?live (?:in|on|im|en|em|w)(?= )|`,
  String.raw`wdrożon\p{L}*|wdrożenie|ausgerollt|ausgeliefert|deployt|eingespielt|`,
  String.raw`desplegad[oa]s?|déployée?s?|implantad[oa]s?|rilasciat[oa]|uitgerold)(?![\p{L}])`,
);
// What makes a release record a plan or a denial: "to be deployed", "not deployed", "will ship next week".
const NOT_SHIPPED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|nie|nicht|no|não|pas|niet|yet|to be|will|would|planned|pending|next|upcoming|scheduled|`,
  String.raw`after|once|until|later|tomorrow|to follow|follows?|candidates?|todo|to do)(?![\p{L}])`,
);

// A record that the running system was changed in place: "upgraded", "applied by hand", "patched live",
// "aktualisiert", "zaktualizowan…", "actualizad…", "mis à jour", "bijgewerkt".
const CHANGED_IN_PLACE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:upgraded|downgraded|applied|patched|hotfixed|raised|lowered|aktualisiert|hochgezogen|angehoben|zaktualizowan\p{L}*|`,
  String.raw`podniesion\p{L}*|actualizad[oa]s?|mis(?:e|es)? à jour|bijgewerkt|verhoogd|aggiornat[oa])(?![\p{L}])`,
);
// The repository catching up with what runs, not the environment waiting: "tfvars to follow", "the repo
// follows", "PR to follow", "values file pending", "Terraform nachziehen".
const REPO_FOLLOWS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:the\s+)?(?:tfvars|terraform|repo(?:sitory)?|git|pr|mr|pull request|values(?: file)?|config(?: change)?|files?|manifests?|iac|helm values|commit)\s+`,
  String.raw`(?:to follow|follows?(?: later| soon)?|will follow|(?:is |are )?pending|to come|later)|(?:tfvars|terraform|repo|values)\s+nachziehen)(?![\p{L}])`,
);

/** "# Release window 2026-11-10 (prod) / Deployed: / - BUG-77 …": a record, under a heading or a
 * list's lead naming a lagging environment, that the change (linked by its ticket, the key or its
 * value) was deployed there, dated by today. Its file does not have it: the deploy missed it, and
 * the record is the go. Not a plan ("to be deployed", "next window") or a denial ("not deployed"). */
function shipped(p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  if (p.link !== 'ticket' && p.link !== 'key' && p.link !== 'value') return undefined;
  // A list's lead-in ("Deployed:") records nothing by itself: its items do.
  if (Date.parse(p.written.date) <= Date.parse(q.changedAt) || /:\s*$/.test(p.text)) return undefined;
  // The file following what runs is no plan for the environment: "upgraded … tfvars to follow" records it done.
  const parts = [p.heading, p.lead, p.text].filter((x): x is string => !!x).map((x) => x.replace(REPO_FOLLOWS, ' '));
  // Changed in place ("prod RDS upgraded 15.4 -> 15.8 in the window", "applied by hand"): a record only where it names the change's value.
  const said =
    parts.map((x) => SHIPPED.exec(x)).find((m) => m) ??
    (namesChanged(p.text, q.value, q.key) ? parts.map((x) => CHANGED_IN_PLACE.exec(x)).find((m) => m) : undefined);
  if (!said) return undefined;
  // A plan or a denial where the record says it went out, or where it names the environment.
  if (parts.some((x) => (SHIPPED.test(x) || CHANGED_IN_PLACE.test(x) || q.environments.some((env) => mentions(x, env))) && NOT_SHIPPED.test(x)))
    return undefined;
  // A date in the record (the window's) still ahead is a plan.
  const date = readDeadline(parts.join('. '), p.written.date).date;
  if (date && q.today && date > q.today) return undefined;
  // The environment it went to, named in the record; one environment only, so "staging and production" is not read as both missed.
  const named = q.environments.filter((env) => parts.some((x) => mentions(x, env)));
  const into = named.length === 1 ? next.find((env) => env === named[0]) : undefined;
  if (!into) return undefined;
  return { kind: 'shipped', passage: p, phrase: `${said[0]} (${into})`, into, value: q.value, deliberate: q.env };
}

// A release's own entry: its version beside the day it went out ("# reports 2.31 (production 2027-05-12)",
// "## [4.2.0] - 2027-03-01", "## v3.8 — 12.05.2027"). The version is cut out before the day is read, so
// "4.12" is never the 4th of December.
const RELEASE_VERSION = /(?<![\p{L}\p{N}.])v?\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?![\p{N}.]\d)/u;

/** Release notes dated by a day that has passed, listing the change (by its ticket or its key, and its
 * value as written: "Query timeout 30 s → 15 s in production") for a lagging environment: the release
 * it waited for went out carrying it, so the environment's file not having it is a step missed. The
 * environment is the one the entry's heading names, or the only lagging one its sentence names; not a
 * plan or a denial ("to follow", "not in production yet"). */
function releaseNoted(p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  if ((p.link !== 'ticket' && p.link !== 'key') || !p.heading || p.message || !q.today) return undefined;
  if (Date.parse(p.written.date) <= Date.parse(q.changedAt)) return undefined;
  const version = RELEASE_VERSION.exec(p.heading);
  if (!version || NOT_SHIPPED.test(p.heading)) return undefined;
  const day = dateIn(p.heading.replace(version[0], ' '), p.written.date, 'near');
  if (!day || day > q.today) return undefined;
  for (const s of sentences(p.text)) {
    if (!namesChanged(s, q.value, q.key) || NOT_SHIPPED.test(s)) continue;
    const headed = next.filter((env) => mentions(p.heading!, env));
    const named = next.filter((env) => mentions(s, env));
    const into = headed.length === 1 ? headed[0] : named.length === 1 ? named[0] : undefined;
    if (!into) continue;
    return {
      kind: 'shipped',
      passage: p,
      phrase: `${p.heading.trim().slice(0, 60)}: ${s.trim().slice(0, 80)}`,
      into,
      value: q.value,
      deliberate: q.env,
      passed: day,
    };
  }
  return undefined;
}

/** "OK for production. — Lena", "go for prod\", "approved for production": a go for a lagging
 * environment, written after the change, with no gate still ahead in its sentence; or a date set
 * for it that has passed (`due`). */
function go(p: LinkedPassage, q: MoveQuestion, next: EnvName[], log?: CommitLog): DocumentedMove | undefined {
  const dated =
    due(p, q, next) ?? shipped(p, q, next) ?? releaseNoted(p, q, next) ?? (log ? (stepDue(p, q, next, log) ?? versionGated(p, q, next, log)) : undefined);
  if (dated) return dated;
  // A change record approved by its status, its day for the lagging environment passed (approved-record.ts).
  const approved = approvedPlan(p, q, next);
  if (approved)
    return { kind: 'go', passage: p, phrase: approved.phrase, into: approved.into, value: q.value, deliberate: q.env, passed: approved.passed, byRecord: true };
  const concluded = decidedStep(p, q, next);
  if (concluded) return concluded;
  // A go given for a lagging environment, in the family conditions.ts reads in every language it
  // knows ("OK to apply to prod", "cleared for production", "Freigabe für Prod"), not asked, negated or gated.
  for (const into of next) {
    const phrase = goFor(p.text, into);
    // A go from a day still ahead ("go for production from 10 December") is not a go today.
    if (phrase && !goesLater(p.text, phrase, p.written.date, q.today, into)) return { kind: 'go', passage: p, phrase, into, value: q.value, deliberate: q.env };
  }
  // "go confirmed" in a passage that names the lagging environment.
  const recorded = GO_RECORDED.exec(p.text);
  const into = recorded ? next.find((env) => mentions(p.text, env)) : undefined;
  if (recorded && into && !GATE_AHEAD.test(p.text.slice(recorded.index + recorded[0].length).split(/[.;\n]/)[0] ?? '')) {
    return { kind: 'go', passage: p, phrase: recorded[0], into, value: q.value, deliberate: q.env };
  }
  return undefined;
}

/** The go's own sentence names the day it takes effect, and that day is after today: after the go
 * ("go for production from 10 December") or before it in the same sentence or table row ("| prod |
 * 10.12.2026 22:00 | genehmigt |", "Prod am 10.12.: freigegeben"). */
function goesLater(text: string, phrase: string, written: string, today: string | undefined, into: EnvName): boolean {
  if (!today) return false;
  const at = text.indexOf(phrase);
  const rest = at < 0 ? '' : (text.slice(at + phrase.length).split(/[.;\n](?:\s|$)/)[0] ?? '');
  const lead =
    at < 0
      ? ''
      : (text
          .slice(text.lastIndexOf('\n', at) + 1, at)
          .split(/[.;](?:\s|$)/)
          .at(-1) ?? '');
  const before = SPEAKER_LABEL.test(lead) && !mentions(lead, into) ? '' : lead;
  // Before it, the date stands in a cell or clause of its own ("| prod | 10.12.2026 22:00 | approved |").
  const on =
    dateNamed(rest, written) ??
    before
      .split(/[|,]/)
      .map((c) => dateNamed(c.trim(), written))
      .find((d) => d !== undefined);
  return !!on && on > today;
}

// A thread's entry label before the go: a person's name with the day they wrote ("**Sofia, 6 Feb:** OK for prod
// too", "Lukas (6.2.): passt für Prod", "[6 Feb] Sofia:"). Its day is when the go was said — a record copied
// later keeps it, and a day without a year read forward from the copy would fall a year ahead —, not the day
// the go takes effect ("Prod, 10.12.: freigegeben" names the environment: that day is the go's own).
const SPEAKER_LABEL = regex(
  'u',
  String.raw`^[\s>*_-]*(?:\[[^\]\n]{1,24}\][*_\s]*)?\p{Lu}[\p{L}'’-]{1,30}(?:\s\p{Lu}[\p{L}'’-]{1,30})?`,
  String.raw`(?:\s{0,2}[,(\[][^:\n]{1,30})?[*_\s]*:[*_\s]*$`,
);

// What a document calls its decision: "Conclusion:", "Decision:", "Recommendation:", "Next steps:",
// "Outcome:", "Fazit:", "Entscheidung:", "Empfehlung:", "Conclusión:", "Decisión:", "Décision :",
// "Conclusão:", "Decisão:", "Conclusione:", "Besluit:", "Conclusie:", "Wniosek:", "Decyzja:", "Sonuç:",
// "Karar:", "结论：", "결론:", "結論：" — as a label before its sentence, or as its section's heading.
const DECISION_WORDS = String.raw`(?:conclusions?|decisions?|decided|recommendations?|next steps?|action items?|outcome|verdict|resolution|way forward|`;
const DECISION_WORDS_2 = String.raw`fazit|entscheidung|beschluss|empfehlung|nächste schritte|conclusi[oó]n|decisi[oó]n|recomendaci[oó]n|conclusão|decisão|recomendação|`;
const DECISION_WORDS_3 = String.raw`décision|recommandation|conclusione|decisione|raccomandazione|conclusie|besluit|aanbeveling|wnioski?|decyzja|rekomendacja|sonuç|karar|öneri)`;
const DECISION_LABEL = regex(
  'iu',
  String.raw`^[\s*_>#-]*`,
  DECISION_WORDS,
  DECISION_WORDS_2,
  DECISION_WORDS_3,
  String.raw`[*_\s]*[:：—–]\s*|^(?:结论|決定|結論|결론|결정)\s*[:：]\s*`,
);
const DECISION_HEADING = regex('iu', String.raw`^(?:\d+[.)]?\s*)?`, DECISION_WORDS, DECISION_WORDS_2, DECISION_WORDS_3, String.raw`(?![\p{L}])`);
/** Is a section's heading its document's decision ("Decision", "Entscheidung", "Décision", "결정", "决定")? */
export const decisionHeading = (heading: string): boolean =>
  DECISION_HEADING.test(heading) || /^(?:\d+[.)]?\s*)?(?:结论|決定|决定|結論|결론|결정)/u.test(heading);
// Verbs of a step beyond gates.ts' DOING (which reads "switch", "enable", "roll out", "deploy", … in every
// language read): a switch flipped, a value set, raised or bumped.
const STEP_VERB = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:flip|toggle|set|raise|lower|bump|upgrade|increase|reduce|cut over|turn (?:it |this |them )?(?:on|off))(?![\p{L}])`,
);
const stepVerb = (s: string): RegExpExecArray | undefined => {
  const [a, b] = [DOING.exec(s), STEP_VERB.exec(s)];
  return a && (!b || a.index <= b.index) ? a : (b ?? undefined);
};
// A sentence that holds a step back, keeps, negates or supposes it: "do not enable it in production", "prod stays".
const NOT_A_STEP =
  /(?<![\p{L}])(?:not|never|don't|do not|no|nicht|kein\p{L}*|pas|no|não|niet|nie|stays?|remains?|keep|if|whether|unless|falls|wenn|ob|si)(?![\p{L}])/iu;

/** Does the sentence's switch verb go the other way than the value ("disable" where the value is true)? */
function againstSwitch(s: string, value: string | null): boolean {
  if (value === null || !(TRUE_VALUE.test(value) || FALSE_VALUE.test(value))) return false;
  // The particle apart from its verb: "switch features.x off", "turn the cold tier on".
  const split = SPLIT_SWITCH.exec(s)?.[1]?.toLowerCase();
  const [on, off] = [SWITCH_ON.test(s) || split === 'on', SWITCH_OFF.test(s) || split === 'off'];
  return on !== off && on !== TRUE_VALUE.test(value);
}
const SPLIT_SWITCH = /(?<![\p{L}])(?:switch|turn|flip|set|toggle)\s+(?:[^\s,;]+\s+){1,3}?(on|off)(?![\p{L}])/iu;
// The value a step sets, after "to", "auf", "à", "=": "set production to 20".
const STEP_VALUE = /(?<![\p{L}])(?:to|auf|à|naar|na|a)\s+[\x60"'“]?(\d[\w.]*)|=\s*[\x60"'“]?([^\s\x60"'”,;]+)/iu;

/** The document's decision taking a step in a lagging environment: "Conclusion: enable the purge in
 * production", "Decision: switch prod to zstd", "## Next steps / - roll it out to production",
 * "Fazit: in Produktion aktivieren" — a sentence after a decision label (or under a decision heading,
 * its verb at the head) whose verb of doing is followed by the lagging environment's name. Not negated,
 * kept, supposed, asked, or with a gate still ahead ("… once the soak is green"); a switch's verb must go
 * the way the change went, and no other value of the key may be named as the step's value. */
function decidedStep(p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  const underHeading = !!p.heading && DECISION_HEADING.test(p.heading.replace(/[*_]/g, '').trim());
  for (const sentence of sentences(p.text)) {
    if (/[?？]\s*$/u.test(sentence)) continue;
    const label = DECISION_LABEL.exec(sentence);
    const body = label ? sentence.slice(label[0].length) : underHeading ? sentence.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '') : undefined;
    if (body === undefined) continue;
    const clause = body.split(/[.;]\s|[.;]$/)[0]!;
    const verb = stepVerb(clause);
    if (!verb) continue;
    const [before, after] = [clause.slice(0, verb.index), clause.slice(verb.index + verb[0].length)];
    // The verb leads the decision ("enable …", "we enable …"), or ends it as German and Dutch write it
    // ("in Produktion aktivieren"), with the lagging environment named in the clause.
    const lead = before.split(/\s+/).filter(Boolean).length <= 2;
    const last = /^[*_\s.!]*$/.test(after);
    const into = next.find((env) => (lead && mentions(after, env)) || (last && mentions(before, env)));
    if (!into || (!lead && !last) || NOT_A_STEP.test(lead ? before : '') || NOT_A_STEP.test(clause.split(/,/)[0]!) || GATE_AHEAD.test(clause)) continue;
    if (doubtIn(clause, verb.index, verb[0].length) || againstSwitch(clause, q.value)) continue;
    // No value other than the change's set by the step ("set production to 20").
    const set = STEP_VALUE.exec(after);
    const named = set?.[1] ?? set?.[2];
    if (named !== undefined && !namesChanged(named, q.value, q.key)) continue;
    return { kind: 'go', passage: p, phrase: `${label?.[0] ?? ''}${clause.slice(lead ? verb.index : 0, 80)}`.trim(), into, value: q.value, deliberate: q.env };
  }
  return undefined;
}

// An open step on a checklist: "- [ ] flip features.x in prod (on GA day)", "* [ ] TODO: enable it in production".
const OPEN_STEP = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s+(.+)$/s;
// The event a step is tied to: "on GA day", "at launch", "on go-live", "with the cutover", "after release day".
const STEP_EVENT = /(?<![\p{L}])(?:on|at|for|with|after|by)\s+(?:the\s+)?([\p{L}][\p{L}\d-]{1,20})(?:\s+(?:day|date))?(?![\p{L}])/giu;

/** "- [ ] flip features.invoicePdfV2 in prod (on GA day)" under "GA: **1 December 2026**": an open step of
 * a checklist, taking the change into a lagging environment (a verb of doing, the environment after it),
 * due on a date the step gives or on the day the document gives the event the step is tied to ("GA:",
 * "Launch date:", "Go-live —"). Passed, the step is due: a go. Still ahead, or undated, it moves nothing. */
function stepDue(p: LinkedPassage, q: MoveQuestion, next: EnvName[], log: CommitLog): DocumentedMove | undefined {
  const m = OPEN_STEP.exec(p.text);
  if (!m || !q.today) return undefined;
  const step = m[1]!;
  const verb = stepVerb(step);
  if (!verb || NOT_A_STEP.test(step.slice(0, verb.index)) || againstSwitch(step, q.value)) return undefined;
  const after = step.slice(verb.index + verb[0].length);
  const into = next.find((env) => mentions(after, env));
  if (!into) return undefined;
  let date = dateOf(step, p.written.date);
  if (!date) {
    const doc = documentOf(p, log);
    for (const e of step.matchAll(STEP_EVENT)) {
      // (An event, not the environment: "on prod" names where, "on go-live day" when.)
      if (doc && !namesOf(into).some((n) => n.toLowerCase() === e[1]!.toLowerCase())) date = eventDate(doc.text, e[1]!, p.written.date);
      if (date) break;
    }
  }
  if (!date || date > q.today) return undefined;
  return { kind: 'go', passage: p, phrase: step.trim().slice(0, 80), into, value: q.value, deliberate: q.env, passed: date };
}

/** "3. Pin production to 2027-04-30.dahlia once 4.12 is running in production": a plan's step that takes
 * the change's value into a lagging environment once a version runs there (version-reached.ts), and a
 * record since — a release log's line, that environment's own config taking the version — that it does:
 * the step's only gate is met, a go. Not a step negated before its gate ("do not pin prod … until").
 * Still ahead, or with no such record, it moves nothing. */
function versionGated(p: LinkedPassage, q: MoveQuestion, next: EnvName[], log: CommitLog): DocumentedMove | undefined {
  if (q.value === null || !q.today) return undefined;
  for (const s of sentences(p.text)) {
    for (const into of next) {
      const gate = versionGate(s, into, q.environments);
      if (!gate || !mentions(gate.step, into) || !namesChanged(gate.step, q.value, q.key) || NEGATED_STEP.test(gate.step)) continue;
      const reached = versionPassedIn(gate.wait, log, p.written.date, q.today) ?? versionReached(gate.wait, log, p.written.date, q.today);
      if (!reached) continue;
      const phrase = `${gate.wait.clause.replace(/\*\*|__/g, '').slice(0, 80)}; met: ${reached.where} "${reached.quote.replace(/\*\*|__/g, '')}"`;
      return { kind: 'go', passage: p, phrase, into, value: q.value, deliberate: q.env, passed: reached.date };
    }
  }
  return undefined;
}
// A step refused or only supposed before its gate: "do not pin production … until", "nicht …", "ne pas …", "no …".
const NEGATED_STEP = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|don['’]t|nicht|kein\p{L}*|nie|pas|jamais|non|no|nunca|não|niet|nooit|ikke|inte|maybe|perhaps|vielleicht|peut-être|quizás)(?![\p{L}])`,
);

/** The day a document gives an event, on a line of its own that names it: "GA: **1 December 2026**",
 * "Launch date: 2026-11-20", "Go-live — 15 Nov 2026", "Cutover = 2026-11-03". */
function eventDate(text: string, event: string, written: string): string | undefined {
  const name = escapeRegExp(event);
  const re = new RegExp(String.raw`^[\s*_>#-]*${name}(?:\s+(?:day|date|on))?[*_\s]*(?:[:=—–]|is|on)\s*([^\n]{3,60})`, 'imu');
  const line = re.exec(text);
  if (!line) return undefined;
  return readDeadline(`on ${line[1]!.replace(/[*_`]/g, '')}`, written).date;
}

/** "Production first … dev, staging: to follow (same list)": an environment before the changed
 * one in the promotion order, said to follow it with no gate: a backport. An environment after
 * it said to follow is a rollout in progress, weighed by the kind's own rule, never moved here. */
function follow(p: LinkedPassage, q: MoveQuestion, lagging: EnvName[], rank: (env: EnvName) => number): DocumentedMove | undefined {
  // The environment furthest along the promotion order first: it stands for the ones before it.
  const before = lagging.filter((env) => rank(env) >= 0 && rank(env) < rank(q.env)).sort((a, b) => rank(b) - rank(a));
  for (const into of before) {
    // "dev, staging: to follow", "Staging must mirror production's heap": the follow family (conditions.ts).
    const phrase = followsIn(p.text, into);
    // Not where the sentence that says it keeps an environment where it is ("staging stays at 300, dev follows nothing").
    const clauses = sentences(p.text)
      .filter((x) => x.includes(phrase ?? '\0'))
      .flatMap((x) => x.split(/[,:;]\s|\s[—–-]\s/));
    if (phrase && clauses.some((c) => mentions(c, into) && STAYS.test(c))) continue;
    if (phrase) return { kind: 'follow', passage: p, phrase, into, value: q.value, deliberate: q.env };
    const due = catchesUpBy(p, into, q.today);
    if (due) return { kind: 'follow', passage: p, phrase: due.phrase, into, value: q.value, deliberate: q.env, passed: due.date };
  }
  return undefined;
}

/** "The 30-day limit applies to prod and acc": a passage written since the change, naming its value,
 * that binds a lagging environment by the same rule (applies.ts) — that environment follows. */
function bound(p: LinkedPassage, q: MoveQuestion, next: EnvName[]): DocumentedMove | undefined {
  if (q.value === null || !namesChanged(p.text, q.value, q.key)) return undefined;
  const found = boundBy(p.text, next, p.written.date, q.today);
  return found ? { kind: 'follow', passage: p, phrase: found.phrase, into: found.env, value: q.value, deliberate: q.env } : undefined;
}

/** "prd flag must go back off", "production has to be rolled back too", "prod zurück auf false": where
 * the changed environment went back to a value a lagging one held before it moved on (a rollback), a
 * passage written since saying the lagging environment goes back too, now, is the rollback followed
 * there: it takes the changed environment's value. Not a plan for later ("… once support confirms"),
 * not negated, and only in a clause that names the lagging environment and not the changed one. */
function backToo(p: LinkedPassage, q: MoveQuestion, lagging: EnvName[], log: CommitLog): DocumentedMove | undefined {
  if (Date.parse(p.written.date) <= Date.parse(q.changedAt)) return undefined;
  const text = eventText(p, p.message && p.line === 1 ? p.written.subject : undefined);
  if (text === undefined) return undefined;
  for (const into of lagging) {
    // The lagging environment held the changed environment's value before it moved on: going back is going to it.
    const events = log.envs.get(into)?.get(q.key) ?? [];
    if (!events.some((e) => e.from === q.value && Date.parse(e.date) < Date.parse(q.changedAt))) continue;
    for (const s of sentences(text)) {
      for (const clause of s.split(/[,;:]\s|\s[—–]\s/)) {
        if (!mentions(clause, into) || mentions(clause, q.env)) continue;
        const m = GOES_BACK.exec(clause);
        if (!m || /needed/i.test(m[0]) || NOT_NOW.test(clause)) continue;
        return { kind: 'follow', passage: p, phrase: clause.trim().slice(0, 80), into, value: q.value, deliberate: q.env };
      }
    }
  }
  return undefined;
}

// A lower environment said to catch up later: "catch up", "follow", "get it", "nachziehen", "aufholen",
// "se mettre à niveau", "ponerse al día", "bijwerken", "nadrobić".
const CATCH_UP = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:catch(?:es)? up|follows?|get (?:it|the fix|the update)|take (?:it|the fix) over|`,
  String.raw`ziehen (?:\S+\s+){0,4}?nach|nachziehen|holen (?:\S+\s+){0,3}?auf|aufholen|se mettre à (?:niveau|jour)|rattrap\p{L}*|ponerse al día|al día|bijwerken|nadrobi\p{L}*)(?![\p{L}])`,
);
// After the thing that held it ends: "after it ends", "once the freeze is lifted", "nach dem Freeze", "après le gel".
const AFTER_END = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|once|when|until|till|then|nach|nachdem|sobald|bis|danach|après|une fois|jusqu'au|después de|cuando|hasta|na|zodra|tot|po|do)(?![\p{L}])`,
);

/** "dev and staging stay on 4.2.0 during the freeze and catch up after it ends (1 December)": a lower
 * environment held back for a while and then to catch up, by a date the sentence gives, which has passed:
 * the backport is due. A date still ahead, or none, moves nothing (what held it may still hold). */
function catchesUpBy(p: LinkedPassage, into: EnvName, today: string | undefined): { phrase: string; date: string } | undefined {
  if (!today) return undefined;
  let named = false;
  for (const s of sentences(p.text)) {
    // "dev/staging: stay on the old image during the freeze; they catch up once it ends": the pronoun is the environment named before it.
    named = mentions(s, into) || (named && /^\s*(?:they|both|it|sie|beide|ils|elles|ellos|ambos|zij)(?![\p{L}])/iu.test(s));
    if (!named || /[?？]\s*$/u.test(s)) continue;
    const m = CATCH_UP.exec(s);
    if (!m || /(?<![\p{L}])(?:not|never|no|nicht|pas|nie)\s+(?:\p{L}+\s+)?$/iu.test(s.slice(0, m.index))) continue;
    const rest = s.slice(m.index);
    if (!AFTER_END.test(rest) && !AFTER_END.test(s.slice(0, m.index))) continue;
    const date = dateOf(s, p.written.date);
    if (!date || date > today) continue;
    return { phrase: rest.slice(0, 80).trim(), date };
  }
  return undefined;
}

/** The date a sentence gives, also one set in parentheses after the event it dates ("after it ends (1 December)"). */
function dateOf(s: string, written: string): string | undefined {
  const date = readDeadline(s, written).date;
  if (date) return date;
  for (const m of s.matchAll(/\(([^()]{3,40})\)/g)) {
    const inner = readDeadline(`on ${m[1]!}`, written).date;
    if (inner) return inner;
  }
  return undefined;
}
