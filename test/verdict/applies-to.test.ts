// Session 28 (spent holdout-25): a change production made first, then a decision written since that
// binds another environment by the same rule ("the limit applies to prod and acc") — that environment
// follows (backfill). Read in the languages read, with the environment named after the verb and not
// negated, excluded, asked, conditional or due on a day still ahead. With it: a subject written in
// long compounds ("asiakastietojen säilytysaika", "Kundendaten Aufbewahrungsfrist") is restated by a
// document that writes every one of them; and an old value kept in another environment ("test may
// stay at 365") withdraws nothing of the change. Situations and phrasings of their own.
import { describe, expect, it } from 'vitest';
import { boundBy } from '../../src/verdict/applies.js';
import { judge, type Step } from './memory-story.js';

const ENVS = ['test', 'acc', 'prod'];
const WRITTEN = '2026-11-10T10:00:00Z';
const TODAY = '2026-12-04';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;

describe('a rule that names the environments it binds', () => {
  it.each([
    ['English', 'The 14-day cap applies to production and acc alike.'],
    ['English, binding', 'This limit is binding for acc as well.'],
    ['German', 'Die Grenze gilt auch für acc, weil dort echte Daten liegen.'],
    ['French', "Cette limite s'applique aussi à acc (copie de la production)."],
    ['Spanish', 'El límite se aplica también a acc.'],
    ['Italian', 'Il limite si applica anche a acc.'],
    ['Dutch', 'Deze grens geldt ook voor acc.'],
    ['Portuguese', 'O limite aplica-se também a acc.'],
    ['Polish', 'Limit dotyczy także acc.'],
    ['Swedish', 'Gränsen gäller även för acc.'],
    ['Danish', 'Grænsen gælder også for acc.'],
    ['Finnish', 'Raja koskee myös acc-ympäristöä.'],
  ])('%s: binds acc', (_language, text) => {
    expect(boundBy(text, ['acc', 'test'], WRITTEN, TODAY)?.env).toBe('acc');
  });

  it.each([
    ['negated', 'The cap does not apply to acc.'],
    ['negated, German', 'Die Grenze gilt nicht für acc.'],
    ['negated, French', "La limite ne s'applique pas à acc."],
    ['negated, Finnish', 'Raja ei koske acc-ympäristöä.'],
    ['negated, Swedish', 'Gränsen gäller inte för acc.'],
    ['excluded', 'It applies to every environment except acc.'],
    ['excluded, German', 'Sie gilt für alle Umgebungen außer acc.'],
    ['a condition', 'If the audit confirms it, this applies to acc too.'],
    ['asked', 'Does the cap apply to acc?'],
    ['from a day still ahead', 'The cap applies to acc from 2027-03-01.'],
    ['another environment only', 'The cap applies to prod only.'],
  ])('%s: binds nothing', (_what, text) => {
    expect(boundBy(text, ['acc', 'test'], WRITTEN, TODAY)).toBeUndefined();
  });
});

describe('a decision written since production went first makes the environment it binds follow', () => {
  const steps = (subject: string): Step[] => [
    { subject: 'register config', date: '2026-06-01T09:00:00Z', set: { test: ['', '365'], acc: ['', '365'], prod: ['', '365'] } },
    { subject, date: '2026-10-01T10:00:00Z', set: { prod: ['365', '30'] } },
    { subject: 'decision record on retention', date: '2026-11-10T10:00:00Z', touched: ['docs/decisions/retention.md'] },
  ];
  const judged = (subject: string, text: string) =>
    judge('retention.customerDataDays', steps(subject), TODAY, {}, { envs: ENVS, documents: [{ path: 'docs/decisions/retention.md', step: 2, text }] });

  it.each([
    [
      'English, with another environment kept at the old value',
      'prod: customer data retention 365 -> 30 days (PRIV-4)',
      '# Retention\n\nCustomer data retention is 30 days. This applies to prod and acc (acc is a copy of production). test holds synthetic data, so it may stay at 365.\n',
    ],
    [
      'German, in compounds',
      'prod: Kundendaten Aufbewahrungsfrist 365 -> 30 Tage',
      '# Entscheidung\n\nDie Aufbewahrungsfrist für Kundendaten beträgt 30 Tage. Das gilt für prod und acc.\n',
    ],
    [
      'French',
      'prod : conservation des données clients 365 -> 30 jours (PRIV-4)',
      '# Décision PRIV-4\n\nLa conservation est de 30 jours ; cela s’applique à prod et à acc.\n',
    ],
    [
      'Finnish, in compounds',
      'prod: asiakastietojen säilytysaika 365 -> 30 pv',
      '# Päätös\n\nAsiakastietojen säilytysaika on 30 päivää. Tämä koskee prod- ja acc-ympäristöä.\n',
    ],
  ])('%s: backfill acc, test and prod untouched', (_what, subject, text) => {
    const v = judged(subject, text);
    expect(v, why(v)).toMatchObject({ suggested: 'backfill', drifted: 'acc', value: '30', deliberate: 'prod' });
  });

  it('a decision that leaves acc out moves nothing', () => {
    const v = judged('prod: customer data retention 365 -> 30 days (PRIV-4)', '# PRIV-4\n\nCustomer data retention is 30 days. This does not apply to acc.\n');
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill', drifted: 'acc' });
    expect(v.suggested === 'revert' && v.drifted === 'prod').toBe(false);
  });

  it('a document restating one compound of the subject only is not linked: nothing moves', () => {
    const v = judged('prod: Kundendaten Aufbewahrungsfrist 365 -> 30 Tage', '# Notiz\n\nDie Aufbewahrungsfrist beträgt 30 Tage. Das gilt für prod und acc.\n');
    expect(v, why(v)).not.toMatchObject({ suggested: 'backfill', drifted: 'acc' });
  });
});
