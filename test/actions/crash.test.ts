import { spawn } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { git, runUndrift, tempDir } from '../support/repo.js';
import { DEMO_DECISIONS, ONCALL_IDENTITY, scenarioRepo } from '../support/demo-repo.js';

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));

let repo: string;
let tmp: string;
beforeEach(async () => {
  repo = await scenarioRepo();
  await writeFile(path.join(repo, '..', 'decisions.yaml'), DEMO_DECISIONS);
  // The child's temp dir, to see what it leaves there.
  tmp = await tempDir('undrift-tmp-');
});

/** Waits for a condition, with a deadline (never a fixed sleep). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

const leftovers = async () => (await readdir(tmp)).filter((f) => f.startsWith('undrift-worktree-'));
const branches = async () => (await git(repo, 'branch', '--list', 'undrift/*', '--format=%(refname:short)')).split('\n').filter(Boolean);
const worktrees = async () => (await git(repo, 'worktree', 'list', '--porcelain')).split('\n').filter((l) => l.startsWith('worktree '));

describe('apply is all or nothing, and a killed run is cleaned up by the next one', () => {
  it('kill -9 after the first of three commits leaves no branch; the next apply says what it cleaned and succeeds', async () => {
    // A post-commit hook that announces itself and then blocks: the apply is then provably in
    // the middle (one commit made in the temporary worktree, two to go).
    const marker = path.join(tmp, 'hook-pid');
    const hooks = path.join(repo, '.git', 'hooks');
    await mkdir(hooks, { recursive: true });
    await writeFile(path.join(hooks, 'post-commit'), `#!/bin/sh\necho $$ > "${marker}"\nexec sleep 300\n`);
    await chmod(path.join(hooks, 'post-commit'), 0o755);

    const child = spawn(process.execPath, [BIN, 'apply', '--decisions', '../decisions.yaml'], {
      cwd: repo,
      env: { ...process.env, ...ONCALL_IDENTITY, NO_COLOR: '1', TMPDIR: tmp },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const hookPid = Number(await until('the post-commit hook', async () => (await readFile(marker, 'utf8').catch(() => '')).trim() || undefined));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    process.kill(hookPid, 'SIGKILL');

    // What the killed run left: a registered worktree with one commit, the lock, no branch.
    expect(await worktrees()).toHaveLength(2);
    expect(await leftovers()).toHaveLength(1);
    expect(await branches()).toEqual([]);
    expect((await readdir(path.join(repo, '.git', 'undrift'))).includes('apply.lock')).toBe(true);

    await rm(path.join(hooks, 'post-commit'));
    // The next run need not be a process of its own: what it cleans up is the killed process's.
    const next = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: { ...ONCALL_IDENTITY, TMPDIR: tmp } });
    expect(next.exitCode).toBe(0);
    const notices = next.stderr.split('\n');
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^undrift: removed the lock of an interrupted apply \(pid \d+, started \d{4}-\d{2}-\d{2}T/);
    expect(notices[1]).toMatch(/^undrift: removed the temporary worktree of an interrupted apply: .*undrift-worktree-/);
    expect(next.stdout).toMatch(/^branch undrift\/\S+-payment-gateway-timeout-ms-and-2-more \(from [0-9a-f]{7}\), 3 commits:/);
    expect(await branches()).toHaveLength(1);
    expect(await worktrees()).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
    expect((await readdir(path.join(repo, '.git', 'undrift'))).includes('apply.lock')).toBe(false);
    // The log lists the three decisions of the branch, not the orphaned commit.
    const log = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout) as { decisions: Array<{ status: string }> };
    expect(log.decisions.map((d) => d.status)).toEqual(['open', 'open', 'open']);
  }, 120_000);

  it('a commit that fails (a hook refusing it) leaves no branch and says what git said', async () => {
    const hooks = path.join(repo, '.git', 'hooks');
    await mkdir(hooks, { recursive: true });
    await writeFile(
      path.join(hooks, 'pre-commit'),
      '#!/bin/sh\n[ -f "$(git rev-parse --git-common-dir)/second" ] && { echo "policy: no config commits on Fridays" >&2; exit 1; }\ntouch "$(git rev-parse --git-common-dir)/second"\n',
    );
    await chmod(path.join(hooks, 'pre-commit'), 0o755);
    const result = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: { ...ONCALL_IDENTITY, TMPDIR: tmp } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'undrift: could not commit the decisions: git commit failed (exit 1): policy: no config commits on Fridays; no branch was made and your checkout was not touched',
    );
    expect(await branches()).toEqual([]);
    expect(await worktrees()).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
  });

  it('two applies at once take turns: one branch, the other finds its decisions in place; nothing is left behind', async () => {
    const run = () => runUndrift(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: { ...ONCALL_IDENTITY, TMPDIR: tmp } });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    expect([a.stderr, b.stderr]).toEqual(['', '']);
    const first = [a.stdout, b.stdout].filter((o) => o.startsWith('branch '));
    const second = [a.stdout, b.stdout].filter((o) => !o.startsWith('branch '));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^branch undrift\/\S+ \(from [0-9a-f]{7}\), 3 commits:/);
    expect(second[0]).toMatch(/nothing to do: 3 decisions already in place on undrift\/\S+$/);
    expect(await branches()).toHaveLength(1);

    // Different decisions at once: two branches, distinct names.
    await writeFile(path.join(repo, '..', 'one.yaml'), '- {key: SETTLEMENT_BATCH_SIZE, env: production, action: backfill}\n');
    await writeFile(path.join(repo, '..', 'two.yaml'), '- {key: NEW_AUTH_FLOW, env: production, action: backfill, value: "true"}\n');
    const [c, d] = await Promise.all(
      // Turning the staged flag on in production goes against its verdict (a declared rollout): said meant.
      [['one'], ['two', '--allow-risk']].map(([f, ...flags]) =>
        runUndrift(['apply', '--decisions', `../${f}.yaml`, ...flags], { cwd: repo, env: { ...ONCALL_IDENTITY, TMPDIR: tmp } }),
      ),
    );
    expect([c!.exitCode, d!.exitCode, c!.stderr]).toEqual([0, 0, '']);
    // The first branch declared NEW_AUTH_FLOW's difference; this one backfills it: both merged would decide it two ways.
    expect(d!.stderr).toMatch(
      /^undrift: undrift\/\S+, an older branch not merged yet, decides NEW_AUTH_FLOW otherwise \(declare every environment; the new branch: backfill production\)/,
    );
    expect(await branches()).toHaveLength(3);
    expect(await worktrees()).toHaveLength(1);
    expect(await leftovers()).toEqual([]);
  }, 120_000);
});
