import { describe, expect, it } from 'vitest';
import { compareEnvironments } from '../../src/compare/compare.js';
import { withLiveValues } from '../../src/compare/live.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { LiveState, Snapshot, Value } from '../../src/model/types.js';

const repo = (text: string, line: number): Value => ({ text, type: 'string', location: { file: 'f.yaml', line, column: 1 } });

const snapshot: Snapshot = {
  repo: '/repo',
  environments: ['staging', 'production'],
  promotion: ['staging', 'production'],
  envs: new Map([
    ['staging', { env: 'staging', files: [], warnings: [], values: new Map([['TIMEOUT_MS', repo('10000', 1)]]) }],
    ['production', { env: 'production', files: [], warnings: [], values: new Map([['TIMEOUT_MS', repo('3000', 1)]]) }],
  ]),
  live: new Map<string, LiveState>([
    [
      'production',
      {
        env: 'production',
        status: 'ok',
        source: 'snapshot live',
        artifacts: [],
        warnings: [],
        values: new Map([
          [
            'TIMEOUT_MS',
            {
              text: '10000',
              type: 'string',
              location: { source: 'snapshot live', kind: 'ConfigMap', name: 'app', fieldPath: '.data.TIMEOUT_MS' },
              provenance: { manager: 'kubectl-edit', operation: 'Update', time: '2026-07-14T00:10:00Z', exact: true, human: true, kind: 'human' },
            },
          ],
        ]),
      },
    ],
  ]),
};

describe('pipeline stages', () => {
  it('live values make new divergences: the compared ones stay as compare made them', () => {
    const contract = parseContract(yamlFileFromText('expected_differences: {}\n', 'c.yaml'), snapshot.environments);
    const { divergences: compared } = compareEnvironments(snapshot, contract, '2026-11-22');
    const before = structuredClone(compared);
    const withLive = withLiveValues(compared, snapshot);
    expect(compared).toEqual(before);
    expect(withLive[0]!.values.production).toMatchObject({ repo: '3000', live: '10000', liveSource: 'snapshot live: ConfigMap/app .data.TIMEOUT_MS' });
    expect(withLive[0]!.provenance?.production?.manager).toBe('kubectl-edit');
    expect(withLive[0]!.values.staging).toEqual(compared[0]!.values.staging);
  });
});
