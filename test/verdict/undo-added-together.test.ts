// A key added in every environment by one commit (a rename, a refactor that nests settings) with
// different values, one environment's value later called unintended (holdout-15/28): undoing that
// environment's part puts it back to the value the same commit gave the others, not "remove the key"
// (which leaves the application's default — for a cookie's Secure flag or a check, the weaker side).
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-04';
const added = (key: string, staging: string, production: string, subject: string): Step[] => [
  { subject: 'init', date: '2026-02-01T09:00:00Z', also: { staging: ['other', '', 'x'], production: ['other', '', 'x'] } },
  { subject, date: '2026-10-22T17:10:00Z', set: { staging: ['', staging], production: ['', production] } },
  { subject: 'docs: review', date: '2026-11-13T10:00:00Z', touched: ['docs/review.md'] },
];

describe("undoing one environment's part of a key added everywhere in one commit", () => {
  it.each([
    [
      'a cookie flag, a review table row',
      'session.cookie.secure',
      'false',
      'true',
      'refactor: nest session settings',
      '| 1 | staging `session.cookie.secure` false since the refactor — unintended, fix | medium | open |',
    ],
    [
      'a TLS check, German',
      'http.client.verifyTls',
      'false',
      'true',
      'refactor: http client block',
      'verifyTls in staging auf false ist ein Versehen aus dem Umbau; zurücksetzen.',
    ],
    [
      'a number, a slip called a mistake',
      'db.pool.maxSize',
      '5',
      '40',
      'chore: rename pool keys',
      'The staging maxSize of 5 from the pool-key rename was a mistake; undo it.',
    ],
  ])('%s goes back to the value the others got', (_what, key, staging, production, subject, text) => {
    const v = judge(key, added(key, staging, production, subject), TODAY, {}, { documents: [{ path: 'docs/review.md', text, step: 2 }] });
    expect([v.suggested, v.drifted, v.value, v.deliberate]).toEqual(['revert', 'staging', production, 'production']);
  });
});
