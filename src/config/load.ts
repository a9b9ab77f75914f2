import path from 'node:path';
import { realpathSync } from 'node:fs';
import { LimitError, UserError } from '../errors.js';
import { parseYaml } from '../parse/yaml.js';
import type { EnvName } from '../model/types.js';
import { listRepoFiles } from '../git/repo.js';
import { detectFormat, type Format } from '../parse/format.js';
import { KUSTOMIZATION_FILES } from '../parse/kustomize-names.js';
import { parseProperties } from '../parse/properties.js';
import { loadContract, type Contract } from './contract.js';
import { conventionalPromotion, describeLayout, unplacedNote, discoverLayouts, whyChosen, type Layout } from './discover.js';
import { helmfileStacks } from './helmfile.js';
import type { Mount } from '../parse/mount.js';
import { keySegment } from '../parse/keypath.js';
import { springProfileEnvironments } from './spring-profiles.js';
import type { ForgeConfig } from '../model/config.js';
import { configFileLimits, DEFAULT_READ_LIMITS, readLimitsOf, type LimitOrigin, type ReadLimits } from '../model/limits.js';
import { configSchema, type LiveSourceConfig } from './schema.js';
import { forgeNotTaken, limitsNotTaken, trustedConfigFix, type PullRequestJob } from './pull-request-job.js';
import { ignoredNote, underTrust, withinDefaultLimits, withTrustedOutward, type ConfigData, type TrustedRun } from './trust.js';
import { committedBytes, resolveCommit } from '../git/write.js';
import { readInside, statInside } from '../sources/boundary.js';
import { locate, readYamlFile, settingAt, validate, yamlFileFromText, type YamlFile } from './yaml-file.js';

export const CONFIG_FILE = 'undrift.yaml';
export const DEFAULT_CONTRACT = 'config/expected-env-diff.yaml';

export interface EnvironmentConfig {
  name: EnvName;
  files: string[];
  /** Where each file's keys sit (index by index with `files`), for the files not read at the top:
   * a Helm subchart's defaults under its key, a helmfile release's values under the release. */
  mounts?: Array<Mount | null>;
  format: Format;
  select?: string;
  /** Where the environment's live state is read from. */
  live?: LiveSourceConfig;
}

/** One layout discovery found, as it is offered to the user to choose from. */
export interface LayoutOffer {
  /** The layout as discovery names it: `values-<env>.yaml (staging, prod)`. */
  layout: string;
  confidence: number;
  /** Each environment's stack of files, base first. */
  environments: Record<EnvName, string[]>;
  /** What the user should know before choosing it (a combination's order, and where its files
   * set the same key). */
  notes?: string[];
  /** A combination of the layouts found: how many it combines. */
  combines?: number;
  /** The format its files are read in, where their names do not say it (a helmfile's values). */
  format?: 'helm';
  /** Per environment, where each file's keys sit (index by index; null: at the top). */
  mounts?: Record<EnvName, Array<Mount | null>>;
}

export interface Config {
  environments: EnvironmentConfig[];
  /** Upstream first. Every environment appears once. */
  promotion: EnvName[];
  contractPath: string;
  contract: Contract;
  /** `undrift.yaml`, or the layout that was discovered in its absence. */
  source: string;
  /** Where pull requests go (`forge:` in undrift.yaml). */
  forge?: ForgeConfig;
  /** Local clones of the repositories Kustomize remote bases name (URL → path). */
  kustomize?: { remotes?: Record<string, string> };
  /** The bounds every file this run reads is read within (undrift.yaml's `limits:` over the
   * defaults): the scan hands them to each reader. */
  limits: Readonly<ReadLimits>;
  discovered: boolean;
  /** Under --trusted-config: what the run's errors say of it (config/trust.ts, underTrust). */
  trust?: TrustedRun;
  /** In a pull request's CI job without --trusted-config, the checkout's raised `limits` were not
   * taken: why (an error that stops the run comes with it, as a scan's warnings do). */
  limitsNote?: string;
  /** In a pull request's CI job without --trusted-config, the checkout's `forge` was not taken:
   * why (apply says it before it pushes; a scan's warnings carry it too). */
  forgeNote?: string;
  /** Environments the promotion order was not stated for and the usual names could not place:
   * where they were put and how to state the order (a warning of every scan). */
  orderNote?: string;
  /** When discovered: how sure, what was left out and why, and the other layouts found. */
  discovery?: {
    confidence: number;
    notes: string[];
    /** `notes`: what a combination of layouts does where its files set the same key. */
    alternatives: LayoutOffer[];
    /** With alternatives: why this layout was taken over the next one. */
    chosenBecause?: string;
  };
}

/** `trustedConfig`: the checkout is untrusted (a pull request's, in CI); what reaches outside the
 * repository is read from this ref's undrift.yaml instead (config/trust.ts). */
export async function loadConfig(
  repoRoot: string,
  configPath?: string,
  trustedConfig?: string,
  pullRequest?: PullRequestJob,
  /** The directory undrift was run from, inside the repository (see `discoverConfig`). */
  from?: string,
): Promise<Config> {
  const shown = configPath ?? CONFIG_FILE;
  const trusted = trustedConfig === undefined ? undefined : await readTrusted(repoRoot, shown, trustedConfig);
  // undrift.yaml itself is read within the default limits, every other file (and every historic
  // version) within its `limits:`.
  const file = await readYamlFile(repoRoot, shown, configFileLimits(shown), configPath ? '--config' : CONFIG_FILE);
  if (!file) {
    if (configPath) throw new UserError(`${configPath}: no such file`);
    return discoverConfig(repoRoot, from);
  }
  const checkout = validate(file, configSchema);
  checkPaths(repoRoot, file, checkout);
  let data = checkout;
  let trust: TrustedRun | undefined;
  // Each limit's origin is decided here, with its value: an error that passes it says the fix.
  let limitFrom = (_name: unknown, set: boolean): LimitOrigin => ({ kind: set ? 'config' : 'default', config: shown });
  if (trusted) {
    const taken = withTrustedOutward(checkout, trusted.data, trusted.ref, shown);
    data = taken.data;
    limitFrom = (name) => taken.limitFrom[name as keyof typeof taken.limitFrom];
    const note = taken.ignored.length > 0 ? ignoredNote(taken.ignored, trusted.ref, shown) : undefined;
    trust = { ref: trusted.ref, ...(note ? { note } : {}) };
    const file = trusted.file;
    if (file) await sayingTrust(trust, () => checkTrustedLive(repoRoot, file, trusted.ref, data));
  } else checkLivePaths(repoRoot, file, data);
  // In a pull request's CI job without a trusted configuration, `limits` is the pull request's: the
  // defaults bound what it may make the CI machine read, and only a lower limit is taken.
  let limitsNote: string | undefined;
  if (!trusted && pullRequest) {
    const taken = withinDefaultLimits(data, shown, trustedConfigFix(pullRequest));
    data = taken.data;
    limitFrom = (name) => taken.limitFrom[name as keyof typeof taken.limitFrom];
    if (taken.ignored.length > 0) limitsNote = limitsNotTaken(shown, taken.ignored, pullRequest);
  }
  // In a pull request's CI job without a trusted configuration, `forge` is the pull request's:
  // which remote apply --push pushes to, which repository and base --pr opens a pull request in
  // with the job's token. Not taken: the remote's own forge, repository and branch are.
  let forgeNote: string | undefined;
  if (!trusted && pullRequest && data.forge) {
    const { forge: _untrusted, ...rest } = data;
    data = rest;
    forgeNote = forgeNotTaken(shown, pullRequest);
  }
  const trustNote = [trust?.note, forgeNote, limitsNote].filter(Boolean).join('\n') || undefined;
  // An error that stops the run (a file past a limit) comes with the limits not taken before it.
  const saying = trust ?? (limitsNote ? { note: limitsNote } : undefined);
  const limits = readLimitsOf(data.limits, limitFrom);
  const names = Object.keys(data.environments);
  const environments = Object.entries(data.environments).map(([name, env]): EnvironmentConfig => ({
    name,
    ...stackOf(env.files),
    format: env.format,
    ...(env.select ? { select: env.select } : {}),
    ...(env.live ? { live: env.live } : {}),
  }));
  const conventional = conventionalPromotion(names);
  let promotion = conventional.order;
  let orderNote = data.promotion ? undefined : unplacedNote(promotion, conventional.unplaced, true);
  if (data.promotion) {
    data.promotion.forEach((name, i) => {
      if (!names.includes(name)) {
        throw new UserError(`${locate(file, ['promotion', i])}: promotion names unknown environment "${name}" (known: ${names.join(', ')})`);
      }
    });
    const missing = names.filter((n) => !data.promotion!.includes(n));
    promotion = [...new Set(data.promotion), ...missing];
    // Those it leaves out go after the ones it names: said, since that puts them after production.
    if (missing.length > 0)
      orderNote =
        `${locate(file, ['promotion'])}: promotion does not name ${missing.join(', ')}, so ${missing.length === 1 ? 'it goes' : 'they go'} last ` +
        `(${promotion.join(' → ')}); name every environment there`;
  }
  const contractPath = data.contract ?? DEFAULT_CONTRACT;
  const contract = await sayingTrust(saying, () =>
    loadContract(
      repoRoot,
      contractPath,
      data.contract !== undefined,
      names,
      limits,
      data.contract !== undefined ? settingAt(file, ['contract']) : contractPath,
    ),
  );
  return {
    environments,
    promotion,
    contractPath,
    contract,
    source: shown,
    discovered: false,
    limits,
    ...(trust ? { trust } : {}),
    ...(limitsNote ? { limitsNote } : {}),
    ...(forgeNote ? { forgeNote } : {}),
    ...(orderNote || trustNote ? { orderNote: [orderNote, trustNote].filter(Boolean).join('\n') } : {}),
    ...(data.forge ? { forge: data.forge } : {}),
    ...(data.kustomize ? { kustomize: data.kustomize } : {}),
  };
}

/** `work`, whose error under a trusted configuration is said as its pull request's author needs it. */
async function sayingTrust<T>(trust: { note?: string } | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw trust ? underTrust(e, trust) : e;
  }
}

/** An error reading a discovered layout's files, where discovery found other layouts too, says
 * that discovery chose these files and how to choose others: the user never named them and may
 * not know which convention undrift took (a folder of JSONC files beside the Terraform variables
 * that are the real config). Where it found one layout, the files are the repo's config and the
 * error stands alone. */
export function underDiscovery(e: unknown, config: Config): unknown {
  if (!(e instanceof UserError) || !config.discovered) return e;
  const others = (config.discovery?.alternatives ?? []).filter((a) => !a.combines).map((a) => a.layout);
  if (others.length === 0) return e;
  return new UserError(
    `${e.message} (no ${CONFIG_FILE}, so discovery chose ${config.source.replace(/^discovered /, '')}; ` +
      `to read other files (discovery also found ${others.slice(0, 2).join(' and ')}), ` +
      `name each environment's files in ${CONFIG_FILE}: \`undrift init\` writes one to edit)`,
    e.exitCode,
    e.notes,
  );
}

/** Discovery's layouts, best first. `from`: the directory undrift was run from (`-C`, or the
 * shell's); run inside one service of a monorepo (`services/search/`), the layouts whose files all
 * lie there come first, so that service is read, not the one whose name sorts first. */
export async function discoverConfig(repoRoot: string, from?: string): Promise<Config> {
  const files = await listRepoFiles(repoRoot);
  const found = discoverLayouts(
    files,
    (file) => topLevelKeys(repoRoot, file),
    (chartDir, sub) => subchartKeys(repoRoot, chartDir, sub),
  );
  const helmfile = helmfileLayout(repoRoot, files);
  // A helmfile states its environments and their files: nothing is surer.
  if (helmfile) found.unshift(helmfile);
  // One application.yml whose profile documents are the environments, read by no layout above.
  const read = new Set([...found].flatMap((l) => [...l.environments.values()].flat()));
  for (const file of files.filter((f) => !read.has(f) && /^(?:.*\/)?application\.ya?ml$/.test(f))) {
    let text: string | undefined;
    try {
      text = readInside(repoRoot, file, file, DEFAULT_READ_LIMITS);
    } catch {
      continue; // outside the repository, too large, ...: the scan says so if it is read
    }
    const names = text === undefined ? undefined : await springProfileEnvironments(text, file);
    if (names)
      found.push({
        pattern: `${file} profiles`,
        environments: new Map(names.map((name) => [name, [file]])),
        confidence: 0.9,
        notes: [`each environment is a Spring profile of ${file}'s documents (spring.config.activate.on-profile), applied over the documents without one`],
      });
  }
  const here = from === undefined ? '' : insideRepo(repoRoot, from);
  const within = (l: Layout) => here !== '' && [...l.environments.values()].every((stack) => stack.every((f) => f.startsWith(`${here}/`)));
  const layouts = here === '' ? found : [...found.filter(within), ...found.filter((l) => !within(l))];
  const moved = layouts[0] !== found[0];
  const layout = layouts[0];
  if (!layout) {
    throw new UserError(
      `no ${CONFIG_FILE} and no per-environment config found in ${repoRoot} (looked for config/<env>.yaml, ` +
        `values-<env>.yaml, values/<env>.yaml, application-<env>.yml, helmfile.yaml environments, .env.<env>, ` +
        `overlays/<env>/, environments/<env>/, deploy/<env>/, *.tfvars, ...); write ${CONFIG_FILE} by hand, naming each ` +
        `environment's files: \`environments: {staging: config/staging.yaml, production: config/production.yaml}\` (see ` +
        `README, \`undrift.yaml\`)`,
    );
  }
  const { order: names, unplaced } = conventionalPromotion([...layout.environments.keys()]);
  const orderNote = unplacedNote(names, unplaced, false);
  // A tracked symlink is a file git lists like any other: where it points is checked here.
  for (const files of layout.environments.values()) for (const file of files) statInside(repoRoot, file, file);
  const environments = names.map((name): EnvironmentConfig => ({
    name,
    files: layout.environments.get(name)!,
    ...(layout.mounts?.get(name) ? { mounts: layout.mounts.get(name)! } : {}),
    format: layout.format ?? 'auto',
  }));
  const contract = await loadContract(repoRoot, DEFAULT_CONTRACT, false, names, DEFAULT_READ_LIMITS);
  return {
    environments,
    promotion: names,
    contractPath: DEFAULT_CONTRACT,
    contract,
    source: `discovered ${describeLayout(layout)}`,
    discovered: true,
    limits: DEFAULT_READ_LIMITS,
    ...(orderNote ? { orderNote } : {}),
    discovery: {
      confidence: layout.confidence,
      notes: layout.notes,
      alternatives: layouts.slice(1).map((other) => ({
        layout: describeLayout(other),
        confidence: other.confidence,
        environments: Object.fromEntries(other.environments),
        ...(other.notes.length > 0 ? { notes: other.notes } : {}),
        ...(other.combines ? { combines: other.combines } : {}),
        ...(other.format ? { format: other.format } : {}),
        ...(other.mounts ? { mounts: Object.fromEntries(other.mounts) } : {}),
      })),
      ...(layouts[1]
        ? { chosenBecause: moved ? `its files lie in ${here}/, the directory undrift was run from` : whyChosen(layout, layouts[1], layout === helmfile) }
        : {}),
    },
  };
}

/** `dir` relative to the repository's root ('' at the root, or outside it). */
export function insideRepo(repoRoot: string, dir: string): string {
  let real: string;
  try {
    real = realpathSync(path.resolve(dir));
  } catch {
    return '';
  }
  const relative = path.relative(realpathSync(repoRoot), real).split(path.sep).join('/');
  return relative.startsWith('..') || path.isAbsolute(relative) ? '' : relative;
}

/** The keys a subchart's values sit under in the umbrella chart's: each alias the umbrella's
 * Chart.yaml gives the dependency, else the subchart's own name (its Chart.yaml's `name`, else its
 * folder's), as Helm names them. */
function subchartKeys(repoRoot: string, chartDir: string, sub: string): string[] {
  const read = (file: string): Record<string, unknown> | undefined => {
    try {
      const text = readInside(repoRoot, file, file, DEFAULT_READ_LIMITS);
      const value = text === undefined ? undefined : parseYaml(text, file, '1.2', DEFAULT_READ_LIMITS).docs[0]?.value;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined; // unreadable or past a limit: the folder's name stands
    }
  };
  const own = read(`${chartDir}charts/${sub}/Chart.yaml`)?.name;
  const name = typeof own === 'string' && own !== '' ? own : sub;
  const dependencies = read(`${chartDir}Chart.yaml`)?.dependencies;
  const aliases: string[] = [];
  for (const d of Array.isArray(dependencies) ? (dependencies as unknown[]) : []) {
    if (typeof d !== 'object' || d === null) continue;
    const { name: of, alias } = d as { name?: unknown; alias?: unknown };
    if (of === name && typeof alias === 'string' && alias !== '') aliases.push(alias);
  }
  return aliases.length > 0 ? [...new Set(aliases)] : [name];
}

const HELMFILES = /^(?:.*\/)?helmfile\.ya?ml(?:\.gotmpl)?$/;

function helmfileLayout(repoRoot: string, files: string[]): Layout | undefined {
  const present = new Set(files);
  for (const file of files.filter((f) => HELMFILES.test(f))) {
    let text: string;
    try {
      text = readInside(repoRoot, file, file, DEFAULT_READ_LIMITS) ?? '';
    } catch {
      continue; // outside the repository, a FIFO, ...: not a helmfile to read
    }
    const stacks = helmfileStacks(
      text,
      file,
      (f) => present.has(f),
      (f) => {
        try {
          const read = readInside(repoRoot, f, f, DEFAULT_READ_LIMITS);
          return read === undefined ? undefined : parseYaml(read, f, '1.1', DEFAULT_READ_LIMITS).docs[0]?.value;
        } catch {
          return undefined; // unreadable: a `.Values` path through it is said not set
        }
      },
    );
    // Helmfile merges an environment's values files as Helm merges values (a later file's `null`
    // takes the key out): they are read as Helm values whatever their names.
    if (stacks && stacks.environments.size >= 2)
      return {
        pattern: `${file} environments`,
        environments: new Map([...stacks.environments].map(([env, stack]) => [env, stack.files])),
        confidence: 0.95,
        notes: stacks.notes,
        format: 'helm',
        ...([...stacks.environments.values()].some((stack) => stack.mounts.some((m) => m !== null))
          ? { mounts: new Map([...stacks.environments].map(([env, stack]) => [env, stack.mounts])) }
          : {}),
      };
  }
  return undefined;
}

/** A candidate file's top-level keys, to tell an environment file from a file that only sits
 * beside them (undefined when it cannot be read as YAML, JSON or dotenv). */
function topLevelKeys(repoRoot: string, file: string): Set<string> | undefined {
  let text: string;
  try {
    const read = readInside(repoRoot, file, file, DEFAULT_READ_LIMITS);
    if (read === undefined) return undefined;
    text = read;
  } catch {
    return undefined; // a directory (an overlay), unreadable, or outside the repository
  }
  if (detectFormat(file) === 'properties') return new Set([...parseProperties(text, file).entries.keys()].map((key) => key.split('.')[0]!));
  if (detectFormat(file) === 'dotenv') return new Set([...text.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=/gm)].map((m) => m[1]!));
  try {
    // Within the read limits, as the scan will read the file: a candidate is parsed whole, and an
    // alias bomb or a document of millions of items must cost here what it costs there. One past a
    // limit stops discovery with the scan's one-line error (the file, the limit, the setting that
    // raises it) instead of being passed over for a layout that leaves it out.
    const { docs } = parseYaml(text, file, '1.2', DEFAULT_READ_LIMITS);
    const value = docs.length === 1 ? docs[0]!.value : undefined;
    return value && typeof value === 'object' && !Array.isArray(value) ? new Set(Object.keys(value)) : undefined;
  } catch (e) {
    if (e instanceof LimitError) throw e;
    return undefined;
  }
}

type StackEntry = ConfigData['environments'][string]['files'][number];
const pathOf = (entry: StackEntry): string => (typeof entry === 'string' ? entry : entry.file);

/** An environment's files as undrift.yaml lists them: the paths, and the mounts of those that
 * name one (a subchart's key is one segment; `under` is a key path as scan names keys). */
export function stackOf(entries: StackEntry[]): Pick<EnvironmentConfig, 'files' | 'mounts'> {
  const files = entries.map(pathOf);
  const mounts = entries.map((entry): Mount | null =>
    typeof entry === 'string' ? null : 'subchart' in entry ? { under: keySegment(entry.subchart), subchart: true } : { under: entry.under },
  );
  return { files, ...(mounts.some((m) => m !== null) ? { mounts } : {}) };
}

/**
 * Every path undrift.yaml names must stay inside the repository (symlinks resolved) and be a
 * regular file or a directory: a pull request's configuration must not read the CI machine's
 * files (`/proc/self/environ`, `../../.ssh`, a symlink out, `.git/config`'s credentials).
 */
function checkPaths(repoRoot: string, file: YamlFile, data: ConfigData): void {
  for (const [name, env] of Object.entries(data.environments)) {
    env.files.map(pathOf).forEach((given, i) => {
      const where = settingAt(file, ['environments', name, 'files', i]);
      statInside(repoRoot, given, where);
      // Read as a file, a kustomization holds no values (only resources, patches, generators):
      // the environment would silently have no keys.
      if (KUSTOMIZATION_FILES.includes(path.posix.basename(given)))
        throw new UserError(
          `${where}: "${given}" is a kustomization; name its directory ("${path.posix.dirname(given)}") to read the overlay as kustomize builds it`,
        );
    });
  }
  if (data.contract !== undefined) {
    const where = settingAt(file, ['contract']);
    if (statInside(repoRoot, data.contract, where).type === 'directory')
      throw new UserError(`${where}: "${data.contract}" is a directory, not a contract file`);
  }
}

/** The live sources' paths: inside the repository, a snapshot a file or folder, a kubeconfig a file. */
function checkLivePaths(repoRoot: string, file: YamlFile, data: ConfigData): void {
  for (const [name, env] of Object.entries(data.environments)) {
    const live = env.live;
    if (live?.snapshot) statInside(repoRoot, live.snapshot.path, settingAt(file, ['environments', name, 'live', 'snapshot', 'path']));
    if (live?.kubernetes?.kubeconfig) {
      const where = settingAt(file, ['environments', name, 'live', 'kubernetes', 'kubeconfig']);
      if (statInside(repoRoot, live.kubernetes.kubeconfig, where).type === 'directory')
        throw new UserError(`${where}: "${live.kubernetes.kubeconfig}" is a directory, not a kubeconfig file`);
    }
  }
}

/** The trusted ref's undrift.yaml, validated; `data` undefined when the ref has none (nothing
 * outward is then configured: no live source, no forge settings, the default limits). */
async function readTrusted(repoRoot: string, shown: string, ref: string): Promise<{ ref: string; file?: YamlFile; data?: ConfigData }> {
  // A ref read as an option would be git's to interpret (`--output=…`): only a commit is taken.
  const commit = ref.startsWith('-') ? undefined : await resolveCommit(repoRoot, ref);
  if (!commit)
    throw new UserError(
      `--trusted-config ${JSON.stringify(ref)} is not a commit in this repository (fetch the base branch first: git fetch origin main, then --trusted-config origin/main)`,
    );
  const bytes = await committedBytes(repoRoot, commit, shown);
  if (bytes === undefined) return { ref };
  const file = yamlFileFromText(bytes.toString('utf8'), `${ref}:${shown}`, configFileLimits(`${ref}:${shown}`));
  return { ref, file, data: validate(file, configSchema) };
}

/** Under a trusted configuration, a kubeconfig the repository holds is part of the live source it
 * names: the checkout's copy is read only when it is the trusted ref's, byte for byte (a pull request
 * could otherwise point the trusted setting at another cluster, namespace or user). */
async function checkTrustedLive(repoRoot: string, file: YamlFile, ref: string, data: ConfigData): Promise<void> {
  checkLivePaths(repoRoot, file, data);
  for (const [name, env] of Object.entries(data.environments)) {
    const kubeconfig = env.live?.kubernetes?.kubeconfig;
    if (kubeconfig === undefined) continue;
    const where = settingAt(file, ['environments', name, 'live', 'kubernetes', 'kubeconfig']);
    const trustedBytes = await committedBytes(repoRoot, ref, path.posix.normalize(kubeconfig).replace(/^\.\//, ''));
    const here = readInside(repoRoot, kubeconfig, where, DEFAULT_READ_LIMITS);
    if (trustedBytes === undefined || here === undefined || trustedBytes.toString('utf8') !== here)
      throw new UserError(
        `${where}: "${kubeconfig}" in this checkout is not ${ref}'s; under --trusted-config a kubeconfig in the repository is read only as ${ref} has it`,
      );
  }
}
