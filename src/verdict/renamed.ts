// A key renamed or moved keeps the old key's history for the verdict. A refactor that nests
// settings ("session_cookie_secure" → "session.cookie.secure"), renames a key's case or separators
// ("maxPoolSize" → "max_pool_size") or moves it under another parent ("timeout" → "http.timeout")
// removes the old key and adds the new one in one commit: read as it is, the new key's history
// starts at the refactor, and an undo of it would remove the key. The old key's events are the new
// key's, and the refactor is one change of it, from the old key's value to the new one's — so a
// value the refactor changed ("no functional change", staging's flag came out false) is a change
// like any other, and one it kept is no change at all.
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import type { CommitLog } from './log.js';
import { unrecorded } from './unrecorded.js';

/** The words of a key's name: separators, nesting and case do not make another key
 * ("session_cookie_secure", "session.cookie.secure", "sessionCookieSecure"; "HTTPClient" is "http client").
 * A list item's name stands for its index (`env[name=LOG_LEVEL].value`). Read character by character. */
export function nameWords(key: KeyPath): string[] {
  const words: string[] = [];
  let word = '';
  const kind = (ch: string | undefined) => (ch === undefined ? 0 : /[a-z]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 3 : 0);
  const flush = () => {
    if (word) words.push(word.toLowerCase());
    word = '';
  };
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    const k = kind(ch);
    if (k === 0) {
      flush();
      continue;
    }
    const before = kind(key[i - 1]);
    // A capital starts a word after a small letter or a digit ("maxPool"), and ends a run of capitals
    // when a small letter follows it ("HTTPClient": "HTTP", "Client").
    if (k === 2 && word && (before === 1 || before === 3 || (before === 2 && kind(key[i + 1]) === 1))) flush();
    word += ch;
  }
  flush();
  return words;
}

const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** A key gone for good, with its name's words (and them sorted) once asked: a commit that removed many keys
 * and added as many had every removed key's words split again for each key it added. */
interface Removal {
  key: KeyPath;
  events: HistoryEvent[];
  words?: string[];
  sorted?: string[];
}
/** Keys removed per commit and environment, indexed once per log. */
const removalsOf = new WeakMap<CommitLog, Map<string, Removal[]>>();
function removals(log: CommitLog): Map<string, Removal[]> {
  let index = removalsOf.get(log);
  if (index) return index;
  index = new Map();
  unrecorded(() => fill(log, index));
  removalsOf.set(log, index);
  return index;
}
function fill(log: CommitLog, index: Map<string, Removal[]>): void {
  for (const [env, keys] of log.envs) {
    for (const [key, events] of keys) {
      const last = events[0];
      // A key gone for good: its newest event removed it.
      if (!last || last.to !== null || last.from === null) continue;
      const id = `${env}\0${last.commit}`;
      const list = index.get(id);
      if (list) list.push({ key, events });
      else index.set(id, [{ key, events }]);
    }
  }
}

/** The key this environment's `key` was before the commit that added it, where that commit removed
 * exactly one key of the same name — its words, however separated, nested, cased or ordered
 * ("session_cookie_secure", "uploadMaxMb" for "max_upload_mb") — or, failing that, exactly one key
 * it moved under another parent or out of one (the old name's words end the new one's, or the
 * other way round: "timeout_seconds" → "http.timeout_seconds"). */
function renamedFrom(key: KeyPath, added: HistoryEvent, env: EnvName, log: CommitLog): { key: KeyPath; events: HistoryEvent[] } | undefined {
  const gone = (removals(log).get(`${env}\0${added.commit}`) ?? []).filter((r) => r.key !== key);
  if (gone.length === 0) return undefined;
  const words = nameWords(key);
  const sorted = [...words].sort();
  const wordsOf = (r: Removal) => (r.words ??= nameWords(r.key));
  const same = gone.filter((r) => sameWords((r.sorted ??= [...wordsOf(r)].sort()), sorted));
  if (same.length > 0) return same.length === 1 ? same[0] : undefined;
  const endsWith = (a: string[], b: string[]) => b.length >= 2 && b.length < a.length && sameWords(a.slice(a.length - b.length), b);
  const moved = gone.filter((r) => endsWith(words, wordsOf(r)) || endsWith(wordsOf(r), words));
  return moved.length === 1 ? moved[0] : undefined;
}

/** The key's history per environment with a rename or move followed back: the event that added the
 * key under its new name becomes a change from the old key's value (`renamedFrom`), and the old
 * key's earlier events follow it. Histories with no such addition come back as they are. */
export function followKeyRenames(key: KeyPath, history: Record<EnvName, HistoryEvent[]>, log: CommitLog | undefined): Record<EnvName, HistoryEvent[]> {
  if (!log) return history;
  let out: Record<EnvName, HistoryEvent[]> | undefined;
  for (const [env, events] of Object.entries(history)) {
    const added = events.at(-1);
    if (!added || added.from !== null || added.to === null || added.truncated || added.renamedFrom) continue;
    const old = renamedFrom(key, added, env, log);
    if (!old) continue;
    // The old key's events are this verdict's reading (reads.ts records it by the key's name).
    log.envs.get(env)?.get(old.key);
    const renamed: HistoryEvent = { ...added, from: old.events[0]!.from, renamedFrom: old.key };
    out ??= { ...history };
    out[env] = [...events.slice(0, -1), renamed, ...old.events.slice(1)];
  }
  return out ?? history;
}

/** The log with every renamed or moved key's history followed back (once per log; the same log
 * when nothing was renamed), so every reader of a key's events in the log sees what the verdict
 * sees. The log's own maps stay underneath: a key looked up reads through them (and is recorded
 * as read, reads.ts), and only a renamed key's events are its followed history. */
const followedLogs = new WeakMap<CommitLog, CommitLog>();
export function followedLog(log: CommitLog | undefined): CommitLog | undefined {
  if (!log) return log;
  const known = followedLogs.get(log);
  if (known) return known;
  const renamed = unrecorded(() => {
    const out = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
    const gone = removals(log);
    for (const [env, keys] of log.envs) {
      for (const [key, events] of keys) {
        // Only a key added by a commit that removed a key of this environment may be renamed (`renamedFrom`):
        // asked of every key of the log, the rest was most of this index (the one verdict weighed after a new commit).
        const added = events.at(-1);
        if (!added || added.from !== null || !gone.has(`${env}\0${added.commit}`)) continue;
        const followed = followKeyRenames(key, { [env]: events }, log)[env]!;
        if (followed === events) continue;
        if (!out.has(env)) out.set(env, new Map());
        out.get(env)!.set(key, followed);
      }
    }
    return out;
  });
  const out = renamed.size === 0 ? log : { ...log, envs: followedEnvs(log.envs, renamed) };
  followedLogs.set(log, out);
  followedLogs.set(out, out);
  return out;
}

/** A view of the environments' key maps in which a renamed key's `get` is its followed history. */
function followedEnvs(envs: CommitLog['envs'], renamed: Map<EnvName, Map<KeyPath, HistoryEvent[]>>): CommitLog['envs'] {
  const views = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
  const viewOf = (env: EnvName, keys: Map<KeyPath, HistoryEvent[]>) => {
    const followed = renamed.get(env);
    if (!followed) return keys;
    let view = views.get(env);
    if (!view) views.set(env, (view = overlay(keys, followed)));
    return view;
  };
  return new Proxy(envs, {
    get(target, prop) {
      if (prop === 'get')
        return (env: EnvName) => {
          const keys = target.get(env);
          return keys ? viewOf(env, keys) : keys;
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function overlay(keys: Map<KeyPath, HistoryEvent[]>, followed: Map<KeyPath, HistoryEvent[]>): Map<KeyPath, HistoryEvent[]> {
  return new Proxy(keys, {
    get(target, prop) {
      if (prop === 'get')
        return (key: KeyPath) => {
          const events = target.get(key);
          return followed.get(key) ?? events;
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
