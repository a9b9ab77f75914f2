// Session 27 (spent holdout-24): a change to one environment whose text says a third environment is
// "just like prod" ("acc mirrors prod and keeps 30m, same as prod") reports that environment's
// likeness, not a copy this change made: it is no slip in a copy. A likeness said of the changed
// environment itself, or in a sentence that names no other environment, still is. Phrasings of our own.
import { describe, expect, it } from 'vitest';
import { copiedFrom } from '../../src/verdict/copied.js';

const THREE = ['test', 'acc', 'prod'];

describe('a likeness said of another environment is not a copy by this change', () => {
  it.each([
    ['en', 'test: idle timeout 8h\n\nTesters kept getting logged out. Acc stays on 30m, same as prod, for the audit.'],
    ['de', 'test: Timeout 8h\n\nNur für die Tester. Acc bleibt bei 30m wie in Prod.'],
    ['sv', 'test: timeout 8h\n\nBara för testarna. Acc ska ha 30m precis som prod.'],
    ['es', 'test: timeout 8h\n\nSolo para QA. Acc se queda en 30m igual que en prod.'],
  ])('%s', (_lang, text) => {
    expect(copiedFrom(text, 'test', THREE)).toBeUndefined();
  });
});

describe('a likeness said of the changed environment still is', () => {
  it.each([
    ['en, the sentence names it', 'test: timeout 30m\n\nTest now matches prod, like acc does.', 'prod'],
    ['de, no environment but the source', 'Timeout wie in Prod', 'prod'],
    ['sv, the sentence names it', 'Test får 30m, samma som i prod; acc har redan det.', 'prod'],
  ])('%s', (_lang, text, from) => {
    expect(copiedFrom(text, 'test', THREE)?.from).toBe(from);
  });
});
