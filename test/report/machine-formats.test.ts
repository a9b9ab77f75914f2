import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// ajv-draft-04 is CommonJS; its class is what require() returns.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv').default;
const addFormats = require('ajv-formats') as (ajv: InstanceType<typeof Ajv>) => void;
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { git, tempDir } from '../support/repo.js';
import { scenarioRepo } from '../support/demo-repo.js';

const SCHEMAS = fileURLToPath(new URL('./schemas/', import.meta.url));
const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let repo: string;
beforeAll(async () => {
  repo = await scenarioRepo();
}, 120_000);

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
  properties: { key: string; suggested?: string };
}

const sarifOf = async (cwd: string) => {
  const result = await runCli(['scan', '--format', 'sarif', '--no-cache'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(1);
  return JSON.parse(result.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: SarifResult[] }> };
};

/** The demo's SARIF as it is at the start (before the fingerprint test moves its lines): run once,
 * for the schema test and as the fingerprint test's "before". */
let firstSarif: ReturnType<typeof sarifOf> | undefined;
const sarifOfDemo = () => (firstSarif ??= sarifOf(repo));

describe('scan --format sarif', () => {
  it('is valid SARIF 2.1.0, one rule per kind, results at the file and line of the repo value', async () => {
    const sarif = await sarifOfDemo();
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS, 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv); // uri, uri-reference, date-time are checked too
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);

    const [run] = sarif.runs;
    expect(run!.tool.driver.rules.map((r) => r.id)).toEqual([
      'cross-env',
      'contract-violation',
      'stale-declaration',
      'missing',
      'live-drift',
      'live-only',
      'artifact',
      'live-cross-env',
      'live-object',
      'missing-live',
      'object-cross-env',
      'permission',
    ]);
    const timeout = run!.results.find((r) => r.properties.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && r.ruleId === 'cross-env')!;
    expect(timeout.level).toBe('error');
    const where = timeout.locations[0]!.physicalLocation;
    const line = readFileSync(path.join(repo, where.artifactLocation.uri), 'utf8').split('\n')[where.region.startLine - 1];
    expect(line).toMatch(/^PAYMENT_GATEWAY_TIMEOUT_MS: /);
    expect(timeout.message.text).toContain('staging "10000"');
    // Informational findings are notes, not errors.
    const stale = run!.results.find((r) => r.properties.key === 'DB_POOL_MAX')!;
    expect(stale.level).toBe('note');
    // The suggestion as the table says it and apply does it: the declaration is removed, not re-declared.
    expect([stale.properties.suggested, stale.message.text]).toEqual(['undeclare', expect.stringContaining('Suggested: undeclare (0.')]);
  });

  it("keeps each finding's fingerprint across runs, even when its line moves", async () => {
    const before = await sarifOfDemo();
    const file = path.join(repo, 'config/production.yaml');
    writeFileSync(file, `# a comment that moves every line down\n${readFileSync(file, 'utf8')}`);
    await git(repo, 'commit', '-qam', 'comment', '--author', 'Ana Lima <ana@example.test>');
    const after = await sarifOf(repo);
    const prints = (s: typeof before) =>
      new Map(s.runs[0]!.results.map((r) => [`${r.ruleId} ${r.properties.key}`, r.partialFingerprints['undriftDivergence/v1']]));
    expect(prints(after)).toEqual(prints(before));
    const line = (s: typeof before) => s.runs[0]!.results.find((r) => r.properties.key === 'PG_CLIENT_VERSION')!;
    expect(line(after).locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    expect(new Set(prints(after).values()).size).toBe(after.runs[0]!.results.length);
  });
});

describe('scan --format junit', () => {
  it.skipIf(!hasXmllint)('is valid against the Jenkins JUnit schema: one test case per key, failed on undeclared drift', async () => {
    const result = await runCli(['scan', '--format', 'junit', '--no-cache'], { cwd: repo });
    expect(result.exitCode).toBe(1);
    const out = path.join(await tempDir(), 'junit.xml');
    writeFileSync(out, result.stdout);
    execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, 'jenkins-junit-4.xsd'), out], { stdio: 'pipe' });
    const cases = [...result.stdout.matchAll(/<testcase name="([^"]+)"/g)].map((m) => m[1]);
    expect(cases).toContain('PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(new Set(cases).size).toBe(cases.length);
    expect(result.stdout).toMatch(/<testcase name="DB_POOL_MAX"[^>]*>\s*<system-out>/);
    expect(result.stdout).toMatch(/<testcase name="PAYMENT_GATEWAY_TIMEOUT_MS"[^>]*>\s*<failure type="cross-env,live-drift"/);
    // The table's `?`, spelled out where a CI page shows only the message.
    expect(result.stdout).toMatch(/message="PG_CLIENT_VERSION: cross-env — [^"]+ \(0\.[0-4]\d\), needs a human"/);
    expect(result.stdout).toMatch(/message="PAYMENT_GATEWAY_TIMEOUT_MS: cross-env — [^"]+ \(0\.9\d\); live-drift/);
  });

  it.skipIf(!hasXmllint)('stays valid XML when values carry markup and control characters', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'undrift.yaml'), 'environments:\n  staging: staging.env\n  production: production.env\n');
    writeFileSync(path.join(dir, 'staging.env'), 'BANNER="<b>&\\"hi\\"</b>"\n');
    writeFileSync(path.join(dir, 'production.env'), 'BANNER="x\\x07\\x1b]0;t\\x07"\n');
    await git(dir, 'init', '-q');
    await git(dir, 'add', '.');
    await git(dir, '-c', 'user.name=A', '-c', 'user.email=a@b.c', 'commit', '-qm', 'init');
    const result = await runCli(['scan', '--format', 'junit', '--no-cache'], { cwd: dir });
    const out = path.join(dir, 'junit.xml');
    writeFileSync(out, result.stdout);
    execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMAS, 'jenkins-junit-4.xsd'), out], { stdio: 'pipe' });
    expect(result.stdout).toContain('BANNER');
  });
});

describe('report', () => {
  it('exits 0 once the report is written, and as scan does with --fail-on-drift', async () => {
    const out = path.join(await tempDir(), 'report.md');
    const written = await runCli(['report', '-o', out, '--no-cache'], { cwd: repo });
    expect(written.exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('PAYMENT_GATEWAY_TIMEOUT_MS');
    const gated = await runCli(['report', '-o', out, '--fail-on-drift', '--no-cache'], { cwd: repo });
    expect(gated.exitCode).toBe(1);
  });
});
