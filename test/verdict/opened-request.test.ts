// Session 33 (spent holdout-30, lane f): a pull or merge request reported opened to put a value back is a
// proposal, not the revert made — while the environment's file does not hold it, nobody merged it, and a
// document reporting it decides nothing: a question (declare ≤ 0.5), never a revert at 0.6. A request
// reported merged, closed or declined is not this. Phrasings of our own, in the languages read.
import { describe, expect, it } from 'vitest';
import { openedRequest } from '../../src/verdict/opened-request.js';
import { judge, type Step } from './memory-story.js';

describe('a request opened, in the languages read', () => {
  it.each([
    'PR #88 (put the staging retry budget back to 3) opened by Jonas.',
    'Raised MR !41 to revert the staging pool to 20; waiting for review.',
    'Pull request 512 to restore the old timeout is still in review.',
    'PR für das Zurücksetzen auf 20 eröffnet.',
    'PR ouverte pour revenir à 20 en staging.',
    'Abrí un PR para volver a 20 en staging.',
    'Merge request aangemaakt om staging terug te zetten naar 20.',
    'PR otwarty: przywrócić 20 na stagingu.',
  ])('%s', (text) => {
    expect(openedRequest(text)).toBe(true);
  });

  it.each([
    'PR #88 (put the staging retry budget back to 3) merged by Jonas.',
    'PR #88 opened and merged on Monday.',
    'The PR to revert it was closed without merging.',
    'Opened a ticket with the vendor.',
    'Staging was put back to 20 on Monday.',
    'PR abgelehnt, Prod bleibt bei 20.',
  ])('not: %s', (text) => {
    expect(openedRequest(text)).toBe(false);
  });
});

const KEY = 'RETRY_BUDGET';
const start: Step = { subject: 'retry settings', date: '2027-01-04T10:00:00Z', set: { staging: ['', '3'], production: ['', '3'] } };
const test: Step = { subject: 'staging: retry budget 9 for the chaos drill (QA-77)', date: '2027-03-02T10:00:00Z', set: { staging: ['3', '9'] } };
const standup: Step = { subject: 'stand-up notes', date: '2027-04-02T10:00:00Z' };
const verdictOf = (line: string) =>
  judge(KEY, [start, test, standup], '2027-05-01', {}, { documents: [{ path: 'docs/standups/april.md', text: `# Stand-ups, April\n\n${line}\n`, step: 2 }] });

describe('a revert requested, not merged, decides nothing', () => {
  it.each([
    '- 01.04 — QA-77: PR #93 (revert staging retry budget to 3) opened by Mia.',
    '- 01.04 — QA-77: PR #93 to put the staging retry budget back to 3 opened by Mia; the reviewer asks whether the drill is over.',
    '- 01.04 — QA-77: Mia raised MR !12 to put the staging retry budget back to 3; review pending.',
    '- 01.04 — QA-77 : PR ouverte pour remettre le retry budget de staging à 3.',
    '- 01.04 — QA-77: abrí un PR para volver a poner el retry budget de staging a 3.',
  ])('%s', (line) => {
    const v = verdictOf(line);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.question).toMatch(/proposes putting staging back/);
  });

  it('a document saying staging goes back still reverts it', () => {
    const v = verdictOf('- 01.04 — QA-77: the drill is over; staging retry budget goes back to 3.');
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
  });
});
