import { describe, expect, it } from 'vitest';
import { judgesUndo } from '../../src/verdict/documents.js';
import { judge } from './memory-story.js';

// "Set X back to 10", "remettre X à 10", "X zurück auf 10": an undo puts back a value the key held before
// in that environment. Where 10 was never its value there, the words name a change to a new value, not an
// undo of this one: they do not send the environment back to its previous value.

const TEXTS: Array<[string, string]> = [
  ['English', 'Staging: set POOL_SIZE back to VAL, please.'],
  ['English, a procedure', 'After the soak, put POOL_SIZE in staging back to `VAL`.'],
  ['French', 'Staging : remettre POOL_SIZE à VAL.'],
  ['German', 'Staging: POOL_SIZE zurück auf VAL.'],
];

function judged(text: string, where: 'document' | 'message') {
  return judge(
    'POOL_SIZE',
    [
      { subject: 'init', date: '2026-09-01T09:00:00Z', set: { staging: ['', '20'], production: ['', '20'] } },
      { subject: 'Raise POOL_SIZE to 40 in staging', date: '2026-11-18T09:00:00Z', set: { staging: ['20', '40'] } },
      { subject: where === 'message' ? text : 'notes', date: '2026-11-25T09:00:00Z' },
    ],
    '2026-12-05',
    {},
    where === 'document' ? { documents: [{ path: 'docs/pool.md', text, step: 2 }] } : {},
  );
}

describe.each(['document', 'message'] as const)('going back, in a %s', (where) => {
  it.each(TEXTS)('%s, to the value it held: an undo', (_, text) => {
    const v = judged(text.replace('VAL', '20'), where);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '20' });
  });

  it.each(TEXTS)('%s, to a value it never held: no undo of this change', (_, text) => {
    const v = judged(text.replace('VAL', '10'), where);
    expect(v.reasons.join('\n')).not.toMatch(/undo it/);
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});

describe("a document putting a hand edit back to the file's value, in each language read", () => {
  it.each([
    ['English', 'After the incident: POOL_SIZE back to 50.'],
    ['German', 'Nach dem Incident: POOL_SIZE wieder auf 50.'],
    ['German, zurück', 'POOL_SIZE zurück auf „50“ setzen, der Hotfix ist raus.'],
    ['Dutch', 'Na het incident: POOL_SIZE terug naar 50.'],
    ['Italian', 'Dopo l’incidente: POOL_SIZE di nuovo a 50.'],
    ['Polish', 'Po incydencie: POOL_SIZE z powrotem na 50.'],
  ])('%s: judged an undo', (_, text) => {
    expect(judgesUndo(text, '50')).toBeDefined();
  });

  it.each([
    ['another value', 'Nach dem Incident: POOL_SIZE wieder auf 60.'],
    ['a longer number', 'POOL_SIZE terug naar 500.'],
    ['a decimal after it', 'Set POOL_SIZE back to 50.5 for the test.'],
  ])('%s: no undo to the file value', (_, text) => {
    expect(judgesUndo(text, '50')).toBeUndefined();
  });
});
