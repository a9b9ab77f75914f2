import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import { buildOverlay } from '../../src/sources/repo/kustomize.js';
import { canBuildKustomize } from '../support/programs.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';

// A built key's history, differentially: the history undrift reads (each overlay built at the
// commits that touched it or what it builds from, diffed with its parent's build) must say what
// building every commit's whole checkout and diffing consecutive builds says. The checkouts here
// are written by `git archive` into plain folders and built as the scan builds today's files, so
// nothing of the history's own machinery (ls-tree of the chain, extraction, kept builds) is shared.

const BASE = {
  'k8s/base/kustomization.yaml': 'resources: [deployment.yaml]\n',
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
          env:
            - name: LOG_LEVEL
              value: info
`,
  'k8s/components/metrics/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
  - path: metrics.yaml
`,
  'k8s/components/metrics/metrics.yaml': metricsPatch('basic'),
  'k8s/overlays/staging/kustomization.yaml': stagingKustomization('1.1.0'),
  'k8s/overlays/staging/env-patch.yaml': envPatch('debug'),
  'k8s/overlays/prod/kustomization.yaml': prodKustomization('newTag: 1.0.0'),
};

function metricsPatch(level: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      annotations:
        metrics.example/level: ${level}
`;
}

function envPatch(level: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: LOG_LEVEL
              value: ${level}
`;
}

function stagingKustomization(tag: string): string {
  return `resources:
  - ../../base
components:
  - ../../components/metrics
namespace: shop-staging
images:
  - name: registry.example/app
    newTag: ${tag}
patches:
  - path: env-patch.yaml
`;
}

function prodKustomization(image: string): string {
  return `resources:
  - ../../base
namespace: shop
images:
  - name: registry.example/app
    ${image}
`;
}

const DIGEST = 'sha256:5f1d0c7a3b2e4f6a8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b';

async function repo(): Promise<string> {
  return repoFromScenario({
    commits: [
      {
        at: '2026-03-02T09:00:00+01:00',
        author: 'ana',
        message: 'shop overlays',
        write: {
          // Named as people write them (holdout-22/10): a trailing slash, a leading ./
          'undrift.yaml': `environments:
  staging: {files: [k8s/overlays/staging/], format: manifests}
  prod: {files: [./k8s/overlays/prod], format: manifests}
promotion: [staging, prod]
`,
          ...BASE,
        },
      },
      {
        at: '2026-03-05T10:00:00+01:00',
        author: 'ben',
        message: 'staging: app 1.2.0',
        write: { 'k8s/overlays/staging/kustomization.yaml': stagingKustomization('1.2.0') },
      },
      {
        at: '2026-03-06T11:30:00-05:00',
        author: 'ana',
        message: 'staging: app 1.3.0',
        write: { 'k8s/overlays/staging/kustomization.yaml': stagingKustomization('1.3.0') },
      },
      {
        at: '2026-03-09T08:15:00+00:00',
        author: 'ben',
        message: 'staging: trace logging for the replay (OPS-77)',
        write: { 'k8s/overlays/staging/env-patch.yaml': envPatch('trace') },
      },
      { at: '2026-03-10T14:00:00+02:00', author: 'ana', message: 'base: docs only', write: { 'k8s/README.md': '# shop manifests\n' } },
      {
        at: '2026-03-11T16:45:00+01:00',
        author: 'ben',
        message: 'base: 3 replicas, log level warn',
        write: { 'k8s/base/deployment.yaml': BASE['k8s/base/deployment.yaml'].replace('replicas: 2', 'replicas: 3').replace('value: info', 'value: warn') },
      },
      {
        at: '2026-03-12T09:00:00+01:00',
        author: 'ana',
        message: 'prod: pin app by digest (CHG-12)',
        write: { 'k8s/overlays/prod/kustomization.yaml': prodKustomization(`digest: ${DIGEST}`) },
      },
      {
        at: '2026-03-13T09:00:00+01:00',
        author: 'ben',
        message: 'metrics: full level',
        write: { 'k8s/components/metrics/metrics.yaml': metricsPatch('full') },
      },
      {
        at: '2026-03-16T12:00:00+01:00',
        author: 'ana',
        message: 'staging: app 1.4.2',
        write: { 'k8s/overlays/staging/kustomization.yaml': stagingKustomization('1.4.2') },
      },
    ],
  });
}

interface Step {
  commit: string;
  from: string | null;
  to: string | null;
}

/** Every commit's checkout built, oldest first, and each key's changes between consecutive builds. */
async function rebuiltEveryCommit(dir: string, overlay: string): Promise<Map<string, Step[]>> {
  const shas = (await git(dir, 'rev-list', '--reverse', 'HEAD')).split('\n');
  const out = new Map<string, Step[]>();
  let before = new Map<string, string | null>();
  for (const sha of shas) {
    const checkout = path.join(await tempDir(), 'checkout');
    await mkdir(checkout);
    await execa('sh', ['-c', `git archive ${sha} | tar -x -C ${JSON.stringify(checkout)}`], { cwd: dir, env: isolatedGitEnv() });
    const result = await buildOverlay(checkout, overlay, new Map());
    if (!result.ok) throw new Error(`${sha}: ${result.reason}`);
    const after = new Map([...result.read.values].map(([key, value]) => [key, value.text] as const));
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const from = before.get(key) ?? null;
      const to = after.get(key) ?? null;
      if (from !== to) out.set(key, [{ commit: sha, from, to }, ...(out.get(key) ?? [])]);
    }
    before = after;
  }
  return out;
}

describe('a Kustomize-built key’s history', () => {
  it.skipIf(!canBuildKustomize)(
    'is what rebuilding every commit gives: images entries, a patch file, a component and the base, dated and authored by their commits',
    async () => {
      const dir = await repo();
      const scan = await scanRepository({ repo: dir, live: false, historyCache: false, today: '2026-04-01' });
      const authors = new Map(
        (await git(dir, 'log', '--format=%H%x09%an%x09%aI%x09%s'))
          .split('\n')
          .map((line) => line.split('\t'))
          .map(([sha, author, date, subject]) => [sha!, { author: author!, date: date!, subject: subject! }] as const),
      );
      for (const [env, overlay] of [
        ['staging', 'k8s/overlays/staging'],
        ['prod', 'k8s/overlays/prod'],
      ] as const) {
        const expected = await rebuiltEveryCommit(dir, overlay);
        const read = scan.history!.envs.get(env)!;
        // Every key the builds ever held, with the same changes at the same commits.
        expect(new Set([...read.keys()].filter((key) => read.get(key)!.length > 0))).toEqual(new Set(expected.keys()));
        for (const [key, steps] of expected) {
          const events = read.get(key)!;
          expect(
            events.map((e) => ({ commit: e.commit, from: e.from, to: e.to })),
            `${env} ${key}`,
          ).toEqual(steps);
          // Each event is its commit's: who wrote it, when, and what it said.
          for (const e of events) expect({ author: e.author, date: e.date, subject: e.subject }).toEqual(authors.get(e.commit));
        }
      }
      // What the story needed (holdout-22/10): the image's history names the commits that set it.
      const image = 'Deployment/api.containers[name=app].image';
      expect(
        scan
          .history!.envs.get('staging')!
          .get(image)!
          .map((e) => `${e.subject}: ${e.to}`),
      ).toEqual([
        'staging: app 1.4.2: registry.example/app:1.4.2',
        'staging: app 1.3.0: registry.example/app:1.3.0',
        'staging: app 1.2.0: registry.example/app:1.2.0',
        'shop overlays: registry.example/app:1.1.0',
      ]);
      expect(
        scan
          .history!.envs.get('prod')!
          .get(image)!
          .map((e) => e.subject),
      ).toEqual(['prod: pin app by digest (CHG-12)', 'shop overlays']);
      const divergence = scan.divergences.find((d) => d.key === image)!;
      expect(divergence.verdict!.reasons.join('\n')).not.toMatch(/not committed|history ends at absent/);
    },
    120_000,
  );
});
