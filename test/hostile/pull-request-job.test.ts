import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestJob } from '../../src/config/pull-request-job.js';
import { canBuildKustomize } from '../support/programs.js';
import { git, repoFromScenario, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// A CI job for a pull request runs on the pull request's undrift.yaml. A job that passes
// --allow-exec (or --allow-remote-clones) but names no --trusted-config would run the commands,
// and read the clones, that the pull request's author chose: in such a job they are not taken,
// and one warning line names the fix. Played with the real binary, a real command that leaves a
// marker when it runs, and the variables each CI sets.

const GITHUB_PULL_REQUEST = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };

/** A repository whose production reads an exec source that leaves `marker` when it runs; `pr`
 * is a branch whose undrift.yaml names another command. */
async function execRepo(marker: string, prMarker: string) {
  const config = (file: string) =>
    `environments:\n  staging: {files: [config/staging.yaml]}\n  production:\n    files: [config/production.yaml]\n` +
    `    live: {exec: {command: [sh, -c, "touch ${file}; echo A=1"], format: dotenv}}\npromotion: [staging, production]\n`;
  const repo = await repoWithFiles({ 'undrift.yaml': config(marker), 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 1\n' });
  await git(repo, 'checkout', '--quiet', '-b', 'pr');
  await writeFile(path.join(repo, 'undrift.yaml'), config(prMarker));
  await git(repo, '-c', 'user.name=Eve', '-c', 'user.email=eve@example.test', 'commit', '--quiet', '-am', 'a pull request');
  return repo;
}

describe("a pull request's CI job without --trusted-config", () => {
  it('runs no exec source under --allow-exec, warning in one line that names the fix', async () => {
    const dir = await tempDir();
    const [reviewed, chosen] = [path.join(dir, 'reviewed-ran'), path.join(dir, 'pr-ran')];
    const repo = await execRepo(reviewed, chosen);
    const run = await runUndrift(['scan', '--no-history', '--allow-exec'], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(existsSync(chosen), "the pull request's command ran").toBe(false);
    expect(run.stderr.split('\n')[0]).toBe(
      "undrift: warning: this is a pull request's CI job (GITHUB_EVENT_NAME=pull_request) and no --trusted-config names the configuration " +
        "to trust, so --allow-exec is not taken: the commands and clones this checkout's undrift.yaml names are the pull request's to choose; " +
        "pass --trusted-config origin/main (or set UNDRIFT_TRUSTED_CONFIG=origin/main) to take live sources and remotes from the base branch's undrift.yaml",
    );
    // The source is said not run, as without the flag.
    expect(run.stdout).toMatch(/not run: exec sources run commands named by the repository's configuration/);
  });

  it.each([
    ['GitLab', { GITLAB_CI: 'true', CI_MERGE_REQUEST_ID: '981', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' }, 'CI_MERGE_REQUEST_ID is set'],
    ['Buildkite', { BUILDKITE: 'true', BUILDKITE_PULL_REQUEST: '42', BUILDKITE_PULL_REQUEST_BASE_BRANCH: 'main' }, 'BUILDKITE_PULL_REQUEST=42'],
    ['GitHub, pull_request_target', { ...GITHUB_PULL_REQUEST, GITHUB_EVENT_NAME: 'pull_request_target' }, 'GITHUB_EVENT_NAME=pull_request_target'],
  ])('is told on %s', async (_ci, env, because) => {
    const dir = await tempDir();
    const chosen = path.join(dir, 'pr-ran');
    const repo = await execRepo(path.join(dir, 'reviewed-ran'), chosen);
    const run = await runUndrift(['scan', '--no-history', '--allow-exec'], { cwd: repo, env, timeoutMs: 90_000 });
    expect(existsSync(chosen)).toBe(false);
    expect(run.stderr).toContain(`undrift: warning: this is a pull request's CI job (${because})`);
    expect(run.stderr).toContain('pass --trusted-config origin/main');
  });

  it.skipIf(!canBuildKustomize)('reads no clone outside the repository under --allow-remote-clones', async () => {
    const platform = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'base',
          write: {
            'base/kustomization.yaml': 'resources: [cm.yaml]\n',
            'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {SECRET_OF_ANOTHER_REPO: x}\n',
          },
        },
        {
          at: '2026-01-06T10:00:00Z',
          author: 'ana',
          message: 'base 2',
          write: { 'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {SECRET_OF_ANOTHER_REPO: y}\n' },
        },
      ],
    });
    await git(platform, 'tag', 'v1', 'HEAD~1');
    await git(platform, 'tag', 'v2');
    const repo = await repoWithFiles({
      'undrift.yaml':
        `environments:\n  staging: {files: [overlays/staging]}\n  production: {files: [overlays/production]}\npromotion: [staging, production]\n` +
        `kustomize:\n  remotes:\n    github.com/acme/platform: ${platform}\n`,
      'overlays/staging/kustomization.yaml': 'resources: [github.com/acme/platform//base?ref=v2]\n',
      'overlays/production/kustomization.yaml': 'resources: [github.com/acme/platform//base?ref=v1]\nnamePrefix: p-\n',
    });
    const run = await runUndrift(['scan', '--no-history', '--allow-remote-clones', '-f', 'json'], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    expect(run.stdout).not.toContain('SECRET_OF_ANOTHER_REPO');
    expect(run.stderr).toContain('so --allow-remote-clones is not taken');
    // Outside a pull request's job the flag is taken as before.
    const local = await runUndrift(['scan', '--no-history', '--allow-remote-clones', '-f', 'json'], { cwd: repo, timeoutMs: 90_000 });
    expect(local.stdout).toContain('SECRET_OF_ANOTHER_REPO');
  });
});

describe('where the flags are taken as before', () => {
  it("runs the base branch's command under --trusted-config, never the pull request's, without a warning", async () => {
    const dir = await tempDir();
    const [reviewed, chosen] = [path.join(dir, 'reviewed-ran'), path.join(dir, 'pr-ran')];
    const repo = await execRepo(reviewed, chosen);
    const run = await runUndrift(['scan', '--no-history', '--allow-exec', '--trusted-config', 'main'], {
      cwd: repo,
      env: GITHUB_PULL_REQUEST,
      timeoutMs: 90_000,
    });
    expect(existsSync(reviewed), "the base branch's command ran").toBe(true);
    expect(existsSync(chosen)).toBe(false);
    expect(run.stderr).not.toContain("pull request's CI job");
  });

  it('runs the command in a local run, a push build and a Buildkite build of no pull request', async () => {
    const runs: Array<Record<string, string>> = [
      {},
      { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' },
      { BUILDKITE: 'true', BUILDKITE_PULL_REQUEST: 'false' },
    ];
    for (const env of runs) {
      const dir = await tempDir();
      const chosen = path.join(dir, 'ran');
      const repo = await execRepo(path.join(dir, 'reviewed-ran'), chosen);
      const run = await runUndrift(['scan', '--no-history', '--allow-exec'], { cwd: repo, env, timeoutMs: 90_000 });
      expect(existsSync(chosen), JSON.stringify(env)).toBe(true);
      expect(run.stderr).toBe('');
    }
  });
});

describe('telling a pull request job from its variables', () => {
  it.each([
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'merge_group' }, 'GITHUB_EVENT_NAME=merge_group'],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'schedule' }, undefined],
    [{ GITHUB_EVENT_NAME: 'pull_request' }, undefined], // not in GitHub Actions
    [{ CI_MERGE_REQUEST_IID: '7' }, 'CI_MERGE_REQUEST_IID is set'],
    [{ CI_MERGE_REQUEST_ID: '' }, undefined],
    [{ TRAVIS_PULL_REQUEST: 'false' }, undefined],
    [{ TRAVIS_PULL_REQUEST: '12' }, 'TRAVIS_PULL_REQUEST=12'],
    [{ CIRCLE_PULL_REQUEST: 'https://github.com/acme/app/pull/3' }, 'CIRCLE_PULL_REQUEST is set'],
    [{ BUILD_REASON: 'PullRequest', SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main' }, 'BUILD_REASON=PullRequest'],
    [{ BUILD_REASON: 'IndividualCI' }, undefined],
    [{ BITBUCKET_PR_ID: '5' }, 'BITBUCKET_PR_ID is set'],
    [{ JENKINS_URL: 'https://ci', CHANGE_ID: '9' }, 'CHANGE_ID is set (Jenkins)'],
    [{ CHANGE_ID: '9' }, undefined],
    [{ DRONE_BUILD_EVENT: 'pull_request' }, 'DRONE_BUILD_EVENT=pull_request'],
    [{ CODEBUILD_WEBHOOK_EVENT: 'PULL_REQUEST_UPDATED' }, 'CODEBUILD_WEBHOOK_EVENT=PULL_REQUEST_UPDATED'],
    [{ CODEBUILD_WEBHOOK_EVENT: 'PUSH' }, undefined],
  ])('%j', (env, because) => {
    expect(pullRequestJob(env)?.because).toBe(because);
  });

  it('names the base branch where the CI does', () => {
    expect(pullRequestJob({ BUILD_REASON: 'PullRequest', SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/release' })?.base).toBe('release');
    expect(pullRequestJob({ CIRCLE_PR_NUMBER: '3' })?.base).toBeUndefined();
  });
});
