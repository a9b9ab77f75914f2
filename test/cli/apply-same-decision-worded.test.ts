import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, runUndrift, tempDir } from '../support/repo.js';
import { AT, timeoutDriftRepo } from './timeout-drift.js';

// The same decision written by two people in their own words ("keep prod at 5000" on an older branch,
// "prod stays on 5s" today): a decision's identity holds its reason, so the ledger did not know the
// older branch, and apply made a second branch without the warning an identical decision gets. Both
// merged would leave whichever lands last. The older branch is named, as for the same wording.

const decide = async (text: string) => {
  const file = path.join(await tempDir(), 'decisions.yaml');
  await writeFile(file, text);
  return file;
};

describe('apply: the same decision worded otherwise on an older unmerged branch is named', () => {
  it.each([
    ['keep prod at 5000', 'prod stays on 5s'],
    ['Produktion bleibt bei 5000 ms', 'production keeps its own timeout'],
  ])('declared "%s" first, "%s" now: the older branch is named', async (first, second) => {
    const repo = await timeoutDriftRepo();
    const made = await runUndrift(['apply', '--decisions', await decide(`- {key: env.TIMEOUT_MS, env: production, action: declare, reason: "${first}"}\n`)], {
      cwd: repo,
      env: AT('2026-12-01T10:00:00Z'),
    });
    expect(made.exitCode, made.stderr).toBe(0);
    const older = /^branch (undrift\/\S+) /m.exec(made.stdout)![1]!;
    await git(repo, 'checkout', '--quiet', 'main');

    const run = await runUndrift(['apply', '--decisions', await decide(`- {key: env.TIMEOUT_MS, env: production, action: declare, reason: "${second}"}\n`)], {
      cwd: repo,
      env: AT('2026-12-05T10:00:00Z'),
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('already in place');
    expect(run.stderr).toContain(`${older}, an older branch not merged yet, holds another declaration of env.TIMEOUT_MS: close it`);
  });

  it('the same key decided otherwise (a backfill beside a declaration) is not the same decision, and is named as deciding it two ways', async () => {
    const repo = await timeoutDriftRepo();
    const made = await runUndrift(
      ['apply', '--decisions', await decide('- {key: env.TIMEOUT_MS, env: production, action: declare, reason: "keep prod at 5000"}\n')],
      {
        cwd: repo,
        env: AT('2026-12-01T10:00:00Z'),
      },
    );
    expect(made.exitCode, made.stderr).toBe(0);
    const older = /^branch (undrift\/\S+) /m.exec(made.stdout)![1]!;
    await git(repo, 'checkout', '--quiet', 'main');
    const run = await runUndrift(['apply', '--decisions', await decide('- {key: env.TIMEOUT_MS, env: production, action: backfill}\n')], {
      cwd: repo,
      env: AT('2026-12-05T10:00:00Z'),
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('holds another');
    expect(run.stderr).toContain(
      `${older}, an older branch not merged yet, decides env.TIMEOUT_MS otherwise (declare production; the new branch: backfill production): ` +
        'merging both leaves it decided two ways, so close the one you no longer want',
    );
  });

  // A newcomer's trial (session 36): production's file given staging's 8000 on one branch, staging's
  // given production's 5000 on another: both merged swap the values, and apply said nothing.
  it("opposite backfills on two branches are named; another key's decision is not", async () => {
    const repo = await timeoutDriftRepo();
    const made = await runUndrift(['apply', '--decisions', await decide('- {key: env.TIMEOUT_MS, env: production, action: backfill}\n')], {
      cwd: repo,
      env: AT('2026-12-01T10:00:00Z'),
    });
    expect(made.exitCode, made.stderr).toBe(0);
    const older = /^branch (undrift\/\S+) /m.exec(made.stdout)![1]!;
    await git(repo, 'checkout', '--quiet', 'main');
    const run = await runUndrift(['apply', '--decisions', await decide("- {key: env.TIMEOUT_MS, env: staging, action: backfill, value: '5000'}\n")], {
      cwd: repo,
      env: AT('2026-12-05T10:00:00Z'),
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `${older}, an older branch not merged yet, decides env.TIMEOUT_MS otherwise (backfill production; the new branch: backfill staging): merging both leaves it decided two ways`,
    );
    const newer = /^branch (undrift\/\S+) /m.exec(run.stdout)![1]!;
    expect(await git(repo, 'show', `${newer}:config/staging.yaml`)).toBe('env:\n  TIMEOUT_MS: 5000');
    // undrift log says it under each of the two, not only at apply time.
    const log = await runUndrift(['log'], { cwd: repo });
    expect(log.exitCode, log.stderr).toBe(0);
    expect(log.stdout).toMatch(
      new RegExp(`↳ ${older} \\([0-9a-f]{7}\\) decides env\\.TIMEOUT_MS otherwise \\(backfill production\\): merging both decides it two ways`),
    );
    expect(log.stdout).toMatch(
      new RegExp(`↳ ${newer} \\([0-9a-f]{7}\\) decides env\\.TIMEOUT_MS otherwise \\(backfill staging\\): merging both decides it two ways`),
    );
    // One of them merged: the other, still open, is said to change what is now in effect.
    await git(repo, '-c', 'user.name=Ben Ode', '-c', 'user.email=ben@example.test', 'merge', '--quiet', '--no-ff', '--no-edit', newer);
    const after = await runUndrift(['log'], { cwd: repo });
    expect(after.stdout).toMatch(
      new RegExp(`↳ ${newer} \\([0-9a-f]{7}\\), merged, decides env\\.TIMEOUT_MS otherwise \\(backfill staging\\): merging this branch changes that`),
    );
  });
});
