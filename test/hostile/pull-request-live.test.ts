import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prodAndOpsCluster } from '../support/cluster.js';
import { FakeForge } from '../support/fake-forge.js';
import { FakeKubeApi } from '../support/fake-kube-api.js';
import { atFileEnd } from '../support/file-end.js';
import { git, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// In a pull request's CI job without --trusted-config, the checkout's undrift.yaml is the pull
// request's: a Kubernetes live source it names chooses the context, namespace and objects read
// with the job's KUBECONFIG (ConfigMaps' values are printed, not fingerprinted), the kubeconfig
// read (its server, proxy-url, credential plugins). Played with the real binary, the variables
// each CI sets and the real client-node against a fake API server over real HTTP: no request may
// reach it. A snapshot file is the repository's own content and is read as before.

const GITHUB_PULL_REQUEST = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };
const FIX = 'pass --trusted-config origin/main (or set UNDRIFT_TRUSTED_CONFIG=origin/main)';

const envs = (production: string) =>
  `environments:\n  staging:\n    files: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\n${production}promotion: [staging, production]\n`;
const files = { 'config/staging.yaml': 'TIMEOUT: 3000\n', 'config/production.yaml': 'TIMEOUT: 3000\n' };

/** A repository whose main holds the reviewed undrift.yaml, checked out on `pr`, whose undrift.yaml names `hostile`. */
async function pullRequest(reviewed: string, hostile: string, extra: Record<string, string> = {}): Promise<string> {
  const repo = await repoWithFiles({ 'undrift.yaml': reviewed, ...files });
  await git(repo, 'branch', '-M', 'main');
  await git(repo, 'checkout', '--quiet', '-b', 'pr');
  for (const [file, text] of Object.entries({ 'undrift.yaml': hostile, ...extra })) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await writeFile(path.join(repo, file), text);
  }
  await git(repo, 'add', '-A');
  await git(repo, '-c', 'user.name=Eve', '-c', 'user.email=eve@example.test', 'commit', '--quiet', '--allow-empty', '-m', 'a pull request');
  return repo;
}

const reviewed = envs('    live: {kubernetes: {context: prod, configMaps: [payment-config]}}\n');
const hostile = envs('    live: {kubernetes: {context: ops, namespace: kube-system, configMaps: [cluster-config]}}\n');

describe("a pull request's CI job without --trusted-config reads no cluster its undrift.yaml names", () => {
  it("sends no request with the job's KUBECONFIG, reports the source unread naming the fix, and exits 3", async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const repo = await pullRequest(reviewed, hostile);
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: { ...GITHUB_PULL_REQUEST, KUBECONFIG: kubeconfig }, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(
      api.requests.map((r) => r.path),
      'requests that reached the API server',
    ).toEqual([]);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/ADMIN_URL|leak-5c1e/);
    // As an unreachable source is reported: its status, and one line naming the fix.
    expect(run.stdout).toMatch(
      /live state of production unavailable \(kubernetes\): not read: this is a pull request's CI job \(GITHUB_EVENT_NAME=pull_request\)/,
    );
    expect(run.stdout).toContain(FIX);
    expect(run.stderr).toMatch(/^undrift: exit 3: live state not read for production \(kubernetes\): not read: this is a pull request's CI job/m);
    // Skipped is not "no drift": the gate cannot see production.
    expect(run.exitCode).toBe(3);
  });

  it('exits as the repository results say under --allow-partial-live, still reading nothing', async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const repo = await pullRequest(reviewed, hostile);
    const run = await runUndrift(['scan', '--no-history', '--allow-partial-live', '--context', 'ops'], {
      cwd: repo,
      env: { GITLAB_CI: 'true', CI_MERGE_REQUEST_IID: '7', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', KUBECONFIG: kubeconfig },
      timeoutMs: 90_000,
    });
    expect(api.requests).toEqual([]);
    expect(run.stdout).toContain("this is a pull request's CI job (CI_MERGE_REQUEST_IID is set)");
    expect(run.stdout).toContain(FIX);
    expect(run.exitCode).toBe(0);
  });

  it.each([
    ['a token', '{token: ci-token-9e4b}', []],
    ['a credential plugin', '{exec: {apiVersion: client.authentication.k8s.io/v1, command: sh, args: [-c, "touch MARKER; echo {}"]}}', ['--allow-exec']],
  ])('loads no kubeconfig the repository carries (user with %s): no request to its server or proxy-url, no plugin run', async (_user, user, flags) => {
    const server = new FakeKubeApi();
    await server.start();
    atFileEnd(() => server.stop());
    // The proxy counts the connections made to it.
    let proxied = 0;
    const proxy = createServer((socket) => {
      proxied++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    atFileEnd(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const marker = path.join(await tempDir(), 'plugin-ran');
    const kubeconfig =
      `apiVersion: v1\nkind: Config\ncurrent-context: c\n` +
      `clusters: [{name: c, cluster: {server: "${server.url}", proxy-url: "${proxyUrl}"}}]\n` +
      `users: [{name: u, user: ${user.replace('MARKER', marker)}}]\n` +
      `contexts: [{name: c, context: {cluster: c, user: u, namespace: kube-system}}]\n`;
    const repo = await pullRequest(reviewed, envs('    live: {kubernetes: {kubeconfig: kube.yaml, configMaps: [cluster-config]}}\n'), {
      'kube.yaml': kubeconfig,
    });
    const run = await runUndrift(['scan', '--no-history', ...flags], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(server.requests).toEqual([]);
    expect(proxied, 'connections to the proxy').toBe(0);
    expect(existsSync(marker), 'the credential plugin ran').toBe(false);
    expect(run.stdout).toContain(FIX);
    expect(run.exitCode).toBe(3);
  });

  it('reads a snapshot file in the repository as before', async () => {
    const snapshot = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'payments' }, data: { TIMEOUT: '9000' } });
    const repo = await pullRequest(reviewed, envs('    live: {snapshot: live/production.json}\n'), { 'live/production.json': snapshot });
    const run = await runUndrift(['scan', '--no-history', '-f', 'json'], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('9000');
    expect(run.stdout).not.toContain("pull request's CI job");
    expect(run.exitCode).toBe(1);
  });
});

describe('where a cluster live source is read as before', () => {
  it('reads it in a local run, a push build and a scheduled job', async () => {
    const builds: Array<Record<string, string>> = [
      {},
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' },
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'schedule' },
    ];
    for (const env of builds) {
      const { api, kubeconfig } = await prodAndOpsCluster();
      const repo = await pullRequest(reviewed, reviewed);
      const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: { ...env, KUBECONFIG: kubeconfig }, timeoutMs: 90_000 });
      expect(
        api.requests.some((r) => r.path.includes('/namespaces/payments/configmaps')),
        JSON.stringify(env),
      ).toBe(true);
      expect(`${run.stdout}\n${run.stderr}`).not.toContain("pull request's CI job");
      // Read: the release's other objects are live only, which is drift.
      expect(run.exitCode, JSON.stringify(env)).toBe(1);
    }
  });

  it("reads the base branch's source under --trusted-config in a pull request's job, never the pull request's", async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const repo = await pullRequest(reviewed, hostile);
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], {
      cwd: repo,
      env: { ...GITHUB_PULL_REQUEST, KUBECONFIG: kubeconfig },
      timeoutMs: 90_000,
    });
    expect(api.requests.filter((r) => r.path.includes('/namespaces/kube-system'))).toEqual([]);
    expect(api.requests.some((r) => r.path.includes('/namespaces/payments/configmaps'))).toBe(true);
    expect(`${run.stdout}\n${run.stderr}`).not.toContain("this is a pull request's CI job");
    expect(run.exitCode).toBe(1);
  });
});

describe("a pull request's forge: in its CI job without --trusted-config", () => {
  async function repoWithRemote(forgeSettings: string) {
    const repo = await repoWithFiles({ 'undrift.yaml': envs('') + forgeSettings, 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 2\n' });
    await git(repo, 'branch', '-M', 'main');
    const bare = path.join(await tempDir(), 'remote.git');
    await git('/', 'init', '--quiet', '--bare', bare);
    await git(repo, 'remote', 'add', 'origin', 'https://github.com/acme/app.git');
    await git(repo, 'config', 'remote.origin.pushurl', bare);
    await writeFile(path.join(path.dirname(repo), 'd.yaml'), '- {key: A, env: production, action: backfill, value: "1"}\n');
    return repo;
  }
  const IDENTITY = { GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.test', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.test' };

  it("opens no pull request in the repository it names with the job's token: the remote's is used, and a warning says why", async () => {
    const forge = new FakeForge('ci-token-9e4b');
    await forge.start();
    atFileEnd(() => forge.stop());
    const repo = await repoWithRemote('forge:\n  type: github\n  repository: other-team/payments\n');
    const env = { ...IDENTITY, GITHUB_TOKEN: 'ci-token-9e4b', UNDRIFT_FORGE_API: forge.url };
    const run = await runUndrift(['apply', '--pr', '--decisions', '../d.yaml'], { cwd: repo, env: { ...env, ...GITHUB_PULL_REQUEST }, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(forge.requests.map((r) => r.path)).toEqual(['/repos/acme/app/pulls']);
    expect(run.stderr).toContain("undrift.yaml: forge is not taken in a pull request's CI job (GITHUB_EVENT_NAME=pull_request) without --trusted-config");
    expect(run.stderr).toContain('pass --trusted-config origin/main');
  });

  it('takes it in a push build, as before', async () => {
    const forge = new FakeForge('ci-token-9e4b');
    await forge.start();
    atFileEnd(() => forge.stop());
    const repo = await repoWithRemote('forge:\n  type: github\n  repository: acme/payments\n');
    const env = { ...IDENTITY, GITHUB_TOKEN: 'ci-token-9e4b', UNDRIFT_FORGE_API: forge.url, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' };
    const run = await runUndrift(['apply', '--pr', '--decisions', '../d.yaml'], { cwd: repo, env, timeoutMs: 90_000 });
    expect(forge.requests.map((r) => r.path)).toEqual(['/repos/acme/payments/pulls']);
    expect(run.stderr).toBe('');
  });
});
