import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prodAndOpsCluster } from '../support/cluster.js';
import { FakeForge } from '../support/fake-forge.js';
import { atFileEnd } from '../support/file-end.js';
import { git, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// What a pull request's undrift.yaml reaches outside the repository, played as CI plays it: the
// base branch (main) holds the configuration the team reviewed, a branch `pr` changes it, and the
// real `undrift` runs in a child process on the pull request's checkout with CI's own credentials
// (KUBECONFIG, GITHUB_TOKEN) in its environment.

const IDENTITY = { GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.test', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.test' };

/** A repository whose main holds `base` files, checked out on branch `pr` with `pr` files committed over them. */
async function pullRequest(base: Record<string, string>, pr: Record<string, string>): Promise<string> {
  const repo = await repoWithFiles(base);
  await git(repo, 'branch', '-M', 'main');
  await git(repo, 'checkout', '--quiet', '-b', 'pr');
  for (const [file, text] of Object.entries(pr)) await writeFile(path.join(repo, file), text);
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '--quiet', '-m', 'a pull request');
  return repo;
}

const envs = (production: string) =>
  `environments:\n  staging:\n    files: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\n${production}promotion: [staging, production]\n`;

describe("a pull request's live source (CI's KUBECONFIG)", () => {
  const reviewed = envs('    live: {kubernetes: {context: prod, configMaps: [payment-config]}}\n');
  // Another context of the same kubeconfig, and whatever ConfigMap it can read there.
  const hostile = envs('    live: {kubernetes: {context: ops, namespace: kube-system, configMaps: [cluster-config]}}\n');

  it('reads what the base branch names under --trusted-config, never what the pull request names', async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const files = { 'config/staging.yaml': 'TIMEOUT: 3000\n', 'config/production.yaml': 'TIMEOUT: 3000\n' };
    const repo = await pullRequest({ 'undrift.yaml': reviewed, ...files }, { 'undrift.yaml': hostile });
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'main', '-f', 'json'], {
      cwd: repo,
      env: { KUBECONFIG: kubeconfig },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).not.toMatch(/ADMIN_URL|leak-5c1e/);
    expect(
      api.requests.filter((r) => r.path.includes('/namespaces/kube-system')).map((r) => r.path),
      'requests into the namespace the pull request named',
    ).toEqual([]);
    expect(
      api.requests.some((r) => r.path.includes('/namespaces/payments/configmaps')),
      'the reviewed source was read',
    ).toBe(true);
    expect(run.stdout).toMatch(/environments\.production\.live is taken from main's undrift\.yaml \(--trusted-config\)/);
    // Read (3 would be a source unread): the release's other objects are live only, which is drift.
    expect(run.exitCode).toBe(1);
  });

  it('is set for every step by UNDRIFT_TRUSTED_CONFIG too', async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const files = { 'config/staging.yaml': 'TIMEOUT: 3000\n', 'config/production.yaml': 'TIMEOUT: 3000\n' };
    const repo = await pullRequest({ 'undrift.yaml': reviewed, ...files }, { 'undrift.yaml': hostile });
    const run = await runUndrift(['scan', '--no-history', '-f', 'json'], {
      cwd: repo,
      env: { KUBECONFIG: kubeconfig, UNDRIFT_TRUSTED_CONFIG: 'main' },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/ADMIN_URL|leak-5c1e/);
    expect(api.requests.filter((r) => r.path.includes('/namespaces/kube-system'))).toEqual([]);
    expect(run.exitCode).toBe(1);
  });

  it('reads a kubeconfig in the repository only as the base branch has it', async () => {
    const { api } = await prodAndOpsCluster();
    const kube = (namespace: string) => api.kubeconfig([{ name: 'prod', namespace }]);
    const inRepo = envs('    live: {kubernetes: {kubeconfig: kube.yaml, configMaps: [payment-config, cluster-config]}}\n');
    const files = { 'config/staging.yaml': 'TIMEOUT: 3000\n', 'config/production.yaml': 'TIMEOUT: 3000\n' };
    const repo = await pullRequest({ 'undrift.yaml': inRepo, 'kube.yaml': kube('payments'), ...files }, { 'kube.yaml': kube('kube-system') });
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(api.requests).toEqual([]);
    expect(run.stderr).toMatch(/"kube\.yaml" in this checkout is not main's/);
    expect(run.exitCode).toBe(2);
  });

  it('refuses a trusted ref that is not a commit, naming the fix', async () => {
    const repo = await repoWithFiles({ 'undrift.yaml': reviewed, 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 1\n' });
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'origin/main'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.stderr).toMatch(/--trusted-config "origin\/main" is not a commit in this repository \(fetch the base branch first/);
    expect(run.exitCode).toBe(2);
  });
});

describe("a pull request's forge.api (where apply --pr sends GITHUB_TOKEN)", () => {
  async function repoWithRemote(forgeSettings: string) {
    const repo = await repoWithFiles({
      'undrift.yaml': envs('') + forgeSettings,
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': 'A: 2\n',
    });
    await git(repo, 'branch', '-M', 'main');
    // CI's remote: github.com by its URL, pushed to a bare repository here.
    const bare = path.join(await tempDir(), 'remote.git');
    await git('/', 'init', '--quiet', '--bare', bare);
    await git(repo, 'remote', 'add', 'origin', 'https://github.com/acme/app.git');
    await git(repo, 'config', 'remote.origin.pushurl', bare);
    await writeFile(path.join(path.dirname(repo), 'd.yaml'), '- {key: A, env: production, action: backfill, value: "1"}\n');
    return repo;
  }

  it("sends no token to a host other than the remote's forge", async () => {
    const attacker = new FakeForge('ci-token-9e4b');
    await attacker.start();
    atFileEnd(() => attacker.stop());
    const repo = await repoWithRemote(`forge:\n  type: github\n  api: ${attacker.url}\n  repository: acme/app\n`);
    const run = await runUndrift(['apply', '--pr', '--decisions', '../d.yaml'], {
      cwd: repo,
      env: { ...IDENTITY, GITHUB_TOKEN: 'ci-token-9e4b' },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    expect(attacker.requests, 'requests that carried the token to the host undrift.yaml named').toEqual([]);
    expect(run.stderr).toContain(`forge.api "${attacker.url}" is not the API of the remote's forge (github.com): a token is sent only there`);
    expect(run.stderr).toContain(`set UNDRIFT_FORGE_API=${attacker.url} in the job's environment`);
    expect(run.exitCode).toBe(2);
  });

  it('sends it where the job says (UNDRIFT_FORGE_API), whatever undrift.yaml names', async () => {
    const forge = new FakeForge('ci-token-9e4b');
    await forge.start();
    atFileEnd(() => forge.stop());
    const attacker = new FakeForge('ci-token-9e4b');
    await attacker.start();
    atFileEnd(() => attacker.stop());
    const repo = await repoWithRemote(`forge:\n  type: github\n  api: ${attacker.url}\n  repository: acme/app\n`);
    const run = await runUndrift(['apply', '--pr', '--decisions', '../d.yaml'], {
      cwd: repo,
      env: { ...IDENTITY, GITHUB_TOKEN: 'ci-token-9e4b', UNDRIFT_FORGE_API: forge.url },
      timeoutMs: 90_000,
    });
    expect(run.stderr).toBe('');
    expect(attacker.requests).toEqual([]);
    expect(forge.requests.map((r) => r.path)).toEqual(['/repos/acme/app/pulls']);
    expect(run.stdout).toContain('pull request: https://github.example/acme/app/pull/42');
  });
});

describe("a pull request's limits:", () => {
  // 300 levels of nesting: past the default 256, read when a configuration raises it.
  const deep = `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join('\n')} 1\n`;
  const files = { 'config/staging.yaml': 'A: 1\n' };

  it('raises no read limit under --trusted-config (the base branch sets none)', async () => {
    const repo = await pullRequest(
      { 'undrift.yaml': envs(''), ...files, 'config/production.yaml': 'A: 1\n' },
      { 'undrift.yaml': `${envs('')}limits: {nesting: 100000}\n`, 'config/production.yaml': deep },
    );
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    // The author's raise is said not taken before the error that stops the scan, and the error
    // names where the limit comes from instead of advising the raise that was just ignored.
    const [warning, error, ...more] = run.stderr.trimEnd().split('\n');
    expect(warning).toMatch(
      /^undrift: warning: undrift\.yaml: limits\.nesting is taken from main's undrift\.yaml \(--trusted-config\), not from this checkout/,
    );
    expect(error).toMatch(/^undrift: config\/production\.yaml:\d+: .*nests deeper than 256 levels/);
    expect(error).toContain(
      "the limit is undrift's default, as main's undrift.yaml (--trusted-config) sets no limits.nesting; this checkout's limits.nesting is not taken above it",
    );
    expect(error).not.toContain('in undrift.yaml raises it');
    expect(more).toEqual([]);
    expect(run.exitCode).toBe(2);
  });

  it("names the base branch's limit, not the pull request's raise, when a file passes it", async () => {
    const repo = await pullRequest(
      { 'undrift.yaml': `${envs('')}limits: {nesting: 280}\n`, ...files, 'config/production.yaml': 'A: 1\n' },
      { 'undrift.yaml': `${envs('')}limits: {nesting: 100000}\n`, 'config/production.yaml': deep },
    );
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    const [warning, error, ...more] = run.stderr.trimEnd().split('\n');
    expect(warning).toMatch(/^undrift: warning: undrift\.yaml: limits\.nesting is taken from main's undrift\.yaml/);
    expect(error).toMatch(/nests deeper than 280 levels/);
    expect(error).toContain("the limit is limits.nesting in main's undrift.yaml (--trusted-config); this checkout's limits.nesting is not taken above it");
    expect(more).toEqual([]);
    expect(run.exitCode).toBe(2);
    // Without the flag the same checkout reads it: the advice is only wrong for a trusted run.
    const untrusted = await runUndrift(['scan', '--no-history'], { cwd: repo, timeoutMs: 90_000 });
    expect(untrusted.stderr).toBe('');
    expect(untrusted.exitCode).toBe(1);
  });

  /** A pull request whose branch committed `deep` to production and then took it back: the
   * deep version is history only, skipped for the limit and said as a warning. */
  async function deepInHistory(base: string, pr: string): Promise<{ repo: string; sha: string }> {
    const repo = await pullRequest(
      { 'undrift.yaml': base, ...files, 'config/production.yaml': 'A: 1\n' },
      { 'undrift.yaml': pr, 'config/production.yaml': deep },
    );
    const sha = (await git(repo, 'rev-parse', '--short=7', 'HEAD')).trim();
    await writeFile(path.join(repo, 'config/production.yaml'), 'A: 2\n');
    await git(repo, 'commit', '--quiet', '-am', 'take the deep file back');
    return { repo, sha };
  }
  const skippedLine = (out: string, sha: string) => out.split('\n').find((line) => line.includes(`version ${sha} of config/production.yaml skipped`));

  it("says of a historic version skipped for a limit what the load's error says: where the limit comes from", async () => {
    const { repo, sha } = await deepInHistory(envs(''), `${envs('')}limits: {nesting: 100000}\n`);
    const run = await runUndrift(['scan', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    const line = skippedLine(run.stdout + run.stderr, sha);
    expect(line).toMatch(/nests deeper than 256 levels/);
    expect(line).toContain(
      "the limit is undrift's default, as main's undrift.yaml (--trusted-config) sets no limits.nesting; this checkout's limits.nesting is not taken above it",
    );
    expect(line).not.toContain('in undrift.yaml raises it');
  });

  it('reads no history kept by a run under other limits: neither its versions nor its advice', async () => {
    const { repo, sha } = await deepInHistory(envs(''), `${envs('')}limits: {nesting: 100000}\n`);
    // The same checkout without the flag takes its own raise: the deep version is read and kept.
    const untrusted = await runUndrift(['scan'], { cwd: repo, timeoutMs: 90_000 });
    expect(skippedLine(untrusted.stdout + untrusted.stderr, sha)).toBeUndefined();
    const trusted = await runUndrift(['scan', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    expect(skippedLine(trusted.stdout + trusted.stderr, sha)).toContain("as main's undrift.yaml (--trusted-config) sets no limits.nesting");
    // And the other way: a version skipped under the trusted run's limit is read once they allow it.
    const again = await runUndrift(['scan'], { cwd: repo, timeoutMs: 90_000 });
    expect(skippedLine(again.stdout + again.stderr, sha)).toBeUndefined();
  });

  it('names the --config file a limit is raised in, and says undrift.yaml itself is read within the defaults', async () => {
    const repo = await repoWithFiles({ 'ci/undrift.yaml': envs(''), ...files, 'config/production.yaml': deep });
    const run = await runUndrift(['scan', '--no-history', '--config', 'ci/undrift.yaml'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.stderr).toMatch(/nests deeper than 256 levels .*limits\.nesting in ci\/undrift\.yaml raises it/);
    const own = await repoWithFiles({ 'undrift.yaml': `${envs('')}x:\n${deep.replace(/^/gm, '  ')}`, ...files, 'config/production.yaml': 'A: 1\n' });
    const itself = await runUndrift(['scan', '--no-history'], { cwd: own, timeoutMs: 90_000 });
    expect(itself.stderr).toMatch(/nests deeper than 256 levels/);
    expect(itself.stderr).not.toContain('in undrift.yaml raises it');
    expect(itself.stderr).toContain('undrift.yaml itself is read within the default limits');
  });

  it("reads up to the base branch's raised limit, and the pull request may lower it", async () => {
    const repo = await pullRequest(
      { 'undrift.yaml': `${envs('')}limits: {nesting: 1000}\n`, ...files, 'config/production.yaml': 'A: 1\n' },
      { 'undrift.yaml': `${envs('')}limits: {nesting: 100000}\n`, 'config/production.yaml': deep },
    );
    const raised = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    expect(raised.stderr).toBe('');
    expect(raised.stdout).toMatch(/limits\.nesting is taken from main's undrift\.yaml/);
    expect(raised.exitCode).toBe(1);
    await writeFile(path.join(repo, 'undrift.yaml'), `${envs('')}limits: {nesting: 100}\n`);
    const lowered = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    // Lowered by the checkout itself: raising it there does help, as far as main allows.
    expect(lowered.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^undrift: config\/production\.yaml:\d+: .*nests deeper than 100 levels .*limits\.nesting in this checkout's undrift\.yaml lowers it; /,
      ),
    ]);
    expect(lowered.stderr).toContain("it may be raised up to what main's undrift.yaml (--trusted-config) allows");
    expect(lowered.exitCode).toBe(2);
  });
});
