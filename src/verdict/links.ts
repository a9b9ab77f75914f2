// Links across the whole log: other commits citing the same ticket, and the keys changed in the
// same commit (siblings) — what happened to them since says what happened to the change.
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { newer, ticketsIn, type CommitLog, type LoggedCommit } from './log.js';
import { reportsDone, withdrawalIn } from './intent.js';
import type { Findings } from './findings.js';
import { describeCommit, list, shown } from './words.js';

export interface Links {
  /** A later commit citing the same ticket undid its changes elsewhere, or one of them. */
  undoneElsewhere?: HistoryEvent;
  /** A later commit citing the same ticket carried the change into another environment. */
  carriedElsewhere?: { env: EnvName; event: HistoryEvent };
  /** Siblings changed in the same commit and since returned to their value before, in this env. */
  siblingsUndone: KeyPath[];
  /** Siblings changed in the same commit that still hold the value it gave them. */
  siblingsKept: KeyPath[];
  /** Siblings whose value from the same commit the contract forbids in this environment. */
  siblingsForbidden: KeyPath[];
  /** A later commit citing the same ticket says the work it was for is done. */
  endedElsewhere?: HistoryEvent;
}

/** Whether the contract allows `env` a value of `key` (undefined where it says nothing). */
export type ContractCheck = (key: KeyPath, env: EnvName, value: string | null) => boolean | undefined;

/** A logged commit, or one known only by its message (it changed no key). */
function commitOf(sha: string, log: CommitLog): LoggedCommit | undefined {
  const logged = log.commits.get(sha);
  if (logged) return logged;
  const m = log.messages.get(sha);
  if (!m) return undefined;
  const facts: HistoryEvent = { ...m, commit: m.sha, file: '', from: null, to: null, merge: m.parents.length > 1, revert: false, order: m.order };
  return { facts, changes: [] };
}

/** Is `a` newer than `b`? By the whole log's graph order where both are in it. */
function later(a: HistoryEvent, b: HistoryEvent, log: CommitLog): boolean {
  const x = log.messages.get(a.commit);
  const y = log.messages.get(b.commit);
  if (x && y) return x.order < y.order;
  return newer(a, b);
}

const UNDO =
  /\b(?:revert|reverts|reverted|rollback|roll back|rolled back|undo|undid|remove|removed|clean ?up|cleaned up|restore|restored|back out|backed out|drop|dropped|revoke|revoked)\b/i;

/** Nothing linked: what a change without a log, or without a commit, has. */
export const noLinks = (): Links => ({ siblingsUndone: [], siblingsKept: [], siblingsForbidden: [] });

// A commit's changes in one environment, and how many of them each key has, made once per commit:
// every divergence a refactor of thousands of keys decided filtered all its changes again (0.2 s
// of a scan). Made again if the list grew.
const byEnv = new WeakMap<LoggedCommit, { length: number; envs: Map<EnvName, { changes: LoggedCommit['changes']; perKey: Map<KeyPath, number> }> }>();
function changesIn(commit: LoggedCommit, env: EnvName): { changes: LoggedCommit['changes']; perKey: Map<KeyPath, number> } | undefined {
  let memo = byEnv.get(commit);
  if (!memo || memo.length !== commit.changes.length) {
    memo = { length: commit.changes.length, envs: new Map() };
    for (const c of commit.changes) {
      let e = memo.envs.get(c.env);
      if (!e) memo.envs.set(c.env, (e = { changes: [], perKey: new Map() }));
      e.changes.push(c);
      e.perKey.set(c.key, (e.perKey.get(c.key) ?? 0) + 1);
    }
    byEnv.set(commit, memo);
  }
  return memo.envs.get(env);
}

/** A commit that changed more of an environment's keys than this beside the key is a refactor: its
 * other changes are no siblings (the kept verdicts' keys read the contract for siblings alone). */
export const SIBLINGS_AT_MOST = 20;

/** A change of the key by a later commit, in an environment downstream of `env`, from the value
 * `decisive` set back to the one it replaced, and the latest change there: the ticket's change
 * taken back further along the promotion line. Only downstream: an upstream environment putting a
 * value back says nothing about the one that went further (a hotfix in production stays). */
function takenBack(
  sameKey: LoggedCommit['changes'],
  decisive: HistoryEvent,
  env: EnvName,
  key: KeyPath,
  log: CommitLog,
  downstream: ((other: EnvName) => boolean) | undefined,
): LoggedCommit['changes'][number] | undefined {
  if (!downstream || decisive.from === decisive.to) return undefined;
  return sameKey.find(
    (c) =>
      c.env !== env &&
      downstream(c.env) &&
      c.event.from === decisive.to &&
      c.event.to === decisive.from &&
      !(log.envs.get(c.env)?.get(key) ?? []).some((x) => x.commit !== c.event.commit && newer(x, c.event)),
  );
}

/** A downstream environment's latest change of `key`, later than `decisive`, from the value it set
 * back to the one it replaced, whose text says it is a rollback: the change withdrawn there. */
function rolledBackFurther(
  decisive: HistoryEvent,
  env: EnvName,
  key: KeyPath,
  log: CommitLog,
  downstream: ((other: EnvName) => boolean) | undefined,
): { env: EnvName; event: HistoryEvent; phrase: string } | undefined {
  if (!downstream || decisive.from === null || decisive.from === decisive.to) return undefined;
  for (const [other, keys] of log.envs) {
    if (other === env || !downstream(other)) continue;
    const events = keys.get(key) ?? [];
    const latest = events.reduce<HistoryEvent | undefined>((a, x) => (!a || newer(x, a) ? x : a), undefined);
    if (!latest || latest.from !== decisive.to || latest.to !== decisive.from || !later(latest, decisive, log)) continue;
    const phrase = withdrawalIn(`${latest.subject}\n${latest.body}`);
    if (phrase) return { env: other, event: latest, phrase };
  }
  return undefined;
}

/** What the log says about `decisive` (the change of `key` in `env`). */
export function readLinks(
  decisive: HistoryEvent,
  env: EnvName,
  key: KeyPath,
  log: CommitLog | undefined,
  f: Findings,
  allowed?: ContractCheck,
  downstream?: (other: EnvName) => boolean,
): Links {
  const links = noLinks();
  if (!log) return links;
  for (const ticket of ticketsIn(`${decisive.subject}\n${decisive.body}`)) {
    for (const sha of log.byTicket.get(ticket) ?? []) {
      if (sha === decisive.commit) continue;
      const other = commitOf(sha, log);
      if (!other) continue;
      const isLater = later(other.facts, decisive, log);
      const text = `${other.facts.subject}\n${other.facts.body}`;
      const sameKey = other.changes.filter((c) => c.key === key);
      // "PAY-7 rolled back, done": the work done is an undo, never the go the change waited for.
      const done = isLater && other.changes.length === 0 && !UNDO.test(text) ? reportsDone(`${other.facts.subject}\n${other.facts.body}`) : undefined;
      if (done) {
        links.endedElsewhere ??= other.facts;
        f.add('ticket', `${ticket} is cited again, later, by ${describeCommit(other.facts)}, which says the work is done ("${done}")`, sha);
      } else if (isLater && UNDO.test(text)) {
        links.undoneElsewhere ??= other.facts;
        const where = [...new Set(other.changes.map((c) => c.env))];
        f.add(
          'ticket',
          `${ticket} is cited again, later, by ${describeCommit(other.facts)}, which undoes changes${where.length ? ` in ${list(where)}` : ''}: the ${ticket} changes were meant to be undone`,
          sha,
        );
      } else if (isLater && takenBack(sameKey, decisive, env, key, log, downstream)) {
        // The ticket's change went further along the line and was later put back there, by the
        // same ticket, and stays back: the work it was for is over, whatever words the commit used
        // ("shadow compare off", "closing PRICE-77", "Rückbau"); what still holds it was left behind.
        const back = takenBack(sameKey, decisive, env, key, log, downstream)!;
        links.undoneElsewhere ??= other.facts;
        f.add(
          'ticket',
          `${ticket} is cited again, later, by ${describeCommit(other.facts)}, which put ${back.env} back to ${shown(decisive.from)}: the ${ticket} change was taken back further along`,
          sha,
        );
      } else if (isLater && sameKey.some((c) => c.env !== env && c.event.to === decisive.to)) {
        const carried = sameKey.find((c) => c.env !== env && c.event.to === decisive.to)!;
        links.carriedElsewhere ??= { env: carried.env, event: carried.event };
        f.add('ticket', `${ticket} is cited again by ${describeCommit(other.facts)}, which set ${carried.env} to ${shown(decisive.to)} too`, sha);
      } else {
        f.add('ticket', `${ticket} is also cited by ${describeCommit(other.facts)}`, sha);
      }
    }
  }
  // Without a ticket: the same value taken back further along the line, by a later commit that says
  // it rolled it back ("rolled the timeout back in staging, the import broke", "zurückgerollt", "on
  // revient à l'ancienne valeur"). The change was withdrawn where it went next, so it is no go
  // toward production: what still holds it was left behind. A bare edit putting the value back says
  // no rollback (a merge, a slip) and links nothing.
  const rolledBack = links.undoneElsewhere ? undefined : rolledBackFurther(decisive, env, key, log, downstream);
  if (rolledBack) {
    links.undoneElsewhere = rolledBack.event;
    f.add(
      'intent',
      `${describeCommit(rolledBack.event)} rolled ${rolledBack.env} back from ${shown(decisive.to)} to ${shown(decisive.from)} ("${rolledBack.phrase}"): the change was withdrawn further along`,
      rolledBack.event.commit,
    );
  }
  // Siblings: the other keys this commit changed in this environment, and where they stand now.
  const commit = log.commits.get(decisive.commit);
  const inEnv = commit ? changesIn(commit, env) : undefined;
  const count = inEnv ? inEnv.changes.length - (inEnv.perKey.get(key) ?? 0) : 0;
  // A commit that touched hundreds of keys is a refactor, not a set of related settings.
  const siblings = inEnv && count <= SIBLINGS_AT_MOST ? inEnv.changes.filter((c) => c.key !== key) : [];
  for (const c of siblings) {
    const since = (log.envs.get(env)?.get(c.key) ?? []).filter((x) => newer(x, c.event));
    const undone = since.some((x) => x.to === c.event.from);
    (undone ? links.siblingsUndone : links.siblingsKept).push(c.key);
    // Still holding what this commit gave it, and the contract forbids that here.
    if (since.length === 0 && allowed?.(c.key, env, c.event.to) === false) links.siblingsForbidden.push(c.key);
  }
  if (links.siblingsUndone.length > 0) {
    f.add(
      'ticket',
      `${describeCommit(decisive)} also changed ${list(links.siblingsUndone)} in ${env}, which ${links.siblingsUndone.length === 1 ? 'has' : 'have'} since been put back: this one was left behind`,
      decisive.commit,
    );
  } else if (links.siblingsKept.length > 0 && links.siblingsKept.length <= 4) {
    f.add('ticket', `changed together with ${list(links.siblingsKept)} in ${env} by the same commit`, decisive.commit);
  }
  return links;
}
