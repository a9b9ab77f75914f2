import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { buildScenario } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/scenario.js';
import { git, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { TmuxSession } from '../support/tmux.js';
import { ONCALL_IDENTITY as IDENTITY } from '../support/demo-repo.js';
import { checkoutState } from '../support/checkout.js';

// The demo's on-call story (issue 12's "Done when"), made with keys in the real binary in a real
// terminal: both rows of the headline key backfilled, a revert, a declare, a skip, then apply.

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));
let hasTmux = true;
let session: TmuxSession | undefined;

beforeAll(async () => {
  hasTmux = (await execa('tmux', ['-V'], { reject: false })).exitCode === 0;
});
afterEach(async () => {
  await session?.kill();
  session = undefined;
});

describe("the demo's on-call story in the interactive view (tmux, the built binary)", () => {
  // One whole session of the real binary (history, live snapshots, five decisions, apply): about
  // 15 s alone, more on a loaded machine.
  it('both rows of PAYMENT_GATEWAY_TIMEOUT_MS, a revert, a declare and a skip apply on the first try; the checkout is untouched', async (ctx) => {
    if (!hasTmux) return ctx.skip();
    const repo = await tempDir();
    await buildScenario(await loadScenario('payment-service'), repo);
    // A checkout in use: a staged change and an untracked file outside the configured files.
    await writeFile(path.join(repo, 'README.md'), `${await readFile(path.join(repo, 'README.md'), 'utf8')}\nstaged note\n`);
    await git(repo, 'add', 'README.md');
    await writeFile(path.join(repo, 'scratch.txt'), 'untracked\n');
    const before = await checkoutState(repo);

    const tui = await TmuxSession.start({ cwd: repo, command: `node ${BIN}`, env: IDENTITY, label: 'on-call-story', width: 120, height: 35 });
    session = tui;
    await tui.waitFor('Verdict:', 'loaded');
    await tui.waitFor(/live: staging ✓ snapshot, production ✓ snapshot/, 'live-read');

    const only = async (filter: string, shown: RegExp, label: string) => {
      await tui.keys('/');
      await tui.waitFor('filter: ▏', `${label}-filter`);
      await tui.type(filter);
      await tui.waitFor(shown, `${label}-filtered`);
      await tui.keys('Enter');
    };

    // Both rows of the headline key: cross-env (a choice of where) and live-drift.
    await only('timeout', /Divergences 1\/2/, 'headline');
    await tui.keys('b');
    await tui.waitFor('backfill PAYMENT_GATEWAY_TIMEOUT_MS: which one?', 'cross-env-choice');
    await tui.keys('1');
    await tui.waitFor('1 decided', 'cross-env-decided');
    await tui.keys('j');
    await tui.waitFor(/› ~ PAYMENT_GATE/, 'on-live-drift-row');
    await tui.keys('b');
    await tui.waitFor('2 decided', 'live-drift-decided');
    await tui.keys('Escape');

    await only('pgclient', /Divergences 1\/1/, 'revert');
    await tui.keys('r');
    await tui.waitFor('revert PG_CLIENT_VERSION: which one?', 'revert-choice');
    await tui.keys('2'); // staging back to its previous value
    await tui.waitFor('3 decided', 'reverted');
    await tui.keys('Escape');

    await only('newauth', /Divergences 1\/1/, 'declare');
    await tui.keys('d');
    await tui.waitFor('Declare NEW_AUTH_FLOW intended', 'declare-form');
    await tui.type('rollout until Q1');
    await tui.keys('Tab');
    await tui.type('auth-team');
    await tui.keys('Enter');
    await tui.waitFor('4 decided', 'declared');
    await tui.keys('Escape');

    await only('debugsql', /Divergences 1\/1/, 'skip');
    await tui.keys('s');
    await tui.waitFor('5 decided', 'skipped');
    await tui.keys('Escape');

    await tui.keys('A');
    const summary = await tui.waitFor('type production and enter to confirm', 'apply-summary');
    expect(summary).toContain('recorded as looked at and left as they are (skip):');
    expect(summary).not.toContain('refused');
    await tui.type('production');
    await tui.keys('Enter');
    const applied = await tui.waitFor(/applied: 3 commit\(s\) on branch (undrift\/\S+)|not applied/, 'applied', 60_000);
    expect(applied).not.toContain('not applied');
    const branch = /on branch (undrift\/\S+)/.exec(applied)![1]!;
    await tui.waitFor(/0 decided/, 'decisions-cleared');
    await tui.waitFor('commit 3/3', 'apply-report'); // what apply did stays on screen until esc
    await tui.keys('Escape');
    await tui.waitFor(/▶ Divergences/, 'report-closed');
    await tui.keys('q');
    await tui.waitFor('[exit 0]', 'quit');

    // The branch: one commit per decision, both rows of the headline key in one.
    const commits = await git(
      repo,
      'log',
      '--format=%s|%(trailers:key=Drift-Key,valueonly,separator=%x2C)|%(trailers:key=Drift-Env,valueonly,separator=%x2C)',
      `${before.head}..${branch}`,
    );
    expect(commits.split('\n')).toEqual([
      'drift: declare NEW_AUTH_FLOW (staging=true, production=false)|NEW_AUTH_FLOW|all',
      'drift(staging): revert PG_CLIENT_VERSION=15.1|PG_CLIENT_VERSION|staging',
      'drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000|PAYMENT_GATEWAY_TIMEOUT_MS,PAYMENT_GATEWAY_TIMEOUT_MS|production,production',
    ]);
    expect(await git(repo, 'diff', '--unified=0', before.head, branch, '--', 'config/production.yaml')).toMatch(
      /-PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n\+PAYMENT_GATEWAY_TIMEOUT_MS: 10000$/,
    );
    expect(await git(repo, 'diff', '--unified=0', before.head, branch, '--', 'config/staging.yaml')).toMatch(
      /-PG_CLIENT_VERSION: "15.3"\n\+PG_CLIENT_VERSION: "15.1"$/,
    );
    expect(await git(repo, 'show', `${branch}:config/expected-env-diff.yaml`)).toContain(
      '  NEW_AUTH_FLOW:\n    staging: true\n    production: false\n    reason: rollout until Q1\n    owner: auth-team',
    );

    // The ledger: the skip (with the environment of the divergence it left) and the three commits.
    const log = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout) as {
      decisions: Array<{ keys: string[]; envs: string[]; actions: string[]; kind: string; status: string; ref: string }>;
    };
    expect(log.decisions.map((d) => [d.kind, d.status, d.keys[0], d.envs.join(','), d.actions[0], d.ref])).toEqual([
      ['skip', 'skipped', 'DEBUG_SQL', 'production', 'skip', 'refs/undrift/ledger'],
      ['repo', 'open', 'NEW_AUTH_FLOW', 'all', 'declare', branch],
      ['repo', 'open', 'PG_CLIENT_VERSION', 'staging', 'revert', branch],
      ['repo', 'open', 'PAYMENT_GATEWAY_TIMEOUT_MS', 'production,production', 'backfill', branch],
    ]);
    // The demo's live half is a snapshot (nothing to patch), so there are no live entries.
    expect(log.decisions.filter((d) => d.kind === 'live')).toEqual([]);

    // The user's checkout: working tree, index, HEAD and branch as they were; nothing left behind.
    expect(await checkoutState(repo)).toEqual(before);
    expect((await git(repo, 'worktree', 'list')).split('\n')).toHaveLength(1);
    expect(await git(repo, 'branch', '--list', 'undrift/*', '--format=%(refname:short)')).toBe(branch);
  }, 150_000);
});
