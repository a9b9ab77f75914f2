// Session 31 (spent holdout-28, lane c): an aside in brackets is not where the clause around it ends.
// "Counsel must confirm whether the events (hashes, timestamps, device info) may go to the vendor" asks
// about "may go" across the aside's commas: it is no go. A go after an aside is still a go. Phrasings of
// their own, none from a verdict story.
import { describe, expect, it } from 'vitest';
import { goFor } from '../../src/verdict/conditions.js';
import { doubtIn } from '../../src/verdict/languages.js';

describe('a question across an aside is still a question', () => {
  it.each([
    ['In emea, the privacy team must confirm whether usage events (user ids, IP prefixes, device info) may go to the vendor.'],
    ['For emea we still need to check whether the export (events, hashes, devices) can be enabled.'],
    ['emea: Legal has to say whether the data (hashes, timestamps) may go to the US.'],
    ['emea: the DPO decides whether the events (hashes, timestamps, devices) may go abroad.'],
  ])('%s', (text) => {
    expect(goFor(text, 'emea')).toBeUndefined();
  });

  it.each([
    ['Counsel confirmed (memo, points 2, 3): usage events from emea may go to the vendor.'],
    ['emea: events (hashes, timestamps) may go to the vendor now.'],
  ])('still a go: %s', (text) => {
    expect(goFor(text, 'emea')).toBe('may go');
  });
});

describe('doubtIn reads the clause across an aside', () => {
  it.each([
    ['We will check whether the flag (as in eu, us) is temporary.', 'temporary'],
    ['Nobody knows whether the cap (see INC-4, INC-7, INC-9) is temporary.', 'temporary'],
  ])('%s', (text, word) => {
    expect(doubtIn(text, text.indexOf(word), word.length)).toBeDefined();
  });

  it.each([
    ['Checked whether it works, (then, as agreed) temporary for a week.', 'temporary'],
    ['The flag (as in eu, us) is temporary.', 'temporary'],
  ])('said: %s', (text, word) => {
    expect(doubtIn(text, text.indexOf(word), word.length)).toBeUndefined();
  });
});
