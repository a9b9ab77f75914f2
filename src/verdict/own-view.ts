// The log as one key's verdict reads it (own-commits.ts: an undrift commit speaks for the keys its
// Drift-Key trailers record, and for no other). Apart from own-commits.ts, which the log itself
// reads its messages through.
import type { KeyPath } from '../model/types.js';
import type { CommitLog } from './log.js';

/** The log as the verdict on `key` reads it: an undrift commit that records other keys only is not
 * in it — neither its message nor its citation of a ticket. Its operator's reason ("Reason: waiting
 * for OPS-12 sign-off") speaks for the decisions it records; read by a ticket or gate reader, it
 * would answer another key's gate, end another key's test or restate its hold. The commit's changes
 * stay where they are (each event is already its own words about its key: `ownEvent`). The same
 * view for every key that the same undrift commits leave out, so the rules' per-log memos are made
 * once per view; the log itself where no undrift commit is left out (most logs). */
export function logFor(log: CommitLog | undefined, key: KeyPath): CommitLog | undefined {
  if (!log) return log;
  let known = viewsOf.get(log);
  if (!known) {
    const undrift = new Map<string, readonly string[]>();
    for (const m of log.messages.values()) if (m.recorded) undrift.set(m.sha, m.recorded);
    viewsOf.set(log, (known = { undrift, views: new Map() }));
  }
  if (known.undrift.size === 0) return log;
  const silent = [...known.undrift].filter(([, keys]) => !keys.includes(key)).map(([sha]) => sha);
  if (silent.length === 0) return log;
  const signature = silent.join(',');
  let view = known.views.get(signature);
  if (!view) {
    const out = new Set(silent);
    view = {
      ...log,
      messages: without(log.messages, (sha) => out.has(sha)),
      byTicket: without(
        log.byTicket,
        () => false,
        (shas) => (shas.some((sha) => out.has(sha)) ? shas.filter((sha) => !out.has(sha)) : shas),
      ),
    };
    known.views.set(signature, view);
  }
  return view;
}
const viewsOf = new WeakMap<CommitLog, { undrift: Map<string, readonly string[]>; views: Map<string, CommitLog> }>();

/** A view of `map` without the entries whose key `left` says are left out, each value as `shown`. */
function without<K, V>(map: Map<K, V>, left: (key: K) => boolean, shown: (value: V) => V = (v) => v): Map<K, V> {
  function* entries(): Generator<[K, V]> {
    for (const [k, v] of map) if (!left(k)) yield [k, shown(v)];
  }
  return new Proxy(map, {
    get(target, prop) {
      switch (prop) {
        case 'get':
          return (k: K) => {
            if (left(k)) return undefined;
            const v = target.get(k);
            return v === undefined ? v : shown(v);
          };
        case 'has':
          return (k: K) => !left(k) && target.has(k);
        case 'size':
          return [...entries()].length;
        case 'keys':
          return function* () {
            for (const [k] of entries()) yield k;
          };
        case 'values':
          return function* () {
            for (const [, v] of entries()) yield v;
          };
        case 'entries':
        case Symbol.iterator:
          return entries;
        case 'forEach':
          return (f: (v: V, k: K, m: Map<K, V>) => void) => {
            for (const [k, v] of entries()) f(v, k, target);
          };
        default: {
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}
