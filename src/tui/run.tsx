import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { applyDecisions } from '../actions/apply.js';
import { clearSession, loadSession, saveSession } from '../actions/session-store.js';
import type { Io, ScanCommand } from '../command.js';
import { scanRepository, type Scan } from '../engine.js';
import type { Decision } from '../model/types.js';

const ALT_ON = '\u001b[?1049h\u001b[H';
const ALT_OFF = '\u001b[?1049l';

/** The interactive view: a quick first screen (repo only), then history and live state load in
 * the background; decisions are saved as they are made; the terminal is restored on exit and one
 * summary line is printed. */
export async function runTui(command: ScanCommand, io: Io): Promise<number> {
  // Ink's colour library ignores NO_COLOR, and renders only the last frame when CI is set: both
  // are settled before Ink is loaded.
  if (command.noColor || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) process.env.FORCE_COLOR = '0';
  if (process.env.CI !== undefined) process.env.CI = 'false';
  if (process.env.CONTINUOUS_INTEGRATION !== undefined) process.env.CONTINUOUS_INTEGRATION = 'false';

  const quick = await scanRepository({ ...command, history: false, live: false });
  const repoRoot = quick.repoRoot;
  const saved = await loadSession(repoRoot);
  const [{ render }, React, { App }] = await Promise.all([import('ink'), import('react'), import('./App.js')]);

  let latest: Scan | undefined;
  const full = async (onProgress?: (message: string) => void): Promise<Scan> => {
    latest = await scanRepository({ ...command, ...(onProgress ? { onProgress } : {}) });
    return latest;
  };
  let summary = '';
  const stdout = process.stdout;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(ALT_OFF);
  };
  stdout.write(ALT_ON);
  process.once('exit', restore);

  const app = render(
    React.createElement(App, {
      repoName: path.basename(repoRoot),
      envs: quick.snapshot.environments,
      promotion: quick.config.promotion,
      initial: { divergences: quick.divergences },
      loadOnStart: true,
      reload: async (onProgress) => {
        const scan = await full(onProgress);
        return { divergences: scan.divergences, ...(scan.snapshot.live ? { live: scan.snapshot.live } : {}) };
      },
      ...(saved ? { saved } : {}),
      persist: (decisions: Decision[]) => {
        void (decisions.length ? saveSession(repoRoot, decisions) : clearSession(repoRoot)).catch(() => undefined);
      },
      apply: async (decisions, confirmLive) => {
        const scan = latest ?? (await full());
        const outcome = await applyDecisions(scan, decisions, { today: new Date().toISOString().slice(0, 10), live: true, confirmLive, env: io.env });
        await clearSession(repoRoot);
        const parts: string[] = [];
        if (outcome.commit) parts.push(`${outcome.commit.commits.length} commit(s) on branch ${outcome.commit.branch}`);
        const written = outcome.live.filter((l) => l.result.applied).length;
        if (outcome.live.length) parts.push(`${written}/${outcome.live.length} live change(s) written`);
        summary = parts.join(', ');
        return `applied: ${summary}`;
      },
      openEditor: (file, line) => {
        const editor = io.env.VISUAL || io.env.EDITOR || 'vi';
        spawnSync(editor, [`+${line}`, file], { cwd: repoRoot, stdio: 'inherit', shell: false });
        stdout.write(`${ALT_ON}\u001b[2J`);
      },
      copy: (text) => {
        stdout.write(`\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`);
      },
      onExit: (line) => {
        summary = summary ? `${line}; applied ${summary}` : line;
      },
    }),
    { exitOnCtrlC: true },
  );
  try {
    await app.waitUntilExit();
  } finally {
    restore();
  }
  io.stdout.write(`${summary || 'undrift: closed'}\n`);
  return 0;
}
