import { DEFAULT_READ_LIMITS, type ReadLimits } from '../model/limits.js';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LimitError } from '../errors.js';
import { extractPaths } from '../git/archive.js';
import { gitLines, streamLog, type LogCommit } from '../git/log.js';
import { undriftDir } from '../git/undrift-dir.js';
import { eventOf, type KeyPath } from '../model/types.js';
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
  const builds = new Map<string, Promise<Built>>();
  // Each remote ref is resolved once per history read (kept builds are checked against it).
  const resolved = new Map<string, Promise<string | undefined>>();
  const buildAt = (rev: string): Promise<Built> => {
    let built = builds.get(rev);
    if (!built)
      builds.set(rev, (built = buildCommit(repo, rev, overlay, dirs, cacheDir ? { dir: cacheDir, code, resolved } : undefined, fingerprint, clones, limits)));
    return built;
  };
  const out: FileEvents = new Map();
  // Oldest first, so each key's events come out newest first when reversed.
  for (const commit of commits.reverse()) {
    const after = await buildAt(commit.sha);
    const parents = await Promise.all(commit.parents.map(buildAt));
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
): Promise<Built> {
  const trees = await gitLines(repo, ['ls-tree', rev, '--', ...dirs]);
  if (!trees.some((line) => line.endsWith(`\t${overlay}`))) return new Map();
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
  if (kept && Array.isArray(kept.values) && (await pinsHold(kept.pins ?? [], cache.resolved))) return new Map(kept.values);
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
    return built;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
