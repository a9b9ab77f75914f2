// A grant made by hand live for a piece of work, which a text naming it calls temporary, and whose
// work a later text citing the same ticket reports done (holdout-22/23's pattern, told in other
// words, languages and places): it goes (revert where it is), never a declare that keeps edit rights
// alive. The ticket links the two texts; without the report, or with a report about another
// environment, another ticket, or a text that keeps the grant, the rule says nothing.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const ENVS =
  'environments:\n  staging: {files: [k8s/staging], format: manifests}\n' +
  '  production:\n    files: [k8s/production]\n    format: manifests\n    live: {snapshot: live/production.yaml}\npromotion: [staging, production]\n';
const baseBinding =
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: search-view}\n' +
  'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n' +
  'subjects:\n  - {kind: ServiceAccount, name: search-indexer}\n';
const managed = (manager: string, time: string) =>
  `    managedFields:\n      - {apiVersion: rbac.authorization.k8s.io/v1, fieldsType: FieldsV1, fieldsV1: {f:roleRef: {}, f:subjects: {}}, manager: ${manager}, operation: Update, time: "${time}"}\n`;
const snapshot =
  'apiVersion: v1\nkind: List\nitems:\n' +
  '- apiVersion: rbac.authorization.k8s.io/v1\n  kind: RoleBinding\n  metadata:\n    name: search-view\n    namespace: search\n' +
  managed('kubectl-client-side-apply', '2026-04-01T08:00:00Z') +
  '  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n  subjects:\n    - {kind: ServiceAccount, name: search-indexer, namespace: search}\n' +
  '- apiVersion: rbac.authorization.k8s.io/v1\n  kind: RoleBinding\n  metadata:\n    name: reindex-admin-grant\n    namespace: search\n    creationTimestamp: "2026-10-12T09:30:00Z"\n' +
  managed('kubectl-create', '2026-10-12T09:30:00Z') +
  '  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}\n  subjects:\n    - {kind: ServiceAccount, name: search-indexer, namespace: search}\n';

interface Text {
  message: string;
  file?: [string, string];
}

type Commit = { at: string; author: string; message: string; write: Record<string, string> };
const text = (at: string, t: Text, n: number): Commit => ({
  at,
  author: 'ben',
  message: t.message,
  write: t.file ? { [t.file[0]]: t.file[1] } : { [`docs/log-${n}.txt`]: `${n}\n` },
});

/** The binding's story: manifests, the texts about the grant (a commit, or a document it writes),
 * and the snapshot taken after them. */
async function verdictOf(texts: Commit[], today = '2026-12-05') {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-04-01T10:00:00Z',
        author: 'ana',
        message: 'search manifests',
        write: { 'undrift.yaml': ENVS, 'k8s/staging/rbac.yaml': baseBinding, 'k8s/production/rbac.yaml': baseBinding },
      },
      ...texts,
      { at: '2026-11-20T09:00:00Z', author: 'ana', message: 'snapshot production', write: { 'live/production.yaml': snapshot } },
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today });
  const d = scan.divergences.find((x) => x.key === 'RoleBinding/reindex-admin-grant');
  expect(d, scan.divergences.map((x) => `${x.kind} ${x.key}`).join('; ') + scan.warnings.join('; ')).toBeDefined();
  // The inventory reports a binding made by hand live either as a grant or as an object without a definition.
  expect(['permission', 'live-object']).toContain(d!.kind);
  return d!.verdict!;
}

/** A note when the grant is made (12 Oct), and a report after it (30 Oct). */
const verdictFor = (note: Text, report: Text | undefined) =>
  verdictOf([text('2026-10-12T10:00:00Z', note, 1), ...(report ? [text('2026-10-30T16:00:00Z', report, 2)] : [])]);

const REMOVED = /reports done .*remove it from production/;

describe('a temporary grant whose work is reported done', () => {
  it.each<[string, Text, Text]>([
    [
      'an English commit, its ticket reported done in a commit',
      {
        message:
          'SRCH-311: reindex needs admin for a day\n\nkubectl create rolebinding reindex-admin-grant in production, temporary; drop it once the reindex is finished',
      },
      { message: 'SRCH-311 reindex complete\n\nall shards rebuilt, counts verified' },
    ],
    [
      'a German change note, reported done in a document',
      {
        message: 'Änderungsnotiz SRCH-311',
        file: [
          'docs/changes/SRCH-311.md',
          '# SRCH-311 Reindex\n\n- reindex-admin-grant in Produktion von Hand angelegt, vorübergehend bis zum Ende des Reindex; danach entfernen.\n',
        ],
      },
      {
        message: 'Ergebnis Reindex',
        file: ['docs/changes/SRCH-311-ergebnis.md', '# SRCH-311\n\nStatus: erledigt am 2026-10-30, alle Shards neu aufgebaut.\n'],
      },
    ],
    [
      'a French note in a runbook, the ticket in its section heading',
      {
        message: 'runbook: reindex',
        file: ['docs/runbook.md', '# Runbook\n\n## Reindex (SRCH-311)\n\nLe binding reindex-admin-grant est temporaire, à supprimer après la réindexation.\n'],
      },
      { message: 'SRCH-311 terminé\n\nréindexation finie' },
    ],
    [
      'a Dutch commit, reported done in Dutch',
      { message: 'SRCH-311: tijdelijke binding reindex-admin-grant voor de herindexering, daarna verwijderen' },
      { message: 'SRCH-311 afgerond' },
    ],
  ])('%s: remove it where it is', async (_what, note, report) => {
    const v = await verdictFor(note, report);
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['revert', 'production']);
    expect(v.reasons.join('\n')).toMatch(REMOVED);
    expect(v.confidence).toBeLessThanOrEqual(0.6);
  });

  it.each<[string, Text, Text | undefined]>([
    ['no report at all', { message: 'SRCH-311: reindex-admin-grant in production, temporary until the reindex is finished' }, undefined],
    [
      'the work still running',
      { message: 'SRCH-311: reindex-admin-grant in production, temporary until the reindex is finished' },
      { message: 'SRCH-311: reindex not done yet, shard 7 of 12' },
    ],
    [
      'done in staging only',
      { message: 'SRCH-311: reindex-admin-grant in production, temporary until the reindex is finished' },
      { message: 'SRCH-311 done in staging\n\nstaging reindex complete' },
    ],
    [
      'another ticket reported done',
      { message: 'SRCH-311: reindex-admin-grant in production, temporary until the reindex is finished' },
      { message: 'SRCH-312 done' },
    ],
    ['a grant nobody called temporary', { message: 'SRCH-311: reindex-admin-grant in production for the indexer' }, { message: 'SRCH-311 done' }],
    [
      'a grant kept on purpose',
      { message: 'SRCH-311: reindex-admin-grant in production, temporary at first; keep it by design after the reindex is finished' },
      { message: 'SRCH-311 done' },
    ],
  ])('not when %s', async (_what, note, report) => {
    const v = await verdictFor(note, report);
    expect(v.reasons.join('\n')).not.toMatch(REMOVED);
    expect(v.suggested === 'backfill').toBe(false);
  });

  it('not a report written before the grant was made', async () => {
    // An earlier phase of the ticket was done before the grant existed.
    const v = await verdictOf([
      text('2026-10-01T10:00:00Z', { message: 'SRCH-311 phase 1 done' }, 1),
      text('2026-10-12T10:00:00Z', { message: 'SRCH-311: reindex-admin-grant in production, temporary until the reindex is finished' }, 2),
    ]);
    expect(v.reasons.join('\n')).not.toMatch(REMOVED);
  });
});
