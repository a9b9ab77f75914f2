// Session 26 (spent holdout-23/43): a record that leaves the decision to a named person or body at a
// meeting to come ("Decisione: Maria Greco (CISO) al security board del …", "the CISO decides at the risk
// committee on …") decides nothing yet: a position in it ("10 minutes everywhere") moves no environment.
// The difference is declared with the question. 43 was "backfill production = 15 (0.60)" from one side's
// "15 minuti ovunque" while product objected and the CISO was to decide. A record that states the
// decision still moves. Situations and phrasings of their own, none a story's.
import { describe, expect, it } from 'vitest';
import { deferredIn } from '../../src/verdict/conditions.js';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-07';
const KEY = 'TOKEN_TTL_MIN';
const steps: Step[] = [
  { subject: 'auth config', date: '2026-04-02T09:00:00Z', set: { staging: ['', '45'], production: ['', '45'] } },
  { subject: 'staging: token lifetime 10 min (SEC-77)', date: '2026-11-24T10:00:00Z', set: { staging: ['45', '10'] } },
  { subject: 'SEC-77 notes', date: '2026-11-26T16:00:00Z', touched: ['docs/sec/SEC-77.md'] },
];
const story = (text: string) => judge(KEY, steps, TODAY, {}, { documents: [{ path: 'docs/sec/SEC-77.md', step: 2, text }] });

const positions = {
  en: '# SEC-77 token lifetime\n\nSecurity (Priya): TOKEN_TTL_MIN 10 in every environment.\nSupport (Tom): against it for production, call-centre agents lose their session; proposes 30.\n',
  de: '# SEC-77 Token-Laufzeit\n\nSicherheit (Jana): TOKEN_TTL_MIN 10 in allen Umgebungen.\nProdukt (Ole): dagegen für Produktion, Vorschlag 30.\n',
  fr: '# SEC-77 durée du jeton\n\nSécurité (Inès) : TOKEN_TTL_MIN 10 dans tous les environnements.\nProduit (Paul) : contre pour la prod, propose 30.\n',
  es: '# SEC-77 duración del token\n\nSeguridad (Lucía): TOKEN_TTL_MIN 10 en todos los entornos.\nProducto (Iván): en contra para producción, propone 30.\n',
};

describe('a decision left to a named person at a meeting to come: the positions move nothing', () => {
  it.each([
    ['English, a decision line naming the role and the committee', `${positions.en}\nDecision: the CISO, at the risk committee on 15 Dec.\n`],
    ['English, the decider and a verb', `${positions.en}\nAnna Lindqvist (CISO) decides at the security board on 15/12.\n`],
    ['German, bold label and a board with a hyphen', `${positions.de}\n**Entscheidung:** Jana Vogel (CISO) im Security-Board am 15.12.\n`],
    ['French, label with the space before the colon', `${positions.fr}\nDécision : le RSSI au comité du 15/12.\n`],
    ['Spanish, a verb in the future', `${positions.es}\nLa CISO decidirá en el comité del 15/12.\n`],
  ])('%s', (_what, text) => {
    const v = story(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.value).toBeNull();
  });

  it('without the deferral the same record moves production (the rule is what holds it)', () => {
    const v = story(positions.en);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '10' });
  });

  it.each([
    ['a decision that states the value, taken at a meeting', 'Decision: 10 minutes everywhere, agreed at the risk committee on 15 Nov.'],
    ['a decision with its value first', 'Decision: Keep 10 in every environment.'],
    ['a decided label in brackets', 'Decision (CISO, board of 15/11): 10 everywhere.'],
    ['a name without an occasion', 'Decision: Anna Lindqvist signed off.'],
    ['a sentence-initial verb, not a name', 'Decision: Ship it at the next release.'],
  ])('not deferred: %s', (_what, text) => {
    expect(deferredIn(text)).toBeUndefined();
  });

  it.each([
    'Decisione: Paolo Neri (CISO) al comitato sicurezza del 15/12.',
    'Besluit: de CISO in het overleg van 15/12.',
    'De CISO beslist in het overleg van 15/12.',
    'Le RSSI tranchera au comité du 15/12.',
  ])('deferred: %s', (text) => {
    expect(deferredIn(text)).toBeDefined();
  });
});

// A decision left to a meeting: still ahead, it holds the positions; passed with nothing recorded since,
// still undecided, and the question names the meeting's day and asks its outcome (readers.ts
// `documentedOrOpen`). (A record written after the meeting deciding is not read yet: the older version's
// passage is the one weighed.)
describe('a deferred decision against its meeting day', () => {
  const record = `${positions.en}\nDecision: the CISO, at the risk committee on 15 Dec.\n`;
  const deferral = (text: string, today: string) => judge(KEY, steps, today, {}, { documents: [{ path: 'docs/sec/SEC-77.md', step: 2, text }] });

  it.each([
    ['English', record],
    ['German', `${positions.de}\n**Entscheidung:** Jana Vogel (CISO) im Security-Board am 15.12.\n`],
    ['French', `${positions.fr}\nDécision : le RSSI au comité du 15/12.\n`],
  ])('ahead (%s): declared, the question whether it is decided', (_what, text) => {
    const v = deferral(text, '2026-12-07');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.question).not.toMatch(/has passed/);
  });

  it.each([
    ['English', record],
    ['German', `${positions.de}\n**Entscheidung:** Jana Vogel (CISO) im Security-Board am 15.12.\n`],
    ['French', `${positions.fr}\nDécision : le RSSI au comité du 15/12.\n`],
  ])('passed with nothing since (%s): still declared, the question names the day and asks its outcome', (_what, text) => {
    const v = deferral(text, '2026-12-20');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/2026-12-15/);
    expect(v.question).toMatch(/outcome/);
  });

  it('the same outcome line in a record written before the meeting decides nothing', () => {
    const v = deferral(`${record}\nTOKEN_TTL_MIN 10 in every environment, production included.\n`, '2026-12-20');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
  });
});
