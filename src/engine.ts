import { compareEnvironments } from './compare/compare.js';
import { globToRegExp } from './config/contract.js';
import { loadConfig, type Config, type EnvironmentConfig } from './config/load.js';
import { UserError } from './errors.js';
import type { Divergence, EnvName, EnvSnapshot, KeyPath, Snapshot, Value } from './model/types.js';
import { selectSubtree } from './sources/repo/flatten.js';
import { findRepoRoot } from './sources/repo/git.js';
import { readConfig } from './sources/repo/read.js';

export interface ScanOptions {
  /** Any directory inside the repository. */
  repo: string;
  /** undrift.yaml path relative to the repo root, when not the default. */
  config?: string;
  /** Only these environments (all when absent). */
  envs?: EnvName[];
  /** Only keys matching this glob. */
  key?: string;
  /** YYYY-MM-DD, for contract expiry; today by default. */
  today?: string;
}

export interface Scan {
  repoRoot: string;
  config: Config;
  snapshot: Snapshot;
  divergences: Divergence[];
  notes: string[];
  warnings: string[];
}

export async function readEnvironment(repoRoot: string, env: EnvironmentConfig): Promise<EnvSnapshot> {
  const values = new Map<KeyPath, Value>();
  const warnings: string[] = [];
  for (const file of env.files) {
    const read = await readConfig(repoRoot, file, env.format);
    warnings.push(...read.warnings);
    const selected = env.select ? selectSubtree(read.values, env.select) : read.values;
    if (env.select && selected.size === 0) warnings.push(`${file}: nothing below \`${env.select}\` (the select of ${env.name})`);
    for (const [key, value] of selected) {
      const earlier = values.get(key);
      if (earlier && earlier.text !== value.text) {
        warnings.push(`${env.name}: ${key} is set in ${earlier.location.file}:${earlier.location.line} and ${value.location.file}:${value.location.line}; the later file wins`);
      }
      values.set(key, value);
    }
  }
  return { env: env.name, files: env.files, values, warnings };
}

export async function scanRepository(options: ScanOptions): Promise<Scan> {
  const repoRoot = await findRepoRoot(options.repo);
  const config = await loadConfig(repoRoot, options.config);
  const known = config.environments.map((e) => e.name);
  for (const name of options.envs ?? []) {
    if (!known.includes(name)) throw new UserError(`unknown environment "${name}" (known: ${known.join(', ')})`);
  }
  const chosen = config.promotion.filter((name) => !options.envs || options.envs.includes(name));
  const envSnapshots = await Promise.all(chosen.map((name) => readEnvironment(repoRoot, config.environments.find((e) => e.name === name)!)));
  const snapshot: Snapshot = {
    repo: repoRoot,
    environments: chosen,
    promotion: config.promotion,
    envs: new Map(envSnapshots.map((s) => [s.env, s])),
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { divergences, notes } = compareEnvironments(snapshot, config.contract, today);
  const keyFilter = options.key ? globToRegExp(options.key) : undefined;
  return {
    repoRoot,
    config,
    snapshot,
    divergences: keyFilter ? divergences.filter((d) => keyFilter.test(d.key)) : divergences,
    notes: keyFilter ? notes.filter((n) => keyFilter.test(n.slice(0, n.indexOf(': ')))) : notes,
    warnings: envSnapshots.flatMap((s) => s.warnings),
  };
}
