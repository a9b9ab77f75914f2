// A day written beside the way back is the temporary value's end (issue 10, holdout-24/27 read as a
// principle): "<weekday> 30/11 back to 3" names when the plan goes back, in every language the readers
// handle, with the weekday or without it, the day before the way back or after it ("op 30/11"). Not a
// version going back ("3.11 back to 3.10"), not a day reported before a comma, not a fraction.
// Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { judge, type Step } from './memory-story.js';

const written = '2026-11-20T16:00:00Z';
const read = (text: string) => readDeadline(text, written);

describe('a day beside the way back ends the temporary value', () => {
  it.each([
    ['temporarily 12 for the sale, Monday 30/11 back to 3', '2026-11-30'],
    ['for the campaign only; 30/11 back to 3', '2026-11-30'],
    ['tijdelijk voor de actie, maandag 30/11 terug naar 3', '2026-11-30'],
    ['tijdelijk, terug naar 3 op 30/11', '2026-11-30'],
    ['vorübergehend für den Sale, Montag 30.11. zurück auf 3', '2026-11-30'],
    ['temporal para la campaña, el lunes 30/11 vuelve a 3', '2026-11-30'],
    ['temporal, vuelve a 3 el 30/11', '2026-11-30'],
    ['temporaire pour les soldes, lundi 30/11 retour à 3', '2026-11-30'],
    ['temporário para a campanha, segunda 30/11 volta para 3', '2026-11-30'],
    ['tymczasowo na wyprzedaż, poniedziałek 30.11. wracamy do 3', '2026-11-30'],
    ['temporaneo, lunedì 30/11 torna a 3', '2026-11-30'],
    ['tijdelijk, 15/1/2027 terug naar 3', '2027-01-15'],
  ])('%s → %s', (text, date) => {
    expect(read(text).date).toBe(date);
  });

  it.each([
    'temporary: rolled 3.11 back to 3.10',
    'temporary, deployed 4.2 back to 4.1 once fixed',
    'went up 20/11, back to 3 later',
    'temporary, 3/4 back to normal when the queue drains',
    'back to 3 once the sale is over',
  ])('%s: no day', (text) => {
    expect(read(text).date).toBeUndefined();
  });
});

describe('through the verdict: production’s temporary raise, its day gone', () => {
  const start: Step = { subject: 'autoscaling defaults', date: '2026-06-01T10:00:00Z', set: { staging: ['', '3'], production: ['', '3'] } };
  const verdictOn = (body: string, today: string) =>
    judge('autoscaling.minReplicas', [start, { subject: 'prod: minReplicas 12 for the sale', body, date: written, set: { production: ['3', '12'] } }], today);
  it.each([
    'tijdelijk voor het actieweekend, maandag 30/11 terug naar 3',
    'Temporary for the sale weekend, Monday 30/11 back to 3.',
    'Vorübergehend fürs Aktionswochenende, Montag 30.11. zurück auf 3.',
  ])('%s: kept until the day, put back after it', (body) => {
    const before = verdictOn(body, '2026-11-25');
    expect(before.suggested, before.reasons.join('\n')).toBe('declare');
    expect(before.expires).toBe('2026-11-30');
    const after = verdictOn(body, '2027-01-20');
    expect(after.suggested, after.reasons.join('\n')).toBe('revert');
    expect(after.drifted).toBe('production');
    expect(after.value).toBe('3');
  });
});
