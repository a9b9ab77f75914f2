import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { git, repoWithFiles } from '../support/repo.js';
import { COMPETING_LAYOUTS } from '../support/competing-layouts.js';
import { TmuxSession } from '../support/tmux.js';
import { ONCALL_IDENTITY as IDENTITY, scenarioRepo } from '../support/demo-repo.js';

const BIN = fileURLToPath(new URL('../../bin/undrift.js', import.meta.url));
let hasTmux = true;
/** How long a view may take to show its first screen or finish loading in the background: Node,
 * Ink and the engine start in each session, and at a load average of ~35 on two cores (the suite
 * beside other work) that passed the 15 s a key's answer is given. */
const LOADING_MS = 60_000;
const sessions: TmuxSession[] = [];

beforeAll(async () => {
  hasTmux = (await execa('tmux', ['-V'], { reject: false })).exitCode === 0;
});
const cleanUps: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.kill()));
  await Promise.all(cleanUps.splice(0).map((cleanUp) => cleanUp()));
});

async function demoRepo(): Promise<string> {
  const repo = await scenarioRepo();
  return repo;
}

async function open(repo: string, label: string, env: Record<string, string> = {}, size = { width: 100, height: 30 }, args: string[] = []) {
  const session = await TmuxSession.start({ cwd: repo, command: [`node ${BIN}`, ...args].join(' '), env: { ...IDENTITY, ...env }, label, ...size });
  sessions.push(session);
  return session;
}

/** Waits until a file exists (written by a process the test does not wait for), or one whose name
 * `file` matches in its directory. */
async function waitForFile(file: string | { dir: string; name: RegExp }, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const there = () => (typeof file === 'string' ? existsSync(file) : existsSync(file.dir) && readdirSync(file.dir).some((name) => file.name.test(name)));
  while (!there()) {
    if (Date.now() > deadline) throw new Error(`${typeof file === 'string' ? file : `${file.dir}/${String(file.name)}`} was never written`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until a process has ended (and been reaped, or is only a zombie). */
async function waitUntilGone(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const state = () => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
    } catch {
      return undefined;
    }
  };
  while (!['Z', 'X', undefined].includes(state())) {
    if (Date.now() > deadline) throw new Error(`process ${pid} is still there (state ${state()})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the interactive view in a real terminal (tmux)', () => {
  it('open, filter, move, decide on three keys, undo one, quit and resume, apply: commits on a new branch, checkout unchanged', async (ctx) => {
    if (!hasTmux) return ctx.skip();
    const repo = await demoRepo();
    const head = await git(repo, 'rev-parse', 'HEAD');
    const status = await git(repo, 'status', '--porcelain');
    const tui = await open(repo, 'walkthrough');
    // Live rows arrive before any key is pressed: the cursor is at the top, nothing hidden above it.
    await tui.waitFor(/Divergences 1\/12(?! ▲)/, 'live-read', LOADING_MS);
    await tui.waitFor('Verdict:', 'history-loaded', LOADING_MS); // history and live loaded in the background

    await tui.keys('/');
    await tui.waitFor('filter: ▏', 'filter-mode');
    await tui.type('pgclient');
    await tui.waitFor('Divergences 1/1', 'filtered');
    await tui.keys('Enter', 'b');
    await tui.waitFor('backfill PG_CLIENT_VERSION: which one?', 'backfill-choice');
    await tui.keys('1');
    // The verdict leaves it to a person (declare): moving a version into production against it
    // asks for a typed confirmation naming the risk.
    await tui.waitFor('Record a risky decision?', 'risky-confirm');
    await tui.type('y');
    await tui.keys('Enter');
    await tui.waitFor('1 decided', 'decided-1');

    await tui.keys('Escape');
    await tui.waitFor('Divergences 7/12', 'filter-cleared'); // still on PG_CLIENT_VERSION
    await tui.keys('k', 'k', 'k');
    await tui.waitFor(/› ≠ NEW_AUTH_FLOW/, 'moved-to-new-auth-flow');
    await tui.keys('d');
    await tui.waitFor('Declare NEW_AUTH_FLOW intended', 'declare-form');
    await tui.type('rollout until Q1');
    await tui.keys('Tab');
    await tui.type('auth-team');
    await tui.keys('Enter');
    await tui.waitFor('2 decided', 'decided-2');

    await tui.keys('G');
    await tui.waitFor(/› ○ DB_POOL_MAX/, 'bottom');
    await tui.keys('s');
    await tui.waitFor('3 decided', 'decided-3');
    await tui.keys('u');
    await tui.waitFor('2 decided', 'undone');

    await tui.keys('q');
    await tui.waitFor('Quit?', 'quit-asks');
    await tui.keys('y');
    const after = await tui.waitFor('[exit 0]', 'quit');
    expect(after).toContain('undrift: 12 divergences, 2 decided, 10 undecided; 2 decisions saved — run undrift again to resume');
    expect(after).not.toContain('Divergences'); // the alternate screen is gone

    const again = await open(repo, 'resume');
    await again.waitFor('2 decision(s) saved', 'resume-offered', LOADING_MS);
    await again.keys('y');
    await again.waitFor('resumed 2 decisions', 'resumed');
    await again.waitFor('Verdict:', 'resumed-loaded', LOADING_MS);
    await again.keys('A');
    await again.waitFor('type production and enter to confirm', 'apply-summary');
    await again.type('production');
    await again.keys('Enter');
    const applied = await again.waitFor(/applied: 2 commit\(s\) on branch (undrift\/\S+)/, 'applied', LOADING_MS);
    const branch = /on branch (undrift\/\S+)/.exec(applied)![1]!;
    await again.waitFor('commit 2/2', 'apply-report'); // what apply did stays on screen until esc
    await again.keys('Escape');
    await again.waitFor(/▶ Divergences/, 'report-closed');
    await again.keys('q');
    await again.waitFor('[exit 0]', 'quit-after-apply');
    // The view pushes nothing: its exit lines say what to run with the branch (the repo has no
    // remote), and what was applied once.
    const exited = await again.waitFor('add a remote and push it: git remote add origin URL && git push origin', 'push-hint');
    expect(exited.match(/applied:? 2 commit/g)).toHaveLength(1);

    // The next session shows what was applied (from the ledger), not as undecided work: on a branch
    // not merged yet, open, as `undrift log` says.
    const third = await open(repo, 'after-apply', {}, { width: 200, height: 40 });
    await third.waitFor('…o', 'open-marks', LOADING_MS);
    // The backlog shrinks: decided keys are counted apart, and the undecided filter passes them over.
    await third.waitFor(/0 decided · 2 open · \d+ total/, 'open-counts');
    await third.keys('/');
    await third.type('pgclient');
    await third.waitFor(/backfill on undrift\/\S+ · open, not merged yet/, 'open-detail');
    await third.keys('Escape');
    await third.waitFor(/▶ Divergences \d+\/12/, 'filter-closed');
    // What each environment runs: the demo's image tag rebuilt between staging and production.
    await third.keys('v');
    const releases = await third.waitFor('Releases — what each environment runs', 'releases');
    expect(releases).toMatch(/production {2}1\.8\.2 {2}sha256:9c4e7b21d0f3/);
    expect(releases).toContain('rebuilt (pushed again) between environments');
    await third.keys('Escape', 'q');
    await third.waitFor('[exit 0]', 'quit-third');

    const log = await git(repo, 'log', '--format=%s', `${head}..${branch}`);
    expect(log.split('\n')).toEqual(['drift: declare NEW_AUTH_FLOW (staging=true, production=false)', 'drift(production): backfill PG_CLIENT_VERSION=15.3']);
    expect(await git(repo, 'show', `${branch}:config/expected-env-diff.yaml`)).toContain(
      '  NEW_AUTH_FLOW:\n    staging: true\n    production: false\n    reason: rollout until Q1\n    owner: auth-team',
    );
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(repo, 'status', '--porcelain')).toBe(status);
    expect(await git(repo, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
  }, 240_000);

  it('a kill -9 right after a decision loses nothing: it is on disk once the key is answered', async (ctx) => {
    if (!hasTmux) return ctx.skip();
    const repo = await demoRepo();
    const tui = await open(repo, 'kill');
    // Killed while history still loads: a decision is saved inside the key press, whatever loads.
    // (That the next start offers saved decisions is the walkthrough's resume.)
    await tui.waitFor(/Divergences 1\/\d+/, 'list', LOADING_MS);
    await tui.keys('s');
    await tui.waitFor('1 decided', 'decided');
    const [pid] = await tui.children();
    // What the view started (its reader, and the watch that continues a reader stopped for a key)
    // ends with it: nothing is left running, or stopped.
    const started = (await execa('pgrep', ['-P', String(pid)], { reject: false })).stdout.split('\n').filter(Boolean).map(Number);
    process.kill(pid!, 'SIGKILL');
    await tui.waitFor('[exit 137]', 'killed');
    for (const child of started) await waitUntilGone(child);
    const saved = JSON.parse(await readFile(path.join(repo, '.git', 'undrift', 'session.json'), 'utf8')) as { decisions: Array<{ action: string }> };
    expect(saved.decisions).toEqual([expect.objectContaining({ action: 'skip' })]);
  }, 120_000);

  // One session for what 80×24 must hold: NO_COLOR, a CI variable, a resize both ways, the help,
  // and a pattern row (one row for its keys, → lists them, d declares every key through one entry).
  it('fits 80×24 and follows a resize, honours NO_COLOR, is not frozen by a CI variable; a pattern row declares its keys through one entry', async (ctx) => {
    if (!hasTmux) return ctx.skip();
    const urls = (short: string) =>
      ['PAYMENT', 'LEDGER', 'AUTH', 'SEARCH', 'MAIL'].map((s) => `${s}_URL: https://${s.toLowerCase()}.${short}.acme.internal\n`).join('');
    const repo = await repoWithFiles({
      'config/staging.yaml': `${urls('staging')}timeout: 30\nretries: 3\npool: 10\n`,
      'config/production.yaml': `${urls('prod')}timeout: 10\nretries: 5\npool: 20\n`,
    });
    const status = await git(repo, 'status', '--porcelain');
    const tui = await open(repo, 'pattern-80x24', { NO_COLOR: '1', CI: 'true' }, { width: 80, height: 24 });
    const fitsIn = (screen: string, columns: number) => Math.max(...screen.split('\n').map((l) => [...l].length)) <= columns;
    const first = await tui.waitFor(/› ≋ ▸ \*_URL \(5 keys\)/, 'pattern-row', LOADING_MS);
    expect(first).toContain('Divergences 1/4');
    const lines = first.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines[23] ?? '').toBe(''); // one row shorter than the terminal
    expect(fitsIn(first, 80)).toBe(true);
    expect(await tui.screen(true)).not.toMatch(/\u001b\[(3\d|9\d|4\d)(;\d+)*m/); // no colour codes
    await tui.keys('g', 'j', 'j');
    await tui.waitFor('Divergences 3/4', 'moves-with-CI-set');
    await tui.resize(120, 30);
    const wide = await tui.waitFor(/^.{90,}$/mu, 'resized-120x30');
    expect(wide).toContain('Divergences 3/4');
    expect(fitsIn(wide, 120)).toBe(true);
    await tui.keys('?');
    await tui.waitFor('Keys — type to filter, esc closes', 'help');
    await tui.keys('Escape');
    await tui.resize(80, 24);
    await tui.waitFor((s) => !/^.{81,}$/mu.test(s) && s.includes('Divergences 3/4'), 'back-to-80x24');
    // At 80×24 the help is taller than its pane: ↓ and PgDn scroll it (letters filter it).
    await tui.keys('?');
    await tui.waitFor(/esc closes ▼[\s\S]*↑\/↓ scroll · esc close/, 'help-80x24');
    await tui.keys('PageDown', 'Down');
    await tui.waitFor('esc closes ▲ ▼', 'help-scrolled');
    await tui.keys('Escape');
    await tui.waitFor('▶ Divergences 3/4', 'help-closed');
    await tui.keys('g', 'Right');
    const open_ = await tui.waitFor(/≋ ▾ \*_URL/, 'pattern-open');
    expect(open_).toMatch(/≠ {3}AUTH_URL/);
    expect(fitsIn(open_, 80)).toBe(true);
    // Declared once the keys' verdicts are read: before them a choice on a risky key (AUTH_URL)
    // is confirmed first, since whether it goes against the verdict is not known yet.
    await tui.waitFor((s) => !/history: |lines: reading/.test(s.split('\n')[1] ?? ''), 'history-loaded', LOADING_MS);
    // The view's compiled code is kept for the next view (tui/code-cache.ts) beside the repository's
    // other kept data, never in the work tree.
    await waitForFile({ dir: path.join(repo, '.git', 'undrift', 'code'), name: /^run\.cjs-[0-9a-f]{40}\.v8$/ }, LOADING_MS);
    expect(await git(repo, 'status', '--porcelain')).toBe(status);
    await tui.keys('d');
    await tui.waitFor('Declare the pattern *_URL (5 keys)', 'declare-form');
    await tui.type('each environment names its own hosts');
    await tui.keys('Enter');
    await tui.waitFor('5 decided', 'declared');
    await tui.keys('q', 'y');
    await tui.waitFor('[exit 0]', 'quit');
    const saved = JSON.parse(await readFile(path.join(repo, '.git', 'undrift', 'session.json'), 'utf8')) as { decisions: Array<{ pattern?: string }> };
    expect(saved.decisions.map((d) => d.pattern)).toEqual(Array(5).fill('*_URL'));
  }, 120_000);

  // The reading starts before the view asks which layout holds the environments (while Ink loads):
  // the layout chosen must be the one read, not the one discovery took.
  // Then `e`: the editor (a script that notes its arguments and exits at once) opens the file at the
  // key's line, and when it closes the frame is drawn again at once. Ink draws only a frame that
  // differs from its last one; history is off here, so reading again after the editor changes
  // nothing on screen: without the redraw the screen would stay blank until a key.
  it('reads the layout chosen in the first prompt, not the one discovery took; the editor opens the file at the line and the frame is back when it closes', async (ctx) => {
    if (!hasTmux) return ctx.skip();
    const repo = await repoWithFiles(COMPETING_LAYOUTS);
    const tools = await mkdtemp(path.join(tmpdir(), 'undrift-editor-'));
    cleanUps.push(() => rm(tools, { recursive: true, force: true }));
    const editor = path.join(tools, 'editor');
    // It takes the screen as an editor does (cleared), then notes what it was asked to open.
    await writeFile(editor, `#!/bin/sh\nprintf '\\033[H\\033[2Jediting\\n'\necho "$*" >> '${tools}/opened'\n`, { mode: 0o755 });
    const tui = await open(repo, 'layout', { NO_COLOR: '1', EDITOR: editor }, { width: 80, height: 24 }, ['--no-history']);
    await tui.waitFor('2. .env.<env> (qa, production)', 'layouts', LOADING_MS);
    await tui.keys('2');
    const list = await tui.waitFor(/Divergences 1\/1/, 'chosen', LOADING_MS);
    expect(list).toContain('qa → production');
    expect(list).toMatch(/≠ LOG +debug +warn/);
    expect(list).not.toContain('replicas');

    // The list without `lines: reading` is the read the editor opens files from.
    await tui.waitFor((s) => !(s.split('\n')[1] ?? '').includes('lines: reading'), 'located', LOADING_MS);
    // A key clears the message that undrift.yaml was written: `e` then changes nothing on screen.
    // The message is on screen before the key (a key pressed before it shows would clear nothing,
    // and the wait after it would pass at once).
    await tui.waitFor(/wrote \S*undrift\.yaml/, 'message-shown');
    await tui.keys('g');
    await tui.waitFor((s) => !s.includes('wrote ') && s.includes('Divergences 1/1'), 'message-cleared');
    await tui.keys('e');
    await waitForFile(path.join(tools, 'opened'));
    expect(await readFile(path.join(tools, 'opened'), 'utf8')).toBe('+1 .env.qa\n');
    const back = await tui.waitFor((s) => s.includes('Divergences 1/1') && !s.includes('editing'), 'after-editor');
    expect(back).toMatch(/≠ LOG +debug +warn/);
  }, 120_000);

  // On-call edits a file to try a value, then applies from the view: the summary says, before the
  // typed confirmation, that the branch is made from HEAD and not from the edit on screen; the edit
  // is still in the work tree afterwards, the checkout's HEAD and branch unchanged.
  it('over an uncommitted edit: the apply summary warns before the confirmation, and the edit survives the apply', async (ctx) => {
    if (!hasTmux) return ctx.skip();
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'TIMEOUT: 2\n',
      'config/production.yaml': 'TIMEOUT: 1\n',
    });
    const head = await git(repo, 'rev-parse', 'HEAD');
    await writeFile(path.join(repo, 'config/staging.yaml'), 'TIMEOUT: 3\n');
    const tui = await open(repo, 'uncommitted', { NO_COLOR: '1' }, { width: 160, height: 45 }, ['--no-history']);
    await tui.waitFor(/Divergences 1\/1/, 'list', LOADING_MS);
    await tui.keys('d');
    await tui.waitFor('Declare TIMEOUT intended', 'declare-form');
    await tui.type('each environment its own timeout');
    await tui.keys('Enter');
    await tui.waitFor('1 decided', 'decided');
    await tui.keys('A');
    const summary = await tui.waitFor('type production and enter to confirm', 'apply-summary');
    // The notice is wrapped to the terminal: read it as one line.
    expect(summary.replace(/\s+/g, ' ')).toContain(
      'config/staging.yaml has uncommitted changes: the scan read it as in your work tree, but the branch is made from the committed files (HEAD)',
    );
    await tui.type('production');
    await tui.keys('Enter');
    const applied = await tui.waitFor(/applied: \d+ commit\(s\) on branch (undrift\/\S+)/, 'applied', LOADING_MS);
    const branch = /on branch (undrift\/\S+)/.exec(applied)![1]!;
    expect(await git(repo, 'show', `${branch}:config/staging.yaml`)).toBe('TIMEOUT: 2');
    expect(await readFile(path.join(repo, 'config/staging.yaml'), 'utf8')).toBe('TIMEOUT: 3\n');
    expect(await git(repo, 'diff', '--name-only')).toBe('config/staging.yaml');
    expect(await git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(repo, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
  }, 120_000);

  it('without a terminal, prints the scan and says how to get the interactive view', async () => {
    const repo = await demoRepo();
    // Without history: what is tested is the fallback to the printed scan, not the verdicts.
    const result = await execa(process.execPath, [BIN, '--no-history'], { cwd: repo, reject: false, stdin: 'pipe', input: '' });
    expect(result.stderr).toContain('not a terminal');
    expect(result.stdout).toContain('PAYMENT_GATEWAY_TIMEOUT_MS');
  });
});
