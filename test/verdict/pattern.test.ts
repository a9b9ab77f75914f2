import { describe, expect, it } from 'vitest';
import { regex, sourceOf } from '../../src/verdict/pattern.js';

// The phrase tables are written as pieces so they wrap; a piece must mean exactly what the same text
// means inside one literal, or rewriting a table would change what the verdict reads.
describe('regex pieces', () => {
  it('joins pieces into the source and flags the one literal would have', () => {
    const pieces = regex('iu', String.raw`(?<![\p{L}])(?:until|bis|`, 'jusqu’à|a/b)', String.raw`\s+(\d{1,2})\.`);
    const literal = /(?<![\p{L}])(?:until|bis|jusqu’à|a\/b)\s+(\d{1,2})\./iu;
    expect([pieces.source, pieces.flags]).toEqual([literal.source, literal.flags]);
    expect(pieces.exec('Wait BIS 12.')?.[1]).toBe('12');
  });

  it('escapes nothing: a piece is regular-expression source, not text', () => {
    expect(regex('', 'a.', 'c|d').test('abc')).toBe(true);
    expect(sourceOf('(?:x|', 'y)')).toBe('(?:x|y)');
  });
});
