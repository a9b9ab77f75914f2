import { describe, expect, it } from 'vitest';
import { readText } from '../../src/parse/read.js';
import { readConfig } from '../../src/sources/repo/config-file.js';
import { repoWithFiles } from '../support/repo.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: app
          image: registry.example/checkout:1.4.2
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
          resources:
            limits: {cpu: "1"}
`;

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: payment-config
data:
  PAYMENT_GATEWAY_TIMEOUT_MS: "3000"
  application.properties: |
    a=1
`;

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: ${Buffer.from('hunter2-s3cret').toString('base64')}
stringData:
  token: plain-token-value
`;

describe('Kubernetes manifest reader', () => {
  it('flattens ConfigMap data, workload containers and replicas as <Kind>/<name>.<path>', async () => {
    const { values } = await readText(`${CONFIGMAP}---\n${DEPLOYMENT}`, 'k8s/app.yaml', 'yaml');
    expect(Object.fromEntries([...values].map(([k, v]) => [k, v.text]))).toEqual({
      'ConfigMap/payment-config.data.PAYMENT_GATEWAY_TIMEOUT_MS': '3000',
      'ConfigMap/payment-config.data["application.properties"]': 'a=1\n',
      'Deployment/checkout.replicas': '3',
      'Deployment/checkout.containers[name=app].image': 'registry.example/checkout:1.4.2',
      'Deployment/checkout.containers[name=app].env[name=LOG_LEVEL].value': 'info',
      'Deployment/checkout.containers[name=app].env[name=DB_PASSWORD].valueFrom.secretKeyRef.name': 'db',
      'Deployment/checkout.containers[name=app].env[name=DB_PASSWORD].valueFrom.secretKeyRef.key': 'password',
      'Deployment/checkout.containers[name=app].resources.limits.cpu': '1',
    });
    expect(values.get('Deployment/checkout.containers[name=app].env[name=LOG_LEVEL].value')!.location).toMatchObject({ line: 23, column: 22 });
  });

  it('never exposes Secret values: data and stringData become fingerprints', async () => {
    const { values } = await readText(SECRET, 'k8s/secret.yaml', 'yaml');
    const password = values.get('Secret/db.data.password')!;
    expect(password.type).toBe('secret');
    expect(password.text).toMatch(/^secret:[0-9a-f]{12} \(14 bytes\)$/);
    const all = JSON.stringify([...values]);
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain(Buffer.from('hunter2-s3cret').toString('base64'));
    expect(all).not.toContain('plain-token-value');
    // Same bytes, same fingerprint within a run, so two environments still compare.
    const again = await readText(SECRET, 'other.yaml', 'yaml');
    expect(again.values.get('Secret/db.data.password')!.text).toBe(password.text);
  });

  it('reads the settings an object keeps beside its metadata (a StorageClass, a KongPlugin), not only spec and data', async () => {
    // A KongPlugin's config (rate limits, CORS origins) sat outside spec and was never compared.
    const plugin = [
      'apiVersion: configuration.konghq.com/v1',
      'kind: KongPlugin',
      'metadata:',
      '  name: rate-limit',
      '  annotations: {kubernetes.io/ingress.class: kong}',
      'plugin: rate-limiting',
      'config:',
      '  minute: 600',
      '  policy: local',
      '',
    ].join('\n');
    const storage = [
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata: {name: fast}',
      'provisioner: ebs.csi.aws.com',
      'reclaimPolicy: Retain',
      'parameters: {type: gp3, iops: "6000"}',
      'status: {}',
      '',
    ].join('\n');
    const { values } = await readText(`${plugin}---\n${storage}`, 'k8s/edge.yaml', 'yaml');
    expect(Object.fromEntries([...values].map(([k, v]) => [k, v.text]))).toEqual({
      'KongPlugin/rate-limit.metadata.annotations["kubernetes.io/ingress.class"]': 'kong',
      'KongPlugin/rate-limit.plugin': 'rate-limiting',
      'KongPlugin/rate-limit.config.minute': '600',
      'KongPlugin/rate-limit.config.policy': 'local',
      'StorageClass/fast.provisioner': 'ebs.csi.aws.com',
      'StorageClass/fast.reclaimPolicy': 'Retain',
      'StorageClass/fast.parameters.type': 'gp3',
      'StorageClass/fast.parameters.iops': '6000',
    });
    expect(values.get('KongPlugin/rate-limit.config.minute')!.location).toMatchObject({ line: 8 });
    // A kustomization read as a file lists what to build: no settings.
    const kustomization = await readText(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base]\nnamePrefix: prod-\n',
      'k.yaml',
      'yaml',
    );
    expect([...kustomization.values.keys()]).toEqual([]);
  });

  it('unpacks a v1 List', async () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    data: {K: v}\n`;
    const { values } = await readText(list, 'list.yaml', 'yaml');
    expect(values.get('ConfigMap/a.data.K')).toMatchObject({ text: 'v', location: { line: 7 } });
  });

  it('reads a Kustomize overlay directory so two overlays compare key by key', async () => {
    const overlay = (env: string, tag: string, timeout: string, replicas: number) => ({
      [`overlays/${env}/kustomization.yaml`]: [
        'resources: [../../base]',
        'images:',
        '  - name: registry.example/checkout',
        `    newTag: "${tag}"`,
        'configMapGenerator:',
        '  - name: payment-config',
        '    literals:',
        `      - PAYMENT_GATEWAY_TIMEOUT_MS=${timeout}`,
        '    envs: [extra.env]',
        'patches:',
        '  - path: replicas.yaml',
        '',
      ].join('\n'),
      [`overlays/${env}/extra.env`]: `REGION=${env}-eu\n`,
      [`overlays/${env}/replicas.yaml`]: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: checkout}\nspec:\n  replicas: ${replicas}\n`,
    });
    const repo = await repoWithFiles({ ...overlay('staging', '1.5.0', '10000', 2), ...overlay('production', '1.4.2', '3000', 6) });
    const staging = await readConfig(repo, 'overlays/staging');
    const production = await readConfig(repo, 'overlays/production');
    expect([...staging.values.keys()].sort()).toEqual([...production.values.keys()].sort());
    expect(Object.fromEntries([...production.values].map(([k, v]) => [k, v.text]))).toEqual({
      'Kustomization.images[name=registry.example/checkout].newTag': '1.4.2',
      'ConfigMap/payment-config.data.REGION': 'production-eu',
      'ConfigMap/payment-config.data.PAYMENT_GATEWAY_TIMEOUT_MS': '3000',
      'Deployment/checkout.replicas': '6',
    });
    expect(production.values.get('ConfigMap/payment-config.data.REGION')!.location).toMatchObject({ file: 'overlays/production/extra.env', line: 1 });
    expect(production.values.get('ConfigMap/payment-config.data.PAYMENT_GATEWAY_TIMEOUT_MS')!.location).toMatchObject({
      file: 'overlays/production/kustomization.yaml',
      line: 8,
    });
  });
});

describe('a manifest directory with a broken file', () => {
  it('names the file and line instead of failing inside', async () => {
    const repo = await repoWithFiles({ 'overlays/prod/cm.json': '{"apiVersion": "v1", "kind": "ConfigMap",\n  "data": {"A": "1",,}}\n' });
    await expect(readConfig(repo, 'overlays/prod')).rejects.toThrow(/^overlays\/prod\/cm\.json:2:\d+: invalid YAML: /);
  });
});
