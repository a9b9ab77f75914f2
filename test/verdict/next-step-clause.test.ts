// A next step is read inside its clause: the English next-step readers crossed a semicolon, so
// "production keeps 30; staging gets the rest later" named production as the environment to follow
// (the foreign readers already stopped there). A semicolon ends a clause for them too.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';

const ENVS = ['staging', 'production'];
const next = (subject: string, env = 'staging') =>
  readIntent({ subject, body: '', author: '', email: '', date: '2026-11-01T10:00:00Z' }, env, ENVS).rollout?.next ?? [];

describe('the next environment named in its own clause', () => {
  it.each([
    'WORKER_TIMEOUT 60 in staging, production next week',
    'WORKER_TIMEOUT 60 in staging first; production follows after QA',
    'staging today; production later this week',
    'staging now; then production once the soak is green',
    'raise WORKER_TIMEOUT in staging; production to follow',
  ])('%s: production follows', (subject) => expect(next(subject)).toContain('production'));
});

describe('near misses: another clause’s next step is not this environment’s', () => {
  it.each([
    'staging: WORKER_TIMEOUT 60 for the load test; production untouched; more load tests follow',
    'WORKER_TIMEOUT 60 in staging to test; production keeps 30; staging gets the rest later',
    'raise WORKER_TIMEOUT in staging; production is done; staging next week',
    'WORKER_TIMEOUT 60 in staging; production stays as is; next: a longer staging soak',
  ])('%s: production does not follow', (subject) => expect(next(subject)).not.toContain('production'));
});
