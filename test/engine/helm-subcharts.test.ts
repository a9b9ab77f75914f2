// An umbrella chart's subcharts keep their defaults in `charts/<sub>/values.yaml`; Helm reads them
// under the subchart's key (or its alias), below the umbrella's values, and merges their `global:`
// with the umbrella's. Session 27: production showed "absent" where `helm template` gives the
// default. Discovery, the scan, history, init and apply over a real dated repository.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';

const UMBRELLA = {
  'chart/Chart.yaml':
    'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n  - name: postgresql\n    alias: db\n    version: 1.0.0\n',
  'chart/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 1.0.0\n',
  'chart/charts/redis/values.yaml': 'maxmemory: 256mb\nreplicas: 1\nglobal:\n  imageRegistry: docker.io\n',
  // The folder is named apart from the chart: Helm names the values by the dependency's alias.
  'chart/charts/pg/Chart.yaml': 'apiVersion: v2\nname: postgresql\nversion: 1.0.0\n',
  'chart/charts/pg/values.yaml': 'pool: 10\n',
  'chart/values.yaml': 'redis:\n  replicas: 2\nglobal:\n  imageRegistry: registry.example.test\n',
  'chart/values-staging.yaml': 'image: a\n',
  'chart/values-production.yaml': 'image: a\nredis:\n  maxmemory: 1gb\n',
};

async function umbrellaRepo(): Promise<string> {
  return repoFromScenario({
    commits: [
      { at: '2026-01-05T10:00:00Z', author: 'ana', message: 'umbrella chart with redis and postgresql', write: UMBRELLA },
      {
        at: '2026-01-08T10:00:00Z',
        author: 'ben',
        message: 'redis: a larger default',
        write: { 'chart/charts/redis/values.yaml': 'maxmemory: 512mb\nreplicas: 1\nglobal:\n  imageRegistry: docker.io\n' },
      },
    ],
  });
}

type Explained = {
  values: Record<string, { repo?: string | null; location?: string }>;
  history: Record<string, Array<{ from: string | null; to: string | null }>>;
};
async function explain(repo: string, key: string, ...flags: string[]): Promise<Explained> {
  const run = await runCli(['explain', key, '--json', ...flags], { cwd: repo });
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Explained;
}

describe("an umbrella chart's subchart defaults", () => {
  it('are the lowest layer under the subchart key (its alias), with global as Helm merges it, and their history is those keys', async () => {
    const repo = await umbrellaRepo();
    const maxmemory = await explain(repo, 'redis.maxmemory');
    expect(maxmemory.values.staging).toMatchObject({ repo: '512mb', location: 'chart/charts/redis/values.yaml:1' });
    expect(maxmemory.values.production).toMatchObject({ repo: '1gb', location: 'chart/values-production.yaml:3' });
    expect(maxmemory.history.staging!.map((e) => [e.from, e.to])).toEqual([
      ['256mb', '512mb'],
      [null, '256mb'],
    ]);
    // production overrides it: the subchart's change is no event of production's.
    expect(maxmemory.history.production!.map((e) => [e.from, e.to])).toEqual([[null, '1gb']]);
    // The umbrella's values override the defaults; an alias names the key.
    expect((await explain(repo, 'redis.replicas', '--no-history')).values.production!.repo).toBe('2');
    expect((await explain(repo, 'db.pool', '--no-history')).values.production).toMatchObject({ repo: '10', location: 'chart/charts/pg/values.yaml:1' });
    // A subchart's global default is the umbrella's global, which the umbrella's own values override.
    expect((await explain(repo, 'global.imageRegistry', '--no-history')).values.staging!.repo).toBe('registry.example.test');
    const unknown = await runCli(['explain', 'pool', '--json', '--no-history'], { cwd: repo });
    expect(unknown.exitCode).toBe(2);
  });

  it('are written by init as {file, subchart} entries, which a scan through undrift.yaml reads alike', async () => {
    const repo = await umbrellaRepo();
    expect((await runCli(['init'], { cwd: repo })).exitCode).toBe(0);
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain(
      '  production:\n    files:\n      - file: chart/charts/pg/values.yaml\n        subchart: db\n      - file: chart/charts/redis/values.yaml\n        subchart: redis\n' +
        '      - chart/values.yaml\n      - chart/values-production.yaml\n',
    );
    expect((await explain(repo, 'db.pool', '--no-history')).values.staging!.repo).toBe('10');
    expect((await explain(repo, 'redis.maxmemory', '--no-history')).values.staging!.repo).toBe('512mb');
  });

  it("are never what apply writes: the environment's own values file overrides them", async () => {
    const repo = await umbrellaRepo();
    await writeFile(
      path.join(repo, '..', 'decisions.yaml'),
      '- {key: redis.maxmemory, env: staging, action: backfill, value: 1gb}\n- {key: db.pool, env: production, action: revert, value: null}\n',
    );
    const run = await runCli(['apply', '--decisions', '../decisions.yaml', '--branch', 'sized'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(await git(repo, 'diff', '--name-only', 'HEAD', 'sized')).toBe('chart/values-production.yaml\nchart/values-staging.yaml');
    expect(await git(repo, 'show', 'sized:chart/values-staging.yaml')).toBe('image: a\nredis:\n  maxmemory: 1gb');
    // Taken out over the default: Helm's null in production's own file.
    expect(await git(repo, 'show', 'sized:chart/values-production.yaml')).toBe('image: a\nredis:\n  maxmemory: 1gb\ndb:\n  pool: null');
  });
});
