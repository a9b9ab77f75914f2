// A hand edit whose record puts the file's value back on a day rather than after an event: "switch prd's
// Service back to green on 3 June, 09:00" (spent holdout-32/25: a blue/green selector patched back to blue in
// an incident, the switch to green approved for a day long past, the live patch codified at 0.80). Once
// that day has passed the step is due, as an event reported over makes it (resume-due.ts). Not before the
// day, not for a day before the edit, not without a day right after the step, not negated. Own objects,
// values and phrasings.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { resumeDue, type PausedChange } from '../../src/verdict/resume-due.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['acc', 'prd'];
const EDITED = '2027-05-10T06:00:00Z';
const KEY = 'Deployment/ledger-sync.pod.terminationGracePeriodSeconds';
const base = messagesBy('Ines Roth', 'ines@x', 'a');
const docs = messagesBy('Tomás Vidal', 'tomas@x', 'b');
const CREATED = base('2027-01-12T10:00:00Z', 'ledger-sync manifests');

function logWith(text: string) {
  const by = docs('2027-05-12T09:00:00Z', 'docs: ledger-sync note');
  const events = [eventOf(CREATED, 'deploy/prd/ledger-sync.yaml', null, '30', { merge: false, revert: false })];
  const messages: Message[] = [by, CREATED];
  return buildLog(new Map([['prd', new Map([[KEY, events]])]]), messages, [{ path: 'docs/ops/ledger-sync.md', text, sha: by.sha }]);
}
const change: PausedChange = { key: KEY, env: 'prd', environments: ENVS, editedAt: EDITED, holder: 'ledger-sync', fileValue: '30', liveValue: '240' };
const due = (step: string, today = '2027-06-20') =>
  resumeDue(change, logWith(`# ledger-sync\n\n- 10.05 grace period of ledger-sync patched to 240 by hand\n\n${step}\n`), today);

describe('a step back to the file’s value on a day that has passed is due', () => {
  it.each([
    ['en', 'Approved by the release manager: set ledger-sync back to 30 on 24 May.'],
    ['en, bold', 'Cut-over: put prd back to 30 on **2027-05-24, 09:00** (Ines).'],
    ['fr', 'Décision : remettre à 30 le 24 mai.'],
    ['nl', 'Besluit: terug naar 30 op 24 mei.'],
  ])('%s', (_, step) => {
    expect(due(step)?.evidence).toMatch(/which has passed/);
  });
});

describe('nothing is due', () => {
  it.each([
    ['the day still ahead', 'Approved: set ledger-sync back to 30 on 24 June.'],
    ['no day after the step', 'Approved: set ledger-sync back to 30 soon.'],
    ['the step negated', 'Do not set ledger-sync back to 30 on 24 May.'],
    ['another value than the file’s', 'Approved: set ledger-sync back to 60 on 24 May.'],
    ['another environment', 'In acc, set ledger-sync back to 30 on 24 May.'],
  ])('%s', (_, step) => {
    expect(due(step)).toBeUndefined();
  });

  it('a day before the edit', () => {
    expect(due('Set ledger-sync back to 30 on 2 May.')).toBeUndefined();
  });
});
