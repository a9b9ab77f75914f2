import type { PullRequestJob } from '../config/pull-request-job.js';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { stringify } from 'yaml';
import { CONFIG_FILE, discoverConfig } from '../config/load.js';
import { configText, helmFormat, layoutOffers, mountsOf, type LayoutOffer } from '../config/write-config.js';
import { scanRepository } from '../engine.js';
import { UserError } from '../errors.js';
import { findRepoRoot } from '../git/repo.js';
import type { Io } from '../command.js';
import { EXIT } from './exit.js';
import { layoutsFound } from '../wording/layouts.js';

/** Writes undrift.yaml for the layout that discovery finds, so the user can edit it from there.
 * With `input` (a terminal) and layouts that compete, the user chooses which one is written. */
export async function runInit(
  options: { repo: string; force: boolean; input?: NodeJS.ReadableStream; layout?: number; pullRequestJob?: PullRequestJob },
  io: Io,
): Promise<number> {
  const root = await findRepoRoot(options.repo);
  const target = path.join(root, CONFIG_FILE);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) throw new UserError(`${CONFIG_FILE} already exists in ${root} (use --force to replace it)`);
  // Discovery only: an existing undrift.yaml is what --force replaces, so it is not read.
  const config = await discoverConfig(root, options.repo);
  const discovery = config.discovery;
  const offers = layoutOffers(config);
  const listed = Math.max(offers.length, 1);
  if (options.layout !== undefined && options.layout > listed)
    throw new UserError(
      `--layout ${options.layout}: ${listed === 1 ? 'one layout was found' : `${layoutsFound(offers)}: choose 1-${listed}`} (see \`undrift init\` without --layout)`,
    );
  const chosen =
    options.layout !== undefined
      ? options.layout - 1
      : options.input && offers.length > 1
        ? await askLayout(offers, discovery?.chosenBecause, options.input, io.stdout)
        : 0;
  const byHand = chosen > 0;
  const taken: LayoutOffer = offers[chosen] ?? {
    layout: config.source.replace(/^discovered /, ''),
    confidence: discovery?.confidence ?? 1,
    environments: Object.fromEntries(config.environments.map((env) => [env.name, env.files])),
    ...helmFormat(config),
    ...mountsOf(config),
  };
  const found = byHand
    ? `chosen: ${taken.layout}, confidence ${taken.confidence}`
    : `${config.source}${discovery ? `, confidence ${discovery.confidence}` : ''}`;
  // What else was found, and what was left out: the user chooses by editing the file.
  // Each with the command that writes it: without a terminal nothing else numbers them for `--layout N`.
  const others = offers
    .map((o, i) => ({ o, n: i + 1 }))
    .filter(({ o }) => o !== taken)
    .map(({ o, n }) => `also found: ${o.layout}, confidence ${o.confidence} (\`undrift init --force --layout ${n}\`)`);
  // Layouts compete: which one was taken, and by what rule (or that the user chose it).
  if (discovery?.chosenBecause)
    others.unshift(
      byHand
        ? `${layoutsFound(offers)}; ${taken.layout} is the one you chose`
        : `${layoutsFound(offers)}; ${taken.layout} is taken because ${discovery.chosenBecause}`,
    );
  // What discovery left out belongs to the layout it took.
  // A file named `file: why` was left out; a shared base says what it is read as.
  const leftOut = byHand ? (taken.notes ?? []) : (discovery?.notes ?? []).map((n) => (/^\S+: /.test(n) ? `left out: ${n}` : n));
  const header = [
    `undrift configuration (${byHand ? `chosen in \`undrift init\`: ${taken.layout}, confidence ${taken.confidence}` : found}).`,
    'Reference: README.md of undrift. Environments are listed upstream first in `promotion`.',
  ];
  const choose = others.length > 0 ? ['To use another layout, list its files under `environments:` instead.'] : [];
  const noContract = config.contract.file
    ? ''
    : `# No contract yet: every difference between environments counts as drift. Declare the intended\n# ones in ${config.contractPath} (the default path) or name another file with \`contract:\`.\n`;
  const text = configText(taken, [...header, ...others, ...leftOut, ...choose], config.contract.file ?? undefined);
  await writeFile(target, text + noContract);
  const proposed = config.contract.file ? undefined : await proposeContract(root, config.contractPath, options.pullRequestJob);
  // The starter contract is read from the default path from now on: "No contract yet: every
  // difference counts as drift" would say the opposite of what the next scan does.
  if (proposed)
    await writeFile(
      target,
      `${text}# The contract is ${config.contractPath} (the default path): a starter \`undrift init\` proposed from the\n` +
        `# differences that share a pattern; review it, since what it declares is not reported as drift.\n`,
    );
  const lines = [`wrote ${target}`, ...(proposed ? [proposed] : []), found, ...others, ...leftOut];
  const alsoFound = others.length > 0 ? ' (another layout was found too)' : '';
  io.stdout.write(lines.map((l) => `${l}\n`).join('') + `next: check the environments${alsoFound} and the promotion order, then run \`undrift scan\`\n`);
  return EXIT.ok;
}

/** Asks on the terminal which of the competing layouts to write; enter takes the first (the one
 * discovery's rule takes). The end of input takes it too. */
async function askLayout(offers: LayoutOffer[], because: string | undefined, input: NodeJS.ReadableStream, output: Io['stdout']): Promise<number> {
  output.write(`${layoutsFound(offers)}:\n`);
  offers.forEach((o, i) => {
    output.write(`  ${i + 1}. ${o.layout}, confidence ${o.confidence}${i === 0 && because ? ` — taken by default: ${because}` : ''}\n`);
    for (const [env, files] of Object.entries(o.environments)) output.write(`       ${env}: ${files.join(' → ')}\n`);
    for (const note of o.notes ?? []) output.write(`       ${note}\n`);
  });
  const question = `which layout should undrift.yaml use? [1-${offers.length}, enter: 1] `;
  // Lines are read as they come (typed, or piped all at once), one answer each.
  const rl = createInterface({ input, terminal: false });
  try {
    output.write(question);
    for await (const line of rl) {
      const answer = line.trim();
      if (answer === '') return EXIT.ok;
      const n = Number(answer);
      if (Number.isInteger(n) && n >= 1 && n <= offers.length) return n - 1;
      output.write(`"${answer}" is not one of 1-${offers.length}\n${question}`);
    }
    return EXIT.ok;
  } finally {
    rl.close();
  }
}

/** A starter contract from what differs by design (keys that share a pattern in every
 * environment), written where the contract is looked for when none exists, for the user to
 * review: each entry's reason says it was proposed. Returns what was written, if anything. */
async function proposeContract(root: string, contractPath: string, pullRequestJob: PullRequestJob | undefined): Promise<string | undefined> {
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
    // The scan's own refusals, whatever the command line asked: no live source read (no cluster,
    // no command run), no clone outside the repository, and in a pull request's CI job the
    // configuration read as scan reads a pull request's (its limits only lower, its forge not taken).
    scan = await scanRepository({
      repo: root,
      history: false,
      live: false,
      allowExec: false,
      allowRemoteClones: false,
      ...(pullRequestJob ? { pullRequestJob } : {}),
    });
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
