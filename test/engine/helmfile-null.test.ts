// A helmfile's environment values files (`env/staging.yaml`, named like any YAML) are merged as Helm
// merges values: a key a later file sets to null is taken out (session 27: the scan showed production
// holding the text "null" where Helm has no value, and its history said "10 → null"). The scan, the
// history and apply read it alike, through the real binary over a real repository.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { writeFile } from 'node:fs/promises';

const HELMFILE = [
  'environments:',
  '  staging:',
  '    values: [env/common.yaml, env/staging.yaml]',
  '  production:',
  '    values: [env/common.yaml, env/production.yaml]',
  'releases:',
  '  - name: api',
  '    chart: ./chart',
  '',
].join('\n');

async function helmfileRepo(): Promise<string> {
  return repoFromScenario({
    commits: [
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'helmfile with a common base',
        write: {
          'helmfile.yaml': HELMFILE,
          'env/common.yaml': 'db:\n  pool: 10\nlog: info\n',
          'env/staging.yaml': 'db:\n  pool: 20\nlog: debug\n',
          'env/production.yaml': 'log: warn\n',
        },
      },
      {
        at: '2026-01-07T10:00:00Z',
        author: 'ben',
        message: 'production: let the driver size the pool',
        write: { 'env/production.yaml': 'db:\n  pool: null\nlog: warn\ncache: null\n' },
      },
    ],
  });
}

describe('a null in a helmfile environment values file', () => {
  it('is no value: the scan shows it absent, over the base and over nothing, and history says 10 → absent', async () => {
    const repo = await helmfileRepo();
    const scan = JSON.parse((await runCli(['scan', '--format', 'json', '--no-live'], { cwd: repo })).stdout);
    const rows = scan.divergences.map((d: { kind: string; key: string; values: Record<string, { repo: string | null }> }) => [
      d.kind,
      d.key,
      d.values.staging?.repo ?? null,
      d.values.production?.repo ?? null,
    ]);
    // `cache: null` over nothing is no key at all: no row names it.
    expect(rows).toContainEqual(['missing', 'db.pool', '20', null]);
    expect(rows.map((r: unknown[]) => r[1])).not.toContain('cache');
    const explained = JSON.parse((await runCli(['explain', 'db.pool', '--json'], { cwd: repo })).stdout);
    expect(explained.history.production.map((e: { from: string | null; to: string | null }) => [e.from, e.to])).toEqual([
      ['10', null],
      [null, '10'],
    ]);
  });

  it('is what apply writes to take a key out of an environment whose base sets it', async () => {
    const repo = await helmfileRepo();
    await writeFile(path.join(repo, '..', 'decisions.yaml'), '- {key: db.pool, env: staging, action: revert, value: null}\n');
    const run = await runCli(['apply', '--decisions', '../decisions.yaml', '--branch', 'unset-pool'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(run.exitCode, run.stderr).toBe(0);
    // Removing the line would leave staging with common.yaml's 10: the null in its own file is Helm's removal.
    expect(await git(repo, 'show', 'unset-pool:env/staging.yaml')).toBe('db:\n  pool: null\nlog: debug');
    expect(await git(repo, 'show', 'unset-pool:env/common.yaml')).toBe('db:\n  pool: 10\nlog: info');
    // The user's tree is untouched, and the branch reads as the decision meant: staging has no db.pool.
    expect(await readFile(path.join(repo, 'env/staging.yaml'), 'utf8')).toBe('db:\n  pool: 20\nlog: debug\n');
    await git(repo, 'checkout', '-q', 'unset-pool');
    const after = JSON.parse((await runCli(['explain', 'db.pool', '--json', '--no-history'], { cwd: repo })).stdout);
    expect(after.values.staging.repo ?? null).toBeNull();
  });

  it('is written as format: helm by undrift init, so a scan through undrift.yaml reads it alike', async () => {
    const repo = await helmfileRepo();
    expect((await runCli(['init'], { cwd: repo })).exitCode).toBe(0);
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toMatch(/production:\n {4}files:\n(?: {6}- .*\n)+ {4}format: helm/);
    const scan = JSON.parse((await runCli(['scan', '--format', 'json', '--no-live', '--no-history'], { cwd: repo })).stdout);
    expect(scan.divergences.find((d: { key: string }) => d.key === 'db.pool').values.production.repo ?? null).toBeNull();
  });
});
