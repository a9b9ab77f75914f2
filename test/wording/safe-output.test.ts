import { describe, expect, it } from 'vitest';
import { jsonSafe, markdownProse, safeOutput } from '../../src/wording/terminal-text.js';

// safeOutput first tests whether anything is to change (most output is plain text and JSON with
// many newlines); every character it shows visibly must still be found by that test.
describe('safeOutput', () => {
  it('leaves text with only newlines and tabs as it is', () => {
    const text = '{\n\t"key": "value"\n}\n'.repeat(1000);
    expect(safeOutput(text)).toBe(text);
  });

  it.each([
    ['\r', '\\r'],
    ['\u0007', '\\x07'],
    ['\u0000', '\\0'],
    ['\u001b]0;PWNED\u0007', '\\e]0;PWNED\\x07'],
    ['\u001b[2J', '\\e[2J'],
    ['\u001b[31m', '\\e[31m'],
    ['\u007f', '\\u007f'],
    ['\u0085', '\\u0085'],
    ['\u009b', '\\u009b'],
    ['\u202e', '\\u202e'],
    ['\u200b', '\\u200b'],
    ['\u2028', '\\u2028'],
    ['\u2029', '\\u2029'],
    ['\u3164', '\\u3164'],
    ['\u{e0041}', '\\u{e0041}'],
  ])('shows %j visibly, alone and inside plain text', (raw, shown) => {
    expect(safeOutput(raw)).toBe(shown);
    expect(safeOutput(`a\nb${raw}c\td`)).toBe(`a\nb${shown}c\td`);
  });

  it("keeps undrift's own colours and only those", () => {
    expect(safeOutput('\u001b[1mbold\u001b[22m', new Set([1, 22]))).toBe('\u001b[1mbold\u001b[22m');
    expect(safeOutput('\u001b[1mbold\u001b[7m', new Set([1]))).toBe('\u001b[1mbold\\e[7m');
  });
});

describe('safeOutput and jsonSafe past safe non-ASCII text', () => {
  it('finds an unsafe character after accented, CJK and astral characters, and changes nothing else', () => {
    const safe = 'é · — 漢字 😀 𝔘 ';
    expect(safeOutput(safe.repeat(100))).toBe(safe.repeat(100));
    expect(safeOutput(`${safe}\u0007${safe}\u202e`)).toBe(`${safe}\\x07${safe}\\u202e`);
    expect(safeOutput(`${safe}\u{e0041}`)).toBe(`${safe}\\u{e0041}`);
    expect(safeOutput('😀\u0007😀\u202e')).toBe('😀\\x07😀\\u202e');
    expect(jsonSafe('"😀\u202e"')).toBe('"😀\\u202e"');
    expect(jsonSafe(JSON.stringify(safe))).toBe(JSON.stringify(safe));
    expect(jsonSafe(JSON.stringify(`${safe}\u202e\u0085`))).toBe(JSON.stringify(safe).replace(/"$/, '\\u202e\\u0085"'));
    expect(jsonSafe(JSON.stringify(`${safe}\u{e0041}`))).toBe(JSON.stringify(safe).replace(/"$/, '\\udb40\\udc41"'));
  });
});

// The Markdown report's warnings showed our own code marks as literal backticks (`\`map:\``, a
// newcomer's trial, session 24): they are code spans now, and outside text stays escaped.
describe('markdownProse', () => {
  it('renders our backticked names as code spans and escapes the rest', () => {
    expect(markdownProse('values.yaml: use `map:` or `prefix:` to read it')).toBe('values.yaml: use `map:` or `prefix:` to read it');
    expect(markdownProse('a *file*_name [x](y) with `undrift init`')).toBe('a \\*file\\*\\_name \\[x\\](y) with `undrift init`');
  });
  it('lets nothing outside break out of a span or a line', () => {
    expect(markdownProse('`a|b` and a lone ` tick')).toBe('`a\\|b` and a lone \\` tick');
    expect(markdownProse('https://x.example')).toBe('https\\://x.example');
  });
});
