// Every bound undrift puts on what it reads, in one place (the README's "Limits" table lists them).
// undrift runs in CI on configuration anyone who opens a pull request can write: no input may make
// it read without end, wait without end or grow without end.

/** Largest standard output an `exec` live source may print; past it the command is killed. */
export const MAX_EXEC_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Aliases one YAML document may resolve (the `yaml` library's maxAliasCount): real values files
 * use a few hundred; an alias bomb needs millions. */
export const MAX_YAML_ALIASES = 10_000;

/** Pages one Kubernetes LIST may take (`continue`), and the objects it may return in all. */
export const MAX_LIST_PAGES = 200;
export const MAX_LIST_ITEMS = 50_000;

/** Largest answer read from a Kubernetes API server (one LIST page, one object): past it the
 * connection is closed and the source is unavailable or partly read, naming the server. */
export const MAX_API_ANSWER_BYTES = 64 * 1024 * 1024;

/** Seconds a one-shot git command may run, and a streaming one (log, cat-file) may stay silent
 * while undrift waits for it, before its process group is killed (UNDRIFT_GIT_TIMEOUT). */
export const GIT_TIMEOUT_S = 300;

/** A size as people read it: in MiB, or in bytes below one (a limit set lower than that). */
export const mib = (bytes: number): string => (bytes < 1024 * 1024 ? `${bytes.toLocaleString('en')} bytes` : `${Math.round(bytes / (1024 * 1024))} MiB`);

/** The bounds on what one file may hold: `limits:` in undrift.yaml sets them (each under its name
 * here), for the files, contract and snapshots a run reads and for every historic version of them.
 * undrift.yaml itself is read within the defaults. */
export interface ReadBounds {
  /** Largest file read as configuration, contract or snapshot (bytes). */
  fileBytes: number;
  /** Nesting depth of a YAML, JSON or tfvars document (maps and lists inside each other). */
  nesting: number;
  /** Values one document may expand to (aliases and merge keys followed, as flattening does). */
  expandedValues: number;
  /** Keys, values and list items one YAML file may hold (counted as the text is read, before any
   * value is built): the `yaml` library's syntax tree costs about a kilobyte per item, so a 15 MB
   * flow list of 5 million numbers took over 4 GB. 100,000 keys are 200,000. */
  yamlItems: number;
  /** Lines one YAML file's multi-line values (block `|`/`>` scalars, plain and quoted values that
   * run over lines) may span in all: YAML readers keep each such line as a separate piece (~180
   * bytes each in the `yaml` library, ~80 in js-yaml) until the value is used. A values file
   * embedding whole dashboards uses tens of thousands. */
  yamlValueLines: number;
  /** Characters of double-quoted YAML the `yaml` library may read itself in one file (the values
   * with a tag, or an escape it must report): it builds them a character at a time (~32 bytes
   * each). Every other double-quoted value is read by undrift in one pass, without this bound. */
  yamlQuotedChars: number;
  /** Keys one dotenv or properties file may set (counted as its lines are read): each costs the
   * scan about 2 KB and 45 µs on (compared, weighed, reported), so a 23 MB .env of a million
   * `KEY=value` lines took 52 CPU-s and 2.2 GB. A YAML file reaches about half its `yamlItems`. */
  keys: number;
}

export type LimitName = keyof ReadBounds;

const DEFAULT_BOUNDS: Readonly<ReadBounds> = Object.freeze({
  fileBytes: 64 * 1024 * 1024,
  nesting: 256,
  expandedValues: 5_000_000,
  yamlItems: 500_000,
  yamlValueLines: 500_000,
  yamlQuotedChars: 1024 * 1024,
  keys: 250_000,
});

/** Every limit's name, in the README's order. */
export const LIMIT_NAMES = Object.freeze(Object.keys(DEFAULT_BOUNDS) as LimitName[]);

/**
 * Where one limit of a run comes from, decided when the run's limits are made (config/load.ts,
 * config/trust.ts): an error that passes it says the fix that works from there, and nothing
 * rewrites it afterwards. `config` is the file that sets the run's limits (undrift.yaml, or the
 * --config path).
 * - default: nothing sets it; `config` raises it.
 * - config: `config`'s limits: set it.
 * - fixed: no setting reaches it (undrift.yaml itself, and the trusted ref's, are read within the
 *   defaults); `why` says so.
 * - trusted: the trusted ref's `config` sets it (--trusted-config); the checkout cannot raise it.
 * - trusted-default: the trusted ref's `config` sets none, so the default; the checkout cannot raise it.
 * - checkout: under a trusted ref, the checkout's own `config` lowers it, up to the ref's value.
 * - pull-request: a pull request's CI job without a trusted ref, so the default (the checkout's
 *   `config` cannot raise it); `fix` names the trusted ref to pass.
 * - pull-request-lowered: there, the checkout's own `config` lowers it, up to the default.
 */
export type LimitOrigin =
  | { kind: 'default' | 'config'; config: string }
  | { kind: 'fixed'; why: string }
  | { kind: 'trusted' | 'trusted-default' | 'checkout'; config: string; ref: string }
  | { kind: 'pull-request' | 'pull-request-lowered'; config: string; fix: string };

/** The bounds a run reads within, each with where it comes from. */
export interface ReadLimits extends ReadBounds {
  readonly from: Readonly<Record<LimitName, LimitOrigin>>;
}

const allFrom = (origin: LimitOrigin): Record<LimitName, LimitOrigin> =>
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, origin])) as Record<LimitName, LimitOrigin>;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  ...DEFAULT_BOUNDS,
  from: Object.freeze(allFrom({ kind: 'default', config: 'undrift.yaml' })),
});

/** The defaults, for the files no setting reaches (undrift.yaml itself, a trusted ref's): their
 * errors say that raising a limit does not help. */
export const configFileLimits = (config: string): Readonly<ReadLimits> =>
  Object.freeze({ ...DEFAULT_BOUNDS, from: Object.freeze(allFrom({ kind: 'fixed', why: `${config} itself is read within the default limits` })) });

/** The read limits a run reads within: the defaults with `settings` (undrift.yaml's `limits:`) over
 * them, each from where `origin` says (by default: `config` when set there, else the default).
 * The configuration makes this value (config/load.ts) and each stage hands it to the readers it
 * calls, as it hands them the Secret fingerprint: no reader looks it up. */
export function readLimitsOf(
  settings: Partial<ReadBounds> = {},
  origin: (name: LimitName, set: boolean) => LimitOrigin = (_name, set) => ({ kind: set ? 'config' : 'default', config: 'undrift.yaml' }),
): Readonly<ReadLimits> {
  const bounds = { ...DEFAULT_BOUNDS };
  for (const name of LIMIT_NAMES) if (settings[name] !== undefined) bounds[name] = settings[name];
  const from = Object.fromEntries(LIMIT_NAMES.map((name) => [name, origin(name, settings[name] !== undefined)]));
  return Object.freeze({ ...bounds, from: Object.freeze(from) as ReadLimits['from'] });
}

/** How an error names the fix for passing a limit, as where the limit comes from makes it. */
export function raiseWith(limits: Pick<ReadLimits, 'from'>, name: LimitName): string {
  const from = limits.from[name];
  switch (from.kind) {
    case 'default':
    case 'config':
      return `limits.${name} in ${from.config} raises it`;
    case 'fixed':
      return from.why;
    case 'checkout':
      return `limits.${name} in this checkout's ${from.config} lowers it; it may be raised up to what ${trustedName(from)} allows`;
    case 'trusted':
      return `the limit is limits.${name} in ${trustedName(from)}; this checkout's limits.${name} is not taken above it, so raise it there`;
    case 'trusted-default':
      return `the limit is undrift's default, as ${trustedName(from)} sets no limits.${name}; this checkout's limits.${name} is not taken above it, so set it there`;
    case 'pull-request':
      return (
        `the limit is undrift's default in a pull request's CI job without --trusted-config; this checkout's limits.${name} is not taken above it, ` +
        `so raise it in the base branch's ${from.config} and ${from.fix}`
      );
    case 'pull-request-lowered':
      return (
        `limits.${name} in this checkout's ${from.config} lowers it; it may be raised up to undrift's default in a pull request's CI job ` +
        `without --trusted-config (above it: raise it in the base branch's ${from.config} and ${from.fix})`
      );
  }
}

const trustedName = ({ ref, config }: { ref: string; config: string }): string => `${ref}'s ${config} (--trusted-config)`;

/** Why a line-based file (dotenv, properties) is refused: it sets more keys than `limits.keys`. */
export const tooManyKeys = (limits: Pick<ReadLimits, 'keys' | 'from'>): string =>
  `it sets more than ${limits.keys.toLocaleString('en')} keys, more than undrift reads from one file (${raiseWith(limits, 'keys')})`;

/** The limits as a cache's key names them: their values and where each comes from (what a kept
 * skipped version's warning says). */
export const limitsKey = (limits: Readonly<ReadLimits>): string =>
  JSON.stringify([LIMIT_NAMES.map((name) => limits[name]), LIMIT_NAMES.map((name) => limits.from[name])]);
