// A write-up that says NOT to put the live value into the repository is no decision to keep it there
// (spent holdout-32/05: "Ikke legg 14400 i repoet" under a temporary month-end patch was read as "i repoet",
// a keep, and the live value was codified at 0.60). The value between the negation and the words for the
// repository ("do not put 14400 in the repo", "lägg inte 14400 i repot", "no pongas 8000 en el repo") does
// not lift the negation. Own phrasings and values; the same sentences without the negation still keep.
import { describe, expect, it } from 'vitest';
import { decidesKeep } from '../../src/verdict/documents.js';

describe('a negated "put it in the repo", a value between, keeps nothing', () => {
  it.each([
    ['en', 'Do not put 900 in the repo: it was for the backlog only.'],
    ['en', 'Never write 2Gi into values-prd.yaml.'],
    ['no', 'Ikke skriv 900 i repoet, det var bare for natten.'],
    ['sv', 'Lägg inte 900 i repot, det var bara för natten.'],
    ['es', 'No pongas 900 en el repo, era solo para la noche.'],
    ['pl', 'Nie wpisywać 900 do repo, to było tylko na noc.'],
    ['it', 'Non mettere 900 nel repo, era solo per la notte.'],
  ])('%s: %s', (_lang, text) => {
    expect(decidesKeep(text)).toBeUndefined();
  });
});

describe('said without the negation, it still keeps', () => {
  it.each([
    ['en', 'Put 900 in the repo: the backlog is the new normal.'],
    ['no', 'Vi legger 900 i repoet, det er den nye normalen.'],
    ['sv', 'Lägg 900 i repot, det är det nya normala.'],
    ['es', 'Ponemos 900 en el repo, es lo normal ahora.'],
  ])('%s: %s', (_lang, text) => {
    expect(decidesKeep(text)).toBeDefined();
  });
});
