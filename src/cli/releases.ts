import type { Io } from '../command.js';
import { scanRepository, type ScanOptions } from '../engine.js';
import { needsLook, releaseView } from '../compare/releases.js';
import { renderReleases } from '../report/releases.js';
import { colourEnabled, styleFor } from '../report/style.js';
import { unreadLive } from './scan.js';
import { EXIT } from './exit.js';

export interface ReleasesCommand extends ScanOptions {
  json: boolean;
  noColor: boolean;
  allowPartialLive?: boolean;
}

/** `undrift releases`: per environment and workload, the tag and digest that run, builds that
 * skipped an environment, tags rebuilt between environments. Exit 1 when there is one of those,
 * 3 when a live source could not be read (as `scan`), else 0. */
export async function runReleases(command: ReleasesCommand, io: Io): Promise<number> {
  const scan = await scanRepository({ ...command, history: false });
  const view = releaseView(scan.snapshot);
  if (command.json) io.stdout.write(`${JSON.stringify({ version: 1, ...view }, null, 2)}\n`);
  else io.stdout.write(renderReleases(view, styleFor(colourEnabled(io.stdout, io.env, command.noColor))));
  const unread = unreadLive(scan);
  if (unread.length > 0) {
    io.stderr.write(
      `undrift: ${command.allowPartialLive ? '' : 'exit 3: '}live state not read for ${unread.join('; ')}${command.allowPartialLive ? '' : ' (--allow-partial-live accepts a partial result)'}\n`,
    );
    if (!command.allowPartialLive) return EXIT.liveUnreachable;
  }
  if (!scan.snapshot.live) io.stderr.write('undrift: no environment has a live source in undrift.yaml: nothing runs that could be shown\n');
  return view.rows.some(needsLook) ? EXIT.drift : EXIT.ok;
}
