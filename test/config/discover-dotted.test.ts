import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverLayouts } from '../../src/config/discover.js';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// Environment names with a dot (`values-stg.eu.yaml`, `application-prod.eu.yml`) vanished from
// Helm and Spring discovery without a word: scan and init listed `dev` alone. A dot is kept in the
// name, unless the word after it makes the file a variant of another environment's
// (`values-prod.secrets.yaml`): that file is left out, and a note names it and says why.

const SECRETS_NOTE =
  'chart/values-prod.secrets.yaml: ".secrets" after the dot reads as a variant of prod\'s file (secrets, a local override, an example), ' +
  'not an environment "prod.secrets", so it is not read; name it in undrift.yaml if it is one';

describe('discovery of environment names with a dot', () => {
  it('Helm: values-stg.eu.yaml and values-prod-eu.1.yaml are environments; values-prod.secrets.yaml is left out with a note', () => {
    const [layout] = discoverLayouts([
      'chart/Chart.yaml',
      'chart/values.yaml',
      'chart/values-dev.yaml',
      'chart/values-stg.eu.yaml',
      'chart/values-prod-eu.1.yaml',
      'chart/values-prod.secrets.yaml',
    ]);
    expect(layout!.pattern).toBe('chart/values-<env>.yaml');
    expect(Object.fromEntries(layout!.environments)).toEqual({
      dev: ['chart/values.yaml', 'chart/values-dev.yaml'],
      'stg.eu': ['chart/values.yaml', 'chart/values-stg.eu.yaml'],
      'prod-eu.1': ['chart/values.yaml', 'chart/values-prod-eu.1.yaml'],
    });
    expect(layout!.notes).toEqual([SECRETS_NOTE]);
  });

  it('Spring: application-prod.eu.yml is an environment, application-prod.local.yml a variant', () => {
    const [layout] = discoverLayouts([
      'src/main/resources/application.yml',
      'src/main/resources/application-dev.yml',
      'src/main/resources/application-prod.eu.yml',
      'src/main/resources/application-prod.local.yml',
    ]);
    expect([...layout!.environments.keys()]).toEqual(['dev', 'prod.eu']);
    expect(layout!.notes).toEqual([
      expect.stringMatching(/^src\/main\/resources\/application-prod\.local\.yml: "\.local" after the dot reads as a variant of prod's file/),
    ]);
  });

  // `config/<env>.yaml` took `config/prod.secrets.yaml` as an environment "prod.secrets" between
  // dev and prod once it shared a key with them (its secrets compared across three environments,
  // every plain key "missing" in it): a variant word after a dot is read in every layout.
  it('config/<env>.yaml: prod.secrets.yaml sharing keys with the others is a variant, not an environment', () => {
    const keys = new Map([
      ['config/dev.yaml', new Set(['a', 'password'])],
      ['config/prod.yaml', new Set(['a', 'password'])],
      ['config/prod.secrets.yaml', new Set(['password'])],
    ]);
    const [layout] = discoverLayouts([...keys.keys()], (file) => keys.get(file));
    expect(layout!.pattern).toBe('config/<env>.yaml');
    expect([...layout!.environments.keys()]).toEqual(['dev', 'prod']);
    expect(layout!.notes).toEqual([expect.stringMatching(/^config\/prod\.secrets\.yaml: "\.secrets" after the dot reads as a variant of prod's file/)]);
  });

  it('scan and init list every environment and print the note', async () => {
    const repo = await repoWithFiles({
      'chart/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
      'chart/values.yaml': 'replicas: 1\nlog: info\n',
      'chart/values-dev.yaml': 'log: debug\n',
      'chart/values-stg.eu.yaml': 'log: warn\n',
      'chart/values-prod-eu.1.yaml': 'log: error\n',
      'chart/values-prod.secrets.yaml': 'dbPassword: changeme\n',
    });
    const scan = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    expect(scan.exitCode).toBe(1);
    const json = JSON.parse(scan.stdout) as { environments: string[]; warnings: string[]; divergences: Array<{ key: string; envs: string[] }> };
    expect(json.environments).toEqual(['dev', 'stg.eu', 'prod-eu.1']);
    expect(json.divergences.map((d) => `${d.key} ${d.envs.join(',')}`)).toEqual(['log dev,stg.eu,prod-eu.1']);
    expect(json.warnings).toContain(`discovery: ${SECRETS_NOTE}`);
    const init = await runCli(['init'], { cwd: repo });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain(`left out: ${SECRETS_NOTE}`);
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).toContain('  stg.eu:\n    files:\n      - chart/values.yaml\n      - chart/values-stg.eu.yaml\n');
    const again = await runCli(['scan', '--format', 'json', '--no-history'], { cwd: repo });
    expect((JSON.parse(again.stdout) as { environments: string[] }).environments).toEqual(['dev', 'stg.eu', 'prod-eu.1']);
  });
});
