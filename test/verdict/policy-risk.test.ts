// "policy" in a key's name is a grant only where it says who may do what ("iam policy", "bucket
// policy", a bare "policy"): a policy named by what it governs — a CronJob's concurrencyPolicy, a
// pod's restartPolicy, redis's maxmemory policy, a queue's retry or redrive policy — is a choice among
// a tool's modes, neither a permission nor, by its first word, a size (risk.ts `HOW_IT_RUNS`).
import { describe, expect, it } from 'vitest';
import { riskOf } from '../../src/verdict/risk.js';

describe('a policy of how a thing runs is no permission', () => {
  it.each([
    ['CronJob/nightly-report.concurrencyPolicy', 'Replace'],
    ['jobs.cleanup.concurrency_policy', 'Forbid'],
    ['Deployment/api.spec.template.spec.restartPolicy', 'OnFailure'],
    ['redis.config.maxmemory-policy', 'volatile-lru'],
    ['cache.evictionPolicy', 'lfu'],
    ['queues.orders.retryPolicy', 'exponential'],
    ['PersistentVolume/pv-1.spec.persistentVolumeReclaimPolicy', 'Retain'],
  ])('%s', (key, value) => {
    expect(riskOf(key, [value, value === 'Forbid' ? 'Allow' : 'Never'])).toBe('none');
  });

  it.each([
    ['iam.policy', '{"Effect":"Allow"}', 'permissions'],
    ['s3.bucketPolicy', 'public-read', 'permissions'],
    ['NetworkPolicy/deny-egress.spec.policyTypes', 'Egress', 'permissions'],
    ['PriorityClass/batch.preemptionPolicy', 'Never', 'permissions'],
    ['auth.passwordPolicy', 'strict', 'secret'],
    ['workers.concurrency', 'eight', 'resources'],
  ])('still its class: %s', (key, value, risk) => {
    expect(riskOf(key, [value])).toBe(risk);
  });
});
