import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/engine.js';
import { refusedRef, remoteClones, resolveRef } from '../../src/sources/repo/remote-bases.js';
import { canBuildKustomize } from '../support/programs.js';
import { git, repoFromScenario, tempDir } from '../support/repo.js';

// A remote base's `?ref=` is written in the kustomization, which a pull request changes, and it
// reaches `git rev-parse` in a clone outside the repository (one the trusted configuration names).
// A ref git would read as an option, or as a revision expression rather than a name (a search of
// every commit's message, the reflog, ancestry, a range), is refused before any git sees it, and
// the base is named unread in the overlay's one-line warning.

const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n      containers: [{name: app, image: app:1}]\n`;

let platform: string;
let out: string;

beforeAll(async () => {
  platform = await repoFromScenario({
    commits: [
      {
        at: '2026-01-05T10:00:00Z',
        author: 'ana',
        message: 'base v1.2',
        write: { 'base/kustomization.yaml': 'resources: [deployment.yaml]\n', 'base/deployment.yaml': deployment(2) },
      },
      { at: '2026-02-05T10:00:00Z', author: 'ana', message: 'base v1.3', write: { 'base/deployment.yaml': deployment(5) } },
    ],
  });
  await git(platform, 'tag', 'v1.3.0');
  out = await tempDir();
});

/** The overlay of a pull request whose kustomization reads the platform's base at `ref`
 * (URL-encoded as a kustomization would carry it). */
async function overlayAt(ref: string) {
  const entry = `github.com/acme/platform//base?ref=${encodeURIComponent(ref)}`;
  const app = await repoFromScenario({
    commits: [{ at: '2026-03-01T10:00:00Z', author: 'ben', message: 'overlay', write: { 'overlay/kustomization.yaml': `resources:\n  - ${entry}\n` } }],
  });
  const clones = remoteClones(app, { 'github.com/acme/platform': platform }, true);
  return { entry, read: await readEnvironment(app, { name: 'staging', files: ['overlay'], format: 'auto' }, undefined, clones) };
}

describe.skipIf(!canBuildKustomize)("a remote base's ?ref= that is not a name", () => {
  it.each([
    ['an option that writes a file', () => `--output=${path.join(out, 'written')}`, 'starts with "-", which git reads as an option'],
    ['a short option', () => '-q', 'starts with "-", which git reads as an option'],
    ['a search of every commit message', () => ':/base v1.2', 'is not a tag, branch or commit name'],
    ['ancestry', () => 'v1.3.0~1', 'is not a tag, branch or commit name'],
    ['a parent', () => 'v1.3.0^', 'is not a tag, branch or commit name'],
    ['a range', () => 'v1.3.0..HEAD', 'is not a tag, branch or commit name'],
    ['the reflog', () => 'HEAD@{1}', 'is not a tag, branch or commit name'],
    ['a glob', () => 'v1.*', 'is not a tag, branch or commit name'],
  ])('is refused, naming the base (%s)', async (_what, ref, why) => {
    const { entry, read } = await overlayAt(ref());
    expect(read.built).toBeUndefined();
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/^overlay: not built \(remote base not read, the network is not used: /);
    expect(read.warnings[0]).toContain(`${entry}: ?ref=${JSON.stringify(ref())} ${why}`);
    expect(await readdir(out), 'files written outside the repository').toEqual([]);
  });

  it('reads a tag, a branch and a commit id as before', async () => {
    const [first] = (await git(platform, 'rev-list', '--reverse', 'HEAD')).split('\n');
    for (const ref of ['v1.3.0', 'refs/tags/v1.3.0', 'main', first!]) {
      const { read } = await overlayAt(ref);
      expect(read.built, ref).toEqual(['overlay']);
    }
  });

  it('never reaches git, even where a kept history hands the ref back (resolveRef)', async () => {
    expect(await resolveRef(platform, ':/base v1.2')).toBeUndefined();
    expect(await resolveRef(platform, 'v1.3.0~1')).toBeUndefined();
    expect(await resolveRef(platform, 'v1.3.0')).toMatch(/^[0-9a-f]{40}$/);
    expect(refusedRef('release/2026.1')).toBeUndefined();
    expect(refusedRef('release/.hidden')).toMatch(/is not a tag, branch or commit name/);
    expect(refusedRef('x.lock')).toMatch(/is not a tag, branch or commit name/);
  });
});
