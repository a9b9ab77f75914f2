// Session 23 (readers lane): gaps in the readers of later texts, each as a principle read in
// situations and phrasings of its own (none from a verdict story), with what must not change.
// (1) A rollback reported as done — "we rolled the flag back", "backed out the change", "reverted to
//     the old timeout", "zurückgerollt", "on revient à l'ancienne valeur" — withdraws the change where
//     it was rolled back: a lower environment's rollback is no go toward production, and what still
//     holds the value was left behind; a production rollback is never undone by promoting the lower
//     environments' value with confidence. A rollback's plan or procedure is no rollback.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { withdrawalIn } from '../../src/verdict/intent.js';
import { statusOf } from '../../src/verdict/answered.js';

const THREE = ['dev', 'staging', 'production'];

describe('a rollback reported as done is a withdrawal', () => {
  it.each([
    'We rolled the flag back in staging, it broke checkout',
    'Backed out the new retry policy on staging',
    'backing out the pool change on staging',
    'rolled staging back to 30s',
    'Rollback of the export flag on staging, the job crashed',
    'Undid the bump in staging',
    'staging is back to the old timeout',
    'Timeout auf Staging rückgängig gemacht',
    "on revient à l'ancienne valeur en recette, l'import plantait",
    'volvemos al valor anterior en staging',
    'ripristinato il valore precedente in staging',
    'teruggedraaid naar de oude waarde op acceptatie',
  ])('%s', (text) => {
    expect(withdrawalIn(text)).toBeTruthy();
    expect(statusOf(text, '2026-11-05T10:00:00Z')?.says).toBe('withdrawn');
  });

  it('a rollback reported with a check passed is still a withdrawal, never the work done', () => {
    expect(statusOf('staging rolled back and verified, done', '2026-11-05T10:00:00Z')?.says).toBe('withdrawn');
    expect(statusOf('Retry policy rolled back on staging; all green now', '2026-11-05T10:00:00Z')?.says).toBe('withdrawn');
  });

  it.each([
    'The rollback procedure is in the runbook',
    'Rollback plan: set it back to 30s',
    'Service restored, ripristinato il servizio',
    'We turned the limiter back on',
    'Roll out the new timeout to staging',
  ])('no withdrawal: %s', (text) => {
    expect(withdrawalIn(text)).toBeUndefined();
  });
});

describe("a lower environment's rollback: the change was withdrawn there, and is no go onward", () => {
  const base: Step = { subject: 'checkout config', date: '2026-10-01T10:00:00Z', set: { dev: ['', '30s'], staging: ['', '30s'], production: ['', '30s'] } };
  const story = (subject: string, body: string, rollback: string) =>
    judge(
      'CHECKOUT_TIMEOUT',
      [
        base,
        { subject, body, date: '2026-11-02T10:00:00Z', set: { dev: ['30s', '45s'], staging: ['30s', '45s'] } },
        { subject: rollback, date: '2026-11-05T10:00:00Z', set: { staging: ['45s', '30s'] } },
      ],
      '2026-12-03',
      {},
      { envs: THREE },
    );
  it.each([
    [
      'Raise checkout timeout to 45s',
      'dev and staging first, production follows next week.',
      'We rolled the checkout timeout back in staging, the batch import started timing out',
    ],
    [
      'Raise checkout timeout to 45s',
      'dev and staging first, production follows next week.',
      'Backed out the checkout timeout change on staging, it broke the nightly import',
    ],
    ['Raise checkout timeout to 45s', 'then prod.', 'staging: rollback of the checkout timeout, imports failed'],
    ['Checkout-Timeout auf 45s', 'Erst dev und Staging, Prod folgt nächste Woche.', 'Checkout-Timeout auf Staging rückgängig gemacht, der Import ist kaputt'],
    [
      'Timeout checkout à 45s',
      "D'abord dev et staging, la prod suit la semaine prochaine.",
      "Timeout checkout : on revient à l'ancienne valeur en staging, l'import plantait",
    ],
  ])('%s … %s', (subject, body, rollback) => {
    const v = story(subject, body, rollback);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'dev', value: '30s' });
    expect(v.reasons.join('\n')).toMatch(/withdrawn further along/);
  });

  it('a bare edit putting staging back says no rollback: a question, nothing moved toward production', () => {
    const v = story('Raise checkout timeout to 45s', 'dev and staging first, production follows next week.', 'Update staging.yaml');
    expect(v.reasons.join('\n')).not.toMatch(/withdrawn further along/);
    expect(v.suggested === 'backfill' && v.value === '45s').toBe(false);
  });
});

describe("production's rollback of a change that failed there: never the lower value promoted", () => {
  it.each([
    'Rolled back the pool size in prod, it caused connection storms',
    'Revert DB pool to 20 in production: the primary ran out of connections',
    'prod: backed out the pool bump, INC-88',
    'Pool in Produktion zurückgerollt, die DB lief voll',
    "Pool : on revient à l'ancienne valeur en prod, la base saturait",
  ])('%s', (rollback) => {
    const v = judge(
      'DB_POOL',
      [
        { subject: 'db config', date: '2026-10-01T10:00:00Z', set: { dev: ['', '20'], staging: ['', '20'], production: ['', '20'] } },
        {
          subject: 'Raise DB pool to 40 everywhere',
          date: '2026-11-02T10:00:00Z',
          set: { dev: ['20', '40'], staging: ['20', '40'], production: ['20', '40'] },
        },
        { subject: rollback, date: '2026-11-05T10:00:00Z', set: { production: ['40', '20'] } },
      ],
      '2026-12-03',
      {},
      { envs: THREE },
    );
    const promotes = v.drifted === 'production' && v.value === '40';
    expect(promotes && v.confidence >= 0.5, v.reasons.join('\n')).toBe(false);
  });
});
