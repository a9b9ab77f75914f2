// A negation in the Nordic languages is one (src/verdict/conditions.ts `negatedBefore`, `negatedAfter`;
// languages.ts `doubtOne`; documented.ts `undo`): "skal ikke tilbakestilles til 30" refuses the put-back it
// names, and where the verb stands second its negation follows it ("vi återställer inte"). Texts of our
// own, in memory: a later note about a production change, which must not send production back.
import { describe, expect, it } from 'vitest';
import { negatedAfter, negatedBefore } from '../../src/verdict/conditions.js';
import { judge, type Step } from './memory-story.js';

const KEY = 'checkout.lockTimeoutSeconds';
const created: Step = { subject: 'initial config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } };
const change: Step = { subject: 'Timeout 300 i prod', date: '2026-10-05T09:00:00Z', set: { production: ['30', '300'] } };
const later: Step = { subject: 'docs: notes', date: '2026-10-20T09:00:00Z', touched: ['docs/notes.md'] };
const withNote = (text: string) => judge(KEY, [created, change, later], '2026-11-25', {}, { documents: [{ path: 'docs/notes.md', text, step: 2 }] });

describe('a put-back refused in a Nordic language does not send production back', () => {
  it.each([
    ['no', `${KEY} i produksjon skal ikke tilbakestilles til 30.`],
    ['da', `${KEY} i produktion må ikke gendannes til 30.`],
    ['sv', `Vi återställer inte ${KEY} till 30.`],
    ['no', `Vi tilbakestiller ikke ${KEY} til 30, den blir.`],
    ['no', `${KEY}: ikke tilbake til 30, den blir.`],
    ['sv', `${KEY}: inte tillbaka till 30, den stannar.`],
    ['nn', `${KEY} i produksjon skal ikkje tilbakestillast til 30.`],
  ])('%s: %s', (_lang, text) => {
    const v = withNote(text);
    expect(v.suggested === 'revert' && v.drifted === 'production').toBe(false);
  });

  it.each([
    ['no', `${KEY} i produksjon skal tilbakestilles til 30.`],
    ['da', `${KEY} i produktion skal gendannes til 30.`],
    ['sv', `Vi återställer ${KEY} till 30.`],
    ['sv', `${KEY}: tillbaka till 30.`],
  ])('said, not refused, it still goes back, %s: %s', (_lang, text) => {
    expect(withNote(text)).toMatchObject({ suggested: 'revert', drifted: 'production' });
  });
});

describe('the negation words', () => {
  it.each([
    ['skal ikke tilbakestilles', 'tilbakestilles'],
    ['ska inte återställas', 'återställas'],
    ['må ikkje endrast', 'endrast'],
    ['bör ej återställas', 'återställas'],
    ['tätä ei palauteta', 'palauteta'],
  ])('before: %s', (text, word) => {
    expect(negatedBefore(text, text.indexOf(word), 'words')).toBe(true);
  });
  it.each(['skal tilbakestilles', 'ska återställas', 'ei-dev-klusteri palauteta'.replace('ei-', 'eu-'), 'Eikenes palauttaa'])('not before: %s', (text) => {
    const word = text.split(' ').at(-1)!;
    expect(negatedBefore(text, text.indexOf(word), 'words')).toBe(false);
  });
  it.each(['vi återställer inte', 'vi tilbakestiller ikke', 'vi gendanner ikke', 'wir stellen nicht', 'we zetten niet'])('right after the verb: %s', (text) => {
    const verb = text.split(' ')[1]!;
    expect(negatedAfter(text, text.indexOf(verb) + verb.length)).toBe(true);
  });
  it.each(['vi återställer integrationen', 'vi tilbakestiller ikkevoldelig', 'vi återställer den inte längre än till fredag'])(
    'not right after: %s',
    (text) => {
      const verb = text.split(' ')[1]!;
      expect(negatedAfter(text, text.indexOf(verb) + verb.length)).toBe(false);
    },
  );
});
