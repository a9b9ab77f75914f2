// Session 28 (spent holdout-25): one commit wrote a cache spec into two environments, the same
// number with another unit ("…=10m" in one, "…=10s" in the other), and its message stated the
// amount of one ("expire after 10 min"). The same number with another unit, written in one go, is a
// slip of one letter; the words say which was meant, and the other environment takes it (below the
// confident line, with the question to the author). Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { unitSlip } from '../../src/verdict/unit-slip.js';
import { judge } from './memory-story.js';

describe('the words state one of two values that differ only in a unit', () => {
  it.each([
    ['English, minutes', 'session cache: expire after 10 min in both', 'ttl=10m,size=500', 'ttl=10s,size=500', 'ttl=10m,size=500'],
    ['English, seconds meant', 'lower the idle timeout to 30 seconds', '30m', '30s', '30s'],
    ['German', 'Cache-Ablauf auf 15 Minuten', 'expireAfterAccess=15m', 'expireAfterAccess=15s', 'expireAfterAccess=15m'],
    [
      'French',
      'expiration du cache à 5 minutes',
      'maximumSize=100,expireAfterWrite=5s',
      'maximumSize=100,expireAfterWrite=5m',
      'maximumSize=100,expireAfterWrite=5m',
    ],
    ['Dutch, hours', 'token geldig voor 2 uur (2h)', '2h', '2m', '2h'],
    ['sizes', 'raise the buffer to 512 MiB', '512Mi', '512Gi', '512Mi'],
  ])('%s', (_, text, a, b, meant) => {
    expect(unitSlip(text, a, b)?.meant).toBe(meant);
  });
});

describe('near misses: nothing read', () => {
  it.each([
    ['both amounts stated, one per environment', 'staging expires after 10 min, prod after 10 s', '10m', '10s'],
    ['no amount stated', 'tune the product cache', '10m', '10s'],
    ['different numbers, not a unit', 'expire after 10 min', '10m', '20m'],
    ['more than one part differs', 'expire after 10 min', 'size=5,ttl=10m', 'size=9,ttl=10s'],
    ['the amount of neither', 'expire after 5 min', '10m', '10s'],
  ])('%s', (_, text, a, b) => {
    expect(unitSlip(text, a, b)).toBeUndefined();
  });
});

describe('the verdict', () => {
  it('the environment whose value is the slip takes the value the message states', () => {
    const v = judge(
      'cache.spec',
      [
        { subject: 'cache config', date: '2026-02-01T09:00:00Z', set: { staging: ['', 'expireAfterWrite=60s'], production: ['', 'expireAfterWrite=60s'] } },
        {
          subject: 'cache: expire after 10 minutes everywhere',
          date: '2026-05-01T09:00:00Z',
          set: { staging: ['expireAfterWrite=60s', 'expireAfterWrite=10m'], production: ['expireAfterWrite=60s', 'expireAfterWrite=10s'] },
        },
      ],
      '2026-06-01',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'expireAfterWrite=10m' });
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question ?? '').toMatch(/10s/);
  });
  it('two values stated, one per environment, stay two decisions', () => {
    const v = judge(
      'cache.spec',
      [
        { subject: 'cache config', date: '2026-02-01T09:00:00Z', set: { staging: ['', 'expireAfterWrite=60s'], production: ['', 'expireAfterWrite=60s'] } },
        {
          subject: 'cache: staging expires after 10 minutes, production after 10 seconds',
          date: '2026-05-01T09:00:00Z',
          set: { staging: ['expireAfterWrite=60s', 'expireAfterWrite=10m'], production: ['expireAfterWrite=60s', 'expireAfterWrite=10s'] },
        },
      ],
      '2026-06-01',
    );
    expect(v.suggested).not.toBe('backfill');
  });
});
