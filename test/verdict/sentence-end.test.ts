// A date ending in its dot ends no sentence the text goes on after (src/verdict/sentence-end.ts):
// "verschoben von 1.12. auf KW 2" is one sentence for every reader that splits a text into sentences.
// A capital after the date, a version or a number still ends one. Phrasings of our own; in memory.
import { describe, expect, it } from 'vitest';
import { passageAround } from '../../src/verdict/passage.js';
import { sentenceEnds } from '../../src/verdict/sentence-end.js';

describe('a date ending in its dot ends no sentence the text goes on after', () => {
  // The splits the readers use (answered.ts, documented.ts, intent.ts, objects.ts …), made by sentenceEnds.
  const split = (text: string) => text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/));
  it.each([
    ['Go-Live verschoben von 1.12. auf KW 2.', ['Go-Live verschoben von 1.12. auf KW 2.']],
    ['Freeze ab 3.12. in prod, Ausnahmen über CAB.', ['Freeze ab 3.12. in prod, Ausnahmen über CAB.']],
    ['Sperre bis 15.12. und dann zurück auf 60.', ['Sperre bis 15.12. und dann zurück auf 60.']],
    ['congelado del 1.12. al 8.12. en producción.', ['congelado del 1.12. al 8.12. en producción.']],
    ['Fenster 1.12. 22:00 bis 2.12. 06:00.', ['Fenster 1.12. 22:00 bis 2.12. 06:00.']],
  ])('%s', (text, parts) => {
    expect(split(text)).toEqual(parts);
  });

  it.each([
    // A capital after the date: a new sentence ("Danach", "Then").
    ['Limit gilt bis 1.12. Danach zurück auf 60.', ['Limit gilt bis 1.12.', 'Danach zurück auf 60.']],
    ['Keep it until 15.12. Then revert.', ['Keep it until 15.12.', 'Then revert.']],
    // Not a date: a version or a number ends its sentence as before.
    ['Pinned to 1.2.3. rollback later.', ['Pinned to 1.2.3.', 'rollback later.']],
    ['Bumped to 2.14. next is 2.15.', ['Bumped to 2.14.', 'next is 2.15.']],
    ['Raised to 120. then measured again.', ['Raised to 120.', 'then measured again.']],
  ])('still split: %s', (text, parts) => {
    expect(split(text)).toEqual(parts);
  });
});

describe('a reason quotes the whole sentence around a date ending in its dot (passage.ts)', () => {
  it.each([
    ['Prod-Rollout verschoben von 1.12. auf KW 2. Danach Abnahme.', 'verschoben', 'auf KW 2', 'Danach'],
    ['Limite relevé du 1.12. au 8.12. Retour ensuite.', 'relevé', 'au 8.12', 'Retour'],
  ])('%s', (text, phrase, goesOn, next) => {
    const quoted = passageAround(text, phrase) ?? '';
    expect(quoted).toContain(goesOn);
    expect(quoted).not.toContain(next);
  });
});
