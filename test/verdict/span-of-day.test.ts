// Session 36 (sp33a): a setting made "for the day" — a game day's, a drill's — ends on the day it was made,
// in the languages read: "for the (rest of the) day", "für den Tag", "pour la journée", "por el día", "per la
// giornata", Finnish "päivän ajaksi" (which the Finnish table now reads as a time limit too). Once that day
// has passed, the environment goes back. Phrasings of their own (none from a verdict story); negatives: a
// day named as another ("for the day after the release"), a day that is no limit ("broke on the day of
// the release").
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { judge } from './memory-story.js';
import { why } from './log-builders.js';

const read = (subject: string, body = '') =>
  readIntent({ subject, body, author: '', email: '', date: '2027-05-12T08:00:00Z' }, 'staging', ['staging', 'production']);

describe('a setting made for the day ends that day', () => {
  it.each([
    ['English', 'drill: queue limit down in staging', 'for the rest of the day, so the on-call can practise the failover'],
    ['German', 'Übung: Queue-Limit runter in Staging', 'für den Tag, damit die Rufbereitschaft den Failover übt'],
    ['French', 'exercice : limite de file baissée en staging', 'pour la journée, pour que l’astreinte s’exerce au basculement'],
    ['Italian', 'esercitazione: limite coda ridotto in staging', 'per la giornata, per provare il failover'],
    ['Finnish', 'harjoitus: jonon raja alas stagingissa', 'tämän päivän ajaksi, jotta päivystäjä harjoittelee failoveria'],
  ])('%s: temporary until the day it was written', (_lang, subject, body) => {
    const t = read(subject, body).temporary;
    expect(t?.until, JSON.stringify(t)).toBe('2027-05-12');
  });

  it.each([
    ['another day named', 'queue limit down for the day after the release'],
    ['a day that is no limit', 'queue limit down: it broke on the day of the release'],
  ])('%s: no end on the day written', (_what, subject) => {
    expect(read(subject).temporary?.until).toBeUndefined();
  });

  it('the day passed: staging goes back, production never takes the drill’s value', () => {
    const v = judge(
      'queue.maxDepth',
      [
        { subject: 'queue values', date: '2027-01-10T10:00:00Z', set: { staging: ['', '5000'], production: ['', '5000'] } },
        {
          subject: 'harjoitus: jonon raja alas stagingissa',
          body: 'päivän ajaksi, failover-harjoitus',
          date: '2027-05-12T08:00:00Z',
          set: { staging: ['5000', '50'] },
        },
      ],
      '2027-06-01',
    );
    expect([v.suggested, v.drifted, v.value], why(v)).toEqual(['revert', 'staging', '5000']);
  });
});
