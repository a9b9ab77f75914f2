import { describe, expect, it } from 'vitest';
import { repoWithFiles, runUndrift } from '../support/repo.js';
import { CANARY, CORPUS, type HostileCase } from './corpus.js';

// Every case runs the real binary in a child process, the way CI runs it on a pull request: with
// a secret in its environment, a deadline (generous: it catches hangs, it does not time anything)
// and a heap limit (a runaway allocation fails the case instead of swapping the machine).
const DEADLINE_MS = 45_000;
const HEAP_MB = 384;
const RSS_LIMIT_MB = 768;

const STACK_TRACE = /\n\s+at .+[:(]\d+|internal error|FATAL ERROR|node:internal/;

async function run(c: HostileCase) {
  const repo = await repoWithFiles(c.files);
  await c.prepare?.(repo);
  return runUndrift(c.args ?? ['scan', '--no-history'], {
    cwd: repo,
    env: { UNDRIFT_CANARY: CANARY },
    timeoutMs: DEADLINE_MS,
    maxOldSpaceMb: HEAP_MB,
  });
}

describe('hostile input corpus (issue 11)', () => {
  it.concurrent.each(CORPUS.map((c) => [`#${c.finding} ${c.name}`, c] as const))('%s', async (_name, c) => {
    const result = await run(c);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.timedOut, `did not finish within ${DEADLINE_MS / 1000}s`).toBe(false);
    expect(result.maxRssMb ?? 0, 'peak memory (MiB)').toBeLessThan(RSS_LIMIT_MB);
    expect(output).not.toMatch(STACK_TRACE);
    expect(output).not.toContain(CANARY);
    if (c.expect.never) expect(output).not.toMatch(c.expect.never);
    expect({ exit: result.exitCode, stderr: result.stderr }).toMatchObject({ exit: c.expect.exit });
    if (c.expect.error) {
      expect(result.stderr.trimEnd().split('\n'), 'one line on stderr').toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(c.expect.error);
    }
    if (c.expect.stdout) expect(result.stdout).toMatch(c.expect.stdout);
    if (c.expect.json) {
      const json = JSON.parse(result.stdout) as { divergences: Array<{ key: string; values: Record<string, { repo: string | null }> }> };
      const d = json.divergences.find((x) => x.key === c.expect.json!.key);
      expect(d?.values[c.expect.json.env]?.repo).toBe(c.expect.json.repo);
    }
  });
});
