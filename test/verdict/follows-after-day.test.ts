// Another environment said to follow after a day waits for that day, in every language read
// (src/verdict/deadline.ts AFTER_LEADS, intent.ts FOLLOWS): "produktion följer efter 1 april", "produção segue
// depois de 1 de abril", "producción sigue después del 15 de marzo" hold production until then, as
// "production follows after 15 March" does. Unread, the step followed at once: production backfilled before
// its day. Texts of our own, in memory.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { judge, type Step } from './memory-story.js';

const KEY = 'checkout.lockTimeoutSeconds';
const WRITTEN = '2026-03-02T09:00:00Z';
const created: Step = { subject: 'initial config', date: '2026-02-01T10:00:00Z', set: { staging: ['', '30'], production: ['', '30'] } };
const change = (subject: string): Step => ({ subject, date: WRITTEN, set: { staging: ['30', '300'] } });
const holdOf = (subject: string) => readIntent({ subject, body: '', author: 'a', email: 'a@x', date: WRITTEN }, 'staging', ['staging', 'production']).hold;

const FOLLOW_AFTER: Array<[string, string, string]> = [
  ['sv', 'Timeout 300 i staging; produktion följer efter 1 april', '2026-04-01'],
  ['da', 'Timeout 300 i staging; prod følger efter 1. april', '2026-04-01'],
  ['no', 'Timeout 300 i staging, produksjon følger etter 1. april', '2026-04-01'],
  ['pt', 'Timeout 300 em staging; produção segue depois de 1 de abril', '2026-04-01'],
  ['pt', 'Timeout 300 em staging, produção só após 1 de abril', '2026-04-01'],
  ['es', 'Timeout 300 en staging; producción sigue después del 15 de marzo', '2026-03-15'],
  ['es', 'Timeout 300 en staging, prod va después del 1 de abril', '2026-04-01'],
  ['it', 'Timeout 300 in staging; la produzione segue dopo il 1° aprile', '2026-04-01'],
];

describe('a step to follow after a day waits for it', () => {
  it.each(FOLLOW_AFTER)('%s: %s', (_lang, subject, day) => {
    expect(holdOf(subject)).toMatchObject({ envs: ['production'], follows: true, until: day });
  });

  it.each(FOLLOW_AFTER)('before the day production is not backfilled, %s: %s', (_lang, subject, day) => {
    expect(judge(KEY, [created, change(subject)], '2026-03-10')).toMatchObject({ suggested: 'declare', expires: day });
  });

  it.each(FOLLOW_AFTER.slice(0, 4))('after it, it follows, %s: %s', (_lang, subject) => {
    expect(judge(KEY, [created, change(subject)], '2026-04-20')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
});

describe('what is no day after which a step follows', () => {
  it.each([
    ['sv', 'Timeout 300 i staging; produktion följer inte efter 1 april'],
    ['no', 'Timeout 300 i staging, produksjon følger ikke etter 1. april'],
  ])('negated, production does not follow, %s: %s', (_lang, subject) => {
    expect(holdOf(subject)?.follows).not.toBe(true);
  });

  it.each([
    ['sv', 'Timeout höjd efter incidenten i februari'],
    ['pt', 'Timeout aumentado depois do incidente'],
    ['es', 'Timeout subido después del incidente de ayer'],
    ['it', 'Timeout alzato dopo il 3 volte di errori'],
  ])('no day named: %s: %s', (_lang, text) => {
    expect(readDeadline(text, WRITTEN).date).toBeUndefined();
  });
});
