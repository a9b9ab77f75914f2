// Session 28 (spent holdout-25): one tenant was held at its rollout step "until <the account manager>
// confirms" whether a contract clause applies. A keep until someone answers is kept on purpose, but
// for that person's word: the difference is declared below the confident line, with the question
// what they answered — never the environment's own setting at 0.7. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { awaitsAnswer } from '../../src/verdict/awaited-answer.js';

describe('a keep until someone answers', () => {
  it.each([
    ['English, gets back', 'Keeping eu-2 at 10% until the customer success lead gets back to us on the SLA.'],
    ['English, sign-off pending', 'Leave the quota as is until legal signs off on the data clause.'],
    ['German', 'Bleibt vorerst bei 20, bis der Kunde die Vertragsklausel bestätigt.'],
    ['French', "On reste à 20 jusqu'à ce que le client confirme la clause."],
    ['Spanish', 'Se queda en 20 hasta que el equipo legal responda.'],
    ['Dutch', 'Blijft op 20 totdat de accountmanager het bevestigt.'],
    ['Polish', 'Zostaje na 20, dopóki klient nie potwierdzi warunków.'],
  ])('%s', (_, text) => {
    expect(awaitsAnswer(text)).toBeDefined();
  });
});

describe('near misses', () => {
  it.each([
    ['a dated keep', 'Keep prod at 20 until 1 December.'],
    ['a keep until an event', 'Hold at 20 until the freeze ends.'],
    ['an answer recorded', 'The account manager confirmed the clause does not apply.'],
    ['a question', 'Keep it at 20 until someone confirms?'],
    ['confirm as a plain verb', 'Confirmed on staging: hit ratio 80%.'],
  ])('%s', (_, text) => {
    expect(awaitsAnswer(text)).toBeUndefined();
  });
});
