import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../../src/engine.js';
import { repoWithFiles } from '../../support/repo.js';
import { canBuildKustomize } from '../../support/programs.js';

// Overlays read as Kustomize builds them (bases merged, JSON 6902 patches applied, generators
// run), objects named by the identity that survives the overlay's renaming.

const canBuild = canBuildKustomize;

const FILES = {
  'k8s/base/kustomization.yaml': 'resources: [deployment.yaml]\nconfigMapGenerator:\n  - name: app-config\n    literals: [LOG_LEVEL="info", TIMEOUT=10]\n',
  'k8s/base/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 1\n  template:\n    spec:\n  ' +
    '    containers:\n        - name: app\n          image: registry/app:1.0\n          envFrom: [{configMapRef: {name: ' +
    'app-config}}]\n',
  'k8s/overlays/staging/kustomization.yaml': 'resources: [../../base]\nnamePrefix: staging-\n',
  'k8s/overlays/prod/kustomization.yaml':
    'resources: [../../base]\nnamePrefix: prod-\nconfigMapGenerator:\n  - name: app-config\n    behavior: merge\n  ' +
    '  literals: ["LOG_LEVEL=\'warn\'"]\npatches:\n  - target: {kind: Deployment, name: api}\n    patch: |-\n      ' +
    '- op: replace\n        path: /spec/replicas\n        value: 3\n',
};

const texts = (values: Map<string, { text: string | null }>) => Object.fromEntries([...values].map(([k, v]) => [k, v.text]));

afterEach(() => {
  delete process.env.UNDRIFT_KUSTOMIZE;
  delete process.env.UNDRIFT_KUSTOMIZE_TIMEOUT;
});

describe('Kustomize overlays', () => {
  it.skipIf(!canBuild)('are built: patches applied, generated and prefixed objects named by identity', async () => {
    const repo = await repoWithFiles(FILES);
    const staging = await readEnvironment(repo, { name: 'staging', files: ['k8s/overlays/staging'], format: 'auto' });
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(texts(staging.values)).toMatchObject({ 'ConfigMap/app-config.data.LOG_LEVEL': 'info', 'Deployment/api.replicas': '1' });
    expect(texts(prod.values)).toMatchObject({
      'ConfigMap/app-config.data.LOG_LEVEL': 'warn',
      'ConfigMap/app-config.data.TIMEOUT': '10',
      'Deployment/api.replicas': '3',
    });
    // The reference to the generated object names it by identity too: no per-environment hash.
    expect(prod.values.get('Deployment/api.containers[name=app].envFrom[0].configMapRef.name')!.text).toBe('app-config');
    expect(prod.values.get('ConfigMap/app-config.data.LOG_LEVEL')!.generated).toMatchObject({
      generator: 'app-config',
      name: expect.stringMatching(/^prod-app-config-[a-z0-9]{10}$/),
    });
    expect(prod.values.get('ConfigMap/app-config.data.LOG_LEVEL')!.location.file).toBe('k8s/overlays/prod/kustomization.yaml');
    expect(prod.warnings).toEqual([]);
    // A value built from a base unchanged is located at the base's line (it was the overlay's kustomization.yaml:1);
    // one an inline JSON 6902 patch writes, at its operation's `value:` line (it was kustomization.yaml:1).
    const at = (env: typeof prod, key: string) => {
      const { file, line } = env.values.get(key)!.location as { file: string; line: number };
      return `${file}:${line}`;
    };
    expect(at(staging, 'ConfigMap/app-config.data.LOG_LEVEL')).toBe('k8s/base/kustomization.yaml:4');
    expect(at(prod, 'ConfigMap/app-config.data.TIMEOUT')).toBe('k8s/base/kustomization.yaml:4');
    expect(at(staging, 'Deployment/api.replicas')).toBe('k8s/base/deployment.yaml:5');
    expect(at(staging, 'Deployment/api.containers[name=app].image')).toBe('k8s/base/deployment.yaml:10');
    expect(at(prod, 'Deployment/api.replicas')).toBe('k8s/overlays/prod/kustomization.yaml:12');
  });

  it.skipIf(!canBuild)("locates a JSON 6902 patch's values at its operations' lines, in the patch's own file or inline", async () => {
    const repo = await repoWithFiles({
      ...FILES,
      'k8s/base/deployment.yaml': FILES['k8s/base/deployment.yaml'].replace(
        '          envFrom',
        '          resources:\n            limits: {memory: 256Mi}\n          envFrom',
      ),
      'k8s/overlays/staging/kustomization.yaml':
        'resources: [../../base]\nnamePrefix: staging-\npatches:\n  - target:\n      kind: Deployment\n      name: api\n' +
        '    path: scale.json6902.yaml\n  - target: {kind: Deployment, name: api}\n    patch: \'[{"op": "add", "path": ' +
        '"/spec/template/spec/containers/0/env", "value": [{"name": "MODE", "value": "fast"}]}]\'\n',
      'k8s/overlays/staging/scale.json6902.yaml':
        '# staging load test\n- op: replace\n  path: /spec/replicas\n  value: 4\n- op: replace\n' +
        '  path: /spec/template/spec/containers/0/resources/limits\n  value:\n    memory: 1Gi\n    cpu: 500m\n',
    });
    const staging = await readEnvironment(repo, { name: 'staging', files: ['k8s/overlays/staging'], format: 'auto' });
    const at = (key: string) => {
      const { file, line } = staging.values.get(key)!.location as { file: string; line: number };
      return `${staging.values.get(key)!.text} ${file}:${line}`;
    };
    expect([
      at('Deployment/api.replicas'),
      at('Deployment/api.containers[name=app].resources.limits.memory'),
      at('Deployment/api.containers[name=app].resources.limits.cpu'),
      at('Deployment/api.containers[name=app].env[name=MODE].value'),
      at('Deployment/api.containers[name=app].image'),
    ]).toEqual([
      '4 k8s/overlays/staging/scale.json6902.yaml:4',
      '1Gi k8s/overlays/staging/scale.json6902.yaml:8',
      '500m k8s/overlays/staging/scale.json6902.yaml:9',
      'fast k8s/overlays/staging/kustomization.yaml:9',
      'registry/app:1.0 k8s/base/deployment.yaml:10',
    ]);
  });

  it.skipIf(!canBuild)("locates a value the overlay's replicas: or images: entry sets at that entry, not at the kustomization's line 1", async () => {
    const repo = await repoWithFiles({
      ...FILES,
      'k8s/base/deployment.yaml': FILES['k8s/base/deployment.yaml'].replace(
        '          envFrom',
        '        - name: proxy\n          image: envoyproxy/envoy:v1.30\n        - name: side\n          image: registry/side:2\n          envFrom',
      ),
      'k8s/overlays/staging/kustomization.yaml':
        'resources: [../../base]\nnamePrefix: staging-\nreplicas:\n  - name: api\n    count: 2\nimages:\n  - name: registry/app\n    newTag: "1.1"\n' +
        `  - name: envoyproxy/envoy\n    newName: mirror.local/envoy\n    digest: sha256:${'c'.repeat(64)}\n`,
    });
    const staging = await readEnvironment(repo, { name: 'staging', files: ['k8s/overlays/staging'], format: 'auto' });
    const at = (key: string) => {
      const { file, line } = staging.values.get(key)!.location as { file: string; line: number };
      return `${staging.values.get(key)!.text} ${file}:${line}`;
    };
    expect([
      at('Deployment/api.replicas'),
      at('Deployment/api.containers[name=app].image'),
      at('Deployment/api.containers[name=proxy].image'),
      at('Deployment/api.containers[name=side].image'),
    ]).toEqual([
      '2 k8s/overlays/staging/kustomization.yaml:5',
      'registry/app:1.1 k8s/overlays/staging/kustomization.yaml:8',
      `mirror.local/envoy@sha256:${'c'.repeat(64)} k8s/overlays/staging/kustomization.yaml:11`,
      'registry/side:2 k8s/base/deployment.yaml:14',
    ]);
  });

  it.skipIf(!canBuild)("never locates a value at an overlay line that writes another value (a generator env file's `export`)", async () => {
    // Kustomize reads `export LOG_LEVEL=warn` in an env file as the key "export LOG_LEVEL": the
    // built LOG_LEVEL is still the base's "info", which prod.env:3 does not hold.
    const repo = await repoWithFiles({
      ...FILES,
      'k8s/overlays/prod/kustomization.yaml': 'resources: [../../base]\nconfigMapGenerator:\n  - name: app-config\n    behavior: merge\n    envs: [prod.env]\n',
      'k8s/overlays/prod/prod.env': '# prod\nTIMEOUT=25\nexport LOG_LEVEL=warn\n',
    });
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    const at = (key: string) => {
      const { file, line } = prod.values.get(key)!.location as { file: string; line: number };
      return `${prod.values.get(key)!.text} ${file}:${line}`;
    };
    expect([at('ConfigMap/app-config.data.TIMEOUT'), at('ConfigMap/app-config.data.LOG_LEVEL')]).toEqual([
      '25 k8s/overlays/prod/prod.env:2',
      'info k8s/base/kustomization.yaml:4',
    ]);
    expect(prod.values.get('ConfigMap/app-config.data["export LOG_LEVEL"]')!.text).toBe('warn');
  });

  // The comment above a generator literal, a patch's value or a base's line says why, as a values file's does.
  const NOTED = {
    ...FILES,
    'k8s/base/deployment.yaml': FILES['k8s/base/deployment.yaml'].replace(
      '  replicas: 1\n',
      '  # one pod: the batch importer is not safe to run twice\n  replicas: 1\n',
    ),
    'k8s/overlays/prod/kustomization.yaml': FILES['k8s/overlays/prod/kustomization.yaml'].replace(
      '    literals: ["LOG_LEVEL=\'warn\'"]',
      '    literals:\n      # warn: the audit asked for less volume (AUD-7)\n      - "LOG_LEVEL=\'warn\'"',
    ),
  };

  it.skipIf(!canBuild)("built, carry the comments beside the overlay's and its bases' lines", async () => {
    const repo = await repoWithFiles(NOTED);
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(prod.values.get('ConfigMap/app-config.data.LOG_LEVEL')!.note).toBe('warn: the audit asked for less volume (AUD-7)');
    const staging = await readEnvironment(repo, { name: 'staging', files: ['k8s/overlays/staging'], format: 'auto' });
    expect(staging.values.get('Deployment/api.replicas')!.note).toBe('one pod: the batch importer is not safe to run twice');
  });

  it('read as files, carry the comments beside their lines', async () => {
    process.env.UNDRIFT_KUSTOMIZE = 'off';
    const repo = await repoWithFiles(NOTED);
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(prod.values.get('ConfigMap/app-config.data.LOG_LEVEL')!.note).toBe('warn: the audit asked for less volume (AUD-7)');
  });

  it('fall back to reading the files with a one-line note when they cannot be built, kustomize quotes stripped', async () => {
    process.env.UNDRIFT_KUSTOMIZE = 'off';
    const repo = await repoWithFiles(FILES);
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(prod.values.get('ConfigMap/app-config.data.LOG_LEVEL')!.text).toBe('warn');
    expect(prod.warnings).toEqual([
      'k8s/overlays/prod: not built (building is turned off (UNDRIFT_KUSTOMIZE=off)); read as files, so bases and patches are not applied',
    ]);
  });

  it('stop a build that hangs at its deadline, with everything it started (also a process that left its group)', async () => {
    const repo = await repoWithFiles(FILES);
    // A "kustomize" that leaves a daemon holding its output open (setsid: out of the process
    // group) and then hangs itself. The unusual sleep lengths find any survivor afterwards.
    const fake = path.join(repo, '..', 'hanging-kustomize');
    await writeFile(fake, '#!/bin/sh\nsetsid sleep 617 &\nsleep 618\n', { mode: 0o755 });
    process.env.UNDRIFT_KUSTOMIZE = fake;
    process.env.UNDRIFT_KUSTOMIZE_TIMEOUT = '1';
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(prod.warnings).toHaveLength(1);
    expect(prod.warnings[0]).toMatch(
      /^k8s\/overlays\/prod: not built \(.*hanging-kustomize build failed: took longer than 1 s and was stopped with everything it started \(UNDRIFT_KUSTOMIZE_TIMEOUT/,
    );
    expect(prod.values.get('ConfigMap/app-config.data.LOG_LEVEL')!.text).toBe('warn');
    const survivors = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /^sleep 61[78]$/.test(line.trim()));
    expect(survivors).toEqual([]);
  });

  it('name a remote base as unread instead of fetching it', async () => {
    const repo = await repoWithFiles({
      ...FILES,
      'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n  - github.com/acme/platform//monitoring?ref=v1.4.2\n',
    });
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(prod.warnings).toEqual([
      'k8s/overlays/prod: not built (remote base not read, the network is not used: github.com/acme/platform//monitoring?ref=v1.4.2: ' +
        'no local clone of github.com/acme/platform is named under kustomize.remotes in undrift.yaml); read as files, so ' +
        'bases and patches are not applied',
    ]);
  });
});

describe('Kustomize overlays outside the repository', () => {
  it('are not built from a base outside the repository', async () => {
    const repo = await repoWithFiles({ ...FILES, 'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../../../../outside\n' });
    const prod = await readEnvironment(repo, { name: 'prod', files: ['k8s/overlays/prod'], format: 'auto' });
    expect(prod.warnings).toEqual([
      'k8s/overlays/prod: not built (../../../../outside is outside the repository: undrift builds nothing that reads outside the repository); read as files, so bases and patches are not applied',
    ]);
  });
});

describe('Kustomize overlay history', () => {
  it.skipIf(!canBuild)('is read as built: a base change counts for the overlays it reaches, and the verdict sees no uncommitted value', async () => {
    // Staging's overlay is one file of a stack (a values file first, as `init` combines layouts);
    // prod's is the whole stack. Both are read as built.
    const { repoFromScenario } = await import('../../support/repo.js');
    const { scanRepository } = await import('../../../src/engine.js');
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-01-01T10:00:00Z',
          author: 'ana',
          message: 'create',
          write: {
            ...FILES,
            'config/staging.yaml': 'REGION: eu\n',
            'undrift.yaml': 'environments:\n  staging: [config/staging.yaml, k8s/overlays/staging]\n  prod: k8s/overlays/prod\n',
          },
        },
        {
          at: '2026-01-02T10:00:00Z',
          author: 'ben',
          message: 'base timeout 20',
          write: { 'k8s/base/kustomization.yaml': FILES['k8s/base/kustomization.yaml'].replace('TIMEOUT=10', 'TIMEOUT=20') },
        },
        {
          at: '2026-01-03T10:00:00Z',
          author: 'ana',
          message: 'prod replicas 5',
          write: { 'k8s/overlays/prod/kustomization.yaml': FILES['k8s/overlays/prod/kustomization.yaml'].replace('value: 3', 'value: 5') },
        },
      ],
    });
    const scan = await scanRepository({ repo, live: false, historyCache: false, today: '2026-02-01' });
    const replicas = scan.divergences.find((d) => d.key === 'Deployment/api.replicas')!;
    expect(replicas.history!.prod!.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`)).toEqual(['prod replicas 5: 3→5', 'create: ∅→3']);
    expect(replicas.history!.staging!.map((e) => e.subject)).toEqual(['create']);
    expect(
      scan
        .history!.envs.get('staging')!
        .get('REGION')!
        .map((e) => e.subject),
    ).toEqual(['create']);
    expect(replicas.verdict!.reasons.join('\n')).not.toMatch(/not committed/);
    const timeout = scan.history!.envs.get('prod')!.get('ConfigMap/app-config.data.TIMEOUT')!;
    expect(timeout.map((e) => `${e.subject}: ${e.from ?? '∅'}→${e.to ?? '∅'}`)).toEqual(['base timeout 20: 10→20', 'create: ∅→10']);
    // A scan without caches keeps no build for the next run (the story tests share built
    // repositories read-only, test/support/story-repos.ts).
    expect(existsSync(path.join(repo, '.git/undrift/kustomize-builds'))).toBe(false);
  });
});

describe('Kustomize builds kept for the next run', () => {
  it.skipIf(!canBuild)('are kept under the code that read them: after an upgrade or a rebuild the overlay is built again', async () => {
    const { readdir, readFile: read } = await import('node:fs/promises');
    const { overlayHistory } = await import('../../../src/history/overlay.js');
    const repo = await repoWithFiles(FILES);
    const replicas = async (code: string) =>
      (await overlayHistory(repo, 'k8s/overlays/prod', undefined, undefined, undefined, true, code)).get('Deployment/api.replicas')?.[0]?.to;
    expect(await replicas('undrift 1')).toBe('3');
    // What an older undrift kept, made visibly different: the same code reads it back...
    const dir = path.join(repo, '.git/undrift/kustomize-builds');
    const kept = await readdir(dir);
    expect(kept.length).toBeGreaterThan(0);
    for (const name of kept) await writeFile(path.join(dir, name), (await read(path.join(dir, name), 'utf8')).replace('"3"', '"30"'));
    expect(await replicas('undrift 1')).toBe('30');
    // ...and other code builds the overlay again.
    expect(await replicas('undrift 2')).toBe('3');
  });
});
