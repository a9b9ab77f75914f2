// A helmfile release's `values:` entries are per environment (`values/{{ .Environment.Name }}.yaml`);
// session 27 read only `environments.<env>.values`. Each release's values are read under
// `releases[name=<release>].`, so two releases never name one key; `.Values.x` is taken from the
// environment's values; any other template is said unread with the helmfile's line, never guessed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { markTemplates } from '../../src/config/helmfile.js';

const HELMFILE = [
  'environments:', // 1
  '  staging:',
  '    values: [env/staging.yaml]',
  '  production:',
  '    values: [env/production.yaml]', // 5
  '---',
  'releases:',
  '  - name: api',
  '    chart: ./charts/api',
  '    values:', // 10
  '      - values/api/common.yaml',
  '      - values/api/{{ .Environment.Name }}.yaml',
  '      - values/api/{{ .Values.region }}.yaml',
  '  - name: worker',
  '    chart: ./charts/worker', // 15
  '    values:',
  '      - values/worker/{{ .Environment.Name }}.yaml',
  '      - values/worker/{{ requiredEnv "CLUSTER" }}.yaml',
  '      - values/worker/{{',
  '          .Environment.Name | upper }}.yaml', // 20
  '      - values/worker/extra.yaml.gotmpl',
  '',
].join('\n');

async function releasesRepo(): Promise<string> {
  return repoFromScenario({
    commits: [
      {
        at: '2026-02-02T09:00:00Z',
        author: 'ana',
        message: 'helmfile: api and worker releases',
        write: {
          'helmfile.yaml': HELMFILE,
          'env/staging.yaml': 'region: eu\n',
          'env/production.yaml': 'region: us\n',
          'values/api/common.yaml': 'replicas: 1\nport: 8080\n',
          'values/api/staging.yaml': 'replicas: 2\n',
          'values/api/production.yaml': 'replicas: 4\n',
          'values/api/eu.yaml': 'zone: eu-1\n',
          'values/api/us.yaml': 'zone: us-1\n',
          // The same key in the other release: never the api's.
          'values/worker/staging.yaml': 'replicas: 2\nconcurrency: 4\n',
          'values/worker/production.yaml': 'replicas: 2\nconcurrency: 4\n',
        },
      },
      {
        at: '2026-02-04T09:00:00Z',
        author: 'ben',
        message: 'worker: more concurrency in production',
        write: { 'values/worker/production.yaml': 'replicas: 2\nconcurrency: 8\n' },
      },
    ],
  });
}

describe("a helmfile release's values", () => {
  it('are read per environment under the release, .Values from the environment, with history', async () => {
    const repo = await releasesRepo();
    const scan = JSON.parse((await runCli(['scan', '--format', 'json', '--no-live'], { cwd: repo })).stdout);
    const keys = scan.divergences.map((d: { key: string }) => d.key).sort();
    expect(keys).toEqual(['region', 'releases[name=api].replicas', 'releases[name=api].zone', 'releases[name=worker].concurrency']);
    const api = JSON.parse((await runCli(['explain', 'releases[name=api].port', '--json'], { cwd: repo })).stdout);
    expect(api.values.production).toMatchObject({ repo: '8080', location: 'values/api/common.yaml:2' });
    const worker = JSON.parse((await runCli(['explain', 'releases[name=worker].concurrency', '--json'], { cwd: repo })).stdout);
    expect(worker.values.production).toMatchObject({ repo: '8', location: 'values/worker/production.yaml:2' });
    expect(worker.history.production.map((e: { from: string | null; to: string | null; subject: string }) => [e.from, e.to, e.subject])).toEqual([
      ['4', '8', 'worker: more concurrency in production'],
      [null, '4', 'helmfile: api and worker releases'],
    ]);
  });

  it('templated beyond .Environment.Name and .Values are said unread with the line, never guessed', async () => {
    const repo = await releasesRepo();
    const run = await runCli(['scan', '--no-live', '--no-history'], { cwd: repo });
    const said = `${run.stdout}\n${run.stderr}`;
    expect(said).toContain(
      'discovery: helmfile.yaml:18: release worker\'s values entry "values/worker/{{ requiredEnv "CLUSTER" }}.yaml" is not read: ' +
        'templated beyond .Environment.Name and .Values, which undrift does not evaluate',
    );
    // A template over two lines: the entry's own line, shown on one, and the lines after it counted through it.
    expect(said).toContain('discovery: helmfile.yaml:19: release worker\'s values entry "values/worker/{{ .Environment.Name | upper }}.yaml" is not read');
    expect(said).toContain('discovery: helmfile.yaml:21: release worker\'s values entry "values/worker/extra.yaml.gotmpl" is a template helmfile renders');
    expect(markTemplates('a: {{ x\n}}\nb: 1\n').lineAt('a: __undrift_template_0__\nb'.length - 1)).toBe(3);
  });

  it('are written by init as {file, under} entries, and apply writes the key as the file holds it', async () => {
    const repo = await releasesRepo();
    expect((await runCli(['init'], { cwd: repo })).exitCode).toBe(0);
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain('      - file: values/worker/production.yaml\n        under: releases[name=worker]\n');
    expect(written).toContain('# left out: helmfile.yaml:18: release worker');
    await git(repo, 'add', 'undrift.yaml');
    await git(repo, '-c', 'user.name=Ana Lima', '-c', 'user.email=ana@example.test', 'commit', '-q', '-m', 'undrift.yaml');
    await writeFile(path.join(repo, '..', 'decisions.yaml'), '- {key: "releases[name=worker].concurrency", env: production, action: revert, value: "4"}\n');
    const run = await runCli(['apply', '--decisions', '../decisions.yaml', '--branch', 'calm'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(await git(repo, 'diff', '--name-only', 'HEAD', 'calm')).toBe('values/worker/production.yaml');
    expect(await git(repo, 'show', 'calm:values/worker/production.yaml')).toBe('replicas: 2\nconcurrency: 4');
  });
});
