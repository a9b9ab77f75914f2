// A staging change whose text names production as the step it prepares for or the model it copies
// ("Vorbereitung für Prod", "prod-like sizing", "comme en prod") did not land in the wrong file: it
// is staging's rehearsal, and pushing its value into production at 0.8 would be a guess made
// confident. Found by probing (lane probe3): "Vorbereitung für Prod: …", "prep for prod: …",
// "préparation de la mise en prod : …" edited staging's file and were backfilled into production at
// 0.80. The phrasings below are not the probes' wording.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { rehearses } from '../../src/verdict/rehearsal.js';

const TODAY = '2026-11-20';
const created = (key: string, value: string): Step => ({
  subject: 'create the service config',
  date: '2026-03-02T09:00:00Z',
  set: { staging: ['', value], production: ['', value] },
});
const stagingOnly = (subject: string, body = ''): Step => ({
  subject,
  body,
  date: '2026-11-10T10:00:00Z',
  set: { staging: ['20', '60'] },
});
const verdictOn = (subject: string, body = '') => judge('DB_POOL_MAX', [created('DB_POOL_MAX', '20'), stagingOnly(subject, body)], TODAY);

describe('a staging change that readies or mirrors production is not production’s fix in the wrong file', () => {
  const rehearsals = [
    'getting ready for the prod launch: DB pool 60',
    'Vorbereitung des Prod-Go-Live: DB-Pool auf 60',
    'pool à 60 pour préparer le passage en prod',
    'preparando el lanzamiento en producción: pool a 60',
    'voorbereiden op productie: pool naar 60',
    'przygotowanie pod produkcję: pula 60',
    'förbereder prod-lanseringen: pool 60',
    'DB pool 60, prod-like load profile',
    'pool 60 so staging behaves like prod',
    'pool wie in der Prod: 60',
  ];
  for (const subject of rehearsals) {
    it(`"${subject}": no confident backfill of production`, () => {
      const v = verdictOn(subject);
      expect(v.confidence <= 0.5 || v.suggested !== 'backfill', v.reasons.join('\n')).toBe(true);
      expect(v.reasons.join('\n')).not.toMatch(/landed in staging's file/);
    });
  }
  it('the one the rule reads asks whether production’s step has come', () => {
    const v = verdictOn('Vorbereitung des Prod-Go-Live: DB-Pool auf 60');
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.reasons.join('\n')).toMatch(/names production as a step to come or a model/);
  });
});

describe('a staging change that names production’s own fix still landed in the wrong file', () => {
  const fixes = [
    ['prod: DB pool 60', ''],
    ['raise the production DB pool to 60', ''],
    ['Prod-Fix nachgezogen: DB-Pool 60 (Timeouts in Prod, INC-812)', ''],
    ['correctif prod de cette nuit : pool à 60', ''],
  ] as const;
  for (const [subject, body] of fixes) {
    it(`"${subject}": backfill production`, () => {
      const v = verdictOn(subject, body);
      expect(v.suggested, v.reasons.join('\n')).toBe('backfill');
      expect(v.drifted).toBe('production');
      expect(v.confidence).toBeGreaterThanOrEqual(0.8);
    });
  }
});

describe('the reading of a rehearsal', () => {
  it.each([
    'prep for prod: pool 60',
    'préparation de la mise en prod : pool 60',
    'preparação para produção: pool 60',
    'pool 60 to match prod',
    'mirror prod’s value: pool 60',
    'pool 60 comme en prod',
    'como en producción: pool 60',
    'prodähnliche Last: pool 60',
  ])('"%s" names production as a step to come or a model', (text) => {
    expect(rehearses(text, 'production')).toBeTruthy();
  });
  it.each([
    'prod: pool 60',
    'prod hotfix: pool 60',
    'pool 60, prepared by Anna (staging)',
    'prepare staging for the load test: pool 60',
    'like we said, pool 60 for prod',
    'the launch checklist for staging: pool 60',
  ])('"%s" does not', (text) => {
    expect(rehearses(text, 'production')).toBeUndefined();
  });
});
