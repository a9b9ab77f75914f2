import path from 'node:path';
import { UserError } from '../errors.js';
import type { EnvName } from '../model/types.js';
import { listRepoFiles } from '../git/repo.js';
import type { Format } from '../parse/format.js';
import { loadContract, type Contract } from './contract.js';
import { conventionalOrder, describeLayout, discoverLayouts } from './discover.js';
import type { ForgeConfig } from '../model/config.js';
import { configSchema, type LiveSourceConfig } from './schema.js';
import { locate, readYamlFile, validate } from './yaml-file.js';

export const CONFIG_FILE = 'undrift.yaml';
export const DEFAULT_CONTRACT = 'config/expected-env-diff.yaml';

export interface EnvironmentConfig {
  name: EnvName;
  files: string[];
  format: Format;
  select?: string;
  /** Where the environment's live state is read from. */
  live?: LiveSourceConfig;
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
  discovered: boolean;
}

export async function loadConfig(repoRoot: string, configPath?: string): Promise<Config> {
  const shown = configPath ?? CONFIG_FILE;
  const file = await readYamlFile(path.resolve(repoRoot, shown), shown);
  if (!file) {
    if (configPath) throw new UserError(`${configPath}: no such file`);
    return discoverConfig(repoRoot);
  }
  const data = validate(file, configSchema);
  const names = Object.keys(data.environments);
  const environments = Object.entries(data.environments).map(([name, env]): EnvironmentConfig => ({
    name,
    files: env.files,
    format: env.format,
    ...(env.select ? { select: env.select } : {}),
    ...(env.live ? { live: env.live } : {}),
  }));
  let promotion = conventionalOrder(names);
  if (data.promotion) {
    data.promotion.forEach((name, i) => {
      if (!names.includes(name)) {
        throw new UserError(`${locate(file, ['promotion', i])}: promotion names unknown environment "${name}" (known: ${names.join(', ')})`);
      }
    });
    const missing = names.filter((n) => !data.promotion!.includes(n));
    promotion = [...new Set(data.promotion), ...missing];
  }
  const contractPath = data.contract ?? DEFAULT_CONTRACT;
  const contract = await loadContract(repoRoot, contractPath, data.contract !== undefined, names);
  return { environments, promotion, contractPath, contract, source: shown, discovered: false, ...(data.forge ? { forge: data.forge } : {}) };
}

export async function discoverConfig(repoRoot: string): Promise<Config> {
  const layouts = discoverLayouts(await listRepoFiles(repoRoot));
  const layout = layouts[0];
  if (!layout) {
    throw new UserError(
      `no ${CONFIG_FILE} and no per-environment config found in ${repoRoot} (looked for config/<env>.yaml, values-<env>.yaml, .env.<env>, overlays/<env>/, environments/<env>/*.tfvars, ...); write one with \`undrift init\` or by hand (see README)`,
    );
  }
  const names = conventionalOrder([...layout.environments.keys()]);
  const environments = names.map((name): EnvironmentConfig => ({ name, files: layout.environments.get(name)!, format: 'auto' }));
  const contract = await loadContract(repoRoot, DEFAULT_CONTRACT, false, names);
  return {
    environments,
    promotion: names,
    contractPath: DEFAULT_CONTRACT,
    contract,
    source: `discovered ${describeLayout(layout)}`,
    discovered: true,
  };
}
