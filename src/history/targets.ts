import { mountAt, type Mount } from '../parse/mount.js';
import { readsAsSpring, type Format } from '../parse/format.js';
import type { EnvironmentConfig } from '../config/load.js';
import type { EnvName } from '../model/types.js';

// What a history walk reads: the configured files as targets, and how a path met in a walk maps
// onto them (shared by the whole walk and by the extension of a kept history).

/** The file an environment declares, as it is named today; historic paths map onto it. */
export interface Target {
  /** The target's own name for its events (the differ's "environment"): environments that
   * stack several files compose their history from their files' (./stack.ts). */
  envs: [string];
  /** The configured path (file or directory) today. */
  path: string;
  format: Format;
  select?: string;
  /** Where the file's keys sit in its environments' key space (a subchart's defaults, a release's values). */
  mount?: Mount;
}

/** One path of a walk: the git pathspec, and the target its files belong to. */
export interface WalkedPath {
  pathspec: string;
  target: Target;
  /** Today's name of what `pathspec` was then (for a directory: the directory). */
  base: string;
}

export const targetKey = (target: Target) => target.envs[0];

/** The files walked (one target per file, format and selection) and each environment's stack of
 * them, base first; a Spring file is two layers of its own (the documents without a profile, then
 * those that activate for the environment). */
export function targetsOf(environments: EnvironmentConfig[]): { targets: Map<string, Target>; stacks: Map<EnvName, Array<{ key: string; spring: boolean }>> } {
  const targets = new Map<string, Target>();
  const stacks = new Map<EnvName, Array<{ key: string; spring: boolean }>>();
  for (const env of environments) {
    const stack: Array<{ key: string; spring: boolean }> = [];
    for (const [index, file] of env.files.entries()) {
      const mount = mountAt(env, index);
      const key = `${file}\0${env.format}\0${env.select ?? ''}${mount ? `\0${JSON.stringify(mount)}` : ''}`;
      if (!targets.has(key))
        targets.set(key, {
          envs: [key],
          path: file.replace(/\/+$/, ''),
          format: env.format,
          ...(env.select ? { select: env.select } : {}),
          ...(mount ? { mount } : {}),
        });
      stack.push({ key, spring: readsAsSpring(env, file) });
    }
    stacks.set(env.name, stack);
  }
  return { targets, stacks };
}

/** Maps a path seen in a walk to today's name of the file, if it is one of `walked`'s files. */
export function rebase(entryPath: string, walked: WalkedPath): string | undefined {
  if (entryPath === walked.pathspec) return walked.base;
  if (entryPath.startsWith(`${walked.pathspec}/`)) return `${walked.base}/${entryPath.slice(walked.pathspec.length + 1)}`;
  return undefined;
}

/** The configured file is read in its configured format; the files of a configured directory
 * are manifests, as the scan reads them. */
export function entryFormat(target: Target, file: string): Format | undefined {
  if (file === target.path) return target.format;
  return /\.(ya?ml|json)$/i.test(file) ? 'manifests' : undefined;
}
