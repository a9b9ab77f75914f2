import { describe, expect, it } from 'vitest';
import { repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';

// A newcomer's contract declared `LOG_LEVEL: {staging: debug, production: warn}` for a Helm chart
// whose values nest it as `env.LOG_LEVEL`. The scan showed `env.LOG_LEVEL` as undeclared drift and
// `LOG_LEVEL` as a stale declaration to remove "(0.85)", with nothing tying the two together:
// following the suggestion deletes the one declaration the team meant. Both rows now name the
// other, and removing the entry is no longer offered as sure.

const CONFIG =
  'environments:\n  staging: [charts/api/values.yaml, charts/api/values-staging.yaml]\n' +
  '  production: [charts/api/values.yaml, charts/api/values-production.yaml]\npromotion: [staging, production]\n';

async function scanOf(
  contract: string,
): Promise<{ divergences: { key: string; kind: string; notes: string[]; verdict: { confidence: number; summary?: string } }[] }> {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-11-02T09:00:00Z',
        author: 'ana',
        message: 'Add the api chart values',
        write: {
          'undrift.yaml': CONFIG,
          'charts/api/values.yaml': 'replicaCount: 2\nenv:\n  LOG_LEVEL: info\n  CACHE_TTL: "300"\nworker:\n  RETRIES: 3\n',
          'charts/api/values-staging.yaml': 'env:\n  LOG_LEVEL: debug\n',
          'charts/api/values-production.yaml': 'env:\n  LOG_LEVEL: warn\n',
          'config/expected-env-diff.yaml': contract,
        },
      },
    ],
  });
  const run = await runCli(['scan', '--format', 'json', '--today', '2026-12-01'], { cwd: repo });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Awaited<ReturnType<typeof scanOf>>;
}

describe('a contract entry written with a key’s last name only', () => {
  it('the stale row names the full key and is not sure removal is right; the drift row names the entry', async () => {
    const scan = await scanOf('expected_differences:\n  LOG_LEVEL:\n    staging: debug\n    production: warn\n');
    const stale = scan.divergences.find((d) => d.key === 'LOG_LEVEL')!;
    expect(stale.kind).toBe('stale-declaration');
    expect(stale.notes).toContain(
      'no key is named LOG_LEVEL, but env.LOG_LEVEL is: a contract entry names the full key (write env.LOG_LEVEL, or "*.LOG_LEVEL" for every key of that name)',
    );
    expect(stale.verdict.confidence).toBeLessThanOrEqual(0.5);
    const drift = scan.divergences.find((d) => d.key === 'env.LOG_LEVEL')!;
    expect(drift.kind).toBe('cross-env');
    expect(drift.notes).toContain(
      'the contract’s LOG_LEVEL (config/expected-env-diff.yaml:2) does not declare this key: a contract entry names the full key (env.LOG_LEVEL, or "*.LOG_LEVEL")',
    );
  });

  it('a declaration of a name no key ends with is still removed with confidence, and says nothing more', async () => {
    const scan = await scanOf(
      'expected_differences:\n  env.LOG_LEVEL:\n    staging: debug\n    production: warn\n  OLD_FLAG:\n    staging: "true"\n    production: "false"\n',
    );
    const stale = scan.divergences.find((d) => d.key === 'OLD_FLAG')!;
    expect(stale.notes).toEqual(['declared in the contract, but no environment has this key']);
    expect(stale.verdict.confidence).toBe(0.85);
    expect(scan.divergences.map((d) => d.key)).toEqual(['OLD_FLAG']);
  });

  it('a name only part of a key’s last name (`TRIES` is not `worker.RETRIES`) is not taken for it', async () => {
    const scan = await scanOf('expected_differences:\n  env.LOG_LEVEL: {staging: debug, production: warn}\n  TRIES: {staging: "1", production: "2"}\n');
    const stale = scan.divergences.find((d) => d.key === 'TRIES')!;
    expect(stale.notes).toEqual(['declared in the contract, but no environment has this key']);
    expect(stale.verdict.confidence).toBe(0.85);
  });

  // A newcomer's trial (session 32): `service.replica` declared for `service.replicas` got
  // "remove the declaration (0.85)" while the key it was meant for stayed undeclared drift.
  it('an entry a typing slip away from a key whose difference is undeclared: both rows name the other, removal is not sure', async () => {
    const scan = await scanOf(
      'expected_differences:\n  replicaCont:\n    staging: 2\n    production: 2\n  env.LOG_LEVL:\n    staging: debug\n    production: warn\n',
    );
    const stale = scan.divergences.find((d) => d.key === 'env.LOG_LEVL')!;
    expect(stale.kind).toBe('stale-declaration');
    expect(stale.notes).toEqual([
      'no key is named env.LOG_LEVL, but env.LOG_LEVEL is, and its difference is not declared: is the entry misspelt? (write env.LOG_LEVEL if that difference is meant)',
    ]);
    expect(stale.verdict.confidence).toBeLessThanOrEqual(0.5);
    expect(JSON.stringify(stale.verdict)).toContain('as env.LOG_LEVEL if that difference is meant');
    const drift = scan.divergences.find((d) => d.key === 'env.LOG_LEVEL')!;
    expect(drift.notes).toContain(
      'the contract’s env.LOG_LEVL (config/expected-env-diff.yaml:5) names no key and is spelt almost as this one: is it misspelt? (env.LOG_LEVEL)',
    );
    // A slip of a key that agrees everywhere (replicaCount is 2 in both) is a declaration no longer needed.
    const agreeing = scan.divergences.find((d) => d.key === 'replicaCont')!;
    expect(agreeing.notes).toEqual(['declared in the contract, but no environment has this key']);
    expect(agreeing.verdict.confidence).toBeGreaterThan(0.8);
  });

  // A blind story writer (session 39): a Certificate's `renewBefore` declared without the `spec.`
  // of its path matched nothing, and the scan called the entry a declaration to remove.
  it('an entry leaving out a part of a drifting key’s path (its spec.): both rows name the other, removal is not sure', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-11-02T09:00:00Z',
          author: 'ana',
          message: 'Certificates per environment',
          write: {
            'undrift.yaml': 'environments:\n  staging: [k8s/staging/cert.yaml]\n  production: [k8s/production/cert.yaml]\npromotion: [staging, production]\n',
            'k8s/staging/cert.yaml':
              'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: api}\nspec:\n  secretName: api-tls\n  renewBefore: 360h\n',
            'k8s/production/cert.yaml':
              'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: api}\nspec:\n  secretName: api-tls\n  renewBefore: 720h\n',
            'config/expected-env-diff.yaml':
              'expected_differences:\n  Certificate/api.renewBefore: {staging: 360h, production: 720h, reason: production renews early}\n',
          },
        },
      ],
    });
    const run = await runCli(['scan', '--format', 'json', '--today', '2026-12-01'], { cwd: repo });
    const scan = JSON.parse(run.stdout) as Awaited<ReturnType<typeof scanOf>>;
    const stale = scan.divergences.find((d) => d.key === 'Certificate/api.renewBefore')!;
    expect(stale.notes).toEqual([
      'no key is named Certificate/api.renewBefore, but Certificate/api.spec.renewBefore is, and its difference is not declared: ' +
        'is the entry misspelt? (write Certificate/api.spec.renewBefore if that difference is meant)',
    ]);
    expect(stale.verdict.confidence).toBeLessThanOrEqual(0.5);
    const drift = scan.divergences.find((d) => d.key === 'Certificate/api.spec.renewBefore')!;
    expect(drift.notes.join('\n')).toContain('the contract’s Certificate/api.renewBefore (config/expected-env-diff.yaml:2) names no key');
  });
});
