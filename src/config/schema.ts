import { z } from 'zod';
import { FORMATS } from '../parse/format.js';
import { LIMIT_NAMES, type LimitName } from '../model/limits.js';
import { CLUSTER_RBAC_KINDS, INVENTORY_KINDS } from '../sources/live/inventory.js';

/** Words the contract uses for itself, so they cannot name an environment. */
export const RESERVED_WORDS = new Set(['reason', 'owner', 'expires', 'any', 'one_of', 'regex', 'expected_differences', 'live_differences']);

export const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const filePath = z.string().min(1, 'a file path cannot be empty');
/** A file of a stack: its path, or the path with where its keys sit (`{file, subchart: redis}`: a
 * Helm subchart's defaults under `redis.`; `{file, under: "releases[name=api]"}`: below that key). */
const stackEntry = z.union(
  [filePath, z.object({ file: filePath, subchart: z.string().min(1) }).strict(), z.object({ file: filePath, under: z.string().min(1) }).strict()],
  'expected a file path, {file, subchart: KEY} or {file, under: KEY}',
);
const fileList = z.preprocess(
  (v) => (typeof v === 'string' || (v !== null && typeof v === 'object' && !Array.isArray(v)) ? [v] : v),
  z.array(stackEntry, 'expected a file path or a list of file paths').min(1, 'list at least one file'),
);

const objectSelection = z.union(
  [z.array(z.string()), z.object({ selector: z.string().min(1) }).strict()],
  'expected a list of names or {selector: "label=value"}',
);
const selectionFields = {
  configMaps: objectSelection.optional(),
  secrets: objectSelection.optional(),
  workloads: objectSelection.optional(),
  container: z.string().min(1).optional(),
  prefix: z.string().optional(),
  map: z.record(z.string(), z.string(), 'expected a map of live key → repo key').optional(),
};

export const kubernetesSource = z
  .object({
    context: z.string().min(1).optional(),
    namespace: z.string().min(1).optional(),
    kubeconfig: z.string().min(1).optional(),
    /** Seconds per request. */
    timeout: z.number().positive().optional(),
    /** List every object of the inventoried kinds (default true); false reads only config. */
    inventory: z.boolean().optional(),
    /** Also list ClusterRoles and ClusterRoleBindings (cluster-wide `list` needed). */
    clusterRbac: z.boolean().optional(),
    ...selectionFields,
  })
  .strict();

const KINDS_BY_NAME = new Map([...INVENTORY_KINDS, ...CLUSTER_RBAC_KINDS].map((kind): [string, string] => [kind.toLowerCase(), kind]));
/** A kind the inventory counts, as Kubernetes spells it (`resourcequota` is `ResourceQuota`). */
const inventoriedKind = z.string().transform((given, ctx) => {
  const kind = KINDS_BY_NAME.get(given.toLowerCase());
  if (kind) return kind;
  ctx.addIssue({ code: 'custom', message: `"${given}" is not a kind the inventory counts (${[...KINDS_BY_NAME.values()].join(', ')})` });
  return z.NEVER;
});

export const snapshotSource = z.preprocess(
  (v) => (typeof v === 'string' ? { path: v } : v),
  z
    .object(
      {
        path: z.string().min(1),
        /** The kinds the capture listed (`kubectl get resourcequota,limitrange,... -o yaml`): one of
         * them with no object in the snapshot means none exists. A `kubectl get` List cannot say
         * what it listed, so without this only the kinds it holds objects of are judged. */
        kinds: z.array(inventoriedKind, 'expected a list of kinds: [ResourceQuota, LimitRange, ...]').optional(),
        ...selectionFields,
      },
      'expected a file or directory path, or {path, kinds, configMaps, ...}',
    )
    .strict(),
);

export const execSource = z.preprocess(
  (v) => (Array.isArray(v) ? { command: v } : v),
  z
    .object(
      {
        command: z.array(z.string(), 'expected the command as a list: [program, arg, ...] (no shell)').min(1),
        /** Seconds. */
        timeout: z.number().positive().optional(),
        format: z.enum(['json', 'yaml', 'dotenv']).optional(),
        /** Only the keys below this path of the output, with the path removed (`values.outputs`). */
        select: z.string().min(1).optional(),
        /** Keys (globs, after `select`) never read: `PATH`, `HOSTNAME`, `*.generated_at`. */
        ignore: z.array(z.string().min(1), 'expected a list of key globs').optional(),
        prefix: z.string().optional(),
        map: z.record(z.string(), z.string()).optional(),
      },
      'expected [program, arg, ...] or {command: [...], timeout, format}',
    )
    .strict(),
);

const liveSource = z
  .object(
    {
      snapshot: snapshotSource.optional(),
      kubernetes: kubernetesSource.optional(),
      exec: execSource.optional(),
      /** Read what the cluster keeps of its past: workload revisions (ReplicaSets,
       * ControllerRevisions) and Events (default true). */
      history: z.boolean().optional(),
      /** Also read Helm release records (Secrets of type helm.sh/release.v1, or ConfigMaps with
       * owner=helm): opt-in, as reading Secrets is. */
      helmHistory: z.boolean().optional(),
    },
    'expected {snapshot: ...}, {kubernetes: {...}} or {exec: [...]}',
  )
  .strict()
  .refine((v) => [v.snapshot, v.kubernetes, v.exec].filter((s) => s !== undefined).length === 1, {
    message: 'name exactly one live source: snapshot, kubernetes or exec',
  });

export type LiveSourceConfig = z.infer<typeof liveSource>;
export type KubernetesSourceConfig = z.infer<typeof kubernetesSource>;
export type SnapshotSourceConfig = z.infer<typeof snapshotSource>;
export type ExecSourceConfig = z.infer<typeof execSource>;

const environment = z.preprocess(
  (v) => (typeof v === 'string' || Array.isArray(v) ? { files: v } : v),
  z
    .object(
      {
        files: fileList,
        format: z.enum(FORMATS, `expected one of ${FORMATS.join(', ')}`).default('auto'),
        select: z.string().min(1).optional(),
        live: liveSource.optional(),
      },
      'expected a file path, a list of files, or {files, format, select, live}',
    )
    .strict(),
);

/** The longest text Node can hold (V8's string length limit, rounded down): a file limit above it
 * would fail on reading instead of with the limit's message. */
const MOST_FILE_BYTES = 512 * 1024 * 1024 - 64;
const wholeAbove0 = z.number('expected a number').int('expected a whole number').positive('expected a number above 0');
const limitsSetting = z
  .object(
    {
      ...(Object.fromEntries(LIMIT_NAMES.map((name) => [name, wholeAbove0.optional()])) as Record<LimitName, z.ZodOptional<typeof wholeAbove0>>),
      fileBytes: wholeAbove0.max(MOST_FILE_BYTES, `at most ${MOST_FILE_BYTES} (the longest text Node can hold)`).optional(),
    },
    `expected a map of limit → number (${LIMIT_NAMES.join(', ')})`,
  )
  .strict();

export const configSchema = z
  .object(
    {
      environments: z
        .record(z.string(), environment, 'expected a map of environment name → its files')
        .superRefine((envs, ctx) => {
          // Checked here, not on the record's key, so the message names the name and the reason.
          for (const name of Object.keys(envs)) {
            if (RESERVED_WORDS.has(name)) {
              ctx.addIssue({
                code: 'custom',
                path: [name],
                message: `"${name}" is a word of the contract format (${[...RESERVED_WORDS].join(', ')}) and cannot name an environment; rename it`,
              });
            } else if (!ENV_NAME.test(name)) {
              ctx.addIssue({
                code: 'custom',
                path: [name],
                message: `"${name}" is not an environment name (letters, digits, "-", "_" or ".", starting with a letter or digit)`,
              });
            }
          }
        })
        .refine((envs) => Object.keys(envs).length >= 1, 'declare at least one environment'),
      contract: z.string().min(1).optional(),
      forge: z
        .object({
          type: z.enum(['github', 'gitlab']).optional(),
          api: z.string().url('expected the API base URL, e.g. https://github.example.com/api/v3').optional(),
          repository: z
            .string()
            .regex(/^[^/\s]+(\/[^/\s]+)+$/, 'expected owner/name (or group/subgroup/project)')
            .optional(),
          // A remote's name: undrift.yaml comes with the repository, and git takes `--upload-pack=CMD` for an option.
          remote: z
            .string()
            .min(1)
            .refine((v) => !v.startsWith('-'), "expected a remote's name (it cannot start with '-')")
            .optional(),
          base: z.string().min(1).optional(),
        })
        .strict()
        .optional(),
      promotion: z.array(z.string(), 'expected a list of environment names, upstream first').optional(),
      limits: limitsSetting.optional(),
      kustomize: z
        .object({
          remotes: z.record(z.string(), z.string().min(1), 'expected a map of remote repository URL → the path of its local clone').optional(),
        })
        .strict()
        .optional(),
    },
    'expected a map with `environments:`',
  )
  .strict();
