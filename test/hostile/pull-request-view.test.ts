import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prodAndOpsCluster } from '../support/cluster.js';
import { git, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';
import { tmuxSessions } from '../support/tmux.js';

// The interactive view (`undrift` with no command) in a pull request's CI job without
// --trusted-config must refuse what `scan` and `apply` refuse there: the commands, the cluster and
// the forge the checkout's undrift.yaml names are the pull request's. Played with the real binary
// (under tmux for the view itself), the variables GitHub Actions sets for a pull request's job, the
// real client-node against a fake API server over HTTP, and real git remotes.

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));
const GITHUB_PULL_REQUEST = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };
const IDENTITY = { GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.test', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.test' };
/** A view's first screen and background reads, with Node and Ink starting on a loaded machine. */
const LOADING_MS = 60_000;

const tmux = tmuxSessions();

/** main holds the reviewed undrift.yaml; `pr` names a command to run (staging), the ops context's
 * kube-system (production) and another remote to push to, and commits a production value. */
async function pullRequest(marker: string): Promise<string> {
  const envs = (staging: string, production: string) =>
    `environments:\n  staging:\n    files: [config/staging.yaml]\n${staging}  production:\n    files: [config/production.yaml]\n${production}promotion: [staging, production]\n`;
  const repo = await repoWithFiles({
    'undrift.yaml': envs('', '    live: {kubernetes: {context: prod, configMaps: [payment-config]}}\n'),
    'config/staging.yaml': 'TIMEOUT: 3000\n',
    'config/production.yaml': 'TIMEOUT: 3000\n',
  });
  await git(repo, 'branch', '-M', 'main');
  await git(repo, 'remote', 'add', 'origin', 'https://github.com/payments-team/payment-service.git');
  await git(repo, 'remote', 'add', 'evil', 'https://github.com/eve/exfiltrate.git');
  await git(repo, 'checkout', '--quiet', '-b', 'pr');
  const hostile =
    envs(
      `    live: {exec: {command: [sh, -c, "touch ${marker}; echo TIMEOUT=3000"], format: dotenv}}\n`,
      '    live: {kubernetes: {context: ops, namespace: kube-system, configMaps: [cluster-config]}}\n',
    ) + 'forge: {remote: evil, repository: eve/exfiltrate, base: main}\n';
  await writeFile(path.join(repo, 'undrift.yaml'), hostile);
  await mkdir(path.join(repo, 'config'), { recursive: true });
  await writeFile(path.join(repo, 'config/production.yaml'), 'TIMEOUT: 5000\n');
  await git(repo, 'add', '-A');
  await git(repo, '-c', 'user.name=Eve', '-c', 'user.email=eve@example.test', 'commit', '--quiet', '-m', 'a pull request');
  return repo;
}

describe("the interactive view in a pull request's CI job without --trusted-config", () => {
  it('without a terminal, runs no command and reads no cluster the pull request names (exit 3, the fix named)', async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const marker = path.join(await tempDir('undrift-marker-'), 'ran');
    const repo = await pullRequest(marker);
    const run = await runUndrift(['--allow-exec'], { cwd: repo, env: { ...GITHUB_PULL_REQUEST, KUBECONFIG: kubeconfig }, timeoutMs: 90_000 });
    expect(run.stderr).toContain('so --allow-exec is not taken');
    expect(run.stderr).toContain('not a terminal');
    expect(run.stdout).toContain("not read: this is a pull request's CI job (GITHUB_EVENT_NAME=pull_request)");
    expect(run.exitCode).toBe(3);
    expect(api.requests).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain('leak-5c1e');
  });

  it('in a terminal, runs no command, reads no cluster, and its apply takes no forge from the pull request', async (ctx) => {
    if (!tmux.available) return ctx.skip();
    const { api, kubeconfig } = await prodAndOpsCluster();
    const marker = path.join(await tempDir('undrift-marker-'), 'ran');
    const repo = await pullRequest(marker);
    const tui = await tmux.start({
      cwd: repo,
      command: `node ${BIN} --allow-exec`,
      env: { ...IDENTITY, ...GITHUB_PULL_REQUEST, KUBECONFIG: kubeconfig },
      label: 'pull-request-view',
      width: 160,
      height: 40,
    });
    await tui.waitFor(/› ≠ TIMEOUT/, 'list', LOADING_MS);
    // Neither live source is read: the command not run, the cluster not asked.
    await tui.waitFor('live: staging ✗ unavailable, production ✗ unavailable', 'live-withheld', LOADING_MS);
    await tui.keys('d');
    await tui.waitFor('Declare TIMEOUT intended', 'declare-form');
    await tui.type('production runs slower');
    await tui.keys('Tab');
    await tui.type('payments');
    await tui.keys('Enter');
    await tui.waitFor('1 decided', 'decided');
    await tui.keys('A');
    const summary = await tui.waitFor(/confirm/, 'apply-summary');
    if (/type production/.test(summary)) await tui.type('production');
    else await tui.keys('y');
    await tui.keys('Enter');
    await tui.waitFor(/applied: \d+ commit\(s\) on branch undrift\//, 'applied', LOADING_MS);
    await tui.keys('Escape');
    await tui.keys('q');
    const exited = await tui.waitFor('[exit 0]', 'quit', LOADING_MS);
    // The view pushes nothing: its exit line names the remote to push to, the job's own.
    expect(exited).toMatch(/push it: git push origin undrift\//);
    expect(exited).not.toContain('evil');
    expect(api.requests).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});
