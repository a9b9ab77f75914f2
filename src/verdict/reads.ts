// What a verdict read of the log, recorded at the one seam every rule reads through (the log in
// its context), and whether a commit the log did not have when it was weighed could change it.
// After one new commit a scan would otherwise weigh every divergence again (most of that run's
// time), since any of them may read the new message. The rules are not changed: they read a
// recording view of the same log.
import type { Divergence, EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { partsOf } from './broken.js';
import { documentIndex, keyName, passages } from './documents.js';
import { mentions } from './envnames.js';
import { namesStep } from './link-names.js';
import { citesIncident } from './intent.js';
import { ticketsIn, type CommitLog, type LoggedChange, type Message } from './log.js';
import { speaksOfFreeze } from './notes.js';
import { logTexts } from './texts.js';
import { recordingReads } from './unrecorded.js';
import { wordsOfKey } from '../parse/key-words.js';

/** What one verdict looked up in the log by name: keys (whose events it read in any environment),
 * tickets (whose citing commits it read), commits (whose message, changes or merges it read).
 * `ANY` among the keys or tickets: it read them all (went through every commit's changes, an
 * environment's every key, or every ticket). */
export const ANY = '\0any';

export interface VerdictReads {
  keys: string[];
  tickets: string[];
  commits: string[];
  /** The documents it looked into (a passage or the text of one, by path), `ANY` where it went
   * through the documents themselves; absent in verdicts kept before documents were recorded. */
  documents?: string[];
}

/** A recording view of a log: the rules read `log`, and `during` says what one verdict looked up.
 * One view serves every verdict of a scan, so the rules' per-log memos stay shared. */
export class ReadRecorder {
  readonly log: CommitLog;
  private current: { keys: Set<string>; tickets: Set<string>; commits: Set<string>; documents: Set<string> } | undefined;

  constructor(log: CommitLog) {
    // Not while an index of the log is made for every verdict (unrecorded.ts).
    const commit = (sha: unknown) => recordingReads() && this.current?.commits.add(String(sha));
    const key = (name: unknown) => recordingReads() && this.current?.keys.add(String(name));
    const ticket = (id: unknown) => recordingReads() && this.current?.tickets.add(String(id));
    const document = (path: string) => recordingReads() && this.current?.documents.add(path);
    const envCache = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
    const envView = (env: EnvName, keys: Map<KeyPath, HistoryEvent[]>) => {
      let view = envCache.get(env);
      if (!view) envCache.set(env, (view = recording(keys, key, undefined, () => key(ANY))));
      return view;
    };
    // Going through every message is what most rules do: a new one is judged by its words
    // (`mayChange`), not by this record.
    this.log = {
      ...log,
      commits: recording(log.commits, commit, undefined, () => key(ANY)),
      messages: recording(log.messages, commit),
      broughtBy: recording(log.broughtBy, commit),
      byTicket: recording(log.byTicket, ticket, undefined, () => ticket(ANY)),
      envs: recording(log.envs, undefined, envView),
      // Going through the documents themselves (not the scan's document index) reads them all.
      documents: new Proxy(log.documents, {
        get(target, prop) {
          document(ANY);
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }),
    };
    // The scan's document index (documents.ts), made here for this view before any verdict reads it
    // (made within one, it would record that verdict as going through every document): each entry
    // records the verdicts that look into it, past the rules' test of its whole text in lower case.
    const index = documentIndex(this.log);
    for (let i = 0; i < index.length; i++) {
      const entry = index[i]!;
      index[i] = new Proxy(entry, {
        get(target, prop) {
          if (prop === 'passages' || prop === 'text') document(target.path);
          return Reflect.get(target, prop, target) as unknown;
        },
      });
    }
  }

  /** `weigh`'s result, and what it looked up in `log` meanwhile. */
  during<T>(weigh: () => T): { result: T; reads: VerdictReads } {
    const outer = this.current;
    const reading = { keys: new Set<string>(), tickets: new Set<string>(), commits: new Set<string>(), documents: new Set<string>() };
    this.current = reading;
    try {
      const result = weigh();
      return {
        result,
        reads: { keys: [...reading.keys], tickets: [...reading.tickets], commits: [...reading.commits], documents: [...reading.documents] },
      };
    } finally {
      this.current = outer;
    }
  }
}

/** A view of `map` that calls `looked` with every key asked by `get`/`has` and `scanned` when it is
 * gone through; `wrap` gives the view of each value (the envs' key maps), also as iterated. */
function recording<K, V>(map: Map<K, V>, looked?: (key: K) => void, wrap?: (key: K, value: V) => V, scanned?: () => void): Map<K, V> {
  const view = (k: K, v: V) => (wrap ? wrap(k, v) : v);
  // One `get` and one `has` for the view, not a new function at each look-up: the rules look up the
  // log's maps for every event of every divergence.
  const get = (k: K) => {
    looked?.(k);
    const v = map.get(k);
    return v === undefined ? v : view(k, v);
  };
  const has = (k: K) => (looked?.(k), map.has(k));
  return new Proxy(map, {
    get(target, prop) {
      if (scanned && (prop === 'values' || prop === 'entries' || prop === 'keys' || prop === 'forEach' || prop === Symbol.iterator)) scanned();
      switch (prop) {
        case 'get':
          return get;
        case 'has':
          return has;
        case 'values':
          return function* () {
            for (const [k, v] of target) yield view(k, v);
          };
        case 'entries':
        case Symbol.iterator:
          return function* () {
            for (const [k, v] of target) yield [k, view(k, v)] as [K, V];
          };
        case 'forEach':
          return (f: (v: V, k: K, m: Map<K, V>) => void) => target.forEach((v, k) => f(view(k, v), k, target));
        default: {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

/** A commit the log did not have when a verdict was weighed, as the rules could see it (what
 * every verdict asks of it, read once). */
export interface AddedCommit {
  /** Seen by every verdict: a merge (it changes what brought older commits in), or a text that
   * names an environment, a freeze or an incident. */
  seenByAll: boolean;
  /** The keys it changed. */
  changed: Set<KeyPath>;
  /** Its subject and body, lower case. */
  folded: string;
  tickets: string[];
  /** The parts of the keys it changed (as a condition names a key: lower case, between
   * punctuation). */
  keyParts: Set<string>;
  /** Its author's first name, lower case, as a gate names a person ("prod after Maria's OK",
   * approval.ts `peopleOf`): her word is the go whatever it says ("LGTM"). */
  writer?: string;
}

export function addedCommit(message: Message, changes: readonly LoggedChange[], environments: readonly EnvName[]): AddedCommit {
  const text = `${message.subject}\n${message.body}`;
  return {
    seenByAll: message.parents.length > 1 || speaksOfFreeze(text) || citesIncident(text) !== undefined || environments.some((env) => mentions(text, env)),
    changed: new Set(changes.map((c) => c.key)),
    folded: text.toLowerCase(),
    tickets: ticketsIn(text),
    keyParts: new Set(changes.flatMap((c) => c.key.toLowerCase().split(/[^a-z0-9]+/))),
    ...(writerOf(message.author) ? { writer: writerOf(message.author)! } : {}),
  };
}

/** A first name a gate can name (approval.ts `peopleOf`: three letters or more, a capital first). */
function writerOf(author: string): string | undefined {
  const first = author.trim().split(/\s+/)[0] ?? '';
  return first.length >= 3 && /^\p{Lu}/u.test(first) ? first.toLowerCase() : undefined;
}

/** Could `added` change the verdict of `d`, weighed with `events` (its key's, every environment)
 * having looked up `reads`? Conservative: a no means no rule can see the commit. A commit is seen
 * by name (it changed a key the verdict read; it cites a ticket it looked up; it is a merge, which
 * changes what brought older commits in) or by its words, since several rules read every message
 * for what names their key: its environments, freezes and incidents (which concern any key), the
 * key's own words, the tickets, words and versions of the messages the verdict read (a condition
 * that waits for "the broker move" is met by a later commit saying so), or one of its values. */
export function mayChange(
  added: readonly AddedCommit[],
  d: Pick<Divergence, 'key' | 'values'>,
  events: readonly HistoryEvent[],
  reads: VerdictReads,
  log: CommitLog,
): boolean {
  if (added.length === 0) return false;
  const anyKey = reads.keys.includes(ANY);
  if (added.some((c) => c.seenByAll || c.changed.has(d.key) || (anyKey && c.changed.size > 0) || reads.keys.some((k) => c.changed.has(k)))) return true;
  if (reads.tickets.includes(ANY) && added.some((c) => c.tickets.length > 0)) return true;
  if (keyWordNamed(added, d.key)) return true;
  if (reads.tickets.some((t) => added.some((c) => c.tickets.includes(t)))) return true;
  // The texts the verdict read: its key's events' messages and the commits it looked up.
  for (const e of events) if (textMayChange(added, e.commit, () => `${e.subject}\n${e.body}`)) return true;
  for (const sha of reads.commits) {
    const m = log.messages.get(sha) ?? log.commits.get(sha)?.facts;
    if (textMayChange(added, sha, () => (m ? `${m.subject}\n${m.body}` : ''))) return true;
  }
  let answers = valueAnswers.get(added);
  if (!answers) valueAnswers.set(added, (answers = { named: new Map(), present: new Map() }));
  const { named, present } = answers;
  for (const v of Object.values(d.values))
    for (const value of [v.repo, v.live]) {
      if (value === null || value.length < 2) continue;
      let answer = named.get(value);
      if (answer === undefined) named.set(value, (answer = added.some((c) => namesValue(c.folded, value.toLowerCase()) || namesPart(c.folded, value))));
      if (answer) return true;
    }
  // A commit that changed no key is read as a document is (documented.ts): the change as a step from
  // one of the key's values to another, however short ("from 3 to 5", link-names.ts `namesStep`):
  // asked only where two of them are in a commit's text.
  const inText = new Set<string>();
  const look = (x: string | null) => {
    const value = x?.trim().toLowerCase();
    if (!value) return;
    let answer = present.get(value);
    if (answer === undefined) present.set(value, (answer = added.some((c) => c.folded.includes(value))));
    if (answer) inText.add(value);
  };
  for (const v of Object.values(d.values)) for (const x of [v.repo, v.live]) look(x);
  for (const e of events) for (const x of [e.from, e.to]) look(x);
  if (inText.size < 2) return false;
  return added.some((c) => [...inText].some((from) => [...inText].some((to) => from !== to && namesStep(c.folded, from, to))));
}

/** A key the added commits brought into the log (none of its events is older than them, in any
 * environment), with its own name as the log's key list names it (documents.ts `keysOf`). */
export interface NewKey {
  key: KeyPath;
  name?: { pattern: RegExp; run?: string };
}

/** The keys the commits `added` (by sha) brought into `log`. Only they change the log's key list:
 * a key's events stay in the log after it is removed from every file. */
export function newKeysOf(added: readonly string[], log: CommitLog): NewKey[] {
  const shas = new Set(added);
  const changed = new Set<KeyPath>();
  for (const sha of shas) for (const c of log.commits.get(sha)?.changes ?? []) changed.add(c.key);
  const out: NewKey[] = [];
  for (const key of changed) {
    if ([...log.envs.values()].some((keys) => keys.get(key)?.some((e) => !shas.has(e.commit)))) continue;
    const name = keyName(key);
    out.push({ key, ...(name ? { name } : {}) });
  }
  return out;
}

/** Could the keys the added commits brought into the log (`newKeysOf`) change the verdict of `d`,
 * weighed having looked up `reads`? The log's key list is read for every verdict through indexes
 * made unrecorded (unrecorded.ts), so no verdict records it, and the commit's text may name nothing
 * the verdict read: a passage naming another key of the log by its own name is about that key
 * (documents.ts `namesOtherKey`, `namesOtherKeyWith`), and a leaf another key shares names a key
 * only with a word of its own path (`qualifiersOf`; only a passage naming the leaf is asked, and a
 * key sharing the leaf goes by the same name in prose, or by a parent word that is itself one of
 * the qualifiers: such a passage names the new key too). Yes where a document the verdict looked
 * into names a new key, and where a message read as a document does (those reads are not
 * recorded). Wider than the rules (a whole text or passage tested, whichever link it made): a yes
 * only weighs the verdict again. */
export function keyListMayChange(newKeys: readonly NewKey[], reads: VerdictReads, log: CommitLog): boolean {
  if (newKeys.length === 0) return false;
  let naming = textsNaming.get(newKeys);
  if (!naming) textsNaming.set(newKeys, (naming = textsNamingOf(newKeys, log)));
  if (naming.message) return true;
  const looked = reads.documents ?? [ANY];
  return looked.includes(ANY) ? naming.documents.size > 0 : looked.some((p) => naming.documents.has(p));
}

/** Per list of new keys, the documents (by path) and whether a message read as a document names one of them. */
const textsNaming = new WeakMap<readonly NewKey[], { documents: Set<string>; message: boolean }>();

function textsNamingOf(newKeys: readonly NewKey[], log: CommitLog): { documents: Set<string>; message: boolean } {
  const names = newKeys.flatMap((k) => (k.name ? [k.name] : []));
  const named = (text: string, lower: string) =>
    names.some(
      (n) =>
        (n.run === undefined || lower.includes(n.run)) &&
        (n.pattern.test(text) || passages(text).some((p) => (n.run === undefined || p.text.toLowerCase().includes(n.run)) && n.pattern.test(p.text))),
    );
  const documents = new Set<string>();
  for (const doc of documentIndex(log)) if (named(doc.text, doc.lower)) documents.add(doc.path);
  // A later commit that changed no key is read as a document is (documented.ts `messageIndex`).
  const message = logTexts(log).all.some((t) => !t.merge && (log.commits.get(t.note.sha)?.changes.length ?? 0) === 0 && named(t.text, t.folded));
  return { documents, message };
}

/** Per set of added commits, per value: whether a text names it (whole or by a part), and whether
 * it is in a text at all (after one new commit, 3,382 verdicts' values were tested again each). */
const valueAnswers = new WeakMap<readonly AddedCommit[], { named: Map<string, boolean>; present: Map<string, boolean> }>();

/** Per value, the parts a record of it refused or shut down names it by (broken.ts `partsOf`: its
 * host, a label of it, its product, a word of its host with its port, a short value), lower case;
 * with no other values given, so every part a rule could count is there. */
const partsByValue = new Map<string, { parts: string[]; port?: string; short?: string }>();

/** Whether `folded` (a text, lower case) holds a part of `value` a rule can name it by: a new commit
 * "the old broker (9093) was switched off" concerns `broker.msg-a.svc:9093`. Wider than the rule
 * (a part anywhere, a port without its word): a yes only weighs the verdict again. */
function namesPart(folded: string, value: string): boolean {
  let parts = partsByValue.get(value);
  if (!parts) {
    if (partsByValue.size >= 20_000) partsByValue.clear();
    const read = partsOf(value, []);
    parts = {
      parts: read.parts.map((p) => p.toLowerCase()),
      ...(read.port ? { port: read.port.port } : {}),
      ...(read.short ? { short: read.short.toLowerCase() } : {}),
    };
    partsByValue.set(value, parts);
  }
  return (
    parts.parts.some((p) => folded.includes(p)) ||
    (parts.port !== undefined && folded.includes(parts.port)) ||
    (parts.short !== undefined && namesValue(folded, parts.short))
  );
}

/** Per set of added commits, whether each commit's text a verdict read could be changed by them
 * (a commit's message comes back in many verdicts: with every key it changed, in every
 * environment; read once per commit, after one new commit 3,382 verdicts' checks took ~0.3 s). */
const textAnswers = new WeakMap<readonly AddedCommit[], Map<string, boolean>>();

/** Whether the added commits cite a ticket of the text of commit `sha`, or name one of its words
 * or versions, or change a key one of its words is a part of (a condition is met by a change of
 * the key it names). */
function textMayChange(added: readonly AddedCommit[], sha: string, textOf: () => string): boolean {
  let answers = textAnswers.get(added);
  if (!answers) textAnswers.set(added, (answers = new Map<string, boolean>()));
  let answer = answers.get(sha);
  if (answer === undefined) {
    const text = textOf();
    const tickets = ticketsIn(text);
    const named = [...words(text), ...(text.match(/(?<!\d)\d+(?:\.\d+)+/g) ?? [])];
    answer = added.some((c) => c.tickets.some((t) => tickets.includes(t))) || named.some((n) => added.some((c) => c.folded.includes(n) || c.keyParts.has(n)));
    // A text that names the author of an added commit may wait for that person's word.
    if (!answer && added.some((c) => c.writer)) {
      const spoken = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
      answer = added.some((c) => c.writer !== undefined && spoken.has(c.writer));
    }
    answers.set(sha, answer);
  }
  return answer;
}

/** Per set of added commits, whether a word of a key (see `fragments`) is in one of their texts:
 * keys share most of their words (`govukApplications`, `helmValues`, `image`), and after one new
 * commit the words of 3,382 kept verdicts' keys were split and searched for again, each (~50 ms). */
const wordAnswers = new WeakMap<readonly AddedCommit[], Map<string, boolean>>();

/** Whether the text of an added commit holds one of the words of `key` (two letters or more). */
export function keyWordNamed(added: readonly AddedCommit[], key: KeyPath): boolean {
  let answers = wordAnswers.get(added);
  if (!answers) wordAnswers.set(added, (answers = new Map<string, boolean>()));
  // A key's parts between punctuation, each split at its camel-case humps: the words of the key as
  // a whole (no hump spans punctuation, so the parts can be split alone).
  for (const part of key.split(/[^A-Za-z0-9]+/)) {
    let answer = answers.get(part);
    if (answer === undefined) {
      const words = fragments(part, 2);
      answer = words.some((w) => added.some((c) => c.folded.includes(w)));
      answers.set(part, answer);
    }
    if (answer) return true;
  }
  return false;
}

/** The words of a key (`consumer.prefetchCount` → consumer, prefetch, count, prefetchcount). */
function fragments(key: KeyPath, min: number): string[] {
  const camel = wordsOfKey(key);
  return [...new Set([...camel, ...key.split(/[^A-Za-z0-9]+/)].map((w) => w.toLowerCase()).filter((w) => w.length >= min))];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4 && !/^\d+$/.test(w));

function namesValue(folded: string, value: string): boolean {
  for (let at = folded.indexOf(value); at >= 0; at = folded.indexOf(value, at + 1)) {
    const before = folded[at - 1];
    const after = folded[at + value.length];
    if ((before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after))) return true;
  }
  return false;
}
