import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// `divergences[].values.<env>.note` is part of the JSON contract (README, "JSON output"): the
// comment a person wrote beside the value. A post-mortem exported as JSON lost it while `explain`'s
// reasons still quoted it.
interface ValueJson {
  repo: string | null;
  location: string | null;
  note?: string;
}
interface ScanJson {
  divergences: Array<{ key: string; values: Record<string, ValueJson> }>;
}

let scan: ScanJson;
beforeAll(async () => {
  const repo = await repoWithFiles({
    'charts/api/values.yaml': 'config:\n  timeoutMs: 3000\n',
    'charts/api/values-staging.yaml': 'config:\n  timeoutMs: 5000   # raised for the slow upstream (OPS-12)\n',
    'charts/api/values-production.yaml': 'config:\n  # production keeps the provider default\n  timeoutMs: 3000\n',
    '.env.staging': '# staging flags\nexport FEATURE_FLAGS="a,b"\n# rotated 2026-01 hunter2secretpass\nDB_PASSWORD=hunter2secretpass\n',
    '.env.production': 'export FEATURE_FLAGS="a"  # only a in production\nDB_PASSWORD=Other0ne-Long-Pass\n',
    'helm.yaml':
      'environments:\n  staging: [charts/api/values.yaml, charts/api/values-staging.yaml]\n' +
      '  production: [charts/api/values.yaml, charts/api/values-production.yaml]\n',
    'dotenv.yaml': 'environments:\n  staging: .env.staging\n  production: .env.production\n',
  });
  const helm = await runCli(['scan', '-c', 'helm.yaml', '--format', 'json', '--no-history', '--no-cache'], { cwd: repo });
  const dotenv = await runCli(['scan', '-c', 'dotenv.yaml', '--format', 'json', '--no-history', '--no-cache'], { cwd: repo });
  expect([helm.exitCode, dotenv.exitCode]).toEqual([1, 1]);
  const parsed = [helm, dotenv].map((r) => JSON.parse(r.stdout) as ScanJson);
  scan = { divergences: parsed.flatMap((p) => p.divergences) };
}, 60_000);

const values = (key: string) => scan.divergences.find((d) => d.key === key)!.values;

describe('scan --format json: the note beside a value', () => {
  it('carries the comment on the value line and the one above it (YAML)', () => {
    expect(values('config.timeoutMs').staging).toMatchObject({ location: 'charts/api/values-staging.yaml:2', note: 'raised for the slow upstream (OPS-12)' });
    expect(values('config.timeoutMs').production).toMatchObject({
      location: 'charts/api/values-production.yaml:3',
      note: 'production keeps the provider default',
    });
  });

  it('carries a dotenv comment above and after the value', () => {
    expect(values('FEATURE_FLAGS').staging!.note).toBe('staging flags');
    expect(values('FEATURE_FLAGS').production!.note).toBe('only a in production');
  });

  it("never carries a secret's note (it may hold the value)", () => {
    const secret = values('DB_PASSWORD');
    expect(secret.staging!.repo).toMatch(/^secret:/);
    expect(Object.values(secret).every((v) => v.note === undefined)).toBe(true);
    expect(JSON.stringify(scan)).not.toContain('hunter2');
  });
});
