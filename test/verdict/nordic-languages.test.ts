// Swedish, Danish and Norwegian read as the other languages are (src/verdict/languages.ts), on
// commit texts of our own written as a native would write them (none from a verdict story), in
// memory: the readers are pure, and the verdict through `judge` needs no git.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { languageOf } from '../../src/verdict/languages.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-11-02T09:00:00Z';
const intentOf = (subject: string, body = '', env = 'staging') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, env, TWO);

describe('which language: a short Nordic commit is read, not taken for English', () => {
  it.each([
    ['sv', 'Tillfälligt höjd timeout bara i staging'],
    ['sv', 'Endast för test, återställ efter lasttestet'],
    ['sv', 'Satte poolen till 40 i staging av misstag'],
    ['da', 'Midlertidig timeout på 300 kun i staging indtil 20.11'],
    ['no', 'Midlertidig økning, kun i staging inntil 20.11'],
  ])('%s: %s', (lang, text) => {
    expect(languageOf(text)).toEqual({ language: lang, read: true });
  });
  it('English with "till" stays English', () => {
    expect(languageOf('Keep the higher limit till the freeze ends')?.language).not.toMatch(/^(?:sv|da|no)$/);
  });
});

describe('kept to one environment, for a while, until a date', () => {
  it.each([
    ['sv', 'Höjer timeout bara i staging, tillfälligt till och med 20.11', '2026-11-20'],
    ['sv', 'Endast i staging, tills 20.11, sedan tillbaka till 30', '2026-11-20'],
    ['sv', 'Poolen 200 enbart i staging fram till 20 november', '2026-11-20'],
    ['da', 'Kun i staging, midlertidigt indtil 20.11', '2026-11-20'],
    ['da', 'Timeout hævet kun i staging til og med 20. november', '2026-11-20'],
    ['no', 'Kun i staging, midlertidig inntil 20.11, deretter tilbake til 30', '2026-11-20'],
  ])('%s: %s', (_lang, text, until) => {
    const intent = intentOf(text);
    expect(intent.scope).toMatchObject({ kind: 'env-only' });
    expect(intent.temporary?.until).toBe(until);
  });

  it.each([
    ['sv', 'Pool 200 för lasttestet'],
    ['sv', 'Timeout 300 endast för test'],
    ['da', 'Pool 200 til loadtesten'],
    ['no', 'Pool 200 til testing i staging'],
  ])('a test as the purpose, %s: %s', (_lang, text) => {
    expect(intentOf(text).scope).toMatchObject({ kind: 'test' });
  });

  it.each([
    ['sv', 'Staging: timeout 300 tills migreringen är klar'],
    ['sv', 'Tillfälligt avstängd cache i staging'],
    ['da', 'Cache slået fra i staging indtil migreringen er færdig'],
    ['no', 'Midlertidig av i staging'],
  ])('a time limit without a date, %s: %s', (_lang, text) => {
    expect(intentOf(text).temporary).toBeDefined();
  });

  it.each([
    ['sv', 'Satte timeout till 300 i staging'],
    ['sv', 'Ändrade poolen från 20 till 40'],
    ['da', 'Satte timeout til 300 i staging'],
    ['no', 'Endret poolen fra 20 til 40'],
  ])('"till"/"til" is "to" there, no time limit, %s: %s', (_lang, text) => {
    expect(intentOf(text).temporary).toBeUndefined();
  });

  it.each([
    ['sv', 'Detta är permanent, inte tillfälligt'],
    ['da', 'Det er ikke midlertidigt'],
    ['no', 'Ikke midlertidig'],
  ])('a time limit negated is none, %s: %s', (_lang, text) => {
    expect(intentOf(text).temporary).toBeUndefined();
  });
});

describe('the verdict reads it', () => {
  const KEY = 'checkout.lockTimeoutSeconds';
  const created: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } };
  const change = (subject: string, body = ''): Step => ({ subject, body, date: '2026-10-05T09:00:00Z', set: { staging: ['30', '300'] } });

  it.each([
    ['sv', 'Längre låstimeout', 'Bara i staging, tillfälligt till och med 20.10, sedan tillbaka till 30'],
    ['da', 'Længere lås-timeout', 'Kun i staging, midlertidigt indtil 20.10'],
    ['no', 'Lengre lås-timeout', 'Kun i staging, midlertidig inntil 20.10, deretter tilbake til 30'],
  ])('a temporary staging change past its end goes back, %s', (_lang, subject, body) => {
    expect(judge(KEY, [created, change(subject, body)], '2026-11-25')).toMatchObject({ suggested: 'revert', drifted: 'staging' });
  });

  it.each([
    ['sv', 'Bara i staging, tillfälligt till och med 20.12'],
    ['da', 'Kun i staging, midlertidigt indtil 20.12'],
  ])('not yet due: declared until its end, %s', (_lang, body) => {
    expect(judge(KEY, [created, change('Längre timeout', body)], '2026-11-25')).toMatchObject({ suggested: 'declare', expires: '2026-12-20' });
  });

  it.each([
    ['sv', 'Timeout 300 i staging, prod följer när lasttestet är grönt'],
    ['sv', 'Timeout 300 i staging. När QA godkänner, även i prod'],
    ['sv', 'Timeout 300 i staging, produktion följer så snart QA godkänner'],
    ['da', 'Timeout 300 i staging, prod følger når loadtesten er grøn'],
    ['no', 'Timeout 300 i staging, prod følger etter lasttesten'],
  ])('production to follow once a check is made is a rollout step, not a backfill now, %s: %s', (_lang, subject) => {
    expect(intentOf(subject).rollout).toMatchObject({ next: ['production'] });
    const v = judge(KEY, [created, change(subject)], '2026-10-10');
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
  });
});
