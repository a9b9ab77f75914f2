// A hand edit whose record says to put the value back once a condition holds, where a later text states
// that condition in its own words rather than with a word of having happened (fact-stated.ts, read by
// resume-due.ts): the state said again as a fact ("once the queue is empty" … "queue empty since 05:00"),
// or a checklist's item ticked under a heading naming the rest ("when the auditors sign off the export" …
// "- [x] auditors' sign-off" under "# Export June"). A lead put before the step ("When X, set it back")
// waits for X, up to its comma. Own objects, values and phrasings; none from a verdict story.
import { describe, expect, it } from 'vitest';
import { messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import { buildLog } from '../../src/verdict/verdict.js';
import { resumeDue, type PausedChange } from '../../src/verdict/resume-due.js';
import { restatedFact } from '../../src/verdict/fact-stated.js';
import type { Message } from '../../src/verdict/log.js';

const ENVS = ['acc', 'prd'];
const TODAY = '2027-06-20';
const EDITED = '2027-05-10T06:00:00Z';
const KEY = 'ConfigMap/pricing-worker.data.BATCH_CONCURRENCY';
const base = messagesBy('Ines Roth', 'ines@x', 'a');
const docs = messagesBy('Tomás Vidal', 'tomas@x', 'b');
const CREATED = base('2027-01-12T10:00:00Z', 'pricing-worker manifests');

function logWith(texts: Array<{ path: string; text: string; at: string }>) {
  const written = texts.map((t) => ({ ...t, by: docs(t.at, `docs: ${t.path}`) }));
  const events = [eventOf(CREATED, 'deploy/prd/pricing-worker.yaml', null, '30', { merge: false, revert: false })];
  const messages: Message[] = [...written.map((w) => w.by), CREATED].sort((a, b) => b.date.localeCompare(a.date));
  return buildLog(
    new Map([['prd', new Map([[KEY, events]])]]),
    messages,
    written.map((w) => ({ path: w.path, text: w.text, sha: w.by.sha })),
  );
}
const change: PausedChange = { key: KEY, env: 'prd', environments: ENVS, editedAt: EDITED, holder: 'pricing-worker', fileValue: '30', liveValue: '90' };
const due = (texts: Array<{ path: string; text: string; at: string }>) => resumeDue(change, logWith(texts), TODAY);
// The on-call note, written with the edit: the object, the value the edit wrote, then the step back.
const note = (step: string, at = '2027-05-10T06:30:00Z') => ({
  path: 'docs/oncall/pricing.md',
  text: `# Pricing backlog\n\n- raised BATCH_CONCURRENCY of pricing-worker from 30 to 90 by hand\n- ${step}\n`,
  at,
});
const later = (text: string, at = '2027-05-12T09:00:00Z') => ({ path: 'docs/oncall/handover.md', text, at });

describe('the condition of a step back, stated as a fact by a later text', () => {
  it.each([
    ['en', 'When the import queue is drained, set it back to 30.', '- Import queue drained at 04:10, no errors.'],
    ['de', 'Sobald die Warteschlange leer ist, wieder auf 30 setzen.', '- Warteschlange seit 05:00 leer.'],
    ['fr', 'Dès que la file est vide, remettre à 30.', '- File vide depuis 6 h, rien en attente.'],
    ['es', 'Cuando la cola esté vacía, restablecer a 30.', '- Cola vacía desde las 6:00.'],
    ['nl', 'Zodra de wachtrij leeg is, terug naar 30.', '- Wachtrij sinds 06:00 leeg.'],
    ['id', 'Setelah antrean kosong, kembalikan ke 30.', '- Antrean sudah kosong sejak 06:00.'],
  ])('%s', (_, step, report) => {
    expect(due([note(step), later(report)])?.evidence).toMatch(/reports it/);
  });

  it.each([
    [
      'en',
      'When the auditors sign off the export, set it back to 30.',
      '# Export June\n\n- [x] 12.06 auditors’ sign-off (R. Shah)\n- [ ] concurrency back to 30',
    ],
    ['fr', 'Quand la compta valide la clôture, remettre à 30.', '# Clôture juin\n\n- [x] validation compta (12/06)\n- [ ] concurrence remise à 30'],
  ])('a ticked checklist item, its heading naming the rest: %s', (_, step, report) => {
    expect(due([note(step), later(report)])?.evidence).toMatch(/reports it/);
  });
});

describe('the condition not stated as met', () => {
  const step = 'When the import queue is drained, set it back to 30.';
  it.each([
    ['negated', '- Import queue not drained yet, 1,200 left.'],
    ['negated, de', '- Import-Queue noch nicht drained.'],
    ['asked', '- Import queue drained?'],
    ['supposed', '- If the import queue is drained by noon, tell the warehouse.'],
    ['expected', '- Import queue expected drained by 06:00.'],
    ['a part of its words only', '- Import queue at 300.'],
  ])('%s', (_, report) => {
    expect(due([note(step), later(report)])).toBeUndefined();
  });

  it('an unticked item', () => {
    const s = 'When the auditors sign off the export, set it back to 30.';
    expect(due([note(s), later('# Export June\n\n- [ ] auditors’ sign-off\n- [x] export started')])).toBeUndefined();
  });

  it('a report written before the edit', () => {
    expect(due([note(step), later('- Import queue drained at 04:10.', '2027-05-09T09:00:00Z')])).toBeUndefined();
  });

  it('another value than the file’s', () => {
    expect(due([note('When the import queue is drained, set it back to 60.'), later('- Import queue drained at 04:10.')])).toBeUndefined();
  });
});

describe('restatedFact', () => {
  it.each([
    ['queue empty since 06:00', ['queue', 'empty']],
    ['Die Warteschlange ist seit heute früh leer.', ['warteschlange', 'leer']],
    ['La cola está vacía.', ['cola', 'esté', 'vacía']],
    ['Antrean sudah kosong.', ['antrean', 'kosong']],
  ])('stated: %s', (text, words) => {
    expect(restatedFact(text, words)).toBeDefined();
  });

  it.each([
    ['queue not empty yet', ['queue', 'empty']],
    ['Die Warteschlange ist noch nicht leer.', ['warteschlange', 'leer']],
    ['Antrean belum kosong.', ['antrean', 'kosong']],
    ['Once the queue is empty we scale down.', ['queue', 'empty']],
    ['Is the queue empty?', ['queue', 'empty']],
    ['The queue will be empty by noon.', ['queue', 'empty']],
    // One word alone, not ticked, is a name, not a report ("failover" in "failover plan").
    ['failover plan reviewed', ['failover']],
  ])('not stated: %s', (text, words) => {
    expect(restatedFact(text, words)).toBeUndefined();
  });
});
