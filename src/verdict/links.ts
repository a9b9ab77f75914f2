// Links across the whole log: other commits citing the same ticket, and the keys changed in the
// same commit (siblings) — what happened to them since says what happened to the change.
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { newer, ticketsIn, type CommitLog } from './log.js';
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
}

const UNDO =
  /\b(?:revert|reverts|reverted|rollback|roll back|rolled back|undo|undid|remove|removed|clean ?up|cleaned up|restore|restored|back out|backed out|drop|dropped|revoke|revoked)\b/i;

/** What the log says about `decisive` (the change of `key` in `env`). */
export function readLinks(decisive: HistoryEvent, env: EnvName, key: KeyPath, log: CommitLog | undefined, f: Findings): Links {
  const links: Links = { siblingsUndone: [], siblingsKept: [] };
  if (!log || decisive.commit === 'work-tree') return links;
  for (const ticket of ticketsIn(`${decisive.subject}\n${decisive.body}`)) {
    for (const sha of log.byTicket.get(ticket) ?? []) {
      if (sha === decisive.commit) continue;
      const other = log.commits.get(sha)!;
      const later = newer(other.facts, decisive);
      const text = `${other.facts.subject}\n${other.facts.body}`;
      const sameKey = other.changes.filter((c) => c.key === key);
      if (later && UNDO.test(text)) {
        links.undoneElsewhere ??= other.facts;
        const where = [...new Set(other.changes.map((c) => c.env))];
        f.add(
          'ticket',
          `${ticket} is cited again, later, by ${describeCommit(other.facts)}, which undoes changes${where.length ? ` in ${list(where)}` : ''}: the ${ticket} changes were meant to be undone`,
          sha,
        );
      } else if (later && sameKey.some((c) => c.env !== env && c.event.to === decisive.to)) {
        const carried = sameKey.find((c) => c.env !== env && c.event.to === decisive.to)!;
        links.carriedElsewhere ??= { env: carried.env, event: carried.event };
        f.add('ticket', `${ticket} is cited again by ${describeCommit(other.facts)}, which set ${carried.env} to ${shown(decisive.to)} too`, sha);
      } else {
        f.add('ticket', `${ticket} is also cited by ${describeCommit(other.facts)}`, sha);
      }
    }
  }
  // Siblings: the other keys this commit changed in this environment, and where they stand now.
  const commit = log.commits.get(decisive.commit);
  const siblings = (commit?.changes ?? []).filter((c) => c.env === env && c.key !== key);
  // A commit that touched hundreds of keys is a refactor, not a set of related settings.
  for (const c of siblings.length <= 20 ? siblings : []) {
    const later = (log.envs.get(env)?.get(c.key) ?? []).filter((x) => newer(x, c.event));
    const undone = later.some((x) => x.to === c.event.from);
    (undone ? links.siblingsUndone : links.siblingsKept).push(c.key);
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
