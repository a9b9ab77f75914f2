// A plan's date given with a condition of its own (holdout-17/26's pattern: "Production follows at the end
// of November, once the contract is signed"): the date is when its writer expected the condition to hold;
// its passing, with nothing written since, says nothing of whether it did. Phrasings and keys of their own.
import { describe, expect, it } from 'vitest';
import { judge } from './memory-story.js';

const TODAY = '2026-12-04';
const story = (key: string, body: string, from = 'old', to = 'new') =>
  judge(
    key,
    [
      { subject: 'initial values', date: '2026-03-01T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
      { subject: `staging: switch ${key}`, body, date: '2026-10-20T10:00:00Z', set: { staging: [from, to] } },
    ],
    TODAY,
  );

describe('a plan whose date passed, with a condition beside the date that nothing reports met', () => {
  it.each([
    ['MAIL_PROVIDER', 'Production follows on 30 November, once the DPA with the vendor is signed.'],
    ['payments.acquirer', 'Prod on 2026-11-25 provided that risk signs off the new acquirer.'],
    ['CDN_HOST', 'Production: end of November, as soon as our TLS certificate for the new CDN is issued.'],
    ['search.backend', 'Prod folgt am 30.11., sobald der Vertrag unterschrieben ist.'],
  ])('is a question, not a backfill: %s', (key, body) => {
    const v = story(key, body);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('backfill');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question, v.reasons.join('\n')).toBeTruthy();
  });
});

describe('what does not change', () => {
  it.each([
    ['MAIL_PROVIDER', 'Production follows on 30 November.'],
    ['CDN_HOST', 'Production follows after the freeze ends on 30 November.'],
  ])('a date alone (or a condition that is a date) still moves the step: %s', (key, body) => {
    const v = story(key, body);
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['backfill', 'production']);
  });
});
