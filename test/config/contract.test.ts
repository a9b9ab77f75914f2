import { describe, expect, it } from 'vitest';
import { describeAllowed, globToRegExp } from '../../src/config/contract.js';
import { allows } from '../../src/compare/compare.js';
import { contract, contractError as error } from './contract-text.js';

describe('expected-differences contract', () => {
  it('loads the format teams already write', () => {
    const c = contract(`expected_differences:
  LOG_LEVEL:
    staging: debug
    production: warn
  PAYMENT_GATEWAY_URL:
    staging: "https://mock.payment.internal"
    production: "https://api.payment-provider.com"
`);
    expect(c.entries.map((e) => e.pattern)).toEqual(['LOG_LEVEL', 'PAYMENT_GATEWAY_URL']);
    expect(c.entries[0]!.allowed.get('production')).toEqual({ kind: 'exact', text: 'warn' });
    expect(c.entries[1]!.location).toBe('config/expected-env-diff.yaml:5');
  });

  it('accepts any, /regex/, lists, one_of, regex maps, globs and metadata', () => {
    const c = contract(`expected_differences:
  "*_URL":
    staging: any
    production: /^https:\\/\\//
  replicas:
    staging: [1, 2]
    production: {one_of: [4, 6]}
    owner: sre
  "resources.*":
    staging: {any: true}
    production: {regex: "^[0-9]+(m|Mi|Gi)?$"}
    reason: sized for traffic
    expires: 2027-03-31
`);
    const [urls, replicas, resources] = c.entries;
    expect(urls!.glob!.test('PAYMENT_GATEWAY_URL')).toBe(true);
    expect(urls!.allowed.get('staging')).toEqual({ kind: 'any' });
    expect(describeAllowed(urls!.allowed.get('production')!)).toBe('/^https:\\/\\//');
    expect(replicas!.allowed.get('staging')).toEqual({ kind: 'one_of', texts: ['1', '2'] });
    expect(replicas!.allowed.get('production')).toEqual({ kind: 'one_of', texts: ['4', '6'] });
    expect(replicas!.owner).toBe('sre');
    expect(resources!.glob!.test('resources.limits.cpu')).toBe(true);
    expect(resources!.glob!.test('resourcesX')).toBe(false);
    expect(resources).toMatchObject({ reason: 'sized for traffic', expires: '2027-03-31' });
  });

  it('allows a number or boolean as written as well as as YAML reads it (a .env keeps `1.0` as text)', () => {
    const c = contract(`expected_differences:
  SAMPLE_RATIO:
    staging: 1.0
    production: [0.50, 2]
  STRICT_TLS:
    staging: True
    production: {one_of: [010, "x"]}
  RETRIES:
    staging: 3
    production: "1.0"
`);
    const [ratio, tls, retries] = c.entries;
    const ok = (entry: typeof ratio, env: string, text: string) => allows(entry!.allowed.get(env)!, { text });
    // Written 1.0: a dotenv's "1.0" and a YAML file's 1.0 (read as "1") both hold what the author wrote.
    expect([ok(ratio, 'staging', '1.0'), ok(ratio, 'staging', '1'), ok(ratio, 'staging', '1.00')]).toEqual([true, true, false]);
    expect([ok(ratio, 'production', '0.50'), ok(ratio, 'production', '0.5'), ok(ratio, 'production', '2'), ok(ratio, 'production', '1')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([ok(tls, 'staging', 'True'), ok(tls, 'staging', 'true'), ok(tls, 'staging', 'TRUE')]).toEqual([true, true, false]);
    expect([ok(tls, 'production', '010'), ok(tls, 'production', '10'), ok(tls, 'production', 'x')]).toEqual([true, true, true]);
    // A quoted value is text already; a plain one written as YAML reads it gains nothing.
    expect(retries!.allowed.get('production')).toEqual({ kind: 'exact', text: '1.0' });
    expect(retries!.allowed.get('staging')).toEqual({ kind: 'exact', text: '3' });
    expect(ok(retries, 'production', '1')).toBe(false);
    // Shown as YAML reads it, as before.
    expect(describeAllowed(ratio!.allowed.get('staging')!)).toBe('1');
  });

  it('treats * as any run of characters and everything else literally', () => {
    expect(globToRegExp('a.b').test('aXb')).toBe(false);
    expect(globToRegExp('apps[name=x].*').test('apps[name=x].env')).toBe(true);
    expect(globToRegExp('LOG_?EVEL').test('LOG_LEVEL')).toBe(true);
  });

  it('names file and line for an unknown environment, a bad value, a bad regex and a bad date', () => {
    expect(error('expected_differences:\n  LOG_LEVEL:\n    staging: debug\n    prod: warn\n')).toBe(
      'config/expected-env-diff.yaml:4: LOG_LEVEL names unknown environment "prod" (known: staging, production; entries may also have reason, owner, expires)',
    );
    expect(error('expected_differences:\n  A:\n    staging: {between: [1, 2]}\n')).toMatch(
      /^config\/expected-env-diff\.yaml:3: A\.staging: expected a value, `any`/,
    );
    expect(error('expected_differences:\n  A:\n    staging: /([/\n')).toMatch(/^config\/expected-env-diff\.yaml:3: invalid regular expression \/\(\[\//);
    expect(error('expected_differences:\n  A:\n    staging: any\n    expires: next year\n')).toBe(
      'config/expected-env-diff.yaml:4: A.expires: "next year" is not a date written YYYY-MM-DD',
    );
    expect(error('expected_differences:\n  A:\n    reason: why\n')).toMatch(/A declares no environment's value/);
    // `any` for the whole key: what it means is a key never compared, and the error says where that goes.
    expect(error('expected_differences:\n  A: any\n')).toMatch(
      /^config\/expected-env-diff\.yaml:2:\d+: .*expected a map of environment → allowed value.*goes under `ignore:`$/,
    );
    expect(error('expected_diferences: {}\n')).toBe(
      'config/expected-env-diff.yaml:1:1: unknown setting "expected_diferences" (did you mean "expected_differences"?)',
    );
  });

  it('loads an empty contract', () => {
    expect(contract('').entries).toEqual([]);
    expect(contract('expected_differences:\n').entries).toEqual([]);
  });
});
