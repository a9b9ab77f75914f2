import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UserError } from '../../src/errors.js';
import { readText } from '../../src/parse/read.js';
import { globMatcher } from '../../src/config/safe-match.js';

// Every reader, given any text at all, answers with values or with a one-line UserError naming
// the file: never another exception (a TypeError, a stack overflow, "internal error").

// The seed is fixed in test/support/fast-check-seed.ts; `UNDRIFT_FUZZ_RUNS` draws more by hand.
const FUZZ = { numRuns: Number(process.env.UNDRIFT_FUZZ_RUNS ?? 150) };

/** Inputs fuzzing once found that broke a reader; kept so they are tried on every run. */
const FOUND: Partial<Record<string, string[]>> = {
  tfvars: ['a = {"\\\n ":0}'],
};

const FORMATS = ['yaml', 'helm', 'json', 'dotenv', 'tfvars', 'manifests'] as const;
type Format = (typeof FORMATS)[number];

/** Text close to each format, so the fuzzing reaches past the first character. */
const nearFormat = (format: Format): fc.Arbitrary<string> => {
  const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v, null, 1));
  const yaml = fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v));
  const dotenv = fc
    .array(fc.tuple(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.string({ maxLength: 12 })), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('\n'));
  const tfvars = fc
    .array(fc.tuple(fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('\n'));
  const base = { json, yaml, helm: yaml, manifests: yaml, dotenv, tfvars }[format];
  // A valid-looking text, cut and spliced with arbitrary characters (controls and brackets too).
  const noise = fc.string({
    unit: fc.constantFrom('{', '}', '[', ']', ':', '"', "'", '&', '*', '\n', '\t', ' ', '#', '=', '-', '\\', '\u0000', '\u001b', '\u202e', 'a', '1'),
    maxLength: 20,
  });
  return fc.oneof(
    base,
    fc.tuple(base, fc.nat(), noise).map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1))),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
};

describe('readers under fuzzing: a value or a one-line UserError, never another exception', () => {
  for (const format of FORMATS) {
    it(`reads ${format}`, async () => {
      await fc.assert(
        fc.asyncProperty(nearFormat(format), async (text) => {
          try {
            const read = await readText(text, `f.${format}`, format);
            expect(read.values).toBeInstanceOf(Map);
          } catch (e) {
            expect(e, String((e as Error)?.stack ?? e)).toBeInstanceOf(UserError);
            expect((e as UserError).message).not.toContain('\n');
            expect((e as UserError).message.startsWith(`f.${format}`)).toBe(true);
          }
        }),
        { ...FUZZ, examples: (FOUND[format] ?? []).map((text) => [text] as [string]) },
      );
    }, 60_000);
  }
});

describe('the linear glob matcher', () => {
  it('agrees with the backtracking regex it replaced, on small patterns', () => {
    const oldGlob = (pattern: string) =>
      new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        's',
      );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '*', '?', '.'), maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '.'), maxLength: 8 }),
        (pattern, text) => {
          expect(globMatcher(pattern).test(text)).toBe(oldGlob(pattern).test(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
