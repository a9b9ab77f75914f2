import type { Divergence } from '../model/types.js';
import type { Partial } from './difference.js';
import type { Findings } from './findings.js';
import { compareVersions } from '../parse/version-numbers.js';

// Live values no repo file declares, differing across environments (a probe's schema_migrations,
// an extension's version). Nothing in git can be reverted or backfilled: the environment behind
// catches up outside undrift (a migration, a deploy), or the difference is declared. Never
// confident: git holds no evidence of which value is meant.

export function liveValueDifference(d: Divergence, f: Findings): Partial {
  for (const note of d.notes) f.say(note);
  const live = Object.entries(d.values).filter(([, v]) => v.live !== null);
  const versioned = live.length > 1 && live.every(([, v]) => compareVersions(v.live, v.live) === 0);
  if (d.contract) {
    f.add('contract', `the contract (${d.contract.location}) declares ${d.key}; what runs live is outside it`);
    f.ask(`bring ${d.envs.join(', ')} back within the contract, or change the declaration if the new value is meant`);
    return { deliberate: null, drifted: d.envs[0] ?? null, suggested: 'declare', value: null, confidence: 0.3 };
  }
  if (versioned) {
    const newest = live.reduce((a, b) => (compareVersions(b[1].live, a[1].live)! > 0 ? b : a));
    f.add('version', `${newest[0]} runs the newest ${d.key} (${newest[1].live}); ${d.envs.join(', ')} ${d.envs.length === 1 ? 'is' : 'are'} behind`);
    f.ask(
      `should ${d.envs.join(', ')} catch up with ${newest[0]}'s ${d.key} ${newest[1].live} (a migration or a deploy), or is the difference meant? declare it then`,
    );
    return { deliberate: newest[0], drifted: d.envs[0] ?? null, suggested: 'declare', value: null, confidence: 0.4 };
  }
  f.ask(`which value of ${d.key} is meant in ${d.envs.join(', ')}? no repo file declares it: declare the difference, or fix the environment outside undrift`);
  return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.3 };
}
