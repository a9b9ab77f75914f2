// The view's bundle measures text through a table of each character's width (scripts/string-width-fast.mjs)
// before Ink's string-width would split it into clusters: exact for every text it answers, on the
// Node the suite runs on (the table is the build's, made by the build's Node; CI runs three).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const { default: stringWidth } = (await import(pathToFileURL(path.join(root, 'node_modules', 'string-width', 'index.js')).href)) as {
  default: (text: string) => number;
};
const { END, FIRST, fastWidthSource, widthTable } = (await import(pathToFileURL(path.join(root, 'scripts', 'string-width-fast.mjs')).href)) as {
  END: number;
  FIRST: number;
  fastWidthSource: (table: string) => string;
  widthTable: (measure: (text: string) => number) => string;
};
// The table the built view holds (made by the build's Node), measured against this Node's string-width.
const built = readFileSync(path.join(root, 'dist', 'tui', 'run.cjs'), 'utf8');
const table = JSON.parse(/^const __undriftWidths = (".*");$/m.exec(built)?.[1] ?? 'null') as string;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the function as the bundle holds it
const fast = new Function(`${fastWidthSource(table)}return __undriftFastWidth;`)() as (text: string) => number;

it('answers the text the view draws (its glyphs, keys, values) as string-width does', () => {
  for (const text of [
    '▶ Divergences 1/3864 ▼',
    '› ≠ apps[name=app-001].image.tag  1.2.3',
    '· … → ← ✓ ✗ ◆ ○ ∅ ◇ ⚠ ≋ ▸ ▾ ● ⠋ ✔a ✓r',
    'café  naïve  ±5 °C  ×2',
    '',
  ])
    expect([text, fast(text)]).toEqual([text, stringWidth(text)]);
});

it('leaves to string-width what may join into one cluster or is not in the table', () => {
  for (const text of [
    'e\u0301',
    'a\u200db',
    '\u{1f468}\u200d\u{1f469}',
    '\u{1f1eb}\u{1f1f7}',
    '\u1100\u1161',
    '中文',
    '\u001b[31mred\u001b[39m',
    'tab\there',
    '✔\ufe0f',
  ])
    expect([text, fast(text)]).toEqual([text, -1]);
});

it('every character of the table measures alone as string-width measures it', () => {
  const differ: string[] = [];
  for (let point = FIRST; point < END; point++) {
    const c = String.fromCharCode(point);
    const known = fast(c);
    if (known >= 0 && known !== stringWidth(c)) differ.push(`U+${point.toString(16)}: ${known} against ${stringWidth(c)}`);
  }
  expect(differ).toEqual([]);
});

it('any text of ASCII and table characters, with others among them, is answered exactly or left alone', () => {
  const inTable = [...table].flatMap((w, i) => (w === 'x' ? [] : [String.fromCharCode(FIRST + i)]));
  const others = ['\u0301', '\u200d', '\ufe0f', '\u1100', '\u1161', '中', '\u{1f600}', '\u{1f3fb}', '\t'];
  const char = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
    { weight: 4, arbitrary: fc.constantFrom(...inTable) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );
  fc.assert(
    fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      const known = fast(text);
      expect(known === -1 || known === stringWidth(text)).toBe(true);
      if (chars.every((c) => !others.includes(c))) expect(known).toBe(stringWidth(text));
    }),
    { numRuns: 3000 },
  );
});

it("the built view measures through it (Ink's string-width, not wrap-ansi's copy), with the table this Node makes", () => {
  expect(built.match(/const known = __undriftFastWidth\(input\);/g)).toHaveLength(1);
  expect(table).toBe(widthTable(stringWidth));
});
