import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoWithFiles, runUndrift } from '../support/repo.js';

// The read limits bound what a scan may cost the CI machine (memory, time). In a pull request's CI
// job without --trusted-config the checkout's undrift.yaml is the pull request's: its `limits:`
// could lift every bound a file, an alias or a count is read within. Played with the real binary
// on a real repository, the variables GitHub Actions sets for a pull request's job.

const GITHUB_PULL_REQUEST = { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' };

const envs = (limits: string) =>
  `environments:\n  staging:\n    files: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\npromotion: [staging, production]\n${limits}`;
/** 300 maps inside each other: past the default nesting limit (256). */
const deep = `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join('\n')} 1\n`;
/** 150: within the default, past a lowered 100. */
const deep150 = `${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join('\n')} 1\n`;

/** main holds the reviewed undrift.yaml (no limits:), checked out on `pr`, which commits `pr`'s files over it. */
async function pullRequest(pr: Record<string, string>): Promise<string> {
  const repo = await repoWithFiles({ 'undrift.yaml': envs(''), 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 1\n' });
  await git(repo, 'branch', '-M', 'main');
  await git(repo, 'checkout', '--quiet', '-b', 'pr');
  for (const [file, text] of Object.entries(pr)) await writeFile(path.join(repo, file), text);
  await git(repo, 'add', '-A');
  await git(repo, '-c', 'user.name=Eve', '-c', 'user.email=eve@example.test', 'commit', '--quiet', '-m', 'a pull request');
  return repo;
}

describe("a pull request's CI job without --trusted-config reads within the default limits", () => {
  it("does not take the pull request's raised limit: the file past the default is refused, naming the fix", async () => {
    const repo = await pullRequest({ 'undrift.yaml': envs('limits: {nesting: 100000, fileBytes: 400000000}\n'), 'config/production.yaml': deep });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^undrift: warning: undrift\.yaml: limits\.fileBytes, limits\.nesting are not taken in a pull request's CI job \(GITHUB_EVENT_NAME=pull_request\) without --trusted-config: /,
      ),
      expect.stringMatching(/^undrift: config\/production\.yaml:\d+: .*nests deeper than 256 levels /),
    ]);
    expect(lines[0]).toContain('pass --trusted-config origin/main');
    expect(lines[1]).toContain("this checkout's limits.nesting is not taken above it");
    expect(lines[1]).toContain('pass --trusted-config origin/main');
    expect(run.exitCode).toBe(2);
  });

  it('says the raise was not taken in the warnings of a scan that reads within the defaults', async () => {
    const repo = await pullRequest({ 'undrift.yaml': envs('limits: {yamlItems: 90000000}\n'), 'config/production.yaml': 'A: 2\n' });
    const run = await runUndrift(['scan', '--no-history', '-f', 'json'], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    const { warnings } = JSON.parse(run.stdout) as { warnings: string[] };
    expect(warnings.filter((w) => w.includes('limits.'))).toEqual([
      expect.stringMatching(
        /^undrift\.yaml: limits\.yamlItems is not taken in a pull request's CI job .*; pass --trusted-config origin\/main to take limits from the base branch's undrift\.yaml$/,
      ),
    ]);
  });

  it('keeps a limit the pull request lowers', async () => {
    const repo = await pullRequest({ 'undrift.yaml': envs('limits: {nesting: 100}\n'), 'config/production.yaml': deep150 });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: GITHUB_PULL_REQUEST, timeoutMs: 90_000 });
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^undrift: config\/production\.yaml:\d+: .*nests deeper than 100 levels /)]);
    expect(run.stderr).toContain("limits.nesting in this checkout's undrift.yaml lowers it");
    expect(run.exitCode).toBe(2);
  });

  it('takes the raise outside a pull request (a push build) as before', async () => {
    const repo = await pullRequest({ 'undrift.yaml': envs('limits: {nesting: 1000}\n'), 'config/production.yaml': deep });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' }, timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
  });
});
