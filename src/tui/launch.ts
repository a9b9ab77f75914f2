import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ViewCommand, ViewIo } from '../command.js';
import { repositoryTop } from '../sources/repo/view-cache.js';

const ALT_ON = '\u001b[?1049h\u001b[H\u001b[2J';
const ALT_OFF = '\u001b[?1049l';

/** The repository's root as far as the file system says (a `.git` entry), found without git. */
function repoRootGuess(dir: string): string {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return path.resolve(dir);
  }
}

/** The frame's skeleton, before anything heavy is loaded: header, one loading row per source, the
 * footer's `? help · q quit`. Ink, the engine, history and live clients load behind it. */
export function skeleton(repoName: string, columns: number, rows: number): string {
  const height = Math.max(10, rows - 1);
  const cut = (s: string) => [...s].slice(0, columns).join('');
  const lines = [`undrift · ${repoName} · reading undrift.yaml…`, '⠋ starting', '▶ Divergences', 'repo files: reading', 'history: waiting', 'live: waiting'];
  const body = lines.map((l, i) => `\u001b[${i + 1};1H${cut(l)}\u001b[K`).join('');
  return `${body}\u001b[${height - 1};1H${cut('? help · q quit')}\u001b[K\u001b[H`;
}

/** Opens the interactive view: the skeleton at once, then the view itself (loaded on demand). */
export async function launchView(command: ViewCommand, io: ViewIo): Promise<number> {
  // React's production build unless the user chose; Ink's colour library ignores NO_COLOR, and
  // renders only the last frame when CI is set: all settled before React and Ink are loaded.
  if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';
  if (command.noColor || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) process.env.FORCE_COLOR = '0';
  if (process.env.CI !== undefined) process.env.CI = 'false';
  if (process.env.CONTINUOUS_INTEGRATION !== undefined) process.env.CONTINUOUS_INTEGRATION = 'false';

  const { stdin, stdout } = io.terminal;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(ALT_OFF);
  };
  stdout.write(ALT_ON + skeleton(path.basename(repoRootGuess(command.repo)), stdout.columns || 80, stdout.rows || 24));
  // Keys typed while the view loads wait in the terminal (not echoed) until Ink reads them.
  if (stdin.isTTY) stdin.setRawMode(true);
  process.once('exit', restore);
  try {
    // The reading starts now, in its own process, while the view (Ink, React) loads on this thread.
    const { scanInBackground } = await import('./background-scan.js');
    const { noColor: _noColor, ...options } = command;
    const reading = scanInBackground(options);
    // Shown from the list a view before kept, the list needs nothing of the reader: it waits
    // (stopped) until the list is drawn (run.tsx), its start and its reading after the view's.
    if (reading.kept) reading.pause();
    // The view's bundle, compiled with the code cache kept beside the repository's other kept data
    // (code-cache.ts); the cache is written once the first screen is drawn, when it was not taken.
    const root = repositoryTop(command.repo);
    const { loadView } = await import('./code-cache.js');
    const { view, keep } = await loadView(root === undefined ? undefined : path.join(root, '.git', 'undrift', 'code'));
    return await view.runView(command, io, restore, reading, keep);
  } finally {
    restore();
  }
}
