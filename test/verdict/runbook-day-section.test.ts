// A runbook written as sections per day ("## 1 March" … "## 15 March") lists a put-back under the day it is for:
// a live change the runbook prescribes is not due back before that day's section comes, whatever "back to" the
// step says (live-fate.ts `headingDay`). A recurring runbook names no year: the day is the next one after the
// edit. Own runbooks, objects, values and phrasings, none of the story's (a peak-season NodePool patch).
import { describe, expect, it } from 'vitest';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { liveFate, type LiveChange } from '../../src/verdict/live-fate.js';
import type { Message } from '../../src/verdict/log.js';
import { messagesBy } from './log-builders.js';

const base = messagesBy('Ines Ruiz', 'ines@x', 'a');
const docs = messagesBy('Tom Hale', 'tom@x', 'b');
const CREATED = base('2027-01-10T10:00:00Z', 'worker manifests');
const KEY = 'Deployment/ingest.containers[name=app].env[name=BATCH_WINDOW].value';

function fateWith(text: string, editedAt: string, today: string) {
  const by = docs('2027-02-01T10:00:00Z', 'docs: runbook');
  const events = new Map([[KEY, [eventOf(CREATED, 'k8s/prod/ingest.yaml', null, '30s', { merge: false, revert: false })]]]);
  const messages: Message[] = [by, CREATED];
  const log = buildLog(new Map([['prod', events]]), messages, [{ path: 'docs/runbooks/tax-season.md', text, sha: by.sha }]);
  const change: LiveChange = { key: KEY, env: 'prod', environments: ['staging', 'prod'], live: '5m', file: '30s', editedAt, tickets: [], object: false };
  return liveFate(change, log, today);
}

const EN = [
  '# Tax season runbook',
  '',
  '## 1 April',
  '- Set `BATCH_WINDOW` to `5m` live on the ingest Deployment (do not commit it).',
  '',
  '## 30 April',
  '- Put `BATCH_WINDOW` back to `30s` (or sync from git).',
].join('\n');
const DE = [
  '# Runbook Steuersaison',
  '',
  '## Am 1. April',
  '- `BATCH_WINDOW` live auf `5m` setzen.',
  '',
  '## Am 30. April',
  '- `BATCH_WINDOW` zurück auf `30s` setzen.',
].join('\n');

describe("a put-back under a day's heading is that day's step", () => {
  it.each([
    ['English', EN],
    ['German', DE],
  ])('%s: dated by its heading, the next such day after the edit', (_, text) => {
    // Written in February 2027, run in April 2029: the runbook recurs, the day is April 2029's.
    const read = fateWith(text, '2029-04-01T08:00:00Z', '2029-04-12');
    expect(read && 'fate' in read ? [read.fate, read.date] : read).toEqual(['revert', '2029-04-30']);
  });

  it('a heading that is a title, not a day, dates nothing', () => {
    const text =
      '# Ingest\n\n## Season\n- Set `BATCH_WINDOW` to `5m` live.\n\n## What we changed after the incident of 3 April and why\n- Put `BATCH_WINDOW` back to `30s`.';
    const read = fateWith(text, '2029-04-01T08:00:00Z', '2029-04-12');
    expect(read && 'fate' in read ? [read.fate, read.date] : read).toEqual(['revert', undefined]);
  });

  it('a heading with no day dates nothing', () => {
    const text = '# Ingest\n\n## Season\n- Set `BATCH_WINDOW` to `5m` live.\n\n## After the season\n- Put `BATCH_WINDOW` back to `30s`.';
    const read = fateWith(text, '2029-04-01T08:00:00Z', '2029-04-12');
    expect(read && 'fate' in read ? [read.fate, read.date] : read).toEqual(['revert', undefined]);
  });
});
