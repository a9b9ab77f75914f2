// Numbers that look like a date or a week but are an amount: a range with its unit ("odpowiada w
// 15-20s", "p99 10-12 ms"), a count ("retry 2-3 times", "3/4 pods ready", "do 2-3 prób"), a version
// ("v1.2-3"). Read as a date, an amount became a deadline, and a change "expired" on it.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/verdict/deadline.js';
import { foreignDeadline } from '../../src/verdict/languages.js';
import { readIntent } from '../../src/verdict/intent.js';

const WRITTEN = '2026-11-10T10:00:00Z';
const intentOf = (subject: string) => readIntent({ subject, body: '', author: 'a', email: 'a@x', date: WRITTEN }, 'staging', ['dev', 'staging', 'production']);

describe('an amount is not a date', () => {
  it.each([
    'staging: timeout 30s, partner odpowiada w 15-20s',
    'staging: timeout odpowiedzi 30s, sandbox w 15 minut się budzi',
    'staging: timeout 30s, p99 15-20 ms',
    'staging: Antwortzeit bis 10-12 ms, Timeout 30s',
    'staging: do 10-12 s odpowiedzi, timeout 30s',
    'staging: client v1.2-3',
    'staging: client bis 1.12-3 gepinnt',
    'staging: 3/4 pods ready, raise memory',
    'staging: replicas 5, do 3/4 podów gotowych',
    'staging: keep 5 replicas until 3/11 pods are ready',
    'staging: retry 2-3 times',
    'staging: retries do 2-3 prób, timeout 30s',
    'staging: Retries bis 2-3 Versuche',
    'staging: reintentos hasta 2-3 intentos',
    'staging: retries tot 2-3 pogingen',
    'staging: cache do 2-3 dni',
  ])('%s', (subject) => {
    expect(readDeadline(subject, WRITTEN).date, subject).toBeUndefined();
    expect(foreignDeadline(subject, WRITTEN), subject).toBeUndefined();
    expect(intentOf(subject).temporary?.until, subject).toBeUndefined();
  });
});

describe('a date in every style the readers take is still one', () => {
  it.each([
    ['staging: revert by 15.11.', '2026-11-15'],
    ['staging: revert by 15/11', '2026-11-15'],
    ['staging: until 2026-11-15', '2026-11-15'],
    ['staging: do 15 listopada', '2026-11-15'],
    ['staging: do 15 listopada 2026', '2026-11-15'],
    ['staging: bis 15.11.', '2026-11-15'],
    ['staging: bis 15.11.2026', '2026-11-15'],
    ['staging: bis 3.12. testen, dann Prod', '2026-12-03'],
    ['staging: do 15.11', '2026-11-15'],
    ['staging: do 15-11, potem prod', '2026-11-15'],
    ['staging: t/m 15-11, daarna prod', '2026-11-15'],
    ['staging: hasta el 15/11', '2026-11-15'],
    ['staging: back to 30s after 20.11.', '2026-11-20'],
    ['staging: KW 47 only', '2026-11-22'],
    ['staging: until week 47', '2026-11-22'],
    ['staging: by week 47 of 2026', '2026-11-22'],
    ['staging: w47 only', '2026-11-22'],
  ])('%s', (subject, date) => {
    expect(readDeadline(subject, WRITTEN).date, subject).toBe(date);
    expect(intentOf(subject).temporary?.until, subject).toBe(date);
  });
});
