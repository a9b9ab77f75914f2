import { describe, expect, it } from 'vitest';
import { withoutTemplates } from '../../src/config/helmfile.js';

describe("a helmfile's templates cut out in one pass", () => {
  it('cuts what /\\{\\{[^}]*\\}\\}/g cut, on random texts of braces', () => {
    const alphabet = ['{', '{{', '}', '}}', 'a', ' ', '\n'];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 1 + (n % 25) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      expect(withoutTemplates(text), JSON.stringify(text)).toBe(text.replace(/\{\{[^}]*\}\}/g, 'TEMPLATE'));
    }
  });
});
