import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedLocator, flatten } from '../../src/parse/flatten.js';
import { formatKeyPath, parseKeyPath, type PathSegment } from '../../src/parse/keypath.js';

// Keys as config files hold them: plain names, dotted and bracketed ones, quotes, backslashes,
// spaces, digits only, empty, and any unicode (lone surrogates included).
const awkward = fc.constantFrom('a.b', 'x[0]', 'say "hi"', 'back\\slash', ']', '[', '=', 'a b', '0', '', '.', 'é', '日本', '😀', 'name=x');
const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_$-]{1,8}$/), awkward, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 }));
const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  key.map((k) => ({ key: k })),
  fc.nat({ max: 99 }).map((index) => ({ index })),
  fc.record({ field: fc.constantFrom('name', 'key', 'id'), value: key }).map((match) => ({ match })),
);

describe('the key-path syntax', () => {
  it('reads back every path it writes', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const written = formatKeyPath(segments);
        expect(parseKeyPath(written)).toEqual(segments);
        expect(formatKeyPath(parseKeyPath(written))).toBe(written);
      }),
      { numRuns: 2000 },
    );
  });

  it('addresses, for every key a reader flattens, the value it came from', () => {
    type Tree = { [k: string]: Tree | Tree[] | string };
    const leaf = fc.string({ maxLength: 4 });
    const tree = fc.letrec<{ node: Tree; items: Tree[] }>((tie) => ({
      node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, leaf, tie('node'), tie('items')), { minKeys: 1, maxKeys: 4 }),
      // A list of maps with a unique name is addressed by it; any other list by index.
      items: fc.oneof(
        fc
          .uniqueArray(key, { minLength: 1, maxLength: 3 })
          .chain((names) => fc.tuple(...names.map((name) => tie('node').map((rest): Tree => ({ ...rest, name }))))),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      ),
    }));
    const at = (node: unknown, segments: PathSegment[]): unknown =>
      segments.reduce<unknown>((here, s) => {
        if ('key' in s) return (here as Record<string, unknown>)[s.key];
        if ('index' in s) return (here as unknown[])[s.index];
        return (here as Array<Record<string, unknown>>).find((item) => String(item[s.match.field]) === s.match.value);
      }, node);
    fc.assert(
      fc.property(tree.node, (root) => {
        const values = flatten(root, fixedLocator({ file: 'f.yaml', line: 1, column: 1 }));
        for (const [path, value] of values) expect(at(root, parseKeyPath(path))).toBe(value.text);
      }),
      { numRuns: 300 },
    );
  });
});
