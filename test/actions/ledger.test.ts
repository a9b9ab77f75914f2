import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { readLedger, type LoggedDecision } from '../../src/actions/ledger.js';
import { scanRepository } from '../../src/engine.js';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import type { Decision } from '../../src/model/types.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { git, tempDir } from '../support/repo.js';

// Pull requests are often merged by squashing or rebasing: the default branch then holds a copy
// of undrift's change, not its commits. The ledger recognises the copies by their change.

let repo: string;
const FIRST: Decision[] = [
  { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'backfill', value: '10000' },
  { key: 'NEW_AUTH_FLOW', action: 'declare', reason: 'rollout until Q1', owner: 'auth-team' },
  { key: 'PG_CLIENT_VERSION', env: 'staging', action: 'revert', value: '15.1' },
];
const SECOND: Decision[] = [
  { key: 'SETTLEMENT_BATCH_SIZE', env: 'production', action: 'backfill', value: '500' },
  { key: 'DB_POOL_MAX', action: 'undeclare' },
];

async function apply(decisions: Decision[]) {
  const scan = await scanRepository({ repo, history: false, today: '2026-12-01' });
  return applyDecisions(scan, decisions, { today: '2026-12-01', env: process.env });
}
const statusOf = (entries: LoggedDecision[], key: string) => entries.filter((e) => e.keys.includes(key));

beforeAll(async () => {
  repo = await scenarioRepo();
});

describe('undrift log: branches merged by squash or rebase are merged, listed once', () => {
  // Three scans and applies of the demo in one story (about 7 s on a loaded machine).
  it('a squash merge, then a rebase merge (main moved on meanwhile), branches deleted; a re-run finds every decision in place', async () => {
    const first = await apply(FIRST);
    const squashed = first.commit!.branch;
    await git(repo, 'merge', '--quiet', '--squash', squashed);
    await git(repo, 'commit', '--quiet', '-m', `Drift fixes (#12)`);
    const squash = await git(repo, 'rev-parse', 'HEAD');
    await git(repo, 'branch', '--quiet', '-D', squashed);

    const second = await apply(SECOND);
    const rebased = second.commit!.branch;
    const originals = second.commit!.commits.map((c) => c.sha);
    await writeFile(path.join(repo, 'NOTES.md'), 'unrelated work landed first\n');
    await git(repo, 'add', 'NOTES.md');
    await git(repo, 'commit', '--quiet', '-m', 'Unrelated work');
    // What "rebase and merge" does: each commit copied onto the default branch, message and all.
    for (const sha of originals) await git(repo, 'cherry-pick', '--quiet', sha);
    const copies = (await git(repo, 'log', '--format=%H', '-2')).split('\n').reverse();
    await git(repo, 'branch', '--quiet', '-D', rebased);

    const entries = await readLedger(repo);
    expect(entries.map((e) => [e.keys[0], e.status, e.mergedAs, e.mergedCommit, e.ref])).toEqual([
      ['DB_POOL_MAX', 'merged', 'rebase', copies[1], rebased],
      ['SETTLEMENT_BATCH_SIZE', 'merged', 'rebase', copies[0], rebased],
      ['PG_CLIENT_VERSION', 'merged', 'squash', squash, squashed],
      ['NEW_AUTH_FLOW', 'merged', 'squash', squash, squashed],
      ['PAYMENT_GATEWAY_TIMEOUT_MS', 'merged', 'squash', squash, squashed],
    ]);
    // The rebased copies carry the trailers too: listed once, as the decisions they copy.
    expect(statusOf(entries, 'SETTLEMENT_BATCH_SIZE').map((e) => e.commit)).toEqual([originals[0]]);

    const again = await apply([...FIRST, ...SECOND]);
    expect(again.commit).toBeUndefined();
    expect(again.inPlace.map((s) => s.where)).toEqual(Array(5).fill('the checked-out branch'));
  });

  it('a branch merged with a merge commit is merged as itself; one left is open (on origin/… in another clone); one deleted unmerged is abandoned', async () => {
    const merged = await apply([{ key: 'replicas', env: 'production', action: 'revert', value: '4' }]);
    await git(repo, 'merge', '--quiet', '--no-ff', '--no-edit', merged.commit!.branch);
    const open = await apply([{ key: 'FEATURE_RECEIPTS_V2', env: 'staging', action: 'revert', value: 'false' }]);
    const entries = await readLedger(repo);
    expect(statusOf(entries, 'replicas').map((e) => [e.status, e.mergedAs, e.mergedCommit])).toEqual([['merged', 'commit', undefined]]);
    expect(statusOf(entries, 'FEATURE_RECEIPTS_V2').map((e) => [e.status, e.ref])).toEqual([['open', open.commit!.branch]]);
    // Another clone, with the ledger fetched: the branch is origin's there.
    const clone = await tempDir();
    await git(clone, 'clone', '--quiet', repo, '.');
    await git(clone, 'fetch', '--quiet', 'origin', 'refs/undrift/ledger:refs/undrift/ledger');
    const there = await readLedger(clone);
    expect(statusOf(there, 'FEATURE_RECEIPTS_V2').map((e) => [e.status, e.ref])).toEqual([['open', `origin/${open.commit!.branch}`]]);
    expect(statusOf(there, 'replicas').map((e) => [e.status, e.mergedInto])).toEqual([['merged', 'main']]);
    await git(repo, 'branch', '--quiet', '-D', open.commit!.branch);
    expect(statusOf(await readLedger(repo), 'FEATURE_RECEIPTS_V2').map((e) => [e.status, e.ref])).toEqual([['abandoned', open.commit!.branch]]);
  });

  // git name-rev stops walking at commits a day older than the oldest it is asked about: a merge
  // (or anything after it) committed with an older clock (a skewed machine, a rebase keeping dates,
  // GIT_COMMITTER_DATE in a script) hid the merged decisions behind it, and they read "open".
  it('a branch merged by a commit dated before its decisions is merged, and so is one under later commits dated older still', async () => {
    const merged = await apply([{ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'revert', value: '3000' }]);
    const older = (date: string) => ({ env: isolatedGitEnv({ GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }), cwd: repo });
    await execa('git', ['merge', '--quiet', '--no-ff', '--no-edit', merged.commit!.branch], older('2020-01-01T10:00:00Z'));
    await writeFile(path.join(repo, 'SKEW.md'), 'committed on a machine whose clock is years behind\n');
    await execa('git', ['add', 'SKEW.md'], older('2019-06-01T10:00:00Z'));
    await execa('git', ['commit', '--quiet', '-m', 'Skewed clock'], older('2019-06-01T10:00:00Z'));
    const entries = await readLedger(repo);
    expect(statusOf(entries, 'PAYMENT_GATEWAY_TIMEOUT_MS').at(0)?.status).toBe('merged');
  });
});
