import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readText } from '../../src/parse/read.js';

const read = (text: string, file = '.env.staging') => readText(text, file, 'dotenv');

describe('dotenv reader', () => {
  it('reads export, quotes, escapes, inline comments and empty values', async () => {
    const { values, warnings } = await read(
      [
        '# payment settings',
        'export LOG_LEVEL=debug',
        'URL="https://x/?a=1#frag"',
        "RAW='C:\\path\\n$HOME'",
        'ESCAPED="line1\\nline2\\t\\"q\\""',
        'TIMEOUT_MS=3000 # ms',
        'EMPTY=',
        'SPACED = padded value  ',
        'HASH=abc#def',
        '',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(Object.fromEntries([...values].map(([k, v]) => [k, v.text]))).toEqual({
      LOG_LEVEL: 'debug',
      URL: 'https://x/?a=1#frag',
      RAW: 'C:\\path\\n$HOME',
      ESCAPED: 'line1\nline2\t"q"',
      TIMEOUT_MS: '3000',
      EMPTY: '',
      SPACED: 'padded value',
      HASH: 'abc#def',
    });
    expect(values.get('LOG_LEVEL')!.location).toEqual({ file: '.env.staging', line: 2, column: 18 });
    expect(values.get('TIMEOUT_MS')!.type).toBe('string');
  });

  it('reads double-quoted values that span lines', async () => {
    const { values } = await read('CERT="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1\n');
    expect(values.get('CERT')!.text).toBe('-----BEGIN-----\nabc\n-----END-----');
    expect(values.get('NEXT')!.location.line).toBe(4);
  });

  it('keeps the last of duplicate keys and says so', async () => {
    const { values, warnings } = await read('A=1\nB=2\nA=3\n');
    expect(values.get('A')).toMatchObject({ text: '3', location: { line: 3 } });
    expect(warnings).toEqual(['.env.staging:3: A is set twice (lines 1 and 3); the last one wins']);
  });

  it('sniffs YAML written in a file named like dotenv', async () => {
    const { values, warnings } = await read('LOG_LEVEL: "debug"\nTIMEOUT_MS: 3000\n', 'staging.env');
    expect(values.get('LOG_LEVEL')!.text).toBe('debug');
    expect(values.get('TIMEOUT_MS')!.text).toBe('3000');
    expect(warnings[0]).toMatch(/written as YAML/);
  });

  it('names the line of a malformed entry', async () => {
    const bad = (await read('A=1\nthis is not an assignment\n').catch((e: unknown) => e)) as Error;
    expect(bad).toBeInstanceOf(UserError);
    expect(bad.message).toBe('.env.staging:2:1: invalid dotenv line (expected KEY=value): this is not an assignment');
    const open = (await read('A="never closed\nB=2\n').catch((e: unknown) => e)) as Error;
    expect(open.message).toMatch(/^\.env\.staging:1:3: unterminated double quote in A$/);
  });
});
