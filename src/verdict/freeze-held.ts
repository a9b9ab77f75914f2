// An object whose definition reached an environment's files while that environment's deploys were
// frozen (a sync switched off for a migration, a change freeze) and that is missing there live was
// held back by the freeze, not retired: nothing deployed it. Once the freeze is over, the reason it
// lags is gone, and it is deployed — as a value that lagged behind a freeze that is over is promoted
// (difference.ts). Below the confident line: the deploy may have failed for a reason of its own.
import type { Divergence, EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import { describeFreeze, freezeOn } from './notes.js';
import { day, describeCommit } from './words.js';

/** The commit that first wrote the object into the environment's files: the oldest event of any of
 * its keys that adds a value where there was none. */
function addedBy(d: Divergence, env: EnvName, context: VerdictContext): HistoryEvent | undefined {
  const keys = context.log?.envs.get(env);
  if (!keys) return undefined;
  let first: HistoryEvent | undefined;
  for (const [key, events] of keys) {
    if (key !== d.key && !key.startsWith(`${d.key}.`)) continue;
    for (const e of events) if (e.from === null && e.to !== null && (!first || Date.parse(e.date) < Date.parse(first.date))) first = e;
  }
  return first;
}

export interface HeldByFreeze {
  /** What the verdict says: the freeze, the commit that came during it. */
  evidence: string;
  sha: string;
}

/** The freeze that held a missing object's deploy back and is over today, or undefined. */
export function heldByFreeze(d: Divergence, env: EnvName, context: VerdictContext): HeldByFreeze | undefined {
  if (d.kind !== 'missing-live' || !context.today) return undefined;
  const added = addedBy(d, env, context);
  if (!added) return undefined;
  const then = freezeOn(env, { ...context, today: day(added.date) });
  if (!then || freezeOn(env, context)) return undefined;
  return {
    evidence: `${describeFreeze(then)}: ${describeCommit(added)} wrote ${d.key} into ${env}'s files while it was frozen, and that freeze is over`,
    sha: then.note.sha,
  };
}
