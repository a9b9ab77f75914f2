// Session 19 (issue 10): a later text answers a change's condition, plan or open object (answered.ts).
// The texts are found by what links them to the change (its ticket, its value, its key's words) in
// documents and in later messages, and each is read for what it says: met, unmet (with its ETA), done,
// go, refused, withdrawn, moved (with its new date), ends (the value's own end). Situations and phrasings
// of their own, none from a verdict story; each family with its negatives (asked, a condition, another ticket).
import { describe, expect, it } from 'vitest';
import { answersOf, statusOf, type AnswerQuestion } from '../../src/verdict/answered.js';
import { buildLog, ticketsIn, type Document, type Message } from '../../src/verdict/log.js';
import type { HistoryEvent } from '../../src/model/types.js';

const CHANGED = '2026-11-10T10:00:00Z';
const facts = (subject: string, date: string, body = '') => ({ author: 'Ines Moreau', email: 'ines@example.test', date, committed: date, subject, body });
const message = (sha: string, subject: string, date: string, body = ''): Message => ({ ...facts(subject, date, body), sha, parents: [] });

function ask(
  key: string,
  from: string,
  to: string,
  subject: string,
  documents: Array<[string, string, string]>,
  later: Array<[string, string, string?]> = [],
  values = [to],
) {
  const event: HistoryEvent = { ...facts(subject, CHANGED), commit: 'c1', file: 'config/staging.yaml', from, to, merge: false, revert: false };
  const messages = [message('c0', 'initial', '2026-03-01T10:00:00Z'), message('c1', subject, CHANGED)];
  const docs: Document[] = documents.map(([path, text, date], i) => {
    messages.push(message(`d${i}`, `docs: ${path}`, date));
    return { path, text, sha: `d${i}` };
  });
  later.forEach(([subj, date, body], i) => messages.push(message(`m${i}`, subj, date, body ?? '')));
  messages.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const log = buildLog(new Map([['staging', new Map([[key, [event]]])]]), messages, docs);
  const q: AnswerQuestion = {
    key,
    values,
    tickets: ticketsIn(subject),
    env: 'staging',
    date: CHANGED,
    author: 'Ines Moreau',
    allValues: [from, to],
    subject,
    environments: ['staging', 'production'],
    commit: 'c1',
    today: '2026-12-04',
  };
  return answersOf(q, log);
}

describe('a ticket the condition names, answered by its latest state', () => {
  const until = 'staging: allow legacy renegotiation until OPS-310 is fixed';
  it.each([
    ['| Ticket | Summary | Status |\n| --- | --- | --- |\n| OPS-310 | Vendor TLS stack bug | In progress (ETA: 20 January) |', 'unmet', '2027-01-20'],
    ['| Ticket | Summary | Status |\n| --- | --- | --- |\n| OPS-310 | Vendor TLS stack bug | Blocked on vendor |', 'unmet', undefined],
    ['| Ticket | Zusammenfassung | Status |\n| --- | --- | --- |\n| OPS-310 | TLS-Fehler beim Anbieter | Offen |', 'unmet', undefined],
    ['| Ticket | Summary | State |\n| --- | --- | --- |\n| OPS-310 | Vendor TLS stack bug | Resolved |', 'met', undefined],
    ['| Ticket | Resumen | Estado |\n| --- | --- | --- |\n| OPS-310 | Fallo TLS del proveedor | Cerrado |', 'met', undefined],
  ])('%s', (table, says, on) => {
    const answers = ask('tls.legacyRenegotiation', 'false', 'true', until, [
      ['exports/tickets-2026-12-01.md', `# Open vendor tickets\n\n${table}\n`, '2026-12-01T09:00:00Z'],
    ]);
    expect(answers[0]).toMatchObject({ says, link: 'ticket', ticket: 'OPS-310' });
    expect(answers[0]?.on).toBe(on);
  });

  it('reads the row of its own ticket, not the row of another ticket in the same export', () => {
    const table = '| Ticket | Summary | Status |\n| --- | --- | --- |\n| OPS-999 | Printer jam | Closed |\n| OPS-310 | Vendor TLS stack bug | Open |';
    const answers = ask('tls.legacyRenegotiation', 'false', 'true', until, [['exports/tickets.md', table, '2026-12-01T09:00:00Z']]);
    expect(answers.map((a) => a.says)).toEqual(['unmet']);
    expect(answers[0]!.quote).toContain('OPS-310');
  });

  it.each([
    ['Closes OPS-310', 'met'],
    ['OPS-310 is still open, the vendor promises a patch', 'unmet'],
    ['vendor patch applied, OPS-310 resolved', 'met'],
  ])('in a later commit message: %s', (subject, says) => {
    const answers = ask('tls.legacyRenegotiation', 'false', 'true', until, [], [[subject, '2026-11-28T10:00:00Z']]);
    expect(answers[0]).toMatchObject({ says, message: true });
  });

  it.each(['If OPS-310 is closed, switch staging back.', 'Is OPS-310 closed already?', 'Once OPS-310 is resolved we revert.'])('not an answer: %s', (text) => {
    const answers = ask('tls.legacyRenegotiation', 'false', 'true', until, [['docs/notes.md', text, '2026-11-28T10:00:00Z']]);
    expect(answers).toEqual([]);
  });

  it('the newest answer first: closed after it was open', () => {
    const answers = ask(
      'tls.legacyRenegotiation',
      'false',
      'true',
      until,
      [],
      [
        ['OPS-310 still open (vendor ETA: 15 December)', '2026-11-20T10:00:00Z'],
        ['Closes OPS-310: vendor patch rolled', '2026-12-02T10:00:00Z'],
      ],
    );
    expect(answers.map((a) => a.says)).toEqual(['met', 'unmet']);
    expect(answers[1]!.on).toBe('2026-12-15');
  });

  it('reads nothing written after today', () => {
    const answers = ask('tls.legacyRenegotiation', 'false', 'true', until, [], [['Closes OPS-310', '2026-12-10T10:00:00Z']]);
    expect(answers).toEqual([]);
  });
});

describe('a plan answered by a later text: refused, withdrawn, moved, go', () => {
  it.each([
    ['# Review of RISK-41\n\nOutcome: rejected. Keep production as it is.', 'refused'],
    ['# RISK-41\n\nEntscheidung: abgelehnt.', 'refused'],
    ['# RISK-41\n\nResultado: rechazado por seguridad.', 'refused'],
    ['---\nStatus: rejected\n---\n# RISK-41 larger export batches', 'refused'],
    ['RISK-41: we cancelled the rollout, the batch stays small.', 'withdrawn'],
  ])('%s', (doc, says) => {
    const answers = ask('export.maxRows', '1000', '50000', 'staging: 50000 rows per export, prod later (RISK-41)', [
      ['docs/reviews/export.md', doc, '2026-11-25T10:00:00Z'],
    ]);
    expect(answers[0]?.says).toBe(says);
  });

  it.each([
    ['MIG-5: the cut-over moves to Q2 2027.', '2027-06-30'],
    ['MIG-5 postponed to 2027-02-15 after the audit.', '2027-02-15'],
    ['MIG-5: Umstellung verschoben auf 2027-03-01.', '2027-03-01'],
  ])('moved: %s', (text, on) => {
    const answers = ask(
      'search.engine',
      'elasticsearch',
      'opensearch',
      'staging on opensearch first, prod at cut-over (MIG-5)',
      [],
      [[text, '2026-11-26T10:00:00Z']],
    );
    expect(answers[0]).toMatchObject({ says: 'moved', on });
  });

  it.each([
    ['- 2 Dec: payouts-v2 live in production, traffic moved at 09:00.', ['production']],
    ['payouts-v2 went live in prod this morning.', ['production']],
  ])('go: %s', (text, envs) => {
    const answers = ask('payouts.endpoint', 'payouts-v1', 'payouts-v2', 'staging: rehearse payouts-v2', [
      ['docs/launch.md', `# Launch\n\n${text}`, '2026-12-02T12:00:00Z'],
    ]);
    expect(answers[0]).toMatchObject({ says: 'go', envs });
  });

  it('not a go: live in staging, or a plan to go live', () => {
    const answers = ask('payouts.endpoint', 'payouts-v1', 'payouts-v2', 'staging: rehearse payouts-v2', [
      ['docs/launch.md', '# Launch\n\nIf payouts-v2 is live in production by Friday, mail the partners?', '2026-12-02T12:00:00Z'],
    ]);
    expect(answers.filter((a) => a.says === 'go')).toEqual([]);
  });
});

describe('the value held has an end of its own', () => {
  it.each([
    ['The endpoint https://geo-v1.maps.example.com/v1 will stop answering on 31 January 2027.', '2027-01-31'],
    ['geo-v1.maps.example.com will stop answering on 31 January 2027.', '2027-01-31'],
    ['https://geo-v1.maps.example.com/v1 is decommissioned on 2027-02-01, move to v2.', '2027-02-01'],
  ])('%s', (text, on) => {
    const answers = ask(
      'geo.baseUrl',
      'https://geo-v1.maps.example.com/v1',
      'https://geo-v2.maps.example.com/v2',
      'staging: geocoder v2',
      [['docs/vendors/geo-notice.md', `# Notice\n\n${text}`, '2026-11-20T10:00:00Z']],
      [],
      ['https://geo-v2.maps.example.com/v2', 'https://geo-v1.maps.example.com/v1'],
    );
    // Asked with the value the waiting environment holds too: its end is an answer to the rollout.
    expect(answers[0]).toMatchObject({ says: 'ends', on });
  });

  it('reads a sunset with its date', () => {
    expect(statusOf('api-v1 will stop answering on 15 March 2027. Please switch before.', '2026-11-20T10:00:00Z')).toMatchObject({
      says: 'ends',
      on: '2027-03-15',
    });
    expect(statusOf('The old endpoint is sunset on 2027-01-10.', '2026-11-20T10:00:00Z')).toMatchObject({ says: 'ends', on: '2027-01-10' });
    // No date, no end: a decommissioned server named in passing.
    expect(statusOf('The decommissioned server was wiped.', '2026-11-20T10:00:00Z')).toBeUndefined();
  });
});

describe('the work the change was for, reported finished', () => {
  it.each([
    ['# Schema migration SCH-77\n\nStatus: complete (2026-11-20).', 'done'],
    ['SCH-77 done, the temporary access is no longer needed.', 'met'],
    ['# SCH-77\n\nDie Migration ist abgeschlossen.', 'done'],
  ])('%s', (doc, says) => {
    const answers = ask('db.migratorAccess', 'false', 'true', 'staging: migrator reads all tables during SCH-77', [
      ['docs/migrations/sch-77.md', doc, '2026-11-21T10:00:00Z'],
    ]);
    expect(answers[0]?.says).toBe(says);
  });
});
