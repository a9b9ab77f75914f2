import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatOf, VersionParser } from '../../src/history/versions.js';
import type { Format } from '../../src/parse/format.js';
import { readText } from '../../src/parse/read.js';

// The scan reads the current file with the `yaml` library; history reads every version with
// js-yaml. For one format, a key or value must read the same in both, or the current value and
// its history disagree (a key the scan calls `NaN` whose history is under `E0`).

const scanFlat = async (text: string, format: Exclude<Format, 'auto'>) =>
  new Map([...(await readText(text, 'values.yaml', format)).values].map(([k, v]) => [k, v.text]));

async function historyFlat(parser: VersionParser, text: string, format: Exclude<Format, 'auto'>) {
  const parsed = await parser.parse(Buffer.from(text), 'values.yaml', format);
  if (!parsed.ok) throw new Error(parsed.error);
  return flatOf(parsed.version);
}

// Plain scalars that YAML 1.1 and 1.2 (and the two libraries) are known to read differently.
const TRAPS = [
  'E0',
  'e5',
  '1e3',
  '1E3',
  '12e03',
  '1.0e+3',
  '.5e2',
  '0x1F',
  '0X1F',
  '0o17',
  '0b101',
  '0755',
  '09',
  '1_000',
  '1.10',
  '.5',
  '+1',
  '-0',
  '.',
  'on',
  'On',
  'ON',
  'off',
  'y',
  'Y',
  'n',
  'N',
  'yes',
  'no',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '.inf',
  '-.Inf',
  '.nan',
  'NaN',
  '1:20',
  '-1:30:00',
  '190:20:30.15',
  '_1',
  '1__0',
  '0x_1F',
  '+.5',
  '-.5e-3',
  '1.',
  '2e',
  'e',
];
const FORMATS = ['yaml', 'helm', 'spring', 'rails'] as const;

/** A file using `token` as keys at two depths and as values, cut into entries by history. */
const entries = (token: string) => `${token}: 1\nplain: ${token}\nnested:\n  ${token}:\n    deeper: ${token}\n  other: 2\n`;

describe('YAML 1.1/1.2 scalars: the scan read and the history read agree', () => {
  it.each(FORMATS)('%s: keys and values of every trap, whole and cut into entries', async (format) => {
    const parser = new VersionParser();
    for (const token of TRAPS) {
      const cut = entries(token);
      // A document marker makes history parse the version whole instead of entry by entry.
      const whole = `---\n${cut}`;
      expect(await historyFlat(parser, cut, format), `${format} ${token} (cut)`).toEqual(await scanFlat(cut, format));
      expect(await historyFlat(parser, whole, format), `${format} ${token} (whole)`).toEqual(await scanFlat(whole, format));
    }
  });

  it.each(FORMATS)('%s: a value edited in place (the patched path) reads as the scan reads the new version', async (format) => {
    for (const token of TRAPS) {
      const parser = new VersionParser();
      const before = `a: 1\nsettings:\n  level: 7\n  name: x\nz: 2\n`;
      const after = before.replace('level: 7', `level: ${token}`);
      await historyFlat(parser, before, format);
      expect(await historyFlat(parser, after, format), `${format} ${token}`).toEqual(await scanFlat(after, format));
    }
  });

  it('agrees on generated number-like and boolean-like tokens', async () => {
    const token = fc
      .array(fc.constantFrom('0', '1', '7', '9', 'e', 'E', '.', '_', '+', '-', 'x', 'o', 'b', 'y', 'n', 'on', 'f', 'a', ':'), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join(''))
      // What cannot be a plain key or value at all (a leading indicator) is not a scalar question.
      .filter((s) => !/^[-:?]( |$)|^[-:]$|: |:$/.test(s));
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom(...FORMATS), async (t, format) => {
        const text = entries(t);
        let scan: Map<string, string | null>;
        try {
          scan = await scanFlat(text, format);
        } catch {
          return; // not YAML at all: nothing to compare
        }
        expect(await historyFlat(new VersionParser(), text, format)).toEqual(scan);
      }),
      { numRuns: 300 },
    );
  });
});
