// A record dating an event's end ("end: 10/05 06:40", "Ende: 10.05.", "fin : 2027-05-10") reports the event
// over when it was written on or after that day (ended-record.ts), and answers a temporary measure that
// waited for the event (answered.ts statusOf: done, or met where it cites the change's ticket). Phrasings of
// our own, none from a verdict story; near misses: a day ahead (a plan), an estimate, no day, a time only.
import { describe, expect, it } from 'vitest';
import { endRecorded } from '../../src/verdict/ended-record.js';
import { statusOf } from '../../src/verdict/answered.js';

const WRITTEN = '2027-05-12T12:30:00+02:00';

describe('an end the record dates', () => {
  it.each([
    '- start: 2027-04-19 22:15, end: 2027-05-10 06:40',
    'Beginn: 19.04. 22:15 · Ende: 10.05.2027 06:40',
    '- début : 19/04, fin : 10/05',
    '| Migração | início: 02/05 | fim: 09/05 |',
    'Inizio: 19/04 — fine: 10/05 alle 06:40',
    'Start: 19-04, einde: 10 mei',
    'Aloitus 19.4., loppu: 10.05.2027',
    'έναρξη: 19/04, λήξη: 10/05',
  ])('%s', (text) => {
    expect(endRecorded(text, WRITTEN)).toBeDefined();
  });

  it.each([
    // a plan: the day is after the record was written
    '- start: 2027-05-20, end: 2027-06-02',
    'Ende: 30.05.2027 (geplant)',
    // an estimate: a word between the label and the day
    'end: expected 10/05',
    'Ende: voraussichtlich 10.05.',
    'fin : prévue le 10/05',
    // no day
    'end: TBD',
    'Wartungsfenster Ende: 22:00',
    // a word ending in the label is not the label
    'backend: 10/05 deploy',
    'weekend: 08/05 on call',
  ])('not: %s', (text) => {
    expect(endRecorded(text, WRITTEN)).toBeUndefined();
  });
});

describe('answers the event a temporary measure waited for', () => {
  it('done, without the ticket', () => {
    expect(statusOf('- inicio: 19/04 22:15, fin: 10/05 06:40', WRITTEN, ['SRCH-9'])?.says).toBe('done');
  });
  it('met, citing the ticket', () => {
    expect(statusOf('SRCH-9 — start: 19/04, end: 10/05', WRITTEN, ['SRCH-9'])?.says).toBe('met');
  });
  it('a planned end answers nothing', () => {
    expect(statusOf('- start: 20/05, end: 02/06', WRITTEN, ['SRCH-9'])).toBeUndefined();
  });
});
