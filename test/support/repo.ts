import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll } from 'vitest';
import { buildScenario, isolatedGitEnv } from '../../src/scenario/build.js';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'undrift-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const AUTHORS = {
  ana: { name: 'Ana Lima', email: 'ana@example.test' },
  ben: { name: 'Ben Ode', email: 'ben@example.test' },
};

/** A real git repository from a scenario (story of dated commits). */
export async function repoFromScenario(scenario: Omit<Scenario, 'name' | 'authors'> & Partial<Pick<Scenario, 'name' | 'authors'>>): Promise<string> {
  const dir = await tempDir();
  const full = parseScenario({ name: 'test', authors: AUTHORS, ...scenario }, 'test');
  await buildScenario(full, dir);
  return dir;
}

/** A real git repository whose single commit holds these files. */
export function repoWithFiles(files: Record<string, string>): Promise<string> {
  return repoFromScenario({ commits: [{ at: '2026-01-05T10:00:00Z', author: 'ana', message: 'initial', write: files }] });
}

export async function git(dir: string, ...args: string[]): Promise<string> {
  return (await execa('git', args, { cwd: dir, env: isolatedGitEnv() })).stdout;
}

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));

/** Runs the real built binary as a child process, the way a user or CI does. */
export async function runUndrift(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const result = await execa(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { NO_COLOR: '1', ...options.env },
    reject: false,
    stdin: 'ignore',
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
}
