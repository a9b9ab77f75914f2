// Another environment's step put off to later, written after its name ("recette dans un second
// temps", "Staging später", "staging más tarde"), is a rollout's next step in every language read, as
// English "staging later" is — not a connective ("Staging dann Prod" makes staging the first step).
// And a commit that set the values apart at once, whose text sends one environment on later, started
// a rollout in the other one, whatever the promotion order puts first (spent holdout-27, lane sp27e).
// Texts of our own, judged in memory.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { judge, type Step } from './memory-story.js';

const WRITTEN = '2026-10-05T09:00:00Z';
const intentOf = (text: string, env = 'production') =>
  readIntent({ subject: 'chart 5: worker.threads becomes workers.max', body: text, author: 'a', email: 'a@x', date: WRITTEN }, env, ['staging', 'production']);

describe("another environment's step put off to later", () => {
  it.each([
    ['de', 'Gemeinsame Werte und Prod umgestellt, Staging in einem zweiten Schritt.'],
    ['de', 'Prod ist migriert; Staging kommt später.'],
    ['es', 'Valores comunes y producción migrados. Staging más tarde.'],
    ['it', 'Produzione migrata, staging in un secondo momento.'],
    ['nl', 'Productie omgezet, staging in een tweede stap.'],
    ['pl', 'Produkcja przeniesiona, staging w drugim kroku.'],
    ['pt', 'Produção migrada, staging numa segunda fase.'],
    ['sv', 'Produktion migrerad, staging i ett senare steg.'],
  ])('%s: %s → staging is the next step', (_lang, text) => {
    const intent = intentOf(text);
    expect(intent.rollout?.next).toContain('staging');
    expect(intent.temporary).toBeUndefined();
  });

  it.each([
    ['a connective after the name: staging goes first', 'Erst Staging, dann Prod.'],
    ['a connective after the name (fr)', 'Staging puis production.'],
    ['negated', 'Prod ist migriert, Staging kommt nicht später.'],
    ['"later" about something else', 'Prod umgestellt. Später prüfen wir die Metriken.'],
    ['asked', 'Prod ist migriert. Staging später?'],
  ])('no later step for staging — %s', (_what, text) => {
    expect(intentOf(text).rollout?.next ?? []).not.toContain('staging');
  });
});

describe('a commit that set the values apart, sending one environment on later', () => {
  const KEY = 'workers.max';
  const steps = (body: string): Step[] => [
    { subject: 'chart 5: worker.threads becomes workers.max', body, date: WRITTEN, set: { staging: ['', '8'], production: ['', '16'] } },
  ];
  it.each([
    'Shared values and production migrated now. Staging in a second step, once the soak test of this week is over.',
    'Gemeinsame Werte und Prod migriert, Staging in einem zweiten Schritt (Lasttest läuft diese Woche).',
    'Valeurs communes et production migrées, staging plus tard (tir de charge cette semaine).',
    'Valores comunes y producción migrados, staging más tarde.',
  ])('started in production: staging, weeks later, takes its value — %s', (body) => {
    const v = judge(KEY, steps(body), '2026-12-01');
    expect(v.deliberate).toBe('production');
    expect(v.suggested).toBe('backfill');
    expect(v.drifted).toBe('staging');
    expect(v.value).toBe('16');
  });

  it.each(['Staging 8, production 16: production has twice the nodes.', 'workers.max per environment, staging stays smaller on purpose.'])(
    'a commit that says nothing of a later step stays a declare — %s',
    (body) => {
      expect(judge(KEY, steps(body), '2026-12-01').suggested).toBe('declare');
    },
  );
});
