// Session 28 (spent holdout-25/32): a value set for a test leaves open whether the next environment takes it or
// the test's environment goes back; a text written since about the change (its ticket or the key) that leaves
// that choice to a person or a meeting still to come decides nothing: the difference is a question (≤ 0.5)
// naming them, neither environment the deliberate one. 32 was "declare (0.55), deliberate stg" from the test
// scope alone. A record of a decision already taken, or a meeting held before the text, is not a deferral.
// Situations and phrasings of their own, none a story's.
import { describe, expect, it } from 'vitest';
import { deferredIn } from '../../src/verdict/conditions.js';
import { judge, type Step } from './memory-story.js';

const KEY = 'WORKER_POOL_SIZE';
const steps: Step[] = [
  { subject: 'worker settings', date: '2026-03-02T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
  { subject: 'staging: pool 20 -> 40 for the soak test (OPS-12)', date: '2026-10-05T10:00:00Z', set: { staging: ['20', '40'] } },
  { subject: 'soak test notes', date: '2026-10-20T16:00:00Z', touched: ['docs/soak/OPS-12.md'] },
];
const TODAY = '2026-10-28';
const story = (text: string, today = TODAY) => judge(KEY, steps, today, {}, { documents: [{ path: 'docs/soak/OPS-12.md', step: 2, text }] });
const notes = '# Soak test OPS-12\n\n- staging on 40 workers, 2x traffic for 48h\n- queue latency down, but CPU never above 35%\n\n';

describe('a test-scoped difference whose next step a later text leaves to a meeting still ahead: a question', () => {
  it.each([
    [
      'English, the question in brackets, the meeting and its day, then the chair',
      `${notes}Decision (production up, or staging back): architecture review 2026-11-03, Jonas. Keep both meanwhile.\n`,
    ],
    ['German, a hyphenated round and a dotted day', `${notes}Entscheidung (Prod hoch oder Staging zurück): Architektur-Runde am 3.11., Jonas.\n`],
    ['French, a space before the colon, the committee named after the meeting word', `${notes}Décision : comité d'architecture du 03/11.\n`],
    ['Spanish, a meeting with its day', `${notes}Decisión: reunión de capacidad del 03/11, Lucía.\n`],
    ['Dutch, the decider named first', `${notes}Besluit: de CTO in het overleg van 3/11.\n`],
  ])('%s', (_what, text) => {
    const v = story(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.deliberate).toBeNull();
    expect(v.question).toBeTruthy();
  });

  it('the meeting passed with nothing recorded since: still a question, asking what it decided', () => {
    const v = story(`${notes}Decision (production up, or staging back): architecture review 2026-11-03, Jonas.\n`, '2026-11-20');
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/what was decided/);
  });

  it('without the deferral the test scope alone stands (the rule is what makes it a question)', () => {
    const v = story(notes);
    expect(v.deliberate, v.reasons.join('\n')).toBe('staging');
  });

  it('a record of the meeting held before it was written is its account, not a deferral', () => {
    const v = judge(
      KEY,
      steps,
      TODAY,
      {},
      {
        documents: [{ path: 'docs/soak/OPS-12.md', step: 2, text: `${notes}Decision: architecture review 2026-10-15, Jonas.\n` }],
      },
    );
    expect(v.reasons.join('\n')).not.toMatch(/still to decide/);
  });
});

describe('deferredIn: a label, then a meeting and its day', () => {
  it.each([
    'Decision: capacity board on 12 March, Maria.',
    'Entscheidung: Sitzung am 12.03.',
    'Decisione (prod o staging): riunione del 12/03.',
    'Decisão: reunião de arquitetura em 12/03.',
  ])('deferred: %s', (text) => {
    expect(deferredIn(text)).toBeDefined();
  });

  it.each([
    ['a decision naming a value, with a review cited after', 'Decision: scale production to 40 (agreed in review).'],
    ['a review without a day', 'Decision: architecture review, Jonas.'],
    ['a meeting day without the label', 'The architecture review on 3/11 will look at the numbers.'],
    ['a decided bracket and a value', 'Decision (review of 15/11): 40 everywhere.'],
    ['a word merely ending like a meeting word', 'Decision: scoreboard 12/03.'],
  ])('not deferred: %s', (_what, text) => {
    expect(deferredIn(text)).toBeUndefined();
  });
});
