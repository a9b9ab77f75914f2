import { describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';

// A key no repo file declares, compared live across environments: undeclared, or held to a
// contract entry, it is the same kind of divergence and carries the same facts (who wrote it).

const configMap = (sha: string, manager: string) =>
  [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: app-config',
    '  namespace: pay',
    '  managedFields:',
    `    - {manager: ${manager}, operation: Update, apiVersion: v1, time: "2026-07-14T00:31:05Z", fieldsType: FieldsV1, fieldsV1: {"f:data": {"f:BUILD_SHA": {}}}}`,
    `data: {LOG_LEVEL: warn, BUILD_SHA: "${sha}"}`,
    '',
  ].join('\n');

const scanWith = async (contract: string): Promise<Scan> =>
  scanRepository({
    repo: await repoWithFiles({
      'config/staging.yaml': 'LOG_LEVEL: warn\n',
      'config/production.yaml': 'LOG_LEVEL: warn\n',
      'live/staging.yaml': configMap('4f1c2e9', 'helm'),
      'live/production.yaml': configMap('0b7d311', 'kubectl-edit'),
      'undrift.yaml': [
        'environments:',
        '  staging: {files: config/staging.yaml, live: {snapshot: live/staging.yaml}}',
        '  production: {files: config/production.yaml, live: {snapshot: live/production.yaml}}',
        '',
      ].join('\n'),
      'config/expected-env-diff.yaml': contract,
    }),
    history: false,
  });

describe('live values compared across environments', () => {
  it('say who wrote each live value when the key breaks its contract entry, as when it is undeclared', async () => {
    const broken = await scanWith('expected_differences:\n  BUILD_SHA: {staging: "4f1c2e9", production: "4f1c2e9"}\n');
    const violation = broken.divergences.find((d) => d.key === 'BUILD_SHA' && d.kind === 'live-cross-env');
    expect(violation).toMatchObject({ declared: true, envs: ['production'], contract: { key: 'BUILD_SHA' } });
    expect(violation!.provenance).toMatchObject({ staging: { manager: 'helm' }, production: { manager: 'kubectl-edit', human: true } });
  });
});

describe('an object live in one environment, of a kind the other snapshot holds none of', () => {
  const quota = ['apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: staging-cost-cap, namespace: pay}', 'spec: {hard: {pods: "20"}}', ''].join('\n');
  const configFor = (production: string) =>
    [
      'environments:',
      '  staging: {files: config/staging.yaml, live: {snapshot: live/staging.yaml}}',
      `  production: {files: config/production.yaml, live: {snapshot: ${production}}}`,
      '',
    ].join('\n');
  let repo: string;
  const scan = async (config: string) =>
    scanRepository({
      repo: (repo ??= await repoWithFiles({
        'config/staging.yaml': 'LOG_LEVEL: warn\n',
        'config/production.yaml': 'LOG_LEVEL: warn\n',
        'live/staging.yaml': `${configMap('4f1c2e9', 'helm')}---\n${quota}`,
        'live/production.yaml': configMap('4f1c2e9', 'helm'),
        'undrift.yaml': configFor('live/production.yaml'),
        'listed.yaml': configFor('{path: live/production.yaml, kinds: [ConfigMap, resourcequota]}'),
        'wrong-kind.yaml': configFor('{path: live/production.yaml, kinds: [Quota]}'),
        'live/production-headed.yaml': `# kubectl get configmaps,resourcequotas -n pay -o yaml\n${configMap('4f1c2e9', 'helm')}`,
        'headed.yaml': configFor('live/production-headed.yaml'),
        'one.yaml': 'environments:\n  staging: {files: config/staging.yaml, live: {snapshot: live/staging.yaml}}\n',
      })),
      config,
      history: false,
    });

  it('is not judged absent, and the scan says so and how to say the capture listed the kind', async () => {
    const plain = await scan('undrift.yaml');
    expect(plain.divergences.filter((d) => d.key.startsWith('ResourceQuota/'))).toEqual([]);
    expect(plain.warnings).toContain(
      'production live: snapshot live/production.yaml holds no ResourceQuota, so ResourceQuota/staging-cost-cap (live in staging) is not compared there; ' +
        'if the capture listed ResourceQuotas, `kinds: [ResourceQuota]` under its snapshot in undrift.yaml says so ' +
        '(or a comment at the head of the file naming its command: `# kubectl get …`)',
    );
  });

  it('with the kinds the capture listed, its absence is judged: object-cross-env', async () => {
    const listed = await scan('listed.yaml');
    expect(listed.divergences.find((d) => d.key === 'ResourceQuota/staging-cost-cap')).toMatchObject({ kind: 'object-cross-env', envs: ['staging'] });
    expect(listed.warnings.filter((w) => w.includes('ResourceQuota'))).toEqual([]);
    // Said by the capture's own head comment: judged too, and the note says on whose word.
    const headed = (await scan('headed.yaml')).divergences.find((d) => d.key === 'ResourceQuota/staging-cost-cap');
    expect(headed).toMatchObject({ kind: 'object-cross-env', envs: ['staging'] });
    expect(headed!.notes).toContain(
      "production's capture holds no ResourceQuota; its head comment says it listed ResourceQuotas: `kubectl get configmaps,resourcequotas -n pay -o yaml`",
    );
    await expect(scan('wrong-kind.yaml')).rejects.toThrow(/wrong-kind\.yaml.*"Quota" is not a kind the inventory counts \(Deployment, /);
  });

  it('one environment: the scan says there is nothing to compare its files with, rather than that the environments agree', async () => {
    expect((await scan('one.yaml')).warnings).toContain(
      'one.yaml names one environment (staging): environments are compared with each other, so only its live state can differ from its files; name another under `environments:`',
    );
    expect((await scan('undrift.yaml')).warnings.filter((w) => w.includes('names one environment'))).toEqual([]);
  });
});
