// Naming the next environment in a condition for later sends nothing there (difference.ts
// `namesAsGoing`): "production after we decide who owns the SLO" names production as waiting, in
// English and in every language whose gate words languages.ts reads ("Prod erst wenn …", "Producția
// după ce …", "Produkcja dopiero gdy …"). And a decision still to take is pending in Romanian as in the
// other languages read ("după ce decidem cine …", "decizia pentru producție"): the step waits for a
// decision, not a check a later text reports. Phrasings of our own; the same texts sending the value
// on in so many words still send it.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const start: Step = { subject: 'alert routes', date: '2027-03-01T10:00:00Z', set: { staging: ['', 'pager-payments'], production: ['', 'pager-payments'] } };
const verdictOf = (body: string) =>
  judge(
    'ROUTE_RECEIVER',
    [
      start,
      {
        subject: 'staging: route the latency alert to the new team',
        body,
        date: '2027-10-06T10:00:00Z',
        set: { staging: ['pager-payments', 'pager-checkout'] },
      },
    ],
    '2027-11-25',
  );

describe('an environment named in a condition for later is not sent the value', () => {
  it.each([
    'Production after we decide who owns the latency SLO.',
    'Prod erst wenn das Architekturgremium über das SLO entschieden hat.',
    'Producția după ce comitetul stabilește cine deține SLO-ul.',
    'Produkcja dopiero gdy komitet ustali właściciela SLO.',
    'Producción solo cuando el comité decida quién es el dueño del SLO.',
  ])('%s', (body) => {
    const v = verdictOf(body);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('a decision still to take, in Romanian', () => {
  it.each([
    'Producția după ce decidem cine răspunde de alertă.',
    'Producția urmează după ce hotărâm împreună cu echipa de plăți.',
    'În producție abia după decizia comitetului.',
  ])('%s', (body) => {
    const hold = readIntent({ subject: 'staging: x', body, author: 'A', email: 'a@x', date: '2027-10-06T10:00:00Z' }, 'staging', [
      'staging',
      'production',
    ]).hold;
    expect(hold?.envs).toEqual(['production']);
    expect(hold?.decides).toBe(true);
  });
  it.each(['Producția după ce se termină migrarea bazei de date.', 'Producția după testul de încărcare de joi.'])('no decision: %s', (body) => {
    const hold = readIntent({ subject: 'staging: x', body, author: 'A', email: 'a@x', date: '2027-10-06T10:00:00Z' }, 'staging', [
      'staging',
      'production',
    ]).hold;
    expect(hold?.decides).not.toBe(true);
  });
});
