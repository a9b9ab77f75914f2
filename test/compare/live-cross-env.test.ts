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
