import { describe, expect, it } from 'vitest';
import { compareEnvironments } from '../../src/compare/compare.js';
import { scanRepository } from '../../src/engine.js';
import { repoWithFiles } from '../support/repo.js';
import { parseContract } from '../../src/config/contract.js';
import { yamlFileFromText } from '../../src/config/yaml-file.js';
import type { Snapshot, Value } from '../../src/model/types.js';

const ENVS = ['staging', 'production'];
const TODAY = '2026-11-22';

function snapshot(values: Record<string, Record<string, string | number | null>>): Snapshot {
  const envs = Object.keys(values);
  return {
    repo: '/repo',
    environments: envs,
    promotion: envs,
    envs: new Map(
      envs.map((env) => [
        env,
        {
          env,
          files: [`config/${env}.yaml`],
          warnings: [],
          values: new Map(
            Object.entries(values[env]!).map(([key, v], i): [string, Value] => [
              key,
              {
                text: v === null ? 'null' : String(v),
                type: v === null ? 'null' : typeof v === 'number' ? 'number' : 'string',
                location: { file: `config/${env}.yaml`, line: i + 1, column: 1 },
              },
            ]),
          ),
        },
      ]),
    ),
  };
}

const contract = (text: string, envs = ENVS) => parseContract(yamlFileFromText(`expected_differences:\n${text}`, 'config/expected-env-diff.yaml'), envs);
const compare = (values: Parameters<typeof snapshot>[0], contractText = '', today = TODAY) =>
  compareEnvironments(snapshot(values), contract(contractText, Object.keys(values)), today);

describe('compare environments under the contract', () => {
  it('finds nothing when undeclared keys are equal and declared ones hold allowed values', () => {
    const { divergences } = compare(
      { staging: { A: '1', LOG_LEVEL: 'debug' }, production: { A: '1', LOG_LEVEL: 'warn' } },
      '  LOG_LEVEL: {staging: debug, production: warn}\n',
    );
    expect(divergences).toEqual([]);
  });

  it('reports an undeclared difference as cross-env drift with every value and location', () => {
    const { divergences } = compare({ staging: { TIMEOUT: 10000 }, production: { TIMEOUT: 3000 } });
    expect(divergences).toHaveLength(1);
    expect(divergences[0]).toMatchObject({
      key: 'TIMEOUT',
      kind: 'cross-env',
      severity: 'drift',
      envs: ['staging', 'production'],
      declared: false,
      contract: null,
      values: {
        staging: { repo: '10000', live: null, at: { file: 'config/staging.yaml', line: 1, column: 1 }, type: 'number' },
        production: { repo: '3000', live: null, at: { file: 'config/production.yaml', line: 1, column: 1 }, type: 'number' },
      },
    });
    expect(divergences[0]!.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it('reports a key present in some environments only as missing', () => {
    const { divergences } = compare({ dev: { A: '1' }, staging: { A: '1' }, production: {} });
    expect(divergences[0]).toMatchObject({ key: 'A', kind: 'missing', envs: ['production'], values: { production: { repo: null, at: null } } });
    expect(divergences[0]!.notes[0]).toBe('present in dev, staging, absent in production');
  });

  it('reports a declared key holding a value outside what the contract allows', () => {
    const { divergences } = compare(
      { staging: { replicas: 2 }, production: { replicas: 3 } },
      '  replicas:\n    staging: any\n    production: {one_of: [4, 6, 8]}\n',
    );
    expect(divergences[0]).toMatchObject({ kind: 'contract-violation', severity: 'drift', envs: ['production'], declared: true });
    expect(divergences[0]!.contract).toMatchObject({
      key: 'replicas',
      location: 'config/expected-env-diff.yaml:2',
      allowed: { staging: 'any', production: 'one of 4, 6, 8' },
    });
    expect(divergences[0]!.notes).toEqual(['production holds "3"; the contract allows one of 4, 6, 8']);
  });

  it("reads a null in the contract (~) as 'no value here': a key set in production only holds its entry", () => {
    // SENTRY_DSN only production reports to; dev and staging leave it out.
    const contract = '  SENTRY_DSN:\n    dev: ~\n    staging: null\n    production: /^https:/\n';
    expect(compare({ dev: {}, staging: {}, production: { SENTRY_DSN: 'https://k@sentry.example/4' } }, contract).divergences).toEqual([]);
    // A value where none is allowed breaks it, and says what was allowed in words.
    const set = compare({ dev: { SENTRY_DSN: 'https://k@sentry.example/9' }, staging: {}, production: { SENTRY_DSN: 'https://k@sentry.example/4' } }, contract);
    expect(set.divergences[0]).toMatchObject({
      kind: 'contract-violation',
      envs: ['dev'],
      contract: { allowed: { dev: 'no value (~)', staging: 'no value (~)' } },
    });
    // A null in a list: absent, or one of the values.
    const listed = '  WORKERS:\n    staging: [~, 2]\n    production: 8\n';
    expect(compare({ staging: {}, production: { WORKERS: 8 } }, listed).divergences).toEqual([]);
    expect(compare({ staging: { WORKERS: 2 }, production: { WORKERS: 8 } }, listed).divergences).toEqual([]);
    expect(compare({ staging: { WORKERS: 3 }, production: { WORKERS: 8 } }, listed).divergences[0]!.notes).toEqual([
      'staging holds "3"; the contract allows one of no value (~), 2',
    ]);
  });

  it('says how to write "no value" where a contract wrote the word absent for it', () => {
    const { divergences } = compare({ staging: {}, production: { FOO: 2 } }, '  FOO:\n    staging: absent\n    production: 2\n');
    expect(divergences[0]!.notes).toEqual(['staging holds nothing (absent); the contract allows absent (the text "absent"; to allow no value, write ~)']);
  });

  it('matches keys by glob and regex', () => {
    const ok = compare(
      { staging: { DB_HOST: 'db.staging.svc', CACHE_HOST: 'c.staging.svc' }, production: { DB_HOST: 'db.prod.svc', CACHE_HOST: 'c.prod.svc' } },
      '  "*_HOST":\n    staging: /\\.staging\\./\n    production: /\\.prod\\./\n',
    );
    expect(ok.divergences).toEqual([]);
    const bad = compare(
      { staging: { DB_HOST: 'db.staging.svc' }, production: { DB_HOST: 'db.staging.svc' } },
      '  "*_HOST":\n    staging: /\\.staging\\./\n    production: /\\.prod\\./\n',
    );
    expect(bad.divergences[0]).toMatchObject({ kind: 'contract-violation', envs: ['production'], contract: { key: '*_HOST' } });
  });

  it('prefers an exact entry over a glob', () => {
    const { divergences } = compare(
      { staging: { PAY_URL: 'x' }, production: { PAY_URL: 'y' } },
      '  "*_URL": {staging: any, production: any}\n  PAY_URL: {staging: x, production: z}\n',
    );
    expect(divergences[0]).toMatchObject({ kind: 'contract-violation', contract: { key: 'PAY_URL' } });
  });

  it('requires environments an entry does not name to agree with each other', () => {
    const { divergences } = compare({ dev: { A: '1' }, staging: { A: '2' }, production: { A: '9' } }, '  A:\n    production: any\n');
    expect(divergences[0]).toMatchObject({ kind: 'contract-violation', envs: ['dev', 'staging'] });
  });

  it('reports a declaration whose environments all left their declared values for one value as stale, informational', () => {
    const { divergences } = compare({ staging: { POOL: 20 }, production: { POOL: 20 } }, '  POOL: {staging: 10, production: 40}\n');
    expect(divergences[0]).toMatchObject({ kind: 'stale-declaration', severity: 'info', declared: true });
    expect(divergences[0]!.notes[0]).toBe('declared different, but every environment now holds "20": the declaration can be removed');
  });

  it('reports an environment that took the value another still holds by the contract as a contract violation, not a stale declaration', () => {
    // Production running staging's debug level is a broken contract, not a declaration to remove.
    const debug = compare({ staging: { LOG_LEVEL: 'debug' }, production: { LOG_LEVEL: 'debug' } }, '  LOG_LEVEL: {staging: debug, production: info}\n');
    expect(debug.divergences).toHaveLength(1);
    expect(debug.divergences[0]).toMatchObject({ kind: 'contract-violation', severity: 'drift', envs: ['production'] });
    expect(debug.divergences[0]!.notes[0]).toBe('production holds "debug"; the contract allows info');
    const unbound = compare({ staging: { POOL: 20 }, production: { POOL: 20 } }, '  POOL: {staging: any, production: 40}\n');
    expect(unbound.divergences[0]).toMatchObject({ kind: 'contract-violation', envs: ['production'] });
  });

  it('reports agreement outside a declared set or pattern as a contract violation, not a stale declaration', () => {
    const floor = compare({ staging: { replicas: 2 }, production: { replicas: 2 } }, '  replicas: {staging: any, production: [4, 6, 8]}\n');
    expect(floor.divergences[0]).toMatchObject({ kind: 'contract-violation', severity: 'drift', envs: ['production'] });
    const pattern = compare({ staging: { HOST: 'db.local' }, production: { HOST: 'db.local' } }, '  HOST: {staging: /local$/, production: /\\.prod\\./}\n');
    expect(pattern.divergences[0]).toMatchObject({ kind: 'contract-violation', envs: ['production'] });
    const inside = compare({ staging: { replicas: 4 }, production: { replicas: 4 } }, '  replicas: {staging: any, production: [4, 6, 8]}\n');
    expect(inside.divergences[0]).toMatchObject({ kind: 'stale-declaration', severity: 'info' });
  });

  it('reports an expired declaration as stale; as drift while the environments still differ', () => {
    const entry = '  FLAG:\n    staging: "true"\n    production: "false"\n    expires: 2026-09-30\n';
    const differ = compare({ staging: { FLAG: 'true' }, production: { FLAG: 'false' } }, entry);
    expect(differ.divergences[0]).toMatchObject({
      kind: 'stale-declaration',
      severity: 'drift',
      declared: false,
      contract: { expired: true, expires: '2026-09-30' },
    });
    // Where the declaration is written, not its key named as if it declared itself.
    expect(differ.divergences[0]!.notes[0]).toBe(
      'the contract declared it (config/expected-env-diff.yaml:2) until 2026-09-30; that declaration has expired, so the difference is no longer covered',
    );
    const glob = compare({ staging: { FLAG: 'true' }, production: { FLAG: 'false' } }, entry.replace('FLAG:', 'FL*:'));
    expect(glob.divergences[0]!.notes[0]).toMatch(/^the contract declared it \(as FL\*, config\/expected-env-diff\.yaml:2\) until 2026-09-30;/);
    const before = compare({ staging: { FLAG: 'true' }, production: { FLAG: 'false' } }, entry, '2026-09-30');
    expect(before.divergences).toEqual([]);
    const agree = compare({ staging: { FLAG: 'true' }, production: { FLAG: 'true' } }, entry);
    expect(agree.divergences[0]).toMatchObject({ kind: 'stale-declaration', severity: 'info' });
  });

  it('reports a declaration for a key no environment has', () => {
    const { divergences } = compare({ staging: {}, production: {} }, '  GONE: {staging: a, production: b}\n');
    expect(divergences[0]).toMatchObject({ key: 'GONE', kind: 'stale-declaration', severity: 'info' });
    expect(divergences[0]!.notes).toEqual(['declared in the contract, but no environment has this key']);
  });

  it('treats 10000 and "10000" as equal but notes the difference; null is not absent', () => {
    const typed = compare({ staging: { T: 10000 }, production: { T: '10000' } });
    expect(typed.divergences).toEqual([]);
    expect(typed.notes).toEqual(['T: "10000" is written as number in staging but as string in production (equal as text)']);
    const nulls = compare({ staging: { N: null }, production: {} });
    expect(nulls.divergences[0]).toMatchObject({ kind: 'missing', envs: ['production'] });
  });

  it('puts drift before informational findings, each sorted by key', () => {
    const { divergences } = compare(
      { staging: { B: '1', A: '1', Z: 5, P: 1 }, production: { B: '2', A: '2', Z: 5, P: 1 } },
      '  Z: {staging: 1, production: 2}\n',
    );
    expect(divergences.map((d) => d.key)).toEqual(['A', 'B', 'Z']);
  });

  it('judges a contract entry on every environment it names, whichever environments are compared (scan -e)', async () => {
    // The demo's DB_POOL_MAX: a load test's sizes declared, both environments back to 20. The full
    // scan calls the declaration stale; `scan -e production` called it a contract violation (exit 1),
    // since production alone cannot see that staging left its value too.
    const pool = '  POOL: {staging: 10, production: 40}\n';
    const flag = '  FLAG: {staging: "true", production: "false", expires: 2026-09-30}\n';
    const gone = '  GONE: {staging: a, production: b}\n';
    const staging = { POOL: 20, FLAG: 'true', GONE: 'a' };
    const production = { POOL: 20, FLAG: 'false' };
    const full = compare({ staging, production }, pool + flag + gone).divergences;
    const kinds = (divergences: typeof full) => Object.fromEntries(divergences.map((d) => [d.key, `${d.kind} ${d.severity}`]));
    expect(kinds(full)).toEqual({ POOL: 'stale-declaration info', FLAG: 'stale-declaration drift', GONE: 'contract-violation drift' });

    const alone = snapshot({ production });
    const outside = snapshot({ staging }).envs.get('staging')!.values;
    const onlyProduction = compareEnvironments(alone, contract(pool + flag + gone), TODAY, new Map([['staging', outside]])).divergences;
    expect(kinds(onlyProduction)).toEqual(kinds(full));
    expect(onlyProduction.find((d) => d.key === 'GONE')).toMatchObject({ envs: ['production'] });
    expect(onlyProduction.find((d) => d.key === 'POOL')).toMatchObject({ envs: ['production'], declared: true });
    expect(onlyProduction.find((d) => d.key === 'POOL')!.notes[0]).toBe(
      'declared different, but every environment now holds "20" (staging "20": read for the contract, not compared): the declaration can be removed',
    );
    expect(onlyProduction.find((d) => d.key === 'FLAG')).toMatchObject({ envs: ['production'], declared: false });
    expect(onlyProduction.find((d) => d.key === 'FLAG')!.notes[0]).toMatch(/no longer covered \(staging "true": read for the contract, not compared\)$/);

    // Through the engine: the environments --env leaves out are read for the contract alone.
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/expected-env-diff.yaml': `expected_differences:\n${pool}${flag}`,
      'config/staging.yaml': 'POOL: 20\nFLAG: "true"\nONLY_STAGING: 1\n',
      'config/production.yaml': 'POOL: 20\nFLAG: "false"\n',
    });
    const scan = (envs?: string[]) => scanRepository({ repo, history: false, live: false, historyCache: false, today: TODAY, ...(envs ? { envs } : {}) });
    const [whole, production1] = await Promise.all([scan(), scan(['production'])]);
    expect(kinds(whole.divergences)).toMatchObject({ POOL: 'stale-declaration info', FLAG: 'stale-declaration drift' });
    expect(kinds(production1.divergences)).toEqual({ POOL: 'stale-declaration info', FLAG: 'stale-declaration drift' });
  });
});

describe('an object the contract declares in some environments only covers its own fields', () => {
  const pdb = { 'PodDisruptionBudget/api.spec.minAvailable': 2, 'PodDisruptionBudget/api.spec.selector.matchLabels.app': 'api' };

  it('the fields of an object production alone has are the declared difference, not a missing row each', () => {
    expect(compare({ staging: { A: '1' }, production: { A: '1', ...pdb } }, '  PodDisruptionBudget/api: {staging: ~, production: any}\n').divergences).toEqual(
      [],
    );
    // Not naming staging says the same: the object is expected where the entry names it.
    expect(compare({ staging: { A: '1' }, production: { A: '1', ...pdb } }, '  PodDisruptionBudget/api: {production: any}\n').divergences).toEqual([]);
  });

  it('still reports a field missing where the object itself is there, and the object where the entry forbids it', () => {
    const partial = compare(
      { staging: { 'PodDisruptionBudget/api.spec.selector.matchLabels.app': 'api' }, production: pdb },
      '  PodDisruptionBudget/api: {staging: any, production: any}\n',
    ).divergences;
    expect(partial.map((d) => [d.key, d.kind])).toEqual([['PodDisruptionBudget/api.spec.minAvailable', 'missing']]);
    const inverted = compare({ staging: { A: '1' }, production: { A: '1', ...pdb } }, '  PodDisruptionBudget/api: {staging: any, production: ~}\n').divergences;
    expect(inverted.map((d) => d.kind)).toEqual(['missing', 'missing']);
  });

  it('covers missing rows only: a field whose value differs between two environments holding the object is drift', () => {
    const { divergences } = compare(
      { staging: { 'PodDisruptionBudget/api.spec.minAvailable': 1 }, production: { 'PodDisruptionBudget/api.spec.minAvailable': 2 } },
      '  PodDisruptionBudget/api: {staging: any, production: any}\n',
    );
    expect(divergences.map((d) => [d.key, d.kind])).toEqual([['PodDisruptionBudget/api.spec.minAvailable', 'cross-env']]);
  });
});
