import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeForge } from '../support/fake-forge.js';
import { atFileEnd } from '../support/file-end.js';
import { git, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// What a pull request's undrift.yaml reaches outside the repository, played as CI plays it: the
// base branch (main) holds the configuration the team reviewed, a branch `pr` changes it, and the
// real `undrift` runs in a child process on the pull request's checkout with CI's own credentials
// (KUBECONFIG, GITHUB_TOKEN) in its environment.

const IDENTITY = { GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.test', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.test' };

const envs = (production: string) =>
  `environments:\n  staging:\n    files: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\n${production}promotion: [staging, production]\n`;

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
