// The intent a change's text states, written down as evidence.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { Findings } from './findings.js';
import type { Intent } from './intent.js';
import { list, short } from './words.js';

export function recordIntent(env: EnvName, event: HistoryEvent, intent: Intent, f: Findings): void {
  const c = short(event.commit);
  const quote = `"${event.subject}"`;
  if (intent.scope?.kind === 'env-only') f.add('intent', `${c} limits the change to one environment ("${intent.scope.phrase}"): ${quote}`, event.commit);
  if (intent.scope?.kind === 'test')
    f.add('intent', `${c} made the change for a test or a one-off ("${intent.scope.phrase}"), not as a setting for every environment: ${quote}`, event.commit);
  if (intent.temporary) {
    const until = intent.temporary.until ? ` until ${intent.temporary.until}` : intent.temporary.event ? ` until ${intent.temporary.event}` : '';
    f.add('intent', `${c} says the change is temporary ("${intent.temporary.phrase}")${until}: ${quote}`, event.commit);
  }
  if (intent.rollout) {
    f.add(
      'intent',
      `${c} is a step of a rollout ("${intent.rollout.phrase}")${intent.rollout.next.length ? `, with ${list(intent.rollout.next)} to follow` : ''}: ${quote}`,
      event.commit,
    );
  }
  if (intent.incident)
    f.add(
      'intent',
      `${c} cites ${/\d/.test(intent.incident) ? `incident ${intent.incident}` : `an ${intent.incident.toLowerCase()}`}: it was a deliberate fix, not a routine change`,
      event.commit,
    );
  if (intent.typo) f.add('intent', `${c} corrects a mistake ("${intent.typo}"): ${quote}`, event.commit);
  if (intent.everywhere) f.add('intent', `${c} says the value is meant for ${intent.everywhere}: ${quote}`, event.commit);
  if (event.revert || intent.revert) f.add('intent', `${c} is a revert: ${env}'s value returned to one it held before`, event.commit);
}
