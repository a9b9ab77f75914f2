import { describe, expect, it } from 'vitest';
import { tenseOf, yearOfClause } from '../../src/verdict/tense.js';

// What should have happened and did not ("should have gone back on 22.11.") is a day gone by, not a
// plan: the put-back is past due. Future words inside the modal ("hätte … werden sollen") do not make
// it one.
describe('a should-have is read as past, in every language read', () => {
  it.each([
    'Der Pool hätte am 22.11. zurück sollen',
    'hätte am 22.11. zurückgesetzt werden sollen',
    'the pool should have gone back to 600 on 22.11.',
    "we should've reverted it on 22.11.",
    'le pool aurait dû revenir à 600 le 22.11.',
    'el pool debería haber vuelto a 600 el 22.11.',
    'de pool had op 22.11. terug moeten gaan naar 600',
    'il pool avrebbe dovuto tornare a 600 il 22.11.',
    'o pool deveria ter voltado a 600 em 22.11.',
    'pulę powinno było przywrócić 22.11.',
    'poolen borde ha återställts den 22.11.',
  ])('%s', (clause) => {
    expect(tenseOf(clause)).toBe('past');
    expect(yearOfClause(clause, false)).toBe('past');
  });

  it.each([
    'Der Pool soll am 22.11. zurück',
    'the pool will go back to 600 on 22.11.',
    'le pool sera remis à 600 le 22.11.',
    'de pool zal op 22.11. terug naar 600',
    'Pool wird am 22.11. zurückgesetzt',
  ])('a plan stays a plan: %s', (clause) => expect(tenseOf(clause)).toBe('future'));

  it.each([
    'prod should have 64 connections by 1.12.',
    'prod skulle ha 64 från 1.12.',
    'debería haber 64 conexiones el 1.12.',
    'prod deveria ter 64 em 1.12.',
    'we would have to revert it on 22.11.',
    'tendríamos que volver a 600 el 22.11.',
    'we have to revert on 22.11.',
    'es hätte gut geklappt',
  ])('no should-have: %s', (clause) => expect(tenseOf(clause)).not.toBe('past'));
});
