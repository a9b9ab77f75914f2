import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canBuildKustomize } from '../support/programs.js';
import { git, repoFromScenario, repoWithFiles, runUndrift } from '../support/repo.js';

// The kustomization files undrift reads itself (to check what a build would read, to find an
// overlay's bases, to point remote bases at their clones) and the candidate files discovery
// reads for their top-level keys are read within the run's limits, as a values file is: past one,
// the run stops with one line naming the file, the limit and where it comes from. The limits are
// lowered here so that a small file passes them: the same code as at the defaults.

const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers: [{name: app, image: app:1}]\n`;
/** A kustomization of `count` annotations: `count` keys and as many values. */
const annotated = (resources: string, count: number) =>
  `resources: [${resources}]\ncommonAnnotations:\n${Array.from({ length: count }, (_, i) => `  a${i}: v\n`).join('')}`;
const envs = (limits: string, kustomize = '') =>
  `environments:\n  staging: {files: [overlays/staging]}\n  production: {files: [overlays/production]}\npromotion: [staging, production]\n${limits}${kustomize}`;

describe.skipIf(!canBuildKustomize)("an overlay's local base", () => {
  it('is read within limits.yamlItems, the error naming the base and the setting', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': envs('limits: {yamlItems: 1000}\n'),
      'base/kustomization.yaml': annotated('deployment.yaml', 800),
      'base/deployment.yaml': deployment,
      'overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
      'overlays/production/kustomization.yaml': 'resources: [../../base]\nnamePrefix: prod-\n',
    });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^undrift: base\/kustomization\.yaml:\d+: cannot be read: it holds more than 1,000 keys, values and list items, .*\(limits\.yamlItems in undrift\.yaml raises it\)$/,
      ),
    ]);
    expect(run.exitCode).toBe(2);
  });

  it('names the trusted configuration as where the limit comes from under --trusted-config', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': envs('limits: {yamlItems: 1000}\n'),
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment,
      'overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
      'overlays/production/kustomization.yaml': 'resources: [../../base]\nnamePrefix: prod-\n',
    });
    await git(repo, 'branch', '-M', 'main');
    await git(repo, 'checkout', '--quiet', '-b', 'pr');
    await writeFile(path.join(repo, 'base/kustomization.yaml'), annotated('deployment.yaml', 800));
    await writeFile(path.join(repo, 'undrift.yaml'), envs('limits: {yamlItems: 100000}\n'));
    const run = await runUndrift(['scan', '--no-history', '--trusted-config', 'main'], { cwd: repo, timeoutMs: 90_000 });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^undrift: base\/kustomization\.yaml:\d+: cannot be read: it holds more than 1,000 keys/);
    expect(lines.at(-1)).toContain("the limit is limits.yamlItems in main's undrift.yaml (--trusted-config)");
    expect(run.exitCode).toBe(2);
  });

  it('is read as before within the limits', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': envs(''),
      'base/kustomization.yaml': annotated('deployment.yaml', 800),
      'base/deployment.yaml': deployment,
      'overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
      'overlays/production/kustomization.yaml': 'resources: [../../base]\nnamePrefix: prod-\n',
    });
    const run = await runUndrift(['scan', '--no-history', '-f', 'json'], { cwd: repo, timeoutMs: 90_000 });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.exitCode);
  });
});

describe.skipIf(!canBuildKustomize)('a remote base read from its clone', () => {
  async function withRemote(baseKustomization: string, limits: string) {
    const platform = await repoFromScenario({
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'base',
          write: { 'base/kustomization.yaml': baseKustomization, 'base/deployment.yaml': deployment },
        },
      ],
    });
    await git(platform, 'tag', 'v1.0.0');
    const app = await repoWithFiles({
      'undrift.yaml': envs(limits, `kustomize:\n  remotes:\n    github.com/acme/platform: ${platform}\n`),
      'overlays/staging/kustomization.yaml': 'resources:\n  - github.com/acme/platform//base?ref=v1.0.0\n',
      'overlays/production/kustomization.yaml': 'resources:\n  - github.com/acme/platform//base?ref=v1.0.0\nnamePrefix: prod-\n',
    });
    return runUndrift(['scan', '--no-history', '--allow-remote-clones'], { cwd: app, timeoutMs: 90_000 });
  }

  it("is extracted within the run's limits.fileBytes, the error naming the clone's file by repository and ref", async () => {
    const padded = `resources: [deployment.yaml]\n# ${'x'.repeat(6000)}\n`;
    const run = await withRemote(padded, 'limits: {fileBytes: 4096}\n');
    expect(run.timedOut).toBe(false);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'undrift: github.com/acme/platform@v1.0.0:base/kustomization.yaml: cannot be read: it is 6,032 bytes, more than the 4,096 bytes ' +
        'undrift reads from one file (limits.fileBytes in undrift.yaml raises it)',
    ]);
    expect(run.exitCode).toBe(2);
  });

  it('has its kustomization read within limits.yamlItems', async () => {
    const run = await withRemote(annotated('deployment.yaml', 800), 'limits: {yamlItems: 1000}\n');
    expect(run.timedOut).toBe(false);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^undrift: github\.com\/acme\/platform@v1\.0\.0:base\/kustomization\.yaml:\d+: cannot be read: it holds more than 1,000 keys, .*\(limits\.yamlItems in undrift\.yaml raises it\)$/,
      ),
    ]);
    expect(run.exitCode).toBe(2);
  });
});

describe('a candidate file discovery reads for its top-level keys (no undrift.yaml)', () => {
  it('is read within the default limits, the error naming the file', async () => {
    // 3,000,000 items in 6 MB: within fileBytes, six times the default yamlItems. The `yaml`
    // library's tree of them (~1 KB an item) does not fit the heap: read unbounded, discovery
    // exhausted it before the scan's own reader could refuse the file.
    // Three candidates of one layout: discovery reads each for the keys it shares with the others.
    const repo = await repoWithFiles({
      'config/development.yaml': 'A: 0\n',
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': `A: 2\nB: [${'0,'.repeat(3_000_000)}0]\n`,
    });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, timeoutMs: 90_000, maxOldSpaceMb: 600 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^undrift: config\/production\.yaml:\d+: cannot be read: it holds more than 500,000 keys, values and list items, .*\(limits\.yamlItems in undrift\.yaml raises it\)$/,
      ),
    ]);
    expect(run.exitCode).toBe(2);
  });
});
