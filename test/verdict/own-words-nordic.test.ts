import { describe, expect, it } from 'vitest';
import { copiedFrom } from '../../src/verdict/copied.js';
import { openIn } from '../../src/verdict/conditions.js';
import { readIntent } from '../../src/verdict/intent.js';
import { languageOf } from '../../src/verdict/languages.js';
import { judge, TWO } from './memory-story.js';

// What Swedish, Danish and Norwegian authors say of their own change, read where the other languages'
// words are: a copy of another environment's value ("samma som i prod"), a decision still awaited
// ("avvaktar beslut"), a value set by mistake ("av misstag", "ved en fejl").

const WRITTEN = '2026-11-20T09:00:00Z';
const intentOf = (subject: string, body = '', env = 'staging') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, env, TWO);

describe('"the same as prod" names where the value comes from', () => {
  it.each([
    ['sv', 'POOL_SIZE i staging till 40, samma som i prod'],
    ['sv', 'Satte timeout likadant som i produktion'],
    ['sv', 'Synkade poolinställningarna med prod'],
    ['da', 'POOL_SIZE i staging sat til 40, samme som i prod'],
    ['da', 'Timeout i staging ligesom i produktion'],
    ['no', 'Satt POOL_SIZE til 40 i staging, akkurat som i prod'],
    ['no', 'Poolstørrelse justert etter prod'],
  ])('%s: %s', (_lang, text) => {
    expect(copiedFrom(text, 'staging', TWO)?.from).toBe('production');
  });

  it.each([
    ['sv', 'POOL_SIZE till 40, inte samma som i prod'],
    ['da', 'Ikke samme som prod: staging kører med 40'],
    ['sv', 'Ändringen som prod behöver kommer senare'],
  ])('denied or a relative clause is no copy: %s %s', (_lang, text) => {
    expect(copiedFrom(text, 'staging', TWO)).toBeUndefined();
  });
});

describe('a decision still awaited leaves the matter open', () => {
  it.each([
    ['sv', 'POOL_SIZE till 40 i staging; prod avvaktar beslut'],
    ['sv', 'Prod inväntar beslut från arkitekturgruppen'],
    ['sv', 'Vi väntar på beslut om produktion'],
    ['da', 'POOL_SIZE til 40 i staging; prod afventer beslutning'],
    ['da', 'Produktion: ikke besluttet endnu'],
    ['no', 'POOL_SIZE til 40 i staging; prod avventer beslutning'],
    ['no', 'Prod venter på en beslutning fra sikkerhetsteamet'],
  ])('%s: %s', (_lang, text) => {
    expect(openIn(text)).toBeDefined();
  });

  it.each([
    ['sv', 'Beslut: prod följer efter lasttestet'],
    ['da', 'Beslutningen er taget: prod følger efter'],
  ])('a decision taken is not open: %s %s', (_lang, text) => {
    expect(openIn(text)).toBeUndefined();
  });

  it.each([
    ['sv', 'POOL_SIZE till 40 i staging; prod avvaktar beslut'],
    ['da', 'POOL_SIZE til 40 i staging; prod afventer beslutning'],
    ['no', 'POOL_SIZE til 40 i staging; prod avventer beslutning'],
  ])('a short %s text is read as its language, where "till"/"til" is "to", no time limit: %s', (lang, text) => {
    // Danish and Norwegian share their table: either reading reads the same words.
    expect(languageOf(text)?.language).toMatch(lang === 'sv' ? /^sv$/ : /^(?:da|no)$/);
    expect(intentOf(text).temporary).toBeUndefined();
  });

  it.each([
    ['sv', 'Höj POOL_SIZE till 40 i staging; prod avvaktar beslut'],
    ['da', 'Hæv POOL_SIZE til 40 i staging; prod afventer beslutning'],
    ['no', 'Øk POOL_SIZE til 40 i staging; prod avventer beslutning'],
  ])('%s: the verdict asks, it does not move production or undo staging', (_lang, text) => {
    const v = judge(
      'POOL_SIZE',
      [
        { subject: 'init', date: '2026-09-01T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
        { subject: text, date: WRITTEN, set: { staging: ['20', '40'] } },
      ],
      '2026-12-05',
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('a value set by mistake, in the change that corrects it, is a slip', () => {
  it.each([
    ['sv', 'Återställ POOL_SIZE, den ändrades av misstag'],
    ['sv', 'POOL_SIZE sattes av misstag till 400, rättat'],
    ['da', 'POOL_SIZE blev sat til 400 ved en fejl, rettet'],
    ['no', 'POOL_SIZE ble satt til 400 ved en feil, rettet'],
    ['de', 'POOL_SIZE war versehentlich auf 400, korrigiert'],
    ['es', 'POOL_SIZE estaba en 400 por error, corregido'],
  ])('%s: %s', (_lang, text) => {
    expect(intentOf(text).typo).toBeDefined();
  });

  it.each([
    ['sv', 'POOL_SIZE till 40, inte av misstag'],
    ['da', 'POOL_SIZE til 40: ikke ved en fejl, med vilje'],
  ])('negated is no slip: %s %s', (_lang, text) => {
    expect(intentOf(text).typo).toBeUndefined();
  });
});
