import { describe, expect, it } from 'vitest';
import { pattern, regex, sourceOf } from '../../src/verdict/pattern.js';

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

// Patterns built from an environment's or a key's name are asked for again for every text read: one
// object per source and flags (compiled once), except where a caller moves lastIndex (g, y).
describe('pattern', () => {
  it('is the same compiled object for the same source and flags, and matches as a new one would', () => {
    const a = pattern(String.raw`\bstaging[- ]only\b`, 'iu');
    expect(pattern(String.raw`\bstaging[- ]only\b`, 'iu')).toBe(a);
    expect(pattern(String.raw`\bstaging[- ]only\b`, 'i')).not.toBe(a);
    expect([a.source, a.flags]).toEqual([/\bstaging[- ]only\b/iu.source, 'iu']);
    expect(a.test('Staging-only for now')).toBe(true);
    // exec and test neither read nor move lastIndex without g or y: a shared object answers alike.
    a.lastIndex = 7;
    expect(a.exec('staging only')?.index).toBe(0);
  });

  it('is a new object for the g and y flags, whose lastIndex callers move', () => {
    expect(pattern('x', 'g')).not.toBe(pattern('x', 'g'));
    expect(pattern('x', 'y')).not.toBe(pattern('x', 'y'));
  });
});
