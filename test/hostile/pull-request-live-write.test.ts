import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionWithCluster } from '../support/cluster.js';
import { git, runUndrift } from '../support/repo.js';

// `apply --live` writes to the cluster the checkout's undrift.yaml names, with the job's
// KUBECONFIG. In a pull request's CI job without --trusted-config that undrift.yaml is the pull
// request's: it chose the context, namespace and objects written. Played with the real binary,
// the variables GitHub Actions sets for a pull request's job, and the real client-node against a
// fake API server over HTTP: the run must stop before any request, naming the fix.

const GITHUB_PULL_REQUEST = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };

async function handEdited() {
  const cluster = await productionWithCluster({ TIMEOUT_MS: '3000' });
  cluster.handEdit({ TIMEOUT_MS: '10000' }, '2026-07-14T00:10:00Z');
  await git(cluster.repo, 'branch', '-M', 'main');
  await writeFile(path.join(cluster.repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
  const timeout = () => (cluster.api.get('ConfigMap', 'payments', 'payment-config')!.data as Record<string, string>).TIMEOUT_MS;
  return { ...cluster, timeout };
}

const apply = ['apply', '--decisions', '../revert.yaml', '--live', '--yes', '--confirm', 'production'];

describe("apply --live in a pull request's CI job", () => {
  it('is refused without --trusted-config before any request, in one line naming the fix', async () => {
    const { api, repo, env, timeout } = await handEdited();
    const run = await runUndrift(apply, { cwd: repo, env: { ...env, ...GITHUB_PULL_REQUEST }, timeoutMs: 90_000 });
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^undrift: apply --live is refused in a pull request's CI job \(GITHUB_EVENT_NAME=pull_request\) without --trusted-config: .*; pass --trusted-config origin\/main/,
      ),
    ]);
    expect(run.exitCode).toBe(2);
    expect(api.requests).toEqual([]);
    expect(timeout()).toBe('10000');
    expect(run.stdout).toBe('');
    expect(await git(repo, 'branch', '--list')).not.toContain('undrift/');
  });

  it('writes under --trusted-config, the base branch naming the cluster', async () => {
    const { repo, env, timeout } = await handEdited();
    const run = await runUndrift([...apply, '--trusted-config', 'main'], { cwd: repo, env: { ...env, ...GITHUB_PULL_REQUEST }, timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(timeout()).toBe('3000');
  });
});
