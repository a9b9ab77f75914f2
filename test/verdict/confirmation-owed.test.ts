// Session 33 (spent holdout-30, lane f): a measure taken on the live system by hand whose record holds it
// until a named party confirms ("stays off until the DBA team confirms …") ends on that party's word: a
// vendor's "fixed", a release installed, the party's own "we will confirm" are not it. Until a text since
// records the confirmation the verdict is a declare at 0.45 asking them — never the object re-created, nor
// its definition dropped. The confirmation recorded lets the readers decide as before. Phrasings of our
// own, in the languages read.
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { confirmationGiven, confirmationOwed } from '../../src/verdict/confirmation-owed.js';
import { missingLive } from './log-builders.js';

describe('a hold until a named party confirms, in the languages read', () => {
  it.each([
    ['The nightly sync stays deleted until the warehouse team confirms they can take the load.', 'warehouse'],
    ['Reindex bleibt aus, bis das DBA-Team bestätigt, dass die Replikation mithält.', 'dba'],
    ["L'export reste coupé jusqu'à ce que l'équipe réseau confirme la capacité.", 'réseau'],
    ['La exportación sigue parada hasta que el equipo de pagos confirme el volumen.', 'pagos'],
    ['De export blijft uit totdat het logging-team bevestigt dat de indexers het aankunnen.', 'logging'],
    ['Jobbet förblir borttaget tills lagerteamet bekräftar kapaciteten.', 'lagerteamet'],
  ])('%s', (text, party) => {
    expect(confirmationOwed(text)?.party).toContain(party);
  });

  it.each([
    'The export stays off until the end of the quarter.',
    'Stays off until we fix the index.',
    'Does it stay off until the SIEM team confirms?',
    'The SIEM team confirmed the nightly volume on 3 May.',
  ])('not a hold for a party: %s', (text) => {
    expect(confirmationOwed(text)).toBeUndefined();
  });

  it.each([
    ['Warehouse team: confirmed, the nightly sync can run again.', ['warehouse']],
    ['Das DBA-Team hat bestätigt: Replikation hält mit.', ['dba']],
    ["L'équipe réseau a confirmé la capacité le 4 mai.", ['réseau']],
    ['Het logging-team heeft bevestigd dat de indexers klaar zijn.', ['logging']],
  ])('the confirmation given: %s', (text, party) => {
    expect(confirmationGiven(text, party)).toBeDefined();
  });

  it.each([
    ['Warehouse team: sizing still to do; we will confirm in writing.', ['warehouse']],
    ['Das DBA-Team hat noch nicht bestätigt.', ['dba']],
    ["L'équipe réseau n'a pas encore confirmé.", ['réseau']],
    ['Vendor release note: the ingestion bug is fixed and confirmed in 9.2.', ['warehouse']],
    ['Has the warehouse team confirmed?', ['warehouse']],
  ])('not given: %s', (text, party) => {
    expect(confirmationGiven(text, party)).toBeUndefined();
  });
});

const context = { promotion: ['staging', 'production'], environments: ['staging', 'production'], today: '2027-05-20' };
const missing = missingLive;
const doc = (path: string, text: string, date: string, n: number) => ({
  message: { sha: String(n).repeat(40), parents: [], subject: `notes ${n}`, body: '', author: 'Ines', email: 'i@x', date, committed: date },
  document: { path, text, sha: String(n).repeat(40) },
});
const run = (key: string, ...docs: Array<ReturnType<typeof doc>>) =>
  explain(
    missing(key),
    {},
    {
      ...context,
      log: buildLog(
        new Map(),
        docs.map((d) => d.message),
        docs.map((d) => d.document),
      ),
    },
  );

describe('a deletion held until a named party confirms', () => {
  it.each([
    [
      'CronJob/stock-sync',
      '# Incident 4 March\n\n- 02:10 `kubectl delete cronjob stock-sync` in production.\n\nstock-sync stays deleted until the warehouse team confirms they can take the nightly load.\n',
    ],
    [
      'CronJob/orders-reindex',
      '# Störung 4. März\n\n- 02:10 `kubectl delete cronjob orders-reindex` in Produktion.\n\norders-reindex bleibt gelöscht, bis das DBA-Team bestätigt, dass die Replikation mithält.\n',
    ],
    [
      'CronJob/audit-push',
      "# Incident du 4 mars\n\n- 02:10 `kubectl delete cronjob audit-push` en production.\n\naudit-push reste supprimé jusqu'à ce que l'équipe réseau confirme la capacité.\n",
    ],
    [
      'CronJob/ledger-export',
      '# Incidencia 4 de marzo\n\n- 02:10 `kubectl delete cronjob ledger-export` en producción.\n\nledger-export sigue borrado hasta que el equipo de pagos confirme el volumen.\n',
    ],
  ])('%s: a question for the party, even after a vendor says fixed', (key, incident) => {
    const v = run(
      key,
      doc('docs/incidents/0304.md', incident, '2027-03-04T09:00:00Z', 1),
      doc('docs/vendor/release.md', '# Release 9.2\n\n- Fixed: bulk ingestion no longer exhausts the indexers.\n', '2027-03-20T09:00:00Z', 2),
    );
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.confidence).toBeLessThanOrEqual(0.45);
    expect(v.question).toMatch(/confirm/);
  });

  it('the confirmation recorded since lets the record decide as before', () => {
    const incident =
      '# Incident 4 March\n\n- 02:10 `kubectl delete cronjob stock-sync` in production.\n\nstock-sync stays deleted until the warehouse team confirms they can take the nightly load.\n';
    const v = run(
      'CronJob/stock-sync',
      doc('docs/incidents/0304.md', incident, '2027-03-04T09:00:00Z', 1),
      doc('docs/warehouse/capacity.md', '# Warehouse team, capacity\n\n- Confirmed: we can take the nightly load again.\n', '2027-04-02T09:00:00Z', 2),
    );
    expect(v.question ?? '').not.toMatch(/has that confirmation come/);
  });
});
