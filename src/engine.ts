import { mountAt, mounted } from './parse/mount.js';
import { allSettledOrFirstError } from './settled.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './model/limits.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { compareEnvironments } from './compare/compare.js';
import { findPatterns, type DivergencePattern } from './compare/patterns.js';
import {
  fingerprintOnce,
  historyWithSecretsFingerprinted,
  knownKeysOf,
  secretKeysOf,
  plaintextCredentialsOf,
  plaintextCredentialWarning,
  withReleaseSecretsFingerprinted,
  withSecretsFingerprinted,
  contractWithSecretsFingerprinted,
  envsWithPasswordsFingerprinted,
  historyPasswordsFingerprinted,
  livePasswordsFingerprinted,
} from './compare/secret-keys.js';
import { compareLive, declaredImages, withLiveValues } from './compare/live.js';
import { compareInventory, uncomparedObjects } from './compare/inventory.js';
import { namingOf, withRepoNames } from './compare/object-names.js';
import { repoObjects, uncoveredLines, uncoveredObjects } from './sources/repo/objects.js';
import { readLive } from './sources/live/index.js';
import { clusterWithheldReason, type PullRequestJob } from './config/pull-request-job.js';
import { globMatcher } from './config/safe-match.js';
import { formatOfFile } from './parse/format.js';
import { loadConfig, underDiscovery, type Config, type EnvironmentConfig } from './config/load.js';
import type { ContractEntry } from './config/contract.js';
import { underTrust } from './config/trust.js';
import { comparedObjectOf } from './compare/removed-live.js';
import type { Matcher } from './config/safe-match.js';
import { UserError } from './errors.js';
import { keyNoteText } from './wording/text.js';
import {
  DIVERGENCE_KINDS,
  LIVE_STATUS_WORDS,
  type Divergence,
  type EnvName,
  type EnvSnapshot,
  type Explained,
  type InventoryObject,
  type HistoryEvent,
  type KeyPath,
  type LiveState,
  type Snapshot,
  type TimelineEntry,
  type Value,
  type WithLive,
  type CommitFacts,
} from './model/types.js';
import { deploysOf, eventsOfKey } from './history/live-timeline.js';
import { selectSubtree } from './parse/flatten.js';
import { PROCESS_FINGERPRINT, SecretFingerprint } from './parse/fingerprint.js';
import { fingerprintKey, undriftDir } from './git/undrift-dir.js';
import { hasCommits, readRepoFacts } from './git/repo.js';
import { readDocuments, readMessages } from './git/messages.js';
import { readConfig, withNotesOfFiles } from './sources/repo/config-file.js';
import { withHeaderNote } from './parse/notes-beside.js';
import { readInside } from './sources/boundary.js';
import { codeStamp, ReadCache } from './sources/repo/read-cache.js';
import { ReadingsCache } from './sources/repo/readings-cache.js';
import { EventsKeys, fingerprintOf, VerdictCache } from './sources/repo/verdict-cache.js';
import { addedCommit, keyListMayChange, mayChange, newKeysOf, ReadRecorder, type AddedCommit, type NewKey, type VerdictReads } from './verdict/reads.js';
import { changedDocuments, documentsMayChange, type ChangedDocument } from './verdict/document-reads.js';
import { springView } from './parse/documents.js';
import { readsAsSpring, type FileValues } from './parse/format.js';
import { buildOverlay, kustomizationIn, overlayDirectories } from './sources/repo/kustomize.js';
import { remoteClones, type RemoteClones } from './sources/repo/remote-bases.js';
import { overlayHistory } from './history/overlay.js';
import { historyKeyOf, readHistory, type RepoHistory } from './history/walk.js';
import { brokenVersionWarning } from './history/skipped.js';
import { buildLog, CONTRACT_HISTORY, explain, type CommitLog } from './verdict/verdict.js';
import { withReadings } from './verdict/intent.js';
import { contractPathsOf } from './verdict/contract-history.js';
import { SIBLINGS_AT_MOST } from './verdict/links.js';

export interface ScanOptions {
  /** Any directory inside the repository. */
  repo: string;
  /** The repository read of an earlier scan of the same repository and config (the interactive
   * view's quick first scan): its config and environment files are taken as read, not read
   * again. Reading a large values file is most of a scan without history. */
  reuse?: Pick<Scan, 'repoRoot' | 'config' | 'snapshot' | 'credentialKeys'>;
  /** undrift.yaml path relative to the repo root, when not the default. */
  config?: string;
  /** The checkout is untrusted: what reaches outside the repository comes from this ref's
   * undrift.yaml (`--trusted-config`, UNDRIFT_TRUSTED_CONFIG; config/trust.ts). */
  trustedConfig?: string;
  /** Only these environments (all when absent). */
  envs?: EnvName[];
  /** Only keys matching this glob. */
  key?: string;
  /** YYYY-MM-DD, for contract expiry; today by default. */
  today?: string;
  /** Read git history and explain each divergence (default true). */
  history?: boolean;
  /** Keep history diffs and the current files' reads under .git/undrift for the next run (default true). */
  historyCache?: boolean;
  /** Read the environments' live sources (default true). */
  live?: boolean;
  /** Read YAML and Helm values files for their values alone, 8–10× faster, without the line of
   * each value or the comments beside it (EnvSnapshot.unlocated names the files read so): the
   * interactive view's first screen, shown while the files are read in full. Only with history
   * and live state off. */
  valuesOnly?: boolean;
  /** Override the kubeconfig context of every Kubernetes live source. */
  context?: string;
  /** Run commands the repository's configuration names (exec live sources). */
  allowExec?: boolean;
  /** The pull request's CI job this run is, when it is one (config/pull-request-job.ts): without
   * trustedConfig, no Kubernetes live source the checkout's undrift.yaml names is read. */
  pullRequestJob?: PullRequestJob;
  /** Read the local clones `kustomize.remotes` names outside the repository. */
  allowRemoteClones?: boolean;
  /** What is being read, as it goes ("history 120/480 commits", "live: production"). */
  onProgress?: (message: string) => void;
  /** History's progress as counts: commits read, of the commits found so far. */
  onHistoryProgress?: (done: number, total: number) => void;
  /** Each environment's live state as soon as it is read (or found unavailable). */
  onLiveRead?: (env: EnvName, state: LiveState) => void;
  /** A Kubernetes live source's kinds listed so far ("production live: 3/6 kinds"). */
  onLiveKinds?: (env: EnvName, done: number, total: number) => void;
}

export interface Scan {
  repoRoot: string;
  config: Config;
  snapshot: Snapshot;
  /** The keys a repo file sets to a plaintext credential (by its key's name or its value's shape):
   * a scan that reuses this one's read finds its snapshot's values already fingerprinted, so it
   * takes them from here to fingerprint their history too (the view's own copy of a read has none). */
  credentialKeys?: ReadonlySet<KeyPath>;
  divergences: Divergence[];
  notes: string[];
  warnings: string[];
  /** Present when history was read. */
  history?: RepoHistory;
  /** Divergences that share a pattern, each declarable with one contract entry. */
  patterns: DivergencePattern[];
  /** The environments `--env` left out, read for their values alone (no history, no live
   * state): an edit for one environment must know who else reads the file it writes. */
  outside?: ReadonlyMap<EnvName, EnvSnapshot>;
  /** Where verdicts were kept: each divergence's key (everything it is rendered from but its
   * verdict) and whether its verdict is the kept one, read from the saving `keptFrom` names; this
   * scan's verdicts are saved as `verdicts` ('' when not saved). What an earlier run rendered of a
   * divergence of the same key with the verdicts of `keptFrom`, its verdict kept, holds. */
  rendered?: { keptFrom: string; verdicts: string; of: ReadonlyMap<Divergence, { key: string; kept: boolean }> };
}

/** How many environments' stacks read each file: a base is shared, an environment's own file is
 * read by it alone. */
export function readersOfFiles(environments: EnvironmentConfig[]): Map<string, number> {
  const readers = new Map<string, number>();
  for (const env of environments) for (const file of new Set(env.files)) readers.set(file, (readers.get(file) ?? 0) + 1);
  return readers;
}

/** An environment's values: its files read in order, base first, each later file overriding
 * the keys it sets (the value's location is the file that wins). `readers` (from
 * `readersOfFiles` over every configured environment) lets an override that looks like a
 * mistake be told from one that is the point of the stack. */
export async function readEnvironment(
  repoRoot: string,
  env: EnvironmentConfig,
  fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
  clones: RemoteClones = new Map(),
  cache?: ReadCache,
  valuesOnly = false,
  readers: ReadonlyMap<string, number> = new Map(),
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<EnvSnapshot> {
  const values = new Map<KeyPath, Value>();
  const warnings: string[] = [];
  const built: string[] = [];
  const unlocated: string[] = [];
  const objects: InventoryObject[] = [];
  const renaming = { prefixes: [] as string[], suffixes: [] as string[] };
  const profiles: Record<string, string[]> = {};
  /** The file of the stack each key's value comes from, and how many environments read a file. */
  const layerOf = new Map<KeyPath, string>();
  const sharedBy = (file: string) => readers.get(file) ?? 1;
  for (const [index, file] of env.files.entries()) {
    const read = await readLayer(repoRoot, env, file, fingerprint, limits, clones, cache, valuesOnly);
    if (read.unlocated) unlocated.push(file);
    if (read.built) {
      built.push(file);
      objects.push(...read.built.objects);
      renaming.prefixes.push(...read.built.renaming.prefixes);
      renaming.suffixes.push(...read.built.renaming.suffixes);
    }
    warnings.push(...read.warnings);
    // A subchart's defaults sit under its key, a helmfile release's values under the release.
    const spring = readsAsSpring(env, file) ? springApplied(read.values, env.name) : undefined;
    if (spring && spring.active.length > 0) profiles[file] = spring.active;
    const applied = mounted(mountAt(env, index), spring?.values ?? read.values);
    const selected = env.select ? selectSubtree(applied, env.select) : applied;
    if (env.select && selected.size === 0) warnings.push(`${file}: nothing below \`${env.select}\` (the select of ${env.name})`);
    // Overriding is what a stack is for: a more specific file (values-staging.yaml) overriding a
    // shared one (values.yaml) says nothing. The other way round, a file more environments read
    // hides what a more specific one says for this environment: the stack is likely in the wrong
    // order. One line per pair of files says how much, not one per key.
    const overridden = new Map<string, KeyPath[]>();
    // Helm merges a values file over the ones before it, and a key set to null there is taken out of
    // what the chart sees (`db: {pool: null}` removes db.pool, `db: null` all of db): absent, not "null".
    // Over nothing it is unset too (the chart reads no value): absent, as history reads it.
    const removes = formatOfFile(env, file) === 'helm';
    // Terraform does not merge variable files: a variable a later file sets replaces its whole
    // value (`tags = {team, tier}` over `tags = {team, cost_center}` leaves no tags.cost_center).
    if (formatOfFile(env, file) === 'tfvars') replaceVariables(values, layerOf, new Set([...selected.keys()].map(variableOf)));
    for (const [key, value] of selected) {
      if (removes && value.type === 'null') {
        removeBeneath(values, layerOf, key);
        continue;
      }
      // Maps merge down a stack: `alerts: {}` over a file that sets alerts.cpu adds nothing (Helm
      // keeps the chart's alerts; every stack here merges maps). (A key set beneath a map an earlier
      // file left empty leaves the empty map's leaf in place: every environment of the stack has it,
      // so it compares equal and only the keys set beneath it differ.)
      if (isEmptyMap(value) && holdsBeneath(values, key)) continue;
      const earlier = values.get(key);
      const under = layerOf.get(key);
      if (earlier && under !== undefined && earlier.text !== value.text && sharedBy(file) > sharedBy(under)) {
        const list = overridden.get(under) ?? [];
        list.push(key);
        overridden.set(under, list);
      }
      // What a removal from this file would reveal (apply refuses it; the view says so at once).
      values.set(key, earlier && under !== undefined && under !== file ? { ...value, beneath: under } : value);
      layerOf.set(key, file);
    }
    for (const [under, keys] of overridden) {
      const shown = `${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', ...' : ''}`;
      const narrow = sharedBy(under) === 1 ? `${env.name} alone` : `${sharedBy(under)} environments`;
      warnings.push(
        `${env.name}: ${file}, read by ${sharedBy(file)} environments, overrides ${keys.length} key(s) of ${under}, read by ${narrow} (${shown}): ` +
          `the more specific values never take effect — list ${file} before ${under} in ${env.name}'s stack`,
      );
    }
  }
  return {
    env: env.name,
    files: env.files,
    values,
    warnings,
    ...(built.length > 0 ? { built, objects, renaming } : {}),
    ...(unlocated.length > 0 ? { unlocated } : {}),
    ...(Object.keys(profiles).length > 0 ? { profiles } : {}),
  };
}

/** A Spring file's values as the environment sees them (its profile documents over the others),
 * each value of a profile document marked with the document's profile, one that overrides a value
 * of the same file's other documents marked as having it beneath (removing it reveals that one). */
function springApplied(values: Map<KeyPath, Value>, env: EnvName): { values: Map<KeyPath, Value>; active: string[] } {
  const { base, profile, profileOf, active } = springView(values, env);
  for (const [key, value] of profile) {
    const under = base.get(key);
    const file = 'file' in value.location ? value.location.file : undefined;
    base.set(key, { ...value, profile: profileOf.get(key)!, ...(under && file !== undefined ? { beneath: file } : {}) });
  }
  return { values: base, active };
}

const isEmptyMap = (value: Value) => value.type === 'map' && value.text === '{}';
const isBeneath = (key: KeyPath, parent: KeyPath) => key.startsWith(`${parent}.`) || key.startsWith(`${parent}[`);
/** Whether the stack read so far holds a key below `key` (asked only of an empty map, which is rare). */
const holdsBeneath = (values: Map<KeyPath, Value>, key: KeyPath) => [...values.keys()].some((k) => isBeneath(k, key));

/** A tfvars key's variable: its first segment (`tags` of `tags.team`, of `subnets[0]`). */
export const variableOf = (key: KeyPath): string => /^[^.[]*/.exec(key)![0];

/** Takes out of the values read so far every key of the variables a later tfvars file sets. */
function replaceVariables(values: Map<KeyPath, Value>, layerOf: Map<KeyPath, string>, variables: ReadonlySet<string>): void {
  for (const k of [...values.keys()]) {
    if (!variables.has(variableOf(k))) continue;
    values.delete(k);
    layerOf.delete(k);
  }
}

/** Takes `key` and every key below it out of the values an environment's stack has read so far;
 * whether there was one. */
function removeBeneath(values: Map<KeyPath, Value>, layerOf: Map<KeyPath, string>, key: KeyPath): boolean {
  let removed = false;
  for (const k of [...values.keys()]) {
    if (k !== key && !k.startsWith(`${key}.`) && !k.startsWith(`${key}[`)) continue;
    values.delete(k);
    layerOf.delete(k);
    removed = true;
  }
  return removed;
}

/** One file of an environment's stack; a Kustomize overlay is built as kustomize builds it,
 * or read as files with a one-line note when it cannot be. */
async function readLayer(
  repoRoot: string,
  env: EnvironmentConfig,
  file: string,
  fingerprint: SecretFingerprint,
  limits: Readonly<ReadLimits>,
  clones: RemoteClones,
  cache: ReadCache | undefined,
  valuesOnly: boolean,
): Promise<FileValues & { built?: { objects: InventoryObject[]; renaming: { prefixes: string[]; suffixes: string[] } } }> {
  // A Kustomize overlay is built from a full read.
  const overlay = kustomizationIn(repoRoot, file);
  const read = await readConfig(repoRoot, file, env.format, fingerprint, cache, valuesOnly && !overlay, limits);
  if (!overlay) return read;
  // The overlay's local bases, read as files too: a value the build takes from a base unchanged is
  // located at the base's line (it was the overlay's kustomization.yaml:1).
  const bases = await Promise.all(
    overlayDirectories(repoRoot, file, limits)
      .slice(1)
      .map((dir) => readConfig(repoRoot, dir, 'auto', fingerprint, cache, false, limits).catch(() => undefined)),
  );
  const inBases = new Map<KeyPath, Value>();
  for (const base of bases) for (const [key, value] of base?.values ?? []) if (!inBases.has(key)) inBases.set(key, value);
  const built = await buildOverlay(repoRoot, file, read.values, fingerprint, clones, limits, inBases);
  if (built.ok) {
    // The comments beside the overlay's and its bases' lines (a generator literal, a patch) say why, as a file's do.
    let values = withNotesOfFiles(built.read.values, (rel) => readInside(repoRoot, rel, rel, limits));
    // A file of the overlay's own (a patch, not a base's manifest) exists only for this environment:
    // the comment it opens with is the note of every value it sets.
    const own = `${file.replace(/\/+$/, '')}/`;
    for (const rel of new Set([...values.values()].map((v) => v.location.file))) {
      if (!rel.startsWith(own) || !/\.ya?ml$/i.test(rel) || /(?:^|\/)kustomization\.ya?ml$/i.test(rel)) continue;
      let text: string | undefined;
      try {
        text = readInside(repoRoot, rel, rel, limits);
      } catch {
        continue; // a file the boundary refuses: no note from it
      }
      if (text !== undefined) values = withHeaderNote(values, rel, text);
    }
    return { ...built.read, values, built: { objects: built.objects, renaming: built.renaming } };
  }
  return { values: read.values, warnings: [`${file}: not built (${built.reason}); read as files, so bases and patches are not applied`, ...read.warnings] };
}

/** Asked, once a scan has read the repository's files (and its live sources, when they are files),
 * with the key of everything that decides the scan: true when the caller holds what it wants of a
 * scan of that key (a kept output), and the scan ends there. Only where caches are kept (in
 * `undriftDir`): not with --no-cache. */
export type KeptScan = (key: string, undriftDir: string) => Promise<boolean>;

export async function scanRepository(options: ScanOptions): Promise<Scan> {
  return (await scanOrKept(options))!;
}

/** A scan, or undefined when `kept` answered that the caller holds what this scan would give. */
export async function scanOrKept(options: ScanOptions, kept?: KeptScan): Promise<Scan | undefined> {
  // Under --trusted-config an error that stops the scan is said as the pull request's author needs
  // it (config/trust.ts): the configuration, once loaded, says how.
  const run: { trust?: { note?: string } } = {};
  try {
    return await scanWithin(options, run, kept);
  } catch (e) {
    throw run.trust ? underTrust(e, run.trust) : e;
  }
}

async function scanWithin(options: ScanOptions, run: { trust?: { note?: string } }, kept?: KeptScan): Promise<Scan | undefined> {
  const { reuse } = options;
  if (options.valuesOnly && (options.history !== false || options.live !== false))
    throw new Error('a values-only read is a first screen: history and live state off');
  // A scan that reuses another's read takes its repository as it was found.
  const facts = reuse ? undefined : await readRepoFacts(options.repo);
  const repoRoot = reuse?.repoRoot ?? facts!.root;
  // Every reader of secret values gets the repository's key: fingerprints then match across
  // files, live sources, history and runs (the history cache keeps them).
  const [key, cacheDir] = await Promise.all([
    fingerprintKey(repoRoot),
    options.historyCache === false ? undefined : undriftDir(repoRoot).catch(() => undefined),
  ]);
  const readCache = cacheDir === undefined ? undefined : new ReadCache(path.join(cacheDir, 'reads'));
  const fingerprint = new SecretFingerprint(key);
  const config = reuse?.config ?? (await loadConfig(repoRoot, options.config, options.trustedConfig, options.pullRequestJob, options.repo));
  if (config.trust) run.trust = config.trust;
  else if (config.limitsNote) run.trust = { note: config.limitsNote };
  const known = config.environments.map((e) => e.name);
  for (const name of options.envs ?? []) {
    if (!known.includes(name)) throw new UserError(`unknown environment "${name}" (known: ${known.join(', ')})`);
  }
  const chosen = config.promotion.filter((name) => !options.envs || options.envs.includes(name));
  const read = (name: EnvName, valuesOnly: boolean) =>
    readEnvironment(
      repoRoot,
      config.environments.find((e) => e.name === name)!,
      fingerprint,
      remoteClones(repoRoot, config.kustomize?.remotes, options.allowRemoteClones === true),
      readCache,
      valuesOnly,
      readersOfFiles(config.environments),
      config.limits,
    );
  const envSnapshots = await allSettledOrFirstError(
    chosen.map(
      async (name) =>
        reuse?.snapshot.envs.get(name) ??
        read(name, options.valuesOnly === true).catch((error: unknown) => {
          throw underDiscovery(error, config);
        }),
    ),
  );
  // The environments --env leaves out are read for the contract's judgements alone (their values,
  // without history or live state): whether a declared difference is gone as a whole is a fact of
  // every environment the entry names. One that cannot be read is said, and judged without.
  const outsideRead = await Promise.all(
    config.promotion
      .filter((name) => options.envs && !chosen.includes(name))
      .map(async (name) =>
        read(name, true).catch(
          (error: unknown) => `${name}: not read for the contract's judgements (${error instanceof Error ? error.message : String(error)})`,
        ),
      ),
  );
  const outsideSnapshots = outsideRead.filter((read): read is EnvSnapshot => typeof read !== 'string');
  const chosenConfigs = config.environments.filter((e) => chosen.includes(e.name));
  if (options.history !== false && !(facts ? facts.head !== undefined : await hasCommits(repoRoot))) {
    throw new UserError(
      `${repoRoot} has no commits yet: history and verdicts are read from commits; commit your config first, or run \`undrift scan --no-history\``,
    );
  }
  // A key's verdict does not depend on the environments asked to see: with every environment left
  // out read, their history is read as well and the verdicts are weighed as a scan of all weighs
  // them (`-e production` reverted the live hotfix a scan of all backfills, at 0.60). Where one
  // could not be read, verdicts are weighed without it and say so.
  const whole = options.envs !== undefined && options.history !== false && outsideSnapshots.length === outsideRead.length;
  const historyConfigs = whole ? config.environments.filter((e) => config.promotion.includes(e.name)) : chosenConfigs;
  const historyEnvironments = [...historyConfigs, { name: CONTRACT_HISTORY, files: [config.contractPath], format: 'yaml' as const }];
  const readLiveState = () =>
    options.live === false
      ? undefined
      : readLive(repoRoot, chosenConfigs, {
          ...(options.context ? { context: options.context } : {}),
          ...(options.onLiveRead ? { onRead: options.onLiveRead } : {}),
          ...(options.onLiveKinds ? { onKinds: options.onLiveKinds } : {}),
          ...(options.allowExec ? { allowExec: true } : {}),
          ...(options.pullRequestJob && options.trustedConfig === undefined ? { clusterWithheld: clusterWithheldReason(options.pullRequestJob) } : {}),
          knownKeys: knownKeysOf(envSnapshots),
          fingerprint,
          limits: config.limits,
        });
  // A kept scan is looked up where all that decides it is known but history: HEAD stands for that.
  // Live state read from a cluster or a command is read beside history instead (it is slow, and
  // rarely the same twice), so those scans are never kept.
  const keyed = kept !== undefined && cacheDir !== undefined && keepable(options, config, chosenConfigs);
  const liveFirst = keyed ? await readLiveState() : undefined;
  if (keyed) {
    const key = fingerprintOf(
      'scan',
      repoRoot,
      config,
      chosen,
      config.limits,
      { key: options.key, today: options.today ?? new Date().toISOString().slice(0, 10), history: options.history !== false, live: options.live !== false },
      [...envSnapshots, ...outsideSnapshots],
      liveFirst,
      options.history === false ? undefined : await historyKeyOf(repoRoot, historyEnvironments, facts, config.limits),
      fingerprint.of(Buffer.from('undrift scan key')),
    );
    if (await kept(key, cacheDir)) return undefined;
  }
  // Live state and history are independent reads: both go at once. Every commit's message is
  // read beside the history: the verdict weighs notes and merges that changed no file it reads.
  const messagesRead = options.history === false ? Promise.resolve([]) : readMessages(repoRoot);
  // Its failure (a git stopped by its deadline) is reported where it is awaited, below; until then
  // it must not count as an unhandled rejection, which would end the process with a stack trace.
  messagesRead.catch(() => undefined);
  // The prose documents those commits wrote (post-mortems, runbooks), at HEAD: a verdict reads the
  // passages naming its key. Unreadable documents are no evidence, never an error.
  const documentsRead = messagesRead.then((messages) => readDocuments(repoRoot, messages)).catch(() => []);
  const [liveRead, historyRead] = await allSettledOrFirstError([
    keyed ? liveFirst : readLiveState(),
    options.history === false
      ? undefined
      : readHistory(repoRoot, historyEnvironments, {
          cache: options.historyCache !== false,
          // Its older versions name the files an environment read before a move.
          ...(config.discovered ? {} : { configFile: config.source }),
          fingerprint,
          limits: config.limits,
          ...(facts ? { facts } : {}),
          ...(options.onProgress || options.onHistoryProgress
            ? {
                onProgress: (done: number, total: number) => {
                  if (done % 10 !== 0 && done !== total) return;
                  options.onProgress?.(`history ${done}/${total} commits`);
                  options.onHistoryProgress?.(done, total);
                },
              }
            : {}),
        }),
  ]);
  // Plaintext repo values that meet a live Secret are secrets: fingerprinted before anything shows
  // them, in new objects (what the readers returned, and a reused scan's snapshot, stay as read).
  // Live values of a built overlay's objects are named as the overlay names them (prefix, suffix
  // and generator hash taken off), so they meet the repo's keys.
  const named = liveRead && new Map([...liveRead].map(([env, state]) => [env, withRepoNames(state, namingOf(envSnapshots.find((s) => s.env === env)))]));
  // A reused read's values are fingerprinted already: its own credential keys are not found again in them.
  const plaintext = plaintextCredentialsOf(envSnapshots);
  const credentialKeys = new Set([...plaintext.keys, ...(reuse?.credentialKeys ?? [])]);
  const secretKeys = new Set([...secretKeysOf(named), ...credentialKeys]);
  // Entries that list a secret key's values as written meet them as the fingerprints they are compared as.
  const contract = contractWithSecretsFingerprinted(config.contract, secretKeys, fingerprint);
  const compared: Config = contract === config.contract ? config : { ...config, contract };
  const live = livePasswordsFingerprinted(withReleaseSecretsFingerprinted(named, secretKeys, fingerprint), fingerprint);
  // A built overlay's values come through bases and patches: its history is read as built.
  const historyEnvs = new Map(historyRead?.envs);
  for (const env of historyRead ? [...envSnapshots, ...(whole ? outsideSnapshots : [])] : []) {
    if (!env.built) continue;
    const builtHistory = (overlay: string) =>
      overlayHistory(
        repoRoot,
        overlay,
        fingerprint,
        remoteClones(repoRoot, config.kustomize?.remotes, options.allowRemoteClones === true),
        config.limits,
        options.historyCache !== false,
      );
    if (env.files.length === 1) {
      historyEnvs.set(env.env, await builtHistory(env.files[0]!));
      continue;
    }
    // An overlay in a stack of other files (values, .env files and overlays combined): the keys
    // it builds take their history from the built overlay too, not from its directory's files
    // (which would say the value was never committed).
    const merged = new Map(historyEnvs.get(env.env));
    for (const overlay of env.built) {
      // Its keys are located in the overlay's folder or in one of its local bases'.
      const dirs = overlayDirectories(repoRoot, overlay, config.limits);
      const inside = (file: string) => dirs.some((dir) => file === dir || file.startsWith(`${dir.replace(/\/+$/, '')}/`));
      for (const [key, events] of await builtHistory(overlay)) {
        const now = env.values.get(key);
        if (now ? 'file' in now.location && inside(now.location.file) : !merged.get(key)?.length) merged.set(key, events);
      }
    }
    historyEnvs.set(env.env, merged);
  }
  const history = historyRead && {
    ...historyRead,
    envs: historyPasswordsFingerprinted(historyWithSecretsFingerprinted(historyEnvs, secretKeys, fingerprint), fingerprint),
  };
  const snapshot: Snapshot = {
    repo: repoRoot,
    environments: chosen,
    promotion: config.promotion,
    envs: envsWithPasswordsFingerprinted(withSecretsFingerprinted(new Map(envSnapshots.map((s) => [s.env, s])), secretKeys, fingerprint), fingerprint),
    // Objects the files define: all of them against live state; without it, what they grant (compared
    // across environments).
    ...(live && live.size > 0
      ? { live, repoObjects: new Map(envSnapshots.map((s) => [s.env, repoObjects(repoRoot, s.files, config.limits, s)])) }
      : { repoObjects: new Map(envSnapshots.map((s) => [s.env, repoObjects(repoRoot, s.files, config.limits, s, true)])) }),
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const outside = envsWithPasswordsFingerprinted(
    withSecretsFingerprinted(new Map(outsideSnapshots.map((s) => [s.env, s])), secretKeys, fingerprint),
    fingerprint,
  );
  const outsideValues = new Map([...outside].map(([env, s]) => [env, s.values]));
  const { divergences: repoDivergences, keyNotes, notes } = compareEnvironments(snapshot, contract, today, outsideValues);
  const divergences = sortDivergences([
    ...withLiveValues(repoDivergences, snapshot),
    ...compareLive(snapshot, contract, today, fingerprint),
    ...compareInventory(snapshot, contract, today),
  ]);
  const keyFilter = options.key ? globMatcher(options.key) : undefined;
  const filtered = keyFilter ? divergences.filter((d) => keyFilter.test(d.key)) : divergences;
  const withLive = live ? withDeploys(filtered, live, secretKeys, fingerprint) : filtered;
  const warnings = [...envSnapshots.flatMap((s) => s.warnings), ...outsideRead.filter((read) => typeof read === 'string')];
  const plaintextWarning = plaintextCredentialWarning(plaintext.places);
  if (plaintextWarning) warnings.push(plaintextWarning);
  // With one environment there is nothing to compare its files with: "no divergences" would say
  // the environments agree.
  if (config.environments.length === 1)
    warnings.push(
      `${config.source} names one environment (${config.environments[0]!.name}): environments are compared with each other, ` +
        'so only its live state can differ from its files; name another under `environments:`',
    );
  else if (snapshot.environments.length === 1) {
    // The same with one chosen by --env: a CI gate run so would pass whatever the others hold.
    const names = config.environments.map((e) => e.name);
    const one = snapshot.environments[0]!;
    const i = names.indexOf(one);
    const pair = i > 0 ? [names[i - 1]!, one] : [one, names[i + 1]!];
    warnings.push(
      `--env ${one} names one environment: environments are compared with each other, so only its live state can differ from its files; ` +
        `name two or more (--env ${pair.join(',')})`,
    );
  }
  // A --key glob that matches nothing at all is most likely mistyped: "no divergences" would read
  // as the environments agreeing, and a CI gate on a misspelt key would pass for ever (a warning
  // above a green exit was missed in a newcomer's trial, session 32): a usage error.
  if (keyFilter && filtered.length === 0) {
    const keys = [
      ...[...snapshot.envs.values()].flatMap((e) => [...e.values.keys()]),
      ...[...(snapshot.live?.values() ?? [])].flatMap((l) => [...l.values.keys()]),
      ...config.contract.entries.map((e) => e.pattern),
    ];
    if (!keys.some((k) => keyFilter.test(k)))
      throw new UserError(`--key ${options.key} matches no key of ${snapshot.environments.join(', ')} (files, live state or contract): is it mistyped?`);
  }
  // `--context` names a kubeconfig context for Kubernetes live sources: where none is read, nothing
  // took it (a snapshot, a command), and a mistyped or meant-for-another-repo flag would pass unseen.
  if (options.context !== undefined && options.live !== false && !chosenConfigs.some((e) => e.live?.kubernetes))
    warnings.push(
      `--context ${options.context}: no environment read here takes live state from Kubernetes ` +
        `(${chosenConfigs.some((e) => e.live) ? 'their live sources are snapshots or commands' : 'none has a live source'}), so it was not used`,
    );
  // A discovered layout says what it left out and what else it found: the user can choose.
  if (config.orderNote) warnings.push(config.orderNote);
  for (const note of config.discovery?.notes ?? []) warnings.push(`discovery: ${note}`);
  for (const other of config.discovery?.alternatives ?? [])
    warnings.push(`discovery: also found ${other.layout}; \`undrift init\` writes undrift.yaml to choose`);
  // Objects whose kind another environment's source did not list are said, not passed over.
  warnings.push(...uncomparedObjects(snapshot, contract, today));
  // What of each environment's repo names no objects: one line per reason, naming its environments.
  warnings.push(
    ...uncoveredLines(
      [...(live?.values() ?? [])]
        .filter((state) => state.status !== 'unavailable' && state.objects)
        .map((state) => [
          state.env,
          uncoveredObjects(
            repoRoot,
            config.environments.find((e) => e.name === state.env)!,
            snapshot.envs.get(state.env)!,
          ),
        ]),
    ),
  );
  for (const state of live?.values() ?? []) {
    if (state.status !== 'ok') warnings.push(`live state of ${state.env} ${LIVE_STATUS_WORDS[state.status]} (${state.source}): ${state.reason}`);
    warnings.push(...state.warnings.map((w) => `${state.env} live: ${w}`));
    if (state.status !== 'unavailable') {
      // A declared image is compared with the image that runs (an artifact), not with a live value.
      const manifestKeys = new Set([...[...state.values.values()].flatMap((v) => [v.manifestKey, v.shortKey]), ...state.artifacts.map((a) => a.key)]);
      const repoValues = [...snapshot.envs.get(state.env)!.values];
      // A chart's image.tag (with its image.repository) meets the image its one workload runs.
      const images = declaredImages(snapshot.envs.get(state.env)!.values, state).map((p) => p.key);
      if (images.includes('image.tag')) images.push('image.repository');
      // A manifest's field the object read live lacks is a row (removed live), not unpaired.
      const meets = (key: KeyPath) => state.values.has(key) || manifestKeys.has(key) || images.includes(key) || comparedObjectOf(state, key) !== undefined;
      // In a stack of several kinds of file (Helm values, .env files, a Kustomize overlay), a file
      // none of whose keys meets a live key is not read by name (a chart's values, read by its
      // templates): its keys are not listed one by one when other files' keys do meet theirs.
      const fileOf = (value: Value) => ('file' in value.location ? value.location.file : '');
      const speaking = new Set(repoValues.filter(([key]) => meets(key)).map(([, value]) => fileOf(value)));
      const unmatched = repoValues.filter(([key, value]) => !meets(key) && (speaking.size === 0 || speaking.has(fileOf(value)))).map(([key]) => key);
      if (unmatched.length > 0 && state.values.size > 0) {
        warnings.push(
          `${state.env}: ${unmatched.length} repo key(s) have no live counterpart in ${state.source} ` +
            `(${unmatched.slice(0, 5).join(', ')}${unmatched.length > 5 ? ', ...' : ''}); \`map:\` or \`prefix:\` in ` +
            `undrift.yaml can pair them`,
        );
      }
    }
  }
  let explained: Explained[] | undefined;
  let renderedAs: Scan['rendered'];
  if (history) {
    for (const broken of history.broken) warnings.push(brokenVersionWarning(broken));
    if (history.truncatedAt)
      warnings.push(
        `shallow clone: history truncated at ${history.truncatedAt}, so verdicts weigh less of it; ` +
          '`git fetch --unshallow` reads it all (in CI: a checkout with full history, e.g. `fetch-depth: 0`)',
      );
    const [messages, documents] = [await messagesRead, await documentsRead];
    const log = buildLog(history.envs, messages, documents);
    // Kept verdicts: their scope is everything a verdict reads beyond its own divergence, its key's
    // history, what it looks up in the log (kept with each verdict, and checked against the
    // commits added since) and what it reads of the contract (its key's entries, notes and
    // history: `contractPart`, in each verdict's key, so that a contract edit weighs again only
    // the verdicts of the keys it touched).
    const scope =
      cacheDir !== undefined && historyRead?.key !== undefined
        ? fingerprintOf(
            withoutOrder([...historyEnvs].filter(([env]) => !historyRead.envs.has(env))),
            history.truncatedAt ?? null,
            [...secretKeys].sort(),
            fingerprint.of(Buffer.from('undrift verdict cache')),
            today,
            { ...config, contract: { ...config.contract, entries: [], notes: [] } },
            chosen,
          )
        : undefined;
    const verdicts =
      scope !== undefined
        ? await VerdictCache.open<VerdictReads>(
            cacheDir!,
            scope,
            messages.map((m) => fingerprintOf(m)),
            documents,
          )
        : undefined;
    // The events' part of each verdict's key, kept per key: after new commits on the history the
    // parts were made from, only the keys they changed have other events. Not where a built
    // overlay's history is read again beside it (its keys are not in what the extension changed).
    const extension = historyRead?.extendedFrom && !envSnapshots.some((env) => env.built) ? historyRead.extendedFrom : undefined;
    const historyKey = historyRead?.key;
    const eventsKeys = scope !== undefined && historyKey !== undefined ? await EventsKeys.open(cacheDir!, scope, historyKey, extension?.key) : undefined;
    // A divergence explained from exactly what it was explained from before, with the kept verdict,
    // is rendered as it was (cli/scan.ts splices its JSON from the kept output): not where a
    // partial scan weighs verdicts as a scan of all does (what it shows is not what was keyed).
    const rendered = verdicts && !whole ? new Map<Divergence, { key: string; kept: boolean }>() : undefined;
    const kept = verdicts && {
      cache: verdicts,
      commitDigests: new Map<string, string>(),
      ...(eventsKeys ? { eventsKeys: { kept: eventsKeys, changed: extension?.changed } } : {}),
      ...(rendered ? { rendered } : {}),
      recorder: new ReadRecorder(log),
      // The documents at HEAD left the verdicts' scope: a kept verdict is weighed again only where
      // a document added, rewritten or gone since can concern it (verdict/document-reads.ts).
      documents: verdicts.documentsChanged ? changedDocuments(verdicts.keptDocuments, documents) : [],
      environments: config.environments.map((e) => e.name),
      contract: new ContractParts(contract, history.envs.get(CONTRACT_HISTORY), log),
      newKeys: newKeysOf(
        verdicts.added.map((i) => messages[i]!.sha),
        log,
      ),
      added: verdicts.added.map((i) =>
        addedCommit(
          messages[i]!,
          log.commits.get(messages[i]!.sha)?.changes ?? [],
          config.environments.map((e) => e.name),
        ),
      ),
    };
    const extra = { today, log, layers: layersOf(repoRoot, [...envSnapshots, ...outside.values()], config.limits), ...(kept ? { kept } : {}) };
    // The verdicts' readings of texts kept by earlier runs of this code (readings-cache.ts): not
    // with --no-cache, which reads everything afresh.
    const readings = cacheDir !== undefined ? await ReadingsCache.open(cacheDir) : undefined;
    explained = withReadings(readings, (): Explained[] => {
      if (whole) {
        const everyEnv = config.promotion.filter((env) => snapshot.envs.has(env) || outside.has(env));
        const wide = withLiveValues(
          compareEnvironments({ ...snapshot, environments: everyEnv, envs: new Map([...snapshot.envs, ...outside]) }, contract, today).divergences,
          snapshot,
        );
        return withLive.map((d) => {
          // A comparison's verdict is the one a scan of all gives its key (its divergence there,
          // with every environment's values); an object's or a grant's keeps the partial view's.
          const asWhole = REPO_COMPARED.has(d.kind) ? wide.find((w) => w.key === d.key && w.kind === d.kind) : PARTIAL_ONLY.has(d.kind) ? undefined : d;
          if (!asWhole) return explainDivergence(d, history, compared, chosen, extra);
          const weighed = explainDivergence(asWhole, history, compared, everyEnv, extra);
          return { ...d, history: Object.fromEntries(chosen.map((env) => [env, weighed.history[env] ?? []])), verdict: weighed.verdict };
        });
      }
      return withLive.map((d) => explainDivergence(d, history, compared, chosen, extra));
    });
    await Promise.all([verdicts?.save(), eventsKeys?.save(), readings?.save()]);
    if (rendered && verdicts) renderedAs = { keptFrom: verdicts.keptFrom, verdicts: verdicts.id, of: rendered };
  }
  const selected: Divergence[] = explained ?? [...withLive];
  return {
    repoRoot,
    config,
    snapshot,
    credentialKeys,
    divergences: selected,
    notes: keyFilter ? keyNotes.filter((n) => keyFilter.test(n.key)).map(keyNoteText) : notes,
    warnings,
    patterns: findPatterns(
      selected,
      chosen,
      envSnapshots.flatMap((s) => [...s.values.keys()]),
      objectsDefined(snapshot, selected, () => new Map(envSnapshots.map((s) => [s.env, repoObjects(repoRoot, s.files, config.limits, s)]))),
    ),
    ...(history ? { history } : {}),
    ...(outside.size > 0 ? { outside } : {}),
    ...(renderedAs ? { rendered: renderedAs } : {}),
  };
}

/** Per environment, the files that make it up as the verdict weighs them (context.ts `layers`):
 * the stack as configured, base first; a Kustomize overlay read as built stands for its
 * directories, its bases before it (the order `overlayDirectories` reads them, reversed). */
function layersOf(repoRoot: string, snapshots: readonly EnvSnapshot[], limits: Readonly<ReadLimits>): Record<EnvName, string[]> {
  return Object.fromEntries(
    snapshots.map((s) => [s.env, s.files.flatMap((file) => (s.built?.includes(file) ? [...overlayDirectories(repoRoot, file, limits)].reverse() : [file]))]),
  );
}

/** The objects each environment's files define, for grouping an object some environments lack
 * into one row: read with live state already; without it (only what grants was read), read here,
 * and only when a key of a manifest is missing somewhere. */
function objectsDefined(
  snapshot: Snapshot,
  divergences: readonly Divergence[],
  readAll: () => Map<EnvName, InventoryObject[]>,
): ReadonlyMap<EnvName, readonly InventoryObject[]> | undefined {
  if (snapshot.live && snapshot.live.size > 0) return snapshot.repoObjects;
  return divergences.some((d) => d.kind === 'missing' && /^[A-Z][A-Za-z0-9]*\//.test(d.key)) ? readAll() : undefined;
}

/** A scan can be kept when all it reads is the repository (HEAD, files) and live state from files:
 * not with live sources that are clusters or commands, nor with Kustomize remote bases read from
 * clones outside the repository (they change without the repository changing). */
function keepable(options: ScanOptions, config: Config, environments: EnvironmentConfig[]): boolean {
  if (options.valuesOnly) return false;
  if (options.allowRemoteClones && Object.keys(config.kustomize?.remotes ?? {}).length > 0) return false;
  return options.live === false || environments.every((env) => !env.live || (env.live.snapshot !== undefined && !env.live.exec && !env.live.kubernetes));
}

const KIND_ORDER: readonly string[] = DIVERGENCE_KINDS;

// Whole objects and what they grant are listed after the values, as a group of their own.
const OBJECT_KINDS = new Set(['permission', 'live-object', 'missing-live', 'object-cross-env']);

/** Drift before information; values before objects and permissions; by key; a key's repo-side
 * divergence before its live ones. A sorted copy: the divergences given keep their order. */
export function sortDivergences<D extends Pick<Divergence, 'severity' | 'key' | 'kind' | 'envs'>>(divergences: readonly D[]): D[] {
  const group = (d: D) => (OBJECT_KINDS.has(d.kind) ? 1 : 0);
  return [...divergences].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'drift' ? -1 : 1) ||
      group(a) - group(b) ||
      a.key.localeCompare(b.key) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.envs[0] ?? '').localeCompare(b.envs[0] ?? ''),
  );
}

/** The divergences with their deploys as the clusters recorded them (workload revisions, Helm
 * releases) and the Events the clusters kept about what runs each key; a secret key's values only
 * as fingerprints. */
function withDeploys(
  divergences: readonly WithLive[],
  live: Map<EnvName, LiveState>,
  secretKeys: ReadonlySet<KeyPath>,
  fingerprint: SecretFingerprint,
): WithLive[] {
  return divergences.map((d) => {
    const deploys: Record<EnvName, TimelineEntry[]> = {};
    const clusterEvents: Record<EnvName, TimelineEntry[]> = {};
    for (const [env, state] of live) {
      if (!d.values[env] && !d.envs.includes(env)) continue;
      const secret = secretKeys.has(d.key) || d.values[env]?.type === 'secret';
      const entries = deploysOf(d.key, state).map((e) =>
        secret ? { ...e, to: fingerprintOnce(e.to ?? null, fingerprint), ...(e.from !== undefined ? { from: fingerprintOnce(e.from, fingerprint) } : {}) } : e,
      );
      if (entries.length > 0) deploys[env] = entries;
      const events = eventsOfKey(d.key, state);
      if (events.length > 0) clusterEvents[env] = events;
    }
    return {
      ...d,
      ...(Object.keys(deploys).length > 0 ? { deploys } : {}),
      ...(Object.keys(clusterEvents).length > 0 ? { clusterEvents } : {}),
    };
  });
}

/** The divergence with the key's events per environment, and the verdict they support. */
/** The kinds a comparison of the environments' files makes (one divergence per key and kind). */
const REPO_COMPARED: ReadonlySet<string> = new Set(['cross-env', 'missing', 'stale-declaration', 'contract-violation']);
/** Kinds compared between the environments' objects or grants: weighed from the environments read. */
const PARTIAL_ONLY: ReadonlySet<string> = new Set(['object-cross-env', 'permission']);

export function explainDivergence(
  d: WithLive,
  history: RepoHistory,
  config: Config,
  environments: EnvName[],
  extra: { today?: string; log?: CommitLog; kept?: KeptVerdicts; layers?: Record<EnvName, string[]> } = {},
): Explained {
  const events: Record<EnvName, HistoryEvent[]> = Object.fromEntries(environments.map((env) => [env, history.envs.get(env)?.get(d.key) ?? []]));
  const unread = config.environments.map((e) => e.name).filter((env) => !environments.includes(env));
  const weigh = (log: CommitLog) =>
    explain(d, events, {
      promotion: config.promotion,
      environments: config.environments.map((e) => e.name),
      contract: config.contract,
      log,
      contractHistory: history.envs.get(CONTRACT_HISTORY) ?? new Map(),
      ...(extra.today ? { today: extra.today } : {}),
      ...(history.truncatedAt ? { truncatedAt: history.truncatedAt } : {}),
      ...(unread.length > 0 ? { unread } : {}),
      ...(extra.layers ? { layers: extra.layers } : {}),
    });
  const log = extra.log ?? buildLog(history.envs);
  const kept = extra.kept;
  if (!kept) return { ...d, history: events, verdict: weigh(log) };
  const key = divergenceKey(d, environments, eventsPart(d.key, environments, events, kept), kept.contract.part(d, events));
  const { verdict, kept: wasKept } = kept.cache.lookUp(
    key,
    () => kept.recorder.during(() => weigh(kept.recorder.log)),
    (reads) => {
      const flat = Object.values(events).flat();
      return (
        !mayChange(kept.added, d, flat, reads, log) &&
        !keyListMayChange(kept.newKeys, reads, log) &&
        !documentsMayChange(kept.documents, d, flat, reads, log, kept.environments)
      );
    },
  );
  const explained = { ...d, history: events, verdict };
  kept.rendered?.set(explained, { key, kept: wasKept });
  return explained;
}

/** Kept verdicts, the log view that records what each verdict reads, and the commits the kept
 * ones were not weighed with. */
interface KeptVerdicts {
  cache: VerdictCache<VerdictReads>;
  recorder: ReadRecorder;
  added: AddedCommit[];
  /** The keys those commits brought into the log (its key list, read by every verdict unrecorded). */
  newKeys: NewKey[];
  /** The documents added, rewritten or gone since the kept verdicts were weighed (each version). */
  documents: ChangedDocument[];
  /** Every configured environment. */
  environments: EnvName[];
  /** Per commit, the digest of its facts in the verdicts' keys (made once per scan). */
  commitDigests: Map<string, string>;
  /** The events' parts of the keys kept by the scan before, and the keys whose events changed since
   * (undefined: every key's may have). */
  eventsKeys?: { kept: EventsKeys; changed: ReadonlyMap<EnvName, ReadonlySet<KeyPath>> | undefined };
  /** Where given, each explained divergence's key (its inputs) and whether its verdict is the kept one. */
  rendered?: Map<Divergence, { key: string; kept: boolean }>;
  /** What each verdict reads of the contract, for its key. */
  contract: ContractParts;
}

/** A divergence's key among the kept verdicts: the divergence as JSON (plain data throughout —
 * records and lists, no Map, Set or pattern —, so without `fingerprintOf`'s replacer, which was
 * most of the cost for thousands of divergences), the environments weighed and its events' key. */
function divergenceKey(d: WithLive, environments: readonly EnvName[], events: string, contract: string): string {
  return createHash('sha1')
    .update(`${codeStamp()}\0${JSON.stringify(environments)}\0`)
    .update(JSON.stringify(d))
    .update('\0')
    .update(events)
    .update('\0')
    .update(contract)
    .digest('hex');
}

/** The contract's part of a divergence's key among the kept verdicts: what the rules read of the
 * contract for it — every entry that may apply to its key (exact, glob, or the one the divergence
 * names; which one applies depends on the day and the file's order, so all of them, in that order,
 * with their lines and notes) and to the keys the commits of its events changed beside it (a
 * sibling change the contract forbids, verdict/links.ts), the file's comments naming the key, and
 * the contract file's history of its entry's fields (places in the commit order left out, as in
 * the events' part). '' for the many keys the contract does not speak of. A contract edit then
 * weighs again the verdicts of the keys whose entries it changed, not every verdict. */
class ContractParts {
  private readonly entries: ContractEntry[];
  /** Per commit, the indexes of the entries that may apply to a key it changed. */
  private readonly byCommit = new Map<string, number[]>();
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly contract: Config['contract'],
    private readonly history: ReadonlyMap<KeyPath, HistoryEvent[]> | undefined,
    log: CommitLog,
  ) {
    this.entries = contract.entries;
    if (this.entries.length === 0) return;
    const ofKey = new Map<KeyPath, number[]>();
    for (const [sha, commit] of log.commits) {
      const found = new Set<number>();
      // Per environment, as links.ts counts siblings: where every key has more than
      // SIBLINGS_AT_MOST others beside it, the commit is a refactor and its changes no siblings.
      const byEnv = new Map<EnvName, Map<KeyPath, number>>();
      for (const change of commit.changes) {
        const keys = byEnv.get(change.env) ?? new Map<KeyPath, number>();
        byEnv.set(change.env, keys.set(change.key, (keys.get(change.key) ?? 0) + 1));
      }
      for (const keys of byEnv.values()) {
        const size = [...keys.values()].reduce((a, b) => a + b, 0);
        if (size - Math.max(...keys.values()) > SIBLINGS_AT_MOST) continue;
        for (const key of keys.keys()) {
          let indexes = ofKey.get(key);
          if (!indexes) ofKey.set(key, (indexes = this.applying(key)));
          for (const i of indexes) found.add(i);
        }
      }
      if (found.size > 0) this.byCommit.set(sha, [...found]);
    }
  }

  /** The entries that may apply to `key`, by index. */
  private applying(key: KeyPath, named?: string): number[] {
    const out: number[] = [];
    this.entries.forEach((e, i) => {
      if (e.pattern === key || e.pattern === named || (e.glob !== undefined && e.glob.test(key))) out.push(i);
    });
    return out;
  }

  part(d: WithLive, events: Record<EnvName, HistoryEvent[]>): string {
    const indexes = new Set<number>(this.entries.length > 0 ? this.applying(d.key, d.contract?.key) : []);
    if (this.byCommit.size > 0)
      for (const list of Object.values(events)) for (const e of list) for (const i of this.byCommit.get(e.commit) ?? []) indexes.add(i);
    const notes = (this.contract.notes ?? []).filter((n) => n.text.includes(d.key));
    const fields = contractPathsOf(d.key, this.history);
    if (indexes.size === 0 && notes.length === 0 && fields.length === 0) return '';
    const entries = [...indexes]
      .sort((a, b) => a - b)
      .map((i) => {
        let text = this.texts.get(i);
        if (text === undefined) this.texts.set(i, (text = asKeyText(this.entries[i])));
        return text;
      });
    return asKeyText([entries, notes, fields]);
  }
}

/** JSON of a part of a kept verdict's key: Maps as lists, a compiled pattern as its text (as written),
 * events' places in the commit order left out. */
function asKeyText(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'order'
      ? undefined
      : v instanceof Map
        ? [...(v as Map<unknown, unknown>)]
        : typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { test?: unknown }).test === 'function'
          ? (v as Matcher).toString()
          : v,
  );
}

/** The events' part of a divergence's key among the kept verdicts: the digest of `eventsKey`, kept
 * per key and environments (`EventsKeys`) and taken from the scan before where no environment's
 * events of the key changed since. */
function eventsPart(key: KeyPath, environments: readonly EnvName[], events: Record<EnvName, HistoryEvent[]>, kept: KeptVerdicts): string {
  const id = `${environments.join('\0')}\0\0${key}`;
  const parts = kept.eventsKeys;
  const changed = parts?.changed;
  let part = changed && !environments.some((env) => changed.get(env)?.has(key)) ? parts.kept.get(id) : undefined;
  part ??= createHash('sha1').update(eventsKey(events, kept.commitDigests)).digest('base64');
  parts?.kept.set(id, part);
  return part;
}

/** `value` with the events' places in the commit order left out: a new commit moves every place
 * by one, and only how events are ordered among themselves is read. As JSON (Maps as lists). */
function withoutOrder(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'order' ? undefined : v instanceof Map ? [...(v as Map<unknown, unknown>)] : v instanceof Set ? [...(v as Set<unknown>)] : v,
  );
}

/** One key's events per environment as its kept verdict's key, as JSON made without a replacer
 * (it runs for every divergence): each event's own fields, its places in the commit order left
 * out, and its commit's facts (author, dates, message) as a digest made once per commit in
 * `digests` — a commit's message comes with every key it changed, and written into every event
 * it was most of the key's cost. */
function eventsKey(events: Record<EnvName, HistoryEvent[]>, digests: Map<string, string>): string {
  const out: Record<EnvName, Array<[string, Omit<HistoryEvent, 'order' | keyof CommitFacts>]>> = {};
  for (const [env, list] of Object.entries(events))
    out[env] = list.map(({ order: _order, author, email, date, committed, subject, body, ...own }) => {
      let digest = digests.get(own.commit);
      if (digest === undefined)
        digests.set(
          own.commit,
          (digest = createHash('sha1')
            .update(JSON.stringify([own.commit, author, email, date, committed, subject, body]))
            .digest('base64')),
        );
      return [digest, own];
    });
  return JSON.stringify(out);
}
