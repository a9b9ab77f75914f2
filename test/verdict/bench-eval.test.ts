import { describe, expect, it } from 'vitest';
import { judge, matches, suggestionOf, type Expectation, type Story } from '../../bench/verdict-eval.js';
import type { Divergence, DivergenceKind, Verdict } from '../../src/model/types.js';

// The bench's reading of a verdict in the stories' terms: whether a suggestion changes the
// cluster or a file decides which of a story's matchers it meets.
const divergence = (kind: DivergenceKind): Divergence => ({
  id: `${kind}:x`,
  key: 'CronJob/orders-reindex',
  kind,
  severity: 'drift',
  envs: ['production'],
  values: { production: { repo: 'present', live: null } } as unknown as Divergence['values'],
  declared: false,
  contract: null,
  notes: [],
});
const verdict = (suggested: Verdict['suggested']): Verdict => ({
  deliberate: 'production',
  drifted: 'production',
  suggested,
  value: null,
  confidence: 0.5,
  reasons: [],
});

describe('suggestionOf: the target of a revert', () => {
  it.each<DivergenceKind>(['missing-live', 'live-object', 'permission', 'live-drift', 'live-only'])('a revert of %s changes the cluster', (kind) => {
    const s = suggestionOf(divergence(kind), verdict('revert'));
    expect(s.target).toBe('live');
    expect(matches({ action: 'revert', env: 'production', target: 'live' }, s)).toBe(true);
    // A story that listed the matcher without a target (earlier sets) still matches.
    expect(matches({ action: 'revert', env: 'production' }, s)).toBe(true);
    expect(matches({ action: 'revert', env: 'production', target: 'repo' }, s)).toBe(false);
  });

  it.each<DivergenceKind>(['missing-live', 'live-object', 'permission', 'cross-env'])('a backfill of %s writes the file', (kind) => {
    expect(suggestionOf(divergence(kind), verdict('backfill')).target).toBe('repo');
  });

  it('a revert between files, or of an object present in some environments only, keeps the file target', () => {
    expect(suggestionOf(divergence('cross-env'), verdict('revert')).target).toBe('repo');
    expect(suggestionOf(divergence('object-cross-env'), verdict('revert')).target).toBe('repo');
  });
});

describe('suggestionOf: a declare on a contract violation every environment shares', () => {
  const shared = (kind: DivergenceKind): Divergence => ({
    ...divergence(kind),
    key: 'MEDIA_BUCKET',
    values: { staging: { repo: 'media-prod', live: null }, production: { repo: 'media-prod', live: null } } as unknown as Divergence['values'],
  });

  it('is matched by a story naming it declare or undeclare: the product writes the entry with the shared value, which accepts it', () => {
    const s = suggestionOf(shared('contract-violation'), verdict('declare'));
    expect(s.action).toBe('undeclare');
    // A finished rollout's left-over entry: either contract edit is acceptable.
    expect(matches({ action: 'undeclare' }, s)).toBe(true);
    // Staging pointed at production's bucket: accepting the shared value is harmful, whichever word the story used.
    expect(matches({ action: 'declare' }, s)).toBe(true);
    expect(matches({ action: 'revert', env: 'staging' }, s)).toBe(false);
  });

  it('a stale declaration (information: the environments agree and the contract allows it) is only an undeclare', () => {
    const s = suggestionOf(shared('stale-declaration'), verdict('declare'));
    expect(s.action).toBe('undeclare');
    expect(matches({ action: 'declare' }, s)).toBe(false);
  });
});

describe('matches: a missing key is there or not', () => {
  // holdout-24/30: prod follows staging, which took the flag out; "backfill prod" with staging's
  // absent value removes it from prod, the edit the story names "revert prod".
  const missing = (): Divergence => ({ ...divergence('missing'), key: 'FF_NEW_CHECKOUT', envs: ['prod'] });
  const follow = { ...verdict('backfill'), deliberate: 'staging', drifted: 'prod' };

  it('a revert and a backfill of one environment, named without a value, are the same edit', () => {
    const s = suggestionOf(missing(), follow);
    expect(s.presenceOnly).toBe(true);
    expect(matches({ action: 'revert', env: 'prod' }, s)).toBe(true);
    expect(matches({ action: 'backfill', env: 'prod' }, s)).toBe(true);
    expect(matches({ action: 'revert', env: 'staging' }, s)).toBe(false);
    expect(matches({ action: 'declare' }, s)).toBe(false);
  });

  it('only on a missing key: elsewhere a matcher needs the value to call the two words one edit', () => {
    const s = suggestionOf({ ...missing(), kind: 'cross-env' }, follow);
    expect(s.presenceOnly).toBeUndefined();
    expect(matches({ action: 'revert', env: 'prod' }, s)).toBe(false);
    expect(matches({ action: 'backfill', env: 'prod' }, s)).toBe(true);
  });

  it('a declare on a missing key stays a declare', () => {
    const s = suggestionOf(missing(), { ...follow, suggested: 'declare' });
    expect(s.presenceOnly).toBeUndefined();
    expect(matches({ action: 'revert', env: 'prod' }, s)).toBe(false);
  });
});

// A matcher naming an environment the divergence does not have never matches anything: its truth
// counted for nothing, silently (six such matchers, five of them `harmful`, were found in session 17:
// holdout-5/33, holdout-7/02, 23, 38, holdout-9/21, holdout-15/04 — `production` where the story's
// environment is `prod`). The judge refuses such a story instead.
describe('judge: a matcher names an environment of the divergence', () => {
  const story = { file: 'x/01.yaml', title: 't', today: '2026-12-01', expect: [], scenario: {} } as unknown as Story;
  const found: Divergence = {
    ...divergence('cross-env'),
    key: 'TIMEOUT_MS',
    envs: ['staging', 'prod'],
    values: { staging: { repo: '5', live: null }, prod: { repo: '3', live: null } } as unknown as Divergence['values'],
    verdict: { ...verdict('backfill'), drifted: 'prod', value: '5', confidence: 0.7 },
  };
  const expectation = (harmful: Expectation['harmful']): Expectation => ({
    key: 'TIMEOUT_MS',
    kind: 'cross-env',
    decidable: true,
    deliberate: 'staging',
    acceptable: [{ action: 'backfill', env: 'prod', value: '5' }],
    harmful,
  });

  it('judges a story whose matchers name its environments', () => {
    expect(judge(story, expectation([{ action: 'revert', env: 'staging' }]), [found]).accepted).toBe(true);
  });

  it.each(['production', 'stage', 'Prod'])('refuses a matcher naming "%s", which the divergence does not have', (env) => {
    expect(() => judge(story, expectation([{ action: 'revert', env }]), [found])).toThrow(/names environment .* does not have/);
  });
});
