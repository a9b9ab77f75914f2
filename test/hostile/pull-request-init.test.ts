import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prodAndOpsCluster } from '../support/cluster.js';
import { git, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// `undrift init` in a pull request's CI job: it scans to propose a starter contract, and that scan
// obeys what scan obeys there. The pull request's undrift.yaml names a command (an exec source that
// leaves a marker), a cluster (a Kubernetes source, the job's KUBECONFIG at a fake API server over
// real HTTP, the real client-node), a clone outside the repository and a forge; the job's command
// line asks for --allow-exec and --allow-remote-clones. Nothing runs, no request reaches the
// server, and the undrift.yaml init writes carries none of it. Through the real binary.

const GITHUB_PULL_REQUEST = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };

describe("undrift init in a pull request's CI job", () => {
  it('runs no command, reads no cluster and takes nothing outward from the pull request', async () => {
    const { api, kubeconfig } = await prodAndOpsCluster();
    const dir = await tempDir();
    const marker = path.join(dir, 'pr-command-ran');
    const hostile =
      'environments:\n' +
      `  staging:\n    files: [config/staging.yaml]\n    live: {exec: {command: [sh, -c, "touch ${marker}; echo A=1"], format: dotenv}}\n` +
      '  production:\n    files: [config/production.yaml]\n    live: {kubernetes: {context: ops, namespace: kube-system, configMaps: [cluster-config]}}\n' +
      `kustomize:\n  remotes:\n    github.com/acme/platform: ${path.join(dir, 'platform')}\n` +
      'forge: {type: github, repository: eve/elsewhere}\n';
    // Differences of one pattern in every environment, so the proposal scan has a contract to propose.
    const urls = (short: string) =>
      ['PAYMENT', 'LEDGER', 'AUTH', 'SEARCH', 'MAIL'].map((s) => `${s}_URL: https://${s.toLowerCase()}.${short}.acme.internal\n`).join('');
    const repo = await repoWithFiles({
      'config/staging.yaml': `${urls('staging')}TIMEOUT: 3000\n`,
      'config/production.yaml': `${urls('prod')}TIMEOUT: 3000\n`,
    });
    await git(repo, 'checkout', '--quiet', '-b', 'pr');
    await writeFile(path.join(repo, 'undrift.yaml'), hostile);
    await git(repo, 'add', '-A');
    await git(repo, '-c', 'user.name=Eve', '-c', 'user.email=eve@example.test', 'commit', '--quiet', '-m', 'a pull request');
    const run = await runUndrift(['init', '--force', '--allow-exec', '--allow-remote-clones'], {
      cwd: repo,
      env: { ...GITHUB_PULL_REQUEST, KUBECONFIG: kubeconfig },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(existsSync(marker), "the pull request's command ran").toBe(false);
    expect(
      api.requests.map((r) => r.path),
      'requests that reached the API server',
    ).toEqual([]);
    // The flags are not taken, as in scan, said in the one line that names the fix.
    expect(run.stderr).toContain("undrift: warning: this is a pull request's CI job (GITHUB_EVENT_NAME=pull_request) and no --trusted-config");
    const written = await readFile(path.join(repo, 'undrift.yaml'), 'utf8');
    expect(written).not.toMatch(/\b(live|exec|kubernetes|forge|kustomize|remotes):/);
    // The proposal was made, from the repository's files alone.
    expect(run.stdout).toMatch(/wrote .*config\/expected-env-diff\.yaml \(a starter contract of 1 pattern\(s\)/);
  });
});
