import { z } from 'zod';
import { FORMATS } from '../sources/repo/read.js';

/** Words the contract uses for itself, so they cannot name an environment. */
export const RESERVED_WORDS = new Set(['reason', 'owner', 'expires', 'any', 'one_of', 'regex', 'expected_differences']);

export const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const fileList = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : v),
  z.array(z.string().min(1, 'a file path cannot be empty'), 'expected a file path or a list of file paths').min(1, 'list at least one file'),
);

// The live sources are read by the live layer; here they only need to be objects with one source.
const liveSource = z
  .object({
    snapshot: z.unknown().optional(),
    kubernetes: z.unknown().optional(),
    exec: z.unknown().optional(),
  })
  .strict()
  .refine((v) => [v.snapshot, v.kubernetes, v.exec].filter((s) => s !== undefined).length === 1, {
    message: 'name exactly one live source: snapshot, kubernetes or exec',
  });

const environment = z.preprocess(
  (v) => (typeof v === 'string' || Array.isArray(v) ? { files: v } : v),
  z
    .object({
      files: fileList,
      format: z.enum(FORMATS, `expected one of ${FORMATS.join(', ')}`).default('auto'),
      select: z.string().min(1).optional(),
      live: liveSource.optional(),
    }, 'expected a file path, a list of files, or {files, format, select, live}')
    .strict(),
);

export const configSchema = z
  .object(
    {
      environments: z
        .record(
          z.string().regex(ENV_NAME, 'an environment name is letters, digits, "-", "_" or "."').refine((n) => !RESERVED_WORDS.has(n), {
            message: 'this word is reserved by the contract format and cannot name an environment',
          }),
          environment,
          'expected a map of environment name → its files',
        )
        .refine((envs) => Object.keys(envs).length >= 1, 'declare at least one environment'),
      contract: z.string().min(1).optional(),
      promotion: z.array(z.string(), 'expected a list of environment names, upstream first').optional(),
    },
    'expected a map with `environments:`',
  )
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
