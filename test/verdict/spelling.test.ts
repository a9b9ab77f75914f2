// Session 25 (spent holdout-21/35): one value written two ways — a duration with its unit against a
// bare number under a key named for its unit, a memory in Gi against Mi, a CPU as a fraction against
// millicores, Go durations against ISO ones — is a spelling to align, never a value to move with
// confidence or a difference to declare. The values' reading (compare/same-meaning.ts) and the
// verdict on real git repositories, with the negatives that differ in meaning.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { sameMeaning } from '../../src/compare/same-meaning.js';
import { repoFromScenario } from '../support/repo.js';

const TODAY = '2026-12-05';
const CONFIG = 'environments:\n  staging: conf/staging.yaml\n  production: conf/production.yaml\npromotion: [staging, production]\n';
type Commits = Parameters<typeof repoFromScenario>[0]['commits'];

async function scanOf(commits: Commits) {
  const repo = await repoFromScenario({ commits });
  return scanRepository({ repo, historyCache: false, today: TODAY });
}
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('sameMeaning: the same amount, written two ways', () => {
  it.each([
    ['http.idle_timeout', ['10000ms', '10s'], '10 s'],
    ['http.idle_timeout_ms', ['10000', '10s'], '10 s'],
    ['IDLE_TIMEOUT_MS', ['10000', '10s'], '10 s'],
    ['client.readTimeoutMs', ['2500', '2.5s'], '2500 ms'],
    ['SESSION_TTL_SECONDS', ['3600', '1h'], '1 h'],
    ['cache.ttl-minutes', ['90', '1h30m'], '90 min'],
    ['retention_days', ['7', '168h'], '7 d'],
    ['spring.mvc.async.request-timeout', ['PT30S', '30s'], '30 s'],
    ['worker.drainTimeout', ['1m30s', '90s'], '90 s'],
    ['worker.drainTimeout', ['1h 30m', '90m'], '90 min'],
    ['resources.limits.memory', ['1Gi', '1024Mi'], '1Gi'],
    ['Deployment/api.containers[name=api].resources.requests.cpu', ['0.5', '500m'], '500m'],
    ['resources.requests.cpu', ['1', '1000m'], '1'],
    ['cache.maxSize', ['2Gi', '2048Mi'], '2Gi'],
    ['worker.memoryLimit', ['512Mi', '536870912'], '512Mi'],
  ])('%s: %j', (key, texts, said) => {
    expect(sameMeaning(key, texts)).toBe(said);
  });

  it.each([
    // Different amounts.
    ['http.idle_timeout', ['10000ms', '1s']],
    ['resources.limits.memory', ['1Gi', '1000Mi']],
    // A bare number under a key that names no unit means nothing by itself.
    ['http.idle_timeout', ['10000', '10s']],
    ['WORKER_CONCURRENCY', ['10', '10.0']],
    // `500m` under a CPU key is half a core, not 500 minutes; under a duration key it is minutes.
    ['resources.requests.cpu', ['500m', '30000s']],
    ['job.timeout', ['500m', '0.5']],
    // Written alike: nothing to align.
    ['http.idle_timeout', ['10s', '10s']],
    // A value absent on one side.
    ['http.idle_timeout', ['10s', null]],
    // Words, versions, schedules.
    ['image.tag', ['v1.62.0', 'v1.58.0']],
    ['schedule', ['30 4 * * *', '0 2 * * *']],
    ['LOG_LEVEL', ['info', 'INFO']],
    // A word that is no unit, even one every object has.
    ['job.timeout', ['10 constructor', '10s']],
  ])('not the same: %s %j', (key, texts) => {
    expect(sameMeaning(key, texts)).toBeUndefined();
  });
});

describe('the verdict on one value written two ways', () => {
  it('a style migration wrote staging in ms, production follows "with the next release": production is written as staging, not above 0.55, no question of a gate', async () => {
    const scan = await scanOf([
      {
        at: '2026-04-01T10:00:00Z',
        author: 'ana',
        message: 'proxy config',
        write: { 'undrift.yaml': CONFIG, 'conf/staging.yaml': 'proxy:\n  drain: 30s\n', 'conf/production.yaml': 'proxy:\n  drain: 30s\n' },
      },
      {
        at: '2026-11-20T10:00:00Z',
        author: 'ben',
        message: 'style: durations in milliseconds, staging first; production follows with the next release',
        set: { 'conf/staging.yaml': { 'proxy.drain': '30000ms' } },
      },
    ]);
    const d = scan.divergences.find((x) => x.key === 'proxy.drain')!;
    expect(d.kind).toBe('cross-env');
    expect(d.notes.join('\n')).toMatch(/mean the same \(30 s\)/);
    const v = d.verdict!;
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', deliberate: 'staging', value: '30000ms' });
    expect(v.confidence).toBeLessThan(0.6);
    expect(why(v)).toMatch(/mean the same \(30 s\)/);
    expect(v.question).toBeUndefined();
  });

  it('a bare number under a key named _MS in production, the unit written in staging by a later commit: production written the same way', async () => {
    const scan = await scanOf([
      {
        at: '2026-04-01T10:00:00Z',
        author: 'ana',
        message: 'gateway',
        write: { 'undrift.yaml': CONFIG, 'conf/staging.yaml': 'UPSTREAM_TIMEOUT_MS: 15000\n', 'conf/production.yaml': 'UPSTREAM_TIMEOUT_MS: 15000\n' },
      },
      { at: '2026-11-20T10:00:00Z', author: 'ben', message: 'readable timeout', set: { 'conf/staging.yaml': { UPSTREAM_TIMEOUT_MS: '15s' } } },
    ]);
    const v = scan.divergences.find((x) => x.key === 'UPSTREAM_TIMEOUT_MS')!.verdict!;
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '15s' });
    expect(v.confidence).toBeLessThan(0.6);
  });

  it('a memory limit rewritten from 1024Mi to 1Gi in production "for the test" is no test value moving on: spelling only, never confident', async () => {
    const scan = await scanOf([
      {
        at: '2026-04-01T10:00:00Z',
        author: 'ana',
        message: 'worker',
        write: {
          'undrift.yaml': CONFIG,
          'conf/staging.yaml': 'resources:\n  limits:\n    memory: 1024Mi\n    cpu: "0.5"\n',
          'conf/production.yaml': 'resources:\n  limits:\n    memory: 1024Mi\n    cpu: "0.5"\n',
        },
      },
      {
        at: '2026-11-20T10:00:00Z',
        author: 'ben',
        message: 'worker limits in canonical units (kubectl shows 1Gi and 500m)',
        set: { 'conf/production.yaml': { 'resources.limits.memory': '1Gi', 'resources.limits.cpu': '500m' } },
      },
    ]);
    for (const [key, value] of [
      ['resources.limits.memory', '1Gi'],
      ['resources.limits.cpu', '500m'],
    ] as const) {
      const v = scan.divergences.find((x) => x.key === key)!.verdict!;
      expect(v, why(v)).toMatchObject({ deliberate: 'production', drifted: 'staging', value });
      expect(v.suggested).not.toBe('declare');
      expect(v.confidence).toBeLessThan(0.6);
    }
  });

  it('negative: 10s against 1s is a change of behaviour, weighed as any other (no spelling reason)', async () => {
    const scan = await scanOf([
      {
        at: '2026-04-01T10:00:00Z',
        author: 'ana',
        message: 'proxy config',
        write: { 'undrift.yaml': CONFIG, 'conf/staging.yaml': 'proxy:\n  drain: 10s\n', 'conf/production.yaml': 'proxy:\n  drain: 10s\n' },
      },
      { at: '2026-11-20T10:00:00Z', author: 'ben', message: 'shorter drain for the load test', set: { 'conf/staging.yaml': { 'proxy.drain': '1s' } } },
    ]);
    const v = scan.divergences.find((x) => x.key === 'proxy.drain')!.verdict!;
    expect(why(v)).not.toMatch(/mean the same/);
    expect(v).not.toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
});
