// The literal pre-filter of src/verdict/languages.ts (mayHold) skips a language's full word pattern
// on texts that hold none of its words' literal runs. It must never turn away a text the pattern
// reads: for every table word of every language, in each form its pattern allows (each ending of a
// class, a stem with and without an ending, spaces, both apostrophes, upper case), a text
// the full pattern matches must pass the pre-filter.
import { describe, expect, it } from 'vitest';
import { foreignDeadline, prefilterParts } from '../../src/verdict/languages.js';
import { keyName } from '../../src/verdict/readers.js';

type Lang = Parameters<typeof prefilterParts.wordsRegex>[0];
type Kind = Parameters<typeof prefilterParts.wordsRegex>[1];

/** The forms a table word's pattern reads, spelled out. */
function formsOf(word: string): string[] {
  let forms = [word.replace(/\*$/, '')];
  if (word.endsWith('*')) forms.push(`${forms[0]}en`);
  for (;;) {
    const next = forms.flatMap((f) => {
      const m = /\[([^\]]*)\]/.exec(f);
      return m ? [...m[1]!].map((c) => f.slice(0, m.index) + c + f.slice(m.index + m[0].length)) : [f];
    });
    if (next.length === forms.length && next.every((f, i) => f === forms[i])) break;
    forms = next;
  }
  forms = forms.flatMap((f) => [f, ...(f.includes(' ') ? [f.replace(/ /g, '  ')] : []), ...(f.includes("'") ? [f.replace(/'/g, '’')] : [])]);
  return forms.flatMap((f) => [f, f.toUpperCase()]);
}

describe('the literal pre-filter of the words of the languages read', () => {
  const table = prefilterParts.table();
  it('passes every text a table word pattern matches, in every form the pattern reads', () => {
    let read = 0;
    const missed: string[] = [];
    for (const [lang, words] of Object.entries(table) as unknown as Array<[Lang, Record<string, unknown>]>)
      for (const [kind, list] of Object.entries(words)) {
        if (!Array.isArray(list)) continue;
        const re = prefilterParts.wordsRegex(lang, kind as Kind);
        for (const word of list as string[])
          for (const form of formsOf(word)) {
            const text = `Cambio: ${form} — ok.`;
            if (!re?.test(text)) continue;
            read++;
            if (!prefilterParts.mayHold(list as string[], text)) missed.push(`${lang}.${kind}: ${JSON.stringify(form)}`);
          }
      }
    expect(missed).toEqual([]);
    // The forms are read by the full patterns: the check above is not empty.
    expect(read).toBeGreaterThan(2000);
  });

  it('turns away a terse English message for most kinds of words, so their patterns are not built for it', () => {
    let skipped = 0;
    let kinds = 0;
    for (const words of Object.values(table))
      for (const list of Object.values(words)) {
        if (!Array.isArray(list) || list.length === 0) continue;
        kinds++;
        if (!prefilterParts.mayHold(list as string[], 'Change common env\n\n')) skipped++;
      }
    expect(skipped / kinds).toBeGreaterThan(0.8);
  });
});

describe('an end read past the pre-filters of foreignEnd (a digit or a count word, the until words, the span words)', () => {
  it.each([
    ['a span counted in words', 'Nur auf Staging, FÜR ZWEI WOCHEN', '2026-11-16'],
    ['a Turkish span', 'Sadece stagingde iki hafta boyunca', '2026-11-16'],
    ['a date after an until word', 'Solo en staging HASTA EL 20/11', '2026-11-20'],
    ['a date before an until word', 'ステージングのみ、11月20日まで', '2026-11-20'],
    ['a dotted date', 'tylko na stagingu do 20.11.', '2026-11-20'],
  ])('%s: %s', (_, text, date) => {
    expect(foreignDeadline(text, '2026-11-02T09:00:00Z')).toBe(date);
  });

  // Each language's until, month and span words are made into pattern parts once (endWords): asked in
  // turn and again, every language reads its own words, never the ones made for the language before.
  it('reads each language with its own words, whichever language was read before it and however often', () => {
    const asks: Array<[string, string | undefined]> = [
      ['Solo en staging por dos semanas', '2026-11-16'],
      ['Nur auf Staging für 3 Wochen', '2026-11-23'],
      ['Uniquement en staging jusqu’au 20 novembre', '2026-11-20'],
      ['Alleen op staging tot 20 november', '2026-11-20'],
      ['Tylko na stagingu na dwa tygodnie', '2026-11-16'],
      ['ステージングのみ、2週間', '2026-11-16'],
      ['Only on staging for app-078 v2.11.3', undefined],
    ];
    const first = asks.map(([text]) => foreignDeadline(text, '2026-11-02T09:00:00Z'));
    expect(first).toEqual(asks.map(([, date]) => date));
    const again = [...asks].reverse().map(([text]) => foreignDeadline(text, '2026-11-02T09:00:00Z'));
    expect(again.reverse()).toEqual(first);
  });
});

describe("the lower-case run notesAbout looks for before a key's name pattern", () => {
  it.each([
    ['staleIfErrorSeconds', 'Raise STALE-IF-ERROR for the CDN'],
    ['staleIfErrorSeconds', 'stale_if_error stays at 60 (the cdn asked)'],
    ['staleIfErrorSeconds', 'StaleIfErrorSeconds back to 60'],
    ['data.GODEBUG', 'godebug workaround can go'],
    ['Role/scheduler-operator', 'drop the Scheduler-Operator role'],
    ['cache.maxMemoryPolicy', 'max memory policy: allkeys-lru in prod'],
  ])('%s in %j', (key, text) => {
    const name = keyName(key)!;
    expect(name.pattern.test(text)).toBe(true);
    // Every message the pattern reads holds the run in its lower case: the pre-filter never turns it away.
    expect(name.run).toBeDefined();
    expect(text.toLowerCase().includes(name.run!)).toBe(true);
  });

  it('has no run for a name whose lower case is not ASCII (there lower case and the i flag differ)', () => {
    expect(keyName('limits.größe')?.run).toBeUndefined();
  });
});
