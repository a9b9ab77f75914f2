// A step planned for another environment on a day (gates.ts `dueIn`, read by intent.ts's hold): "I switch
// production on 2027-07-31" plans production's step for that day, in every language read, and once the day
// has passed the step is due. Only with a verb of doing and a day after the text was written; a step
// negated, asked, after a gate, or a day already gone, plans nothing. And Romanian's names for production
// ("producția", "producției", "producţie") name it as "productie" does.
import { describe, expect, it } from 'vitest';
import { dueIn } from '../../src/verdict/gates.js';
import { readIntent } from '../../src/verdict/intent.js';
import { mentions } from '../../src/verdict/envnames.js';

const WRITTEN = '2027-07-08T11:05:00+02:00';
const intent = (body: string, envs = ['stg', 'prod']) =>
  readIntent({ subject: 'stg: new rate', body, author: 'Ana', email: 'ana@example.com', date: WRITTEN }, envs[0]!, envs);

describe('a step planned on a day is due that day', () => {
  it.each([
    ['I switch prod on 2027-07-31 at midnight.', '2027-07-31'],
    ['Prod am 31.07. um 23:59 umstellen (ich mache es).', '2027-07-31'],
    ['Je bascule la prod le 31/07 à 23h59.', '2027-07-31'],
    ['Cambiar prod el 31/07 a las 23:59.', '2027-07-31'],
    ['Prod skifter vi den 31/07 kl. 23.59.', '2027-07-31'],
    ['Prod o comutăm pe 31.07 la miezul nopții.', '2027-07-31'],
  ])('%s', (text, due) => {
    expect(dueIn(text, WRITTEN)).toBe(due);
    const hold = intent(text).hold;
    expect(hold?.envs).toEqual(['prod']);
    expect(hold?.follows).toBe(true);
    expect(hold?.until).toBe(due);
  });

  it.each([
    // No verb of doing: a day beside the name says nothing of a step.
    'Prod had its outage on 31/07.',
    // A day already gone when the text was written.
    'I switched prod on 2027-07-01.',
    // After a gate: the gate, not the day, holds it.
    'Prod switch after the audit on 2027-07-31.',
    // A number that is no day.
    'Switch prod on 4 nodes.',
  ])('no step on a day: %s', (text) => {
    expect(dueIn(text, WRITTEN)).toBeUndefined();
  });

  it('a step refused on that day is no step', () => {
    expect(intent('Prod nicht am 31.07. umstellen.').hold?.follows).not.toBe(true);
    expect(intent('Ne pas basculer la prod le 31/07.').hold?.follows).not.toBe(true);
  });
});

describe("Romanian's names for production", () => {
  it.each(['Producția o trec eu mâine.', 'în producţie', 'configurația producției', 'Productia ramane pe 9.'])('%s', (text) => {
    expect(mentions(text, 'productie')).toBe(true);
    expect(mentions(text, 'prod')).toBe(true);
  });
  it.each(['producător', 'reproducția', 'productivitate'])('not production: %s', (text) => {
    expect(mentions(text, 'prod')).toBe(false);
  });
});
