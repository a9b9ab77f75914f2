// Session 29 (spent holdout-26): a pilot's report, written after its declaration ran out, recorded the
// decision to switch the feature on in every environment — in a language the readers did not read
// (Romanian). A later text deciding the change for every environment gives each environment still
// waiting the go, in every language read; Romanian is one of them now. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { decidedEverywhere } from '../../src/verdict/decided-everywhere.js';
import { languageOf } from '../../src/verdict/languages.js';

const ENVS = ['staging', 'production'];
const WRITTEN = '2027-03-10T09:00:00Z';
const TODAY = '2027-05-01';
const read = (s: string) => decidedEverywhere(s, WRITTEN, 'Mara Pop', 'production', ENVS, TODAY);

describe('a later text deciding the change for every environment', () => {
  it.each([
    ['English', 'Decided at the review: the new retry policy is switched on in all environments.'],
    ['German', 'Nach dem Review wird die neue Retry-Policy in allen Umgebungen aktiviert.'],
    ['French', 'Suite à la revue, la nouvelle politique est activée dans tous les environnements.'],
    ['Spanish', 'Tras la revisión, la nueva política se activa en todos los entornos.'],
    ['Dutch', 'Na de review gaat het nieuwe beleid aan in alle omgevingen.'],
    ['Romanian', 'După analiză, noua politică de retry este activă în toate mediile.'],
    ['Romanian without diacritics', 'Dupa analiza, noua politica se activeaza in toate mediile.'],
    ['Romanian, everywhere', 'Comitetul a decis: funcționalitatea rămâne pornită peste tot.'],
  ])('%s', (_, text) => {
    expect(read(text)).toBeDefined();
  });
});

describe('near misses', () => {
  it.each([
    ['negated', 'The new retry policy is not switched on in all environments.'],
    ['an exception', 'The new policy is switched on in all environments except production.'],
    ['one environment only', 'The new policy stays in production only.'],
    ['temporary', 'The new policy is switched on in all environments temporarily, for the load test.'],
    ['a day still ahead', 'The new policy is switched on in all environments on 2027-09-01.'],
    ['Romanian, negated', 'Noua politică nu se activează în toate mediile.'],
    ['Romanian, only production', 'Noua politică rămâne doar în producție.'],
    ['Romanian, temporary', 'Noua politică este activă în toate mediile temporar.'],
    ['no everywhere', 'Nach dem Review bleibt die Policy wie sie ist.'],
  ])('%s', (_, text) => {
    expect(read(text)).toBeUndefined();
  });
});

describe('Romanian is a language read', () => {
  it.each([
    'Decizie: lansare generală, se activează în toate mediile.',
    'Pilotul a fost finalizat, valoarea rămâne doar în producție până la 30 iunie.',
    'Dupa pilot se activeaza in toate mediile',
  ])('%s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'ro', read: true });
  });
});

describe('a decision still ahead', () => {
  it.each([
    ['a condition first', 'Once the pilot ends, the policy is switched on in all environments.'],
    ['a gate after', 'The policy is switched on in all environments once the soak test is green.'],
    ['asked', 'Do we switch the policy on in all environments?'],
    ['Romanian, a condition', 'După ce se termină pilotul, politica se activează în toate mediile.'],
    ['German, a gate after', 'Die Policy wird in allen Umgebungen aktiviert, sobald der Lasttest grün ist.'],
  ])('%s', (_, text) => {
    expect(read(text)).toBeUndefined();
  });
});
