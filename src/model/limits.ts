// Every bound undrift puts on what it reads, in one place (the README's "Limits" table lists them).
// undrift runs in CI on configuration anyone who opens a pull request can write: no input may make
// it read without end, wait without end or grow without end.

/** Largest file read as configuration, contract or snapshot. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Largest standard output an `exec` live source may print; past it the command is killed. */
export const MAX_EXEC_OUTPUT_BYTES = 16 * 1024 * 1024;

/** Aliases one YAML document may resolve (the `yaml` library's maxAliasCount): real values files
 * use a few hundred; an alias bomb needs millions. */
export const MAX_YAML_ALIASES = 10_000;

/** Nesting depth of a YAML or JSON document (maps and lists inside each other). */
export const MAX_NESTING = 256;

/** Pages one Kubernetes LIST may take (`continue`), and the objects it may return in all. */
export const MAX_LIST_PAGES = 200;
export const MAX_LIST_ITEMS = 50_000;

/** Largest answer read from a Kubernetes API server (one LIST page, one object): past it the
 * connection is closed and the source is unavailable or partly read, naming the server. */
export const MAX_API_ANSWER_BYTES = 64 * 1024 * 1024;

/** Seconds a one-shot git command may run, and a streaming one (log, cat-file) may stay silent
 * while undrift waits for it, before its process group is killed (UNDRIFT_GIT_TIMEOUT). */
export const GIT_TIMEOUT_S = 300;

export const mib = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MiB`;

/** Values one document may expand to (aliases and merge keys followed, as flattening does). */
export const MAX_EXPANDED_VALUES = 5_000_000;

/** Lines one YAML file's multi-line values (block `|`/`>` scalars, plain and single-quoted values
 * that run over lines) may span in all: the `yaml` library keeps each such line as a separate
 * piece (~180 bytes each) until the value is used. A values file embedding whole dashboards uses
 * tens of thousands. */
export const MAX_YAML_VALUE_LINES = 500_000;

/** Characters of double-quoted YAML the `yaml` library may read itself in one file (the values
 * with a tag, or an escape it must report): it builds them a character at a time (~32 bytes
 * each). Every other double-quoted value is read by undrift in one pass, without this bound. */
export const MAX_LIBRARY_QUOTED_CHARS = 1024 * 1024;

/** Keys, values and list items one YAML file may hold (counted as the text is read, before any
 * value is built): the `yaml` library's syntax tree costs about a kilobyte per item, so a 15 MB
 * flow list of 5 million numbers took over 4 GB. 100,000 keys are 200,000. */
export const MAX_YAML_NODES = 500_000;
