// Dates and periods in the forms people write them (src/verdict/deadline.ts): day.month without
// its trailing dot, day/month and month/day told apart by the commit's own date (or refused when
// both readings are near), a quarter as an end ("after Q3", "post-Q3", "nach Q3"). Phrasings of our
// own, none from a verdict story; in memory.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';

const WRITTEN = '2026-11-02T10:00:00Z';

describe('day.month without the trailing dot', () => {
  it.each([
    ['relaxed limit stays until 14.12, then back to 60', '2026-12-14'],
    ['Ausnahme gilt bis 9.12 – danach zurück', '2026-12-09'],
    ['debug logging for the migration (ends 20.11)', '2026-11-20'],
    ['hasta el 3.12 solamente', '2026-12-03'],
    ['à retirer après le 28.11', '2026-11-28'],
    ['keep it on till 5.1.2027', '2027-01-05'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    'pin the client until 4.2 ships',
    'hold the old driver until 1.31 is out',
    'until 3.12 lands in prod we keep the flag',
    'stay on v2.14 until the upgrade',
    'until 12.5.3 is released',
  ])('a version, not a date: %s', (text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });
});

describe('day/month and month/day', () => {
  it.each([
    ['à remettre après le 30/11', '2026-11-30'],
    ['turn it back on after 28/11', '2026-11-28'],
    ['revert by 11/30', '2026-11-30'],
    // Both readings are dates: the one near the commit's own date is meant when the other is months off.
    ['keep until 06/12', '2026-12-06'],
    ['hold until 12/06, then revert', '2026-12-06'],
    ['until 05/11 only', '2026-11-05'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each([
    // 3 March or 4 March? Written on 1 March, both are near: not a date the verdict may act on.
    ['until 03/04', '2026-03-01T09:00:00Z'],
    ['till 02/03', '2026-02-01T10:00:00Z'],
  ])('refused when both readings are near: %s', (text, written) => {
    expect(readDeadline(text, written).date).toBeUndefined();
  });
});

describe('a quarter as an end', () => {
  it.each([
    ['remove after Q3', '2026-09-30'],
    ['post-Q3 we drop the override', '2026-09-30'],
    ['nach Q3 wieder entfernen', '2026-09-30'],
    ['e2e only; goes away after Q4 2026', '2026-12-31'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, '2026-07-01T10:00:00Z').date).toBe(date);
  });

  it.each(['revenue grew in Q3', 'the Q3 load test profile'])('a quarter named, no end: %s', (text) => {
    expect(readDeadline(text, '2026-07-01T10:00:00Z').date).toBeUndefined();
  });
});
