// Session 33 (lane sp30a): a temporary value whose end has come goes back; the end may be written where a
// person looks for it, not in the change's own words. Four readings, each on phrasings of our own (none
// from a verdict story), with near misses that must not read so:
// - Czech is a language read (languages.ts, status.ts): temporary, only, until, back, done, with and
//   without its diacritics; the nouns that name the awaited event ("do uzavření", "po vydání") report nothing.
// - A note whose title gives the change's ticket and its state ("# OPS-310 — …: closed (2 Dec)") states it
//   for every passage under it (answered.ts).
// - A day in brackets beside the event an end waits for ("nach Ende des Freeze (9. Jänner)") is its date
//   (deadline.ts).
// - A change that cites the record it carries out by its id and says nothing else takes its scope and end
//   from that record (cited-record.ts, read by intent-evidence.ts).
import { describe, expect, it } from 'vitest';
import { readIntent, reportsDone } from '../../src/verdict/intent.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { languageOf } from '../../src/verdict/languages.js';
import { answersOf, type AnswerQuestion } from '../../src/verdict/answered.js';
import { buildLog, ticketsIn, type Document, type Message } from '../../src/verdict/log.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { judge, TWO, type Step } from './memory-story.js';

const WRITTEN = '2026-11-02T09:00:00Z';
const intentOf = (subject: string, body = '', env = 'staging') => readIntent({ subject, body, author: 'a', email: 'a@x', date: WRITTEN }, env, TWO);

describe('Czech is read', () => {
  it.each([
    ['Jen staging: limit 50, dočasně do 20.11.', '2026-11-20'],
    ['Pouze na stagingu, docasne do 20.11., pak zpet na 30', '2026-11-20'],
    ['staging: prozatím jen tady, nejpozději do 20.11. vrátit', '2026-11-20'],
    ['Jenom staging — dočasně, až do 20.11.', '2026-11-20'],
  ])('kept to one environment until a date: %s', (text, until) => {
    const intent = intentOf(text);
    expect(intent.scope).toMatchObject({ kind: 'env-only' });
    expect(intent.temporary?.until).toBe(until);
  });

  it.each([
    'Dočasně, vrátit po migraci databáze.',
    'docasne kvuli zatezovemu testu, vratit po jeho skonceni',
    'Prozatím 5 minut; vrátíme po dalším vydání.',
    'Provizorně zvýšeno, zpět na 30 po kampani.',
  ])('temporary, with and without diacritics: %s', (text) => {
    expect(languageOf(text)).toEqual({ language: 'cs', read: true });
    expect(intentOf(text).temporary).toBeDefined();
  });

  it.each(['Trvale, ne dočasně: nové okno platí všude.', 'Tohle není dočasné řešení, zůstává.'])('a time limit denied is none: %s', (text) => {
    expect(intentOf(text).temporary).toBeUndefined();
  });

  it.each(['Migrace dokončena.', 'PERF-12 uzavřeno, regrese opravena.', 'Hotovo: ticket uzavren.', 'OPS-7 vyřešeno 3. 4.'])('reported done: %s', (text) => {
    expect(reportsDone(text)).toBeDefined();
  });

  it.each(['Dočasně, do uzavření PERF-12.', 'vrátit po vydání 3.4', 'Až bude PERF-12 uzavřeno, vrátíme to.', 'Jakmile bude hotovo, vrátit.'])(
    'the event waited for, or a condition, is no report: %s',
    (text) => {
      expect(reportsDone(text)).toBeUndefined();
    },
  );
});

// A closing note's title gives the ticket's state: answered.ts reads it for every passage under it.
const CHANGED = '2026-11-10T10:00:00Z';
const facts = (subject: string, date: string) => ({ author: 'Ines Moreau', email: 'ines@example.test', date, committed: date, subject, body: '' });
const message = (sha: string, subject: string, date: string): Message => ({ ...facts(subject, date), sha, parents: [] });
function answersFor(heading: string, body = '- Cause: a lock in the rate cache, fixed in 6.2.\n- Profiling now runs in a debug container.\n') {
  const key = 'securityContext.readOnlyRootFilesystem';
  const subject = 'staging: writable root fs for OPS-310, temporary until OPS-310 is closed';
  const event: HistoryEvent = { ...facts(subject, CHANGED), commit: 'c1', file: 'config/staging.yaml', from: 'true', to: 'false', merge: false, revert: false };
  const messages = [message('c0', 'initial', '2026-03-01T10:00:00Z'), message('d0', 'closing note', '2026-11-30T10:00:00Z'), message('c1', subject, CHANGED)];
  const docs: Document[] = [{ path: 'docs/notes/ops-310.md', text: `${heading}\n\n${body}`, sha: 'd0' }];
  messages.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const log = buildLog(new Map([['staging', new Map([[key, [event]]])]]), messages, docs);
  const q: AnswerQuestion = {
    key,
    values: ['false'],
    tickets: ticketsIn(subject),
    env: 'staging',
    date: CHANGED,
    author: 'Ines Moreau',
    allValues: ['true', 'false'],
    subject,
    environments: ['staging', 'production'],
    commit: 'c1',
    today: '2026-12-04',
  };
  return answersOf(q, log);
}

describe("a note's title gives its ticket's state", () => {
  it.each([
    '# OPS-310 — latency regression: closed (30 Nov)',
    '# OPS-310: geschlossen',
    '## OPS-310 — régression de latence : clôturé',
    '# OPS-310 — regrese latence: uzavřeno (30. 11.)',
    '# OPS-310: zamknięte',
  ])('closed: %s', (heading) => {
    expect(answersFor(heading)[0]).toMatchObject({ says: 'met', ticket: 'OPS-310' });
  });

  it('still open', () => {
    expect(answersFor('# OPS-310 — latency regression: still open')[0]?.says).toBe('unmet');
  });

  it.each(['# OPS-999 — closed (30 Nov)', '# OPS-310 closed?', '# OPS-310 — closure plan', '# OPS-310 — uzavření'])('states nothing of it: %s', (heading) => {
    expect(answersFor(heading).filter((a) => a.says === 'met' || a.says === 'done')).toEqual([]);
  });
});

describe('a day in brackets beside the event an end waits for', () => {
  it.each([
    ['Rückbau nach Ende des Freeze (9. Jänner)', '2027-01-09'],
    ['back to 3 after the freeze ends (9 January)', '2027-01-09'],
    ['retour à 3 après la fin du gel (9 janvier)', '2027-01-09'],
    ['volver a 3 después del cierre del trimestre (9 de enero)', '2027-01-09'],
    ['tijdelijk, tot het einde van de actie (9 januari)', '2027-01-09'],
  ])('%s', (text, date) => {
    expect(readDeadline(text, WRITTEN).date).toBe(date);
  });

  it.each(['the outage (9 January) was bad', 'Incident review (9 January): retries raised to 8', 'raised after the review (see notes, 9 January)'])(
    'a bracket that dates what it follows is no end: %s',
    (text) => {
      expect(readDeadline(text, WRITTEN).date).toBeUndefined();
    },
  );
});

// A change citing its record by id, the record a document (a register's row, a request's note).
const start: Step = { subject: 'payments config', date: '2026-09-01T10:00:00Z', set: { staging: ['', '3'], production: ['', '3'] } };
const recordDay: Step = { subject: 'change register', date: '2026-11-01T08:00:00Z' };
const verdictOf = (record: string, today = '2026-12-20', path = 'docs/changes/register.md') =>
  judge(
    'payments.retry.maxAttempts',
    [start, recordDay, { subject: 'production: payment retries 8 (CR-1142)', date: '2026-11-01T10:00:00Z', set: { production: ['3', '8'] } }],
    today,
    {},
    { documents: [{ path, text: record, step: 1 }] },
  );

describe('the record a change cites by its id gives its scope and end', () => {
  it.each([
    [
      '| Id | What | Where | Until |\n| --- | --- | --- | --- |\n| CR-1142 | retry attempts 3 → 8 (sale) | production only | back to 3 after the sale (30 November) |\n',
    ],
    ['# CR-1142\n\nRetry attempts 8 in production only, temporary: back to 3 after the sale ends (30 November).\n'],
    ['# CR-1142\n\nRetry-Versuche (attempts) 8 nur in Prod, vorübergehend bis 30.11., danach zurück auf 3.\n'],
    ['# CR-1142\n\nRetry attempts à 8 uniquement en prod, temporairement jusqu’au 30/11.\n'],
  ])('its end passed: production goes back (%#)', (record) => {
    const v = verdictOf(record);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
    expect(v.value).toBe('3');
    expect(v.reasons.join('\n')).toContain('the record it cites by its id');
  });

  it('its end still ahead: declared until then', () => {
    const v = verdictOf('# CR-1142\n\nRetry attempts 8 in production only, temporary: back to 3 after the sale ends (30 November).\n', '2026-11-20');
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });

  it.each([
    ['a record that keeps it', '# CR-1142\n\nRetry attempts 8 in production, permanent: the new baseline.\n'],
    ['a record naming another thing', '# CR-1142\n\nDB pool 40 in production only, temporary: back to 20 after the sale ends (30 November).\n'],
    ['a record of another id', '# CR-1150\n\nRetry attempts 8 in production only, temporary: back to 3 after the sale ends (30 November).\n'],
  ])('%s sends nothing back', (_what, record) => {
    const v = verdictOf(record);
    expect(v.suggested, v.reasons.join('\n')).not.toBe('revert');
  });
});
