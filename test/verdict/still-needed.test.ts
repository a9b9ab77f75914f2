// Session 33 (spent holdout-30, lane f): a record written after a change that asks whether the change is
// still needed — meeting notes, a review, a stand-up, an action item "check whether …" — naming the value
// or the key, and answered by nothing since, leaves the value's continuation undecided: a declare at 0.45
// asking the people it names, neither environment the deliberate one. A question about something else, a
// statement that it is still needed, or an answer written after the question, decides nothing this way.
// Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { asksStillNeeded, stillNeededSaid } from '../../src/verdict/still-needed.js';
import { judge, type Step } from './memory-story.js';

describe('asked whether a change is still needed, in the languages read', () => {
  it.each([
    'Is the 20-connection pool still needed now that PgBouncer sits in front?',
    'Do we still need the raised timeout after the vendor fix?',
    'Action: check whether the rate cap is still required.',
    'Brauchen wir das Limit von 25 nach der Migration noch?',
    'Ist die Drosselung auf 25 noch nötig?',
    'La limite à 25 est-elle encore nécessaire après la migration ?',
    'A-t-on encore besoin du cache court ?',
    '¿Sigue siendo necesario el límite de 25?',
    '¿Todavía hace falta el TTL corto?',
    'Il limite a 25 serve ancora?',
    'Is de limiet van 25 nog nodig?',
    'O limite de 25 ainda é necessário?',
    'Behövs gränsen på 25 fortfarande?',
    'Er grensen på 25 fortsatt nødvendig?',
    'Czy ten limit jest nadal potrzebny?',
    'Sprawdzić, czy limit 25 jest wciąż potrzebny.',
    'Onko 25 raja vielä tarpeen?',
  ])('%s', (text) => {
    expect(asksStillNeeded(text)).toBe(true);
  });

  it.each([
    'The cap is still needed: month-end load has not changed.',
    'No longer needed: remove it.',
    'Is the dashboard up to date?',
    'Do we need a new limit for the reports?',
    'Das Limit ist noch nötig, bis der Proxy skaliert ist.',
    'Il limite serve a proteggere il database.',
    'Still waiting for the vendor?',
    'La limite est encore nécessaire pour la clôture.',
  ])('not: %s', (text) => {
    expect(asksStillNeeded(text)).toBe(false);
  });

  it('reads the statement as the answer', () => {
    expect(stillNeededSaid('Checked with the DBAs: the cap of 25 is still needed until the proxy is sized.', (s) => s.includes('25'))).toBeDefined();
    expect(stillNeededSaid('Is the cap of 25 still needed?', (s) => s.includes('25'))).toBeUndefined();
  });
});

const KEY = 'workers.billing_sync.max_parallel';
const start: Step = { subject: 'billing sync workers', date: '2026-05-04T10:00:00Z', set: { staging: ['', '60'], production: ['', '60'] } };
const cut: Step = {
  subject: 'production: billing sync parallelism 60 -> 12',
  body: 'The DBAs asked for it: the old primary runs out of connections at quarter end.',
  date: '2026-09-29T22:00:00Z',
  set: { production: ['60', '12'] },
};
const notes: Step = { subject: 'ops review notes', date: '2027-02-10T16:00:00Z' };
const verdictOf = (note: string, more: Step[] = [], docs: Array<{ path: string; text: string; step: number }> = []) =>
  judge(KEY, [start, cut, notes, ...more], '2027-04-01', {}, { documents: [{ path: 'docs/reviews/2027-02-10.md', text: note, step: 2 }, ...docs] });

describe('a question since whether the change is still needed leaves it undecided', () => {
  it.each([
    '# Ops review, 10 Feb\n\n1. Billing sync in production still queues for an hour at quarter end.\n' +
      '   - Is the parallelism of 12 still needed after the move to the managed database?\n   - Action: Lena checks with the DBAs.\n',
    '# Betriebsrunde 10.02.\n\n1. Billing sync in production: max_parallel 12.\n   - Ist die Begrenzung auf 12 nach dem Umzug noch nötig?\n   - Aufgabe: Lena klärt mit den DBAs.\n',
    '# Revue ops du 10/02\n\n1. Billing sync en production : max_parallel à 12.\n   - La limite à 12 est-elle encore nécessaire depuis la migration ?\n   - Action : Lena voit avec les DBA.\n',
    '# Reunión de operaciones 10/02\n\n1. Billing sync en production: max_parallel 12.\n   - ¿Sigue siendo necesario el límite de 12 tras la migración?\n   - Acción: Lena lo consulta con los DBA.\n',
  ])('%s', (note) => {
    const v = verdictOf(note);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.deliberate).toBeNull();
    expect(v.question).toMatch(/still needed/);
  });

  it('an answer written since settles it: the question is not asked again', () => {
    const note = '# Ops review, 10 Feb\n\n1. Billing sync in production: max_parallel 12.\n   - Is the parallelism of 12 still needed after the move?\n';
    const answer: Step = { subject: 'dba answer', date: '2027-03-01T10:00:00Z' };
    const v = verdictOf(
      note,
      [answer],
      [
        {
          path: 'docs/reviews/2027-03-01.md',
          text: '# DBA answer\n\n- billing sync in production: max_parallel 12 is still needed until the pooler is sized.\n',
          step: 3,
        },
      ],
    );
    expect(v.question ?? '').not.toMatch(/still needed \(/);
  });

  it('a question about something else in the same notes leaves the change alone', () => {
    const note = '# Ops review, 10 Feb\n\n1. Billing sync in production: max_parallel 12.\n2. Is the old Grafana dashboard still needed?\n';
    const v = verdictOf(note);
    expect(v.question ?? '').not.toMatch(/still needed/);
  });
});
