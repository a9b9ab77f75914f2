import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { buildScenario } from '../../src/scenario/build.js';
import type { Scenario } from '../../src/scenario/scenario.js';

// The verdict stories' repositories, built once and shared read-only: by every test file of a run,
// and by the three Node versions of one CI run (.ci/run points UNDRIFT_TEST_REPO_CACHE at one
// directory for all three). A story's repository is what the scenario builder makes of its
// scenario, so it is kept under a key of exactly those two things: the scenario as parsed (an
// edited story is another key, so it gets a repository of its own) and the builder's version (a
// hash of the builder's sources and everything they import, the lockfile, and git's version).
// Shared means nobody may change it: the scan under test is run with `historyCache: false`, which
// writes nothing into the repository (its fingerprint key is made here, beforehand), and
// `withStoryRepo` checks after each use that not one file or folder changed.

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
const BUILDER_ENTRIES = ['scenario/build.ts', 'scenario/scenario.ts'];

/** A hash of the builder's sources: its entry files and every source file they import, found by
 * following relative imports (`import type` lines change no built byte, so they are not followed).
 * `srcRoot` is the sources' folder (src/). */
export async function builderSourcesHash(srcRoot = SRC): Promise<string> {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const queue = BUILDER_ENTRIES.map((entry) => path.join(srcRoot, entry));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    hash.update(`${path.relative(srcRoot, file)}\0${text}\0`);
    for (const [, spec] of text.matchAll(/^(?!import type)(?:import|export)[^;]*?from '(\.{1,2}\/[^']+)'/gms))
      queue.push(path.resolve(path.dirname(file), spec!.replace(/\.js$/, '.ts')));
  }
  return hash.digest('hex');
}

let version: Promise<string> | undefined;

/** The builder's version: its sources, the dependencies it runs with (the lockfile), and git. */
export function builderVersion(): Promise<string> {
  return (version ??= (async () => {
    const [sources, lockfile, git] = await Promise.all([
      builderSourcesHash(),
      readFile(LOCKFILE),
      promisify(execFile)('git', ['--version']).then((r) => r.stdout.trim()),
    ]);
    return createHash('sha256')
      .update(`${sources}\0${createHash('sha256').update(lockfile).digest('hex')}\0${git}`)
      .digest('hex');
  })());
}

/** A hash of the scenario as the builder receives it (a scenario may hold megabytes: test/hostile's
 * large files). */
const contentsOf = (scenario: Scenario): string => createHash('sha256').update(JSON.stringify(scenario)).digest('hex');

/** The cache key of a story's repository: the scenario as the builder receives it, and the
 * builder's version. Nothing else (not the story's name, file or expectations) goes in. */
export function storyRepoKey(scenario: Scenario, builder: string, contents = contentsOf(scenario)): string {
  return createHash('sha256').update(`${builder}\0${contents}`).digest('hex').slice(0, 32);
}

/** Every file and folder under `dir` with its size and modification time, one per line. */
async function listing(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true });
  const lines = await Promise.all(
    entries.sort().map(async (name) => {
      const s = await stat(path.join(dir, name));
      return `${name} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    }),
  );
  return [`. dir ${(await stat(dir)).mtimeMs}`, ...lines].join('\n');
}

export interface StoryRepo {
  /** The repository: read it, never change it. */
  repo: string;
  /** Its listing when built (see `listing`). */
  listing: string;
}

/** Where the repositories are kept: .ci/run's directory for its three runs, or this run's own. */
function cacheRoot(): string {
  return process.env.UNDRIFT_TEST_REPO_CACHE || path.join(inject('scenarioCache'), 'story-repos');
}

const loaded = new Map<string, Promise<StoryRepo>>();

/** The shared repository of `scenario`, built by the first test (of any file or Node run) that
 * asks for it. */
export function storyRepo(scenario: Scenario): Promise<StoryRepo> {
  const contents = contentsOf(scenario);
  const load = async (): Promise<StoryRepo> => {
    const root = cacheRoot();
    const entry = path.join(root, storyRepoKey(scenario, await builderVersion(), contents));
    const repo = path.join(entry, 'repo');
    const kept = await readFile(path.join(entry, 'listing'), 'utf8').catch(() => undefined);
    if (kept !== undefined) return { repo, listing: kept };
    // Built aside and renamed into place: a rename is atomic, so a reader sees a whole entry or
    // none; when two workers build one at once, the second one's is dropped.
    await mkdir(root, { recursive: true });
    const building = await mkdtemp(`${entry}.building-`);
    const into = path.join(building, 'repo');
    await buildScenario(scenario, into);
    // The fingerprint key a first scan would write (made of the entry's key, so it is the same
    // wherever the entry is built): made here, the scans write nothing.
    await mkdir(path.join(into, '.git', 'undrift'), { recursive: true });
    await writeFile(path.join(into, '.git', 'undrift', 'fingerprint-key'), createHash('sha256').update(entry).digest(), { mode: 0o600 });
    // Listed as it will be found: under its final path (the listing holds relative names only).
    await writeFile(path.join(building, 'listing'), await listing(into));
    await rename(building, entry).catch(async () => rm(building, { recursive: true, force: true }));
    return { repo, listing: await readFile(path.join(entry, 'listing'), 'utf8') };
  };
  let got = loaded.get(contents);
  if (!got) loaded.set(contents, (got = load()));
  return got;
}

/** Runs `use` on the shared repository of `scenario`, then checks that it is as built: a use that
 * changed it fails, and the entry is dropped so that the next user builds it again. */
export async function withStoryRepo<T>(scenario: Scenario, use: (repo: string) => Promise<T>): Promise<T> {
  const { repo, listing: asBuilt } = await storyRepo(scenario);
  const result = await use(repo);
  const now = await listing(repo);
  if (now !== asBuilt) {
    const before = new Set(asBuilt.split('\n'));
    const changed = now.split('\n').filter((line) => !before.has(line));
    loaded.delete(contentsOf(scenario));
    await rm(path.dirname(repo), { recursive: true, force: true });
    throw new Error(`a shared story repository was changed (it must be read only: scan it with historyCache: false): ${changed.join('; ')}`);
  }
  return result;
}
