import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/tui/wrap.js';

describe('wrapLines', () => {
  it('wraps at word boundaries, keeps the indentation, and never exceeds the width', () => {
    expect(wrapLines('the change was meant for production but landed in staging', 20)).toEqual(['the change was meant', '  for production but', '  landed in staging']);
    expect(wrapLines('  staging: "true"', 30)).toEqual(['  staging: "true"']);
    expect(wrapLines('', 10)).toEqual(['']);
    const long = wrapLines(`x ${'y'.repeat(50)}`, 12);
    expect(long.every((l) => [...l].length <= 12)).toBe(true);
    expect(long.join('').replace(/\s/g, '')).toBe(`x${'y'.repeat(50)}`);
  });
});
