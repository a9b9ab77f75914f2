import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverLayouts, whyChosen } from '../../src/config/discover.js';
import { loadConfig } from '../../src/config/load.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// Discovery on the layouts people use, each as the file list of a real-shaped repository: the
// layout chosen, each environment's stack (base first), and what was left out.

const CASES: Array<[string, string[], string, Record<string, string[]>]> = [
  [
    'Helm values-<env>.yaml over the chart values.yaml',
    ['Chart.yaml', 'values.yaml', 'values-staging.yaml', 'values-prod.yaml', 'templates/deployment.yaml'],
    'values-<env>.yaml',
    { staging: ['values.yaml', 'values-staging.yaml'], prod: ['values.yaml', 'values-prod.yaml'] },
  ],
  [
    'Helm under charts/<chart>/',
    ['charts/api/Chart.yaml', 'charts/api/values.yaml', 'charts/api/values-dev.yaml', 'charts/api/values-production.yaml'],
    'charts/api/values-<env>.yaml',
    { dev: ['charts/api/values.yaml', 'charts/api/values-dev.yaml'], production: ['charts/api/values.yaml', 'charts/api/values-production.yaml'] },
  ],
  [
    'helm_deploy/values-<env>.yaml beside the chart',
    [
      'helm_deploy/prisoner-api/Chart.yaml',
      'helm_deploy/prisoner-api/values.yaml',
      'helm_deploy/values-dev.yaml',
      'helm_deploy/values-preprod.yaml',
      'helm_deploy/values-prod.yaml',
    ],
    'helm_deploy/values-<env>.yaml',
    {
      dev: ['helm_deploy/prisoner-api/values.yaml', 'helm_deploy/values-dev.yaml'],
      preprod: ['helm_deploy/prisoner-api/values.yaml', 'helm_deploy/values-preprod.yaml'],
      prod: ['helm_deploy/prisoner-api/values.yaml', 'helm_deploy/values-prod.yaml'],
    },
  ],
  [
    'values/<env>.yaml',
    ['chart/Chart.yaml', 'chart/values.yaml', 'chart/values/dev.yaml', 'chart/values/prod.yaml'],
    'chart/values/<env>.yaml',
    { dev: ['chart/values.yaml', 'chart/values/dev.yaml'], prod: ['chart/values.yaml', 'chart/values/prod.yaml'] },
  ],
  [
    'apps/<app>/<env>/values.yaml',
    [
      'apps/api/staging/values.yaml',
      'apps/api/production/values.yaml',
      'apps/api/values.yaml',
      'apps/web/staging/values.yaml',
      'apps/web/production/values.yaml',
      'apps/web/qa/values.yaml',
    ],
    'apps/web/<env>/values.yaml',
    { qa: ['apps/web/qa/values.yaml'], staging: ['apps/web/staging/values.yaml'], production: ['apps/web/production/values.yaml'] },
  ],
  [
    'Kustomize overlays/<env>',
    [
      'k8s/base/kustomization.yaml',
      'k8s/base/deployment.yaml',
      'k8s/overlays/staging/kustomization.yaml',
      'k8s/overlays/staging/patch.yaml',
      'k8s/overlays/prod/kustomization.yaml',
    ],
    'k8s/overlays/<env>/',
    { staging: ['k8s/overlays/staging'], prod: ['k8s/overlays/prod'] },
  ],
  [
    'environments/<env>/ manifests',
    ['environments/dev/configmap.yaml', 'environments/prod/configmap.yaml', 'environments/prod/deployment.yaml'],
    'environments/<env>/',
    { dev: ['environments/dev'], prod: ['environments/prod'] },
  ],
  [
    'deploy/<env>/',
    ['deploy/staging/app.yaml', 'deploy/production/app.yaml', 'src/main.ts'],
    'deploy/<env>/',
    { staging: ['deploy/staging'], production: ['deploy/production'] },
  ],
  [
    'Terraform environments/<env>/*.tfvars',
    ['environments/dev/main.tfvars', 'environments/dev/extra.tfvars.json', 'environments/prod/main.tfvars'],
    'environments/<env>/*.tfvars',
    { dev: ['environments/dev/extra.tfvars.json', 'environments/dev/main.tfvars'], prod: ['environments/prod/main.tfvars'] },
  ],
  [
    'Terraform environments/<stack>/<env>.tfvars, not inverted',
    [
      'environments/network/dev.tfvars',
      'environments/network/staging.tfvars',
      'environments/network/prod.tfvars',
      'environments/payments/dev.tfvars',
      'environments/payments/prod.tfvars',
    ],
    'environments/network/<env>.tfvars',
    { dev: ['environments/network/dev.tfvars'], staging: ['environments/network/staging.tfvars'], prod: ['environments/network/prod.tfvars'] },
  ],
  [
    'config/<env>.yml without database.yml or analytics.yml',
    ['config/database.yml', 'config/analytics.yml', 'config/staging.yml', 'config/production.yml', 'config/storage.yml'],
    'config/<env>.yml',
    { staging: ['config/staging.yml'], production: ['config/production.yml'] },
  ],
  [
    'config/<env>.json',
    ['config/default.json', 'config/development.json', 'config/production.json', 'config/custom-environment-variables.json'],
    'config/<env>.json',
    { development: ['config/default.json', 'config/development.json'], production: ['config/default.json', 'config/production.json'] },
  ],
  [
    'Rails config gem',
    ['config/settings.yml', 'config/settings/development.yml', 'config/settings/production.yml', 'config/settings/test.yml', 'config/settings.local.yml'],
    'config/settings/<env>.yml',
    {
      development: ['config/settings.yml', 'config/settings/development.yml'],
      test: ['config/settings.yml', 'config/settings/test.yml'],
      production: ['config/settings.yml', 'config/settings/production.yml'],
    },
  ],
  [
    'Spring application-<env>.yml',
    ['src/main/resources/application.yml', 'src/main/resources/application-dev.yml', 'src/main/resources/application-prod.yml', 'pom.xml'],
    'src/main/resources/application-<env>.yml',
    {
      dev: ['src/main/resources/application.yml', 'src/main/resources/application-dev.yml'],
      prod: ['src/main/resources/application.yml', 'src/main/resources/application-prod.yml'],
    },
  ],
  [
    'Spring application-<env>.properties over application.properties (and a .yml beside it)',
    [
      'src/main/resources/application.yml',
      'src/main/resources/application.properties',
      'src/main/resources/application-dev.properties',
      'src/main/resources/application-prod.properties',
      'pom.xml',
    ],
    'src/main/resources/application-<env>.properties',
    {
      dev: ['src/main/resources/application.yml', 'src/main/resources/application.properties', 'src/main/resources/application-dev.properties'],
      prod: ['src/main/resources/application.yml', 'src/main/resources/application.properties', 'src/main/resources/application-prod.properties'],
    },
  ],
  [
    'Spring with mixed extensions: application-staging.yml beside application-prod.properties (and a prod .yml under it)',
    [
      'src/main/resources/application.yml',
      'src/main/resources/application-prod.properties',
      'src/main/resources/application-prod.yml',
      'src/main/resources/application-staging.yml',
      'pom.xml',
    ],
    'src/main/resources/application-<env>.{yml,properties}',
    {
      staging: ['src/main/resources/application.yml', 'src/main/resources/application-staging.yml'],
      prod: ['src/main/resources/application.yml', 'src/main/resources/application-prod.yml', 'src/main/resources/application-prod.properties'],
    },
  ],
  [
    '.env.<env>',
    ['.env', '.env.staging', '.env.production', '.env.example', '.env.local'],
    '.env.<env>',
    { staging: ['.env', '.env.staging'], production: ['.env', '.env.production'] },
  ],
  ['<dir>/<env>.env', ['deploy/dev.env', 'deploy/prod.env'], 'deploy/<env>.env', { dev: ['deploy/dev.env'], prod: ['deploy/prod.env'] }],
];

describe('per-environment folders of plain values files', () => {
  it('are named file by file, not as folders of manifests (which read nothing from them)', async () => {
    // init wrote `files: [envs/dev]`: a directory is read as manifests, every file was skipped, and
    // the scan said the environments agree.
    const repo = await repoWithFiles({
      'envs/dev/values.yaml': 'a: 3\n',
      'envs/staging/values.yaml': 'a: 2\n',
      'envs/prod/values.yaml': 'a: 1\n',
      'envs/prod/secrets.enc.yaml': 'x: 1\n',
    });
    const init = await runCli(['init'], { cwd: repo });
    expect(init.stdout).toContain('discovered envs/<env>/values.yaml (dev, staging, prod), confidence 1');
    const config = await loadConfig(repo);
    expect(config.environments.map((e) => [e.name, e.files])).toEqual([
      ['dev', ['envs/dev/values.yaml']],
      ['staging', ['envs/staging/values.yaml']],
      ['prod', ['envs/prod/values.yaml']],
    ]);
    const scan = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(scan.exitCode).toBe(1);
    expect(scan.stdout).toMatch(/^≠ cross-env +a +3 +2 +1$/m);
    // Folders of manifests stay folders.
    const manifests = await repoWithFiles({
      'deploy/staging/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "1"}\n',
      'deploy/production/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "2"}\n',
    });
    expect((await runCli(['init'], { cwd: manifests })).stdout).toContain('discovered deploy/<env>/ (staging, production)');
  });
});

describe('discovery of the layouts people use', () => {
  it.each(CASES)('%s', (_name, files, pattern, environments) => {
    const [best] = discoverLayouts([...files].sort());
    expect(best!.pattern).toBe(pattern);
    expect(Object.fromEntries(best!.environments)).toEqual(environments);
    expect(best!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('says why shared files are not environments', () => {
    const [best] = discoverLayouts(['config/database.yml', 'config/staging.yml', 'config/production.yml']);
    expect(best!.notes).toEqual(['config/database.yml: "database" names a shared or non-environment file, so it is not an environment']);
    // One the layout reads as every stack's base is not "left out".
    const [based] = discoverLayouts(['config/default.yaml', 'config/staging.yaml', 'config/production.yaml']);
    expect(Object.fromEntries(based!.environments)).toEqual({
      staging: ['config/default.yaml', 'config/staging.yaml'],
      production: ['config/default.yaml', 'config/production.yaml'],
    });
    expect(based!.notes).toEqual(['config/default.yaml is not an environment: it is read first, as the shared base, in the stacks of staging, production']);
  });

  it('is less sure of names that do not read as environments, and ranks the surer layout first', () => {
    const layouts = discoverLayouts([
      'environments/network/dev.tfvars',
      'environments/network/prod.tfvars',
      'environments/payments/dev.tfvars',
      'environments/payments/prod.tfvars',
      'environments/dns/dev.tfvars',
    ]);
    expect(layouts.map((l) => l.pattern)).toEqual(['environments/network/<env>.tfvars', 'environments/payments/<env>.tfvars', 'environments/<env>/*.tfvars']);
    expect(layouts.at(-1)!.confidence).toBeLessThan(0.5);
  });
});

describe('discovery in a repository', () => {
  it('leaves out a file that shares no key with its siblings, with a note', async () => {
    const repo = await repoWithFiles({
      'config/development.yml': 'db:\n  host: localhost\nlog: debug\n',
      'config/staging.yml': 'db:\n  host: db.staging\nlog: info\n',
      'config/production.yml': 'db:\n  host: db.prod\nlog: warn\n',
      'config/sitemap.yml': 'urls:\n  - /\n  - /about\n',
    });
    const config = await loadConfig(repo);
    expect(config.environments.map((e) => e.name)).toEqual(['development', 'staging', 'production']);
    expect(config.discovery!.notes).toEqual(['config/sitemap.yml: shares no key with the other <env>.yml files, so it is not taken as an environment']);
  });

  it('reads the environments a helmfile declares', async () => {
    const repo = await repoWithFiles({
      'helmfile.yaml':
        'environments:\n  staging:\n    values: [env/common.yaml, env/staging.yaml]\n  production:\n    values:\n      ' +
        '- env/common.yaml\n      - env/production.yaml\n      - {{ .Environment.Name }}/secrets.yaml\n---\nreleases:\n' +
        '  - name: api\n    chart: ./charts/api\n',
      'env/common.yaml': 'replicas: 1\n',
      'env/staging.yaml': 'replicas: 2\n',
      'env/production.yaml': 'replicas: 4\n',
    });
    const config = await loadConfig(repo);
    expect(config.source).toBe('discovered helmfile.yaml environments (staging, production)');
    expect(config.environments.map((e) => [e.name, e.files])).toEqual([
      ['staging', ['env/common.yaml', 'env/staging.yaml']],
      ['production', ['env/common.yaml', 'env/production.yaml']],
    ]);
  });

  it('`init` shows what it found with a confidence, and lists the alternatives when layouts compete', async () => {
    const repo = await repoWithFiles({
      'values.yaml': 'replicas: 1\n',
      'values-staging.yaml': 'replicas: 2\n',
      'values-production.yaml': 'replicas: 3\n',
      '.env.staging': 'A=1\n',
      '.env.production': 'A=2\n',
    });
    const init = await runCli(['init'], { cwd: repo });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain('discovered values-<env>.yaml (staging, production), confidence 1');
    expect(init.stdout).toContain('also found: .env.<env> (staging, production), confidence 1');
    // Which one it took, and by what rule.
    expect(init.stdout).toContain(
      '2 layouts found (also offered combined); values-<env>.yaml (staging, production) is taken because the same confidence and number of environments: ' +
        "the convention listed first in the README's layout table",
    );
    // Both, as one stack per environment, is one of the choices.
    expect(init.stdout).toContain('also found: values-<env>.yaml + .env.<env> (staging, production), confidence 1');
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain('staging:\n    files:\n      - values.yaml\n      - values-staging.yaml');
    expect(written).toContain('# also found: .env.<env> (staging, production), confidence 1');
    // Two layouts in the repository: their combination is a choice, not a third layout.
    expect(written).toContain('# 2 layouts found (also offered combined); values-<env>.yaml (staging, production) is taken because');
    // Without a terminal, --layout takes the Nth of them: here the combination.
    expect((await runCli(['init', '--force', '--layout', '9'], { cwd: repo })).stderr).toBe(
      'undrift: --layout 9: 2 layouts found (also offered combined): choose 1-3 (see `undrift init` without --layout)',
    );
    const chosen = await runCli(['init', '--force', '--layout', '3'], { cwd: repo });
    expect(chosen.stdout).toContain('2 layouts found (also offered combined); values-<env>.yaml + .env.<env> (staging, production) is the one you chose');
    expect((await loadConfig(repo)).environments.map((e) => e.files)).toEqual([
      ['values.yaml', 'values-staging.yaml', '.env.staging'],
      ['values.yaml', 'values-production.yaml', '.env.production'],
    ]);
  });

  it('picks among competing layouts by a stated rule: the surer, then more environments, then the table order', () => {
    const why = (files: string[]) => {
      const [chosen, other] = discoverLayouts(files);
      return `${chosen!.pattern} over ${other!.pattern}: ${whyChosen(chosen!, other!)}`;
    };
    expect(why(['.env.alpha', '.env.beta', 'config/staging.yaml', 'config/production.yaml'])).toBe(
      'config/<env>.yaml over .env.<env>: it is the surer (confidence 1 vs 0.45)',
    );
    expect(why(['.env.staging', '.env.production', 'values-dev.yaml', 'values-staging.yaml', 'values-prod.yaml'])).toBe(
      'values-<env>.yaml over .env.<env>: it has more environments (3 vs 2) at the same confidence',
    );
    expect(why(['.env.staging', '.env.production', 'values-staging.yaml', 'values-prod.yaml'])).toMatch(
      /^values-<env>\.yaml over \.env\.<env>: the same confidence and number of environments: the convention listed first/,
    );
  });

  it('combines layouts of different conventions naming the same environments, last; never one per app of one convention', () => {
    const patterns = (files: string[]) => discoverLayouts(files).map((l) => `${l.pattern} ${[...l.environments.keys()].join(',')}`);
    expect(patterns(['.env.staging', '.env.production', 'values-dev.yaml', 'values-staging.yaml', 'values-production.yaml'])).toEqual([
      'values-<env>.yaml dev,staging,production',
      '.env.<env> staging,production',
      'values-<env>.yaml + .env.<env> dev,staging,production',
    ]);
    const [, , combined] = discoverLayouts(['.env.staging', '.env.production', 'values-dev.yaml', 'values-staging.yaml', 'values-production.yaml']);
    expect(combined!.environments.get('dev')).toEqual(['values-dev.yaml']);
    expect(combined!.notes).toContain('dev: in only some of the combined layouts, so read from those alone');
    // Two apps' values for the same environments are two services: never one stack.
    expect(patterns(['apps/api/staging/values.yaml', 'apps/api/prod/values.yaml', 'apps/web/staging/values.yaml', 'apps/web/prod/values.yaml'])).toHaveLength(
      2,
    );
    // Environments that do not meet (staging, prod against qa, production) are not combined.
    expect(patterns(['values-staging.yaml', 'values-prod.yaml', '.env.qa', '.env.production'])).toHaveLength(2);
  });
});
