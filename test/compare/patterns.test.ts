import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupByPattern } from '../../src/compare/patterns.js';
import { scanRepository } from '../../src/engine.js';
import { renderTable } from '../../src/report/table.js';
import { toJson } from '../../src/report/json.js';
import { PLAIN as plainStyle } from '../../src/report/style.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// A first scan of a real repository: hundreds of per-environment routes and URLs differ by
// design. Each such group is one row, declarable with one contract entry.

function envFile(env: string, short: string, timeout: number): string {
  const routes = ['onprem', 'partner', 'internet', 'backup', 'metrics']
    .map((r, i) => `    ${r}:\n      cidr: 10.${env.length}.${i}.0/24\n      hop: gw-${short}-${i}\n`)
    .join('');
  const urls = ['PAYMENT', 'LEDGER', 'AUTH', 'SEARCH', 'MAIL'].map((s) => `${s}_URL: https://${s.toLowerCase()}.${short}.acme.internal\n`).join('');
  return `network:\n  routes:\n${routes}  dns: 10.0.0.2\n${urls}timeout: ${timeout}\n`;
}

const FILES = { 'config/staging.yaml': envFile('staging', 'staging', 30), 'config/production.yaml': envFile('production', 'prod', 10) };

describe('divergences that share a pattern', () => {
  it('are grouped into one row each, with the glob and per-environment values to declare', async () => {
    const repo = await repoWithFiles(FILES);
    const scan = await scanRepository({ repo, history: false, live: false });
    expect(scan.divergences).toHaveLength(16); // 10 route keys, 5 URLs, timeout
    expect(scan.patterns.map((p) => [p.glob, p.keys.length, p.allowed])).toEqual([
      ['network.routes.*', 10, { staging: 'any', production: 'any' }],
      ['*_URL', 5, { staging: '/staging|stage|stg/', production: '/production|prod|prd/' }],
    ]);
    const table = renderTable(scan, plainStyle, 120);
    expect(table).toMatch(/≋ pattern +network\.routes\.\* +10 keys +10 keys +declare \(one entry\)/);
    expect(table).toMatch(/≋ pattern +\*_URL +5 keys/);
    expect(table).toMatch(/≠ cross-env +timeout +30 +10/);
    expect(table).not.toContain('PAYMENT_URL');
    expect(toJson(scan).patterns![0]).toMatchObject({
      glob: 'network.routes.*',
      count: 10,
      reason: 'every key below network.routes differs between environments',
    });
    expect(toJson(scan).divergences).toHaveLength(16); // JSON keeps every divergence
    // As rows to work through (the interactive view's list): each pattern holding its divergences,
    // then every divergence of its own, each once.
    const rows = groupByPattern(scan.divergences, scan.patterns);
    expect(rows.map((r) => (r.pattern ? `${r.pattern.glob} ${r.divergences.map((d) => d.key).join(',')}` : r.divergence.key))).toEqual([
      `network.routes.* ${scan.patterns[0]!.keys.join(',')}`,
      `*_URL ${scan.divergences
        .filter((d) => d.key.endsWith('_URL'))
        .map((d) => d.key)
        .join(',')}`,
      'timeout',
    ]);
    // A live kind of a grouped key is another decision: it stays a row of its own.
    const liveDrift = { ...scan.divergences.find((d) => d.key === 'PAYMENT_URL')!, kind: 'live-drift' as const, id: 'x' };
    const withLive = groupByPattern([...scan.divergences, liveDrift], scan.patterns);
    expect(withLive.at(-1)).toEqual({ divergence: liveDrift });
    expect(withLive.flatMap((r) => (r.pattern ? r.divergences : [r.divergence]))).toHaveLength(17);
  });

  it('become a starter contract that `init` writes for review, after which only the real drift is left', async () => {
    const repo = await repoWithFiles(FILES);
    const init = await runCli(['init'], { cwd: repo });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain('a starter contract of 2 pattern(s) covering 15 divergences; review it)');
    // undrift.yaml said "No contract yet: every difference between environments counts as drift".
    const config = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(config).not.toContain('No contract yet');
    expect(config).toMatch(
      /\n# The contract is config\/expected-env-diff\.yaml \(the default path\): a starter `undrift init` proposed from the\n# .*review it/,
    );
    const contract = await readFile(path.join(repo, 'config/expected-env-diff.yaml'), 'utf8');
    expect(contract).toContain('network.routes.*:\n    staging: any\n    production: any\n    reason: "proposed by undrift init, review it:');
    const scan = await runCli(['scan', '--no-history', '--format', 'json'], { cwd: repo });
    expect(JSON.parse(scan.stdout).divergences.map((d: { key: string }) => d.key)).toEqual(['timeout']);
  });
});

// An object one environment's manifests define and another's do not (a PodDisruptionBudget in
// production only) is one thing missing, not one `missing` row per field.
describe('an object defined in some environments only', () => {
  const service = (port: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  ports: [{name: http, port: ${port}}]\n`;
  const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: api}\n';
  const ENVS = 'environments:\n  staging: [deploy/staging.yaml]\n  production: [deploy/production.yaml]\npromotion: [staging, production]\n';

  it('is one row naming where it is defined and where not, declarable with one entry; each key stays a divergence in JSON', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': ENVS,
      'deploy/staging.yaml': service(80),
      'deploy/production.yaml': `${service(8080)}---\n${pdb}`,
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    expect(scan.divergences.map((d) => `${d.kind} ${d.key}`).sort()).toEqual([
      'cross-env Service/api.spec.ports[name=http].port',
      'missing PodDisruptionBudget/api.spec.minAvailable',
      'missing PodDisruptionBudget/api.spec.selector.matchLabels.app',
    ]);
    expect(scan.patterns).toEqual([
      {
        glob: 'PodDisruptionBudget/api.*',
        reason: "PodDisruptionBudget/api is defined in production's files only (staging's define no such object): each of its keys is missing there",
        keys: ['PodDisruptionBudget/api.spec.minAvailable', 'PodDisruptionBudget/api.spec.selector.matchLabels.app'],
        allowed: { staging: 'any', production: 'any' },
      },
    ]);
    const table = renderTable(scan, plainStyle, 120);
    // One row: nothing in staging, its keys in production.
    expect(table).toMatch(/≋ pattern +PodDisruptionBudget\/api\.\* +— +2 keys +declare \(one entry\)/);
    expect(table).not.toContain('minAvailable');
    expect(table).toMatch(/≠ cross-env +Service\/api\.spec\.ports\[name=http\]\.port +80 +8080/);
  });

  it('is not grouped when a key of it is a row for another reason (declared, or present everywhere)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': `${ENVS}contract: contract.yaml\n`,
      'contract.yaml': 'expected_differences:\n  PodDisruptionBudget/api.spec.minAvailable: {staging: any, production: any}\n',
      'deploy/staging.yaml': service(80),
      'deploy/production.yaml': `${service(80)}---\n${pdb}`,
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    expect(scan.divergences.map((d) => `${d.kind} ${d.key}`)).toEqual(['missing PodDisruptionBudget/api.spec.selector.matchLabels.app']);
    expect(scan.patterns).toEqual([]);
  });
});
