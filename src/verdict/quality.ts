// How much the decisive evidence can bear: a value that flapped, a bare or bot message, a value
// settled in a merge, or nothing but the promotion order caps the confidence near 0.5 and says
// what a person should check.
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { Findings } from './findings.js';
import type { Intent } from './intent.js';
import { describeCommit, short } from './words.js';
import { revertPairs } from './reapplied.js';

export const QUALITY_CAP = 0.45;

/** The environment's value changed so often, or went back so often, that its latest is no decision. */
export function flaps(envEvents: HistoryEvent[]): boolean {
  // A revert and the reapply that took it back are one mistake undone, not a change of mind (reapplied.ts).
  const paired = revertPairs(envEvents);
  const counted = envEvents.filter((e) => !paired.has(e.commit));
  return counted.filter((e) => e.from !== null || e.to !== null).length >= 5 || counted.filter((e) => e.revert).length >= 2;
}

/** The cap the quality of the evidence sets (1 when it sets none). */
export function qualityCap(decisive: HistoryEvent, intent: Intent | undefined, envEvents: HistoryEvent[], env: EnvName, f: Findings): number {
  let cap = 1;
  // A revert and the reapply that took it back are one mistake undone, not a change of mind (reapplied.ts).
  const paired = revertPairs(envEvents);
  const counted = envEvents.filter((e) => !paired.has(e.commit));
  const changes = counted.filter((e) => e.from !== null || e.to !== null).length;
  const returns = counted.filter((e) => e.revert).length;
  if (changes >= 5 || returns >= 2) {
    f.add(
      'quality',
      `${env}'s value changed ${changes} times${returns ? `, ${returns} of them back to an earlier value` : ''}: it flaps, so its latest value is weak evidence of a decision`,
    );
    f.ask(`the value flapped in ${env}: which value is meant to stay? Ask whoever owns the setting.`);
    cap = Math.min(cap, QUALITY_CAP);
  }
  if (intent?.bot && intent.security) {
    // The advisory in the bot's text is the why: a vulnerability fix.
    f.add(
      'quality',
      `${describeCommit(decisive)} was written by a bot or an automated job, and its text names the advisory it fixes ("${intent.security}")`,
      decisive.commit,
    );
  } else if (intent?.bot) {
    f.add('quality', `${describeCommit(decisive)} was written by a bot or an automated job: it records that the value changed, not why`, decisive.commit);
    f.ask(`what triggered the automated change ${short(decisive.commit)}? Check the job or pipeline that made it.`);
    cap = Math.min(cap, QUALITY_CAP);
  } else if (intent?.swept) {
    f.add(
      'quality',
      `${describeCommit(decisive)} speaks of ${intent.swept.key} only: it changed ${intent.swept.own} in ${env} along with it, and states no reason of its own for that`,
      decisive.commit,
    );
    f.ask(`why did ${decisive.author} change ${intent.swept.own} in ${short(decisive.commit)}? Its message speaks of ${intent.swept.key} only.`);
    cap = Math.min(cap, QUALITY_CAP);
  } else if (intent?.bare) {
    f.add('quality', `${short(decisive.commit)}'s message says only that a file changed ("${decisive.subject}"): it is no evidence of why`, decisive.commit);
    f.ask(`why did ${decisive.author} change it in ${short(decisive.commit)}? The message does not say.`);
    cap = Math.min(cap, QUALITY_CAP);
  }
  if (decisive.merge) {
    f.add(
      'quality',
      `${short(decisive.commit)} is a merge that settled the value itself (a conflict resolution): nobody chose it in a reviewed change`,
      decisive.commit,
    );
    f.ask(`check the resolution in merge ${short(decisive.commit)}: was ${decisive.to === null ? 'removing the key' : `"${decisive.to}"`} meant?`);
    cap = Math.min(cap, QUALITY_CAP);
  }
  if (decisive.acrossBroken) {
    f.add('quality', `${short(decisive.commit)} follows a version of ${decisive.file} that does not parse; its change is measured across it`, decisive.commit);
  }
  return cap;
}
