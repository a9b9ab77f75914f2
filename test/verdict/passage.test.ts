import { describe, expect, it } from 'vitest';
import { passageAround, quotedPassage } from '../../src/verdict/passage.js';

// A reason quoted the phrase a reader matched: `says the change is temporary ("Temporary")`, one
// bare word beside the subject that only repeated the claim. It quotes the passage that says so.
// Texts are as the readers get them: the subject's line, then the body with hard wraps mended.

const SUBJECT = 'Raise the staging pool to 50';
const message = (body: string) => `${SUBJECT}\n${body}`;

describe('the passage a reason quotes', () => {
  it('is the sentence around the phrase, a few words each side', () => {
    expect(passageAround('Temporary: back to 10 after the load test of the new checkout service next week.', 'Temporary')).toBe(
      'Temporary: back to 10 after the load…',
    );
    expect(passageAround('We keep this for now while the vendor investigates the drops on their side.', 'for now')).toBe(
      'We keep this for now while the vendor investigates the drops…',
    );
    expect(passageAround('The connection pool of the checkout workers stays at 50 until Friday.', 'until Friday')).toBe(
      '…the checkout workers stays at 50 until Friday',
    );
    // Written in another case than the reader's phrase.
    expect(passageAround('Bumped for the sale. This is TEMPORARY until the sale ends.', 'temporary')).toBe('This is TEMPORARY until the sale ends');
  });

  it('takes the next sentence (or the one before) where the phrase is a sentence of its own', () => {
    expect(passageAround('Temporary. Back to 10 once the load test is done.', 'Temporary')).toBe('Temporary. Back to 10 once the load…');
    expect(passageAround('Temporary\nBack to 10 after the test.', 'Temporary')).toBe('Temporary. Back to 10 after the test');
    expect(passageAround('The load test needs more connections. Temporary.', 'Temporary')).toBe('The load test needs more connections. Temporary');
    expect(passageAround('Temporary.', 'Temporary')).toBeUndefined();
  });

  it('quotes nothing rather than the bare word, and nothing the subject beside it says already', () => {
    expect(quotedPassage(message('Temporary.'), 'Temporary', SUBJECT)).toBe('');
    expect(quotedPassage('Temporarily raise the pool to 50', 'Temporarily', 'Temporarily raise the pool to 50')).toBe('');
    expect(quotedPassage(message('Temporary. Back to 10 after the test.'), 'Temporary', SUBJECT)).toBe(' ("Temporary. Back to 10 after the test")');
    // A phrase the text does not hold as written (a reader's normal form) is quoted when it is more than a word.
    expect(quotedPassage(SUBJECT, 'bis auf Weiteres', SUBJECT)).toBe(' ("bis auf Weiteres")');
    expect(quotedPassage(SUBJECT, 'vorläufig', SUBJECT)).toBe('');
  });
});
