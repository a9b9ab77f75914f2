// A default answers only after the texts written since were read and said nothing (issue 10, session
// 19's gates lane): where a later text answers a change's condition (met, not met yet, moved, called
// off), the verdict rests on it and its reasons quote it. Situations and phrasings of our own, none
// from a verdict story; every place text lives (a document's table row, a list item, a later commit),
// more than one language. In memory.
import { describe, expect, it } from 'vitest';
import { judge, type Step } from './memory-story.js';

const TODAY = '2026-12-04';
const start: Step = { subject: 'service defaults', date: '2026-05-01T10:00:00Z', set: { staging: ['', '60'], production: ['', '60'] } };
const later: Step = { subject: 'docs: status', date: '2026-11-28T10:00:00Z', touched: ['docs/status.md'] };
const temporary = (subject: string, body = ''): Step => ({ subject, body, date: '2026-10-20T10:00:00Z', set: { staging: ['60', '5'] } });
const doc = (text: string) => ({ documents: [{ path: 'docs/status.md', text, step: 2 }] });

describe('a temporary change whose condition a later text answers: the answer decides, not its age', () => {
  it.each<[string, string, string, string]>([
    [
      'a ticket export row, closed',
      'pool.idleSeconds',
      'staging: idle timeout down to 5 until NET-204 is resolved',
      '| Ticket | Summary | Status |\n| --- | --- | --- |\n| NET-204 | NAT drops idle conns | Resolved |',
    ],
    [
      'a German list item, done',
      'pool.idleSeconds',
      'Staging: Idle-Timeout vorübergehend auf 5, bis INFRA-12 erledigt ist',
      '# Stand\n\n- INFRA-12: erledigt, der NAT-Gateway-Tausch ist durch.',
    ],
    [
      'a Spanish note, closed',
      'pool.idleSeconds',
      'staging: timeout a 5 temporalmente hasta que se cierre OPS-9',
      '# Estado\n\nOPS-9 cerrado el 25/11, el proveedor corrigió el balanceador.',
    ],
  ])('%s: met, so staging goes back', (_what, key, subject, text) => {
    const v = judge(key, [start, temporary(subject), later], TODAY, {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'revert', drifted: 'staging', value: '60' });
    expect(v.reasons.join('\n')).toContain('docs/status.md');
  });

  it.each<[string, string, string, string | undefined]>([
    [
      'an export row still open, with an ETA',
      'staging: idle timeout down to 5 until NET-204 is resolved',
      '| Ticket | Summary | Status |\n| --- | --- | --- |\n| NET-204 | NAT drops idle conns | In progress (ETA: 15 January) |',
      '2027-01-15',
    ],
    [
      'a German note, still open',
      'Staging: Idle-Timeout vorübergehend auf 5, bis INFRA-12 erledigt ist',
      '# Stand\n\n- INFRA-12 ist noch offen, der Anbieter hat keinen Termin.',
      undefined,
    ],
    [
      'a date moved',
      'staging: idle timeout down to 5 until the NAT swap (NET-204) is done',
      '# NAT swap\n\nNET-204: the swap moves to 2027-02-10, the vendor is short of parts.',
      '2027-02-10',
    ],
  ])('%s: not met, so the difference is declared until then, with the condition as the question', (_what, subject, text, expires) => {
    const v = judge('pool.idleSeconds', [start, temporary(subject), later], TODAY, {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'staging' });
    if (expires) expect(v.expires).toBe(expires);
    expect(v.reasons.join('\n')).toContain('docs/status.md');
  });

  it("an export listing the change's ticket open and another one closed: the other row closes nothing", () => {
    const v = judge(
      'pool.idleSeconds',
      [start, temporary('staging: idle timeout down to 5 until NET-204 is resolved'), later],
      TODAY,
      {},
      doc(
        '| Ticket | Summary | Status |\n| --- | --- | --- |\n| NET-204 | NAT drops idle conns | Waiting for vendor |\n| NET-199 | DNS flaps | Closed 2026-11-20 |',
      ),
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'staging' });
    expect(v.reasons.join('\n')).not.toContain('NET-199');
  });

  it('a text about another ticket answers nothing: the default stands, and quotes no answer', () => {
    const v = judge(
      'pool.idleSeconds',
      [start, temporary('staging: idle timeout down to 5 until NET-204 is resolved'), later],
      TODAY,
      {},
      doc('| Ticket | Summary | Status |\n| --- | --- | --- |\n| NET-207 | DNS flaps | Resolved |'),
    );
    expect(v.reasons.join('\n')).not.toContain('docs/status.md');
    expect(v.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('a step toward the next environment that a later text answers: the answer decides, not the promotion order or a date', () => {
  const base: Step = {
    subject: 'service config',
    date: '2026-05-01T10:00:00Z',
    set: { staging: ['', 'https://api-v1.geo.example'], production: ['', 'https://api-v1.geo.example'] },
  };
  const moved: Step = {
    subject: 'staging: geocoder to the new host',
    date: '2026-11-02T10:00:00Z',
    set: { staging: ['https://api-v1.geo.example', 'https://api-v2.geo.example'] },
  };
  it.each([
    ['a vendor notice, English', '# Geo vendor notice\n\nhttps://api-v1.geo.example will stop answering on 15 December 2026. Please move to api-v2.'],
    ['a sunset with an ISO date, naming the key', '# Deprecations\n\n- GEO_BASE_URL: the v1 host api-v1.geo.example is sunset on 2026-12-20.'],
    ['a Spanish notice', '# Proveedor\n\nhttps://api-v1.geo.example dejará de funcionar el 31/12/2026.'],
  ])('%s: the value production still holds ends, so its move is due', (_what, text) => {
    const v = judge('GEO_BASE_URL', [base, moved, later], TODAY, {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: 'https://api-v2.geo.example' });
    expect(v.reasons.join('\n')).toContain('docs/status.md');
  });
  it("a notice ending the new value, not production's, moves nothing toward production", () => {
    const v = judge(
      'GEO_BASE_URL',
      [base, moved, later],
      TODAY,
      {},
      doc('# Geo vendor notice\n\nhttps://api-v2.geo.example will stop answering on 15 December 2026.'),
    );
    expect(v.suggested === 'backfill' && v.drifted === 'production').toBe(false);
  });
});

describe("a plan's passed date is the plan alone when the date is counted from the day it was written", () => {
  const base: Step = { subject: 'service config', date: '2026-05-01T10:00:00Z', set: { staging: ['', '60'], production: ['', '60'] } };
  const plan = (body: string): Step => ({ subject: 'staging: authz cache 600s', body, date: '2026-11-10T10:00:00Z', set: { staging: ['60', '600'] } });
  it.each(['Should be the default everywhere; will do prod after a few days.', 'Production follows next week.', 'Prod in two weeks, once we have watched it.'])(
    '"%s": not a confident move',
    (body) => {
      const v = judge('authz.cache.ttlSeconds', [base, plan(body)], TODAY);
      if (v.suggested === 'backfill') expect(v.confidence, v.reasons.join('\n')).toBeLessThan(0.6);
    },
  );
  it("a gate's own date that has passed still lets production follow", () => {
    const v = judge('authz.cache.ttlSeconds', [base, plan('Production after the change freeze (ends 2026-11-20).')], TODAY);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production' });
  });
  it('a later text saying the gate is still open keeps it declared, until the date it gives', () => {
    const v = judge(
      'authz.cache.ttlSeconds',
      [base, plan('Production after the PSP certification (PSP-12), planned for 2026-11-20.'), later],
      TODAY,
      {},
      doc('| Ticket | Summary | Status |\n| --- | --- | --- |\n| PSP-12 | PSP certification | In progress (ETA: 10 January) |'),
    );
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    expect(v.reasons.join('\n')).toContain('docs/status.md');
  });
});

describe('an expired rollout declaration weighed against what was written about the rollout since', () => {
  const base: Step = { subject: 'queue config', date: '2026-03-01T10:00:00Z', set: { staging: ['', 'rabbitmq'], production: ['', 'rabbitmq'] } };
  const ahead: Step = { subject: 'QUE-7: staging moves to the new broker', date: '2026-09-01T10:00:00Z', set: { staging: ['rabbitmq', 'nats'] } };
  const declared = { reason: 'QUE-7 broker migration, production next', expires: '2026-11-15' };
  const run = (text: string) => judge('queue.broker', [base, ahead, later], TODAY, {}, { ...doc(text), declared });
  it.each<[string, string, string | undefined]>([
    ['replanned in English', '# QUE-7 broker migration\n\nProduction cut-over moves to 2027-03-01; staging stays on nats until then.', '2027-03-01'],
    ['replanned in German', '# QUE-7 Broker-Migration\n\nDie Umstellung der Produktion wird verschoben auf 15.02.2027.', '2027-02-15'],
    [
      'still waiting, in a status row',
      '| Ticket | Summary | Status |\n| --- | --- | --- |\n| QUE-7 | broker migration | Blocked on capacity review |',
      undefined,
    ],
  ])('%s: declared again, not rolled back on its date', (_what, text, expires) => {
    const v = run(text);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare' });
    if (expires) expect(v.expires).toBe(expires);
    expect(v.reasons.join('\n')).toContain('docs/status.md');
  });
  it('nothing written since: the date is the only ground, a question', () => {
    const v = judge('queue.broker', [base, ahead], TODAY, {}, { declared });
    expect(v.confidence).toBeLessThanOrEqual(0.5);
    expect(v.reasons.join('\n')).not.toContain('docs/status.md');
  });
});

describe('a difference only the promotion order would settle, answered by a later go — unless a newer word takes it back', () => {
  const base: Step = { subject: 'ingest config', date: '2026-05-01T10:00:00Z', set: { staging: ['', '200'], production: ['', '200'] } };
  const change: Step = { subject: 'ING-5: ingest batch 1000 in staging', date: '2026-11-10T10:00:00Z', set: { staging: ['200', '1000'] } };
  it.each([
    ['a launch note', '# Launches\n\n- 1 Dec: ING-5 batch 1000 went live in production.'],
    ['an approval', '# CAB\n\n- ING-5: approved for production by the CAB on 27 Nov.'],
    ['a go, in Spanish', '# Cambios\n\n- ING-5: aprobado para producción el 27/11.'],
  ])('%s: production follows, and the reasons quote it', (_what, text) => {
    const v = judge('ingest.batchSize', [base, change, later], TODAY, {}, doc(text));
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'backfill', drifted: 'production', value: '1000' });
    expect(v.reasons.join('\n')).toContain('docs/status.md');
  });
  it.each([
    '# CAB\n\n- 20 Nov: ING-5 approved for production.\n- 28 Nov: approval withdrawn after the error spike.',
    '# CAB\n\n- 20 Nov: ING-5 approved for production.\n- 28 Nov: Freigabe zurückgezogen, Produktion bleibt bei 200.',
    '# CAB\n\n- 20 Nov: ING-5 approved for production.\n- 28 Nov: after the error spike, the ingest batch in production stays at 200 for now.',
  ])('a go taken back further down its own section: "%s"', (text) => {
    const v = judge('ingest.batchSize', [base, change, later], TODAY, {}, doc(text));
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
  });
  it('a go taken back further down the same text moves nothing', () => {
    const v = judge(
      'ingest.batchSize',
      [base, change, later],
      TODAY,
      {},
      doc('# CAB\n\n- 20 Nov: ING-5 approved for production.\n- 28 Nov: the ING-5 rollout to production is cancelled; production stays at 200.'),
    );
    expect(v.suggested === 'backfill' && v.drifted === 'production', v.reasons.join('\n')).toBe(false);
  });
});
