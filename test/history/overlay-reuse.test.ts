import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { overlayHistory } from '../../src/history/overlay.js';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import { buildOverlay } from '../../src/sources/repo/kustomize.js';
import { canBuildKustomize, has } from '../support/programs.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';

// A commit whose changes reach no file its parent's build read builds what the parent built
// (history/overlay.ts `readsChanged`), and no build runs for it. Differentially: the history read
// so must be what building every commit's whole checkout (git archive, today's builder) says, and
// the builds that ran (counted by a real wrapper program named by UNDRIFT_KUSTOMIZE) are fewer
// only by the commits that changed nothing a build reads.

const BASE = {
  'k8s/base/kustomization.yaml': `resources:
  - deployment.yaml
configMapGenerator:
  - name: app
    envs: [app.env]
    files:
      - conf/settings.ini
`,
  'k8s/base/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: app
          image: registry.example/app:1.0.0
`,
  'k8s/base/app.env': 'LOG_LEVEL=info\n',
  'k8s/base/conf/settings.ini': 'pool=4\n',
  'k8s/overlays/prod/kustomization.yaml': `resources:
  - ../../base
patches:
  - path: replicas.yaml
`,
  'k8s/overlays/prod/replicas.yaml': replicas(3),
};

function replicas(n: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: ${n}
`;
}

/** The commits after the first, and whether each changes what a build reads. */
const STEPS: Array<{ message: string; write?: Record<string, string>; delete?: string[]; reads: boolean }> = [
  { message: 'base: readme', write: { 'k8s/base/README.md': '# base\n' }, reads: false },
  { message: 'base: an unreferenced draft', write: { 'k8s/base/drafts/service.yaml': 'kind: Service\n' }, reads: false },
  { message: 'base: log level warn', write: { 'k8s/base/app.env': 'LOG_LEVEL=warn\n' }, reads: true },
  { message: 'base: pool 8', write: { 'k8s/base/conf/settings.ini': 'pool=8\n' }, reads: true },
  { message: 'prod: notes', write: { 'k8s/overlays/prod/NOTES.txt': 'prod runs 5\n' }, reads: false },
  { message: 'prod: 5 replicas', write: { 'k8s/overlays/prod/replicas.yaml': replicas(5) }, reads: true },
  { message: 'base: a backup of the deployment', write: { 'k8s/base/deployment.yaml.bak': 'old\n' }, reads: false },
  { message: 'base: image 1.1.0', write: { 'k8s/base/deployment.yaml': BASE['k8s/base/deployment.yaml'].replace('1.0.0', '1.1.0') }, reads: true },
  // A kustomization nothing names yet is still a kustomization: built (the safe side).
  { message: 'base: a kustomization nobody uses', write: { 'k8s/base/drafts/kustomization.yaml': 'resources: [service.yaml]\n' }, reads: true },
  { message: 'base: drop the draft note', delete: ['k8s/base/README.md'], reads: false },
  {
    message: 'prod: the patch removed',
    write: { 'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n' },
    delete: ['k8s/overlays/prod/replicas.yaml'],
    reads: true,
  },
];

async function repo(): Promise<string> {
  return repoFromScenario({
    commits: [
      { at: '2026-03-02T09:00:00Z', author: 'ana', message: 'shop', write: BASE },
      ...STEPS.map((step, i) => ({
        at: `2026-03-${String(3 + i).padStart(2, '0')}T09:00:00Z`,
        author: i % 2 ? 'ana' : 'ben',
        message: step.message,
        ...(step.write ? { write: step.write } : {}),
        ...(step.delete ? { delete: step.delete } : {}),
      })),
    ],
  });
}

/** Every commit's checkout built, oldest first, and each key's changes between consecutive builds. */
async function rebuiltEveryCommit(dir: string, overlay: string): Promise<Map<string, Array<{ commit: string; from: string | null; to: string | null }>>> {
  const shas = (await git(dir, 'rev-list', '--reverse', 'HEAD')).split('\n');
  const out = new Map<string, Array<{ commit: string; from: string | null; to: string | null }>>();
  let before = new Map<string, string | null>();
  for (const sha of shas) {
    const checkout = path.join(await tempDir(), 'checkout');
    await mkdir(checkout);
    await execa('sh', ['-c', `git archive ${sha} | tar -x -C ${JSON.stringify(checkout)}`], { cwd: dir, env: isolatedGitEnv() });
    const result = await buildOverlay(checkout, overlay, new Map());
    const after = new Map(result.ok ? [...result.read.values].map(([key, value]) => [key, value.text] as const) : []);
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const from = before.get(key) ?? null;
      const to = after.get(key) ?? null;
      if (from !== to) out.set(key, [{ commit: sha, from, to }, ...(out.get(key) ?? [])]);
    }
    before = after;
  }
  return out;
}

/** A real program that logs each build it is asked for, then runs the real builder. */
async function countingBuilder(): Promise<{ program: string; count: () => Promise<number> }> {
  const dir = await tempDir();
  const log = path.join(dir, 'builds.log');
  await writeFile(log, '');
  const which = async (name: string) => (await execa('sh', ['-c', `command -v ${name}`])).stdout.trim();
  const run = has('kustomize', ['version']) ? `${await which('kustomize')} build "$2"` : `${await which('kubectl')} kustomize "$2"`;
  const program = path.join(dir, 'kustomize-counting');
  await writeFile(program, `#!/bin/sh\necho "$2" >> ${JSON.stringify(log)}\nexec ${run}\n`);
  await chmod(program, 0o755);
  return { program, count: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean).length };
}

afterEach(() => {
  delete process.env.UNDRIFT_KUSTOMIZE;
});

describe('a Kustomize overlay’s built history', () => {
  it.skipIf(!canBuildKustomize)(
    'builds only the commits whose changes reach what the build reads, and says what rebuilding every commit says',
    async () => {
      const dir = await repo();
      const expected = await rebuiltEveryCommit(dir, 'k8s/overlays/prod');
      const builder = await countingBuilder();
      process.env.UNDRIFT_KUSTOMIZE = builder.program;
      const read = await overlayHistory(dir, 'k8s/overlays/prod', undefined, undefined, undefined, false);
      expect(new Set([...read.keys()].filter((key) => read.get(key)!.length > 0))).toEqual(new Set(expected.keys()));
      for (const [key, steps] of expected)
        expect(
          read.get(key)!.map((e) => ({ commit: e.commit, from: e.from, to: e.to })),
          key,
        ).toEqual(steps);
      // The first commit and each commit that changed what a build reads, once each.
      expect(await builder.count()).toBe(1 + STEPS.filter((s) => s.reads).length);
      // The values did change where the builds say: the generator's env file and the patch.
      expect(read.get('ConfigMap/app.data.LOG_LEVEL')?.map((e) => e.to)).toEqual(['warn', 'info']);
      expect(read.get('Deployment/api.replicas')?.map((e) => e.to)).toEqual(['2', '5', '3']);
    },
    120_000,
  );
});
