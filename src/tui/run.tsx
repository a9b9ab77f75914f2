import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { render, useStdout } from 'ink';
import { useLayoutEffect, type ReactNode } from 'react';
import type { Scan } from '../engine.js';
import type { Config } from '../config/load.js';
import type { LayoutOffer } from '../config/write-config.js';
import type { LoggedDecision } from '../actions/ledger.js';
import { openChangeNote, type OpenChange } from '../wording/open-branch.js';
import { terminalSafe } from '../wording/terminal-text.js';
import type { ApplyOutcome } from '../actions/apply.js';
import { LIVE_KINDS, LIVE_STATUS_WORDS, type Decision, type Divergence, type EnvName, type LiveState } from '../model/types.js';
import { scanInBackground, type BackgroundScan, type ScanResult } from './background-scan.js';
import { App } from './App.js';
import { canDeclare } from './decide.js';
import { readerHold } from './reader-hold.js';
import { createController, type Services } from './controller.js';
import type { ViewCommand, ViewIo } from '../command.js';
import type { Action, LedgerLine, SourcePhase } from './state.js';

const ALT_REDRAW = '\u001b[?1049h\u001b[H\u001b[2J';
/** How long after the first list the view's code cache is written (once per build and Node). */
const KEEP_CODE_AFTER_MS = 1000;

/** The interactive view, once the skeleton is on screen: Ink renders at once, and the engine
 * (history, live clients, YAML editors) is imported and run in the background. The first read is
 * the repo alone (quick); history and live state follow, and rows that arrive later never move
 * the cursor. Decisions are saved as they are made. */
export async function runView(command: ViewCommand, io: ViewIo, restore: () => void, started?: BackgroundScan, afterFirstScreen?: () => void): Promise<number> {
  const { stdin, stdout } = io.terminal;
  const holding = readerHold();
  // Looked up while the list is read (from the directory given: git finds the repository from
  // it), so the list is shown the moment it arrives; a decision is saved from its first key.
  const sessionStore = import('../actions/session-store.js');
  const sessionRead = sessionStore.then(
    async (s) => ({ file: await s.sessionFile(command.repo), saved: await s.loadSession(command.repo) }),
    () => undefined,
  );
  sessionRead.catch(() => undefined);
  let store: typeof import('../actions/session-store.js') | undefined;
  let plan: typeof import('../actions/plan.js') | undefined;
  let latest: Scan | undefined;
  // Who waits for a read with the files' lines (apply's summary: which files the branch would
  // leave out); told undefined when the read fails.
  const lineWaiters: Array<(scan: Scan | undefined) => void> = [];
  const take = (scan: Scan) => {
    latest = scan;
    for (const waiter of lineWaiters.splice(0)) waiter(scan);
  };
  const withLines = (): Promise<Scan | undefined> => (latest ? Promise.resolve(latest) : new Promise((resolve) => lineWaiters.push(resolve)));
  let repoRoot: string | undefined;
  let sessionFile: string | undefined;
  let summary = '';
  // What to run next with the branch apply made (push it, open the pull request): apply in the
  // view pushes nothing, so the exit line says it, as `undrift apply` does.
  let nextSteps: string[] = [];
  let firstRead: (error?: Error) => void = () => undefined;
  const firstReadDone = new Promise<Error | undefined>((resolve) => {
    firstRead = resolve;
  });

  let reading: BackgroundScan | undefined;
  let config: Promise<Config> | undefined;
  /** The scan the decisions are checked and applied against: the reader's read, with the config
   * read here (its compiled patterns stay on this thread). */
  const adopt = async (read: ScanResult): Promise<Scan> => {
    if (!config || read.repoRoot !== repoRoot) {
      repoRoot = read.repoRoot;
      // As the reader loaded it: in a pull request's CI job without --trusted-config, without the
      // pull request's forge and raised limits (apply hands both on).
      config = import('../config/load.js').then(({ loadConfig }) =>
        loadConfig(read.repoRoot, command.config, command.trustedConfig, command.pullRequestJob, command.repo),
      );
    }
    return { ...read, config: await config };
  };

  // History is parsed in a process of its own: a key is answered at once however large the history.
  const load = async (dispatch: (action: Action) => void) => {
    const first = latest === undefined;
    if (first) dispatch({ type: 'phase', source: 'repo', phase: { state: 'reading' } });
    else dispatch({ type: 'phase', source: 'history', phase: command.history === false ? { state: 'off' } : { state: 'reading' } });
    reading?.stop();
    const { noColor: _noColor, ...options } = command;
    let quickDone: Promise<void> = Promise.resolve();
    let fullDone = false;
    // The first read was started before the view loaded; a reload starts its own.
    const background = first && started ? started : scanInBackground(options);
    background.attach({
      quick: (quick, whole) => {
        if (!first) return;
        holding.forList(background);
        // A values-only read (the files' lines still being read) shows the list; decisions are
        // checked, applied and opened in an editor against the located read that follows.
        const unlocated = quick.snapshot.environments.some((env) => quick.snapshot.envs.get(env)?.unlocated);
        quickDone = (async () => {
          try {
            store = await sessionStore;
            const early = await sessionRead.catch(() => undefined);
            sessionFile = early?.file ?? (await store.sessionFile(quick.repoRoot));
            const saved = early ? early.saved : await store.loadSession(quick.repoRoot);
            // A read with its lines is what the editor and apply work on: taken before the list
            // shows, so a list without `lines: reading` always answers `e` and A. The list a view
            // before kept shows first, its environments' values taken right after the frame (apply
            // and the editor wait for them, as for the lines of a values-only read).
            if (!unlocated && !whole) take(await adopt(quick));
            dispatch({ type: 'context', repoName: path.basename(quick.repoRoot), envs: quick.snapshot.environments, promotion: quick.snapshot.promotion });
            dispatch({ type: 'data', divergences: quick.divergences, patterns: quick.patterns, ...(unlocated ? { unlocated } : {}) });
            holding.listIn();
            // The view's code cache (code-cache.ts) holds what the first screen compiled: written
            // once it is drawn, not in its way.
            if (afterFirstScreen) setTimeout(afterFirstScreen, KEEP_CODE_AFTER_MS).unref();
            dispatch({ type: 'phase', source: 'repo', phase: { state: 'done' } });
            const withLive = command.live === false ? [] : quick.liveEnvs;
            for (const env of withLive) dispatch({ type: 'livePhase', env, phase: { state: 'reading' } });
            dispatch({ type: 'phase', source: 'history', phase: command.history === false ? { state: 'off' } : { state: 'reading' } });
            // The config the reader read, compiled on this thread (its patterns) for apply's check.
            if (whole) {
              await new Promise((resolve) => setImmediate(resolve));
              // Unless a located or full read came meanwhile (it replaces this one).
              const kept = await adopt(whole());
              if (!latest) take(kept);
              controller.recheck();
            } else if (unlocated) await adopt(quick);
            firstRead();
            // Apply's check for decisions made from now on (loaded after the list is on screen).
            plan = await import('../actions/plan.js');
            // Decisions made before apply's check was loaded are checked now.
            controller.recheck();
            if (saved) controller.offerResume(saved);
          } catch (e) {
            firstRead(e as Error);
          }
        })();
      },
      located: (read) => {
        if (!first) return;
        quickDone = quickDone.then(async () => {
          take(await adopt(read));
          // Unless the full read came first (it replaces these).
          if (!fullDone) dispatch({ type: 'data', divergences: read.divergences, patterns: read.patterns });
          // Decisions made on the values-only read are checked where apply will carry them out.
          controller.recheck();
        });
        // A config that cannot be read now fails the full read too, which reports it.
        quickDone.catch(() => undefined);
      },
      history: (done, total) => dispatch({ type: 'phase', source: 'history', phase: { state: 'reading', done, total, unit: 'commits' } }),
      liveKinds: (env, done, total) => dispatch({ type: 'livePhase', env, phase: { state: 'reading', done, total, unit: 'kinds' } }),
      liveRead: (env, state) => dispatch({ type: 'livePhase', env, phase: liveDone(state) }),
    });
    reading = background;
    let full: ScanResult;
    try {
      full = await background.done;
    } catch (e) {
      if (first) firstRead(e as Error);
      for (const waiter of lineWaiters.splice(0)) waiter(undefined);
      throw e;
    }
    fullDone = true;
    await quickDone;
    take(await adopt(full));
    dispatch({ type: 'data', divergences: full.divergences, patterns: full.patterns, ...(full.snapshot.live ? { live: full.snapshot.live } : {}) });
    controller.recheck();
    dispatch({ type: 'phase', source: 'history', phase: { state: command.history === false ? 'off' : 'done' } });
    for (const [env, state] of full.snapshot.live ?? []) dispatch({ type: 'livePhase', env, phase: liveDone(state) });
  };

  /** Ink's own writer (see InkWriter), once the view is mounted. */
  let inkWrite: ((data: string) => void) | undefined;
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
    plan: (decisions) => (latest && plan ? plan.planDecisions(latest, decisions) : undefined),
    // Waits for the files' lines: a values-only read does not say which file each value came from.
    uncommitted: async () => {
      const scan = await withLines();
      if (!scan) return [];
      const { uncommittedReads } = await import('../actions/apply.js');
      return uncommittedReads(scan);
    },
    ledger: async (divergences) => {
      if (!repoRoot) return new Map();
      return ledgerLines(repoRoot, divergences);
    },
    apply: async (decisions, hooks) => {
      // Apply edits lines: it waits for the read that located them (a moment after the list).
      const scan = latest;
      if (!scan) throw new Error("the files' lines are still being read: press A again in a moment");
      const { applyDecisions } = await import('../actions/apply.js');
      const outcome = await applyDecisions(scan, decisions, {
        today: new Date().toISOString().slice(0, 10),
        live: true,
        // Each harmful decision was confirmed in the view when it was made (controller.ts riskOf).
        allowRisk: true,
        confirmLive: hooks.confirmLive,
        onStep: hooks.step,
        onNotice: hooks.step,
        env: io.env,
      });
      if (store && sessionFile) store.saveSessionSync(sessionFile, []);
      summary = appliedSummary(outcome);
      if (outcome.commit) {
        const { publish } = await import('../actions/forge.js');
        nextSteps = (await publish(scan.repoRoot, outcome.commit, [], { push: false, pr: false, env: io.env })).instructions;
      }
      return `applied: ${summary}`;
    },
    openEditor: (d: Divergence, env: EnvName) => {
      const snapshot = latest?.snapshot.envs.get(env);
      if (!latest || !snapshot) return `${env}'s file is still being read (its lines follow the list in a moment)`;
      const at = snapshot.values.get(d.key)?.location;
      const file = at?.file ?? snapshot.files[0];
      if (!file) return `${env} has no file`;
      const editor = io.env.VISUAL || io.env.EDITOR || 'vi';
      const args = at ? [`+${at.line}`, file] : [file];
      // The editor takes over the view's terminal (its file descriptors) until it exits.
      const result = spawnSync(editor, args, { cwd: latest.repoRoot, stdio: [stdin, stdout, 'inherit'], shell: false });
      stdout.write(ALT_REDRAW);
      // Ink draws only a frame that differs from its last one: the frame the editor wiped would stay
      // blank until something changed. What is written through Ink is followed by its last frame in
      // full (the screen is blank and the cursor home: nothing else is touched).
      inkWrite?.('');
      if (result.error) return `could not run ${editor}: ${result.error.message}`;
      return undefined;
    },
    copy: (text) => {
      stdout.write(`\u001b]52;c;${Buffer.from(text).toString('base64')}\u0007`);
    },
    onExit: (line) => {
      // The controller's line may already say what was applied.
      summary = summary && !line.includes(summary) ? `${line}; applied ${summary}` : line;
    },
    chooseLayout: async (offers, index) => {
      const { writeChosenLayout } = await import('../config/write-config.js');
      const { findRepoRoot } = await import('../git/repo.js');
      const written = await writeChosenLayout(await findRepoRoot(command.repo), offers, index);
      // The read started before the choice followed the layout discovery took: the chosen one is read afresh.
      started?.stop();
      started = undefined;
      return written;
    },
  };
  const controller = createController(services, {
    repoName: path.basename(command.repo),
    size: () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }),
  });

  // The reader stops while the view draws a key's frame or the first list (reader-hold.ts).
  // Not the end of the input (a closed terminal): no frame follows it to let the reader go.
  const keyArrives = () => {
    if (stdin.readableLength > 0) holding.key(reading);
  };
  // Before Ink's own listener, which reads the key: this one reads nothing.
  stdin.prependListener('readable', keyArrives);
  if (started?.kept) holding.forList(started);

  stdout.write('\u001b[H\u001b[2J');
  // Ink draws at most maxFps frames a second, holding a frame that follows another too closely:
  // at its default (30) a key pressed just after a progress frame waits up to 33 ms for its own.
  // Not `incrementalRendering`: Ink 6.8's incremental writer moves the cursor up one row less
  // than the last frame had lines (`cursorUp(previousVisible - 1)`, as if the cursor stood on the
  // frame's last line), but a frame shorter than the terminal ends in the newline Ink adds, which
  // leaves the cursor one row below it: every frame after the first is drawn a row lower. A frame
  // as tall as the terminal has no newline, but then Ink clears the screen and its scrollback on
  // every frame. Ink 8 counts the newline (`cursorUp(previousLines.length - 1)`); it needs Node 22.
  const app = render(
    <InkWriter keep={(write) => (inkWrite = write)}>
      <App controller={controller} />
    </InkWriter>,
    { stdout, stdin, exitOnCtrlC: true, maxFps: 120, onRender: () => holding.frameDrawn() },
  );
  services.unmount = () => app.unmount();
  const layouts = layoutQuestion(command, started) ? await competingLayouts(command.repo) : undefined;
  if (layouts) controller.offerLayouts(layouts.offers, layouts.because);
  else controller.start();
  // Closed while choosing a layout: nothing was read.
  const failed = await Promise.race([firstReadDone, app.waitUntilExit().then(() => undefined)]);
  if (failed) {
    reading?.stop();
    app.unmount();
    restore();
    throw failed;
  }
  await app.waitUntilExit();
  stdin.off('readable', keyArrives);
  holding.release();
  reading?.stop();
  restore();
  io.stdout.write(`${summary || 'undrift: closed'}\n`);
  for (const line of nextSteps) io.stdout.write(`${line}\n`);
  return 0;
}

/** Hands Ink's writer out of the tree: what is written through it is followed by Ink's last frame
 * in full, the one way Ink 6 has to draw a frame again that has not changed. */
function InkWriter({ keep, children }: { keep: (write: (data: string) => void) => void; children: ReactNode }) {
  const { write } = useStdout();
  useLayoutEffect(() => keep(write), [keep, write]);
  return children;
}

/** Whether the view asks which layout holds the environments before it reads: only where no
 * configuration is named and no undrift.yaml may exist. A list a view before kept was read through
 * undrift.yaml (its key holds the file's bytes): shown from it, the question is not looked for —
 * looking loads the config's modules and runs git, ~50 ms of the view's thread before the list
 * (bench/tui --first-screen --cached on the Helm corpus). */
export function layoutQuestion(command: Pick<ViewCommand, 'config'>, started?: Pick<BackgroundScan, 'kept'>): boolean {
  return command.config === undefined && started?.kept !== true;
}

/** Without undrift.yaml, the layouts discovery finds when more than one competes (at most nine:
 * one key each), the one its rule takes first. Discovery's errors are left to the scan to say. */
export async function competingLayouts(repo: string): Promise<{ offers: LayoutOffer[]; because?: string } | undefined> {
  const [{ findRepoRoot }, { CONFIG_FILE, discoverConfig }, { layoutOffers }] = await Promise.all([
    import('../git/repo.js'),
    import('../config/load.js'),
    import('../config/write-config.js'),
  ]);
  try {
    const root = await findRepoRoot(repo);
    if (existsSync(path.join(root, CONFIG_FILE))) return undefined;
    const config = await discoverConfig(root, repo);
    const offers = layoutOffers(config).slice(0, 9);
    return offers.length > 1 ? { offers, ...(config.discovery?.chosenBecause ? { because: config.discovery.chosenBecause } : {}) } : undefined;
  } catch {
    return undefined;
  }
}

/** A live source's state once read: read, partly read, or unavailable, with why. */
function liveDone(state: LiveState): SourcePhase {
  const phase = state.status === 'ok' ? 'done' : state.status === 'partial' ? 'partial' : 'failed';
  return { state: phase, detail: `${LIVE_STATUS_WORDS[state.status]} (${state.source})${state.reason ? `: ${state.reason}` : ''}` };
}

/** Whether an entry can have dealt with a divergence of the key: a contract edit (declare,
 * undeclare) only with one the contract declares, a live patch only with repo-against-live drift.
 * A declared PAYMENT_GATEWAY_TIMEOUT_MS marked its live-drift row applied as well (`✔ declare
 * applied`, `2 applied` for one decision), a drift that declaring does not touch. */
function liveWriteHolds(entry: LoggedDecision, d: Divergence): boolean {
  if (!entry.live) return true;
  const after = entry.live.after;
  return entry.envs.every((env) => {
    const now = d.values[env]?.live;
    return now === undefined || now === after;
  });
}

function dealtWith(entry: LoggedDecision, d: Divergence): boolean {
  // A live write deals with the row only while the object still holds what it wrote: a hand edit
  // or a deploy since may have put the drift back, and the row is then undecided again.
  if (entry.kind === 'live') return LIVE_KINDS.has(d.kind) && liveWriteHolds(entry, d);
  if (entry.kind === 'repo' && entry.actions.every((a) => a === 'declare' || a === 'undeclare')) {
    // An acceptance (`accept live …`, live_differences:) deals with the live row it accepted; a
    // declaration between environments never touches a live one.
    const accepts = /\baccept(?:ed)? live\b/.test(entry.subject);
    return d.kind === 'live-drift' || d.kind === 'live-only' ? accepts : !accepts && canDeclare(d) === undefined;
  }
  // A repo revert changes the file, never what runs: the live drift its merge leaves (the file
  // back to 15.1, the cluster still on 15.3) is not dealt with until a deploy or a live revert.
  if (entry.kind === 'repo' && LIVE_KINDS.has(d.kind) && entry.actions.every((a) => a === 'revert')) return false;
  return true;
}

/** The ledger's line per divergence, read from the repository: its entries, and how each open
 * branch's change stands against the checkout now. */
export async function ledgerLines(repoRoot: string, divergences: Divergence[]): Promise<Map<string, LedgerLine>> {
  const { appliedKeys } = await import('../actions/ledger.js');
  const { openChanges } = await import('../actions/open-branch.js');
  const byKey = await appliedKeys(repoRoot);
  return appliedLines(divergences, byKey, await openChanges(repoRoot, [...new Set([...byKey.values()].flat())]));
}

/** What an apply from the view did, in one line: its commits, what already held, live changes and
 * the skips it recorded (an apply of skips alone said only "applied:"). */
export function appliedSummary(outcome: Pick<ApplyOutcome, 'commit' | 'inPlace' | 'live' | 'skipped'>): string {
  const parts: string[] = [];
  if (outcome.commit) parts.push(`${outcome.commit.commits.length} commit(s) on branch ${outcome.commit.branch}`);
  // Where each already is (a newcomer read "1 already in place" and could not find it, session 37).
  if (outcome.inPlace.length) {
    const places = [...new Set(outcome.inPlace.map((i) => (i.where === 'live' ? 'the live object' : i.where)))];
    parts.push(`${outcome.inPlace.length} already in place on ${places.join(' and ')}`);
  }
  const written = outcome.live.filter((l) => l.result.applied).length;
  if (outcome.live.length) parts.push(`${written}/${outcome.live.length} live change(s) written`);
  if (outcome.skipped.length) parts.push(`${outcome.skipped.length} skip(s) recorded in the ledger`);
  // Not a comma: the branch's name is copied from this line, and a comma after it is not its name's.
  return parts.join(' · ');
}

/** Per divergence, the newest ledger entry that still holds for its key and environments, said
 * as `undrift log` says it: `backfill applied on main · merged (…)`, or for a branch not merged
 * yet `backfill on origin/undrift/2026-12-03-… · open, not merged yet (…)` (a fresh clone marked
 * rows applied that sat only on origin's unmerged branches). */
export function appliedLines(
  divergences: Divergence[],
  byKey: Map<string, LoggedDecision[]>,
  open?: { head: string; changes: Map<string, OpenChange[]> },
): Map<string, LedgerLine> {
  const lines = new Map<string, LedgerLine>();
  for (const d of divergences) {
    const held = (byKey.get(d.key) ?? []).filter(
      (e) =>
        dealtWith(e, d) &&
        (e.envs.length === 0 || e.envs.some((env) => env === 'all' || env.split(/,\s*/).some((x) => d.envs.includes(x) || Object.keys(d.values).includes(x)))),
    );
    const entry = held[0];
    if (!entry) continue;
    const where = entry.kind === 'repo' ? `on ${entry.ref}` : entry.kind === 'live' ? 'to the live object' : 'in the ledger';
    const when = `(${entry.date.slice(0, 10)}, ${entry.author})`;
    const isOpen = entry.status === 'open';
    // `· sets 3000, main now has 3000`: the open branch no longer changes what it did when made.
    const note =
      isOpen && open
        ? openChangeNote(
            (open.changes.get(entry.commit) ?? []).filter((c) => c.key === d.key),
            open.head,
          )
        : undefined;
    // Another branch not merged yet that decided the key otherwise (a newcomer's trial, session 37:
    // production given staging's value on one branch, staging production's on another, and the row
    // named only the newest as "backfill"): both are named with where and what they write.
    const decided = (e: LoggedDecision) => `${e.actions.join(', ')}${e.envs.length > 0 ? ` ${e.envs.join(', ')}` : ''}`;
    const others = isOpen ? held.filter((e) => e !== entry && e.status === 'open' && decided(e) !== decided(entry)) : [];
    const writes = (e: LoggedDecision) => {
      const sets = (open?.changes.get(e.commit) ?? []).filter((c) => c.key === d.key && !c.secret).map((c) => terminalSafe(c.after ?? '(none)'));
      return sets.length > 0 ? ` = ${[...new Set(sets)].join(', ')}` : '';
    };
    const twoWays =
      others.length > 0
        ? ` · also open: ${others.map((o) => `${decided(o)}${writes(o)} on ${o.ref} (${o.date.slice(0, 10)}, ${o.author})`).join('; ')}: ` +
          `merging both decides ${d.key} two ways, so close the one you no longer want`
        : '';
    lines.set(d.id, {
      text: isOpen
        ? others.length > 0
          ? `${decided(entry)}${writes(entry)} ${where} · open, not merged yet ${when}${note ? ` · ${note}` : ''}${twoWays}`
          : `${entry.actions.join(', ')} ${where} · open, not merged yet ${when}${note ? ` · ${note}` : ''}`
        : `${entry.actions.join(', ')} applied ${where} · ${entry.status} ${when}`,
      open: isOpen,
    });
  }
  return lines;
}
