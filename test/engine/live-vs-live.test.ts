import { beforeAll, describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { canDeclare, declareLines } from '../../src/tui/decide.js';
import { detailLines, listRows } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { scanRepository, type Scan } from '../../src/engine.js';
import { git, repoWithFiles } from '../support/repo.js';

// Live values compared across environments like repo values: exec probes (real child processes)
// and env dumps read from snapshot files, with the contract and the exec source's select/ignore.

const node = process.execPath;
const ENVS = ['dev', 'staging', 'production'];

// A database probe per environment, and a `terraform show -json`-shaped document.
const PROBE = `
const env = process.argv[2];
const migrations = { dev: '20240301120000', staging: '20240301120000', production: '20240101090000' }[env];
console.log(JSON.stringify({
  schema_migrations: migrations,
  extensions: { pgcrypto: '1.3', postgis: env === 'dev' ? '3.4.0' : '3.3.2' },
  region: { dev: 'eu-west-1', staging: 'eu-west-1', production: 'eu-central-1' }[env],
  generated_at: new Date().toISOString(),
  terraform: { format_version: '1.0', values: { outputs: { db_host: { value: env + '.db.internal' }, queue_size: { value: 100 } } } },
}));
`;

const files = (contract: string) => ({
  'probe.cjs': PROBE,
  ...Object.fromEntries(ENVS.map((env) => [`config/${env}.yaml`, 'app:\n  name: billing\n'])),
  'undrift.yaml': [
    'environments:',
    ...ENVS.flatMap((env) => [
      `  ${env}:`,
      `    files: config/${env}.yaml`,
      `    live: {exec: {command: [${JSON.stringify(node)}, probe.cjs, ${env}], ignore: [terraform.*, generated_at]}}`,
    ]),
    `promotion: [${ENVS.join(', ')}]`,
    '',
  ].join('\n'),
  'config/expected-env-diff.yaml': contract,
});

const scan = async (repo: string) => scanRepository({ repo, history: false, allowExec: true, today: '2026-12-03' });
const rows = (s: Scan) => s.divergences.map((d) => [d.kind, d.key, d.envs.join(',')]);

describe('live vs live (exec probes)', () => {
  let plain: Scan;
  beforeAll(async () => {
    plain = await scan(await repoWithFiles(files('expected_differences: {}\n')));
  });

  it("says production's schema_migrations is behind staging's without the repo declaring it, one row per key, no live-only rows", () => {
    expect(plain.warnings.filter((w) => /unavailable|partly/.test(w))).toEqual([]);
    expect(rows(plain)).toEqual([
      ['live-cross-env', 'extensions.postgis', 'staging,production'],
      ['live-cross-env', 'region', 'dev,staging,production'],
      ['live-cross-env', 'schema_migrations', 'production'],
    ]);
    const migrations = plain.divergences.find((d) => d.key === 'schema_migrations')!;
    expect(migrations.notes).toContain("production's schema_migrations 20240101090000 is behind staging's 20240301120000");
    expect(migrations.values.production).toMatchObject({ repo: null, live: '20240101090000' });
    expect(migrations.verdict).toBeUndefined(); // history off
    const postgis = plain.divergences.find((d) => d.key === 'extensions.postgis')!;
    // dev is ahead of the environments after it: said, and named against dev.
    expect(postgis.notes).toEqual(["staging's extensions.postgis 3.3.2 is behind dev's 3.4.0", "production's extensions.postgis 3.3.2 is behind dev's 3.4.0"]);
    const region = plain.divergences.find((d) => d.key === 'region')!;
    expect(region.notes[0]).toMatch(/the environments read different values live: dev's "eu-west-1", staging's "eu-west-1", production's "eu-central-1"/);
  });

  it("the view's list shows each environment's live value on these rows (no repo file holds one)", () => {
    const state = initialState({ repoName: 'billing', envs: ENVS, promotion: ENVS, divergences: plain.divergences });
    const row = listRows(state, 10, 100).rows.find((r) => r.text.includes('region'))!;
    expect(row.text).toMatch(/region\s+eu-west-1\s+eu-west-1\s+eu-central-1/);
    // Nothing to revert or backfill with: the detail offers only what can be decided.
    expect(
      detailLines(
        state,
        plain.divergences.find((d) => d.key === 'region')!,
        100,
      ).map((l) => l.text),
    ).toContain('Decision: none yet (d declare · s skip)');
  });

  it("declares a difference only live sources hold with each environment's live value, and the declaration silences it", async () => {
    const region = plain.divergences.find((d) => d.key === 'region')!;
    expect(canDeclare(region)).toBeUndefined();
    expect(declareLines(region, ENVS)).toEqual([
      "declares region in the contract with each environment's current live value:",
      '  dev: "eu-west-1"',
      '  staging: "eu-west-1"',
      '  production: "eu-central-1"',
    ]);
    const outcome = await applyDecisions(plain, [{ key: 'region', action: 'declare', divergence: region.id, reason: 'one region per environment' }], {
      today: '2026-12-03',
      env: process.env,
    });
    const branch = outcome.commit!.branch;
    expect(await git(plain.repoRoot, 'diff', '--name-only', 'HEAD', branch)).toBe('config/expected-env-diff.yaml');
    await git(plain.repoRoot, 'checkout', '-q', branch);
    const after = await scan(plain.repoRoot);
    expect(rows(after)).toEqual([
      ['live-cross-env', 'extensions.postgis', 'staging,production'],
      ['live-cross-env', 'schema_migrations', 'production'],
    ]);
  });

  it('drops the keys exec ignore: names (a timestamp, a subtree)', () => {
    expect(plain.divergences.some((d) => d.key.startsWith('terraform') || d.key === 'generated_at')).toBe(false);
  });

  it('holds live values to the contract: a declaration silences them, ignore drops them, a value outside the declaration is drift', async () => {
    const s = await scan(
      await repoWithFiles(
        files(
          [
            'ignore: [extensions.*]',
            'expected_differences:',
            '  region: {dev: eu-west-1, staging: eu-west-1, production: eu-central-1}',
            '  schema_migrations: {dev: any, staging: any, production: "/^2024030/"}',
            '',
          ].join('\n'),
        ),
      ),
    );
    expect(rows(s)).toEqual([['live-cross-env', 'schema_migrations', 'production']]);
    const d = s.divergences[0]!;
    expect(d).toMatchObject({ declared: true, contract: { key: 'schema_migrations', location: 'config/expected-env-diff.yaml:4' } });
    expect(d.notes).toEqual(['production runs "20240101090000" live; the contract allows /^2024030/']);
    // Declared keys that only live sources hold are not "declared, but no environment has this key".
    expect(s.divergences.some((x) => x.kind === 'stale-declaration')).toBe(false);
  });

  it('select: picks a subtree of the output (terraform show -json values.outputs)', async () => {
    const repo = await repoWithFiles({
      ...files('expected_differences: {}\n'),
      'undrift.yaml': [
        'environments:',
        ...ENVS.flatMap((env) => [
          `  ${env}:`,
          `    files: config/${env}.yaml`,
          `    live: {exec: {command: [${JSON.stringify(node)}, probe.cjs, ${env}], select: terraform.values.outputs, ignore: ["*.value.extra"]}}`,
        ]),
        '',
      ].join('\n'),
    });
    const s = await scan(repo);
    expect(rows(s)).toEqual([['live-cross-env', 'db_host.value', 'dev,staging,production']]);
    const state = s.snapshot.live!.get('production')!;
    expect([...state.values.keys()].sort()).toEqual(['db_host.value', 'queue_size.value']);
  });
});

describe('live vs live (env dumps in snapshots)', () => {
  const dump = (host: string, extra = '') => `PATH=/usr/local/bin:/usr/bin\nHOSTNAME=${host}\nLOG_LEVEL=warn\n${extra}`;
  const repoFiles = (contract: string) => ({
    'config/staging.yaml': 'LOG_LEVEL: warn\n',
    'config/production.yaml': 'LOG_LEVEL: warn\n',
    'live/staging.env': dump('api-7d9f-abcde'),
    'live/production.env': dump('api-5c4b-xyz12', 'DEBUG_TOKEN_TTL=60\n'),
    'undrift.yaml': [
      'environments:',
      '  staging: {files: config/staging.yaml, live: {snapshot: live/staging.env}}',
      '  production: {files: config/production.yaml, live: {snapshot: live/production.env}}',
      '',
    ].join('\n'),
    'config/expected-env-diff.yaml': contract,
  });

  it('the pod-specific noise of an env dump differs across environments until the contract ignores it', async () => {
    const noisy = await scan(await repoWithFiles(repoFiles('expected_differences: {}\n')));
    expect(rows(noisy)).toEqual([
      ['live-cross-env', 'DEBUG_TOKEN_TTL', 'production'],
      ['live-cross-env', 'HOSTNAME', 'staging,production'],
    ]);
    const quiet = await scan(await repoWithFiles(repoFiles('ignore: [HOSTNAME, PATH]\nexpected_differences: {}\n')));
    expect(rows(quiet)).toEqual([['live-cross-env', 'DEBUG_TOKEN_TTL', 'production']]);
    expect(quiet.divergences[0]!.notes).toEqual(['DEBUG_TOKEN_TTL is read live in production, not in staging (no repo file declares it)']);
  });
});

describe("the contract on an object's live-only keys", () => {
  const configMap = (sha: string) =>
    ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: app-config, namespace: pay}', `data: {LOG_LEVEL: warn, BUILD_SHA: "${sha}"}`, ''].join('\n');
  const repoFiles = (contract: string) => ({
    'config/staging.yaml': 'LOG_LEVEL: warn\n',
    'config/production.yaml': 'LOG_LEVEL: warn\n',
    'live/staging.yaml': configMap('4f1c2e9'),
    'live/production.yaml': configMap('0b7d311'),
    'undrift.yaml': [
      'environments:',
      '  staging: {files: config/staging.yaml, live: {snapshot: live/staging.yaml}}',
      '  production: {files: config/production.yaml, live: {snapshot: live/production.yaml}}',
      '',
    ].join('\n'),
    'config/expected-env-diff.yaml': contract,
  });

  it('a live-only field is drift in each environment, with what the others run; a declaration or an ignore silences it', async () => {
    const undeclared = await scan(await repoWithFiles(repoFiles('expected_differences: {}\n')));
    expect(rows(undeclared)).toEqual([
      ['live-only', 'BUILD_SHA', 'production'],
      ['live-only', 'BUILD_SHA', 'staging'],
    ]);
    expect(undeclared.divergences[0]!.notes).toContain(
      'the environments read different values live: staging\'s "4f1c2e9", production\'s "0b7d311" (no repo file declares BUILD_SHA)',
    );
    const declared = await scan(await repoWithFiles(repoFiles('expected_differences:\n  BUILD_SHA: {staging: any, production: any}\n')));
    expect(rows(declared)).toEqual([]);
    const ignored = await scan(await repoWithFiles(repoFiles('ignore: ["BUILD_*"]\n')));
    expect(rows(ignored)).toEqual([]);
  });
});
