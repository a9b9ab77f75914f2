import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { buildScenario } from '../scenario/build.js';
import { loadScenario } from '../scenario/scenario.js';
import type { Io, ScanCommand } from '../command.js';
import { runScan } from './scan.js';
import { EXIT } from './exit.js';

export const DEMO_SCENARIO = 'payment-service';

/** Builds the payment-service story as a real git repository and scans it. Always exits 0 when
 * the demo ran: finding drift is the point of the demo, not a failure. */
export async function runDemo(options: Omit<ScanCommand, 'repo'> & { dir?: string }, io: Io): Promise<number> {
  const scenario = await loadScenario(DEMO_SCENARIO);
  const dir = options.dir ? path.resolve(io.cwd, options.dir) : await mkdtemp(path.join(tmpdir(), 'undrift-demo-'));
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) throw new UserError(`${dir} is not empty; the demo builds its repository in an empty or new directory`);
  const commits = await buildScenario(scenario, dir);
  io.stderr.write(`undrift demo: built ${scenario.name} (${commits.length} commits by ${Object.keys(scenario.authors).length} authors) in ${dir}\n\n`);
  await runScan({ ...options, repo: dir }, io);
  const bin = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));
  io.stderr.write(
    `\nTry it yourself — the interactive view: cd ${dir} && node ${bin}\n  and: node ${bin} explain PAYMENT_GATEWAY_TIMEOUT_MS · node ${bin} report -o drift.md\n`,
  );
  return EXIT.ok;
}
