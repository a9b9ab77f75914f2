import { DEFAULT_READ_LIMITS, type ReadLimits } from '../model/limits.js';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LimitError } from '../errors.js';
import { extractPaths } from '../git/archive.js';
import { runGitOnce } from '../git/child.js';
import { gitLines, streamLog, type LogCommit } from '../git/log.js';
import { undriftDir } from '../git/undrift-dir.js';
import { eventOf, type KeyPath } from '../model/types.js';
import { KUSTOMIZATION_FILES } from '../parse/kustomize-names.js';
import { buildOverlay, overlayDirectories } from '../sources/repo/kustomize.js';
import { codeStamp } from '../sources/repo/read-cache.js';
import { resolveRef, type RemoteClones, type RemotePin } from '../sources/repo/remote-bases.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../parse/fingerprint.js';
import { markReverts, type FileEvents } from './stack.js';

// The history of a Kustomize overlay as it is built: at every commit that touched the overlay or
// one of its local bases, the overlay is built from that commit's files (one subprocess, cached
// by the trees it reads, so a commit that did not change them costs a lookup), and each build is
// diffed with its parents'. Values reach the overlay through bases and patches, so its own files'
// history would not say when the built value changed.

type Built = Map<KeyPath, string | null>;

/** A commit's build, and whether it read a remote base (a ref resolved outside this repository). */
interface Build {
  values: Built;
  remote: boolean;
}

export async function overlayHistory(
  repo: string,
  overlay: string,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
  clones: RemoteClones = new Map(),
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
  /** Keep builds under .git/undrift for the next run: a scan without caches (`--no-cache`)
   * neither reads nor writes them. */
  cache = true,
  /** The code that reads a build (`codeStamp`): a kept build is the reading of an older undrift
   * after an upgrade or a rebuild, so it is part of the key. */
  code: string = codeStamp(),
): Promise<FileEvents> {
  // As undrift.yaml names it (`deploy/overlays/prod/`, `./k8s/prod`): `git ls-tree` lists a folder
  // named with a trailing slash by its contents, not as the entry a commit's build looks for, so
  // every commit built nothing and a built key's history ended at absent (holdout-22/10).
  overlay = overlayPath(overlay);
  const dirs = overlayDirectories(repo, overlay, limits);
  const commits: LogCommit[] = [];
  for await (const batch of streamLog(repo, dirs)) commits.push(...batch);
  const cacheDir = cache ? path.join(await undriftDir(repo), 'kustomize-builds') : undefined;
  if (cacheDir) await mkdir(cacheDir, { recursive: true });
  const builds = new Map<string, Promise<Build>>();
  // The same trees are the same build (a commit's parent that did not touch the chain has the
  // trees of the last commit that did), with or without the kept builds.
  const byTrees = new Map<string, Promise<Build>>();
  // Each remote ref is resolved once per history read (kept builds are checked against it).
  const resolved = new Map<string, Promise<string | undefined>>();
  const listings = new Map<string, Promise<Listing>>();
  const listingAt = (rev: string): Promise<Listing> => {
    let listing = listings.get(rev);
    if (!listing) listings.set(rev, (listing = listChain(repo, rev, dirs)));
    return listing;
  };
  const texts = new Map<string, Promise<string>>();
  const buildAt = (rev: string, from?: string): Promise<Build> => {
    let built = builds.get(rev);
    if (!built)
      builds.set(
        rev,
        (built = (async () => {
          // A commit whose changes reach no file the build before it read builds what that one
          // built: kustomize reads only what the kustomizations name, below their folders.
          const before = from === undefined ? undefined : builds.get(from);
          const reused =
            before && !(await before).remote && !(await readsChanged(repo, await listingAt(from!), await listingAt(rev), dirs, texts)) ? before : undefined;
          // Kept under its trees too: the parent of the next commit that touches the chain often
          // has them (it touched something else).
          return buildCommit(repo, rev, overlay, dirs, cacheDir ? { dir: cacheDir, code, resolved } : undefined, fingerprint, clones, limits, byTrees, reused);
        })()),
      );
    return built;
  };
  const out: FileEvents = new Map();
  // Oldest first, so each key's events come out newest first when reversed.
  for (const commit of commits.reverse()) {
    const parents = (await Promise.all(commit.parents.map((parent) => buildAt(parent)))).map((b) => b.values);
    const after = (await buildAt(commit.sha, commit.parents[0])).values;
    if (parents.length === 0) parents.push(new Map());
    const merge = parents.length > 1;
    const keys = new Set([...after.keys(), ...parents.flatMap((p) => [...p.keys()])]);
    const file = commit.entries[0]?.path ?? overlay;
    for (const key of keys) {
      const to = after.get(key) ?? null;
      const before = parents.map((p) => p.get(key) ?? null);
      // A merge is an event only where it chose a value none of its parents had.
      if (merge ? before.some((b) => b === to) : before[0] === to) continue;
      const event = eventOf(commit, file, before[0]!, to, { merge, revert: false });
      out.set(key, [event, ...(out.get(key) ?? [])]);
    }
  }
  for (const events of out.values()) markReverts(events);
  return out;
}

/** The overlay's folder as git names a tree entry: normalised, no `./`, no trailing slash. */
export function overlayPath(overlay: string): string {
  return path.posix.normalize(overlay).replace(/\/+$/, '') || '.';
}

/** Whether every remote ref a kept build read resolves to the same commit today. */
async function pinsHold(pins: RemotePin[], resolved: Map<string, Promise<string | undefined>>): Promise<boolean> {
  for (const pin of pins) {
    const id = `${pin.clone}\0${pin.ref}`;
    let commit = resolved.get(id);
    if (!commit) resolved.set(id, (commit = resolveRef(pin.clone, pin.ref)));
    if ((await commit) !== pin.commit) return false;
  }
  return true;
}

/** The overlay built from one commit's files: flat value texts; empty where it cannot be built. */
async function buildCommit(
  repo: string,
  rev: string,
  overlay: string,
  dirs: string[],
  cache: { dir: string; code: string; resolved: Map<string, Promise<string | undefined>> } | undefined,
  fingerprint: SecretFingerprint,
  clones: RemoteClones,
  limits: Readonly<ReadLimits>,
  byTrees: Map<string, Promise<Build>>,
  /** The build before, where this commit's changes reach nothing it read. */
  reused?: Promise<Build>,
): Promise<Build> {
  const trees = await gitLines(repo, ['ls-tree', rev, '--', ...dirs]);
  const id = trees.join('\n');
  let build = byTrees.get(id);
  if (!build) byTrees.set(id, (build = reused ?? buildTrees(repo, rev, overlay, trees, cache, fingerprint, clones, limits)));
  return reused ?? build;
}

async function buildTrees(
  repo: string,
  rev: string,
  overlay: string,
  trees: string[],
  cache: { dir: string; code: string; resolved: Map<string, Promise<string | undefined>> } | undefined,
  fingerprint: SecretFingerprint,
  clones: RemoteClones,
  limits: Readonly<ReadLimits>,
): Promise<Build> {
  if (!trees.some((line) => line.endsWith(`\t${overlay}`))) return { values: new Map(), remote: false };
  // A build's values are a function of the trees it reads, the code that reads them, the read
  // limits and the secret fingerprint's key (a Secret's values are kept as fingerprints).
  const cached =
    cache &&
    path.join(
      cache.dir,
      `${createHash('sha1')
        .update(JSON.stringify([cache.code, limits, fingerprint.of(Buffer.from('undrift kustomize build'))]))
        .update(`\n${overlay}\n${trees.join('\n')}`)
        .digest('hex')}.json`,
    );
  // The trees name a remote base by its ref, not by the commit it resolves to: a kept build holds
  // only while every ref it read still resolves to the commit it was built from (a branch moves).
  const kept =
    cached &&
    (await readFile(cached, 'utf8').then(
      (text) => JSON.parse(text) as { pins: RemotePin[]; values: Array<[string, string | null]> },
      () => undefined,
    ));
  if (kept && Array.isArray(kept.values) && (await pinsHold(kept.pins ?? [], cache.resolved)))
    return { values: new Map(kept.values), remote: (kept.pins ?? []).length > 0 };
  const dir = await mkdtemp(path.join(tmpdir(), 'undrift-kustomize-'));
  try {
    await extractPaths(
      repo,
      rev,
      trees.map((line) => line.slice(line.indexOf('\t') + 1)),
      dir,
      limits.fileBytes,
    );
    // A kustomization of this commit past a read limit is not built, as one that does not parse:
    // history skips what cannot be read instead of stopping the scan.
    const result = await buildOverlay(dir, overlay, new Map(), fingerprint, clones, limits).catch((e: unknown) => {
      if (e instanceof LimitError) return { ok: false as const, reason: e.message };
      throw e;
    });
    const built: Built = new Map(result.ok ? [...result.read.values].map(([k, v]) => [k, v.text] as const) : []);
    if (result.ok && cached) await writeFile(cached, JSON.stringify({ pins: result.pins, values: [...built] }));
    // A build that failed may have failed for a remote base: taken over by no other commit.
    return { values: built, remote: !result.ok || result.pins.length > 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The files below the chain's folders at one commit: path → mode and blob. */
interface Listing {
  files: Map<string, string>;
  /** A symlink or a submodule below the folders: what a build reads through it is not a path of
   * the listing, so no change can be ruled out. */
  linked: boolean;
}

async function listChain(repo: string, rev: string, dirs: string[]): Promise<Listing> {
  const out = (await runGitOnce(repo, ['ls-tree', '-r', '-z', rev, '--', ...dirs])).stdout.toString('utf8');
  const files = new Map<string, string>();
  let linked = false;
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, , blob] = entry.slice(0, tab).split(' ');
    if (mode === '120000' || mode === '160000') linked = true;
    files.set(entry.slice(tab + 1), `${mode} ${blob}`);
  }
  return { files, linked };
}

const KUSTOMIZATION_NAMES = new Set(KUSTOMIZATION_FILES.map((name) => name.toLowerCase()));

/** Whether a build of `after` may read other bytes than the build of `before` read: a changed
 * file (added, removed or rewritten below the chain's folders) that is a kustomization, or that a
 * kustomization of `before` may name. Kustomize reads only the files its kustomizations name
 * (resources, patches, generator files and envs, components, replacements, ...), each by a path
 * below the kustomization's folder (its default load restrictor), so a file none of whose path's
 * parts (below its chain folder) occurs in any kustomization's text is not read: a README, an
 * unreferenced manifest, a note beside the overlay. Kept on the safe side: any part as a
 * substring of the text, in any case; a glob in a kustomization (old kustomize reads
 * `patchesStrategicMerge` globs), an escape (a name YAML spells with `\x..` is not its text), Helm charts (read from a folder no text needs to name), a
 * symlink or a submodule below the folders, or a failed read, and every change counts. */
async function readsChanged(repo: string, before: Listing, after: Listing, dirs: string[], texts: Map<string, Promise<string>>): Promise<boolean> {
  if (before.linked || after.linked) return true;
  const changed: string[] = [];
  for (const [file, id] of after.files) if (before.files.get(file) !== id) changed.push(file);
  for (const file of before.files.keys()) if (!after.files.has(file)) changed.push(file);
  if (changed.length === 0) return false;
  if (changed.some((file) => KUSTOMIZATION_NAMES.has(path.posix.basename(file).toLowerCase()))) return true;
  // The kustomizations of `before` (those of `after` are the same: none changed).
  const read: string[] = [];
  for (const [file, id] of before.files) {
    if (!KUSTOMIZATION_NAMES.has(path.posix.basename(file).toLowerCase())) continue;
    const blob = id.split(' ')[1]!;
    let text = texts.get(blob);
    if (!text)
      texts.set(blob, (text = runGitOnce(repo, ['cat-file', 'blob', blob]).then((r) => (r.exitCode === 0 ? r.stdout.toString('utf8').toLowerCase() : '*'))));
    read.push(await text);
  }
  if (read.some((text) => /[*?\\]|helmchart/.test(text))) return true;
  const folders = [...dirs].map((d) => (d === '.' ? '' : `${d}/`)).sort((x, y) => y.length - x.length);
  for (const file of changed) {
    const folder = folders.find((f) => file.startsWith(f));
    if (folder === undefined) return true;
    const parts = file.slice(folder.length).toLowerCase().split('/');
    if (parts.some((part) => read.some((text) => text.includes(part)))) return true;
  }
  return false;
}
