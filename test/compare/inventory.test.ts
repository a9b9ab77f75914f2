import { describe, expect, it } from 'vitest';
import { compareInventory } from '../../src/compare/inventory.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Divergence, InventoryObject, Snapshot } from '../../src/model/types.js';
import { inventoryObject, inventoryOf } from '../../src/sources/live/inventory.js';
import { divergenceJson } from '../../src/report/json.js';
import { renderExplanation } from '../../src/report/explain.js';
import { PLAIN } from '../../src/report/style.js';
import { readKubernetes } from '../../src/sources/live/kubernetes.js';
import type { FakeKubeApi } from '../support/fake-kube-api.js';
import { startCluster } from '../support/cluster.js';
import { repoWithFiles } from '../support/repo.js';
import { scanRepository } from '../../src/engine.js';
import { renderTable } from '../../src/report/table.js';
import { validateDecision } from '../../src/actions/plan.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const TODAY = '2026-11-22';
const ENVS = ['staging', 'production'];
const contract = (text = '{}') => parseContract(yamlFileFromText(`expected_differences: ${text}\n`, 'config/expected-env-diff.yaml'), ENVS);
const READ = ['get', 'list', 'watch'];

function role(name: string, verbs: string[], resources = ['secrets'], apiGroups = ['']) {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace: 'payments' }, rules: [{ apiGroups, resources, verbs }] };
}
function binding(kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, roleRef: string, subjects: Array<[string, string]>) {
  const [refKind, refName] = roleRef.split('/') as [string, string];
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name, ...(kind === 'RoleBinding' ? { namespace: 'payments' } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: refKind, name: refName },
    subjects: subjects.map(([k, n]) => ({
      kind: k,
      name: n,
      ...(k === 'ServiceAccount' ? { namespace: 'payments' } : { apiGroup: 'rbac.authorization.k8s.io' }),
    })),
  };
}
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'payment-service', namespace: 'payments' },
  spec: { selector: { matchLabels: { app: 'p' } }, template: { metadata: { labels: { app: 'p' } }, spec: { containers: [{ name: 'app', image: 'p:1' }] } } },
};

function common(api: FakeKubeApi) {
  api.create(deployment, { manager: 'helm' });
  api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api', namespace: 'payments' } }, { manager: 'helm' });
  api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'payments' } }, { manager: 'kube-controller-manager' });
  api.create(
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'payments' }, data: { 'ca.crt': 'x' } },
    { manager: 'kube-controller-manager' },
  );
  api.create(binding('RoleBinding', 'api', 'Role/api', [['ServiceAccount', 'api']]), { manager: 'helm' });
  api.create(
    { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: 'payments' }, spec: { limits: [{ type: 'Container' }] } },
    { manager: 'helm' },
  );
}

async function clusters() {
  const staging = await startCluster({ contexts: [{ name: 'staging', namespace: 'payments' }] });
  const production = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
  common(staging.api);
  common(production.api);
  staging.api.create(role('api', READ), { manager: 'helm' });
  const contractor = binding('RoleBinding', 'contractor', 'Role/api', [['User', 'contractor@ext.example']]);
  Object.assign(contractor.metadata, {
    annotations: { 'undrift.example/reason': 'temporary, INC-12', 'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"RoleBinding"}' },
  });
  staging.api.create(contractor, { manager: 'kubectl-create', time: '2026-09-01T10:00:00Z' });
  // Deployed read-only by helm, then widened by hand.
  const helmRole = role('api', READ);
  Object.assign(helmRole.metadata, { labels: { 'app.kubernetes.io/managed-by': 'Helm' } });
  production.api.create(helmRole, { manager: 'helm', time: '2026-08-01T09:00:00Z' });
  production.api.update(
    'Role',
    'payments',
    'api',
    (o) => {
      o.rules = role('api', ['create', 'delete', 'patch', ...READ]).rules;
    },
    { manager: 'kubectl-edit', time: '2026-10-05T22:10:00Z' },
  );
  production.api.create(
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'node-admin' },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['*'] }],
    },
    { manager: 'kubectl-create', time: '2026-10-02T03:04:05Z' },
  );
  production.api.create(binding('ClusterRoleBinding', 'break-glass', 'ClusterRole/cluster-admin', [['User', 'oncall@example.com']]), {
    manager: 'kubectl-create',
    time: '2026-10-03T02:00:00Z',
  });
  production.api.create(
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backfill', namespace: 'payments' },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'job', image: 'b:1' }] } } } } },
    },
    { manager: 'kubectl-create', time: '2026-10-04T00:00:00Z' },
  );
  // A grant is a grant whatever object carries it: a hand-made binding of the built-in `edit`
  // (not read: built-in roles are not counted) and a long-lived ServiceAccount token made by hand;
  // the token the legacy controller made for `api` is the cluster's own.
  production.api.create(binding('RoleBinding', 'dev-edit', 'ClusterRole/edit', [['User', 'dev@example.com']]), {
    manager: 'kubectl-create',
    time: '2026-10-07T11:00:00Z',
  });
  const token = (name: string, account: string) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: { name, namespace: 'payments', annotations: { 'kubernetes.io/service-account.name': account } },
  });
  production.api.create(token('ci-token', 'api'), { manager: 'kubectl-create', time: '2026-10-08T12:00:00Z' });
  production.api.create(token('api-token-x7k2p', 'api'), { manager: 'kube-controller-manager' });
  staging.api.create(token('api-token-b9m4q', 'api'), { manager: 'kube-controller-manager' });
  // A quota that guards production's capacity, made by hand: an object like any other.
  production.api.create(
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'payments' }, spec: { hard: { 'requests.cpu': '40' } } },
    { manager: 'kubectl-create', time: '2026-10-06T08:00:00Z' },
  );
  // Made by the CronJob's controller: never counted.
  production.api.create(
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'backfill-2911',
        namespace: 'payments',
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'backfill', uid: 'u', controller: true }],
      },
      spec: { template: { spec: { containers: [{ name: 'job', image: 'b:1' }] } } },
    },
    { manager: 'kube-controller-manager' },
  );
  return {
    staging: staging.api,
    production: production.api,
    read: () =>
      Promise.all([
        readKubernetes('/', 'staging', { kubeconfig: staging.kubeconfig, context: 'staging', clusterRbac: true }),
        readKubernetes('/', 'production', { kubeconfig: production.kubeconfig, context: 'prod', clusterRbac: true }),
      ]),
  };
}

function snapshotOf(states: Awaited<ReturnType<Awaited<ReturnType<typeof clusters>>['read']>>, repoObjects?: Map<string, InventoryObject[]>): Snapshot {
  return {
    repo: '/repo',
    environments: ENVS,
    promotion: ENVS,
    envs: new Map(ENVS.map((env) => [env, { env, files: [], values: new Map(), warnings: [] }])),
    live: new Map(states.map((s) => [s.env, s])),
    ...(repoObjects ? { repoObjects } : {}),
  };
}
const summary = (ds: Divergence[]) => ds.map((d) => [d.kind, d.key, d.envs.join(',')]);

describe('object inventory and permissions (real client-node against the fake API server)', () => {
  it('finds objects in one environment only, what one environment grants beyond another, wildcards and cluster-admin bindings, with who made them', async () => {
    const c = await clusters();
    const states = await c.read();
    expect(states.map((s) => s.status)).toEqual(['ok', 'ok']);
    const found = compareInventory(snapshotOf(states), contract(), TODAY);
    const note = (key: string) => found.find((d) => d.kind === 'permission' && d.key === key)!.notes;
    // Roles, bindings and tokens present in some environments are grants there (one row each,
    // about where they grant), not objects like a CronJob.
    expect(summary(found).sort()).toEqual(
      [
        ['object-cross-env', 'CronJob/backfill', 'production'],
        ['object-cross-env', 'ResourceQuota/compute', 'production'],
        ['permission', 'ClusterRole/node-admin', 'production'],
        ['permission', 'ClusterRoleBinding/break-glass', 'production'],
        ['permission', 'RoleBinding/contractor', 'staging'],
        ['permission', 'RoleBinding/dev-edit', 'production'],
        ['permission', 'Secret/ci-token', 'production'],
        ['permission', 'permissions[subject=ServiceAccount/api]', 'production'],
        ['permission', 'permissions[subject=User/contractor@ext.example]', 'staging'],
        ['permission', 'permissions[subject=User/dev@example.com]', 'production'],
        ['permission', 'permissions[subject=User/oncall@example.com]', 'production'],
      ].sort(),
    );
    expect(note('RoleBinding/dev-edit')).toContain('in production, it binds ClusterRole/edit to User/dev@example.com (whatever ClusterRole/edit grants)');
    // Live Secrets come as names and types only: the account is not known, the token is a grant all the same.
    expect(note('Secret/ci-token').join('\n')).toContain('in production, it holds a long-lived ServiceAccount token (which account is not read');
    expect(note('permissions[subject=ServiceAccount/api]')).toEqual([
      'production grants create, delete, patch on secrets to ServiceAccount api; staging does not',
    ]);
    expect(note('permissions[subject=User/contractor@ext.example]')).toEqual([
      'staging grants get, list, watch on secrets to User contractor@ext.example; production does not',
    ]);
    expect(note('ClusterRoleBinding/break-glass')).toEqual([
      'ClusterRoleBinding/break-glass exists in production (created by kubectl-create (by hand) at 2026-10-03T02:00:00Z); not in staging',
      'in production, it binds ClusterRole/cluster-admin to User/oncall@example.com (whatever ClusterRole/cluster-admin grants)',
      "production's ClusterRoleBinding/break-glass binds cluster-admin to User/oncall@example.com, created by kubectl-create (by hand) at 2026-10-03T02:00:00Z",
    ]);
    expect(note('ClusterRole/node-admin').slice(-1)).toEqual([
      "production's ClusterRole/node-admin grants * on nodes (a wildcard), created by kubectl-create (by hand) at 2026-10-02T03:04:05Z",
    ]);
    expect(found.find((d) => d.key === 'CronJob/backfill')!.provenance!.production).toMatchObject({
      manager: 'kubectl-create',
      human: true,
      time: '2026-10-04T00:00:00Z',
    });

    // One LIST per kind per namespace (two cluster-wide), never a GET per object.
    const requests = c.production.requests.filter((r) => r.method === 'GET');
    expect(requests.every((r) => r.query.limit === '500')).toBe(true);
    const paths = requests.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(20); // 17 kinds + pods in the namespace, ClusterRoles, ClusterRoleBindings

    // The contract declares objects expected in one environment only.
    const declared = compareInventory(
      snapshotOf(states),
      contract('{CronJob/backfill: {production: any}, "permissions[subject=User/contractor@ext.example]": {staging: any}}'),
      TODAY,
    );
    expect(summary(declared).map(([, key]) => key)).not.toContain('CronJob/backfill');
    expect(summary(declared).map(([, key]) => key)).not.toContain('permissions[subject=User/contractor@ext.example]');
    // An entry saying production holds nothing (`~`), by name or by a glob, expects the object absent
    // there: the one running is still reported, not declared (holdout-21/28's writer hid a hand-made
    // CronJob's row with `"CronJob/loadgen*": {staging: any, prod: ~}`).
    for (const absent of ['{CronJob/backfill: {staging: any, production: ~}}', '{"CronJob/back*": {staging: any, production: ~}}']) {
      expect(summary(compareInventory(snapshotOf(states), contract(absent), TODAY))).toContainEqual(['object-cross-env', 'CronJob/backfill', 'production']);
    }
  });

  it('says who granted each permission and when: the bindings and roles, who made them, who last wrote what they grant, their annotations (JSON and explain)', async () => {
    const c = await clusters();
    const found = compareInventory(snapshotOf(await c.read()), contract(), TODAY);
    const row = (key: string) => found.find((d) => d.kind === 'permission' && d.key === key)!;
    expect(row('permissions[subject=ServiceAccount/api]').grantedBy).toEqual({
      production: [
        {
          object: 'RoleBinding/api',
          role: 'Role/api',
          subjects: ['ServiceAccount/api'],
          createdBy: expect.objectContaining({ manager: 'helm' }),
          createdAt: expect.any(String),
          grantWrittenBy: expect.objectContaining({ manager: 'helm' }),
        },
        {
          object: 'Role/api',
          createdBy: expect.objectContaining({ manager: 'helm' }),
          createdAt: '2026-08-01T09:00:00Z',
          grantWrittenBy: expect.objectContaining({ manager: 'kubectl-edit', human: true, time: '2026-10-05T22:10:00Z', exact: true }),
        },
      ],
    });
    const contractor = row('permissions[subject=User/contractor@ext.example]');
    expect(contractor.grantedBy!.staging![0]).toEqual({
      object: 'RoleBinding/contractor',
      role: 'Role/api',
      subjects: ['User/contractor@ext.example'],
      createdBy: expect.objectContaining({ manager: 'kubectl-create', human: true }),
      createdAt: '2026-09-01T10:00:00Z',
      grantWrittenBy: expect.objectContaining({ manager: 'kubectl-create' }),
      annotations: { 'undrift.example/reason': 'temporary, INC-12' },
    });
    expect(row('ClusterRoleBinding/break-glass').grantedBy).toEqual({
      production: [expect.objectContaining({ object: 'ClusterRoleBinding/break-glass', role: 'ClusterRole/cluster-admin', createdAt: '2026-10-03T02:00:00Z' })],
    });
    expect(row('ClusterRole/node-admin').grantedBy!.production![0]).toMatchObject({ object: 'ClusterRole/node-admin', createdAt: '2026-10-02T03:04:05Z' });
    // The public JSON carries it as it is.
    expect(JSON.parse(JSON.stringify(divergenceJson(contractor))).grantedBy).toEqual(JSON.parse(JSON.stringify(contractor.grantedBy)));
    const text = renderExplanation({ key: contractor.key, values: {}, history: {}, divergences: [contractor] }, PLAIN);
    expect(text).toContain(
      'granted in staging by RoleBinding/contractor (binds Role/api): created 2026-09-01T10:00:00Z by kubectl-create ' +
        '(by hand); what it grants last written by kubectl-create (by hand, Update) at or before 2026-09-01T10:00:00Z; ' +
        'annotations: undrift.example/reason="temporary, INC-12"',
    );
    expect(renderExplanation({ key: 'k', values: {}, history: {}, divergences: [row('permissions[subject=ServiceAccount/api]')] }, PLAIN)).toContain(
      'granted in production by Role/api: created 2026-08-01T09:00:00Z by helm (a deploy); what it grants last written by kubectl-edit (by hand, Update) at 2026-10-05T22:10:00Z',
    );
  });

  it("compares the repo's objects with live: an object live with no definition, one defined and absent, a role granting more than its repo definition", async () => {
    const c = await clusters();
    const states = await c.read();
    const repo = (file: string, objects: object[]) => objects.map((o) => inventoryObject(o as Record<string, unknown> & { kind: string }, file));
    const repoObjects = new Map([
      [
        'staging',
        repo('k8s/staging/all.yaml', [
          deployment,
          role('api', READ),
          { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api' } },
          binding('RoleBinding', 'api', 'Role/api', [['ServiceAccount', 'api']]),
          { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults' } },
        ]),
      ],
      [
        'production',
        repo('k8s/production/all.yaml', [
          deployment,
          role('api', READ),
          { apiVersion: 'v1', kind: 'Service', metadata: { name: 'payment-service' } },
          { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api' } },
          binding('RoleBinding', 'api', 'Role/api', [['ServiceAccount', 'api']]),
          { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults' } },
        ]),
      ],
    ]);
    const found = compareInventory(snapshotOf(states, repoObjects), contract(), TODAY).filter(
      (d) => d.kind !== 'object-cross-env' && !d.key.startsWith('permissions['),
    );
    // A hand-made role, binding or token is a grant (`permission`), whatever object carries it;
    // a hand-made CronJob or quota is an object.
    expect(summary(found).sort()).toEqual(
      [
        ['live-object', 'CronJob/backfill', 'production'],
        ['live-object', 'ResourceQuota/compute', 'production'],
        ['missing-live', 'Service/payment-service', 'production'],
        ['permission', 'ClusterRole/node-admin', 'production'],
        ['permission', 'ClusterRoleBinding/break-glass', 'production'],
        ['permission', 'Role/api', 'production'],
        ['permission', 'RoleBinding/contractor', 'staging'],
        ['permission', 'RoleBinding/dev-edit', 'production'],
        ['permission', 'Secret/ci-token', 'production'],
      ].sort(),
    );
    const row = (key: string) => found.find((d) => d.key === key)!;
    // Live in production only, too: one row, with both notes.
    expect(row('RoleBinding/dev-edit').notes.slice(0, 2)).toEqual([
      "RoleBinding/dev-edit exists in production (kubernetes prod/payments) with no definition in production's repo files: it binds ClusterRole/edit " +
        'to User/dev@example.com (whatever ClusterRole/edit grants); created by kubectl-create (by hand) at 2026-10-07T11:00:00Z',
      'RoleBinding/dev-edit exists in production (created by kubectl-create (by hand) at 2026-10-07T11:00:00Z); not in staging',
    ]);
    expect(row('RoleBinding/dev-edit').grantedBy!.production!.map((o) => o.object)).toEqual(['RoleBinding/dev-edit']);
    // One row per grant, with every note: no definition in the repo, and a binding of cluster-admin.
    expect(found.filter((d) => d.key === 'ClusterRoleBinding/break-glass')).toHaveLength(1);
    expect(row('ClusterRoleBinding/break-glass').notes.join('\n')).toContain("production's repo files: it binds ClusterRole/cluster-admin");
    expect(row('ClusterRoleBinding/break-glass').notes.join('\n')).toContain(
      "production's ClusterRoleBinding/break-glass binds cluster-admin to User/oncall@example.com",
    );
    expect(row('ClusterRole/node-admin').notes[0]).toContain('it grants * on nodes');
    // The widening is dated by the manager that owns the role's rules (kubectl edit), not by the
    // object's first managedFields entry (helm's deploy).
    expect(row('Role/api').provenance!.production).toMatchObject({ manager: 'kubectl-edit', human: true, time: '2026-10-05T22:10:00Z' });
    expect(found.find((d) => d.key === 'Role/api')!.notes).toEqual([
      "production's live Role/api grants create, delete, patch on secrets; its repo definition (k8s/production/all.yaml) does not",
    ]);
    expect(found.find((d) => d.key === 'CronJob/backfill')!.notes[0]).toBe(
      "CronJob/backfill exists in production (kubernetes prod/payments), created by kubectl-create (by hand) at 2026-10-04T00:00:00Z; production's repo files define no such object",
    );
  });

  it('a 403 on one kind: the source is partly read, the refused permission named, and that kind is not judged absent', async () => {
    const c = await clusters();
    c.production.forbid('list', 'rolebindings', 'payments');
    const states = await c.read();
    expect(states[1]).toMatchObject({
      status: 'partial',
      unread: [
        {
          kind: 'RoleBinding',
          reason: expect.stringContaining('forbidden (403): not allowed to list rolebindings.rbac.authorization.k8s.io in namespace "payments"'),
        },
      ],
    });
    expect(states[1].values.size + states[1].artifacts.length).toBeGreaterThan(0);
    const found = compareInventory(snapshotOf(states), contract(), TODAY);
    // Staging's contractor binding is not "absent in production": production's bindings were not read.
    expect(summary(found).map(([, key]) => key)).not.toContain('RoleBinding/contractor');
    expect(summary(found).some(([, key]) => String(key).startsWith('permissions['))).toBe(false);
  });
});

describe("generated ConfigMaps and Secrets (a Kustomize generator's hashed names)", () => {
  it('meet across environments by their base name, whatever build each runs; other names are compared as they are', async () => {
    const staging = await startCluster({ contexts: [{ name: 'staging', namespace: 'payments' }] });
    const production = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'payments' }, data: { LOG_LEVEL: name } });
    staging.api.create(configMap('app-config-7h2f9k5m4t'), { manager: 'kubectl-client-side-apply' });
    // Production runs another build, and an older build's ConfigMap is still there.
    production.api.create(configMap('app-config-b8d6k2g9c4'), { manager: 'kubectl-client-side-apply' });
    production.api.create(configMap('app-config-m289mc546f'), { manager: 'kubectl-client-side-apply' });
    staging.api.create(
      { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'db-creds-9k7f6m2t4h', namespace: 'payments' }, data: { PASSWORD: 'eA==' } },
      { manager: 'kubectl-client-side-apply' },
    );
    production.api.create(
      { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'db-creds-2c4d5f6g7h', namespace: 'payments' }, data: { PASSWORD: 'eQ==' } },
      { manager: 'kubectl-client-side-apply' },
    );
    // Not a generator's suffix (vowels; nine characters; not a ConfigMap): compared by name.
    staging.api.create(configMap('settings-abcdefghij'), { manager: 'helm' });
    staging.api.create(configMap('flags-7h2f9k5m4'), { manager: 'helm' });
    staging.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'worker-7h2f9k5m4t', namespace: 'payments' } }, { manager: 'helm' });
    const states = await Promise.all([
      readKubernetes('/', 'staging', { kubeconfig: staging.kubeconfig, context: 'staging' }),
      readKubernetes('/', 'production', { kubeconfig: production.kubeconfig, context: 'prod' }),
    ]);
    const found = compareInventory(snapshotOf(states), contract(), TODAY);
    expect(summary(found).sort()).toEqual([
      ['object-cross-env', 'ConfigMap/flags-7h2f9k5m4', 'staging'],
      ['object-cross-env', 'ConfigMap/settings-abcdefghij', 'staging'],
      ['object-cross-env', 'ServiceAccount/worker-7h2f9k5m4t', 'staging'],
    ]);
  });
});

describe('ServiceAccount token Secrets (a snapshot, with or without managedFields)', () => {
  const token = (name: string, managedFields?: object[]) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: { name, namespace: 'ci', annotations: { 'kubernetes.io/service-account.name': 'deployer' }, ...(managedFields ? { managedFields } : {}) },
  });
  const entry = (manager: string) => ({ manager, operation: 'Update', time: '2026-10-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:type': {} } });
  it("counts a token someone made as a grant of its account; the cluster's own tokens are not counted", () => {
    const names = inventoryOf(
      [
        token('deployer-token-x7k2p'), // the legacy controller's name, nothing says who made it
        token('deployer-token-x7k2p-2', [entry('kube-controller-manager')]),
        token('deployer-long-lived', [entry('kubectl-client-side-apply')]),
        token('deployer-token-b9m4q', [entry('kubectl-create')]), // named like the controller's, made by hand
        token('ci-key'), // a name the controller never gives
      ],
      'snapshot live/ci.yaml',
    ).map((o) => [o.name, o.tokenFor]);
    expect(names).toEqual([
      ['deployer-long-lived', 'ServiceAccount/deployer'],
      ['deployer-token-b9m4q', 'ServiceAccount/deployer'],
      ['ci-key', 'ServiceAccount/deployer'],
    ]);
  });
});

describe("what the environments' files grant, compared without live state (a pull request's scan)", () => {
  it('reports a role granting more, a binding of another role, and a grant defined in some environments only; files naming no grants are not compared', async () => {
    const rbac = (verbs: string, bindTo: string, extra = '') =>
      [
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: api}\nrules:\n  - apiGroups: [""]\n    resources: [secrets]\n' +
          `    verbs: [${verbs}]\n`,
        `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: api}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${bindTo}}\n` +
          'subjects:\n  - {kind: ServiceAccount, name: api}\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {LEVEL: info}\n',
        ...(extra ? [extra] : []),
      ].join('---\n');
    const contractorEdit =
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: contractor}\n' +
      'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\nsubjects:\n  - {kind: User, name: vendor@ext.example}\n';
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  dev: {files: [config/dev.yaml]}\n  staging: {files: [k8s/staging]}\n  production: {files: [k8s/production]}\n' +
        'promotion: [dev, staging, production]\n',
      'config/dev.yaml': 'LEVEL: info\n',
      'k8s/staging/all.yaml': rbac('get, list', 'Role, name: api'),
      'k8s/production/all.yaml': rbac('get, list, delete', 'ClusterRole, name: admin', contractorEdit),
    });
    const scan = await scanRepository({ repo, history: false, live: false, today: TODAY });
    const rows = scan.divergences.filter((d) => d.kind === 'permission');
    expect(rows.map((d) => [d.key, d.envs.join(',')])).toEqual([
      ['Role/api', 'production'],
      ['RoleBinding/api', 'staging,production'],
      ['RoleBinding/contractor', 'production'],
    ]);
    const row = (key: string) => rows.find((d) => d.key === key)!;
    expect(row('Role/api').notes).toEqual(["production's repo Role/api (k8s/production/all.yaml) grants delete on secrets; staging's does not"]);
    expect(row('Role/api').values.production).toMatchObject({ repo: 'delete, get, list on secrets', live: null, at: { file: 'k8s/production/all.yaml' } });
    expect(row('RoleBinding/api').notes).toContain(
      "production's repo RoleBinding/api (k8s/production/all.yaml) binds ClusterRole/admin to ServiceAccount/api; staging's binds Role/api to ServiceAccount/api",
    );
    expect(row('RoleBinding/contractor').notes).toEqual([
      "production's repo files define RoleBinding/contractor (k8s/production/all.yaml): it binds ClusterRole/edit to User/vendor@ext.example " +
        "(whatever ClusterRole/edit grants); staging's do not",
    ]);
    // The table shows what each file grants, not a live value that was not read.
    expect(renderTable(scan, PLAIN)).toMatch(/⚠ permission +Role\/api +— +get, list on secrets +delete, get,/);
    // Declared (what the verdict suggests), it is expected where it is; the declaration is not stale.
    const check = validateDecision(
      { key: 'RoleBinding/contractor', divergence: row('RoleBinding/contractor').id, action: 'declare', reason: 'vendor support until the audit' },
      scan,
    );
    expect(check.ok && check.step.contract[0]).toMatchObject({ key: 'RoleBinding/contractor', allowed: { production: { text: 'any' } } });
    expect(check.ok && Object.keys(check.step.contract[0]!.allowed!)).toEqual(['production']);
    await writeFile(
      path.join(repo, 'config/expected-env-diff.yaml'),
      'expected_differences:\n  RoleBinding/contractor: {production: any, reason: vendor support}\n' +
        '  CronJob/settlement-backfill: {production: any, reason: made live and defined in no file}\n',
    );
    const again = await scanRepository({ repo, history: false, live: false, today: TODAY });
    expect(again.divergences.filter((d) => d.key === 'RoleBinding/contractor')).toEqual([]);
    // An object declared where no file defines it cannot be told gone without live state: not stale
    // (it was: "no environment has this key", undeclare 0.85 — removing a declaration still needed).
    expect(again.divergences.filter((d) => d.key === 'CronJob/settlement-backfill')).toEqual([]);
  });
});

describe('who created an object (managedFields hold when each manager last wrote, not when it first did)', () => {
  const entry = (manager: string, time: string, fields: Record<string, unknown>) => ({
    manager,
    operation: 'Update',
    apiVersion: 'v1',
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
  });
  const data = (...keys: string[]) => ({ 'f:data': Object.fromEntries(keys.map((k) => [`f:${k}`, {}])) });
  const configMap = (creationTimestamp: string | undefined, managedFields: unknown[]) => ({
    kind: 'ConfigMap',
    metadata: { name: 'payments-config', namespace: 'payments', ...(creationTimestamp ? { creationTimestamp } : {}), managedFields },
  });

  it('is the manager whose entry dates from the creation, not the oldest entry left after the creator wrote again', () => {
    // helm install (09:14), kubectl edit of one key (16:41), helm upgrade (later: helm's entry moves to then).
    const o = inventoryObject(
      configMap('2026-03-02T09:14:07Z', [
        entry('kubectl-edit', '2026-03-05T16:41:52Z', data('DEBUG_SQL')),
        entry('helm', '2026-04-10T08:00:00Z', data('A', 'B', 'C')),
      ]),
      'kubernetes',
    );
    expect(o.createdBy).toMatchObject({ manager: 'helm', human: false });
    const byHand = inventoryObject(
      configMap('2026-03-02T09:14:07Z', [
        entry('kubectl-create', '2026-03-02T09:14:07Z', data('A')),
        entry('helm', '2026-04-10T08:00:00Z', data('A', 'B', 'C')),
      ]),
      'kubernetes',
    );
    expect(byHand.createdBy).toMatchObject({ manager: 'kubectl-create', human: true });
  });

  it('without an entry from the creation (or a creation time), is the manager owning the most fields, the older on a tie', () => {
    const edits = [entry('kubectl-edit', '2026-03-05T16:41:52Z', data('DEBUG_SQL')), entry('argocd-controller', '2026-05-01T00:00:00Z', data('A', 'B'))];
    expect(inventoryObject(configMap(undefined, edits), 'kubernetes').createdBy).toMatchObject({ manager: 'argocd-controller' });
    const tie = [entry('helm', '2026-06-01T00:00:00Z', data('A')), entry('kubectl-edit', '2026-05-01T00:00:00Z', data('B'))];
    expect(inventoryObject(configMap('2026-01-01T00:00:00Z', tie), 'kubernetes').createdBy).toMatchObject({ manager: 'kubectl-edit' });
  });
});
