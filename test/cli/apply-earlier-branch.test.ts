import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, runUndrift, tempDir } from '../support/repo.js';
import { AT, timeoutDriftRepo } from './timeout-drift.js';

// A decision's identity is its key, environment and action (and the value when it names one): a
// backfill that names no value is the same decision whatever it writes. The ledger found such a
// decision on an older branch not merged yet and said "already in place" although that branch
// holds the value of the day it was made, not today's: the new decision was dropped.

const BACKFILL = '- {key: env.TIMEOUT_MS, env: production, action: backfill}\n';

describe('apply: a decision on an older unmerged branch is in place only where that branch writes the same value', () => {
  it("a clone of a repo with an open backfill of 8000: in place while staging says 8000, a new branch once it says 9000, named beside the older one's value", async () => {
    const origin = await timeoutDriftRepo();
    const decisions = path.join(await tempDir(), 'decisions.yaml');
    await writeFile(decisions, BACKFILL);
    const made = await runUndrift(['apply', '--decisions', decisions], { cwd: origin, env: AT('2026-12-01T10:00:00Z') });
    expect(made.exitCode).toBe(0);
    const older = /^branch (undrift\/\S+) /m.exec(made.stdout)![1]!;

    const clone = path.join(await tempDir(), 'clone');
    await git(path.dirname(clone), 'clone', '--quiet', origin, clone);
    // Staging still says 8000: the older branch writes exactly this decision's value.
    const same = await runUndrift(['apply', '--decisions', decisions], { cwd: clone, env: AT('2026-12-05T10:00:00Z') });
    expect(same.exitCode).toBe(0);
    expect(same.stdout).toContain(`already in place on origin/${older}: backfill env.TIMEOUT_MS`);
    expect(await git(clone, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/')).toBe('main');

    await writeFile(path.join(clone, 'config/staging.yaml'), 'env:\n  TIMEOUT_MS: 9000\n');
    await git(clone, 'add', 'config/staging.yaml');
    await git(
      clone,
      '-c',
      'user.name=Ana Lima',
      '-c',
      'user.email=ana@example.test',
      'commit',
      '--quiet',
      '--date=2026-12-04T09:00:00Z',
      '-m',
      'Staging timeout 9000',
    );
    const run = await runUndrift(['apply', '--decisions', decisions], { cwd: clone, env: AT('2026-12-05T11:00:00Z') });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('already in place');
    const branch = /^branch (undrift\/\S+) /m.exec(run.stdout)?.[1];
    expect(branch).toBeDefined();
    expect(await git(clone, 'show', `${branch!}:config/production.yaml`)).toBe('env:\n  TIMEOUT_MS: 9000');
    expect(run.stderr).toContain(
      `undrift: origin/${older}, an older branch not merged yet, holds another value for env.TIMEOUT_MS (production: "8000" there, "9000" on the new branch): close it`,
    );

    // A re-run finds it on the branch it just made.
    const again = await runUndrift(['apply', '--decisions', decisions], { cwd: clone, env: AT('2026-12-05T12:00:00Z') });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(`already in place on ${branch!}: backfill env.TIMEOUT_MS=9000`);
    expect(again.stderr).not.toContain('an older branch');
  });
});
