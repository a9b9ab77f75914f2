import type { Divergence, Verdict } from '../model/types.js';
import type { Findings } from './findings.js';
import { describeProvenance } from '../wording/provenance.js';

// Objects and permissions that differ (issue 16's inventory): a thing that exists in one place and
// not another, or a grant one environment has beyond another. Copying a thing or a grant toward
// production is never offered, and deleting one that runs is never offered with confidence: the
// evidence that would make either safe (who needs it, until when) is not in git or the cluster.

type Partial = Omit<Verdict, 'reasons' | 'evidence' | 'risk'>;

export function objectDifference(d: Divergence, f: Findings): Partial {
  for (const note of d.notes) f.say(note);
  for (const [env, p] of Object.entries(d.provenance ?? {})) f.add('live', `${env}: created or last written by ${describeProvenance(p)}`);
  const env = d.envs[0] ?? null;
  const byHand = Object.values(d.provenance ?? {}).some((p) => p.kind === 'human');
  switch (d.kind) {
    case 'permission':
      f.say(
        'a grant beyond what another environment (or the repo) has: remove it where it is not needed, or declare it in the contract with an owner and an expiry; never copy it to another environment without knowing who needs it',
      );
      f.ask(`who needs ${d.key} in ${d.envs.join(', ')}, and until when? remove the extra grant, or declare it with an owner and an expiry`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: byHand ? 0.45 : 0.35 };
    case 'live-object':
      f.say(
        `${d.key} runs in ${d.envs.join(', ')} with no definition in the repo: write its definition into the repo (backfill) if it is meant to stay, or delete it if it was a one-off`,
      );
      f.ask(`who created ${d.key}${byHand ? ' by hand' : ''}, and is it still needed?`);
      return { deliberate: null, drifted: env, suggested: byHand ? 'revert' : 'backfill', value: null, confidence: 0.35 };
    case 'missing-live':
      f.say(`the repo defines ${d.key} for ${d.envs.join(', ')} but it does not exist live: deploy it, or remove it from the repo if it was retired`);
      f.ask(`was ${d.key} retired on purpose in ${d.envs.join(', ')}, or did a deploy fail to create it?`);
      return { deliberate: null, drifted: env, suggested: 'revert', value: null, confidence: 0.35 };
    default:
      f.say(
        'an object present in some environments only: declare it as expected there, or remove it where it should not run; creating it in another environment is a decision for its owner',
      );
      f.ask(`should ${d.key} exist only in ${d.envs.join(', ')}? declare it, or remove it`);
      return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.3 };
  }
}
