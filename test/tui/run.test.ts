import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { appliedKeys } from '../../src/actions/ledger.js';
import { scanRepository } from '../../src/engine.js';
import { appliedLines, appliedSummary, ledgerLines } from '../../src/tui/run.js';
import { counts, decisionMark } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { scenarioRepo } from '../support/demo-repo.js';
import type { Decision } from '../../src/model/types.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';

/** Staging's timeout at 8000, production's at 5000, in one commit. */
const timeoutRepo = () =>
  repoFromScenario({
    commits: [
      {
        at: '2026-11-02T09:00:00Z',
        author: 'ana',
        message: 'Add config',
        write: {
          'undrift.yaml':
            'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n',
          'config/staging.yaml': 'env:\n  TIMEOUT_MS: 8000\n',
          'config/production.yaml': 'env:\n  TIMEOUT_MS: 5000\n',
        },
      },
    ],
  });

// What the view marks `✔a` (applied in an earlier session), from the real ledger of a real apply.
describe('rows an earlier apply dealt with', () => {
  it('a declared key marks its cross-env row applied, not its live drift, which declaring does not touch', async () => {
    const repo = await scenarioRepo();
    const today = '2026-12-01';
    const before = await scanRepository({ repo, history: false, today });
    await applyDecisions(before, [{ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'declare', reason: 'INC-2041 follow-up' }], {
      today,
      env: process.env,
    });
    const scan = await scanRepository({ repo, history: false, today });
    const rows = scan.divergences.filter((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(rows.map((d) => d.kind).sort()).toEqual(['cross-env', 'live-drift']);
    const lines = appliedLines(scan.divergences, await appliedKeys(repo));
    // The view's header counted `2 applied` for the one decision `undrift log` lists.
    expect([...lines.keys()].map((id) => scan.divergences.find((d) => d.id === id)?.kind)).toEqual(['cross-env']);
    // On a branch not merged yet: said as `undrift log` says it, open, not applied.
    expect([...lines.values()][0]).toEqual({
      text: expect.stringMatching(/^declare on undrift\/2026-12-\d\d-payment-gateway-timeout-ms · open, not merged yet \(/),
      open: true,
    });
  });

  it("a decision only on origin's unmerged branch, in a fresh clone, is open (as undrift log says), not applied; merged, it is applied", async () => {
    // The view marked the row `✔a` "applied" while `undrift log` listed the decision as open.
    const origin = await timeoutRepo();
    const today = '2026-12-01';
    const identity = {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ana Lima',
      GIT_AUTHOR_EMAIL: 'ana@example.test',
      GIT_COMMITTER_NAME: 'Ana Lima',
      GIT_COMMITTER_EMAIL: 'ana@example.test',
    };
    const outer = process.env;
    process.env = { ...identity, GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-12-01T10:00:00Z' };
    let branch: string;
    try {
      const made = await applyDecisions(
        await scanRepository({ repo: origin, history: false, today }),
        [{ key: 'env.TIMEOUT_MS', env: 'production', action: 'backfill' }],
        {
          today,
          env: process.env,
        },
      );
      branch = made.commit!.branch;
    } finally {
      process.env = outer;
    }
    const clone = path.join(await tempDir(), 'clone');
    await git(path.dirname(clone), 'clone', '--quiet', origin, clone);
    const view = async (repo: string) => {
      const scan = await scanRepository({ repo, history: false, live: false, today });
      const row = scan.divergences.find((d) => d.key === 'env.TIMEOUT_MS')!;
      const applied = appliedLines(scan.divergences, await appliedKeys(repo));
      const state = { ...initialState({ repoName: 'r', divergences: scan.divergences }), applied };
      const { applied: done, open } = counts(state);
      return { line: applied.get(row.id), mark: decisionMark(state, row.id), done, open };
    };
    const there = await view(clone);
    expect(there.line).toEqual({
      text: expect.stringMatching(new RegExp(`^backfill on origin/${branch} · open, not merged yet \\(2026-12-01, Ana Lima\\)$`)),
      open: true,
    });
    expect([there.mark, there.done, there.open]).toEqual(['…o', 0, 1]);

    // Merged (the row stays: a merge commit on main is not the checked-out state of the clone).
    await git(origin, '-c', 'user.name=Ben Ode', '-c', 'user.email=ben@example.test', 'merge', '--quiet', '--no-ff', '--no-edit', branch);
    await git(clone, 'fetch', '--quiet', 'origin');
    const merged = await view(clone);
    expect(merged.line).toEqual({ text: expect.stringMatching(/^backfill applied on .* · merged \(2026-12-01, Ana Lima\)$/), open: false });
    expect([merged.mark, merged.done, merged.open]).toEqual(['✔a', 1, 0]);
  });
});

// The line the view shows when apply ends, from a real apply of a real repository.
describe("the view's line after apply", () => {
  it('counts the skips it recorded, alone or beside commits', async () => {
    const repo = await scenarioRepo();
    const today = '2026-12-01';
    const scan = await scanRepository({ repo, history: false, today });
    const skip = { key: 'PG_CLIENT_VERSION', env: 'staging', action: 'skip' as const, reason: 'client bump tried in staging first' };
    const alone = await applyDecisions(scan, [skip], { today, env: process.env });
    expect(appliedSummary(alone)).toBe('1 skip(s) recorded in the ledger');
    const both = await applyDecisions(
      scan,
      [
        { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'backfill', value: '10000' },
        { key: 'NEW_AUTH_FLOW', env: 'production', action: 'skip' },
      ],
      { today, env: process.env },
    );
    // The branch's name stands apart (a comma after it was copied with it).
    expect(appliedSummary(both)).toMatch(/^1 commit\(s\) on branch undrift\/[\w.-]+ · 1 skip\(s\) recorded in the ledger$/);
    // Applied again: the summary says where the change already is, not only that it is somewhere.
    const again = await applyDecisions(scan, [{ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'backfill', value: '10000' }], {
      today,
      env: process.env,
    });
    expect(appliedSummary(again)).toBe(`1 already in place on ${both.commit!.branch}`);
  });

  it('two branches not merged yet that decide one key oppositely are both named, with where and what each writes', async () => {
    // A newcomer's trial (session 37): production given staging's 8000 on one branch, staging given
    // production's 5000 on another; the row said only the newest, "backfill on undrift/…".
    const repo = await timeoutRepo();
    const today = '2026-12-01';
    const outer = process.env;
    const applyAs = async (name: string, at: string, decision: Decision) => {
      const email = `${name.split(' ')[0]!.toLowerCase()}@example.test`;
      process.env = {
        ...outer,
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: name,
        GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: at,
        GIT_COMMITTER_DATE: at,
      };
      try {
        return (await applyDecisions(await scanRepository({ repo, history: false, live: false, today }), [decision], { today, env: process.env })).commit!
          .branch;
      } finally {
        process.env = outer;
      }
    };
    const first = await applyAs('Ana Lima', '2026-12-01T10:00:00Z', { key: 'env.TIMEOUT_MS', env: 'production', action: 'backfill' });
    const second = await applyAs('Ben Ode', '2026-12-02T10:00:00Z', { key: 'env.TIMEOUT_MS', env: 'staging', action: 'backfill', value: '5000' });
    const scan = await scanRepository({ repo, history: false, live: false, today });
    const row = scan.divergences.find((d) => d.key === 'env.TIMEOUT_MS')!;
    const line = (await ledgerLines(repo, scan.divergences)).get(row.id)!;
    expect(line.open).toBe(true);
    expect(line.text).toBe(
      `backfill staging = 5000 on ${second} · open, not merged yet (2026-12-02, Ben Ode) · also open: backfill production = 8000 on ${first} ` +
        '(2026-12-01, Ana Lima): merging both decides env.TIMEOUT_MS two ways, so close the one you no longer want',
    );
    // One branch alone is said as before.
    await git(repo, 'branch', '-D', first);
    expect((await ledgerLines(repo, scan.divergences)).get(row.id)!.text).toMatch(/^backfill on undrift\/\S+ · open, not merged yet \(2026-12-02, Ben Ode\)$/);
  });
});
