// The contract entry a change wrote with it. A commit that sets a value and, in the same commit,
// declares the difference with a reason and an expiry has stated its terms in the contract: the
// reason is why, the expiry is when it ends. Where the commit's own message says nothing the readers
// read (a language no table holds, a bare subject), or says "for the pen test" and no end, the
// entry it wrote is its word on both: a test or a temporary measure whose declared end has passed is
// over, as if the message had said "until <expires>".
import type { HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { contractPathsOf } from './contract-history.js';

export interface DeclaredWith {
  /** The commit that wrote the entry (the change's own). */
  sha: string;
  /** The entry's reason, as the contract holds it. */
  reason: string;
  /** YYYY-MM-DD: the expiry the change gave its declaration. */
  expires: string;
}

/** The declaration of `key` that `event`'s own commit wrote, with a reason and an expiry; undefined when
 * the entry came from another commit (a later extension or a renewal is its own text, not the change's). */
export function declaredWith(event: HistoryEvent, key: string, context: VerdictContext): DeclaredWith | undefined {
  const fields = contractPathsOf(key, context.contractHistory);
  const written = (field: string) => {
    for (const [path, events] of fields) {
      if (!path.endsWith(`.${field}`)) continue;
      const own = events.find((e) => e.commit === event.commit && e.to !== null && e.to !== '');
      if (own) return own.to!;
    }
    return undefined;
  };
  const expires = written('expires');
  const reason = written('reason');
  if (!expires || !reason || !/^\d{4}-\d{2}-\d{2}$/.test(expires.slice(0, 10))) return undefined;
  return { sha: event.commit, reason, expires: expires.slice(0, 10) };
}
