import { statSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoFromScenario, tempDir } from '../support/repo.js';

// A git that hangs (a credential helper waiting for a password, a hook or fsmonitor that never
// returns, a lock) must not hang undrift: a real child process that never answers stands in for
// it. A `git` first on PATH runs the real one, except for the subcommand UNDRIFT_TEST_HANG names,
// where it starts a `sleep` that holds git's output open (so killing git alone would not do).
// undrift runs in this process (git is the child process here); a hang fails the test at its
// deadline.
const SLEEP_MARK = '613.0417';

let repo: string;
let fakeBin: string;

beforeAll(async () => {
  repo = await repoFromScenario({
    commits: [
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'initial',
        write: {
          'undrift.yaml': 'environments:\n  staging:\n    files: [s.yaml]\n  production:\n    files: [p.yaml]\n',
          's.yaml': 'A: 1\n',
          'p.yaml': 'A: 2\n',
        },
      },
      { at: '2026-01-06T10:00:00Z', author: 'ana', message: 'change', write: { 'p.yaml': 'A: 3\n' } },
    ],
  });
  fakeBin = await tempDir('undrift-fake-git-');
  const realGit = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'git'))
    .find((file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    });
  await writeFile(
    path.join(fakeBin, 'git'),
    `#!/bin/sh\nif [ "$1" = "$UNDRIFT_TEST_HANG" ]; then sleep ${SLEEP_MARK}; exit 1; fi\nexec ${realGit ?? '/usr/bin/git'} "$@"\n`,
  );
  await chmod(path.join(fakeBin, 'git'), 0o755);
});

/** Whether a `sleep` the fake git started still runs. */
async function sleeperRuns(): Promise<boolean> {
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(SLEEP_MARK)) return true;
  }
  return false;
}

async function waitUntilGone(): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!(await sleeperRuns())) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('a git that hangs does not hang undrift (issue 11)', () => {
  it.each([
    ['a one-shot command', 'rev-parse', /^undrift: git rev-parse .* did not finish within 1 s and was stopped .*UNDRIFT_GIT_TIMEOUT=<seconds>/],
    ['the history walk (silence)', 'log', /^undrift: git log --(raw|topo-order) .* gave no output for 1 s and was stopped .*UNDRIFT_GIT_TIMEOUT=<seconds>/],
    [
      'the blob reader (silence while answers are owed)',
      'cat-file',
      /^undrift: git cat-file --batch gave no output for 1 s and was stopped .*UNDRIFT_GIT_TIMEOUT=<seconds>/,
    ],
  ])('%s: stopped with a one-line error naming the command and the fix, its helpers killed', async (_what, subcommand, message) => {
    const result = await runCli(['scan'], {
      cwd: repo,
      env: { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`, UNDRIFT_TEST_HANG: subcommand, UNDRIFT_GIT_TIMEOUT: '1' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(await waitUntilGone(), 'the sleep git started was killed with it').toBe(true);
  });

  it('a scan whose git answers runs as before under a short deadline', async () => {
    const result = await runCli(['scan', '-f', 'json'], {
      cwd: repo,
      env: { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`, UNDRIFT_TEST_HANG: 'none', UNDRIFT_GIT_TIMEOUT: '3' },
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1 });
  });
});
