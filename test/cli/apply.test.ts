import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { git, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { DEMO_DECISIONS, ONCALL_IDENTITY, scenarioRepo } from '../support/demo-repo.js';
import { checkoutState } from '../support/checkout.js';

let repo: string;

beforeEach(async () => {
  repo = await scenarioRepo();
});

describe('undrift apply', () => {
  it('commits each decision on a new branch with evidence and trailers; the dirty checkout stays byte-identical', async () => {
    // A dirty checkout: a modified file, a staged change, an untracked file, and a stash.
    await writeFile(path.join(repo, 'README.md'), 'scratch notes\n');
    await git(repo, 'stash', 'push', '--quiet', '-m', 'wip');
    await writeFile(path.join(repo, 'config/production.yaml'), `${await readFile(path.join(repo, 'config/production.yaml'), 'utf8')}# local edit\n`);
    await writeFile(path.join(repo, 'config/staging.yaml'), `${await readFile(path.join(repo, 'config/staging.yaml'), 'utf8')}# staged edit\n`);
    await git(repo, 'add', 'config/staging.yaml');
    await writeFile(path.join(repo, 'notes.txt'), 'untracked\n');
    await writeFile(path.join(repo, '..', 'decisions.yaml'), DEMO_DECISIONS);
    const before = await checkoutState(repo);

    const result = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    // The scan read the work tree's edits; the branch is made from HEAD: said, once.
    expect(result.stderr).toBe(
      'undrift: config/production.yaml, config/staging.yaml have uncommitted changes: the scan read them as in your work tree, ' +
        'but the branch is made from the committed files (HEAD), not from your uncommitted edits; your work tree is not touched ' +
        '(the commits are written in a temporary worktree). Commit first if a decision rests on their values',
    );
    expect(result.exitCode).toBe(0);
    const branch = /^branch (undrift\/\d{4}-\d{2}-\d{2}-payment-gateway-timeout-ms-and-2-more) \(from [0-9a-f]{7}\), 3 commits:/.exec(result.stdout)?.[1];
    expect(branch).toBeDefined();
    expect(result.stdout).toContain('your checkout, index and current branch were not touched');
    expect(result.stdout).toMatch(/add a remote and push it: git remote add origin URL && git push origin undrift\//);

    expect(await checkoutState(repo)).toEqual(before);
    expect((await git(repo, 'worktree', 'list')).split('\n')).toHaveLength(1);

    const log = await git(
      repo,
      'log',
      '--format=%s|%an|%(trailers:key=Drift-Key,valueonly)%(trailers:key=Drift-Env,valueonly)%(trailers:key=Drift-Action,valueonly)',
      `${before.head}..${branch!}`,
    );
    expect(log.split('\n').filter(Boolean)).toEqual([
      'drift(staging): revert PG_CLIENT_VERSION=15.1|Oncall Person|PG_CLIENT_VERSION',
      'staging',
      'revert',
      'drift: declare NEW_AUTH_FLOW (staging=true, production=false)|Oncall Person|NEW_AUTH_FLOW',
      'all',
      'declare',
      'drift(production): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000|Oncall Person|PAYMENT_GATEWAY_TIMEOUT_MS',
      'production',
      'backfill',
    ]);
    // A decision against the verdict says so before the verdict's reasons (which argue for the other action).
    const reverted = (await git(repo, 'log', '-1', '--format=%B', branch!)).replace(/\n +/g, ' ');
    expect(reverted).toMatch(
      /\nVerdict: declare \(0\.\d\d\)\.\nDecided against it: revert staging, where the verdict suggested declare \(0\.\d\d\); the verdict's reasons follow\.\n- /,
    );
    expect(await git(repo, 'log', '-1', '--format=%B', `${branch!}~1`)).not.toContain('Decided against it');
    const body = await git(repo, 'log', '-1', '--format=%B', `${branch!}~2`);
    expect(body).toContain('\nVerdict: backfill production = 10000 (0.95).\n- ');
    expect(body).not.toContain('Decided against it');
    expect(body.replace(/\n\s+/g, ' ')).toContain("edits staging's file (config/staging.yaml) but its message speaks of production");
    expect(body).toMatch(/History:\n {2}2026-07-14 staging 3000 -> 10000 [0-9a-f]{10} Dana Whitfield: Raise payment gateway timeout/);
    // Minimal diffs, made from the committed files (not the local edits).
    expect(await git(repo, 'diff', '--unified=0', before.head, branch!, '--', 'config/production.yaml')).toMatch(
      /-PAYMENT_GATEWAY_TIMEOUT_MS: 3000\n\+PAYMENT_GATEWAY_TIMEOUT_MS: 10000$/,
    );
    expect(await git(repo, 'show', `${branch!}:config/production.yaml`)).not.toContain('# local edit');
    expect(await git(repo, 'show', `${branch!}:config/expected-env-diff.yaml`)).toContain(
      '  NEW_AUTH_FLOW:\n    staging: true\n    production: false\n    reason: rollout until Q1\n    owner: auth-team\n    expires: 2027-03-31',
    );

    // The audit trail reads the trailers back.
    const audit = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout);
    expect(audit.decisions.map((d: { keys: string[]; envs: string[]; actions: string[]; ref: string }) => [d.keys[0], d.envs[0], d.actions[0], d.ref])).toEqual(
      [
        ['PG_CLIENT_VERSION', 'staging', 'revert', branch],
        ['NEW_AUTH_FLOW', 'all', 'declare', branch],
        ['PAYMENT_GATEWAY_TIMEOUT_MS', 'production', 'backfill', branch],
      ],
    );

    // Applying the same decisions again: they are on the branch already, nothing new is made.
    const again = await runCli(['apply', '--decisions', '../decisions.yaml', '--group', 'action'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(again.exitCode).toBe(0);
    expect(again.stdout.split('\n').at(-1)).toBe(`nothing to do: 3 decisions already in place on ${branch}`);
    expect((await git(repo, 'branch', '--list', 'undrift/*')).trim()).toBe(branch);
    // A branch name is never reused.
    await writeFile(path.join(repo, '..', 'other.yaml'), '- {key: SETTLEMENT_BATCH_SIZE, env: production, action: backfill}\n');
    const taken = await runCli(['apply', '--decisions', '../other.yaml', '--branch', branch!], { cwd: repo, env: ONCALL_IDENTITY });
    expect(taken.exitCode).toBe(2);
    expect(taken.stderr).toBe(`undrift: branch ${branch} exists already; undrift never overwrites a branch`);
    for (const bad of ['a..b', 'has space', '-x', 'x.lock', '']) {
      const invalid = await runCli(['apply', '--decisions', '../other.yaml', `--branch=${bad}`], { cwd: repo, env: ONCALL_IDENTITY });
      expect(invalid.exitCode, bad).toBe(2);
      expect(invalid.stderr, bad).toMatch(/^undrift: --branch ".*" is not a valid git branch name \(see git check-ref-format/);
    }
    expect(await checkoutState(repo)).toEqual(before);
  }, 120_000);

  it('once the branch is merged, the same decisions are in place on the checked-out branch, and the log says merged', async () => {
    await writeFile(path.join(repo, '..', 'decisions.yaml'), DEMO_DECISIONS);
    const first = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    const branch = /^branch (\S+)/.exec(first.stdout)![1]!;
    await git(repo, 'merge', '--quiet', '--no-edit', branch);
    const merged = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(merged.stderr).toBe('');
    expect(merged.exitCode).toBe(0);
    expect(merged.stdout.split('\n').at(-1)).toBe('nothing to do: 3 decisions already in place on the checked-out branch');
    const statuses = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout) as { decisions: Array<{ status: string; mergedInto?: string }> };
    expect(statuses.decisions.map((d) => [d.status, d.mergedInto])).toEqual([
      ['merged', 'main'],
      ['merged', 'main'],
      ['merged', 'main'],
    ]);
  });

  it('the headline story: both rows of one key backfilled merge into one commit; a change already in place is reported and skipped', async () => {
    const scan = JSON.parse((await runCli(['scan', '--format', 'json'], { cwd: repo })).stdout) as {
      divergences: Array<{ id: string; key: string; kind: string }>;
    };
    const ids = scan.divergences.filter((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS').map((d) => d.id);
    expect(ids).toHaveLength(2);
    await writeFile(
      path.join(repo, '..', 'both.yaml'),
      ids.map((id) => `- {key: PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: backfill, value: "10000", divergence: ${id}}\n`).join('') +
        '- {key: PG_CLIENT_VERSION, env: staging, action: backfill, value: "15.3"}\n',
    );
    const result = await runCli(['apply', '--decisions', '../both.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('already in place on the checked-out branch: backfill PG_CLIENT_VERSION=15.3');
    const branch = /^branch (\S+) \(from [0-9a-f]{7}\), 1 commit:\n {2}[0-9a-f]{7} drift\(production\): backfill PAYMENT_GATEWAY_TIMEOUT_MS=10000$/m.exec(
      result.stdout,
    )?.[1];
    expect(branch).toBeDefined();
    expect((await git(repo, 'log', '-1', '--format=%(trailers:key=Drift-Key,valueonly)', branch!)).trim()).toBe(
      'PAYMENT_GATEWAY_TIMEOUT_MS\nPAYMENT_GATEWAY_TIMEOUT_MS',
    );
    expect((await git(repo, 'worktree', 'list')).split('\n')).toHaveLength(1);

    await writeFile(path.join(repo, '..', 'held.yaml'), '- {key: PG_CLIENT_VERSION, env: staging, action: backfill, value: "15.3"}\n');
    const held = await runCli(['apply', '--decisions', '../held.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(held.exitCode).toBe(0);
    expect(held.stdout).toMatch(/nothing to do: 1 decision already in place on the checked-out branch/);
    expect(await git(repo, 'branch', '--list', 'undrift/*')).toBe(`  ${branch}`);
  });

  it('the ledger: skips are recorded, a deleted branch shows as abandoned, log filters by key, env, action, status and date', async () => {
    await writeFile(
      path.join(repo, '..', 'story.yaml'),
      `${DEMO_DECISIONS}- {key: FEATURE_RECEIPTS_V2, action: undeclare}\n- {key: DEBUG_SQL, env: production, action: skip, reason: removed at the next deploy}\n`,
    );
    const first = await runCli(['apply', '--decisions', '../story.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('skipped: DEBUG_SQL in production (left as it is; recorded in the ledger)');
    expect(first.stdout).toContain('drift: undeclare FEATURE_RECEIPTS_V2 (remove its declaration)');
    const branch = /^branch (\S+)/m.exec(first.stdout)![1]!;
    expect(await git(repo, 'for-each-ref', '--format=%(refname)', 'refs/undrift/')).toBe('refs/undrift/ledger');
    expect(await git(repo, 'status', '--porcelain')).toBe('');

    const logJson = async (...args: string[]) =>
      (
        JSON.parse((await runCli(['log', '--json', ...args], { cwd: repo })).stdout) as {
          decisions: Array<{ keys: string[]; status: string; kind: string; ref: string; actions: string[] }>;
        }
      ).decisions;
    expect((await logJson()).map((d) => [d.keys[0], d.kind, d.status])).toEqual([
      ['DEBUG_SQL', 'skip', 'skipped'],
      ['FEATURE_RECEIPTS_V2', 'repo', 'open'],
      ['PG_CLIENT_VERSION', 'repo', 'open'],
      ['NEW_AUTH_FLOW', 'repo', 'open'],
      ['PAYMENT_GATEWAY_TIMEOUT_MS', 'repo', 'open'],
    ]);
    expect((await logJson('-k', 'P*')).map((d) => d.keys[0])).toEqual(['PG_CLIENT_VERSION', 'PAYMENT_GATEWAY_TIMEOUT_MS']);
    // Declarations name every environment ("all").
    expect((await logJson('-e', 'staging')).map((d) => d.keys[0])).toEqual(['FEATURE_RECEIPTS_V2', 'PG_CLIENT_VERSION', 'NEW_AUTH_FLOW']);
    expect((await logJson('--action', 'undeclare')).map((d) => d.keys[0])).toEqual(['FEATURE_RECEIPTS_V2']);
    expect(await logJson('--until', '2000-01-01')).toEqual([]);

    await git(repo, 'branch', '-D', branch);
    const abandoned = await logJson('--status', 'abandoned');
    expect(abandoned.map((d) => [d.keys[0], d.ref])).toEqual([
      ['FEATURE_RECEIPTS_V2', branch],
      ['PG_CLIENT_VERSION', branch],
      ['NEW_AUTH_FLOW', branch],
      ['PAYMENT_GATEWAY_TIMEOUT_MS', branch],
    ]);
    const text = (await runCli(['log', '--status', 'abandoned', '-k', 'NEW_*'], { cwd: repo })).stdout;
    expect(text).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} {2}[0-9a-f]{7} {2}abandoned declare {3}all {10}NEW_AUTH_FLOW {2}\\(abandoned: unmerged, branch ${branch.replace(/\//g, '\\/')} is gone; Oncall Person\\)$`,
      ),
    );
    const bad = await runCli(['log', '--status', 'done'], { cwd: repo });
    expect([bad.exitCode, bad.stderr]).toEqual([2, 'undrift: --status is one of open, merged, abandoned, live, skipped']);
    const badDate = await runCli(['log', '--since', '2026-02-30'], { cwd: repo });
    expect([badDate.exitCode, badDate.stderr]).toEqual([2, 'undrift: --since: "2026-02-30" is not a day of that month (2026-02 has 28 days)']);

    // An abandoned decision is not in place: applying again makes it again; the skip stays recorded once.
    const again = await runCli(['apply', '--decisions', '../story.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(again.stdout).toContain('already recorded: skip DEBUG_SQL in production');
    expect(again.stdout).toMatch(/^branch \S+ \(from [0-9a-f]{7}\), 4 commits:/m);
  }, 120_000);

  it('backfills every environment with to: all, and groups commits by action', async () => {
    await writeFile(
      path.join(repo, '..', 'all.yaml'),
      '- {key: PG_CLIENT_VERSION, action: backfill, to: all, value: "15.4"}\n- {key: NEW_AUTH_FLOW, env: production, action: backfill}\n- {key: DB_POOL_MAX, action: undeclare}\n',
    );
    const result = await runCli(['apply', '--decisions', '../all.yaml', '--group', 'action', '--branch', 'drift/fixes'], {
      cwd: repo,
      env: ONCALL_IDENTITY,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^branch drift\/fixes \(from [0-9a-f]{7}\), 2 commits:\n {2}[0-9a-f]{7} drift: backfill 2 keys \(PG_CLIENT_VERSION, NEW_AUTH_FLOW\)\n {2}[0-9a-f]{7} drift: undeclare DB_POOL_MAX/,
    );
    // The stale declaration's verdict is said as the plan applies it (undeclare), so removing it follows the verdict.
    const undeclared = await git(repo, 'log', '-1', '--format=%B', 'drift/fixes');
    expect(undeclared).toMatch(/\nVerdict: undeclare \(0\.\d\d\)\.\n- /);
    expect(undeclared).not.toContain('Decided against it');
    expect(await git(repo, 'show', 'drift/fixes:config/staging.yaml')).toContain('PG_CLIENT_VERSION: "15.4"');
    expect(await git(repo, 'show', 'drift/fixes:config/production.yaml')).toContain('PG_CLIENT_VERSION: "15.4"');
    expect(await git(repo, 'show', 'drift/fixes:config/production.yaml')).toContain('NEW_AUTH_FLOW: true');
  });

  it('validates the whole file before touching anything, and exits 2 naming the problem', async () => {
    const cases: Array<[string, RegExp]> = [
      ['- {key: A, action: rename}\n', /^undrift: \.\.\/bad\.yaml:1:\d+: \[0\]\.action: action must be revert, backfill, declare, undeclare or skip$/],
      ['- {key: PG_CLIENT_VERSION, env: prod, action: revert}\n', /unknown environment "prod" \(known: staging, production\)/],
      ['- {key: NO_SUCH_KEY, env: production, action: backfill}\n', /no divergence on NO_SUCH_KEY to backfill/],
      [
        '- {key: PG_CLIENT_VERSION, env: staging, action: revert}\n- {key: DEBUG_SQL, env: production, action: revert}\n',
        /decision 2 \(revert DEBUG_SQL in production\): production's live state comes from snapshot live\/production\.yaml: only a Kubernetes source can be patched/,
      ],
      ['key: A\n', /expected a YAML list of decisions/],
    ];
    for (const [content, expected] of cases) {
      await writeFile(path.join(repo, '..', 'bad.yaml'), content);
      const result = await runCli(['apply', '--decisions', '../bad.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
      expect(result.exitCode, content).toBe(2);
      expect(result.stderr).toMatch(expected);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
    expect(await git(repo, 'branch', '--list', 'undrift/*')).toBe('');
  });

  it('a repository with no commit yet: a clear error from apply, an empty log', async () => {
    const empty = await tempDir();
    await git(empty, 'init', '--quiet');
    await writeFile(path.join(empty, 'one.yaml'), '- {key: A, env: production, action: backfill, value: "1"}\n');
    const result = await runCli(['apply', '--decisions', 'one.yaml'], { cwd: empty, env: ONCALL_IDENTITY });
    expect([result.exitCode, result.stderr]).toEqual([
      2,
      'undrift: the repository has no commit yet: commit your config first (apply edits the committed files, on a new branch)',
    ]);
    const log = await runCli(['log'], { cwd: empty });
    expect([log.exitCode, log.stdout]).toEqual([
      0,
      'no decisions yet: undrift apply (or A in the interactive view) records each one: commits with Drift-* trailers, live patches and skips in refs/undrift/ledger',
    ]);
  });

  it('refuses to commit without a git identity, and says how to set one', async () => {
    await writeFile(path.join(repo, '..', 'one.yaml'), '- {key: PG_CLIENT_VERSION, env: production, action: backfill}\n');
    await git(repo, 'config', '--unset', 'user.name');
    await git(repo, 'config', '--unset', 'user.email');
    const result = await runCli(['apply', '--decisions', '../one.yaml'], {
      cwd: repo,
      env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', EMAIL: '', HOME: repo },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('undrift: git has no author identity here: set it with git config user.name "…" and git config user.email "…"');
  });
});
