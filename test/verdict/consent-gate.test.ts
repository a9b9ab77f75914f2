// Session 28 (spent holdout-25): staging changed first and its own commit lets production follow "if
// <a meeting or a person> says yes" on a given day. The day passing is not the yes: a follow set on
// someone's consent is a decision nobody has recorded, so nothing moves toward production (declared,
// ≤ 0.5, the question asks what was decided). A follow after a plain date, with no one's yes asked,
// still moves once the date has passed. Phrasings of our own, in the languages the readers read.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-11-20';
const created: Step = { subject: 'session config', date: '2026-03-02T09:00:00Z', set: { staging: ['', '60'], production: ['', '60'] } };
const stagingFirst = (subject: string, body: string): Step => ({ subject, body, date: '2026-10-01T10:00:00Z', set: { staging: ['60', '15'] } });
const unrelated: Step = { subject: 'bump logging', date: '2026-10-20T09:00:00Z', touched: ['deploy/logging.yaml'] };

describe("a follow on someone's yes, its day passed and no yes recorded: declared, nothing moved", () => {
  it.each([
    ['English, agrees', 'staging: session timeout 60 -> 15', 'Production follows on 15 October once the risk board agrees.'],
    ['English, gives the go', 'staging: shorter sessions', 'Prod after 2026-10-15, if the architecture circle gives the go.'],
    ['German', 'Staging: Session-Timeout 60 -> 15', 'Prod zieht am 15.10. nach, wenn der Architekturkreis zustimmt.'],
    ['French', 'staging : timeout de session 60 -> 15', 'Prod suivra après le 15/10, si le comité sécurité dit oui.'],
    ['Spanish', 'staging: timeout de sesión 60 -> 15', 'Producción después del 15/10, si el comité de riesgos da el visto bueno.'],
    ['Italian', 'staging: timeout di sessione 60 -> 15', 'Produzione dopo il 15/10, se il comitato dice di sì.'],
    ['Dutch', 'staging: sessietimeout 60 -> 15', 'Productie na 15-10, als de CAB akkoord gaat.'],
    ['Swedish', 'staging: sessionstimeout 60 -> 15', 'Prod efter 15/10, om styrgruppen säger ja.'],
  ])('%s', (_, subject, body) => {
    const v = judge('SESSION_TIMEOUT_MIN', [created, stagingFirst(subject, body), unrelated], TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', value: null });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    // Where the follow's date is read, the question is the decision's (elsewhere the hold itself is unread, and the default question stands).
    if (v.reasons.some((r) => / let production follow after /.test(r))) expect(v.question ?? '').toMatch(/decided/);
  });
});

describe('near misses: no yes asked of anyone', () => {
  it.each([
    ['a plain date', 'staging: session timeout 60 -> 15', 'Production follows on 15 October.'],
    [
      'a date with a reason beside it',
      'staging: session timeout 60 -> 15',
      'Prod follows after 2026-10-15 when the freeze ends; everyone agrees it is needed.',
    ],
  ])('%s: the passed date still moves production', (_, subject, body) => {
    const v = judge('SESSION_TIMEOUT_MIN', [created, stagingFirst(subject, body), unrelated], TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '15' });
  });
});
