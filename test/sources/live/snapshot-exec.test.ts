import { writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readExec } from '../../../src/sources/live/exec.js';
import { readSnapshot } from '../../../src/sources/live/snapshot.js';
import { kindsListedBy, kindsListedInHeader } from '../../../src/sources/live/capture-header.js';
import { readKubernetes } from '../../../src/sources/live/kubernetes.js';
import { helmInstall, startCluster } from '../../support/cluster.js';
import { tempDir } from '../../support/repo.js';

const REFERENCE = new URL('../../../../shared/reference/configmap-helm-then-edit.json', import.meta.url);

describe('snapshot reader', () => {
  it('reads kubectl get -o json with managedFields (the researched Helm-then-edit ConfigMap)', async () => {
    const dir = await tempDir();
    const { readFile } = await import('node:fs/promises');
    const reference = await readFile(REFERENCE, 'utf8').catch(() => undefined);
    if (!reference) return; // shared/ is beside the project in CI and here; nothing to read elsewhere
    await writeFile(`${dir}/cm.json`, reference);
    const state = await readSnapshot(dir, 'production', { path: 'cm.json' });
    expect(state.status).toBe('ok');
    expect(state.values.get('PAYMENT_GATEWAY_TIMEOUT_MS')).toMatchObject({
      text: '15000',
      provenance: { manager: 'kubectl-edit', time: '2026-03-05T16:41:52Z', exact: false, human: true },
    });
    expect(state.values.get('LOG_LEVEL')!.provenance).toMatchObject({ manager: 'helm', kind: 'pipeline' });
  });

  it('reads a v1 List or several YAML documents, a directory, and KEY=VALUE env dumps; selection applies', async () => {
    const dir = await tempDir();
    await mkdir(`${dir}/live`);
    await writeFile(
      `${dir}/live/objects.yaml`,
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: app-config, labels: {app: pay}}',
        '    data: {A: "1"}',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: other}',
        '    data: {B: "2"}',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: kube-root-ca.crt}',
        '    data: {ca.crt: "---"}',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata: {name: db}',
        `data: {password: ${Buffer.from('s3cret').toString('base64')}}`,
        '',
      ].join('\n'),
    );
    await writeFile(`${dir}/live/pod-env.txt`, 'HOME=/root\nC=3\n');
    const all = await readSnapshot(dir, 'production', { path: 'live' });
    expect([...all.values.keys()].sort()).toEqual(['A', 'B', 'C', 'HOME']);
    expect(all.values.get('C')!.location).toMatchObject({ kind: 'EnvDump', name: 'live/pod-env.txt' });
    const picked = await readSnapshot(dir, 'production', { path: 'live/objects.yaml', configMaps: { selector: 'app=pay' }, secrets: ['db'], prefix: 'env.' });
    expect([...picked.values.keys()].sort()).toEqual(['env.A', 'env.password']);
    expect(picked.values.get('env.password')!.text).toMatch(/^secret:/);
    const missing = await readSnapshot(dir, 'production', { path: 'live/nope.yaml' });
    expect(missing).toMatchObject({ status: 'unavailable', reason: 'live/nope.yaml: no such file or directory' });
  });

  it("a namespace's limits are captured together: a snapshot holding a LimitRange tells that it holds no ResourceQuota", async () => {
    const dir = await tempDir();
    const limits =
      'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: LimitRange, metadata: {name: defaults, namespace: shop}, spec: {limits: []}}\n';
    await writeFile(`${dir}/limits.yaml`, limits);
    const state = await readSnapshot(dir, 'production', { path: 'limits.yaml' });
    expect(state.inventoryKinds).toEqual(expect.arrayContaining(['LimitRange', 'ResourceQuota']));
  });

  it('an empty list says none of the kinds it listed exists, where something names them; else it is unavailable, with the fix', async () => {
    const dir = await tempDir();
    const empty = 'apiVersion: v1\nkind: List\nitems: []\nmetadata:\n  resourceVersion: ""\n';
    await writeFile(`${dir}/headed.yaml`, `# kubectl get cronjobs -n shop -o yaml\n${empty}`);
    await writeFile(`${dir}/typed.json`, JSON.stringify({ apiVersion: 'batch/v1', kind: 'CronJobList', metadata: { resourceVersion: '8812' }, items: [] }));
    await writeFile(`${dir}/bare.yaml`, empty);
    const cases: Array<[string, { kinds?: string[] }]> = [
      ['headed.yaml', {}],
      ['typed.json', {}],
      ['bare.yaml', { kinds: ['CronJob'] }],
    ];
    for (const [path, config] of cases) {
      const state = await readSnapshot(dir, 'production', { path, ...config });
      expect(state, path).toMatchObject({ status: 'ok', objects: [] });
      expect(state.inventoryKinds, path).toContain('CronJob');
    }
    // Nothing names the kinds: an empty list cannot say what is absent.
    const bare = await readSnapshot(dir, 'production', { path: 'bare.yaml' });
    expect(bare.status).toBe('unavailable');
    expect(bare.reason).toMatch(/^bare\.yaml: an empty list, and nothing says which kinds it listed \(name them under kinds: in undrift\.yaml/);
  });

  it("judges the kinds a capture's head comment says its kubectl get listed, holding none of them (holdout-7/32)", async () => {
    const dir = await tempDir();
    const deployment =
      'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: fetcher, namespace: shop}, ' +
      'spec: {template: {spec: {containers: [{name: app, image: "fetcher:1"}]}}}}\n';
    const header = (command: string) => `# ${command}\n# (no NetworkPolicy exists in this namespace)\n${deployment}`;
    await writeFile(`${dir}/listed.yaml`, header('kubectl get deploy,networkpolicy,pdb -n shop -o yaml --show-managed-fields'));
    await writeFile(`${dir}/selected.yaml`, header('kubectl get deploy,networkpolicy -l app=fetcher -n shop -o yaml'));
    await writeFile(`${dir}/plain.yaml`, deployment);
    const kinds = async (file: string) => (await readSnapshot(dir, 'production', { path: file })).inventoryKinds;
    expect(await kinds('listed.yaml')).toEqual(expect.arrayContaining(['NetworkPolicy', 'PodDisruptionBudget']));
    // What is judged on the comment's word alone says where the word comes from (not Deployment: one is held).
    const command = 'kubectl get deploy,networkpolicy,pdb -n shop -o yaml --show-managed-fields';
    expect((await readSnapshot(dir, 'production', { path: 'listed.yaml' })).kindsListedBy).toEqual({ NetworkPolicy: command, PodDisruptionBudget: command });
    expect(await kinds('selected.yaml')).not.toContain('NetworkPolicy');
    expect(await kinds('plain.yaml')).not.toContain('NetworkPolicy');

    // Only a command that lists every object of its kinds as YAML or JSON says what is absent.
    expect(kindsListedBy('kubectl get networkpolicies.networking.k8s.io,quota,limits -A -oyaml')).toEqual(['LimitRange', 'NetworkPolicy', 'ResourceQuota']);
    expect(kindsListedBy('kubectl --context prod get netpol,ingresses --namespace=shop --output=json > live/prod.json')).toEqual(['Ingress', 'NetworkPolicy']);
    expect(kindsListedBy('kubectl get netpol deny-metadata -o yaml')).toBeUndefined(); // one object named
    expect(kindsListedBy('kubectl get netpol/deny-metadata -o yaml')).toBeUndefined();
    expect(kindsListedBy('kubectl get netpol --field-selector metadata.name=x -o yaml')).toBeUndefined();
    expect(kindsListedBy('kubectl get netpol -n shop')).toBeUndefined(); // a table, not this file
    expect(kindsListedBy('kubectl get netpol -o yaml | yq "del(.items[0])"')).toBeUndefined();
    expect(kindsListedBy('kubectl describe netpol -o yaml')).toBeUndefined();
    // Comments below the first line of content are not the file's head.
    expect(kindsListedInHeader(`${deployment}# kubectl get netpol -o yaml\n`).kinds).toEqual([]);
    expect(kindsListedInHeader('# captured 2026-12-02\n#   $ kubectl get pdb,svc -o yaml\n\napiVersion: v1\n')).toEqual({
      kinds: ['PodDisruptionBudget', 'Service'],
      commands: ['kubectl get pdb,svc -o yaml'],
      byKind: { PodDisruptionBudget: 'kubectl get pdb,svc -o yaml', Service: 'kubectl get pdb,svc -o yaml' },
    });
  });

  it('reads what real kubectl prints from the fake API server exactly as the Kubernetes reader reads the server', async (ctx) => {
    let kubectl = true;
    try {
      execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    } catch {
      kubectl = false;
    }
    if (!kubectl) return ctx.skip();
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', { TIMEOUT: '3000', LOG_LEVEL: 'warn' });
    api.update('ConfigMap', 'payments', 'payment-config', (cm) => ((cm.data as Record<string, string>).TIMEOUT = '10000'), {
      manager: 'kubectl-edit',
      time: '2026-03-05T16:41:52Z',
    });
    // Asynchronously: the fake server answers from this very process.
    const { execa } = await import('execa');
    const printed = (
      await execa(
        'kubectl',
        [
          '--kubeconfig',
          kubeconfig,
          '--context',
          'prod',
          '-n',
          'payments',
          'get',
          'configmap,deployment,pod',
          '-o',
          'yaml',
          '--show-managed-fields',
          '--request-timeout=20s',
        ],
        { timeout: 30_000 },
      )
    ).stdout;
    const dir = await tempDir();
    await writeFile(`${dir}/live.yaml`, printed);
    const fromKubectl = await readSnapshot(dir, 'production', { path: 'live.yaml' });
    const fromApi = await readKubernetes('/', 'production', { kubeconfig, context: 'prod' });
    const strip = (state: typeof fromApi) =>
      Object.fromEntries(
        [...state.values].map(([k, v]) => [k, { text: v.text, provenance: v.provenance, kind: v.location.kind, fieldPath: v.location.fieldPath }]),
      );
    expect(strip(fromKubectl)).toEqual(strip(fromApi));
    expect(fromKubectl.artifacts.map((a) => [a.key, a.image, a.digests])).toEqual(fromApi.artifacts.map((a) => [a.key, a.image, a.digests]));
    expect(fromKubectl.values.get('TIMEOUT')!.provenance).toMatchObject({ manager: 'kubectl-edit', exact: true });
  });
});

describe('exec reader (real child processes)', () => {
  const node = process.execPath;

  it('reads JSON, YAML or dotenv from a command’s standard output', async () => {
    const json = await readExec('/', 'production', { command: [node, '-e', 'console.log(JSON.stringify({db: {pool: 20}, flags: ["a"]}))'] });
    expect(json.status).toBe('ok');
    expect(Object.fromEntries([...json.values].map(([k, v]) => [k, v.text]))).toEqual({ 'db.pool': '20', flags: '["a"]' });
    expect(json.values.get('db.pool')!.location).toMatchObject({ kind: 'Command', fieldPath: 'db.pool' });
    const dotenv = await readExec('/', 'production', { command: [node, '-e', 'console.log("A=1\\nB=two")'] });
    expect(Object.fromEntries([...dotenv.values].map(([k, v]) => [k, v.text]))).toEqual({ A: '1', B: 'two' });
    const yaml = await readExec('/', 'production', { command: [node, '-e', 'console.log("a:\\n  b: 3")'], format: 'yaml', prefix: 'x.' });
    expect([...yaml.values.keys()]).toEqual(['x.a.b']);
  });

  it('reports a failing, missing or slow command as unavailable, with the reason', async () => {
    const failing = await readExec('/', 'production', { command: [node, '-e', 'console.error("vault: permission denied"); process.exit(3)'] });
    expect(failing).toMatchObject({ status: 'unavailable', reason: `${node} exited 3: vault: permission denied` });
    const missing = await readExec('/', 'production', { command: ['undrift-no-such-command'] });
    expect(missing.reason).toBe('command not found: undrift-no-such-command');
    const slow = await readExec('/', 'production', { command: [node, '-e', 'setTimeout(() => {}, 10000)'], timeout: 0.3 });
    expect(slow.reason).toMatch(/ timed out after 0\.3s/);
    const garbage = await readExec('/', 'production', { command: [node, '-e', 'console.log("{not json")'] });
    expect(garbage.status).toBe('unavailable');
    expect(garbage.reason).toMatch(/invalid JSON/);
  });
});
