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
export interface ReadLimits {
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
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  fileBytes: 64 * 1024 * 1024,
  nesting: 256,
  expandedValues: 5_000_000,
  yamlItems: 500_000,
  yamlValueLines: 500_000,
  yamlQuotedChars: 1024 * 1024,
});

/** The read limits a run reads within: the defaults with undrift.yaml's `limits:` over them. The
 * configuration makes this value (config/load.ts) and each stage hands it to the readers it calls,
 * as it hands them the Secret fingerprint: no reader looks it up. */
export function readLimitsOf(settings: Partial<ReadLimits> = {}): Readonly<ReadLimits> {
  const set = Object.entries(settings).filter(([, value]) => value !== undefined);
  return Object.freeze({ ...DEFAULT_READ_LIMITS, ...Object.fromEntries(set) });
}

/** How an error names the setting that raises a limit. */
export const raiseWith = (name: keyof ReadLimits): string => `limits.${name} in undrift.yaml raises it`;

/** `raiseWith`'s advice in a message (the limit's name in group 1): a run under a trusted
 * configuration says instead where the limit comes from (config/trust.ts). */
export const RAISE_ADVICE = /limits\.(\w+) in undrift\.yaml raises it/g;
