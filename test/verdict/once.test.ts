import { describe, expect, it } from 'vitest';
import { keyOf, once } from '../../src/verdict/once.js';
import { copiedFrom } from '../../src/verdict/copied.js';
import { keyName } from '../../src/verdict/documents.js';
import { foreignSays } from '../../src/verdict/languages.js';

// Readers of a text alone are asked again for every divergence whose texts they read: each answer
// is read once and kept, frozen, so no verdict can change another's.
describe('once', () => {
  it('reads each question once and answers it again from what it kept', () => {
    let reads = 0;
    const read = once(
      (text: string, env: string) => keyOf(text, env),
      (text: string, env: string) => (reads++, { text, env }),
    );
    const first = read('bump to 5 for the load test', 'staging');
    expect(read('bump to 5 for the load test', 'staging')).toBe(first);
    expect(reads).toBe(1);
    expect(read('bump to 5 for the load test', 'production')).toEqual({ text: 'bump to 5 for the load test', env: 'production' });
    expect(reads).toBe(2);
  });

  it('keeps an answer that is undefined too', () => {
    let reads = 0;
    const read = once(
      (text: string) => text,
      () => (reads++, undefined),
    );
    read('x');
    read('x');
    expect(reads).toBe(1);
  });

  it('freezes a kept answer, so a caller that wrote into it throws instead of changing the next reading', () => {
    const read = once(
      (text: string) => text,
      (text: string) => ({ phrase: text, parts: [text] }),
    );
    const answer = read('temporary');
    expect(() => {
      (answer as { phrase: string }).phrase = 'changed';
    }).toThrow(TypeError);
    expect(() => answer.parts.push('more')).toThrow(TypeError);
  });

  it('gives no two lists of arguments the same key', () => {
    const keys = [
      keyOf('a\0b'),
      keyOf('a', 'b'),
      keyOf(['a', 'b']),
      keyOf(['a|1:b']),
      keyOf('a', undefined),
      keyOf('a', 'undefined'),
      keyOf('a', null),
      keyOf(['a'], 'b'),
      keyOf('1', 1),
      keyOf('|1'),
      keyOf(true),
      keyOf('true'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers the readers that keep their answers as they answered before', () => {
    const copied = copiedFrom('same as prod', 'staging', ['staging', 'production']);
    expect(copied).toEqual({ from: 'production', phrase: expect.any(String) });
    expect(copiedFrom('same as prod', 'staging', ['staging', 'production'])).toBe(copied);
    expect(copiedFrom('same as prod', 'staging', ['staging'])).toBeUndefined();
    const name = keyName('payments.retryBudgetSeconds');
    expect(name?.pattern.test('the retry budget is 30 s')).toBe(true);
    expect(keyName('payments.retryBudgetSeconds')).toBe(name);
    expect(foreignSays('zurück auf 50', 'back')).toBe(foreignSays('zurück auf 50', 'back'));
  });
});
