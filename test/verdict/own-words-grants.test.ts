import { describe, expect, it } from 'vitest';
import type { Divergence } from '../../src/model/types.js';
import { decidesKeep } from '../../src/verdict/documents.js';
import { buildLog, explain } from '../../src/verdict/verdict.js';

// A grant of access that exists only live (a binding made by hand) is never written into the repo at
// high confidence unless a text decides to keep it; a break-glass grant whose stated end has passed goes
// (live); with nothing written about it the verdict asks, naming who made the grant (the cluster's
// record of its writer: managedFields manager and time).

const ENVS = ['staging', 'production'];
const context = { promotion: ENVS, environments: ENVS, today: '2026-12-05' };
const MADE = '2026-10-02T15:18:44Z';
const byHand = { manager: 'kubectl-create', operation: 'Update', time: MADE, exact: true, human: true, kind: 'human' as const };
const commit = (sha: string, date: string, subject: string, body = '') => ({
  sha: sha.repeat(40).slice(0, 40),
  parents: [],
  subject,
  body,
  author: 'Julia Schmid',
  email: 'julia@bestell.example',
  date,
  committed: date,
});

const binding = (name: string, kind = 'RoleBinding', annotations?: Record<string, string>): Divergence => ({
  id: 'g',
  key: `${kind}/${name}`,
  kind: 'permission',
  severity: 'drift',
  envs: ['production'],
  values: { production: { repo: null, live: 'exists', at: null, type: null, ...(annotations ? { liveAnnotations: annotations } : {}) } },
  declared: false,
  contract: null,
  notes: [
    `${kind}/${name} exists in production with no definition in production's repo files: it binds ClusterRole/cluster-admin to User/oncall@bestell.example`,
  ],
  provenance: { production: byHand },
  grantedBy: {
    production: [{ object: `${kind}/${name}`, role: 'ClusterRole/cluster-admin', subjects: ['User/oncall@bestell.example'], createdBy: byHand }],
  },
});

const judged = (d: Divergence, messages: Array<ReturnType<typeof commit>> = [], documents: Array<{ path: string; text: string; sha: string }> = []) =>
  explain(d, {}, { ...context, log: buildLog(new Map(), messages, documents) });

describe('a break-glass grant whose own words give an end that has passed is removed live', () => {
  it.each([
    ['an annotation with a date', { 'ops.bestell.example/reason': 'break-glass for SEC-88, temporary, remove after 2026-10-20' }],
    ['an expiry annotation', { 'ops.bestell.example/expires-on': '2026-11-01' }],
    ['a note in other words', { note: 'Notfallzugang SEC-88, temporär, entfernen nach 2026-10-20' }],
  ])('%s: revert production', (_, annotations) => {
    const v = judged(binding('breakglass-oncall', 'ClusterRoleBinding', annotations));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });

  it.each([
    ['English', 'SEC-88 break-glass note', 'Granted oncall@ cluster-admin by hand in production for SEC-88. Temporary, revoke by 2026-10-16.'],
    ['German', 'SEC-88 Notfallzugang', 'oncall@ hat in Produktion cluster-admin bekommen, für SEC-88. Temporär, bis 16.10.2026 wieder entziehen.'],
  ])('a commit citing its ticket (%s) with an end passed: revert production', (_, subject, body) => {
    const v = judged(binding('sec-88-breakglass', 'ClusterRoleBinding'), [commit('b', '2026-10-02T17:30:00Z', subject, body)]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
});

describe('a grant nobody wrote about is a question naming who made it', () => {
  it.each([['RoleBinding'], ['ClusterRoleBinding']])('%s: declare at 0.5 or less, the question names the writer and the time', (kind) => {
    const v = judged(binding('oncall-admin', kind), [commit('c', '2026-11-20T09:00:00Z', 'Bump orders-api to 2.4.1')]);
    expect(v.suggested).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toContain('kubectl-create');
    expect(v.question).toContain(MADE);
  });
});

describe('a grant is codified only when a text decides to keep it', () => {
  it.each([
    [
      'a review decision',
      'Keep the oncall-admin binding in production',
      'The oncall-admin RoleBinding made by hand stays: on-call needs it, decided in the SEC review.',
    ],
    ['codify in so many words', 'oncall-admin: codify it', 'Decision: codify the oncall-admin RoleBinding in production, on-call needs it.'],
  ])('%s: backfill production', (_, subject, body) => {
    const v = judged(binding('oncall-admin'), [commit('d', '2026-11-20T09:00:00Z', subject, body)]);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });

  it.each([
    ['keep an eye on', 'Keep an eye on the oncall-admin binding', 'Keep an eye on oncall-admin in production, made by hand during SEC-88.'],
    ['keep track of', 'oncall-admin', 'We should keep track of oncall-admin in production until the audit.'],
    ['keep in mind', 'oncall-admin exists', 'Keep in mind oncall-admin is live in production; made by hand.'],
    ['a purpose only', 'oncall-admin binding for SEC-88', 'Created the oncall-admin RoleBinding by hand in production to debug SEC-88.'],
    ['a question', 'Do we keep the oncall-admin binding?', 'The oncall-admin RoleBinding was made by hand in production. Do we keep it or remove it?'],
  ])('%s: never codified at 0.6 or more', (_, subject, body) => {
    const v = judged(binding('oncall-admin'), [commit('e', '2026-11-20T09:00:00Z', subject, body)]);
    expect(v.suggested === 'backfill' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

describe('a verb of attention after "keep" decides nothing', () => {
  it.each([
    'Keep an eye on the override in production',
    'keep a close eye on it live',
    'Keep track of the patch in prod',
    'keep watching the flag in production',
  ])('%s', (text) => expect(decidesKeep(text)).toBeUndefined());
  it.each(['Keep the override in production', 'keep it in place', 'Decision: keep the workaround live'])('%s is a keep', (text) =>
    expect(decidesKeep(text)).toBeDefined(),
  );
});
