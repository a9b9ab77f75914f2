// holdout-19's spent fixes (session 22, lane a), each as a principle read in situations and phrasings
// of its own, with what must not change.
// (1) An environment that left the contract by a change citing a decision record (ADR-n, RFC-n, a
//     ticket) whose own status says it is decided and which names the value the environment holds
//     now as a standing value: the environment carries out a decision, the contract lags (declare).
//     Not for a record still proposed, one that names another value or gives the value an end, a
//     change citing no record, or an incident fix.
import { describe, expect, it } from 'vitest';
import { explainViolation, messagesBy } from './log-builders.js';
import { eventOf } from '../../src/model/types.js';
import type { Message } from '../../src/verdict/log.js';

describe('a decided record the change cites: the contract lags', () => {
  const ines = messagesBy('Ines Almeida', 'i@x', 'a');
  const tom = messagesBy('Tom Becker', 't@x', 'b');
  /** production's `key` moved `from` → `to` by `change`, against `entry`; `doc` written the day before. */
  const violated = (key: string, [from, to]: [string, string], change: Message, entry: string, doc?: { path: string; text: string }) => {
    const created = tom('2026-02-01T09:00:00Z', 'service values + contract');
    const record = doc ? tom('2026-11-09T10:00:00Z', `docs: ${doc.path}`) : undefined;
    const base = (e: string, value: string) => ({ ...eventOf(created, `values/${e}.yaml`, null, value, { merge: false, revert: false }), order: 9 });
    return explainViolation({
      key,
      entry,
      violating: ['production'],
      values: { staging: '2', production: to },
      history: {
        staging: [base('staging', '2')],
        production: [{ ...eventOf(change, 'values/production.yaml', from, to, { merge: false, revert: false }), order: 1 }, base('production', from)],
      },
      messages: [change, ...(record ? [record] : []), created],
      documents: doc && record ? [{ ...doc, sha: record.sha }] : [],
      today: '2026-12-05',
    });
  };
  const ONE_OF = '    staging: any\n    production: {one_of: [4, 6, 8]}\n    reason: production keeps headroom\n';
  const WORKERS = '    production: {one_of: [16, 24]}\n    reason: batch window\n';

  it.each([
    [
      'an ADR, English',
      'replicaCount',
      ['6', '12'],
      'prod replicas 12 (ADR-021)',
      {
        path: 'docs/adr/021-capacity.md',
        text: '# ADR-021 capacity\n\nStatus: accepted\n\nProduction baseline goes from 6 to 12 pods; 8 leaves us at 90% CPU.',
      },
      ONE_OF,
    ],
    [
      'an RFC in front matter, the value in a list',
      'replicaCount',
      ['8', '10'],
      'Scale production per RFC-88',
      {
        path: 'docs/rfc/0088-web-capacity.md',
        text: '---\nstatus: Approved\n---\n# RFC-88 web capacity\n\n- production web pods: 10 (was 8)\n- staging unchanged',
      },
      ONE_OF,
    ],
    [
      'German',
      'worker.count',
      ['16', '32'],
      'Produktion: 32 Worker laut ENT-12',
      {
        path: 'docs/entscheidungen/ENT-12.md',
        text: '# ENT-12 Batch-Fenster\n\nStatus: angenommen\n\nProduktion läuft künftig mit 32 Workern, damit der Lauf vor 6 Uhr fertig ist.',
      },
      WORKERS,
    ],
    [
      'Spanish',
      'worker.count',
      ['24', '40'],
      'prod: 40 workers (DEC-7)',
      { path: 'docs/decisiones/DEC-7.md', text: '# DEC-7 ventana de lotes\n\nStatus: aprobado\n\nEn producción pasamos a 40 workers de forma permanente.' },
      WORKERS,
    ],
  ] as const)('%s: declare the value in the contract', (_what, key, [from, to], subject, doc, entry) => {
    const v = violated(key, [from, to], ines('2026-11-10T09:30:00Z', subject), entry, doc);
    expect(v, v.reasons.join('\n')).toMatchObject({ suggested: 'declare', deliberate: 'production', drifted: null });
    expect(v.confidence).toBeLessThanOrEqual(0.6);
    expect(v.reasons.join('\n')).toMatch(/decision record sets production/);
  });

  const ADR = (status: string, line: string) => ({ path: 'docs/adr/021-capacity.md', text: `# ADR-021 capacity\n\nStatus: ${status}\n\n${line}` });
  it.each([
    ['the record is only proposed', 'prod replicas 12 (ADR-021)', ADR('proposed', 'Production baseline goes from 6 to 12 pods.')],
    ['the record names another value', 'prod replicas 12 (ADR-021)', ADR('accepted', 'Production baseline goes from 6 to 8 pods.')],
    ['the record gives the value an end', 'prod replicas 12 (ADR-021)', ADR('accepted', 'Production runs 12 pods until the migration ends, then 8.')],
    ['the record says temporarily', 'prod replicas 12 (ADR-021)', ADR('accepted', 'Temporarily 12 pods in production for the campaign.')],
    ['the record is withdrawn', 'prod replicas 12 (ADR-021)', ADR('withdrawn', 'Production baseline goes from 6 to 12 pods.')],
    ['the change cites no record', 'prod replicas 12', ADR('accepted', 'Production baseline goes from 6 to 12 pods.')],
  ])('%s: not declared on the record', (_what, subject, doc) => {
    const v = violated('replicaCount', ['6', '12'], ines('2026-11-10T09:30:00Z', subject), ONE_OF, doc);
    expect(v.reasons.join('\n'), v.reasons.join('\n')).not.toMatch(/decision record sets/);
  });

  it('an incident fix citing the record stays a question', () => {
    const v = violated(
      'replicaCount',
      ['6', '12'],
      ines('2026-11-10T09:30:00Z', 'INC-4411 hotfix: prod replicas 12 (ADR-021)'),
      ONE_OF,
      ADR('accepted', 'Production baseline goes from 6 to 12 pods.'),
    );
    expect(v.reasons.join('\n')).not.toMatch(/decision record sets/);
    expect(v.confidence).toBeLessThanOrEqual(0.55);
  });
});
