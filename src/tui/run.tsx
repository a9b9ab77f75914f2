import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { render } from 'ink';
import type { Scan } from '../engine.js';
import type { Io } from '../command.js';
import type { LoggedDecision } from '../actions/ledger.js';
import type { Decision, Divergence, EnvName } from '../model/types.js';
import { App } from './App.js';
import { createController, type Services } from './controller.js';
import type { ViewCommand } from './launch.js';
import type { Action } from './state.js';

const ALT_REDRAW = '\u001b[?1049h\u001b[H\u001b[2J';

/** The interactive view, once the skeleton is on screen: Ink renders at once, and the engine
 * (history, live clients, YAML editors) is imported and run in the background. The first read is
 * the repo alone (quick); history and live state follow, and rows that arrive later never move
 * the cursor. Decisions are saved as they are made. */
export async function runView(command: ViewCommand, io: Io, restore: () => void): Promise<number> {
  const engine = import('../engine.js');
  let store: typeof import('../actions/session-store.js') | undefined;
  let plan: typeof import('../actions/plan.js') | undefined;
  let latest: Scan | undefined;
  let repoRoot: string | undefined;
  let sessionFile: string | undefined;
  let summary = '';
  let firstRead: (error?: Error) => void = () => undefined;
  const firstReadDone = new Promise<Error | undefined>((resolve) => {
    firstRead = resolve;
  });

  const load = async (dispatch: (action: Action) => void) => {
    const { scanRepository } = await engine;
    const first = latest === undefined;
    if (first) {
      dispatch({ type: 'phase', source: 'repo', phase: { state: 'reading' } });
      try {
        const quick = await scanRepository({ ...command, history: false, live: false });
        repoRoot = quick.repoRoot;
        store = await import('../actions/session-store.js');
        sessionFile = await store.sessionFile(repoRoot);
        const saved = await store.loadSession(repoRoot);
        dispatch({ type: 'context', repoName: path.basename(repoRoot), envs: quick.snapshot.environments, promotion: quick.config.promotion });
        dispatch({ type: 'data', divergences: quick.divergences });
        dispatch({ type: 'phase', source: 'repo', phase: { state: 'done' } });
        latest = quick;
        const withLive = command.live === false ? [] : quick.config.environments.filter((e) => e.live && quick.snapshot.environments.includes(e.name));
        for (const env of withLive) dispatch({ type: 'livePhase', env: env.name, phase: { state: 'reading' } });
        if (command.history !== false) dispatch({ type: 'phase', source: 'history', phase: { state: 'reading' } });
        firstRead();
        // Apply's check for decisions made from now on (loaded after the list is on screen).
        plan = await import('../actions/plan.js');
        if (saved) controller.offerResume(saved);
      } catch (e) {
        firstRead(e as Error);
        throw e;
      }
    } else {
      dispatch({ type: 'phase', source: 'history', phase: command.history === false ? { state: 'off' } : { state: 'reading' } });
    }
    const full = await scanRepository({
      ...command,
      onHistoryProgress: (done, total) => dispatch({ type: 'phase', source: 'history', phase: { state: 'reading', done, total, unit: 'versions' } }),
      onLiveKinds: (env, done, total) => dispatch({ type: 'livePhase', env, phase: { state: 'reading', done, total, unit: 'kinds' } }),
      onLiveRead: (env, state) => dispatch({ type: 'livePhase', env, phase: { state: state.status === 'ok' ? 'done' : 'failed', detail: state.source } }),
    });
    latest = full;
    dispatch({ type: 'data', divergences: full.divergences, ...(full.snapshot.live ? { live: full.snapshot.live } : {}) });
    dispatch({ type: 'phase', source: 'history', phase: { state: command.history === false ? 'off' : 'done' } });
    for (const env of full.snapshot.live?.keys() ?? [])
      dispatch({ type: 'livePhase', env, phase: { state: full.snapshot.live!.get(env)!.status === 'ok' ? 'done' : 'failed' } });
  };

  const services: Services = {
    load,
    persist: (decisions: Decision[]) => {
      if (store && sessionFile) store.saveSessionSync(sessionFile, decisions);
    },
    validate: (decision) => {
      if (!latest || !plan) return {};
      const check = plan.validateDecision(decision, latest);
      return check.ok ? (check.inPlace ? { inPlace: check.inPlace } : {}) : { refused: check.refused };
    },
    ledger: async (divergences) => {
      if (!repoRoot) return new Map();
      const { appliedKeys } = await import('../actions/ledger.js');
      return appliedLines(divergences, await appliedKeys(repoRoot));
    },
    apply: async (decisions, hooks) => {
      const { applyDecisions } = await import('../actions/apply.js');
      const scan = latest!;
      const outcome = await applyDecisions(scan, decisions, {
        today: new Date().toISOString().slice(0, 10),
        live: true,
        confirmLive: hooks.confirmLive,
        onStep: hooks.step,
        onNotice: hooks.step,
        env: io.env,
      });
      if (store && sessionFile) store.saveSessionSync(sessionFile, []);
      const parts: string[] = [];
      if (outcome.commit) parts.push(`${outcome.commit.commits.length} commit(s) on branch ${outcome.commit.branch}`);
      if (outcome.inPlace.length) parts.push(`${outcome.inPlace.length} already in place`);
      const written = outcome.live.filter((l) => l.result.applied).length;
      if (outcome.live.length) parts.push(`${written}/${outcome.live.length} live change(s) written`);
      summary = parts.join(', ');
      return `applied: ${summary}`;
    },
    openEditor: (d: Divergence, env: EnvName) => {
      const snapshot = latest?.snapshot.envs.get(env);
      if (!latest || !snapshot) return `${env} is not read yet`;
      const at = snapshot.values.get(d.key)?.location;
      const file = at?.file ?? snapshot.files[0];
      if (!file) return `${env} has no file`;
      const editor = io.env.VISUAL || io.env.EDITOR || 'vi';
      const args = at ? [`+${at.line}`, file] : [file];
      const result = spawnSync(editor, args, { cwd: latest.repoRoot, stdio: 'inherit', shell: false });
      process.stdout.write(ALT_REDRAW);
      if (result.error) return `could not run ${editor}: ${result.error.message}`;
      return undefined;
    },
    copy: (text) => {
      process.stdout.write(`\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`);
    },
    onExit: (line) => {
      summary = summary ? `${line}; applied ${summary}` : line;
    },
  };
  const controller = createController(services, {
    repoName: path.basename(command.repo),
    size: () => ({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 }),
  });

  process.stdout.write('\u001b[H\u001b[2J');
  const app = render(<App controller={controller} />, { exitOnCtrlC: true });
  services.unmount = () => app.unmount();
  controller.start();
  const failed = await firstReadDone;
  if (failed) {
    app.unmount();
    restore();
    throw failed;
  }
  await app.waitUntilExit();
  restore();
  io.stdout.write(`${summary || 'undrift: closed'}\n`);
  return 0;
}

/** Per divergence, the newest ledger entry that still holds for its key and environments:
 * `backfill applied on undrift/2026-12-03-… · open`. */
export function appliedLines(divergences: Divergence[], byKey: Map<string, LoggedDecision[]>): Map<string, string> {
  const lines = new Map<string, string>();
  for (const d of divergences) {
    const entry = byKey
      .get(d.key)
      ?.find(
        (e) =>
          e.envs.length === 0 || e.envs.some((env) => env === 'all' || env.split(/,\s*/).some((x) => d.envs.includes(x) || Object.keys(d.values).includes(x))),
      );
    if (!entry) continue;
    const where = entry.kind === 'repo' ? `on ${entry.ref}` : entry.kind === 'live' ? 'to the live object' : 'in the ledger';
    lines.set(d.id, `${entry.actions.join(', ')} applied ${where} · ${entry.status} (${entry.date.slice(0, 10)}, ${entry.author})`);
  }
  return lines;
}
