// A change whose own text keeps it to some environments ("stage only", "nur für Staging", "Endast stage!")
// but whose diff wrote the same value into another one too put it there by accident: a revert restores
// every hunk the reverted commit had, a file copied across environments carries the line along. The
// words are the author's intent; the diff outside them is the slip. That environment goes back to its
// value before the change — the text says so in as many words, so the move is explicit (0.6). A text
// that names the other environment in its scope ("nur staging und prod"), sends the value there later
// ("prod follows next week") or says it is for every environment is no such slip. Pure.
import type { Divergence, EnvName, HistoryEvent } from '../model/types.js';
import type { VerdictContext } from './context.js';
import type { Partial } from './difference.js';
import type { Findings } from './findings.js';
import { negatedBefore } from './conditions.js';
import { envPattern } from './envnames.js';
import { readIntent } from './intent.js';
import { aboutKey, siblingsOf } from './intent-evidence.js';
import { intentText } from './log.js';
import { newestFirst } from './ordering.js';
import { pattern } from './pattern.js';
import { CONFIDENT } from './safety.js';
import { day, shown, short } from './words.js';

export interface OutOfScope {
  /** The environment the change wrote against its text, and the value it held before. */
  env: EnvName;
  before: string | null;
  /** The environment the text keeps the change to, and the phrase that does. */
  scopedTo: EnvName;
  phrase: string;
  event: HistoryEvent;
}

/** The environment whose current value came from a change that its own text kept to another
 * environment, which the same commit gave the same value. */
export function outOfScopeChange(d: Divergence, history: Record<EnvName, HistoryEvent[]>, context: VerdictContext): OutOfScope | undefined {
  if (d.kind !== 'cross-env' && d.kind !== 'missing') return undefined;
  for (const env of Object.keys(d.values)) {
    const last = newestFirst(history[env] ?? [])[0];
    if (!last || last.truncated || last.from === last.to || (d.values[env]?.repo ?? null) !== last.to) continue;
    const alongside = Object.keys(d.values).filter(
      (other) => other !== env && (history[other] ?? []).some((e) => e.commit === last.commit && e.to === last.to),
    );
    if (alongside.length === 0) continue;
    const whole = intentText(last, context.log);
    const text = aboutKey(whole, d.key, siblingsOf(context.log?.commits.get(last.commit)));
    const mine = readIntent(text, env, context.environments);
    // Its text names this environment in its scope, sends the change on, or makes it everyone's.
    if (inScope(mine.scope?.phrase, env) || mine.everywhere || mine.rollout) continue;
    for (const other of alongside) {
      const theirs = readIntent(text, other, context.environments);
      if (
        theirs.scope?.kind !== 'env-only' ||
        theirs.everywhere ||
        theirs.rollout?.next.includes(env) ||
        (theirs.hold?.follows && theirs.hold.envs.includes(env))
      )
        continue;
      return { env, before: last.from, scopedTo: other, phrase: theirs.scope.phrase, event: last };
    }
  }
  return undefined;
}

/** A scope phrase that names the environment as one the change is for ("nur Staging und Prod"), not one it
 * keeps the change out of ("jamais en prod", "not for production", "do not promote"). */
function inScope(phrase: string | undefined, env: EnvName): boolean {
  if (phrase === undefined) return false;
  const named = pattern(`(?<![\\p{L}\\p{N}])${envPattern(env)}(?![\\p{L}\\p{N}])`, 'iu').exec(phrase);
  return named !== null && !negatedBefore(phrase, named.index, 'words');
}

/** The verdict the slip reaches, where the kind's rule declared the difference below the confident line
 * or moved the slipped value on: the environment written against the text goes back. */
export function outOfScope(
  d: Divergence,
  verdict: Partial,
  history: Record<EnvName, HistoryEvent[]>,
  context: VerdictContext,
  f: Findings,
): { verdict: Partial; advice: string } | undefined {
  const declared = verdict.suggested === 'declare' && verdict.confidence < CONFIDENT;
  if (!declared && verdict.suggested !== 'backfill') return undefined;
  const slip = outOfScopeChange(d, history, context);
  if (!slip || (!declared && verdict.drifted === slip.env)) return undefined;
  const { env, before, scopedTo, phrase, event } = slip;
  f.add(
    'intent',
    `${short(event.commit)} (${day(event.date)}, ${event.author}: "${event.subject}") keeps the change to ${scopedTo} ("${phrase}") ` +
      `but wrote ${shown(event.to)} into ${env} as well: ${env}'s value is outside what its text says it changed`,
    event.commit,
  );
  return {
    verdict: { deliberate: scopedTo, drifted: env, suggested: 'revert', value: before, confidence: CONFIDENT, explicit: true },
    advice: before === null ? `undo the slip: remove ${d.key} from ${env}` : `undo the slip: put ${env}'s ${d.key} back to ${shown(before)}`,
  };
}
