import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../model/limits.js';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { InventoryObject, KeyPath, Value } from '../../model/types.js';
import type { FileValues } from '../../parse/format.js';
import { flattenManifest, isManifest } from '../../parse/manifests.js';
import { fixedLocator } from '../../parse/flatten.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../../parse/fingerprint.js';
import { readKustomization } from './kustomization-file.js';
import { localiseRemoteBases, type RemoteClones, type RemotePin } from './remote-bases.js';
import { runBounded } from '../bounded-process.js';
import { resolveInside } from '../boundary.js';
import { LimitError, UserError } from '../../errors.js';
import { parseYaml } from '../../parse/yaml.js';
import { KUSTOMIZATION_FILES, spellingsOf, urlsIn, withoutGeneratorHash, withoutRenaming } from '../../parse/kustomize-names.js';
import { inventoryObject, isCounted } from '../live/inventory.js';
import { jsonPatchLines } from './json-patch-lines.js';

// A Kustomize overlay is read as `kustomize build` (or `kubectl kustomize`) makes it: bases
// merged, strategic-merge and JSON 6902 patches applied, generators run. Objects are named by the
// identity that survives the overlay's renaming: without the overlay's namePrefix/nameSuffix and
// without a generated object's content hash, so `prod-app-config-m289mc546f` and
// `staging-app-config-5g7b2c8k4d` are both `ConfigMap/app-config`, and the built name is kept on
// the value for pairing with live objects.

/** One subprocess per overlay, with a deadline: a build must never hang a scan. */
const DEFAULT_BUILD_TIMEOUT_S = 60;
const MAX_BUILD_OUTPUT_BYTES = 256 * 1024 * 1024;

/** One build's deadline: UNDRIFT_KUSTOMIZE_TIMEOUT seconds, else 60. */
function buildTimeoutMs(): number {
  const set = Number(process.env.UNDRIFT_KUSTOMIZE_TIMEOUT);
  return (Number.isFinite(set) && set > 0 ? set : DEFAULT_BUILD_TIMEOUT_S) * 1000;
}

export function kustomizationIn(repoRoot: string, relDir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const file = path.posix.join(relDir, name);
    try {
      if (statSync(path.resolve(repoRoot, file)).isFile()) return file;
    } catch {
      // not this name
    }
  }
  return undefined;
}

interface Chain {
  /** namePrefix / nameSuffix of every kustomization in the chain (overlay and local bases). */
  prefixes: string[];
  suffixes: string[];
  /** configMapGenerator / secretGenerator names. */
  generators: Set<string>;
  /** Resources that are not in this repository (`github.com/org/repo//base?ref=v1.2`). */
  remote: string[];
  /** The overlay's folder and its local bases', as read. */
  dirs: string[];
  /** Resources that resolve outside the repository. */
  outside: string[];
}

// Any URL (`file:///srv/repo//base` is a clone of a repository on the machine, as kustomize reads
// it), an scp address, a `?ref=`, or a host kustomize clones from without a scheme.
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|git::)|\?(ref|version)=|^github\.com\/|^gitlab\.com\/|^bitbucket\.org\//i;

/** Where a path of the overlay leads, symlinks followed: inside the repository, or why not. */
function outsideReason(repoRoot: string, rel: string): string | undefined {
  try {
    resolveInside(repoRoot, rel, 'a Kustomize path');
    return undefined;
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
}

/** The symlinks below an overlay's folder (or a local base's) that lead outside the repository:
 * kustomize follows them, so a build would read what they point at. */
function linksOutside(repoRoot: string, relDir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.resolve(repoRoot, relDir), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.slice(0, 10_000)) {
    if (!entry.isSymbolicLink()) continue;
    const rel = path.posix.join(
      relDir,
      path
        .relative(path.resolve(repoRoot, relDir), path.join(entry.parentPath ?? (entry as { path?: string }).path ?? '', entry.name))
        .split(path.sep)
        .join('/'),
    );
    const why = outsideReason(repoRoot, rel);
    if (why) out.push(why);
  }
  return out;
}

/** What the overlay and its local bases say about names, read from their kustomization files. */
function readChain(
  repoRoot: string,
  relDir: string,
  limits: Readonly<ReadLimits>,
  /** How errors name a file of the build (a remote base's, in a temporary copy, by its repository and ref). */
  shownAs: (file: string) => string = (file) => file,
  chain: Chain = { prefixes: [], suffixes: [], generators: new Set(), remote: [], dirs: [], outside: [] },
  seen = new Set<string>(),
): Chain {
  if (seen.has(relDir) || seen.size > 200) return chain;
  seen.add(relDir);
  const file = kustomizationIn(repoRoot, relDir);
  if (!file) return chain;
  chain.dirs.push(relDir);
  chain.outside.push(...linksOutside(repoRoot, relDir));
  let k: Record<string, unknown>;
  try {
    // As kustomize reads it: `<<:` merges. A text this reader refuses (a repeated key, whose last
    // value kustomize takes) is not built: what it names cannot be checked. One past a read limit
    // stops the read, as a values file past it does.
    k = readKustomization(path.resolve(repoRoot, file), shownAs(file), limits);
  } catch (e) {
    if (e instanceof LimitError) throw e;
    chain.outside.push(`${file} cannot be read as kustomize reads it (${(e as Error).message.split('\n')[0]}), so what it names cannot be checked`);
    return chain;
  }
  // A URL in any other field is downloaded by kustomize itself (a loopback address even past the
  // sealed proxy); remote bases come only from local clones.
  for (const url of urlsIn(k, ['resources', 'bases', 'components'])) chain.outside.push(`${file} names ${JSON.stringify(url)}, which kustomize would download`);
  if (typeof k.namePrefix === 'string' && k.namePrefix) chain.prefixes.push(k.namePrefix);
  if (typeof k.nameSuffix === 'string' && k.nameSuffix) chain.suffixes.push(k.nameSuffix);
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    for (const g of Array.isArray(k[field]) ? (k[field] as Array<{ name?: unknown }>) : []) if (typeof g?.name === 'string') chain.generators.add(g.name);
  }
  for (const field of ['resources', 'bases', 'components']) {
    for (const r of spellingsOf(k, field).flatMap((name) => (Array.isArray(k[name]) ? (k[name] as unknown[]) : []))) {
      if (typeof r !== 'string') continue;
      const local = path.posix.normalize(path.posix.join(relDir, r));
      if (REMOTE.test(r)) chain.remote.push(r);
      // A base outside the repository is not read (nor built from): the repository is the boundary,
      // symlinks followed.
      else if (local === '..' || local.startsWith('../') || path.posix.isAbsolute(r)) chain.outside.push(`${r} is outside the repository`);
      else {
        const why = outsideReason(repoRoot, local);
        if (why) chain.outside.push(why);
        else readChain(repoRoot, local, limits, shownAs, chain, seen);
      }
    }
  }
  // Generators, transformers and validators may be folders too (kustomize builds them): one that
  // leads outside the repository is not read.
  for (const field of ['generators', 'transformers', 'validators']) {
    for (const r of spellingsOf(k, field).flatMap((name) => (Array.isArray(k[name]) ? (k[name] as unknown[]) : []))) {
      if (typeof r !== 'string') continue;
      const local = path.posix.normalize(path.posix.join(relDir, r));
      if (local === '..' || local.startsWith('../') || path.posix.isAbsolute(r)) chain.outside.push(`${r} is outside the repository`);
      else {
        const why = outsideReason(repoRoot, local);
        if (why) chain.outside.push(why);
      }
    }
  }
  return chain;
}

/** The object's name without the overlay's renaming: prefixes, suffixes and, for generated
 * objects, the hash. */
function identityName(name: string, kind: string, chain: Chain): { name: string; generated: boolean } {
  const unhashed = withoutGeneratorHash(kind, name);
  const generated = unhashed !== undefined && [...chain.generators].some((g) => unhashed.includes(g));
  return { name: withoutRenaming(generated ? unhashed : name, chain), generated };
}

/** The folders a build of the overlay reads: its own and its local bases' (today's). */
export function overlayDirectories(repoRoot: string, relDir: string, limits: Readonly<ReadLimits>): string[] {
  return readChain(repoRoot, relDir, limits).dirs;
}

export type BuildResult =
  | {
      ok: true;
      read: FileValues;
      /** The objects the build makes, named by identity, each with its built (live) name. */
      objects: InventoryObject[];
      /** The namePrefix/nameSuffix of the overlay and its bases. */
      renaming: { prefixes: string[]; suffixes: string[] };
      /** The commits the remote bases' refs resolved to: a kept build holds while they still do. */
      pins: RemotePin[];
    }
  | { ok: false; reason: string };

/** Builds the overlay in `relDir` with kustomize or kubectl, names its objects by identity, and
 * locates each key where the overlay's files write it (`located`: the overlay read as files, or a
 * JSON 6902 operation's value), else where a base writes the value built, else at the
 * kustomization file. */
export async function buildOverlay(
  repoRoot: string,
  relDir: string,
  located: Map<KeyPath, Value>,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
  clones: RemoteClones = new Map(),
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
  /** The overlay's local bases read as files (nearest first): where the overlay writes no line of
   * a key and the build kept a base's value as it is, the base's line is its location. */
  inBases: ReadonlyMap<KeyPath, Value> = new Map(),
): Promise<BuildResult> {
  const kustomization = kustomizationIn(repoRoot, relDir)!;
  let chain = readChain(repoRoot, relDir, limits);
  if (chain.outside.length > 0)
    return { ok: false, reason: `${[...new Set(chain.outside)].join('; ')}: undrift builds nothing that reads outside the repository` };
  let built: Awaited<ReturnType<typeof runBuild>>;
  let pins: RemotePin[] = [];
  const warnings: string[] = [];
  if (chain.remote.length > 0) {
    // Remote bases come from local clones at their refs: the build runs on a copy that names them.
    const copy = await localiseRemoteBases(repoRoot, chain.dirs, clones, (entry) => REMOTE.test(entry), limits);
    if (!copy.ok) return copy;
    pins = copy.pins;
    warnings.push(...copy.warnings.map((w) => `${relDir}: ${w}`));
    try {
      chain = readChain(copy.root, relDir, limits, copy.shownAs); // the remote bases' prefixes and generators too
      built = await runBuild(copy.root, relDir);
    } finally {
      await copy.cleanup();
    }
  } else {
    built = await runBuild(repoRoot, relDir);
  }
  if (!built.ok) return built;
  let docs;
  try {
    docs = parseYaml(built.output, `${relDir} (built)`, '1.2', limits).docs;
  } catch (e) {
    return { ok: false, reason: `the build's output does not parse: ${(e as Error).message}` };
  }
  // Names as built → identity names, in the objects and everywhere they are referenced.
  const renames = new Map<string, { name: string; kind: string; generated: boolean }>();
  for (const doc of docs) {
    if (!isManifest(doc.value)) continue;
    const metadata = (doc.value as { metadata?: { name?: unknown } }).metadata;
    if (typeof metadata?.name !== 'string') continue;
    const id = identityName(metadata.name, doc.value.kind, chain);
    if (id.name !== metadata.name) renames.set(metadata.name, { ...id, kind: doc.value.kind });
  }
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return renames.get(v)?.name ?? v;
    if (Array.isArray(v)) return v.map(rename);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x)]));
    return v;
  };
  const values = new Map<KeyPath, Value>();
  const objects: InventoryObject[] = [];
  const fallback = fixedLocator({ file: kustomization, line: 1, column: 1 });
  const identityOf = (builtName: string | undefined) => (builtName ? (renames.get(builtName)?.name ?? builtName) : '');
  const patched = jsonPatchLines(
    repoRoot,
    kustomization,
    () =>
      docs
        .filter((doc) => isManifest(doc.value))
        .map((doc) => {
          const value = doc.value as { kind: string; metadata?: { name?: string } };
          return { kind: value.kind, name: identityOf(value.metadata?.name), value: rename(value) };
        }),
    limits,
  );
  for (const doc of docs) {
    if (!isManifest(doc.value)) continue;
    const builtName = (doc.value as { metadata?: { name?: string } }).metadata?.name;
    const raw = doc.value as unknown as Record<string, unknown> & { kind: string };
    if (isCounted(raw)) {
      const object = inventoryObject(rename(raw) as Record<string, unknown> & { kind: string }, `${relDir} (built)`);
      object.definedAt = { file: relDir, built: true };
      const namespace = (raw.metadata as { namespace?: unknown } | undefined)?.namespace;
      if (typeof namespace === 'string') object.namespace = namespace;
      if (builtName && builtName !== object.name) object.liveName = builtName;
      objects.push(object);
    }
    const before = new Set(values.keys());
    flattenManifest(rename(doc.value), fallback, values, fingerprint);
    const generated = builtName ? renames.get(builtName) : undefined;
    for (const [key, value] of values) {
      if (before.has(key)) continue;
      const base = inBases.get(key);
      // The overlay's line is where the value is written only when it writes the value built: a
      // generator's env file line `export LOG_LEVEL=warn` reads as LOG_LEVEL to undrift's dotenv
      // reader, but Kustomize makes it a key "export LOG_LEVEL" and LOG_LEVEL keeps the base's
      // value, so that line was cited (and edited by apply) for a value it does not hold.
      const mine = located.get(key);
      const operation = patched.get(key);
      const where =
        mine && mine.text === value.text
          ? mine.location
          : operation && operation.text === value.text
            ? operation.at
            : base && base.text === value.text
              ? base.location
              : (transformerLine(key, value, located) ?? value.location);
      values.set(key, {
        ...value,
        location: where,
        ...(where === operation?.at ? { jsonPatch: true as const } : {}),
        ...(generated?.generated ? { generated: { generator: generated.name, name: builtName! } } : {}),
      });
    }
  }
  return { ok: true, read: { values, warnings }, objects, renaming: { prefixes: chain.prefixes, suffixes: chain.suffixes }, pins };
}

/** Where the overlay's `replicas:` or `images:` entry sets a built key, for a value no line of the
 * overlay's objects writes: `Deployment/api.replicas` at `replicas: [{name: api, count: 3}]`'s
 * count, a container's image at the `images:` entry whose name (or newName) and tag or digest it
 * runs. Kustomize's transformers name no key, so without this the value sat at the
 * kustomization's line 1 (what `explain`, the report and SARIF cite). */
function transformerLine(key: KeyPath, value: Value, located: ReadonlyMap<KeyPath, Value>): Value['location'] | undefined {
  const replicas = /^[A-Za-z]+\/([^.[\]]+)\.replicas$/.exec(key);
  if (replicas) return located.get(`Kustomization.replicas[name=${replicas[1]}].count`)?.location;
  if (!/\.(?:initContainers|containers)\[name=[^\]]+\]\.image$/.test(key) || value.text === null) return undefined;
  const image = value.text;
  for (const [k, entry] of located) {
    const m = /^Kustomization\.images\[name=(.+)\]\.(newTag|digest)$/.exec(k);
    if (!m || entry.text === null) continue;
    const name = located.get(`Kustomization.images[name=${m[1]}].newName`)?.text ?? m[1]!;
    if (image === `${name}${m[2] === 'newTag' ? ':' : '@'}${entry.text}`) return entry.location;
  }
  return undefined;
}

/** `kustomize build DIR`, else `kubectl kustomize DIR`; UNDRIFT_KUSTOMIZE names another program
 * (`off` turns building off). */
/** A build reaches nothing outside the repository, whatever a kustomization names (a remote base
 * this reader does not recognise as one, a resource URL): git may use no transport (`file://`,
 * `https://`, `ssh://` clones are refused), and HTTP(S) goes through a proxy on a closed local
 * port (a download fails at once). Remote bases come only from local clones, put in place first. */
export const SEALED: Record<string, string> = {
  GIT_ALLOW_PROTOCOL: 'undrift-no-transport',
  GIT_TERMINAL_PROMPT: '0',
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  ALL_PROXY: 'http://127.0.0.1:9',
  all_proxy: 'http://127.0.0.1:9',
  NO_PROXY: '',
  no_proxy: '',
};

async function runBuild(repoRoot: string, relDir: string): Promise<{ ok: true; output: string } | { ok: false; reason: string }> {
  const chosen = process.env.UNDRIFT_KUSTOMIZE;
  if (chosen === 'off') return { ok: false, reason: 'building is turned off (UNDRIFT_KUSTOMIZE=off)' };
  // The folder goes as a path from `./`: a folder of the repository may be named like an option
  // (`--load-restrictor=LoadRestrictionsNone` builds the root unrestricted, reading any file;
  // `--output=../x` writes beside the checkout), and the pull request names the folders.
  const target = `./${relDir}`;
  const commands: Array<[string, string[]]> = chosen
    ? [[chosen, ['build', target]]]
    : [
        ['kustomize', ['build', target]],
        ['kubectl', ['kustomize', target]],
      ];
  const timeoutMs = buildTimeoutMs();
  for (const [program, args] of commands) {
    const run = await runBounded(program, args, { cwd: repoRoot, timeoutMs, maxOutput: MAX_BUILD_OUTPUT_BYTES, env: SEALED });
    if (run.ok) return { ok: true, output: run.stdout.toString('utf8') };
    if (run.reason === 'not-found') continue;
    const why =
      run.reason === 'timeout'
        ? `took longer than ${timeoutMs / 1000} s and was stopped with everything it started (UNDRIFT_KUSTOMIZE_TIMEOUT sets the deadline in seconds)`
        : run.reason === 'too-much-output'
          ? `printed more than ${MAX_BUILD_OUTPUT_BYTES / 1024 / 1024} MiB`
          : (run.stderr.trim().split('\n')[0] ?? `exit ${run.exitCode ?? '?'}`) || `exit ${run.exitCode ?? '?'}`;
    return { ok: false, reason: `${program} ${args[0]} failed: ${why}` };
  }
  return { ok: false, reason: 'neither kustomize nor kubectl is on PATH' };
}
