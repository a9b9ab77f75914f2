import { describe, expect, it } from 'vitest';
import { allSettledOrFirstError } from '../../src/settled.js';

// CI failed once on `test/config/discover-unreadable.test.ts`: one environment's file did not
// parse, the scan returned its error while the other environment's read was still writing its
// cache into `.git/undrift/reads`, and removing the test's repository met ENOTEMPTY.

describe('allSettledOrFirstError', () => {
  it('throws the first failure only once every other read has ended', async () => {
    const ended: string[] = [];
    const slow = new Promise<string>((resolve) => setTimeout(() => (ended.push('slow'), resolve('slow')), 30));
    const failing = Promise.reject(new Error('config/dev.json:2:3: invalid JSON'));
    await expect(allSettledOrFirstError([slow, failing])).rejects.toThrow('config/dev.json:2:3');
    expect(ended).toEqual(['slow']);
  });

  it('the first failure in the list is the one thrown, and values keep their order', async () => {
    const later = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('second')), 5));
    await expect(allSettledOrFirstError([Promise.reject(new Error('first')), later])).rejects.toThrow('first');
    await expect(allSettledOrFirstError([Promise.resolve(1), Promise.resolve('two')])).resolves.toEqual([1, 'two']);
  });
});
