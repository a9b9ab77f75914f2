// A rollout's next step held until a version runs in the next environment ("production follows once
// 4.2 runs there") is due when that environment's own config takes the version, or a later one of the
// same line, after the plan (issue 10, holdout-24/30 read as a principle: prod's image went 4.1 → 4.3,
// past the 4.2 waited for). Not when the version was not reached, not in another environment, not
// before the plan, not a different major line. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { judge, type Step } from './memory-story.js';

const IMAGE = 'Deployment/shop.containers[name=shop].image';
const start: Step = {
  subject: 'shop config',
  date: '2026-09-01T10:00:00Z',
  set: { staging: ['', 'on'], production: ['', 'on'] },
  also: { staging: [IMAGE, '', 'registry.example.test/shop:4.1.2'], production: [IMAGE, '', 'registry.example.test/shop:4.1.2'] },
};
const staged: Step = {
  subject: 'shop 4.2.0 in staging',
  date: '2026-10-01T10:00:00Z',
  also: { staging: [IMAGE, 'registry.example.test/shop:4.1.2', 'registry.example.test/shop:4.2.0'] },
};
const plan = (body: string): Step => ({ subject: 'drop the legacy fallback', body, date: '2026-10-05T10:00:00Z', set: { staging: ['on', 'off'] } });
const prodImage = (to: string, date = '2026-11-02T10:00:00Z'): Step => ({
  subject: 'shop release',
  date,
  also: { production: [IMAGE, 'registry.example.test/shop:4.1.2', `registry.example.test/shop:${to}`] },
});
const verdictOf = (steps: Step[]) => judge('checkout.legacyFallback', steps, '2026-11-20');

describe('the version a step waited for, reached in the next environment', () => {
  it.each([
    'staging now. production follows once 4.2 runs there (4.1 still reads the key).',
    'Staging first; production follows when 4.2.0 is in production.',
    'staging now, production to follow once 4.2 is deployed there',
  ])('%s: backfilled once production runs 4.3.0', (body) => {
    const v = verdictOf([start, staged, plan(body), prodImage('4.3.0')]);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
    expect(v.drifted).toBe('production');
    expect(v.value).toBe('off');
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });

  const body = 'staging now. production follows once 4.2 runs there.';
  it('the exact version reached counts too', () => {
    const v = verdictOf([start, staged, plan(body), prodImage('4.2.0')]);
    expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
  });
  it('a patch of the old line is not the version waited for', () => {
    const v = verdictOf([start, staged, plan(body), prodImage('4.1.5')]);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
  it('another major line is not the one waited for', () => {
    const v = verdictOf([start, staged, plan(body), prodImage('5.0.0')]);
    expect(v.reasons.join('\n')).not.toMatch(/runs there now/);
  });
  it('the version in staging only is not production running it', () => {
    const v = verdictOf([start, staged, plan(body)]);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
  });
  it('production on 4.3.0 before the plan was written is no wait met since', () => {
    const v = verdictOf([start, staged, prodImage('4.3.0', '2026-10-02T10:00:00Z'), plan(body)]);
    expect(v.reasons.join('\n')).not.toMatch(/runs there now/);
  });
});

describe('a version in parentheses is no date', () => {
  const read = (text: string) => readDeadline(text, '2026-10-05T10:00:00Z').date;
  it.each(['prod follows once 4.2 runs there (4.1 still reads the flag, default off)', 'staging first (3.9 keeps the old path) then prod'])('%s', (text) => {
    expect(read(text)).toBeUndefined();
  });
  it.each([
    ['keep it until the migration is over (20.11)', '2026-11-20'],
    ['temporär (bis 20.11)', '2026-11-20'],
    ['temporary (20.11. back to 3)', '2026-11-20'],
  ])('%s → %s', (text, date) => {
    expect(read(text)).toBe(date);
  });
});
