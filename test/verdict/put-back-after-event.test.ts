// A hand edit whose record says to put the value back to the file's once an event is over (spent
// holdout-28/05: a grace period patched for a node-pool drain, "patch back … after the last pool is
// drained", the migration since closed, declared as if the window's value were meant). The record is
// the procedure that prescribed the edit, so it may be older than the edit; it names the object, and
// the step names the file's value rather than the key. Once a text written after the edit reports the
// event over, the step is due: the live value goes back. Own objects, values and phrasings.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { resumeDue, type PausedChange } from '../../src/verdict/resume-due.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['acc', 'prd'];
const TODAY = '2027-06-20';
const EDITED = '2027-05-10T06:00:00Z';
const KEY = 'Deployment/ledger-sync.pod.terminationGracePeriodSeconds';
const base = messagesBy('Ines Roth', 'ines@x', 'a');
const docs = messagesBy('Tomás Vidal', 'tomas@x', 'b');
const CREATED = base('2027-01-12T10:00:00Z', 'ledger-sync manifests');

function logWith(texts: Array<{ path: string; text: string; at: string }>) {
  const written = texts.map((t) => ({ ...t, by: docs(t.at, `docs: ${t.path}`) }));
  const events = [eventOf(CREATED, 'deploy/prd/ledger-sync.yaml', null, '30', { merge: false, revert: false })];
  const messages: Message[] = [...written.map((w) => w.by), CREATED].sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map([['prd', new Map([[KEY, events]])]]),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}
const change: PausedChange = { key: KEY, env: 'prd', environments: ENVS, editedAt: EDITED, holder: 'ledger-sync', fileValue: '30', liveValue: '240' };
const due = (texts: Array<{ path: string; text: string; at: string }>, c: PausedChange = change) => resumeDue(c, logWith(texts), TODAY);
// The procedure, written a week before the edit: the object, the value the edit writes, then the step back.
const procedure = (step: string, at = '2027-05-03T09:00:00Z') => ({
  path: 'docs/ops/storage-move.md',
  text: `# Storage move\n\n    kubectl patch deploy ledger-sync -p '{"spec":{"template":{"spec":{"terminationGracePeriodSeconds":240}}}}'\n\n${step}\n`,
  at,
});
const report = (text: string) => ({ path: 'docs/ops/storage-move-report.md', text, at: '2027-05-28T16:00:00Z' });

describe('a step back to the file’s value once an event is over, the event since reported over', () => {
  it.each([
    ['en', 'Once the migration is finished, set it back to 30.', '- Migration done on 27 May, no data lost.'],
    ['de', 'Nach der Migration wieder auf 30 setzen.', '- Migration abgeschlossen (27.05.).'],
    ['fr', 'Remettre à 30 après la migration.', '- Migration terminée le 27 mai.'],
    ['nl', 'Na de migratie terug naar 30 zetten.', '- Migratie afgerond op 27 mei.'],
    ['it', 'Dopo la migrazione rimettere a 30.', '- Migrazione completata il 27 maggio.'],
    ['pl', 'Po migracji ustawić z powrotem na 30.', '- Migracja zakończona 27 maja.'],
  ])('%s', (_, step, done) => {
    expect(due([procedure(step), report(done)])?.evidence).toMatch(/reports it/);
  });
});

describe('nothing is due', () => {
  it.each([
    ['the event not reported over', [procedure('Once the migration is finished, set it back to 30.')]],
    ['another value than the file’s', [procedure('Once the migration is finished, set it back to 60.'), report('- Migration done.')]],
    ['the step negated', [procedure('Do not set it back to 30 after the migration.'), report('- Migration done.')]],
    ['the step asked', [procedure('Set it back to 30 after the migration?'), report('- Migration done.')]],
    ['another environment', [procedure('In acc, set it back to 30 after the migration.'), report('- Migration done.')]],
    [
      'a document naming another object',
      [{ path: 'docs/ops/other.md', text: 'payments-api: set it back to 30 after the migration.', at: '2027-05-03T09:00:00Z' }, report('- Migration done.')],
    ],
  ])('%s', (_, texts) => {
    expect(due(texts)).toBeUndefined();
  });

  it('an older procedure that does not prescribe this edit (another value)', () => {
    const old = {
      path: 'docs/ops/storage-move.md',
      text: '# Storage move\n\nkubectl patch deploy ledger-sync grace period 120.\n\nOnce the migration is finished, set it back to 30.\n',
      at: '2027-03-01T09:00:00Z',
    };
    expect(due([old, report('- Migration done.')])).toBeUndefined();
  });

  it('a report of the event written before the edit', () => {
    expect(
      due([procedure('Once the migration is finished, set it back to 30.'), { ...report('- Migration done.'), at: '2027-05-04T09:00:00Z' }]),
    ).toBeUndefined();
  });
});
