// Another environment that follows once a condition is met, in the languages read as in English
// ("prod once QA signs off"): a step of a rollout waiting for its gate, never a backfill now; and a
// return to another environment's value ("voltar à configuração de produção") names where the value
// comes from, not a next step. Texts of our own, several phrasings each, judged in memory.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { languageOf } from '../../src/verdict/languages.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-10-05T09:00:00Z';
const intentOf = (text: string, env = 'staging', envs = TWO) => readIntent({ subject: text, body: '', author: 'a', email: 'a@x', date: WRITTEN }, env, envs);
const KEY = 'checkout.lockTimeoutSeconds';
const created: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } };

describe('a condition gating the next environment, in each language', () => {
  it.each([
    ['en', 'timeout 300 on staging, if the load test is green, prod too', 'load test'],
    ['de', 'Timeout 300 auf Staging, wenn der Lasttest grün ist, auch in Prod', 'Lasttest'],
    ['de', 'Timeout 300 auf Staging. Wenn der Lasttest grün ist, kommt Prod dran', 'Lasttest'],
    ['de', 'Timeout 300 auf Staging, Prod folgt, sobald der Lasttest grün ist', 'Lasttest'],
    ['de', 'Timeout 300 auf Staging, Prod sobald QA freigibt', 'freigibt'],
    ['nl', 'timeout 300 op staging, prod volgt zodra de loadtest groen is', 'loadtest'],
    ['sv', 'Timeout 300 i staging, prod följer när lasttestet är grönt', 'lasttestet'],
  ])('%s: %s → a rollout step waiting for a check', (_lang, text, check) => {
    const intent = intentOf(text);
    expect(intent.rollout).toMatchObject({ next: ['production'] });
    expect(intent.hold).toMatchObject({ envs: ['production'], follows: true, check });
  });

  it.each([
    ['de', 'Timeout 300 auf Staging, wenn der Lasttest grün ist, auch in Prod'],
    ['nl', 'timeout 300 op staging, prod volgt zodra de loadtest groen is'],
    ['sv', 'Timeout 300 i staging. När QA godkänner, även i prod'],
  ])('%s: %s → a rollout step, not a backfill now', (_lang, text) => {
    expect(intentOf(text).rollout).toMatchObject({ next: ['production'] });
    const v = judge(KEY, [created, { subject: text, date: WRITTEN, set: { staging: ['30', '300'] } }], '2026-10-12');
    expect(v.suggested).toBe('declare');
  });

  it.each([
    'timeout 300 in staging, prod too',
    'Timeout 300 auf Staging, auch in Prod?',
    'Timeout 300 auf Staging, wenn der Lasttest grün ist, nicht in Prod',
    'Timeout 300 i staging, prod kommer inte att följa',
    'borrowing staging for the soak, put it back when prod is quiet',
    'Staging für den Lasttest geliehen, zurück sobald prod wieder ruhig ist',
  ])('no condition, asked or negated: no rollout step — %s', (text) => {
    expect(intentOf(text).rollout).toBeUndefined();
  });
});

describe("going back to another environment's value", () => {
  const ENVS = ['homolog', 'production'];
  const start: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { homolog: ['', 'true'], production: ['', 'true'] } };
  it.each([
    'desliga o cache em homolog; depois voltar à configuração de produção',
    'desliga o cache em homolog, depois volta pra config de prod',
    'cache off in homolog for the test, then back to the setting of production',
    "cache off in homolog for the test, then back to production's value",
    'Cache in homolog aus, danach zurück auf die Einstellung von Prod',
  ])('%s → a return of homolog, not production to follow', (text) => {
    const intent = intentOf(text, 'homolog', ENVS);
    expect(intent.rollout).toBeUndefined();
    expect(intent.temporary).toBeDefined();
    const v = judge('cache.enabled', [start, { subject: text, date: WRITTEN, set: { homolog: ['true', 'false'] } }], '2026-11-25', {}, { envs: ENVS });
    expect(v).toMatchObject({ suggested: 'revert', drifted: 'homolog' });
  });

  it('a next step named after the return is still one', () => {
    expect(intentOf('homolog primeiro; depois produção', 'homolog', ENVS).rollout).toMatchObject({ next: ['production'] });
  });
});

describe('short Portuguese commits are Portuguese', () => {
  it.each(['desliga o cache só em homolog', 'desliga cache em homolog', 'aumenta o pool em hml', 'liga debug só em homolog'])('%s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'pt', read: true });
  });
  it('and read: scoped to homolog', () => {
    expect(intentOf('desliga o cache só em homolog', 'homolog', ['homolog', 'production']).scope).toMatchObject({ kind: 'env-only' });
  });
});
