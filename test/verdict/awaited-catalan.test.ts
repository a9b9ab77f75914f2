// Catalan's words for an answer still awaited live in its language table (languages.ts `awaited`), not
// in answer-awaited.ts: the reader reads them as before.
import { describe, expect, it } from 'vitest';
import { awaitedIn } from '../../src/verdict/answer-awaited.js';

describe('Catalan: an answer still awaited', () => {
  it.each([
    'La sol·licitud al proveïdor encara en revisió.',
    'El cas està encara «en revisió» a Redsys.',
    'Sense resposta del banc.',
    'Cap resposta de Redsys fins ara.',
    'Pendent de resposta del proveïdor.',
    'El límit queda a acordar amb el banc.',
  ])('%s', (text) => expect(awaitedIn(text)).toBeDefined());

  it.each(['La revisió ja està feta: el límit es queda.', 'Resposta rebuda ahir, tot acordat amb el banc.', 'Encara en revisió?'])('%s: not awaited', (text) =>
    expect(awaitedIn(text)).toBeUndefined(),
  );
});
