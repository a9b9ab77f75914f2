import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEnvironment, scanRepository } from '../../../src/engine.js';
import { overlayHistory } from '../../../src/history/overlay.js';
import { runBounded } from '../../../src/sources/bounded-process.js';
import { SEALED } from '../../../src/sources/repo/kustomize.js';
import { normaliseRepository, parseRemoteResource, remoteClones } from '../../../src/sources/repo/remote-bases.js';
import { git, repoFromScenario } from '../../support/repo.js';
import { canBuildKustomize } from '../../support/programs.js';

// A Kustomize overlay whose base lives in another repository (`github.com/acme/platform//base?ref=v1.2.0`)
// is built from a local clone of that repository at the pinned ref, never from the network; a
// base with no local clone is named as unread in one line.

const canBuild = canBuildKustomize;

const deployment = (replicas: number, level: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: ${replicas}\n  template:\n   ` +
  ` spec:\n      containers:\n        - name: app\n          image: registry/app:1.0\n          env:\n           ` +
  ` - {name: LOG_LEVEL, value: ${level}}\n`;

describe('parsing remote resources as Kustomize writes them', () => {
  it.each([
    ['github.com/acme/platform//base?ref=v1.2.0', 'github.com/acme/platform', 'base', 'v1.2.0'],
    ['https://github.com/acme/platform//deploy/base?ref=main', 'github.com/acme/platform', 'deploy/base', 'main'],
    ['git@github.com:acme/platform.git//base?ref=v1', 'github.com/acme/platform', 'base', 'v1'],
    ['ssh://git@gitlab.example.com/acme/platform.git/base?ref=abc123', 'gitlab.example.com/acme/platform', 'base', 'abc123'],
    ['git::https://bitbucket.org/acme/platform//x?version=v2', 'bitbucket.org/acme/platform', 'x', 'v2'],
    ['github.com/acme/platform/base', 'github.com/acme/platform', 'base', undefined],
  ])('%s', (entry, repo, dir, ref) => {
    expect(parseRemoteResource(entry)).toEqual({ entry, repo, dir, ...(ref ? { ref } : {}) });
  });

  it('names a configured clone by the same key, whatever form its URL takes', () => {
    expect(normaliseRepository('https://GitHub.com/acme/platform.git/')).toBe('github.com/acme/platform');
    expect([...remoteClones('/r', { 'git@github.com:acme/platform.git': '../platform' }, true)]).toEqual([['github.com/acme/platform', { path: '/platform' }]]);
  });

  it('refuses a clone outside the repository unless the person running undrift allows it', () => {
    // undrift.yaml comes with the repository: on a pull request it must not read other
    // repositories on the CI machine into the output.
    const [[repo, clone]] = [...remoteClones(tmpdir(), { 'github.com/acme/platform': '/home/runner/work/secret-repo' })] as [[string, { refused?: string }]];
    expect(repo).toBe('github.com/acme/platform');
    expect(clone.refused).toMatch(/^kustomize\.remotes github\.com\/acme\/platform\b.*outside the repository; .*--allow-remote-clones/);
  });
});

describe.skipIf(!canBuild)('a remote base read from a local clone at its ref', () => {
  let platform: string;
  let app: string;
  let revs: [string, string];
  beforeAll(async () => {
    // The other repository: its base at v1.2.0 and, later, at v1.3.0.
    platform = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'base v1.2',
          write: { 'base/kustomization.yaml': 'resources: [deployment.yaml]\n', 'base/deployment.yaml': deployment(2, 'info') },
        },
        { at: '2026-02-05T10:00:00Z', author: 'ana', message: 'base v1.3', write: { 'base/deployment.yaml': deployment(5, 'debug') } },
      ],
    });
    const [first, second] = (await git(platform, 'rev-list', '--reverse', 'HEAD')).split('\n');
    revs = [first!, second!];
    await git(platform, 'tag', 'v1.2.0', first!);
    await git(platform, 'tag', 'v1.3.0', second!);
    // The app's repository pins staging to v1.3.0 and production to v1.2.0.
    app = await repoFromScenario({
      commits: [
        {
          at: '2026-03-01T10:00:00Z',
          author: 'ben',
          message: 'overlays on the platform base',
          write: {
            'undrift.yaml':
              `environments:\n  staging: {files: [overlays/staging]}\n  production: {files: [overlays/production]}\nkustomize:\n` +
              `  remotes:\n    https://github.com/acme/platform.git: ${platform}\n`,
            'overlays/staging/kustomization.yaml': 'resources:\n  - github.com/acme/platform//base?ref=v1.3.0\n',
            'overlays/production/kustomization.yaml': 'resources:\n  - github.com/acme/platform//base?ref=v1.2.0\nnamePrefix: prod-\n',
          },
        },
      ],
    });
  });

  it('builds each overlay with the base as it is at its pinned ref', async () => {
    const clones = remoteClones(app, { 'github.com/acme/platform': platform }, true);
    const staging = await readEnvironment(app, { name: 'staging', files: ['overlays/staging'], format: 'auto' }, undefined, clones);
    const production = await readEnvironment(app, { name: 'production', files: ['overlays/production'], format: 'auto' }, undefined, clones);
    expect(staging.warnings).toEqual([]);
    expect(staging.built).toEqual(['overlays/staging']);
    expect(staging.values.get('Deployment/api.replicas')?.text).toBe('5');
    expect(production.values.get('Deployment/api.replicas')?.text).toBe('2');
    expect(production.values.get('Deployment/api.containers[name=app].env[name=LOG_LEVEL].value')?.text).toBe('info');
    // The clone's own checkout is not what is read: its HEAD is v1.3.0, production pins v1.2.0.
    expect(await git(platform, 'status', '--porcelain')).toBe('');
  });

  it('scan reads the clone undrift.yaml names: the difference between the two refs is the divergence', async () => {
    const scan = await scanRepository({ repo: app, historyCache: false, today: '2026-03-02', allowRemoteClones: true });
    const keys = scan.divergences.map((d) => d.key);
    expect(keys).toContain('Deployment/api.replicas');
    expect(keys).toContain('Deployment/api.containers[name=app].env[name=LOG_LEVEL].value');
    expect(scan.warnings.filter((w) => w.includes('not built'))).toEqual([]);
    // History builds the overlay at each commit with the same clones: the value came in with the pin.
    expect(
      scan.history?.envs
        .get('production')
        ?.get('Deployment/api.replicas')
        ?.map((e) => e.to),
    ).toEqual(['2']);
    expect(
      scan.history?.envs
        .get('staging')
        ?.get('Deployment/api.replicas')
        ?.map((e) => e.to),
    ).toEqual(['5']);
  });

  it('names a remote base as unread, in one line, without a clone or when the clone lacks the ref', async () => {
    const none = await readEnvironment(app, { name: 'staging', files: ['overlays/staging'], format: 'auto' });
    expect(none.built).toBeUndefined();
    expect(none.warnings).toHaveLength(1);
    expect(none.warnings[0]).toBe(
      'overlays/staging: not built (remote base not read, the network is not used: github.com/acme/platform//base?ref=v1.3.0: ' +
        'no local clone of github.com/acme/platform is named under kustomize.remotes in undrift.yaml); read as files, so ' +
        'bases and patches are not applied',
    );

    const file = path.join(app, 'overlays/staging/kustomization.yaml');
    const kept = await readFile(file, 'utf8');
    await writeFile(file, 'resources:\n  - github.com/acme/platform//base?ref=v9.9.9\n');
    try {
      const missing = await readEnvironment(
        app,
        { name: 'staging', files: ['overlays/staging'], format: 'auto' },
        undefined,
        remoteClones(app, { 'github.com/acme/platform': platform }, true),
      );
      expect(missing.warnings).toHaveLength(1);
      expect(missing.warnings[0]).toContain(`github.com/acme/platform//base?ref=v9.9.9: ${platform} has no v9.9.9 (fetch it there)`);
    } finally {
      await writeFile(file, kept);
    }
  });

  it('reads a clone outside the repository only with --allow-remote-clones; one inside it (a vendored mirror) always', async () => {
    const refused = await scanRepository({ repo: app, history: false, live: false, historyCache: false });
    const notBuilt = refused.warnings.filter((w) => w.includes('not built'));
    expect(notBuilt).toHaveLength(2);
    for (const w of notBuilt) expect(w).toContain('outside the repository; a clone outside the repository is read only with --allow-remote-clones');
    expect(refused.divergences.map((d) => d.key)).not.toContain('Deployment/api.replicas');

    // The same clone, vendored inside the repository: read without the flag.
    const config = path.join(app, 'undrift.yaml');
    const kept = await readFile(config, 'utf8');
    await git(app, 'clone', '-q', platform, 'vendor/platform');
    await writeFile(config, kept.replace(`: ${platform}`, ': vendor/platform'));
    try {
      const inside = await scanRepository({ repo: app, history: false, live: false, historyCache: false });
      expect(inside.warnings.filter((w) => w.includes('not built'))).toEqual([]);
      expect(inside.divergences.map((d) => d.key)).toContain('Deployment/api.replicas');
    } finally {
      await writeFile(config, kept);
      await rm(path.join(app, 'vendor'), { recursive: true, force: true });
    }
  });
  it('warns that a branch ref moves, and builds a kept build again once the branch has moved', async () => {
    const clones = remoteClones(app, { 'github.com/acme/platform': platform }, true);
    const [first, second] = revs;
    await git(platform, 'branch', '-f', 'release', first);
    const file = path.join(app, 'overlays/staging/kustomization.yaml');
    const kept = await readFile(file, 'utf8');
    await writeFile(file, 'resources:\n  - github.com/acme/platform//base?ref=release\n');
    await git(app, '-c', 'user.name=Ben', '-c', 'user.email=ben@x', 'commit', '-qam', 'staging follows the release branch');
    try {
      const staging = await readEnvironment(app, { name: 'staging', files: ['overlays/staging'], format: 'auto' }, undefined, clones);
      expect(staging.values.get('Deployment/api.replicas')?.text).toBe('2');
      expect(staging.warnings).toEqual([
        `overlays/staging: github.com/acme/platform//base?ref=release: ref release is a branch, which moves: read at ${first.slice(0, 12)} as ` +
          `${platform} has it now; pin a tag or a commit (?ref=<commit>) so that every run reads the same base`,
      ]);
      // A tag pins: no warning (production reads v1.2.0).
      const production = await readEnvironment(app, { name: 'production', files: ['overlays/production'], format: 'auto' }, undefined, clones);
      expect(production.warnings).toEqual([]);
      // The history's kept builds name the ref, not its commit: one read through a branch is built
      // again once the branch has moved (it said 2 where the base now says 5).
      const newest = async () =>
        (await overlayHistory(app, 'overlays/staging', undefined, clones, undefined, true, 'code')).get('Deployment/api.replicas')?.[0]?.to;
      expect(await newest()).toBe('2');
      await git(platform, 'branch', '-f', 'release', second);
      expect(await newest()).toBe('5');
    } finally {
      await git(app, 'reset', '-q', '--hard', 'HEAD~1');
      expect(await readFile(file, 'utf8')).toBe(kept);
    }
  });

  it('never builds what reads outside the repository: a file:// base, a symlink out, nor lets the build program fetch', async () => {
    // What a pull request's kustomization could name to read a repository on the CI machine.
    const file = path.join(app, 'overlays/staging/kustomization.yaml');
    const kept = await readFile(file, 'utf8');
    const staging = () => readEnvironment(app, { name: 'staging', files: ['overlays/staging'], format: 'auto' });
    try {
      await writeFile(file, `resources:\n  - file://${platform}//base\n`);
      const viaUrl = await staging();
      expect(viaUrl.built).toBeUndefined();
      expect(viaUrl.values.has('Deployment/api.replicas')).toBe(false);
      expect(viaUrl.warnings[0]).toContain(`file://${platform}//base: no local clone of ${platform} is named under kustomize.remotes`);
      await symlink(path.join(platform, 'base'), path.join(app, 'overlays/staging/platform'));
      await writeFile(file, 'resources:\n  - platform\n');
      const viaLink = await staging();
      expect(viaLink.built).toBeUndefined();
      expect(viaLink.values.has('Deployment/api.replicas')).toBe(false);
      expect(viaLink.warnings[0]).toContain('"overlays/staging/platform" is a symlink to');
      expect(viaLink.warnings[0]).toContain('undrift builds nothing that reads outside the repository');
    } finally {
      await rm(path.join(app, 'overlays/staging/platform'), { force: true });
      await writeFile(file, kept);
    }
    // Whatever form a base takes, the build program can clone nothing: git may use no transport.
    const clone = await runBounded('git', ['ls-remote', `file://${platform}`], { cwd: app, timeoutMs: 20_000, maxOutput: 1 << 20, env: SEALED });
    expect(clone.ok).toBe(false);
    expect(!clone.ok && clone.stderr).toContain("transport 'file' not allowed");
  });
});
