import { describe, expect, it } from 'vitest';
import { safeText, widthOf, wrapLines } from '../../src/tui/text.js';

describe('wrapLines', () => {
  it('wraps at word boundaries, keeps the indentation, and never exceeds the width', () => {
    expect(wrapLines('the change was meant for production but landed in staging', 20)).toEqual([
      'the change was meant',
      '  for production but',
      '  landed in staging',
    ]);
    expect(wrapLines('  staging: "true"', 30)).toEqual(['  staging: "true"']);
    expect(wrapLines('', 10)).toEqual(['']);
    const long = wrapLines(`x ${'y'.repeat(50)}`, 12);
    expect(long.every((l) => widthOf(l) <= 12)).toBe(true);
    expect(long.join('').replace(/\s/g, '')).toBe(`x${'y'.repeat(50)}`);
  });

  it('counts wide characters as two columns', () => {
    expect(widthOf('設定値')).toBe(6);
    expect(wrapLines('設定値 設定値 設定値', 8).every((l) => widthOf(l) <= 8)).toBe(true);
  });
});

describe('safeText', () => {
  it('shows escape sequences and other control characters instead of sending them', () => {
    expect(safeText('a\u001b[2Jb\u0007\u202e')).toBe('a\\e[2Jb\\x07\\u202e');
  });
});
