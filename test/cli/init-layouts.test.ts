import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/init.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { readEnvironment } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';

// `undrift init` run on one repository per row of the README's layout table: the undrift.yaml it
// writes is then read as any hand-written one is (not discovered again), each environment gets the
// stack of files the table says, and reading it yields the keys and values the tool that consumes
// those files would see.

interface Row {
  /** The README table's layout. */
  layout: string;
  files: Record<string, string>;
  stacks: Record<string, string[]>;
  /** Each environment's values (every key) read through the written undrift.yaml. */
  values: Record<string, Record<string, string>>;
}

const chart = 'apiVersion: v2\nname: api\nversion: 1.0.0\n';

const ROWS: Row[] = [
  {
    layout: 'Helm values-<env>.yaml in any folder',
    files: {
      'charts/api/Chart.yaml': chart,
      'charts/api/values.yaml': 'replicas: 1\nimage:\n  tag: "1.0"\n',
      'charts/api/values-staging.yaml': 'replicas: 2\n',
      'charts/api/values-prod.yaml': 'replicas: 4\nimage:\n  tag: "1.1"\n',
    },
    stacks: { staging: ['charts/api/values.yaml', 'charts/api/values-staging.yaml'], prod: ['charts/api/values.yaml', 'charts/api/values-prod.yaml'] },
    values: { staging: { replicas: '2', 'image.tag': '1.0' }, prod: { replicas: '4', 'image.tag': '1.1' } },
  },
  {
    layout: 'Helm helm_deploy/values-<env>.yaml over the one chart folder',
    files: {
      'helm_deploy/api/Chart.yaml': chart,
      'helm_deploy/api/values.yaml': 'replicas: 1\nlog: info\n',
      'helm_deploy/values-dev.yaml': 'log: debug\n',
      'helm_deploy/values-prod.yaml': 'replicas: 3\n',
    },
    stacks: { dev: ['helm_deploy/api/values.yaml', 'helm_deploy/values-dev.yaml'], prod: ['helm_deploy/api/values.yaml', 'helm_deploy/values-prod.yaml'] },
    values: { dev: { replicas: '1', log: 'debug' }, prod: { replicas: '3', log: 'info' } },
  },
  {
    layout: 'Helm values/<env>.yaml',
    files: {
      'chart/Chart.yaml': chart,
      'chart/values.yaml': 'replicas: 1\n',
      'chart/values/staging.yaml': 'replicas: 2\n',
      'chart/values/prod.yaml': 'replicas: 5\n',
    },
    stacks: { staging: ['chart/values.yaml', 'chart/values/staging.yaml'], prod: ['chart/values.yaml', 'chart/values/prod.yaml'] },
    values: { staging: { replicas: '2' }, prod: { replicas: '5' } },
  },
  {
    layout: 'apps/<app>/<env>/values.yaml',
    files: {
      'apps/web/values.yaml': 'replicas: 1\ningress: false\n',
      'apps/web/staging/values.yaml': 'replicas: 2\n',
      'apps/web/production/values.yaml': 'replicas: 6\ningress: true\n',
    },
    stacks: { staging: ['apps/web/values.yaml', 'apps/web/staging/values.yaml'], production: ['apps/web/values.yaml', 'apps/web/production/values.yaml'] },
    values: { staging: { replicas: '2', ingress: 'false' }, production: { replicas: '6', ingress: 'true' } },
  },
  {
    layout: 'helmfile.yaml environments:',
    files: {
      'helmfile.yaml':
        'environments:\n  staging:\n    values: [env/common.yaml, env/staging.yaml]\n  production:\n    values: [env/common.yaml, ' +
        'env/production.yaml, "env/{{ .Environment.Name }}-secrets.yaml"]\nreleases:\n  - name: api\n    chart: ./charts/api\n',
      'env/common.yaml': 'region: eu\nreplicas: 1\n',
      'env/staging.yaml': 'replicas: 2\n',
      'env/production.yaml': 'replicas: 4\n',
    },
    stacks: { staging: ['env/common.yaml', 'env/staging.yaml'], production: ['env/common.yaml', 'env/production.yaml'] },
    values: { staging: { region: 'eu', replicas: '2' }, production: { region: 'eu', replicas: '4' } },
  },
  {
    layout: 'Spring application-<env>.yml / application-<env>.properties (mixed extensions too)',
    files: {
      'src/main/resources/application.yml':
        'server:\n  port: 8080\napp:\n  mode: safe\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\napp:\n  mode: strict\n',
      'src/main/resources/application.properties': 'app.retries=3\n',
      'src/main/resources/application-staging.yml': 'app:\n  retries: 5\n',
      // Spring loads both of prod's files, the .properties over the .yml.
      'src/main/resources/application-prod.yml': 'app:\n  retries: 6\n  tier: gold\n',
      'src/main/resources/application-prod.properties': 'app.retries=7\n#---\nspring.config.activate.on-profile=staging\napp.retries=99\n',
      'src/main/resources/logback.xml': '<configuration/>\n',
    },
    stacks: {
      staging: ['src/main/resources/application.yml', 'src/main/resources/application.properties', 'src/main/resources/application-staging.yml'],
      prod: [
        'src/main/resources/application.yml',
        'src/main/resources/application.properties',
        'src/main/resources/application-prod.yml',
        'src/main/resources/application-prod.properties',
      ],
    },
    values: {
      staging: { 'server.port': '8080', 'app.mode': 'safe', 'app.retries': '5' },
      prod: { 'server.port': '8080', 'app.mode': 'strict', 'app.retries': '7', 'app.tier': 'gold' },
    },
  },
  {
    layout: 'Rails config gem config/settings/<env>.yml',
    files: {
      'config/settings.yml': 'cache: false\nhost: <%= ENV["HOST"] %>\n',
      'config/settings/staging.yml': 'cache: true\n',
      'config/settings/production.yml': 'cache: true\nsize: 10\n',
      'config/database.yml': 'production:\n  adapter: postgresql\n',
    },
    stacks: { staging: ['config/settings.yml', 'config/settings/staging.yml'], production: ['config/settings.yml', 'config/settings/production.yml'] },
    values: { staging: { cache: 'true', host: '<%= ENV["HOST"] %>' }, production: { cache: 'true', host: '<%= ENV["HOST"] %>', size: '10' } },
  },
  {
    layout: 'config/<env>.(yaml|yml|json) over config/default.*',
    files: {
      'config/default.json': '{"port": 3000, "db": {"pool": 5}}\n',
      'config/staging.json': '{"db": {"pool": 10}}\n',
      'config/production.json': '{"db": {"pool": 20}}\n',
      'config/database.yml': 'production:\n  pool: 1\n',
      'config/analytics.yml': 'key: x\n',
    },
    stacks: { staging: ['config/default.json', 'config/staging.json'], production: ['config/default.json', 'config/production.json'] },
    values: { staging: { port: '3000', 'db.pool': '10' }, production: { port: '3000', 'db.pool': '20' } },
  },
  {
    layout: '.env.<env> over .env',
    files: {
      '.env': 'PORT=3000\nLOG=info\n',
      '.env.staging': 'LOG=debug\n',
      '.env.production': 'LOG=warn\n',
      '.env.example': 'LOG=\n',
      '.env.local': 'LOG=trace\n',
    },
    stacks: { staging: ['.env', '.env.staging'], production: ['.env', '.env.production'] },
    values: { staging: { PORT: '3000', LOG: 'debug' }, production: { PORT: '3000', LOG: 'warn' } },
  },
  {
    layout: '<dir>/<env>.env',
    files: { 'deploy/staging.env': 'LOG=debug\n', 'deploy/prod.env': 'LOG=warn\n' },
    stacks: { staging: ['deploy/staging.env'], prod: ['deploy/prod.env'] },
    values: { staging: { LOG: 'debug' }, prod: { LOG: 'warn' } },
  },
  {
    layout: 'Terraform environments/<env>/*.tfvars',
    files: {
      'environments/staging/main.tfvars': 'instance_type = "t3.small"\ncount = 1\n',
      'environments/prod/main.tfvars': 'instance_type = "m5.large"\ncount = 3\n',
      'modules/vpc/main.tf': 'variable "count" {}\n',
    },
    stacks: { staging: ['environments/staging/main.tfvars'], prod: ['environments/prod/main.tfvars'] },
    values: { staging: { instance_type: 't3.small', count: '1' }, prod: { instance_type: 'm5.large', count: '3' } },
  },
  {
    layout: 'Terraform <dir>/<env>.tfvars (stacks are not environments)',
    files: {
      'environments/network/staging.tfvars': 'cidr = "10.1.0.0/16"\n',
      'environments/network/prod.tfvars': 'cidr = "10.2.0.0/16"\n',
    },
    stacks: { staging: ['environments/network/staging.tfvars'], prod: ['environments/network/prod.tfvars'] },
    values: { staging: { cidr: '10.1.0.0/16' }, prod: { cidr: '10.2.0.0/16' } },
  },
  {
    layout: 'Kustomize overlays/<env>/ over a base',
    files: {
      'k8s/base/kustomization.yaml': 'resources: [config.yaml]\n',
      'k8s/base/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG: info\n',
      'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: config.yaml\n',
      'k8s/overlays/staging/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG: debug\n',
      'k8s/overlays/production/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: config.yaml\n',
      'k8s/overlays/production/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG: warn\n',
    },
    stacks: { staging: ['k8s/overlays/staging'], production: ['k8s/overlays/production'] },
    values: { staging: { 'ConfigMap/api.data.LOG': 'debug' }, production: { 'ConfigMap/api.data.LOG': 'warn' } },
  },
  {
    layout: 'deploy/<env>/ (a folder of manifests per environment)',
    files: {
      'deploy/staging/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG: debug\n',
      'deploy/production/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\ndata:\n  LOG: warn\n',
    },
    stacks: { staging: ['deploy/staging'], production: ['deploy/production'] },
    values: { staging: { 'ConfigMap/api.data.LOG': 'debug' }, production: { 'ConfigMap/api.data.LOG': 'warn' } },
  },
];

const sink = () => {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
};

describe('`undrift init` on every layout of the README table', () => {
  const results = new Map<string, { out: string; config: Config; values: Record<string, Record<string, string>> } | Error>();
  beforeAll(async () => {
    // One repository per row, built at once; init runs in-process (its exit code is tested elsewhere).
    await Promise.all(
      ROWS.map(async (row) => {
        const repo = await repoWithFiles(row.files);
        try {
          const stdout = sink();
          const code = await runInit({ repo, force: false }, { stdout: stdout.stream, stderr: new PassThrough(), env: {}, cwd: repo });
          if (code !== 0) throw new Error(`init exited ${code}`);
          const config = await loadConfig(repo);
          const values: Record<string, Record<string, string>> = {};
          for (const env of config.environments) {
            const read = await readEnvironment(repo, env);
            values[env.name] = Object.fromEntries([...read.values].map(([key, value]) => [key, value.text ?? 'null']));
          }
          results.set(row.layout, { out: stdout.text(), config, values });
        } catch (e) {
          results.set(row.layout, e as Error); // reported by the row's own test
        }
      }),
    );
  }, 60_000);

  for (const row of ROWS) {
    it(row.layout, () => {
      const result = results.get(row.layout)!;
      if (result instanceof Error) throw result;
      const { out, config, values } = result;
      expect(out).toContain('wrote ');
      // Read back from the file init wrote, not discovered again.
      expect(config.source).toMatch(/undrift\.yaml/);
      expect(Object.fromEntries(config.environments.map((e) => [e.name, e.files]))).toEqual(row.stacks);
      expect(values).toEqual(row.values);
    });
  }
});

describe('`undrift init` on a terminal, when layouts compete', () => {
  const files = {
    'Chart.yaml': chart,
    'values.yaml': 'replicas: 1\n',
    'values-staging.yaml': 'replicas: 2\n',
    'values-prod.yaml': 'replicas: 4\n',
    '.env.qa': 'LOG=debug\n',
    '.env.production': 'LOG=warn\n',
  };
  const initWith = async (answers: string | undefined) => {
    const repo = await repoWithFiles(files);
    const stdout = sink();
    const input = answers === undefined ? undefined : new PassThrough();
    input?.end(answers);
    await runInit({ repo, force: false, ...(input ? { input } : {}) }, { stdout: stdout.stream, stderr: new PassThrough(), env: {}, cwd: repo });
    const config = await loadConfig(repo);
    return { out: stdout.text(), stacks: Object.fromEntries(config.environments.map((e) => [e.name, e.files])) };
  };

  it('asks which to write, showing each with its stacks; a wrong answer is asked again', async () => {
    const { out, stacks } = await initWith('7\n2\n');
    expect(out).toContain('  1. values-<env>.yaml (staging, prod), confidence 1 — taken by default: the same confidence');
    expect(out).toContain('       staging: values.yaml → values-staging.yaml');
    expect(out).toContain('  2. .env.<env> (qa, production), confidence 1');
    expect(out).toContain('"7" is not one of 1-2');
    expect(out).toContain('2 layouts found; .env.<env> (qa, production) is the one you chose');
    expect(out).toContain('also found: values-<env>.yaml (staging, prod), confidence 1');
    expect(stacks).toEqual({ qa: ['.env.qa'], production: ['.env.production'] });
  });

  it('takes the rule’s layout on enter, and without a terminal never asks', async () => {
    expect((await initWith('\n')).stacks).toEqual({ staging: ['values.yaml', 'values-staging.yaml'], prod: ['values.yaml', 'values-prod.yaml'] });
    const quiet = await initWith(undefined);
    expect(quiet.out).not.toContain('which layout');
    expect(quiet.out).toContain('is taken because the same confidence and number of environments');
    expect(quiet.stacks).toEqual({ staging: ['values.yaml', 'values-staging.yaml'], prod: ['values.yaml', 'values-prod.yaml'] });
  });
});

describe('Helm values, .env files and a Kustomize overlay for the same environments', () => {
  it('are offered as one stack per environment too, saying which file wins where two set a key', async () => {
    const repo = await repoWithFiles({
      'Chart.yaml': chart,
      'values.yaml': 'replicas: 1\nLOG: info\n',
      'values-staging.yaml': 'replicas: 2\n',
      'values-production.yaml': 'replicas: 4\nLOG: warn\n',
      '.env.staging': 'DB_HOST=db.stg\n',
      '.env.production': 'DB_HOST=db.prod\nLOG=error\n',
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "1"}\n',
      'overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
      'overlays/production/kustomization.yaml': 'resources: [../../base]\n',
      // A contract present: init proposes none (which would scan, building both overlays).
      'config/expected-env-diff.yaml': 'expected_differences: {}\n',
    });
    const stdout = sink();
    const input = new PassThrough();
    input.end('4\n');
    await runInit({ repo, force: false, input }, { stdout: stdout.stream, stderr: new PassThrough(), env: {}, cwd: repo });
    const out = stdout.text();
    // Three layouts in the repository, and the three combined as a fourth choice.
    expect(out).toContain('3 layouts found (also offered combined):\n');
    expect(out).toContain('  4. values-<env>.yaml + .env.<env> + overlays/<env>/ (staging, production), confidence 1');
    expect(out).toContain('       production: values.yaml → values-production.yaml → .env.production → overlays/production');
    expect(out).toContain("       production: LOG is set by values-production.yaml and .env.production: .env.production's value wins");
    const config = await loadConfig(repo);
    expect(Object.fromEntries(config.environments.map((e) => [e.name, e.files]))).toEqual({
      staging: ['values.yaml', 'values-staging.yaml', '.env.staging', 'overlays/staging'],
      production: ['values.yaml', 'values-production.yaml', '.env.production', 'overlays/production'],
    });
  });
});
