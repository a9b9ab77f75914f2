import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { extractPaths } from '../../git/archive.js';
import { gitLines } from '../../git/log.js';
import { LimitError, UserError } from '../../errors.js';
import type { ReadLimits } from '../../model/limits.js';
import { readKustomization } from './kustomization-file.js';
import { KUSTOMIZATION_FILES, spellingsOf } from '../../parse/kustomize-names.js';
import { resolveInside } from '../boundary.js';

// A Kustomize `resources:` entry that names another repository (`github.com/org/repo//base?ref=v1.2`)
// is read from a local clone the configuration names (`kustomize.remotes:` in undrift.yaml), at
// the pinned ref, with git: never fetched. The overlay is built from a temporary copy in which
// each remote entry points at that repository's files extracted at the ref.

/** A remote resource as Kustomize writes it. */
export interface RemoteResource {
  /** As written in the kustomization. */
  entry: string;
  /** The repository, normalised: `github.com/org/repo`. */
  repo: string;
  /** The folder inside it ('' for its root). */
  dir: string;
  /** `?ref=` (or the older `?version=`); the clone's HEAD when absent. */
  ref?: string;
}

const KNOWN_HOSTS = /^(github\.com|gitlab\.com|bitbucket\.org)\//;

/** The repository URL as a lookup key: no scheme, user, `.git` or trailing slash; `host:path`
 * (scp form) as `host/path`; the host in lower case. */
export function normaliseRepository(url: string): string {
  let s = url.trim().replace(/^git::/, '');
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''); // https://, ssh://, git://, file://
  s = s.replace(/^[^@/]+@/, ''); // git@
  s = s.replace(/^([^/:]+):(?!\d+\/)/, '$1/'); // scp form host:org/repo (not host:port/)
  s = s.replace(/\/+$/, '').replace(/\.git$/, '');
  const slash = s.indexOf('/');
  return slash < 0 ? s.toLowerCase() : s.slice(0, slash).toLowerCase() + s.slice(slash);
}

/** Splits a remote entry into repository, folder and ref; undefined when it is not one. */
export function parseRemoteResource(entry: string): RemoteResource | undefined {
  const [address, query = ''] = entry.replace(/^git::/, '').split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const ref = params.get('ref') ?? params.get('version') ?? undefined;
  const schemeless = address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  let repo: string;
  let dir: string;
  const split = schemeless.indexOf('//');
  if (split >= 0) {
    repo = schemeless.slice(0, split);
    dir = schemeless.slice(split + 2);
  } else if (/\.git(\/|$)/.test(schemeless)) {
    const at = schemeless.search(/\.git(\/|$)/) + 4;
    repo = schemeless.slice(0, at);
    dir = schemeless.slice(at + 1);
  } else {
    const normal = normaliseRepository(schemeless);
    if (!KNOWN_HOSTS.test(normal)) return undefined;
    const parts = normal.split('/');
    repo = parts.slice(0, 3).join('/');
    dir = parts.slice(3).join('/');
  }
  const prefix = /^[a-z][a-z0-9+.-]*:\/\//i.exec(address)?.[0] ?? '';
  return { entry, repo: normaliseRepository(prefix + repo), dir: dir.replace(/^\/+|\/+$/g, ''), ...(ref ? { ref } : {}) };
}

/** Normalised repository → the absolute path of its local clone, or why it is not read. */
export type RemoteClones = Map<string, { path: string } | { refused: string }>;

/**
 * The clones `kustomize.remotes` names. A clone inside the repository (a submodule, a vendored
 * mirror) is read like any configured path; one outside it is read only when the person running
 * undrift allows it: undrift.yaml comes with the repository, and on a pull request that would let
 * the pull request's author read any git repository on the CI machine into the output.
 */
export function remoteClones(repoRoot: string, configured: Record<string, string> | undefined, allowOutside = false): RemoteClones {
  return new Map(
    Object.entries(configured ?? {}).map(([url, local]): [string, { path: string } | { refused: string }] => {
      const absolute = path.resolve(repoRoot, local);
      if (allowOutside) return [normaliseRepository(url), { path: absolute }];
      try {
        const clone = resolveInside(repoRoot, local, `kustomize.remotes ${url}`);
        // git reads a folder without a .git of its own as a git directory when it looks like one
        // (HEAD, commondir): committed by the pull request, its `commondir` or alternates name any
        // repository on the machine, which git would then read into the build. A .git is never
        // committed (git refuses the name), so one there was made by a clone or a submodule.
        if (!existsSync(path.join(clone.real, '.git')))
          return [
            normaliseRepository(url),
            {
              refused:
                `kustomize.remotes ${url}: ${JSON.stringify(local)} is not a git clone (it has no .git of its own; ` +
                `clone the repository there, or make it a submodule)`,
            },
          ];
        return [normaliseRepository(url), { path: clone.real }];
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        return [
          normaliseRepository(url),
          {
            refused: `${e.message}; a clone outside the repository is read only with --allow-remote-clones (never for configuration from an untrusted pull request)`,
          },
        ];
      }
    }),
  );
}

const RESOURCE_FIELDS = ['resources', 'bases', 'components'];
/** Remote bases may name further remote bases: followed this deep. */
const MAX_KUSTOMIZATIONS = 200;

/** A remote base's ref as it was read: the commit the local clone resolved it to. A build read
 * through a ref is the same build only while the ref still resolves to that commit. */
export interface RemotePin {
  clone: string;
  ref: string;
  commit: string;
}

export type Localised =
  | {
      ok: true;
      root: string;
      cleanup: () => Promise<void>;
      pins: RemotePin[];
      warnings: string[];
      /** How errors name a file of the copy: a remote base's by its repository, ref and path there. */
      shownAs: (file: string) => string;
    }
  | { ok: false; reason: string };

/**
 * Why a remote base's `?ref=` is not read, or undefined when it is a name (a tag, a branch, a
 * commit id). The ref is the kustomization's (a pull request's, in CI) and reaches `git rev-parse`
 * in a clone outside the repository: what git would take as an option (`--output=…`, `-x`) or as
 * a revision expression rather than a name is refused, by the rules git itself names refs by
 * (git check-ref-format): `a..b` a range, `@{…}` the reflog or an upstream, `:/text` a search of
 * every commit's message, `:` a path in a tree, `^` and `~` ancestry, globs, control characters.
 */
export function refusedRef(ref: string): string | undefined {
  const shown = `?ref=${JSON.stringify(ref)}`;
  if (ref.startsWith('-')) return `${shown} starts with "-", which git reads as an option: name a tag, a branch or a commit`;
  const parts = ref.split('/');
  if (
    ref === '' ||
    ref === '@' ||
    ref.includes('..') ||
    ref.includes('@{') ||
    /[\x00-\x20\x7f~^:?*[\\]/.test(ref) ||
    ref.endsWith('.') ||
    parts.some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock'))
  )
    return (
      `${shown} is not a tag, branch or commit name but what git would read as a revision expression ` +
      `(no "..", "@{", "~", "^", ":", "?", "*", "[", backslash, space or control character, empty or "."-led part: git check-ref-format): ` +
      `name a tag, a branch or a commit`
    );
  return undefined;
}

/** The commit a ref names in a clone now, or undefined (also for a ref refusedRef refuses). */
export async function resolveRef(clone: string, ref: string): Promise<string | undefined> {
  if (refusedRef(ref) !== undefined) return undefined;
  return gitLines(clone, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then(
    (lines) => lines[0],
    () => undefined,
  );
}

/** Whether a ref moves: HEAD, or a branch (local or remote-tracking) that is not also a tag.
 * A tag or a commit id pins the base. */
async function moves(clone: string, ref: string): Promise<boolean> {
  if (ref === 'HEAD') return true;
  if (/^[0-9a-f]{7,64}$/i.test(ref)) return false;
  const refs = await gitLines(clone, [
    'for-each-ref',
    '--format=%(refname)',
    '--end-of-options',
    `refs/tags/${ref}`,
    `refs/heads/${ref}`,
    `refs/remotes/*/${ref}`,
  ]).catch(() => []);
  return !refs.some((r) => r.startsWith('refs/tags/')) && refs.length > 0;
}

/**
 * A temporary copy of `dirs` (the overlay and its local bases, repo-relative) in which every
 * remote resource points at its repository's files extracted from the local clone at its ref.
 * Not ok, naming each remote base that cannot be read, when a clone is not configured or lacks
 * the ref.
 */
export async function localiseRemoteBases(
  repoRoot: string,
  dirs: string[],
  clones: RemoteClones,
  isRemote: (entry: string) => boolean,
  limits: Readonly<ReadLimits>,
): Promise<Localised> {
  const root = await mkdtemp(path.join(tmpdir(), 'undrift-kustomize-remote-'));
  const cleanup = () => rm(root, { recursive: true, force: true });
  const extracted = new Map<string, string>(); // repo@ref → folder under root
  const shownAs = (file: string): string => {
    for (const [id, folder] of extracted) if (file.startsWith(`${folder}/`)) return `${id}:${file.slice(folder.length + 1)}`;
    return file;
  };
  try {
    for (const dir of dirs) await cp(path.join(repoRoot, dir), path.join(root, dir), { recursive: true });
    const unread: string[] = [];
    const pins: RemotePin[] = [];
    const warnings: string[] = [];
    const queue = [...dirs];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < MAX_KUSTOMIZATIONS) {
      const dir = queue.shift()!;
      if (seen.has(dir)) continue;
      seen.add(dir);
      const file = await firstExisting(root, dir);
      if (!file) continue;
      // As kustomize reads it (and as readChain checked it): `<<:` merged, fields in any case,
      // within the run's limits (a remote base's file is read here first).
      const k = readKustomization(path.join(root, file), shownAs(file), limits);
      let changed = false;
      for (const name of RESOURCE_FIELDS.flatMap((field) => spellingsOf(k, field))) {
        const list = k[name];
        if (!Array.isArray(list)) continue;
        for (let i = 0; i < list.length; i++) {
          const entry: unknown = list[i];
          if (typeof entry !== 'string') continue;
          if (!isRemote(entry)) {
            // A local base of an extracted remote base: read like the overlay's own.
            const local = path.posix.normalize(path.posix.join(dir, entry));
            if (local.startsWith('.remote/')) queue.push(local);
            continue;
          }
          const remote = parseRemoteResource(entry);
          const named = remote && clones.get(remote.repo);
          if (!remote || !named) {
            unread.push(`${entry}: no local clone of ${remote?.repo ?? 'it'} is named under kustomize.remotes in undrift.yaml`);
            continue;
          }
          if ('refused' in named) {
            unread.push(`${entry}: ${named.refused}`);
            continue;
          }
          const refused = remote.ref === undefined ? undefined : refusedRef(remote.ref);
          if (refused) {
            unread.push(`${entry}: ${refused}`);
            continue;
          }
          const clone = named.path;
          const ref = remote.ref ?? 'HEAD';
          const id = `${remote.repo}@${ref}`;
          let folder = extracted.get(id);
          if (!folder) {
            const commit = await resolveRef(clone, ref);
            if (!commit) {
              unread.push(`${entry}: ${clone} has no ${ref} (fetch it there)`);
              continue;
            }
            pins.push({ clone, ref, commit });
            // A branch (or no ref: the clone's HEAD) moves: what was built is what the clone holds
            // today, and another run, or the history at an older commit, may read another base.
            if (await moves(clone, ref))
              warnings.push(
                `${entry}: ${remote.ref ? `ref ${ref} is a branch` : `no ?ref= reads the clone's HEAD`}, which moves: read at ${commit.slice(0, 12)} ` +
                  `as ${clone} has it now; pin a tag or a commit (?ref=<commit>) so that every run reads the same base`,
              );
            folder = `.remote/${extracted.size}`;
            await mkdir(path.join(root, folder), { recursive: true });
            // The whole tree: a remote base may name its own repository's other folders (`../common`).
            await extractPaths(clone, commit, [], path.join(root, folder), limits.fileBytes);
            extracted.set(id, folder);
          }
          const target = path.posix.join(folder, remote.dir);
          list[i] = path.posix.relative(dir, target) || '.';
          changed = true;
          queue.push(target);
        }
      }
      if (changed) await writeFile(path.join(root, file), stringify(k));
    }
    if (unread.length > 0) {
      await cleanup();
      return { ok: false, reason: `remote base${unread.length > 1 ? 's' : ''} not read, the network is not used: ${unread.join('; ')}` };
    }
    return { ok: true, root, cleanup, pins, warnings, shownAs };
  } catch (e) {
    await cleanup();
    // Past a read limit the read stops, naming the file and the limit, as for any file undrift reads.
    if (e instanceof LimitError) throw e;
    return { ok: false, reason: `remote bases could not be read: ${(e as Error).message.split('\n')[0]}` };
  }
}

async function firstExisting(root: string, dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES) {
    const file = path.posix.join(dir, name);
    // Its size is not read here: a file past limits.fileBytes is extracted as a sparse file of
    // that size, refused by readKustomization before any of it is read.
    const found = await stat(path.join(root, file)).then(
      (entry) => entry.isFile(),
      () => false,
    );
    if (found) return file;
  }
  return undefined;
}
