// Session 28 (spent holdout-25): a time-boxed declaration for an experiment run on production
// traffic alone. An experiment, a pilot or a trial is named in every language the readers read
// ("expérience", "experimento", "esperimento", "eksperyment", "kokeilu", "försök"), and its end is
// read as a rollout's is: a later text that extends it renews the declaration; with nothing written,
// its date running out rolls it back — and rolling back returns the environment that left the
// shared value (production, when production alone ran it), never the environments that took no
// part. Situations and phrasings of their own; negatives: a user's "expérience", a rollout led
// upstream, a production change upstream followed since.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const ENVS = ['dev', 'staging', 'production'];
const TODAY = '2026-12-04';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

const productionAlone = (subject: string, body = ''): Step[] => [
  { subject: 'config for all environments', date: '2026-05-01T09:00:00Z', set: { dev: ['', 'off'], staging: ['', 'off'], production: ['', 'off'] } },
  { subject, body, date: '2026-08-01T10:00:00Z', set: { production: ['off', 'on'] } },
];

describe('an expired experiment that production alone ran goes back in production', () => {
  it.each([
    ['French', 'expérience de tarification (TAR-3)', 'tarification : expérience en production (TAR-3)'],
    ['Spanish', 'experimento de precios TAR-3', 'experimento de precios solo en producción (TAR-3)'],
    ['Italian', 'esperimento sul ranking TAR-3', 'esperimento ranking solo in produzione (TAR-3)'],
    ['Polish', 'eksperyment cenowy TAR-3', 'eksperyment cenowy tylko na produkcji (TAR-3)'],
    ['Finnish', 'kokeilu: uusi hinnoittelu (TAR-3)', 'kokeilu tuotannossa (TAR-3)'],
    ['Swedish', 'försök med ny rankning TAR-3', 'försök i produktion (TAR-3)'],
    ['English', 'ranking experiment TAR-3', 'ranking experiment on production traffic only (TAR-3)'],
  ])('%s: revert production, as staging holds', (_language, reason, subject) => {
    const v = judge('PRICING_MODE', productionAlone(subject), TODAY, {}, { envs: ENVS, declared: { reason, expires: '2026-10-31' } });
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'production', deliberate: 'staging', value: 'off' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });

  it('extended in a later document on its ticket: declared again with the new end, nothing moved', () => {
    const steps: Step[] = [
      ...productionAlone('tarification : expérience en production (TAR-3)'),
      { subject: 'TAR-3 suite', date: '2026-10-20T10:00:00Z', touched: ['docs/tar-3.md'] },
    ];
    const doc = { path: 'docs/tar-3.md', step: 2, text: '# TAR-3\n\nMise à jour : résultats trop faibles, expérience prolongée jusqu’au 31/01/2027.\n' };
    const v = judge(
      'PRICING_MODE',
      steps,
      TODAY,
      {},
      { envs: ENVS, declared: { reason: 'expérience de tarification (TAR-3)', expires: '2026-10-31' }, documents: [doc] },
    );
    expect(v, why(v)).toMatchObject({ suggested: 'declare', drifted: null, expires: '2027-01-31' });
  });
});

describe('near misses', () => {
  it('a user\'s "expérience" is no trial: not read as a rollout past its date', () => {
    const v = judge(
      'PRICING_MODE',
      productionAlone('meilleure expérience utilisateur en production'),
      TODAY,
      {},
      {
        envs: ENVS,
        declared: { reason: 'meilleure expérience utilisateur en production', expires: '2026-10-31' },
      },
    );
    expect(why(v)).not.toMatch(/run out of time/);
  });

  it('a rollout led upstream still rolls back the environments ahead', () => {
    const steps: Step[] = [
      { subject: 'config', date: '2026-05-01T09:00:00Z', set: { dev: ['', 'off'], staging: ['', 'off'], production: ['', 'off'] } },
      { subject: 'rollout of the new mode (TAR-4)', date: '2026-08-01T10:00:00Z', set: { dev: ['off', 'on'], staging: ['off', 'on'] } },
    ];
    const v = judge('PRICING_MODE', steps, TODAY, {}, { envs: ENVS, declared: { reason: 'rollout TAR-4', expires: '2026-10-31' } });
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'staging', value: 'off' });
  });

  it('production back to the old value after taking the rollout (halted) rejoins; it does not lead', () => {
    const steps: Step[] = [
      { subject: 'config', date: '2026-05-01T09:00:00Z', set: { dev: ['', 'off'], staging: ['', 'off'], production: ['', 'off'] } },
      { subject: 'new mode in dev and staging (TAR-6)', date: '2026-06-01T10:00:00Z', set: { dev: ['off', 'on'], staging: ['off', 'on'] } },
      { subject: 'new mode in production (TAR-6)', date: '2026-07-01T10:00:00Z', set: { production: ['off', 'on'] } },
      { subject: 'TAR-6 halted, production off again', date: '2026-07-03T10:00:00Z', set: { production: ['on', 'off'] } },
    ];
    const v = judge('PRICING_MODE', steps, TODAY, {}, { envs: ENVS, declared: { reason: 'experiment TAR-6', expires: '2026-10-31' } });
    expect(v.drifted).not.toBe('production');
  });

  it('production changed first but staging moved since: not production-led, the order decides', () => {
    const steps: Step[] = [
      { subject: 'config', date: '2026-05-01T09:00:00Z', set: { dev: ['', 'a'], staging: ['', 'a'], production: ['', 'a'] } },
      { subject: 'experiment in production (TAR-5)', date: '2026-08-01T10:00:00Z', set: { production: ['a', 'b'] } },
      { subject: 'lower environments to c', date: '2026-09-01T10:00:00Z', set: { dev: ['a', 'c'], staging: ['a', 'c'] } },
    ];
    const v = judge('PRICING_MODE', steps, TODAY, {}, { envs: ENVS, declared: { reason: 'experiment TAR-5', expires: '2026-10-31' } });
    expect(v.drifted).not.toBe('production');
  });
});
