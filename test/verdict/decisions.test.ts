// The decision families conditions.ts reads for every place text lives (issue 10; holdout-11's 05,
// 36, 44, 47, 49 named the gaps): a go for an environment, an environment said to follow another, a
// matter said to be open, a choice left open. Phrasings of our own, none taken from a story; as many
// that must not read as a decision (a quote of a plan, a question, a negation, a gate still ahead).
import { describe, expect, it } from 'vitest';
import { followsIn, goFor, openIn, undecided } from '../../src/verdict/conditions.js';

describe('a go given for an environment', () => {
  it.each([
    ['Two days on staging, no errors. OK to apply to prod.', 'production'],
    ['Soak clean; cleared to roll it out to production.', 'production'],
    ['CAB-88: green light for prod.', 'production'],
    ['Go for prod. — Lena', 'prod'],
    ['Load test passed, ready for production.', 'production'],
    ['Freigabe für Prod, der Test lief sauber.', 'production'],
    ['Recette OK, feu vert pour la prod.', 'production'],
    ['Validado en staging: luz verde para producción.', 'production'],
    ['本番への反映を承認済み。', 'production'],
  ])('%s', (text, env) => {
    expect(goFor(text, env)).toBeTruthy();
  });

  it.each([
    ['OK for prod once the soak is green.', 'production'],
    ['Is it OK to apply to prod?', 'production'],
    ['Not OK for production: the p99 doubled.', 'production'],
    ['OK to apply to staging; production waits.', 'production'],
    ['Changes go to production on Fridays.', 'production'],
    ['Freigabe für Prod, sobald der Lasttest durch ist.', 'production'],
    ['Signed off in staging by QA.', 'production'],
  ])('not a go: %s', (text, env) => {
    expect(goFor(text, env)).toBeUndefined();
  });
});

describe('an environment said to follow another', () => {
  it.each([
    ["Staging must mirror production's connection pool (60), or the replay is meaningless.", 'staging'],
    ['dev and staging should match prod here.', 'dev'],
    ['QA has to be kept in sync with production for the certification run.', 'qa'],
    ['Dev, staging: to follow next sprint.', 'staging'],
    ['Staging muss Prod entsprechen, sonst sind die Lasttests wertlos.', 'staging'],
    ['La recette doit refléter la prod.', 'recette'],
  ])('%s', (text, env) => {
    expect(followsIn(text, env)).toBeTruthy();
  });

  it.each([
    ['Staging must not mirror production: it has no real traffic.', 'staging'],
    ['Should staging match prod?', 'staging'],
    ['Staging follows once the soak is green.', 'staging'],
    ["Staging must mirror production's heap.", 'production'],
    ['production stays; staging keeps its own value', 'staging'],
  ])('not a follow: %s', (text, env) => {
    expect(followsIn(text, env)).toBeUndefined();
  });
});

describe('a matter said to be open', () => {
  it.each([
    '## Retry budget for payments in production (open)',
    '- status: open, waiting for the platform team',
    'Status: Proposed\n\nWe raise the pool everywhere.',
    'This needs a decision from the service owner.',
    'To be discussed with the partner team next week.',
    'Stand: offen — Entscheidung durch das Plattform-Team.',
    'Statut : à discuter avec l’équipe sécurité.',
    'Questão em aberto até a reunião de quinta.',
    '本番の値は未定です。',
  ])('%s', (text) => {
    expect(openIn(text)).toBeTruthy();
  });

  it.each([
    'Status: Accepted (2026-11-18)',
    'The question is no longer open: we keep 40.',
    'We opened the port for the partner.',
    'Decision: keep 40 in production.',
  ])('not open: %s', (text) => {
    expect(openIn(text)).toBeUndefined();
  });
});

describe('a choice left open is not a decision', () => {
  it.each([
    '- [ ] payments team: raise the pool to 60 for good, or back to 40?',
    'Keep 16 workers or go back to 4? Two partners complained.',
    'Decide whether 16 stays, then codify or revert.',
    'Behalten wir 16 oder zurück auf 4?',
    '保留 16 还是回滚到 4？',
  ])('%s', (text) => {
    expect(undecided(text)).toBeTruthy();
  });

  it.each([
    'Decision: keep 16 workers and put them in the repo.',
    '- [x] payments team: keep 60, codified in values-prod.yaml',
    'We keep 16: it drains the queue four times faster.',
    'Why 16? Because the queue drains four times faster. We keep it.',
  ])('decided: %s', (text) => {
    expect(undecided(text)).toBeUndefined();
  });
});
