// Session 25: a commit citing an object's ticket that calls something a mistake speaks of the
// environment its sentence names. "created in stage by mistake; prod is fine" removes nothing from
// production: the slip is staging's. A sentence naming this environment, or none, still removes it.
import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

const ENVS = ['stage', 'prod'];
const context = { promotion: ENVS, environments: ENVS, today: '2026-12-03' };

/** A CronJob named after its ticket, live in `env` with no definition in the repo. */
function handMade(env: string): Divergence {
  return {
    id: 'x',
    key: 'CronJob/loadgen-perf-212',
    kind: 'live-object',
    severity: 'drift',
    envs: [env],
    values: { [env]: { repo: null, live: 'CronJob loadgen-perf-212', at: null, type: null } },
    declared: false,
    contract: null,
    notes: [`CronJob/loadgen-perf-212 is live in ${env} and defined nowhere in the repo`],
    provenance: {
      [env]: { manager: 'kubectl-create', operation: 'Update', time: '2026-11-20T10:00:00Z', exact: false, human: true, kind: 'human' },
    },
  };
}
const msg = (subject: string, body = '') => ({
  sha: 'a'.repeat(40),
  parents: [],
  subject,
  body,
  author: 'Ines',
  email: 'i@x',
  date: '2026-11-21T10:00:00Z',
  committed: '2026-11-21T10:00:00Z',
});
const verdictFor = (env: string, subject: string, body = '') => explain(handMade(env), {}, { ...context, log: buildLog(new Map(), [msg(subject, body)]) });
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a mistake is the environment its sentence names', () => {
  it.each([
    ['PERF-212: loadgen created in stage by mistake; prod is fine'],
    ['PERF-212 loadgen', 'The copy in stage was a mistake. Prod keeps running it for the synthetic checks.'],
    ['PERF-212: the stage loadgen was applied by mistake (wrong kube context), prod is where it belongs'],
    ['PERF-212: loadgen in Stage aus Versehen angelegt; Prod ist korrekt'],
  ])('the slip named in stage removes nothing from prod: %s', (subject, body = '') => {
    const v = verdictFor('prod', subject, body);
    expect(v, why(v)).not.toMatchObject({ suggested: 'revert', drifted: 'prod' });
    expect(why(v)).not.toMatch(/was not meant/);
  });

  it.each([
    ['PERF-212: loadgen created in stage by mistake; prod is fine'],
    ['PERF-212 loadgen', 'The copy in stage was a mistake. Prod keeps running it for the synthetic checks.'],
  ])('the same text removes it from stage: %s', (subject, body = '') => {
    const v = verdictFor('stage', subject, body);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'stage' });
  });

  it.each([
    ['PERF-212: loadgen created in prod by mistake, it belongs in stage only'],
    ['PERF-212: loadgen cronjob was created by mistake'],
    ['PERF-212 cleanup', 'loadgen-perf-212 was applied by mistake. Delete it.'],
  ])('a sentence naming this environment, or none, still removes it: %s', (subject, body = '') => {
    const v = verdictFor('prod', subject, body);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'prod' });
  });
});
