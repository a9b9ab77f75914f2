// A step back to the file's value once an event is over, as Norwegian, Danish and Swedish write it:
// "settes tilbake til 30 når migreringen er ferdig", "sættes tilbage til 30 når …", "sätts tillbaka till 30
// när …" (spent holdout-32/05: a month-end job's deadline patched live, "Settes tilbake til 3600 når januar er
// lukket", the close since reported in the note's own timeline, codified as if the live value were meant).
// The Nordic going-back words before a value and the Norwegian/Danish "når" (when), "etter" (after) lead
// the event as "back to" and "once" do (resume-due.ts). Own objects, values and phrasings.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { resumeDue, type PausedChange } from '../../src/verdict/resume-due.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['test', 'prod'];
const TODAY = '2027-06-20';
const EDITED = '2027-05-10T06:00:00Z';
const KEY = 'Deployment/lager-sync.pod.terminationGracePeriodSeconds';
const base = messagesBy('Kari Nilsen', 'kari@x', 'a');
const docs = messagesBy('Erik Dahl', 'erik@x', 'b');
const CREATED = base('2027-01-12T10:00:00Z', 'lager-sync manifests');

function logWith(texts: Array<{ path: string; text: string; at: string }>) {
  const written = texts.map((t) => ({ ...t, by: docs(t.at, `docs: ${t.path}`) }));
  const events = [eventOf(CREATED, 'deploy/prod/lager-sync.yaml', null, '30', { merge: false, revert: false })];
  const messages: Message[] = [...written.map((w) => w.by), CREATED].sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map([['prod', new Map([[KEY, events]])]]),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}
const change: PausedChange = { key: KEY, env: 'prod', environments: ENVS, editedAt: EDITED, holder: 'lager-sync', fileValue: '30', liveValue: '240' };
const due = (texts: Array<{ path: string; text: string; at: string }>) => resumeDue(change, logWith(texts), TODAY);
// The write-up, two days after the edit: the patch, then the step back.
const note = (step: string) => ({
  path: 'docs/drift/lager-sync.md',
  text: `# lager-sync\n\n- 10.05 kubectl patch deploy lager-sync grace period 240\n\n${step}\n`,
  at: '2027-05-12T09:00:00Z',
});
const report = (text: string) => ({ path: 'docs/drift/lager-sync-rapport.md', text, at: '2027-05-28T16:00:00Z' });

describe('a Nordic step back to the file’s value once an event is over, the event since reported over', () => {
  it.each([
    ['no', 'Settes tilbake til 30 når migreringen er ferdig.', '- 27.05 migreringen ferdig, ingen tap av data.'],
    ['no, etter', 'Sett den tilbake til 30 etter migreringen.', '- Migreringen avsluttet 27.05.'],
    ['da', 'Sættes tilbage til 30 når migreringen er færdig.', '- 27.05 migreringen færdig.'],
    ['sv', 'Sätts tillbaka till 30 när migreringen är klar.', '- 27.05 migreringen klar, inga fel.'],
  ])('%s', (_, step, done) => {
    expect(due([note(step), report(done)])?.evidence).toMatch(/reports it/);
  });
});

describe('nothing is due', () => {
  it.each([
    ['the event not reported over', [note('Settes tilbake til 30 når migreringen er ferdig.')]],
    ['another value than the file’s', [note('Settes tilbake til 60 når migreringen er ferdig.'), report('- Migreringen ferdig.')]],
    ['the step negated', [note('Ikke sett den tilbake til 30 når migreringen er ferdig.'), report('- Migreringen ferdig.')]],
    ['another environment', [note('I test settes den tilbake til 30 når migreringen er ferdig.'), report('- Migreringen ferdig.')]],
    ['the event reported not done', [note('Sätts tillbaka till 30 när migreringen är klar.'), report('- Migreringen är inte klar än.')]],
  ])('%s', (_, texts) => {
    expect(due(texts)).toBeUndefined();
  });
});
