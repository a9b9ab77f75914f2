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

describe('every reader that split on its own now splits through sentenceEnds: the same sentences, or better ones', () => {
  // Each former split (answers.ts, later.ts, held.ts, documents.ts, difference.ts testPeriod,
  // intent-evidence.ts) beside the one it became.
  const readers: Array<[string, RegExp, RegExp]> = [
    ['answers.ts', /\n\s*\n|(?<=[.!?;])\s+|\n(?=\s*(?:[-*+]|\d+[.)])\s)/, sentenceEnds(/(?<=[.!?;])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)],
    ['later.ts', /\n+|(?<=[.!?;])\s+/, sentenceEnds(/(?<=[.!?;])\s+|\n+/)],
    ['held.ts', /\n+|(?<=[.!?])\s+/, sentenceEnds(/(?<=[.!?])\s+|\n+/)],
    ['documents.ts', /(?<=[.!?;])\s+|\n+/, sentenceEnds(/(?<=[.!?;])\s+|\n+/)],
    ['difference.ts testPeriod', /\n+|(?<=[.!?;])\s+/, sentenceEnds(/(?<=[.!?;])\s+|\n+/)],
    ['intent-evidence.ts', /(?<=[.!?])\s+(?=\S)/u, sentenceEnds(/(?<=[.!?])\s+(?=\S)/u)],
  ];
  const plain = [
    'Raise the staging pool to 40 for the load test. Revert after; prod stays at 20.',
    'Staging only!\n\n- pool 40\n- timeout 30s\n\nProd follows after sign-off? Not yet.',
    'Nur für Staging. Prod bleibt bei 5; danach entscheiden wir.\n1. Lasttest\n2. Auswertung',
    'Pinned to 1.2.3. rollback later. Limit gilt bis 1.12. Danach zurück auf 60.',
  ];
  // … but a list item's number stays with its item ("1. Lasttest", where the old splits cut "1." off).
  const withItems = (pieces: string[]) =>
    pieces.reduce<string[]>(
      (out, p) => (out.length > 0 && /^\s*\d{1,3}\.$/.test(out.at(-1)!) ? [...out.slice(0, -1), `${out.at(-1)!} ${p}`] : [...out, p]),
      [],
    );
  it.each(readers)('%s reads the same sentences where no date stands', (_reader, before, after) => {
    for (const text of plain) expect(text.split(after)).toEqual(withItems(text.split(before)));
  });
  it.each(readers)('%s keeps a date in its sentence', (_reader, before, after) => {
    const text = 'Staging only, for the soak until 1. Dezember. Bis 20.11. und dann zurück.';
    expect(text.split(before).length).toBeGreaterThan(2);
    expect(text.split(after)).toEqual(['Staging only, for the soak until 1. Dezember.', 'Bis 20.11. und dann zurück.']);
  });
});

describe('an abbreviation or a day before a month in lower case ends no sentence', () => {
  // Joined again after the split (sentenceEnds' SentenceSplit), in every reader's split.
  const splits = [
    sentenceEnds(/(?<=[.!?;])\s+|\n+/),
    sentenceEnds(/(?<=[.!?])\s+(?=\S)/u),
    sentenceEnds(/(?<=[.!?;])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/),
  ];
  it.each([
    ['Raise the pool for the soak, e.g. 40 in staging. Then revert.', 'Raise the pool for the soak, e.g. 40 in staging.'],
    ['Pool i.e. the writer pool goes to 40. Prod stays.', 'Pool i.e. the writer pool goes to 40.'],
    ['Pool erhöhen, z. B. auf 40 in Staging. Danach zurück.', 'Pool erhöhen, z. B. auf 40 in Staging.'],
    ['Pool erhöhen, z.B. auf 40. Danach zurück.', 'Pool erhöhen, z.B. auf 40.'],
    ['Staging runs approx. 3x the load. Prod stays at 20.', 'Staging runs approx. 3x the load.'],
    ['Limit ca. 500 rps in staging. Prod folgt.', 'Limit ca. 500 rps in staging.'],
    ['Per ticket No. 5 staging keeps 40. Prod follows.', 'Per ticket No. 5 staging keeps 40.'],
    ['Freeze until Jan. 2027 in prod. Then we promote.', 'Freeze until Jan. 2027 in prod.'],
    ['Timeouts, retries etc. stay as they are in staging. Prod follows.', 'Timeouts, retries etc. stay as they are in staging.'],
    ['Zamrożenie na prod do 1. grudnia, potem zmiana. Staging zostaje.', 'Zamrożenie na prod do 1. grudnia, potem zmiana.'],
    ['Zmrazení produkce do 1. prosince, pak změna. Staging zůstává.', 'Zmrazení produkce do 1. prosince, pak změna.'],
    // A legal citation inside a decision (session 29: "(art. 8.1 et 9.1 …)" left a fragment unread).
    ['Opt-in is required (art. 8.1 and 9.1 of the act) in that region. Keep it.', 'Opt-in is required (art. 8.1 and 9.1 of the act) in that region.'],
    ['Pflicht nach Art. 6 Abs. 1 lit. c DSGVO in Prod. Bleibt so.', 'Pflicht nach Art. 6 Abs. 1 lit. c DSGVO in Prod.'],
    ["Requis par l'art. 4 al. 2 de la loi en prod. On garde.", "Requis par l'art. 4 al. 2 de la loi en prod."],
    ['Wymagane zgodnie z art. 5 ust. 1 pkt 3 w produkcji. Zostaje.', 'Wymagane zgodnie z art. 5 ust. 1 pkt 3 w produkcji.'],
    ['Richiesto dal cap. 3 sec. 2 del contratto in prod. Resta.', 'Richiesto dal cap. 3 sec. 2 del contratto in prod.'],
  ])('%s', (text, first) => {
    for (const re of splits) expect(text.split(re)[0]).toBe(first);
  });

  it.each([
    // A capital after "etc." starts a sentence; a day's dot before a word that is no month ends one;
    // "No." before no number is the word no; a line break after an abbreviation still ends its line.
    ['Timeouts, retries etc. Then prod follows.', ['Timeouts, retries etc.', 'Then prod follows.']],
    ['Podniesione do 12. dalej bez zmian.', ['Podniesione do 12.', 'dalej bez zmian.']],
    ['Staging gets 31. prod stays.', ['Staging gets 31.', 'prod stays.']],
    ['Is it needed? No. Prod stays.', ['Is it needed?', 'No.', 'Prod stays.']],
    ['Raised to 120. then measured again.', ['Raised to 120.', 'then measured again.']],
    ['Options, e.g.\nStaging keeps 40.', ['Options, e.g.', 'Staging keeps 40.']],
    // A citation word before no number is a word that ends its sentence ("… see the art. Then …").
    ['We kept the art. Then prod followed.', ['We kept the art.', 'Then prod followed.']],
    ['Prod stays as per the ch. 12 rule. Sec. Review on Friday.', ['Prod stays as per the ch. 12 rule.', 'Sec.', 'Review on Friday.']],
  ])('still split: %s', (text, parts) => {
    expect(text.split(splits[0]!)).toEqual(parts);
  });
});
