// A span after what the setting itself does ("retries for 2 hours", "polls for 30 minutes") is the
// value's behaviour, not a time limit on the change. Found by probing (lane probe3): "webhooks:
// retries for 2 hours" on production's file was read as temporary until the next day and reverted
// at 0.75. The phrasings below are not the probe's wording.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';
import { readIntent } from '../../src/verdict/intent.js';

const commit = (subject: string) => ({ subject, body: '', date: '2026-11-10T10:00:00Z', commit: 'a'.repeat(40) });
const temporaryOf = (subject: string) => readIntent(commit(subject) as never, 'production', ['staging', 'production']).temporary;

describe('a span of what the setting does is not a time limit on the change', () => {
  it.each([
    'the client now retries for 6 hours before giving up',
    'exporter polls for 30 minutes, then gives up',
    'consumer waits for 2 hours on a stuck partition',
    'the queue buffers for 48h when the sink is down',
    'failed jobs retried for 3 days',
  ])('"%s" is not temporary', (subject) => {
    expect(temporaryOf(subject)).toBeUndefined();
  });
  it.each(['temporarily retry for 6 hours', 'raise the retry window for two weeks, then back to 1h', 'for 48h only: retry window 2h'])(
    '"%s" still is',
    (subject) => {
      expect(temporaryOf(subject)).toBeTruthy();
    },
  );
  it('a production change saying how long it retries is not reverted as temporary', () => {
    const created: Step = { subject: 'create the service config', date: '2026-03-02T09:00:00Z', set: { staging: ['', '10m'], production: ['', '10m'] } };
    const v = judge(
      'RETRY_WINDOW',
      [created, { subject: 'payment webhooks: retries for 2 hours', date: '2026-11-10T10:00:00Z', set: { production: ['10m', '2h'] } }],
      '2026-11-20',
    );
    expect(v.reasons.join('\n')).not.toMatch(/temporary/);
    expect(v.suggested === 'revert' && v.confidence >= 0.6, v.reasons.join('\n')).toBe(false);
  });
});
