// Session 24 (issue 10): a pilot in a lower environment that ends on a date, after which a person
// decides whether it goes on to production. Two readings made it a confident answer: a later text on
// the same ticket moved the pilot's end to any date it held ("feedback pilot week 2" read as ISO week
// 2 of next year), and once the end passed the pilot was "a temporary change past its deadline:
// revert" (0.75), though the text leaves what follows to a decision nobody recorded. Phrasings of our
// own, in English and Dutch, with the negatives.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const ENVS = ['test', 'acc', 'prod'];
const TODAY = '2026-12-05';
const why = (v: { reasons: string[]; question?: string }) => `${v.reasons.join('\n')}\n? ${v.question ?? ''}`;
const base: Step = { subject: 'config per env', date: '2026-05-12T10:00:00Z', set: { test: ['', 'false'], acc: ['', 'false'], prod: ['', 'false'] } };
const pilot = (subject: string, body: string): Step => ({ subject, body, date: '2026-11-02T10:00:00Z', set: { acc: ['false', 'true'] } });
const note = (subject: string): Step => ({ subject, date: '2026-11-19T10:00:00Z', touched: ['docs/pilot.md'] });
const run = (steps: Step[]) => judge('export.v2.enabled', [base, ...steps], TODAY, {}, { envs: ENVS });

describe('a later text on the ticket moves the end only where it gives one', () => {
  it.each(['PIL-7: feedback pilot week 2 collected', 'PIL-7: week 1 notes', 'PIL-7: review meeting on 2026-11-20 went fine'])('no new end: %s', (subject) => {
    const v = run([pilot('acc: export v2 on for a pilot (PIL-7)', 'pilot until 2026-12-01, then off again'), note(subject)]);
    expect(why(v)).not.toMatch(/moves its end/);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'acc' });
  });

  it.each(['PIL-7: pilot extended until 2027-01-15', 'PIL-7: pilot verlengd t/m 15 januari 2027'])('a new end: %s', (subject) => {
    const v = run([pilot('acc: export v2 on for a pilot (PIL-7)', 'pilot until 2026-12-01, then off again'), note(subject)]);
    expect(why(v)).toMatch(/moves its end from 2026-12-01 to 2027-01-15/);
    expect(v, why(v)).toMatchObject({ suggested: 'declare', expires: '2027-01-15' });
  });
});

describe('a pilot whose end hands the next step to a decision nobody recorded is a question', () => {
  it.each([
    ['en', 'acc: export v2 on for a pilot', 'pilot with three customers until 2026-12-01. then Sanne decides whether it goes to prod.'],
    ['nl', 'acc: export v2 aan voor pilot', 'pilot met 3 klanten t/m 1 december. daarna beslist Sanne of het naar prod gaat.'],
  ])('%s: declare, low, with the question', (_, subject, body) => {
    const v = run([pilot(subject, body)]);
    expect(v.suggested, why(v)).toBe('declare');
    expect(v.confidence, why(v)).toBeLessThanOrEqual(0.5);
    expect(v.question, why(v)).toMatch(/decided/);
  });

  it('a pilot that simply ends is still reverted', () => {
    const v = run([pilot('acc: export v2 on for a pilot', 'pilot with three customers until 2026-12-01, then back off')]);
    expect(v, why(v)).toMatchObject({ suggested: 'revert', drifted: 'acc' });
  });
});
