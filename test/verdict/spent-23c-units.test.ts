// holdout-23's spent fixes (session 26, lane spent23c), each read as a principle in phrasings of its own.
// (2) One value written two ways is a spelling only when the two are equal. In Kubernetes' quantity
//     form "1G" is 10^9 bytes and "1Gi" 2^30: a commit that says it changes nothing ("normalize
//     units (no functional change)", "values unchanged", "keine funktionale Änderung") and turned
//     one into the other lowered the amount — a slip, put back to the value before. The same claim
//     over an equal rewrite ("1Gi" → "1024Mi", "1G" → "1000M") is no slip, and a claim made
//     partial ("except the memory limit") or a change that claims nothing is not read as one.
import { describe, expect, it } from 'vitest';
import { explainCrossEnv, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';

const oskar = messagesBy('Oskar Nilsson', 'o@x', 'o');
const mia = messagesBy('Mia Schulz', 'm@x', 'm');
const plain = { merge: false, revert: false };

/** production's `key` rewritten `from` → `to` by a commit saying `message`; staging still `from`. */
function rewritten(key: string, from: string, to: string, message: string) {
  const created = oskar('2026-06-01T07:00:00Z', 'worker values');
  const [subject, ...body] = message.split('\n');
  const change = mia('2026-11-10T15:48:00Z', subject!, body.join('\n').trim());
  const base = (env: string) => ({ ...eventOf(created, `helm/values-${env}.yaml`, null, from, plain), order: 2 });
  return explainCrossEnv({
    key,
    history: {
      staging: [base('staging')],
      production: [{ ...eventOf(change, 'helm/values-production.yaml', from, to, plain), order: 1 }, base('production')],
    },
    messages: [change, created],
    values: { staging: from, production: to },
    type: 'string',
    today: '2026-12-07',
  });
}

const MEMORY = 'worker.resources.limits.memory';
const SLIP = /calls production's value a slip/;

describe('a change that says it changes nothing and changed the amount', () => {
  it.each([
    ['1Gi to 1G, no functional change', MEMORY, '1Gi', '1G', 'normalize units in prod values (no functional change)'],
    ['512Mi to 512M, values unchanged', 'api.resources.requests.memory', '512Mi', '512M', 'chore: consistent units\n\nvalues unchanged, just the suffixes'],
    ['2Gi to 2000Mi, German', MEMORY, '2Gi', '2000Mi', 'Einheiten vereinheitlicht, keine funktionale Änderung'],
    ['a volume 10Gi to 10G, French', 'cache.persistence.size', '10Gi', '10G', 'unités harmonisées, aucun changement fonctionnel'],
  ])('is a slip, put back: %s', (_what, key, from, to, message) => {
    const v = rewritten(key, from, to, message);
    expect(v, v.reasons.join('\n')).toMatchObject({ drifted: 'production', value: from });
    expect(['revert', 'backfill']).toContain(v.suggested);
    expect(v.reasons.join('\n')).toMatch(SLIP);
  });

  it.each([
    ['1Gi to 1024Mi', MEMORY, '1Gi', '1024Mi', 'normalize units in prod values (no functional change)'],
    ['1G to 1000M', MEMORY, '1G', '1000M', 'normalize units (no functional change)'],
    ['a CPU 1 to 1000m', 'worker.resources.limits.cpu', '1', '1000m', 'consistent cpu units, values unchanged'],
  ])('an equal rewrite is no slip: %s', (_what, key, from, to, message) => {
    const v = rewritten(key, from, to, message);
    expect(v.reasons.join('\n')).not.toMatch(SLIP);
    expect(v.reasons.join('\n')).toMatch(/mean the same/);
  });

  it.each([
    ['a claim made partial', 'normalize units, no functional change except the memory limit'],
    ['no claim at all', 'prod memory limit 1G'],
    ['a question', 'units cleanup: no functional change?'],
  ])('not read as a slip: %s', (_what, message) => {
    const v = rewritten(MEMORY, '1Gi', '1G', message);
    expect(v.reasons.join('\n')).not.toMatch(SLIP);
  });
});
