import { describe, expect, it } from 'vitest';
import { helmInstall, startCluster } from '../support/cluster.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git, repoFromScenario, runUndrift, tempDir } from '../support/repo.js';
import { CANARY, CORPUS, type ClusterFault, type HostileCase } from './corpus.js';
import type { FakeKubeApi } from '../support/fake-kube-api.js';

// Every case runs the real binary in a child process, the way CI runs it on a pull request: with
// a secret in its environment, a deadline (generous: it catches hangs, it does not time anything)
// and a heap limit (a runaway allocation fails the case instead of swapping the machine).
const DEADLINE_MS = 45_000;
const HEAP_MB = 384;
const RSS_LIMIT_MB = 768;

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

async function run(c: HostileCase) {
  const at = (i: number) => `2026-01-${String(5 + i).padStart(2, '0')}T10:00:00Z`;
  const repo = c.noCommit
    ? await uncommitted(c.files)
    : await repoFromScenario({
        commits: [c.files, ...(c.later ?? [])].map((write, i) => ({ at: at(i), author: 'ana', message: i === 0 ? 'initial' : `change ${i}`, write })),
      });
  await c.prepare?.(repo);
  const env: Record<string, string> = { UNDRIFT_CANARY: CANARY };
  if (c.cluster) {
    const { api, kubeconfig } = await startCluster();
    helmInstall(api, 'payments', { A: '1' });
    injectFault(api, c.cluster);
    env.KUBECONFIG = kubeconfig;
  }
  return runUndrift(c.args ?? ['scan', '--no-history'], {
    cwd: repo,
    env,
    timeoutMs: c.deadlineMs ?? DEADLINE_MS,
    maxOldSpaceMb: HEAP_MB,
  });
}

describe('hostile input corpus (issue 11)', () => {
  it.concurrent.each(CORPUS.map((c) => [`#${c.finding} ${c.name}`, c] as const))(
    '%s',
    { timeout: Math.max(DEADLINE_MS, ...CORPUS.map((c) => c.deadlineMs ?? 0)) + 30_000 },
    async (_name, c) => {
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
    },
  );
});
