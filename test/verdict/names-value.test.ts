import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesValue } from '../../src/verdict/documents.js';

// namesValue answers no, without making a pattern, for an ASCII text that lacks an ASCII value's
// characters (case aside). The answer must be the pattern's own, for every text and value.
const PATTERN = (value: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_.-])[\`"'“]?${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\`"'”]?(?![\\p{L}\\p{N}_]|[.-][\\p{L}\\p{N}])`, 'iu');
const patternSays = (text: string, value: string) => value.trim() !== '' && PATTERN(value).test(text);

describe('namesValue', () => {
  const pieces = [
    '10',
    '1.5',
    'v2',
    'true',
    'On',
    'ON',
    'k',
    'K',
    'K',
    's',
    'ſ',
    'ß',
    'SS',
    'İ',
    'i',
    'é',
    'É',
    ' ',
    '.',
    '-',
    '"',
    '“',
    '`',
    '_',
    'x',
    '本番',
    '\n',
  ];
  const word = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join(''));
  const text = fc.array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join(' '));

  it('answers as the pattern does, on random texts and values', () => {
    fc.assert(
      fc.property(text, word, (t, v) => namesValue(t, v) === patternSays(t, v)),
      { numRuns: 600 },
    );
  });

  it('answers as the pattern does where case folding differs from lower-casing', () => {
    const cases: Array<[string, string]> = [
      ['the limit is 10 now', '10'],
      ['set to ON in prod', 'on'],
      ['K8S cluster', 'k8s'],
      ['the \u212Aelvin sign: \u212A8s', 'k8s'],
      ['ſtaging', 'staging'],
      ['Straße', 'STRASSE'],
      ['İstanbul', 'istanbul'],
      ['value "1.5"', '1.5'],
      ['v1.50', '1.5'],
    ];
    for (const [t, v] of cases) expect(namesValue(t, v), `${t} / ${v}`).toBe(patternSays(t, v));
  });
});
