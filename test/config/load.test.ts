import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverLayouts } from '../../src/config/discover.js';
import { loadConfig } from '../../src/config/load.js';
import { UserError } from '../../src/errors.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

const ISSUE_SHAPE = `environments:
  staging:
    files: [config/staging.yaml]
    live: {snapshot: live/staging.yaml}
  production:
    files: [config/production.yaml]
    live: {kubernetes: {context: prod, namespace: payments, configMaps: [payment-config]}}
contract: config/expected-env-diff.yaml
promotion: [staging, production]
`;

const rejection = async (files: Record<string, string>) => {
  const repo = await repoWithFiles(files);
  const e = await loadConfig(repo).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return (e as Error).message;
};

describe('undrift.yaml', () => {
  it('loads the documented shape', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': ISSUE_SHAPE,
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': 'A: 1\n',
      'config/expected-env-diff.yaml': 'expected_differences:\n  A: {staging: 1, production: 2}\n',
    });
    const config = await loadConfig(repo);
    expect(config.environments.map((e) => [e.name, e.files, e.format])).toEqual([
      ['staging', ['config/staging.yaml'], 'auto'],
      ['production', ['config/production.yaml'], 'auto'],
    ]);
    expect(config.environments[1]!.live).toEqual({ kubernetes: { context: 'prod', namespace: 'payments', configMaps: ['payment-config'] } });
    expect(config.promotion).toEqual(['staging', 'production']);
    expect(config.contract.entries).toHaveLength(1);
    expect(config.source).toBe('undrift.yaml');
  });

  it('accepts a bare file or list per environment and orders environments conventionally', async () => {
    const repo = await repoWithFiles({ 'undrift.yaml': 'environments:\n  prod: a.env\n  dev: [b.env]\n  qa: {files: c.env, format: dotenv, select: app}\n' });
    const config = await loadConfig(repo);
    expect(config.promotion).toEqual(['dev', 'qa', 'prod']);
    expect(config.environments.find((e) => e.name === 'qa')).toMatchObject({ files: ['c.env'], format: 'dotenv', select: 'app' });
    expect(config.contract.file).toBeNull();
  });

  it('names file, line and the offending path of a schema error', async () => {
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging:\n    files: 42\n' })).toBe(
      'undrift.yaml:3:12: environments.staging.files: expected a file path or a list of file paths',
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging:\n    files: [a.yaml]\n    fromat: yaml\n' })).toBe(
      'undrift.yaml:4:5: environments.staging: unknown setting "fromat" (did you mean "format"?)',
    );
    // A misspelt required setting: the misspelling is named, not the absence it causes.
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging:\n    fils: [a.yaml]\n' })).toBe(
      'undrift.yaml:3:5: environments.staging: unknown setting "fils" (did you mean "files"?)',
    );
    // Through the live source's union, at the top, and none where nothing is a slip away.
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging:\n    files: a.yaml\n    live: {snapshto: s.yaml}\n' })).toBe(
      'undrift.yaml:4:12: environments.staging.live: unknown setting "snapshto" (did you mean "snapshot"?)',
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: a.yaml\ncontarct: c.yaml\n' })).toBe(
      'undrift.yaml:3:1: unknown setting "contarct" (did you mean "contract"?)',
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: a.yaml\nnotifications: {}\n' })).toBe(
      'undrift.yaml:3:1: unknown setting "notifications"',
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: {files: a.yaml, format: toml}\n' })).toMatch(
      /^undrift\.yaml:2:36: environments\.staging\.format: expected one of auto, yaml, json/,
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: a.yaml\n  production: b.yaml\npromotion: [staging, prod]\n' })).toBe(
      'undrift.yaml:4: promotion names unknown environment "prod" (known: staging, production)',
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: {files: a.yaml, live: {}}\n' })).toMatch(
      /^undrift\.yaml:2:34: environments\.staging\.live: name exactly one live source/,
    );
    expect(await rejection({ 'undrift.yaml': 'environments: [staging]\n' })).toMatch(/^undrift\.yaml:1:15: environments: expected a map of environment name/);
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: a.yaml\n  production: b.yaml\ncontract: nope.yaml\n' })).toBe(
      'nope.yaml: the contract named in undrift.yaml does not exist',
    );
    expect(await rejection({ 'undrift.yaml': 'environments:\n  staging: a.yaml\n  bad: [\n' })).toMatch(/^undrift\.yaml:\d+:\d+: invalid YAML: /);
    expect(
      await rejection({
        'undrift.yaml': 'environments:\n  staging: k8s/overlays/staging\n  production: [k8s/overlays/production/kustomization.yaml]\n',
        'k8s/overlays/staging/kustomization.yaml': 'resources: []\n',
        'k8s/overlays/production/kustomization.yaml': 'resources: []\n',
      }),
    ).toBe(
      'undrift.yaml:3:15: environments.production.files[0]: "k8s/overlays/production/kustomization.yaml" is a kustomization; ' +
        'name its directory ("k8s/overlays/production") to read the overlay as kustomize builds it',
    );
  });
});

describe('discovery of conventional layouts', () => {
  it.each([
    [
      ['config/staging.yaml', 'config/production.yaml', 'config/expected-env-diff.yaml', 'config/default.yaml'],
      'config/<env>.yaml',
      { staging: ['config/default.yaml', 'config/staging.yaml'], production: ['config/default.yaml', 'config/production.yaml'] },
    ],
    [
      ['config/settings/dev.yml', 'config/settings/prod.yml'],
      'config/settings/<env>.yml',
      { dev: ['config/settings/dev.yml'], prod: ['config/settings/prod.yml'] },
    ],
    [
      ['values-staging.yaml', 'values-prod.yaml', 'values.yaml'],
      'values-<env>.yaml',
      { staging: ['values.yaml', 'values-staging.yaml'], prod: ['values.yaml', 'values-prod.yaml'] },
    ],
    [
      ['charts/api/values/dev.yaml', 'charts/api/values/prod.yaml'],
      'charts/api/values/<env>.yaml',
      { dev: ['charts/api/values/dev.yaml'], prod: ['charts/api/values/prod.yaml'] },
    ],
    [['.env.staging', '.env.production', '.env.example'], '.env.<env>', { staging: ['.env.staging'], production: ['.env.production'] }],
    [['deploy/dev.env', 'deploy/prod.env'], 'deploy/<env>.env', { dev: ['deploy/dev.env'], prod: ['deploy/prod.env'] }],
    [
      ['environments/dev/main.tfvars', 'environments/dev/extra.tfvars.json', 'environments/prod/main.tfvars'],
      'environments/<env>/*.tfvars',
      { dev: ['environments/dev/extra.tfvars.json', 'environments/dev/main.tfvars'], prod: ['environments/prod/main.tfvars'] },
    ],
    [
      ['k8s/overlays/staging/kustomization.yaml', 'k8s/overlays/staging/patch.yaml', 'k8s/overlays/prod/kustomization.yaml', 'k8s/base/deployment.yaml'],
      'k8s/overlays/<env>/',
      { staging: ['k8s/overlays/staging'], prod: ['k8s/overlays/prod'] },
    ],
  ])('finds %j as %s', (files, pattern, environments) => {
    const [best] = discoverLayouts(files.sort());
    expect(best!.pattern).toBe(pattern);
    expect(Object.fromEntries(best!.environments)).toEqual(environments);
  });

  it('is used and named when there is no undrift.yaml, and `init` writes it', async () => {
    const repo = await repoWithFiles({ '.env.staging': 'A=1\n', '.env.production': 'A=2\n', 'README.md': '# x\n' });
    const config = await loadConfig(repo);
    expect(config.source).toBe('discovered .env.<env> (staging, production)');
    expect(config.discovered).toBe(true);

    const init = await runCli(['init'], { cwd: repo });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain('discovered .env.<env> (staging, production)');
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain('staging:\n    files:\n      - .env.staging');
    expect((await loadConfig(repo)).environments.map((e) => e.name)).toEqual(['staging', 'production']);

    const again = await runCli(['init'], { cwd: repo });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/^undrift: undrift\.yaml already exists in .* \(use --force to replace it\)$/);
  });

  it("refuses a key set twice in undrift's own files, naming both lines: the contract entry declared again replaced the first in silence", async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\n',
      'config/staging.yaml': 'TIMEOUT: 30\n',
      'config/production.yaml': 'TIMEOUT: 60\n',
      'config/expected-env-diff.yaml':
        'expected_differences:\n  TIMEOUT:\n    staging: 30\n    production: 60\n    reason: prod is slower\n  TIMEOUT:\n    staging: any\n    production: 90\n',
    });
    // Before, the later entry alone was read: TIMEOUT a contract violation, no word of the first.
    const scan = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(scan.exitCode).toBe(2);
    expect(scan.stderr.trim()).toBe(
      'undrift: config/expected-env-diff.yaml:6: "TIMEOUT" is set twice in one mapping (lines 2 and 6): one of them would be ignored; keep one',
    );
    await writeFile(
      path.join(repo, 'undrift.yaml'),
      'environments:\n  staging: {files: [config/staging.yaml]}\nenvironments:\n  production: {files: [config/production.yaml]}\n',
    );
    await expect(loadConfig(repo)).rejects.toThrow(
      'undrift.yaml:3: "environments" is set twice in one mapping (lines 1 and 3): one of them would be ignored; keep one',
    );
  });

  it('says what it looked for when nothing is found', async () => {
    const repo = await repoWithFiles({ 'README.md': '# nothing here\n' });
    // Not "write one with `undrift init`": init discovers as the scan does, so it would fail the same way.
    await expect(loadConfig(repo)).rejects.toThrow(
      /no undrift\.yaml and no per-environment config found .* write undrift\.yaml by hand, naming each environment's files: `environments: \{staging: /,
    );
  });
});
