// A permission row says which rules differ, each side's (verbs and resources added, removed), in
// scan JSON (`rules`, additive) and in explain; it said only which environment grants more.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startCluster } from '../support/cluster.js';
import { repoWithFiles } from '../support/repo.js';

const role = (name: string, rules: Array<{ resources: string[]; verbs: string[] }>) =>
  [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: Role',
    `metadata: {name: ${name}}`,
    'rules:',
    ...rules.map((r) => `  - {apiGroups: [""], resources: [${r.resources.join(', ')}], verbs: [${r.verbs.join(', ')}]}`),
    '',
  ].join('\n');

interface Row {
  key: string;
  kind: string;
  envs: string[];
  rules?: Array<{ env: string; than: string; added: string[]; removed: string[] }>;
}

describe("a permission row's rules", () => {
  it("between two environments' repo files: what each grants that the other does not, in JSON and explain", async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [k8s/staging/rbac.yaml]}\n  production: {files: [k8s/production/rbac.yaml]}\npromotion: [staging, production]\n',
      'k8s/staging/rbac.yaml': role('api', [
        { resources: ['configmaps'], verbs: ['get', 'list'] },
        { resources: ['pods'], verbs: ['delete', 'get'] },
      ]),
      'k8s/production/rbac.yaml': role('api', [
        { resources: ['configmaps'], verbs: ['get', 'list'] },
        { resources: ['pods'], verbs: ['get'] },
        { resources: ['secrets'], verbs: ['get', 'list'] },
      ]),
    });
    const json = await runCli(['scan', '-f', 'json', '--no-history'], { cwd: repo });
    const rows = (JSON.parse(json.stdout) as { divergences: Row[] }).divergences.filter((d) => d.kind === 'permission');
    expect(rows.map((d) => [d.key, d.envs])).toEqual([['Role/api', ['staging', 'production']]]);
    expect(rows[0]!.rules).toEqual([
      { env: 'staging', than: 'production', added: ['delete on pods'], removed: ['get, list on secrets'] },
      { env: 'production', than: 'staging', added: ['get, list on secrets'], removed: ['delete on pods'] },
    ]);
    const explained = await runCli(['explain', 'Role/api', '--no-history'], { cwd: repo });
    expect(explained.stdout).toContain('  rules in staging against production: added delete on pods · removed get, list on secrets\n');
    expect(explained.stdout).toContain('  rules in production against staging: added get, list on secrets · removed delete on pods\n');
  });

  it("live, through the Kubernetes API: a subject's grants per environment, and a live role against its repo definition", async () => {
    const { api, kubeconfig } = await startCluster({
      contexts: [
        { name: 'staging', namespace: 'pay-staging' },
        { name: 'prod', namespace: 'payments' },
      ],
    });
    const liveRole = (namespace: string, verbs: string[]) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'api', namespace },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs }],
    });
    for (const namespace of ['pay-staging', 'payments']) {
      api.create(
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'api', namespace },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'api' },
          subjects: [{ kind: 'ServiceAccount', name: 'api', namespace }],
        },
        { manager: 'helm', time: '2026-08-01T09:00:00Z' },
      );
      api.create(liveRole(namespace, ['get', 'list', 'watch']), { manager: 'helm', time: '2026-08-01T09:00:00Z' });
    }
    // Widened by hand for a heap dump, and `watch` taken away.
    api.update('Role', 'payments', 'api', (o) => Object.assign(o, { rules: liveRole('payments', ['create', 'get', 'list']).rules }), {
      manager: 'kubectl-edit',
      time: '2026-10-05T22:10:00Z',
    });
    const definition =
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: api}\nrules:\n  - {apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}\n---\n' +
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: api}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: api}\n' +
      'subjects: [{kind: ServiceAccount, name: api}]\n';
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging: {files: [k8s/staging/rbac.yaml], format: manifests, live: {kubernetes: {context: staging}}}',
        '  production: {files: [k8s/production/rbac.yaml], format: manifests, live: {kubernetes: {context: prod}}}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'k8s/staging/rbac.yaml': definition,
      'k8s/production/rbac.yaml': definition,
    });
    const env = { KUBECONFIG: kubeconfig };
    const json = await runCli(['scan', '-f', 'json', '--no-history'], { cwd: repo, env });
    const rows = (JSON.parse(json.stdout) as { divergences: Row[] }).divergences.filter((d) => d.kind === 'permission');
    const rules = (key: string) => rows.find((d) => d.key === key)?.rules;
    expect(rules('permissions[subject=ServiceAccount/api]')).toEqual([
      { env: 'staging', than: 'production', added: ['watch on secrets'], removed: ['create on secrets'] },
      { env: 'production', than: 'staging', added: ['create on secrets'], removed: ['watch on secrets'] },
    ]);
    expect(rules('Role/api')).toEqual([{ env: 'production', than: 'repo', added: ['create on secrets'], removed: ['watch on secrets'] }]);
    const explained = await runCli(['explain', 'Role/api', '--no-history'], { cwd: repo, env });
    expect(explained.stdout).toContain('  rules in production against its repo definition: added create on secrets · removed watch on secrets\n');
  });
});
