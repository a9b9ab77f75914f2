// A span that says how long something else lasts or lasted is not the change's own end (holdout-17/49's
// pattern: "a stolen session cookie stays valid for three days" in a security fix's body was read as the
// fix being temporary for three days). Phrasings of their own; what stays a time limit beside them.
import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/verdict/intent.js';

const WRITTEN = '2026-11-18T14:02:00+01:00';
const intent = (subject: string, body: string) =>
  readIntent({ subject, body, author: 'Amara', email: 'amara@example.com', date: WRITTEN }, 'staging', ['staging', 'production']);

describe('a span describing the problem or a property', () => {
  it.each([
    ['Shorten the reset-token lifetime to 1h', 'Reset links remain valid for two weeks today, far too long.'],
    ['Cache TTL 7d -> 1d', 'Prices are cached for 7 days, so corrections reach customers a week late.'],
    ['Raise the consumer timeout', 'The billing consumer was down for two days last month when the broker stalled.'],
    ['Lower the retry cap', 'The last import took three weeks because every failure retried forever.'],
  ])('is no time limit: %s', (subject, body) => {
    expect(intent(subject, body).temporary, body).toBeUndefined();
  });
});

describe("a span that is the change's own end", () => {
  it.each([
    ['Debug logging on staging for three days', ''],
    ['Raise the pool', 'Keep it at 50 for the next two weeks, then back to 20.'],
    ['Enable the trace flag', 'On for a few days while we chase PAY-88.'],
  ])('stays a time limit: %s', (subject, body) => {
    expect(intent(subject, body).temporary, `${subject} ${body}`).toBeDefined();
  });
});
