import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canBuildKustomize } from '../support/programs.js';
import { repoWithFiles, runUndrift } from '../support/repo.js';

// Paths out of the repository found by the session-23 audit, each played as CI plays a pull
// request: a real repository whose every committed file the attacker wrote, and the real
// `undrift scan` in a child process. Each test names what the attacker reaches when it escapes.

const CANARY = 'undrift-canary-escapes-do-not-print';
const scan = (repo: string, args: string[] = ['scan', '--no-history']) => runUndrift(args, { cwd: repo, env: { UNDRIFT_CANARY: CANARY }, timeoutMs: 90_000 });

/** A repository whose folder has a parent of its own (a temporary directory): what lies there is
 * outside the checkout, as the runner's other files are. */
const outsideOf = (repo: string) => path.dirname(repo);

describe.skipIf(!canBuildKustomize)('a Kustomize overlay path that reads as a flag of the build program', () => {
  const oneValue = 'configMapGenerator:\n  - name: app\n    literals: [A=1]\n';
  const twoEnvs = (production: string) =>
    `environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: ["${production}"]\npromotion: [staging, production]\n`;

  it('lifts no load restrictor: a file outside the repository is not read', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': twoEnvs('--load-restrictor=LoadRestrictionsNone'),
      'overlays/staging/kustomization.yaml': oneValue,
      // The folder the flag names, with an innocent overlay, so the path is an overlay.
      '--load-restrictor=LoadRestrictionsNone/kustomization.yaml': oneValue,
      // What the flag would build instead (the repository's root), reading a file beside the checkout.
      'kustomization.yaml': 'configMapGenerator:\n  - name: app\n    envs: [../outside.env]\n',
    });
    await writeFile(path.join(outsideOf(repo), 'outside.env'), 'RUNNER_SECRET=outside-value-7f3a\n');
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/RUNNER_SECRET|outside-value-7f3a/);
    // The folder was built as the folder it is: the same value in both environments.
    expect({ exit: run.exitCode, stdout: run.stdout }).toMatchObject({ exit: 0, stdout: expect.stringMatching(/no divergences/) });
  });

  it('writes no build output outside the repository (`--output=..` is a folder name, not a step up)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': twoEnvs('--output=../written-outside'),
      'overlays/staging/kustomization.yaml': oneValue,
      '--output=../written-outside/kustomization.yaml': oneValue,
      'kustomization.yaml': oneValue,
    });
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(existsSync(path.join(outsideOf(repo), 'written-outside')), 'a build output written beside the checkout').toBe(false);
    expect({ exit: run.exitCode, stdout: run.stdout }).toMatchObject({ exit: 0, stdout: expect.stringMatching(/no divergences/) });
  });
});
