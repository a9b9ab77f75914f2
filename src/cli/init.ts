import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { CONFIG_FILE, discoverConfig } from '../config/load.js';
import { scanRepository } from '../engine.js';
import { UserError } from '../errors.js';
import { findRepoRoot } from '../git/repo.js';
import type { Io } from '../command.js';

/** Writes undrift.yaml for the layout that discovery finds, so the user can edit it from there. */
export async function runInit(options: { repo: string; force: boolean }, io: Io): Promise<number> {
  const root = await findRepoRoot(options.repo);
  const target = path.join(root, CONFIG_FILE);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) throw new UserError(`${CONFIG_FILE} already exists in ${root} (use --force to replace it)`);
  // Discovery only: an existing undrift.yaml is what --force replaces, so it is not read.
  const config = await discoverConfig(root);
  const document = {
    environments: Object.fromEntries(config.environments.map((env) => [env.name, { files: env.files }])),
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
  // Layouts compete: which one was taken, and by what rule.
  if (discovery?.chosenBecause)
    others.unshift(
      `${discovery.alternatives.length + 1} layouts found; ${config.source.replace(/^discovered /, '')} is taken because ${discovery.chosenBecause}`,
    );
  const leftOut = (discovery?.notes ?? []).map((n) => `left out: ${n}`);
  const comments = [...others, ...leftOut].map((line) => `# ${line}\n`).join('');
  const choose = others.length > 0 ? '# To use another layout, list its files under `environments:` instead.\n' : '';
  await writeFile(target, header + comments + choose + stringify(document, { flowCollectionPadding: false }) + noContract);
  const proposed = config.contract.file ? undefined : await proposeContract(root, config.contractPath);
  io.stdout.write(
    `wrote ${target}\n${proposed ? `${proposed}\n` : ''}${found}\n${[...others, ...leftOut].map((l) => `${l}\n`).join('')}next: check the environments${others.length > 0 ? ' (another layout was found too)' : ''} and the promotion order, then run \`undrift scan\`\n`,
  );
  return 0;
}

/** A starter contract from what differs by design (keys that share a pattern in every
 * environment), written where the contract is looked for when none exists, for the user to
 * review: each entry's reason says it was proposed. Returns what was written, if anything. */
async function proposeContract(root: string, contractPath: string): Promise<string | undefined> {
  const file = path.join(root, contractPath);
  if (
    await access(file).then(
      () => true,
      () => false,
    )
  )
    return undefined;
  let scan;
  try {
    scan = await scanRepository({ repo: root, history: false, live: false });
  } catch {
    return undefined; // the scan says what is wrong when it is run
  }
  if (scan.patterns.length === 0) return undefined;
  const entries = Object.fromEntries(
    scan.patterns.map((p) => [p.glob, { ...p.allowed, reason: `proposed by undrift init, review it: ${p.reason} (${p.keys.length} keys)` }]),
  );
  const header = `# Proposed by \`undrift init\` from the differences that share a pattern in every environment.\n# Review each entry: what it declares is no longer reported as drift.\n`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, header + stringify({ expected_differences: entries }, { flowCollectionPadding: false }));
  return `wrote ${file} (a starter contract of ${scan.patterns.length} pattern(s) covering ${scan.patterns.reduce((n, p) => n + p.keys.length, 0)} divergences; review it)`;
}
