import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { scanRepository } from '../../src/engine.js';
import { buildScenario, isolatedGitEnv } from '../../src/scenario/build.js';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.js';
import { outsidePullRequest } from './ci-env.js';
import { atFileEnd } from './file-end.js';

export async function tempDir(prefix = 'undrift-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  atFileEnd(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const AUTHORS = {
  ana: { name: 'Ana Lima', email: 'ana@example.test' },
  ben: { name: 'Ben Ode', email: 'ben@example.test' },
};

/** A real git repository from a scenario (story of dated commits). It sits alone in its temporary
 * directory, so files a test writes beside it (`../decisions.yaml`) never meet another test's. */
export async function repoFromScenario(scenario: Omit<Scenario, 'name' | 'authors'> & Partial<Pick<Scenario, 'name' | 'authors'>>): Promise<string> {
  const dir = path.join(await tempDir(), 'repo');
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
const MEASURE = new URL('./measure-exit.mjs', import.meta.url).href;

export interface RunLimits {
  /** Kill the run (and say so) after this long: a deadline against hangs, not a speed check. */
  timeoutMs?: number;
  /** V8's heap limit for the run, in MiB: a runaway allocation fails instead of eating the machine. */
  maxOldSpaceMb?: number;
}

/** Runs the real built binary as a child process, the way a user or CI does. With limits, the
 * result also says whether the deadline killed it and the child's peak resident memory. Each call
 * starts Node (~0.5 CPU-s): where the process itself is not what a test is about, `runCli`
 * (./cli.js) runs the same command in-process. */
export async function runUndrift(args: string[], options: { cwd: string; env?: Record<string, string> } & RunLimits) {
  const rssFile = options.timeoutMs !== undefined ? path.join(tmpdir(), `undrift-rss-${process.pid}-${Math.random().toString(36).slice(2)}`) : undefined;
  const nodeArgs = [...(options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []), ...(rssFile ? ['--import', MEASURE] : [])];
  const started = Date.now();
  const result = await execa(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: options.cwd,
    env: { ...outsidePullRequest(process.env), NO_COLOR: '1', ...options.env, ...(rssFile ? { UNDRIFT_TEST_RSS_FILE: rssFile } : {}) },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  let maxRssMb: number | undefined;
  if (rssFile) {
    const text = await readFile(rssFile, 'utf8').catch(() => undefined);
    if (text !== undefined) maxRssMb = Math.round(Number(text) / 1024);
    await rm(rssFile, { force: true });
  }
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode ?? -1,
    timedOut: result.timedOut === true,
    ms: Date.now() - started,
    ...(maxRssMb !== undefined ? { maxRssMb } : {}),
  };
}

/** The divergences of a repository made of `files`, read without history or live state, one line
 * each, sorted: `<kind> <key> <env>=<repo value or —> …`. */
export async function divergenceRows(files: Record<string, string>): Promise<string[]> {
  const scan = await scanRepository({ repo: await repoWithFiles(files), historyCache: false, history: false });
  return scan.divergences
    .map(
      (d) =>
        `${d.kind} ${d.key} ${Object.entries(d.values)
          .map(([env, v]) => `${env}=${v.repo ?? '—'}`)
          .join(' ')}`,
    )
    .sort();
}
