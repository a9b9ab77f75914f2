import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { CONFIG_FILE, discoverConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { findRepoRoot } from '../git/repo.js';
import type { Io } from '../command.js';

/** Writes undrift.yaml for the layout that discovery finds, so the user can edit it from there. */
export async function runInit(options: { repo: string; force: boolean }, io: Io): Promise<number> {
  const root = await findRepoRoot(options.repo);
  const target = path.join(root, CONFIG_FILE);
  const exists = await access(target).then(() => true, () => false);
  if (exists && !options.force) throw new UserError(`${CONFIG_FILE} already exists in ${root} (use --force to replace it)`);
  // Discovery only: an existing undrift.yaml is what --force replaces, so it is not read.
  const config = await discoverConfig(root);
  const document = {
    environments: Object.fromEntries(
      config.environments.map((env) => [env.name, { files: env.files }]),
    ),
    ...(config.contract.file ? { contract: config.contract.file } : {}),
    promotion: config.promotion,
  };
  const header = `# undrift configuration (${config.source}${config.discovery ? `, confidence ${config.discovery.confidence}` : ''}).\n# Reference: README.md of undrift. Environments are listed upstream first in \`promotion\`.\n`;
  const noContract = config.contract.file
    ? ''
    : `# No contract yet: every difference between environments counts as drift. Declare the intended\n# ones in ${config.contractPath} (the default path) or name another file with \`contract:\`.\n`;
  const discovery = config.discovery;
  const found = `${config.source}${discovery ? `, confidence ${discovery.confidence}` : ''}`;
  // What else was found, and what was left out: the user chooses by editing the file.
  const others = (discovery?.alternatives ?? []).map((a) => `also found: ${a.layout}, confidence ${a.confidence}`);
  const leftOut = (discovery?.notes ?? []).map((n) => `left out: ${n}`);
  const comments = [...others, ...leftOut].map((line) => `# ${line}\n`).join('');
  const choose = others.length > 0 ? '# To use another layout, list its files under `environments:` instead.\n' : '';
  await writeFile(target, header + comments + choose + stringify(document, { flowCollectionPadding: false }) + noContract);
  io.stdout.write(`wrote ${target}\n${found}\n${[...others, ...leftOut].map((l) => `${l}\n`).join('')}next: check the environments${others.length > 0 ? ' (another layout was found too)' : ''} and the promotion order, then run \`undrift scan\`\n`);
  return 0;
}
