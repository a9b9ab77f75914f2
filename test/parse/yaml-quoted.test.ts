import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { UserError } from '../../src/errors.js';
import { parseYaml } from '../../src/parse/yaml.js';

// undrift reads double-quoted YAML values itself (src/parse/yaml-quoted.ts: the `yaml` library
// builds them a character at a time, 1.6 GB for 50 MB). The values must be the library's, to the
// character, wherever they stand: here both read the same generated documents.

/** The library's own reading of a document: its values, or that it has an error. */
function libraryReads(text: string): unknown {
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false });
  if (!Array.isArray(docs)) return [];
  if (docs.some((d) => d.errors.length > 0)) return 'error';
  return docs.filter((d) => d.contents !== null).map((d) => d.toJS({ maxAliasCount: -1 }));
}

function undriftReads(text: string): unknown {
  try {
    return parseYaml(text, 'f.yaml').docs.map((d) => d.value);
  } catch (e) {
    if (e instanceof UserError) return 'error';
    throw e;
  }
}

/** Pieces of a double-quoted scalar's inside: text, blanks, line breaks (indented, as a value's
 * continuation lines are), every escape, and malformed ones. */
const piece = fc.constantFrom(
  'a',
  'word',
  'é☺',
  ' ',
  '  ',
  '\t',
  ' \t ',
  '\n  ',
  '\n\n  ',
  '\n \n\t ',
  '\r\n  ',
  '\r',
  ' \n  ',
  '\\\n   ',
  '\\\r\n  ',
  '\\n',
  '\\t',
  '\\\t',
  '\\ ',
  '\\"',
  '\\\\',
  '\\/',
  '\\0',
  '\\a',
  '\\e',
  '\\N',
  '\\_',
  '\\L',
  '\\P',
  '\\x41',
  '\\u263a',
  '\\U0001F600',
  '\\x4',
  '\\u12G4',
  '\\U00110000',
  '\\q',
  "'",
  '#',
  ': ',
  '- ',
);
const inside = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

/** Where a double-quoted value can stand. */
const documents = fc.oneof(
  inside.map((s) => `k: "${s}"\nnext: 1\n`),
  fc.tuple(inside, inside).map(([a, b]) => `- "${a}"\n- x: "${b}"\n`),
  fc.tuple(inside, inside).map(([a, b]) => `{ "${a}": "${b}", other: ["${b}", '${a.replace(/'/g, "''")}'] }\n`),
  fc.tuple(inside, inside).map(([a, b]) => `"${a}": &x "${b}"\ncopy: *x\n`),
  inside.map((s) => `k: !!str "${s}"\nn: !!int "12"\n`),
  inside.map((s) => `? "${s}"\n: v\n---\nsecond: "${s}"\n`),
);

describe('double-quoted YAML values read in one pass', () => {
  it('are the values the yaml library reads, and fail where it fails', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(undriftReads(text)).toEqual(libraryReads(text));
      }),
      { numRuns: 600 },
    );
  });

  it('keep their type and their place in the file', () => {
    const parsed = parseYaml('a: 1\nmessage: "one\n  two"   # note\nafter: "x"\n', 'f.yaml');
    const locator = parsed.docs[0]!.locator;
    expect(parsed.docs[0]!.value).toEqual({ a: 1, message: 'one two', after: 'x' });
    expect(locator.at('message').location()).toEqual({ file: 'f.yaml', line: 2, column: 10 });
    expect(locator.at('after').location()).toEqual({ file: 'f.yaml', line: 4, column: 8 });
    expect(locator.keyLocation?.('after')).toEqual({ file: 'f.yaml', line: 4, column: 1 });
  });

  it('longer than 1,024 characters, followed by more keys (in a map, a list and a flow map)', () => {
    // The library refuses a key whose `:` is over 1,024 characters from where it thinks the key
    // starts: a placeholder shorter than its value once moved that start back by the difference.
    const long = 'x'.repeat(3_000);
    const text = `a: "${long}"
b: 1
list:
  - "${long}"
  - after
flow: {c: "${long}", d: 2}
e: "${long}\t"   # note
f: 3
`;
    expect(undriftReads(text)).toEqual(libraryReads(text));
    // A comment right after the closing quote is the library's error still.
    for (const commented of ['a: "x"#c\nb: 1\n', `["${long}"#c\n]\n`]) expect(undriftReads(commented)).toEqual(libraryReads(commented));
    const locator = parseYaml(text, 'f.yaml').docs[0]!.locator;
    expect(locator.at('b').location()).toEqual({ file: 'f.yaml', line: 2, column: 4 });
    expect(locator.at('e').location()).toEqual({ file: 'f.yaml', line: 7, column: 4 });
    expect(locator.at('f').location()).toEqual({ file: 'f.yaml', line: 8, column: 4 });
  });
});
