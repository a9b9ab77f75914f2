// A password committed in a values file is shown as a fingerprint everywhere, but a newcomer's trial
// (session 36) found nothing saying the repository holds it in plain text: git keeps it in every
// clone. The scan says where, once per place, and never the value.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { repoFromScenario } from '../support/repo.js';

const CONFIG =
  'environments:\n  staging: [chart/values.yaml, chart/values-staging.yaml]\n  production: [chart/values.yaml, chart/values-production.yaml]\n' +
  'promotion: [staging, production]\n';

async function warningsOf(files: Record<string, string>): Promise<string[]> {
  const repo = await repoFromScenario({
    commits: [{ at: '2026-11-02T09:00:00Z', author: 'ana', message: 'Add the chart values', write: { 'undrift.yaml': CONFIG, ...files } }],
  });
  return (await scanRepository({ repo, history: false, today: '2026-12-01' })).warnings;
}

describe('credentials written in plain text in the repository', () => {
  it('are named by key and place, a base file read by both environments once, and their values never', async () => {
    const warnings = await warningsOf({
      'chart/values.yaml': 'replicaCount: 2\npostgresql:\n  auth:\n    username: orders\n    password: Tr0ub4dor&3horse\n',
      'chart/values-staging.yaml': 'postgresql:\n  auth:\n    password: st4ging-only-pw!\nredis:\n  password: 123456\n',
      'chart/values-production.yaml': 'replicaCount: 4\n',
    });
    const line = warnings.find((w) => w.includes('plain text'));
    expect(line).toBe(
      "3 credentials are written in plain text in the repository's files: postgresql.auth.password (chart/values-staging.yaml:3), " +
        'redis.password (chart/values-staging.yaml:5), postgresql.auth.password (chart/values.yaml:5); undrift shows only ' +
        'fingerprints, but once committed git keeps the values in every clone: move them to a Secret or a secret store and rotate any that was committed',
    );
    expect(warnings.join('\n')).not.toMatch(/Tr0ub4dor|st4ging-only|123456/);
  });

  it('are not said of references, Secret names or plain settings', async () => {
    const warnings = await warningsOf({
      'chart/values.yaml':
        'postgresql:\n  auth:\n    existingSecret: orders-db-credentials\n    password: ${DB_PASSWORD}\n' + 'apiKeyHeader: X-Api-Key\nreplicaCount: 2\n',
      'chart/values-staging.yaml': 'logLevel: debug\n',
      'chart/values-production.yaml': 'logLevel: info\n',
    });
    expect(warnings.filter((w) => w.includes('plain text'))).toEqual([]);
  });

  it("a credential changed in one environment asks whether the other's needs rotating, never whether to copy it there", async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-10-02T09:00:00Z',
          author: 'ana',
          message: 'Add the chart values',
          write: {
            'undrift.yaml': CONFIG,
            'chart/values.yaml': 'postgresql:\n  auth:\n    password: Tr0ub4dor&3horse\n',
            'chart/values-staging.yaml': 'logLevel: debug\n',
            'chart/values-production.yaml': 'logLevel: info\n',
          },
        },
        {
          at: '2026-11-20T09:00:00Z',
          author: 'ben',
          message: 'staging DB password override',
          write: { 'chart/values-staging.yaml': 'logLevel: debug\npostgresql:\n  auth:\n    password: st4ging-only-pw!\n' },
        },
      ],
    });
    const scan = await scanRepository({ repo, historyCache: false, today: '2026-12-01' });
    const d = scan.divergences.find((x) => x.key === 'postgresql.auth.password')!;
    expect(d.verdict).toMatchObject({ suggested: 'declare', risk: 'secret' });
    expect(d.verdict!.question).toBe(
      "is staging's new postgresql.auth.password its own credential (declare: each environment keeps its own), or a rotation production " +
        "needs too (rotate production's in the secret store, never by copying staging's)?",
    );
    expect(JSON.stringify(d)).not.toMatch(/Tr0ub4dor|st4ging-only/);
  });
});
