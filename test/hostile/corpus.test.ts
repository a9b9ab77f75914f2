import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { git, repoFromScenario, runUndrift, tempDir } from '../support/repo.js';
import { CANARY, CORPUS, type ClusterFault, type HostileCase } from './corpus.js';
import type { FakeKubeApi } from '../support/fake-kube-api.js';

// Every case runs the real CLI in a child process, the way CI runs it on a pull request: with a
// secret in its environment, a deadline (generous: it catches hangs, it does not time anything)
// and a heap limit (a runaway allocation fails the case instead of swapping the machine). A case
// whose memory is larger than a shared heap, or that waits on a server by design (`alone`), runs
// the built binary in a process of its own; the others share BATCHES child processes
// (corpus-batch.child.mjs: one process start instead of one per case, which was most of the
// corpus's CPU time), each case through the CLI's `main`.
const DEADLINE_MS = 45_000;
const HEAP_MB = 384;
const RSS_LIMIT_MB = 768;
const BATCHES = 2;
const BATCH_CHILD = fileURLToPath(new URL('./corpus-batch.child.mjs', import.meta.url));
const DEFAULT_ARGS = ['scan', '--no-history'];

const STACK_TRACE = /\n\s+at .+[:(]\d+|internal error|FATAL ERROR|node:internal/;

/** The fault, played by the fake API server on every LIST (discovery and GETs answer normally). */
function injectFault(api: FakeKubeApi, fault: ClusterFault): void {
  let pages = 0;
  api.intercept = (request, res) => {
    const isList = request.method === 'GET' && /\/(configmaps|secrets|deployments|statefulsets|daemonsets|cronjobs|pods)$/.test(request.path);
    if (!isList || fault.fault === 'none') return false;
    switch (fault.fault) {
      case 'status':
        res.writeHead(fault.code, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: `injected ${fault.code}`,
            reason: 'Injected',
            code: fault.code,
          }),
        );
        return true;
      case 'endless-continue':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            kind: 'ConfigMapList',
            apiVersion: 'v1',
            metadata: { continue: `page-${++pages}` },
            items: [{ metadata: { name: `cm-${pages}`, namespace: 'payments' }, data: { [`K${pages}`]: 'v' } }],
          }),
        );
        return true;
      case 'html-login':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><body><form action="/login">Sign in</form></body></html>');
        return true;
      case 'items-not-list':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'ConfigMapList', apiVersion: 'v1', metadata: {}, items: { a: 1 } }));
        return true;
      case 'hang':
        return true; // never answered
      case 'reset':
        res.socket?.destroy();
        return true;
      case 'slow':
        return false;
    }
  };
  if (fault.fault === 'slow') api.delayMs = fault.ms;
}

/** A repository that has files but no commit yet. */
async function uncommitted(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await git(dir, 'init', '--quiet');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** The case's repository (and fake cluster), and the environment its run gets. */
async function prepare(c: HostileCase): Promise<{ repo: string; env: Record<string, string> }> {
  const at = (i: number) => `2026-01-${String(5 + i).padStart(2, '0')}T10:00:00Z`;
  const repo = c.noCommit
    ? await uncommitted(c.files)
    : await repoFromScenario({
        commits: [c.files, ...(c.later ?? [])].map((write, i) => ({ at: at(i), author: 'ana', message: i === 0 ? 'initial' : `change ${i}`, write })),
      });
  await c.prepare?.(repo);
  const env: Record<string, string> = {};
  if (c.cluster) {
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', { A: '1' });
    injectFault(api, c.cluster);
    env.KUBECONFIG = kubeconfig;
  }
  return { repo, env };
}

interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
  timedOut: boolean;
  maxRssMb?: number;
}

async function runAlone(c: HostileCase): Promise<Outcome> {
  const { repo, env } = await prepare(c);
  return runUndrift(c.args ?? DEFAULT_ARGS, {
    cwd: repo,
    env: { ...env, UNDRIFT_CANARY: CANARY },
    timeoutMs: c.deadlineMs ?? DEADLINE_MS,
    maxOldSpaceMb: HEAP_MB,
  });
}

/** Runs `work` over `items`, at most `width` at a time. */
async function pooled<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

/** Every case that does not run alone, run in BATCHES shared child processes (once per file). */
async function runBatched(): Promise<Map<HostileCase, Outcome>> {
  const cases = CORPUS.filter((c) => !c.alone);
  const prepared = await pooled(cases, 6, prepare);
  const dir = await tempDir();
  const outcomes = new Map<HostileCase, Outcome>();
  await Promise.all(
    Array.from({ length: BATCHES }, async (_, b) => {
      const mine = cases.map((c, id) => ({ c, id })).filter(({ id }) => id % BATCHES === b);
      const file = path.join(dir, `batch-${b}.json`);
      const list = mine.map(({ c, id }) => ({
        id,
        args: c.args ?? DEFAULT_ARGS,
        cwd: prepared[id]!.repo,
        env: prepared[id]!.env,
        deadlineMs: c.deadlineMs ?? DEADLINE_MS,
      }));
      await writeFile(file, JSON.stringify(list));
      const run = await execa(process.execPath, [`--max-old-space-size=${HEAP_MB}`, BATCH_CHILD, file], {
        env: { NO_COLOR: '1', UNDRIFT_CANARY: CANARY },
        reject: false,
        stdin: 'ignore',
        timeout: list.reduce((sum, c) => sum + c.deadlineMs, 0),
        killSignal: 'SIGKILL',
      });
      const lines = run.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Outcome & { id?: number; started?: true; maxRssMb?: number });
      const peak = lines.find((line) => line.id === undefined)?.maxRssMb;
      const last = lines.findLast((line) => line.started);
      for (const { c, id } of mine) {
        const line = lines.find((l) => l.id === id && !l.started);
        // A case the process never reported: it died or hung on this case or an earlier one.
        const outcome: Outcome = line ?? {
          stdout: '',
          stderr: `the batch process ended (${run.exitCode ?? run.signal}) during "${last?.id !== undefined ? cases[last.id]!.name : '?'}", before this case finished`,
          exitCode: -1,
          timedOut: run.timedOut,
        };
        // What the process printed outside every case (a crash, a stack trace) counts against each.
        outcomes.set(c, { ...outcome, stderr: outcome.stderr + run.stderr, ...(peak !== undefined ? { maxRssMb: peak } : {}) });
      }
    }),
  );
  return outcomes;
}

let batched: Promise<Map<HostileCase, Outcome>> | undefined;

async function run(c: HostileCase): Promise<Outcome> {
  if (c.alone) return runAlone(c);
  batched ??= runBatched();
  return (await batched).get(c)!;
}

async function check(c: HostileCase): Promise<void> {
  const result = await run(c);
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.timedOut, `did not finish within ${(c.deadlineMs ?? DEADLINE_MS) / 1000}s`).toBe(false);
  expect(result.maxRssMb ?? 0, 'peak memory (MiB)').toBeLessThan(RSS_LIMIT_MB);
  expect(output).not.toMatch(STACK_TRACE);
  expect(output).not.toContain(CANARY);
  if (c.expect.never) expect(output).not.toMatch(c.expect.never);
  for (const char of c.expect.neverChars ?? '') expect(output, `raw U+${char.codePointAt(0)!.toString(16)}`).not.toContain(char);
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
}

const title = (c: HostileCase) => [`#${c.finding} ${c.name}`, c] as const;

// The shared cases first, then those that run alone: a case that waits on a timeout by design
// (a slow server, a command outliving its deadline) then does not share the cores with the batches.
describe('hostile input corpus (issue 11): cases sharing a process', () => {
  it.concurrent.each(CORPUS.filter((c) => !c.alone).map(title))(
    '%s',
    // Each waits for its whole batch.
    { timeout: CORPUS.reduce((sum, c) => sum + (c.alone ? 0 : (c.deadlineMs ?? DEADLINE_MS)), 0) / BATCHES + 60_000 },
    (_name, c) => check(c),
  );
});

describe('hostile input corpus (issue 11): cases that run alone', () => {
  it.concurrent.each(CORPUS.filter((c) => c.alone).map(title))(
    '%s',
    { timeout: Math.max(DEADLINE_MS, ...CORPUS.map((c) => c.deadlineMs ?? 0)) + 30_000 },
    (_name, c) => check(c),
  );
});
