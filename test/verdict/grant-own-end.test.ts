// A grant whose own commit gave it an end (holdout-18/19's pattern: "edit access for the pentest,
// window 02.11.-13.11., remove after"), told in other words: the commit that added the binding's
// file speaks of it without naming it, and once its end has passed the grant goes (revert where it
// is), never a declare and never a copy to production. And a window of two days ends on its last.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { readDeadline } from '../../src/verdict/deadline.js';
import { repoFromScenario } from '../support/repo.js';

const ENVS =
  'environments:\n  staging: {files: [k8s/staging], format: manifests}\n  production: {files: [k8s/production], format: manifests}\npromotion: [staging, production]\n';
const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: api, image: "shop/api:1.0"}\n';
// Both environments grant the developers view: RBAC is compared once an environment's files hold some.
const devsView =
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: devs-view, namespace: shop}\n' +
  'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n' +
  'subjects:\n  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "shop:devs"}\n';
const binding =
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: auditors-admin, namespace: shop}\n' +
  'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}\n' +
  'subjects:\n  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "ext:auditors"}\n';

async function verdictFor(subject: string, body: string, today: string) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-03-02T10:00:00Z',
        author: 'ana',
        message: 'shop manifests',
        write: { 'undrift.yaml': ENVS, 'k8s/staging/api.yaml': `${deployment}---\n${devsView}`, 'k8s/production/api.yaml': `${deployment}---\n${devsView}` },
      },
      { at: '2026-10-28T09:00:00Z', author: 'ben', message: body ? `${subject}\n\n${body}` : subject, write: { 'k8s/staging/auditors.yaml': binding } },
    ],
  });
  const scan = await scanRepository({ repo, historyCache: false, today });
  const d = scan.divergences.find((x) => x.key === 'RoleBinding/auditors-admin');
  expect(d?.kind, scan.divergences.map((x) => `${x.kind} ${x.key}`).join('; ') + scan.warnings.join('; ')).toBe('permission');
  return d!.verdict!;
}

describe('a grant whose own commit gave it an end', () => {
  it.each([
    ['a window of two days, remove after', 'staging: admin for the external audit (AUD-3)', 'auditors need admin, window 03.11.-14.11., remove after'],
    ['an ISO window', 'grant auditors admin in staging', 'for the audit 2026-11-03 to 2026-11-14; take it out afterwards'],
    ['a month window', 'temp admin for ext auditors', 'audit runs Nov 3 - Nov 14, revoke when done'],
    ['until a day', 'staging: auditors admin until 15.11., then delete', ''],
  ])('%s, passed: remove it where it is', async (_what, subject, body) => {
    const v = await verdictFor(subject, body, '2026-12-05');
    expect([v.suggested, v.drifted], v.reasons.join('\n')).toEqual(['revert', 'staging']);
    expect(v.reasons.join('\n')).toMatch(/with an end of its own/);
  });

  it('not before its end: the window is still open', async () => {
    const v = await verdictFor('staging: admin for the external audit (AUD-3)', 'window 03.11.-14.11., remove after', '2026-11-10');
    expect(v.reasons.join('\n')).not.toMatch(/with an end of its own/);
    expect(v.suggested === 'backfill').toBe(false);
  });

  it('not a grant meant to stay, whatever dates its commit mentions', async () => {
    const v = await verdictFor('staging: auditors admin', 'by design: the yearly audit (03.11.-14.11.) reads staging; do not remove', '2026-12-05');
    expect(v.reasons.join('\n')).not.toMatch(/with an end of its own/);
    expect(v.suggested === 'backfill').toBe(false);
  });
});

describe('a window of two days ends on its last day', () => {
  it.each([
    ['window 02.11.-13.11., remove after', '2026-11-13'],
    ['vom 2.11. bis 13.11.', '2026-11-13'],
    ['2026-11-02 to 2026-11-13', '2026-11-13'],
    ['Nov 2 - Nov 13', '2026-11-13'],
  ])('%s', (text, end) => {
    expect(readDeadline(text, '2026-10-30T10:00:00Z').date).toBe(end);
  });

  it('not a range of versions', () => {
    expect(readDeadline('works with 1.2-1.3', '2026-10-30T10:00:00Z').date).toBeUndefined();
  });
});
