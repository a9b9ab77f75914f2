import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { repoWithFiles, runUndrift, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';

const CONFIG = `environments:
  staging: config/staging.yaml
  production: config/production.yaml
promotion: [staging, production]
`;

const CONTRACT = `expected_differences:
  LOG_LEVEL:
    staging: debug
    production: warn
`;

const files = (staging: string, production: string, extra: Record<string, string> = {}) => ({
  'undrift.yaml': CONFIG,
  'config/expected-env-diff.yaml': CONTRACT,
  'config/staging.yaml': staging,
  'config/production.yaml': production,
  ...extra,
});

/** The repository of the tests that only read it (TIMEOUT_MS drifts, LOG_LEVEL as declared):
 * built once for them, not once per test. */
let shared: Promise<string> | undefined;
const timeoutDrift = () => (shared ??= repoWithFiles(files('LOG_LEVEL: debug\nTIMEOUT_MS: 10000\n', 'LOG_LEVEL: warn\nTIMEOUT_MS: 3000\n')));

/** Errors are one line, name the problem, and never show a stack trace. */
function expectOneLineError(result: { stderr: string; stdout: string; exitCode: number }, pattern: RegExp) {
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
}

describe('undrift scan', () => {
  it('--env naming one environment says there is nothing to compare it with, not only that the environments agree', async () => {
    // A CI gate run with `--env production` passed whatever staging held, with "no divergences:
    // the environments agree".
    const repo = await timeoutDrift();
    const one = await runCli(['scan', '--no-history', '--env', 'production'], { cwd: repo });
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toContain(
      'warning: --env production names one environment: environments are compared with each other, so only its live state can differ ' +
        'from its files; name two or more (--env staging,production)',
    );
    const both = await runCli(['scan', '--no-history', '--env', 'staging,production'], { cwd: repo });
    expect(both.stdout).not.toContain('names one environment');
  });

  it('exits 0 when every difference is declared', async () => {
    const repo = await repoWithFiles(files('LOG_LEVEL: debug\nA: 1\n', 'LOG_LEVEL: warn\nA: 1\n'));
    const result = await runCli(['scan'], { cwd: repo });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('no divergences');
  });

  it('exits 1 on undeclared drift and prints a table with one column per environment', async () => {
    const repo = await timeoutDrift();
    // Through the built binary: the exit code and the output as a CI job sees them.
    const result = await runUndrift(['scan'], { cwd: repo });
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.find((l) => l.includes('KIND'))).toMatch(/KIND\s+KEY\s+STAGING\s+PRODUCTION/);
    // Both values were written in the same commit, which says nothing of why: declare, a person decides.
    expect(lines.find((l) => l.includes('TIMEOUT_MS'))).toMatch(/^≠ cross-env\s+TIMEOUT_MS\s+10000\s+3000\s+\? declare \(0\.45\)$/);
    expect(result.stdout).toContain('1 divergence: 1 undeclared drift');
    expect(result.stdout).not.toContain('\u001b['); // NO_COLOR
  });

  it('prints the versioned JSON contract', async () => {
    const repo = await repoWithFiles(files('LOG_LEVEL: debug\nTIMEOUT_MS: 10000\nONLY_STAGING: x\n', 'LOG_LEVEL: warn\nTIMEOUT_MS: 3000\n'));
    const result = await runCli(['scan', '--format', 'json'], { cwd: repo });
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([
      'version',
      'repo',
      'config',
      'environments',
      'promotion',
      'contract',
      'live',
      'divergences',
      'notes',
      'warnings',
      'summary',
      'timelines',
    ]);
    expect(json.live).toEqual({});
    expect(json).toMatchObject({
      version: 1,
      environments: ['staging', 'production'],
      contract: 'config/expected-env-diff.yaml',
      summary: { divergences: 2, undeclared: 2, byKind: { 'cross-env': 1, missing: 1 } },
    });
    expect(json.repo).toBe(repo);
    for (const d of json.divergences) {
      expect(Object.keys(d).slice(0, 11)).toEqual(['id', 'key', 'kind', 'severity', 'envs', 'values', 'declared', 'contract', 'notes', 'history', 'verdict']);
      // Fields gained since come after them: a missing key says who holds it and who lacks it.
      expect(Object.keys(d).slice(11)).toEqual(d.kind === 'missing' ? ['presentIn', 'absentIn'] : []);
      // Version 1 only grows: the first fields stay, the verdict's risk and evidence (and a question
      // or expiry where there is one) come after them.
      expect(Object.keys(d.verdict).slice(0, 8)).toEqual(['deliberate', 'drifted', 'suggested', 'value', 'confidence', 'reasons', 'risk', 'evidence']);
      expect(
        Object.keys(d.verdict)
          .slice(8)
          .every((k) => k === 'question' || k === 'expires'),
      ).toBe(true);
      for (const e of d.verdict.evidence) expect(['intent', 'ticket', 'contract', 'age', 'quality', 'live', 'order', 'version']).toContain(e.kind);
      for (const env of json.environments) {
        for (const event of d.history[env]) {
          expect(Object.keys(event)).toEqual(['commit', 'author', 'email', 'date', 'subject', 'file', 'from', 'to', 'merge', 'revert']);
        }
      }
      for (const env of json.environments) {
        expect(Object.keys(d.values[env]).slice(0, 5)).toEqual(['repo', 'live', 'location', 'at', 'type']);
        // Added in v1 (the contract only grows): the comment beside the value, when its file has one.
        expect(
          Object.keys(d.values[env])
            .slice(5)
            .every((k) => k === 'note'),
        ).toBe(true);
      }
    }
    expect(json.divergences.find((d: { key: string }) => d.key === 'ONLY_STAGING')).toMatchObject({
      kind: 'missing',
      envs: ['production'],
      values: {
        staging: { repo: 'x', location: 'config/staging.yaml:3', at: { file: 'config/staging.yaml', line: 3, column: 15 } },
        production: { repo: null, location: null, at: null },
      },
    });
  });

  it('prints a Markdown report with locations', async () => {
    const repo = await timeoutDrift();
    const result = await runCli(['scan', '-f', 'markdown'], { cwd: repo });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('# Environment drift report');
    expect(result.stdout).toContain('| ≠ | `TIMEOUT_MS` | cross-env | `10000` | `3000` |');
    expect(result.stdout).toContain('- **staging**: `10000` (config/staging.yaml:2)');
  });

  it('filters by environment and key glob', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  dev: config/dev.yaml\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/dev.yaml': 'A_URL: 1\nB: 1\n',
      'config/staging.yaml': 'A_URL: 1\nB: 2\n',
      'config/production.yaml': 'A_URL: 2\nB: 2\n',
    });
    const onlyUpstream = JSON.parse((await runCli(['scan', '-f', 'json', '--env', 'dev,staging'], { cwd: repo })).stdout);
    expect(onlyUpstream.environments).toEqual(['dev', 'staging']);
    expect(onlyUpstream.divergences.map((d: { key: string }) => d.key)).toEqual(['B']);
    const urls = await runCli(['scan', '-f', 'json', '--key', '*_URL'], { cwd: repo });
    expect(JSON.parse(urls.stdout).divergences.map((d: { key: string }) => d.key)).toEqual(['A_URL']);
    const clean = await runCli(['scan', '--env', 'staging,production', '--key', 'B'], { cwd: repo });
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).not.toContain('warning:');
    // A glob that matches no key at all is a usage error: "no divergences" and exit 0 would read as
    // the environments agreeing, and a gate on a misspelt key would pass for ever.
    const typo = await runCli(['scan', '--key', '*_ULR'], { cwd: repo });
    expect(typo.exitCode).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe('undrift: --key *_ULR matches no key of dev, staging, production (files, live state or contract): is it mistyped?');
    // `--json` is `--format json` for scan, as it is JSON for explain, at, releases and log.
    expect(JSON.parse((await runCli(['scan', '--json', '--key', '*_URL'], { cwd: repo })).stdout).divergences).toHaveLength(1);
  });

  it('runs from a subdirectory and with --repo', async () => {
    const repo = await repoWithFiles(files('LOG_LEVEL: debug\n', 'LOG_LEVEL: warn\n', { 'docs/x.md': 'x\n' }));
    expect((await runCli(['scan'], { cwd: `${repo}/docs` })).exitCode).toBe(0);
    expect((await runCli(['scan', '--repo', repo], { cwd: '/' })).exitCode).toBe(0);
  });

  it('without a command and without a terminal, behaves as scan and says so', async () => {
    const repo = await timeoutDrift();
    const result = await runCli([], { cwd: repo });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('undrift: not a terminal (stdin and stdout must both be one); showing `undrift scan`');
    expect(result.stdout).toContain('cross-env');
  });

  it('colours only when asked and never with NO_COLOR or --no-color', async () => {
    const repo = await timeoutDrift();
    const forced = await runCli(['scan'], { cwd: repo, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
    const flag = await runCli(['scan', '--no-color'], { cwd: repo, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain('\u001b[');
  });
});

describe('bad input gets one clear line and exit 2', () => {
  it('malformed YAML names file, line and column', async () => {
    const repo = await repoWithFiles(files('LOG_LEVEL: debug\nT: [1, 2\n', 'LOG_LEVEL: warn\n'));
    expectOneLineError(await runCli(['scan'], { cwd: repo }), /^undrift: config\/staging\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('a YAML error is placed on a line of the file: a quote never closed where it opens, not past the last line', async () => {
    // The parser finds both at the end of the file: a 3-line file's error was at 4:1.
    const quote = await repoWithFiles(files('LOG_LEVEL: debug\nT: "open\nU: 3\n', 'LOG_LEVEL: warn\n'));
    expectOneLineError(
      await runUndrift(['scan'], { cwd: quote }),
      /^undrift: config\/staging\.yaml:2:4: invalid YAML: the " quote opened here is never closed$/,
    );
    const flow = await repoWithFiles(files('LOG_LEVEL: debug\nT: {a: 1\n', 'LOG_LEVEL: warn\n'));
    // The parser names the line after an unclosed flow list or map; the fix is at its bracket.
    expectOneLineError(
      await runUndrift(['scan'], { cwd: flow }),
      /^undrift: config\/staging\.yaml:2:4: invalid YAML: the \{ opened here is not closed by a \} on its line or on lines indented under its key$/,
    );
    // An alias to no anchor: the library names it but gives no line.
    const alias = await repoWithFiles(files('base: &base\n  A: 1\nT:\n  <<: *bsae\n', 'LOG_LEVEL: warn\n'));
    expectOneLineError(
      await runUndrift(['scan'], { cwd: alias }),
      /^undrift: config\/staging\.yaml:4:7: invalid YAML: the alias \*bsae names no anchor set above it \(did you mean \*base\?\)$/,
    );
  });

  it('malformed JSON and dotenv name file and line', async () => {
    const json = await repoWithFiles({ 'undrift.yaml': 'environments:\n  a: a.json\n  b: b.json\n', 'a.json': '{"x": 1,}', 'b.json': '{}' });
    expectOneLineError(await runCli(['scan'], { cwd: json }), /^undrift: a\.json:1:\d+: invalid JSON: /);
    const env = await repoWithFiles({ '.env.staging': 'A=1\nnot valid\n', '.env.production': 'A=1\n' });
    expectOneLineError(await runCli(['scan'], { cwd: env }), /^undrift: \.env\.staging:2:1: invalid dotenv line/);
  });

  it('an unknown environment in --env lists the known ones', async () => {
    const repo = await timeoutDrift();
    expectOneLineError(await runCli(['scan', '--env', 'prod'], { cwd: repo }), /^undrift: unknown environment "prod" \(known: staging, production\)$/);
  });

  it('a contract naming an unknown environment names the contract line', async () => {
    const repo = await repoWithFiles({
      ...files('A: 1\n', 'A: 1\n'),
      'config/expected-env-diff.yaml': 'expected_differences:\n  A:\n    staging: 1\n    prod: 2\n',
    });
    expectOneLineError(await runCli(['scan'], { cwd: repo }), /^undrift: config\/expected-env-diff\.yaml:4: A names unknown environment "prod"/);
  });

  it('a configured file that does not exist', async () => {
    const repo = await repoWithFiles({ 'undrift.yaml': CONFIG, 'config/staging.yaml': 'A: 1\n' });
    expectOneLineError(await runCli(['scan'], { cwd: repo }), /^undrift: config\/production\.yaml: no such file or directory/);
  });

  it('a directory that is not a git repository', async () => {
    const dir = await tempDir();
    expectOneLineError(await runCli(['scan'], { cwd: dir }), /^undrift: .* is not inside a git repository/);
    expectOneLineError(await runCli(['scan', '--repo', `${dir}/nope`], { cwd: dir }), /^undrift: .*nope: no such directory$/);
  });

  it('unknown flags, commands and formats', async () => {
    const dir = await tempDir();
    expectOneLineError(await runCli(['scan', '--colour'], { cwd: dir }), /^undrift: unknown option "--colour" \(see undrift --help\)$/);
    // node:util's own wording ("Option '-C, --repo <value>' argument missing") is not shown.
    expectOneLineError(await runCli(['scan', '--repo'], { cwd: dir }), /^undrift: --repo needs a value \(see undrift --help\)$/);
    expectOneLineError(await runCli(['explain', '--json=yes', 'KEY'], { cwd: dir }), /^undrift: --json takes no value \(see undrift --help\)$/);
    expectOneLineError(await runCli(['scna'], { cwd: dir }), /^undrift: unknown command "scna" \(did you mean scan\? commands: scan, explain/);
    expectOneLineError(
      await runCli(['scan', '--fromat', 'json'], { cwd: dir }),
      /^undrift: unknown option "--fromat" \(did you mean --format\? see undrift --help\)$/,
    );
    expectOneLineError(await runCli(['frobnicate'], { cwd: dir }), /^undrift: unknown command "frobnicate" \(commands: scan, /);
    // An empty key glob is a mistake (an unset variable in a CI script), not "every key".
    for (const command of ['scan', 'log', 'report'])
      expectOneLineError(
        await runCli([command, '-k', ''], { cwd: dir }),
        /^undrift: --key needs a glob of keys \(e\.g\. -k 'PAYMENT_\*'\); leave it out for every key$/,
      );
    expectOneLineError(await runCli(['scan', '--json', '-f', 'table'], { cwd: dir }), /^undrift: --json and --format table ask for two formats: give one$/);
    // A report's file in a directory that does not exist: said before anything is read (dir is no repository).
    expectOneLineError(
      await runCli(['report', '-o', 'nope/drift.md'], { cwd: dir }),
      /^undrift: --output nope\/drift\.md: no such directory \/.*\/nope \(create it first\)$/,
    );
    expectOneLineError(await runCli(['scan', '-o', '.'], { cwd: dir }), /^undrift: --output \.: is a directory; name a file in it$/);
    // The report is the post-mortem document; a table, SARIF or JUnit of it was scan's output with exit 0.
    for (const format of ['table', 'sarif', 'junit'])
      expectOneLineError(
        await runUndrift(['report', '-f', format], { cwd: await timeoutDrift() }),
        new RegExp(`^undrift: report writes markdown, html, json, not ${format} \\(undrift scan --format ${format} prints the divergences\\)$`),
      );
    expect((await runUndrift(['report', '-f', 'html'], { cwd: await timeoutDrift() })).exitCode).toBe(0);
    expectOneLineError(
      await runCli(['scan', '-f', 'yaml'], { cwd: dir }),
      /^undrift: --format must be one of table, json, markdown, html, sarif, junit, not "yaml"$/,
    );
  });

  it('a window whose start is after its end (report, log): one line saying so, before anything is read', async () => {
    const dir = await tempDir();
    const empty = /^undrift: --since (\S+) is after --until (\S+): the window is empty \(were they swapped\?\)$/;
    expectOneLineError(await runCli(['report', '--since', '2026-07-15', '--until', '2026-07-13'], { cwd: dir }), empty);
    expectOneLineError(await runCli(['report', '--since', '2026-07-14T12:00Z', '--until', '2026-07-14T13:00+02:00'], { cwd: dir }), empty);
    expectOneLineError(await runCli(['log', '--since', '2026-12-05', '--until', '2026-12-01'], { cwd: dir }), empty);
    // A day as --until covers the whole day; one day for both is a window too: these pass the
    // check and stop only at the repository, which does not exist (no git process is started).
    const nope = ['--repo', `${dir}/nope`];
    const noRepo = /^undrift: .*nope: no such directory$/;
    expectOneLineError(await runCli(['report', ...nope, '--since', '2026-07-14T12:00Z', '--until', '2026-07-14'], { cwd: dir }), noRepo);
    expectOneLineError(await runCli(['log', ...nope, '--since', '2026-12-03', '--until', '2026-12-03'], { cwd: dir }), noRepo);
  });

  it('prints help and version', async () => {
    const dir = await tempDir();
    const help = await runCli(['--help'], { cwd: dir });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('undrift scan [options]');
    const version = await runCli(['--version'], { cwd: dir });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('ends quietly when its reader closes the pipe early (scan | head), with the exit code the scan found whatever the output size; one line and exit 2 on a full disk', async () => {
    // Far more output than a pipe holds (~1 MB of JSON against 64 KiB), so that undrift writes into the closed pipe.
    const keys = Array.from({ length: 1000 }, (_, i) => `KEY_${i}: ${i}`);
    const repo = await repoWithFiles(files(`LOG_LEVEL: debug\n${keys.join('\n')}\n`, `LOG_LEVEL: warn\n${keys.map((k) => `${k}0`).join('\n')}\n`));
    const bin = new URL('../../bin/undrift.js', import.meta.url).pathname;
    // The binary in a shell, as a user pipes it; PIPESTATUS says undrift's own exit code.
    const sh = (cwd: string, script: string) => execa('bash', ['-c', script], { cwd, env: { NODE: process.execPath, BIN: bin, NO_COLOR: '1' }, reject: false });
    const piped = await sh(repo, '"$NODE" "$BIN" scan --format json --no-history | head -c 100 >/dev/null; echo "undrift exit ${PIPESTATUS[0]}"');
    // Drift found: 1, as the small table that fits in the pipe says (a gate under pipefail must not pass).
    expect(piped.stdout).toBe('undrift exit 1');
    expect(piped.stderr).toBe('');
    const table = await sh(repo, '"$NODE" "$BIN" scan --no-history | head -1 >/dev/null; echo "undrift exit ${PIPESTATUS[0]}"');
    expect(table.stdout).toBe('undrift exit 1');
    expect(table.stderr).toBe('');
    // The kept output of an unchanged re-run is written before the CLI loads: the same code.
    const kept = await sh(repo, '"$NODE" "$BIN" scan --format json --no-history | head -c 100 >/dev/null; echo "undrift exit ${PIPESTATUS[0]}"');
    expect(kept.stdout).toBe('undrift exit 1');
    // No drift, and more output than a pipe holds (1,000 declarations no longer needed: informational): 0.
    const stale = keys.map((_, i) => `  KEY_${i}: {staging: a, production: b}`).join('\n');
    const same = await repoWithFiles({
      ...files(`${keys.join('\n')}\n`, `${keys.join('\n')}\n`),
      'config/expected-env-diff.yaml': `expected_differences:\n${stale}\n`,
    });
    const quiet = await sh(same, '"$NODE" "$BIN" scan --format json --no-history | head -c 10 >/dev/null; echo "undrift exit ${PIPESTATUS[0]}"');
    expect(quiet.stdout).toBe('undrift exit 0');
    expect(quiet.stderr).toBe('');
    // A full disk is not a closed reader: one line and exit 2, not a stack trace.
    const full = await sh(repo, '"$NODE" "$BIN" scan --format json --no-history >/dev/full');
    expect(full.exitCode).toBe(2);
    expect(full.stderr).toBe('undrift: cannot write the output: no space left on device (ENOSPC)');
  });
});
