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
