import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openUndriftBranches } from '../../src/git/write.js';
import { git, runUndrift, tempDir } from '../support/repo.js';
import { AT, timeoutDriftRepo } from './timeout-drift.js';

// Open undrift branches were listed from local refs only: a teammate's pushed branch
// (refs/remotes/origin/undrift/…) was not seen, so a second person resolved the same key again,
// on a branch of the same name that could not be pushed beside the first.

describe("apply: a teammate's pushed undrift branch counts as open", () => {
  it('a clone of a bare origin finds the pushed branch, and a new branch never takes its name', async () => {
    const ana = await timeoutDriftRepo();
    const dir = await tempDir();
    const origin = path.join(dir, 'origin.git');
    await git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    await git(ana, 'remote', 'add', 'origin', origin);
    await git(ana, 'push', '--quiet', 'origin', 'main');
    await git(ana, 'fetch', '--quiet', 'origin');

    // Ana decides with a value and pushes her branch (not the ledger: a push of the branch alone).
    const withValue = path.join(dir, 'ana.yaml');
    await writeFile(withValue, '- {key: env.TIMEOUT_MS, env: production, action: backfill, value: "8000"}\n');
    const made = await runUndrift(['apply', '--decisions', withValue], { cwd: ana, env: AT('2026-12-01T10:00:00Z') });
    expect(made.exitCode).toBe(0);
    const hers = /^branch (undrift\/\S+) /m.exec(made.stdout)![1]!;
    await git(ana, 'push', '--quiet', 'origin', hers);
    // Her local branch and its pushed copy are one open branch.
    expect(await openUndriftBranches(ana)).toEqual([{ name: hers, sha: await git(ana, 'rev-parse', hers) }]);

    // Ben, in his clone, decides the same backfill without naming a value: another decision id,
    // the same bytes. It is already in place on Ana's pushed branch.
    const ben = path.join(dir, 'ben');
    await git(dir, 'clone', '--quiet', origin, ben);
    const noValue = path.join(dir, 'ben.yaml');
    await writeFile(noValue, '- {key: env.TIMEOUT_MS, env: production, action: backfill}\n');
    const same = await runUndrift(['apply', '--decisions', noValue], { cwd: ben, env: AT('2026-12-02T10:00:00Z') });
    expect(same.exitCode).toBe(0);
    expect(same.stdout).toContain(`already in place on origin/${hers}: backfill env.TIMEOUT_MS=8000`);
    expect(await git(ben, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/')).toBe('main');

    // Staging moves on in Ben's clone: a new branch, named beside Ana's, not over it.
    await writeFile(path.join(ben, 'config/staging.yaml'), 'env:\n  TIMEOUT_MS: 9000\n');
    await git(ben, '-c', 'user.name=Ben Ode', '-c', 'user.email=ben@example.test', 'commit', '--quiet', '--date=2026-12-02T11:00:00Z', '-am', 'Staging 9000');
    const next = await runUndrift(['apply', '--decisions', noValue], { cwd: ben, env: AT('2026-12-02T12:00:00Z') });
    expect(next.exitCode).toBe(0);
    const his = /^branch (undrift\/\S+) /m.exec(next.stdout)![1]!;
    expect(his).toBe(`${hers}-2`);
    await git(ben, 'push', '--quiet', 'origin', his);
  });
});
