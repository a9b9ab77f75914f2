// Session 31 (spent holdout-28): an experiment's readout recorded the winner and the decision that it
// becomes the setting for all users; the lower environment took it and production never did. A
// recorded decision adopting a value for everyone is the go for the environment that serves them, in
// every language read. Phrasings of our own, none the story's.
import { describe, expect, it } from 'vitest';
import { adopts } from '../../src/verdict/adopted.js';
import { switchToCome } from '../../src/verdict/readers.js';

const ENVS = ['staging', 'production'];
const WRITTEN = '2027-03-10T09:00:00Z';
const TODAY = '2027-05-01';
const read = (s: string, value = 'v2-tower') => adopts(s, value, 'production', ENVS, WRITTEN, 'Ines Ruiz', TODAY);

describe('a recorded decision adopting the value for everyone', () => {
  it.each([
    ['English, a winner', 'Result: v2-tower wins and ships to all customers; the control is retired.'],
    ['English, decided', 'We decided that v2-tower is the recommender for everyone from now on.'],
    ['German', 'Entscheidung: v2-tower wird der Empfehlungsdienst für alle Nutzer.'],
    ['French', 'Décision de la PO : v2-tower devient le modèle pour tous les utilisateurs.'],
    ['Spanish', 'Decisión: v2-tower pasa a producción para todos los usuarios.'],
    ['Italian', 'Decisione: v2-tower diventa il modello per tutti gli utenti.'],
    ['Dutch', 'Besluit: v2-tower wordt het model voor alle gebruikers.'],
    ['Polish', 'Decyzja: v2-tower zostaje modelem dla wszystkich użytkowników.'],
    ['Swedish', 'Beslut: v2-tower blir modellen för alla användare.'],
    ['Czech', 'Rozhodnutí: v2-tower se stává modelem pro všechny uživatele.'],
  ])('%s', (_, text) => {
    expect(read(text)).toBe(true);
  });
});

describe('near misses', () => {
  it.each([
    ['a condition', 'If v2-tower wins, it becomes the recommender for all users.'],
    ['asked', 'Decision needed: does v2-tower become the recommender for all users?'],
    ['a proposal', 'Proposal: v2-tower becomes the recommender for all users.'],
    ['German, a condition', 'Falls v2-tower gewinnt, wird es der Dienst für alle Nutzer.'],
    ['French, negated', "Décision : v2-tower ne devient pas le modèle pour tous les utilisateurs, l'écart est trop faible."],
    ['measured, not decided', 'v2-tower was shown to 50% of traffic for all users in the EU cohort.'],
    ['scoped to one environment', 'Decision: v2-tower becomes the recommender for all users of staging only.'],
    ['temporary', 'Decision: v2-tower is the recommender for all users temporarily, during the sale.'],
    ['a day still ahead', 'Decision: v2-tower becomes the recommender for all users on 2027-09-01.'],
    ['another value', 'Decision: bm25-plus becomes the ranker for all users.'],
    ['no one named', 'Decision: v2-tower wins the readout.'],
  ])('%s', (_, text) => {
    expect(read(text)).toBe(false);
  });
});

// The same story's commit ending the experiment in production said "the switch to the winner follows":
// a value named as where production is going is not a thing only production has, and a lower
// environment already holding it is ahead, not pointing at production (readers.ts).
describe("a switch of production still to come names production's next value, not its own", () => {
  it.each([
    ['English', 'Split stopped in prod. The switch to v2-tower follows next sprint.'],
    ['English, to follow', 'prod: experiment off, ranker change to v2-tower to follow'],
    ['German', 'Experiment in Prod beendet; die Umstellung auf v2-tower folgt.'],
    ['French', 'Expérience arrêtée en prod ; le passage à v2-tower suivra.'],
    ['Spanish', 'Experimento parado en prod; el cambio a v2-tower queda pendiente.'],
    ['Dutch', 'Experiment in prod gestopt, de overstap naar v2-tower volgt.'],
  ])('%s', (_, text) => {
    expect(switchToCome(text)).toBe(true);
  });
  it.each([
    ['a list introduced', 'The production hosts are as follows: v2-tower.prod.internal'],
    ['German, a list', 'Die Produktionswerte sind wie folgt: v2-tower'],
    ['Dutch, a list', 'De productiewaarden zijn als volgt: v2-tower'],
    ['a fact', 'v2-tower serves real customers in prod.'],
    ['following', 'The following hosts are production only: v2-tower.'],
  ])('near miss: %s', (_, text) => {
    expect(switchToCome(text)).toBe(false);
  });
});
