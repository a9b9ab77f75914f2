import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffFlat, diffVersions, flatOf, VersionParser, type Flat, type ParsedVersion } from '../../src/history/versions.js';
import { readText } from '../../src/parse/read.js';

// A values file as sections of keys; the text varies in everything that is not a value (indent,
// comments, blank lines, order, quoting), so that the parser's reuse of entries between
// consecutive versions is tested against a fresh parse of each version.
const section = fc.record({
  name: fc.constantFrom('app', 'db', 'cache', 'queue', 'feature', 'limits', 'images'),
  keys: fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'timeout', 'enabled', 'tag'),
    fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom('on', 'x y', 'true', '0755', '~', 'a: b')),
  ),
  indent: fc.constantFrom(2, 4),
  comment: fc.boolean(),
  quoted: fc.boolean(),
});
const file = fc.tuple(fc.uniqueArray(section, { selector: (s) => s.name, maxLength: 6 }), fc.boolean(), fc.boolean());

type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render([sections, header, trailingNewline]: FileSpec): string {
  const lines = header ? ['# values', ''] : [];
  for (const s of sections) {
    lines.push(`${s.name}:${s.comment ? '  # note' : ''}`);
    for (const [key, value] of Object.entries(s.keys)) {
      const text = typeof value === 'number' ? String(value) : s.quoted || /[:~]/.test(value) ? JSON.stringify(value) : value;
      lines.push(`${' '.repeat(s.indent)}${key}: ${text}`);
    }
    if (Object.keys(s.keys).length === 0) lines[lines.length - 1] += ' {}';
  }
  const text = lines.join('\n');
  return trailingNewline ? `${text}\n` : text;
}

const flatOfParsed = (parsed: ParsedVersion | Promise<ParsedVersion>): Flat => {
  if (parsed instanceof Promise || !parsed.ok) throw new Error('expected a synchronous parse');
  return flatOf(parsed.version);
};

describe('historic versions', () => {
  it('reads each version of a sequence the same as a fresh parse of it, and diffs them the same', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 2, maxLength: 8 }), fc.constantFrom('yaml' as const, 'helm' as const), (files, format) => {
        const sequence = new VersionParser();
        let before: ParsedVersion | undefined;
        let beforeFresh: Flat | undefined;
        for (const spec of files) {
          const text = render(spec);
          const parsed = sequence.parse(Buffer.from(text), 'values.yaml', format);
          const fresh = flatOfParsed(new VersionParser().parse(Buffer.from(text), 'values.yaml', format));
          expect(flatOfParsed(parsed)).toEqual(fresh);
          // and the same as js-yaml reading the whole file at once
          const whole = jsyaml.load(text);
          expect(new Set(flatOfParsed(parsed).keys())).toEqual(
            new Set(
              Object.entries(whole ?? {}).flatMap(([k, v]) =>
                v && typeof v === 'object' && Object.keys(v).length > 0 ? Object.keys(v).map((c) => `${k}.${c}`) : [k],
              ),
            ),
          );
          if (before && beforeFresh && before.ok && !(parsed instanceof Promise) && parsed.ok) {
            const sorted = (changes: ReturnType<typeof diffFlat>) => [...changes].sort((x, y) => x.key.localeCompare(y.key));
            expect(sorted(diffVersions(before.version, parsed.version))).toEqual(sorted(diffFlat(beforeFresh, fresh)));
          }
          before = parsed instanceof Promise ? undefined : parsed;
          beforeFresh = fresh;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads value-only edits (patched in place of a parse) the same as a fresh parse', () => {
    // One layout, values edited one at a time: plain scalars of every implicit type, and values
    // that must not be patched (quoted, spaced, commented, flow, empty, inside a list item).
    const values = [
      '1',
      '2',
      '0755',
      '0x1F',
      'on',
      'off',
      'yes',
      'true',
      'null',
      '1e3',
      '.5',
      '-5',
      '+1',
      '2026-01-02',
      'abc',
      'a.b/c',
      '~',
      '"q"',
      "'s'",
      'a b',
      'x # note',
      '[1, 2]',
      '{}',
      '',
    ];
    const template = (v: string[]) =>
      `# values\napp:\n  a: ${v[0]}\n  nested:\n    b: ${v[1]}\n    deeper:\n      c: ${v[2]}\n  list:\n    - name: x\n      v: ${v[3]}\ntop: ${v[4]}\nlast:\n  z: ${v[5]}\n`;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...values), { minLength: 6, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...values)), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('yaml' as const, 'helm' as const),
        (start, edits, format) => {
          const sequence = new VersionParser();
          const slots = [...start];
          for (const [slot, value] of [[0, start[0]!] as const, ...edits]) {
            slots[slot] = value;
            const text = template(slots);
            expect(flatOfParsed(sequence.parse(Buffer.from(text), 'values.yaml', format))).toEqual(
              flatOfParsed(new VersionParser().parse(Buffer.from(text), 'values.yaml', format)),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives historic YAML values the texts the scan gives them', async () => {
    const text = 'a:\n  on: on\n  mode: 0755\n  when: 2026-01-02\n  big: 1e3\n  nothing: ~\n  list: [1, "2"]\n';
    for (const format of ['yaml', 'helm'] as const) {
      const scan = await readText(text, 'values.yaml', format);
      const history = flatOfParsed(new VersionParser().parse(Buffer.from(text), 'values.yaml', format));
      expect(Object.fromEntries(history)).toEqual(Object.fromEntries([...scan.values].map(([k, v]) => [k, v.text])));
    }
  });
});
