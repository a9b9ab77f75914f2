#!/usr/bin/env node
// How fast the interactive view answers, measured on the real binary in a real terminal (tmux),
// as ratios against `node -e 0` (Node's own start) and against a full `undrift scan` of the same
// repository, run interleaved so that the machine's load affects them alike.
//
//   npm run build && node bench/tui.mjs [--corpus helm|flat] [--commits N] [--runs 3] [--repo DIR]
//     [--first-screen] [--bin PATH] [--against PATH] [--no-history] [--cached] [--no-scan]
//     [--keys-while-loading N] [--node-flags '--cpu-prof --cpu-prof-dir=DIR']
//
// The corpus: `helm` (default) is bench/helm-corpus.mjs's repository shaped like a real Helm values
// monorepo (3 × ~4,300 lines, 1,500 commits, anchors); `flat` is two files of `--keys` plain keys
// over `--commits` commits. `--repo DIR` keeps the generated repository there (reused if present).
//
// Printed per run, then the median: first frame (the skeleton), first screen (the list of the
// repo's divergences), everything loaded (history and live), each key pressed while history
// loads (from the press to the screen showing its answer), and keys once loaded. `--first-screen`
// stops each run once the list is up (the full scan is timed in the first run only), for many runs
// of what the on-call user meets first; `--bin` times another build (e.g. a worktree of an older
// commit) on the same repository; with `--first-screen`, `--against` times that other build's view
// in each run too, right before this one's, so that both meet the same load. Times are from
// the command's start (or the key press) to the screen showing the text; tmux is polled every
// few ms, and the same polling on `cat` echoing a key gives the terminal's own floor. The CPU a
// key costs the view is read from /proc (the view's process, over the keys once loaded).
// `--no-history` runs the scan and the view without history: keys once loaded within seconds.
// `--no-scan` leaves out the full `undrift scan` (its ratios print as NaN): a run is the view
// alone. `--keys-while-loading N` presses N keys while history loads (40 by default: the first
// ~10 s of a load that takes 30-110 s on the Helm corpus); 0 presses keys until it has loaded,
// through the moments the worker's reads arrive.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_GIT_ENV, generateHelmRepo } from './helm-corpus.mjs';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'helm' },
    keys: { type: 'string', default: '500' },
    commits: { type: 'string' },
    runs: { type: 'string', default: '3' },
    repo: { type: 'string' },
    'first-screen': { type: 'boolean', default: false },
    bin: { type: 'string' },
    against: { type: 'string' },
    'no-history': { type: 'boolean', default: false },
    cached: { type: 'boolean', default: false },
    'no-scan': { type: 'boolean', default: false },
    'keys-while-loading': { type: 'string', default: '40' },
    'node-flags': { type: 'string', default: '' },
  },
});
const RUNS = Number(args.runs);
const env = BENCH_GIT_ENV;
const kept = args.repo !== undefined;
const dir = args.repo ?? mkdtempSync(path.join(tmpdir(), 'undrift-bench-tui-'));
let shape;
if (existsSync(path.join(dir, '.git'))) {
  shape = `the repository in ${dir}`;
} else if (args.corpus === 'helm') {
  const commits = Number(args.commits ?? 1500);
  const s = await generateHelmRepo(dir, { commits, apps: 100 }, env);
  shape = `Helm-shaped corpus: ${commits} commits (${s.merges} merges, ${s.reindents} re-indents), ${s.versions} file versions, 3 files of ${s.lines.join(' / ')} lines, ${s.apps} apps`;
} else {
  const KEYS = Number(args.keys);
  const COMMITS = Number(args.commits ?? 200);
  mkdirSync(dir, { recursive: true });
  const git = (...a) => execFileSync('git', a, { cwd: dir, env });
  git('init', '-q', '-b', 'main');
  const render = (name, round) =>
    Array.from({ length: KEYS + 100 }, (_, i) => `KEY_${String(i).padStart(4, '0')}: ${i < KEYS && name === 'production' ? `p${i}-${round}` : `v${i}`}`).join(
      '\n',
    ) + '\n';
  writeFileSync(path.join(dir, 'undrift.yaml'), 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n');
  mkdirSync(path.join(dir, 'config'));
  for (let c = 0; c < COMMITS; c++) {
    writeFileSync(path.join(dir, 'config/staging.yaml'), render('staging', c));
    writeFileSync(path.join(dir, 'config/production.yaml'), render('production', c % 3));
    git('add', '-A');
    git('commit', '-qm', `round ${c}`);
  }
  shape = `${KEYS} divergences, ${COMMITS} commits × 2 files of ${KEYS + 100} keys`;
}

const bin = args.bin ? path.resolve(args.bin) : new URL('../bin/undrift.js', import.meta.url).pathname;
const firstScreenOnly = args['first-screen'];
// `--cached`: the view and the scan read with the caches a scan before them kept (a second
// `undrift` on the same HEAD), not as a first run.
// `--node-flags`: Node's own flags for the timed view, e.g. `--cpu-prof --cpu-prof-dir=DIR` (not
// allowed in NODE_OPTIONS) to see what its threads do while keys are pressed.
const viewFlags = args['node-flags'] ? `${args['node-flags']} ` : '';
const readFlags = [...(args.cached ? [] : ['--no-cache']), ...(args['no-history'] ? ['--no-history'] : [])].join(' ');
const session = `undrift-bench-${process.pid}`;
// Its own tmux server (-L): another tmux user on the machine cannot end the bench's pane.
const tmux = (...a) => execFileSync('tmux', ['-L', session, ...a], { encoding: 'utf8', env: { ...process.env, TMUX: '' } });
tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', dir, 'sh');
const screen = () => tmux('capture-pane', '-p', '-t', session);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Runs a command in the pane (fresh screen) and returns the time it started. The shell gets a
 * moment after an interrupt: text typed while it handles one can be dropped. */
const launch = async (command) => {
  tmux('send-keys', '-t', session, 'C-c', '');
  await sleep(200);
  tmux('send-keys', '-t', session, `clear; ${command}`, 'Enter');
  return performance.now();
};
const until = async (start, test, timeout = 300_000) => {
  const ok = typeof test === 'function' ? test : (s) => test.test(s);
  for (;;) {
    const shown = screen();
    if (ok(shown)) return performance.now() - start;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${test}; screen:\n${shown}`);
    await sleep(2);
  }
};
const quit = async () => {
  tmux('send-keys', '-t', session, 'q');
  await until(performance.now(), /VIEW-DONE/);
};
const position = (s) => Number(/Divergences (\d+)\//.exec(s)?.[1] ?? NaN);
/** Whether the header says something is still read in the background: history, or the files' lines. */
const historyLoading = (s) => /history: |lines: reading/.test(s.split('\n')[1] ?? '');
/** Presses j or k and times the answer: the list's position moving by one. */
const pressMove = async (down) => {
  const before = position(screen());
  const at = performance.now();
  tmux('send-keys', '-t', session, down ? 'j' : 'k');
  return until(at, (s) => position(s) === before + (down ? 1 : -1), 30_000);
};

// The shell's prompt first: an interrupt sent before the shell has set itself up ends it (and
// with it the pane and the tmux server), which a loaded machine made happen.
await until(performance.now(), (s) => s.trim().length > 0, 60_000);

// The terminal's floor: a key echoed by `cat`, polled the same way.
await launch('cat');
await sleep(300);
const floor = [];
for (let i = 0; i < 10; i++) {
  const mark = `${String.fromCharCode(97 + i)}`.repeat(3);
  const at = performance.now();
  tmux('send-keys', '-t', session, '-l', mark);
  floor.push(await until(at, (s) => s.includes(mark)));
}
tmux('send-keys', '-t', session, 'C-c', '');

// Both the scan and the view read history without the cache (as a first run does), so neither
// profits from the other's work.
const noScan = args['no-scan'];
// Each build keeps its first screen under its own code stamp, so two builds alternating on one
// repository would each find the other's and read afresh every time.
if (args.cached && args.against)
  throw new Error('--cached with --against: each build invalidates the kept first screen of the other; run them one after the other');
const keysWhileLoading = Number(args['keys-while-loading']) || Infinity;
if (!noScan && (!firstScreenOnly || args.cached))
  spawnSync(process.execPath, [bin, 'scan', ...readFlags.split(' ').filter(Boolean)], { cwd: dir, env, stdio: 'ignore' });

// `--cached`: a view that stays until its files' lines are read keeps the first screen (a view
// closed as soon as the list shows, as each timed run is, may not have kept it yet).
if (args.cached) {
  const start = await launch(`node ${bin} ${readFlags}; echo "VIEW""-DONE"`);
  await until(start, (s) => /Divergences \d+\/\d+/.test(s) && !historyLoading(s));
  await sleep(2000);
  await quit();
}

const rows = [];
for (let run = 0; run < RUNS; run++) {
  const r = {};
  let start = await launch(`node -e "process.stdout.write('NODE-'+'READY')"`);
  r.node = await until(start, /NODE-READY/);
  start = await launch(`node ${bin} --version; echo "VERSION""-DONE"`);
  r.version = await until(start, /VERSION-DONE/);
  if (!noScan && (!firstScreenOnly || run === 0)) {
    start = await launch(`node ${bin} scan ${readFlags} >/dev/null; echo "SCAN""-DONE"`);
    r.scan = await until(start, /SCAN-DONE/);
  }
  start = await launch(`node ${viewFlags}${bin} ${readFlags}; echo "VIEW""-DONE"`);
  r.first = await until(start, /\? help · q quit/);
  r.list = await until(start, /Divergences 1\/\d+/);
  r.load = Number(/load average: ([\d.]+)/.exec(execFileSync('uptime', { encoding: 'utf8' }))?.[1]);
  if (firstScreenOnly) {
    await quit();
    if (args.against) {
      start = await launch(`node ${path.resolve(args.against)} ${readFlags}; echo "VIEW""-DONE"`);
      r.againstFirst = await until(start, /\? help · q quit/);
      r.againstList = await until(start, /Divergences 1\/\d+/);
      await quit();
    }
    rows.push(r);
    continue;
  }
  // Keys while history loads: j, k, j, ... each answered before the next, a little apart.
  r.whileLoading = [];
  for (let i = 0; i < keysWhileLoading && historyLoading(screen()); i++) {
    const t = await pressMove(i % 2 === 0);
    if (historyLoading(screen())) r.whileLoading.push(t);
    await sleep(150);
  }
  r.loaded = await until(start, (s) => !historyLoading(s) && /Divergences \d+\/\d+/.test(s));
  const keys = [];
  const view = viewProcess();
  // What follows the last read (the ledger, the worker's end) is done before the keys are timed.
  for (let idle = 0, last = cpuOf(view); idle < 2;) {
    await sleep(250);
    const now = cpuOf(view);
    idle = now - last < 5 ? idle + 1 : 0;
    last = now;
  }
  const cpuBefore = cpuOf(view);
  for (let i = 0; i < 40; i++) keys.push(await pressMove(i % 2 === 0));
  r.keyCpu = (cpuOf(view) - cpuBefore) / keys.length;
  r.key = median(keys);
  r.keyP95 = p95(keys);
  await quit();
  rows.push(r);
}
tmux('kill-session', '-t', session);
if (!kept) rmSync(dir, { recursive: true, force: true });

/** The view's process: the pane's shell's child. */
function viewProcess() {
  const shell = tmux('display', '-p', '-t', session, '#{pane_pid}').trim();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const stat = statOf(pid);
    if (stat && stat[1] === shell) return pid;
  }
  throw new Error("the view's process was not found");
}
/** A process's ppid, user and system CPU (ms), from /proc/PID/stat. */
function statOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return [fields[0], fields[1], Number(fields[11]), Number(fields[12])];
  } catch {
    return undefined;
  }
}
function cpuOf(pid) {
  const stat = statOf(pid);
  return stat ? ((stat[2] + stat[3]) * 1000) / 100 : NaN;
}
function median(xs) {
  if (xs.length === 0) return NaN;
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
function p95(xs) {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
}
const max = (xs) => Math.max(...xs);
const med = (k) => median(rows.map((r) => r[k]).filter((v) => v !== undefined));
const ms = (v) => `${(v ?? NaN).toFixed(0).padStart(5)} ms`;
const allWhileLoading = rows.flatMap((r) => r.whileLoading ?? []);
console.log(
  `${shape}; 120×40 tmux pane, ${RUNS} runs (${args.cached ? 'with the caches a scan before kept, as a second run on the same HEAD' : 'no history cache, as on a first run'}):`,
);
for (const [i, r] of rows.entries()) {
  if (firstScreenOnly) {
    console.log(
      `  run ${i + 1}: node ${ms(r.node)} · --version ${ms(r.version)}${r.scan ? ` · scan ${ms(r.scan)}` : ''} · first ` +
        `frame ${ms(r.first)} · first screen ${ms(r.list)}${r.againstList ? ` (against: ${ms(r.againstFirst)}, ${ms(r.againstList)})` : ''} ` +
        `· load average ${r.load}`,
    );
    continue;
  }
  console.log(
    `  run ${i + 1}: node ${ms(r.node)} · --version ${ms(r.version)} · scan ${ms(r.scan)} · first frame ${ms(r.first)} · first screen ${ms(r.list)} · loaded ${ms(r.loaded)} · ` +
      (r.whileLoading.length
        ? `${r.whileLoading.length} keys while history loads: median ${ms(median(r.whileLoading))}, p95 ${ms(p95(r.whileLoading))}, max ${ms(max(r.whileLoading))}`
        : 'no key while history loads (it had loaded)') +
      ` · key once loaded: median ${ms(r.key)}, p95 ${ms(r.keyP95)}, ${r.keyCpu.toFixed(1)} ms CPU`,
  );
}
const node = med('node');
const scan = med('scan');
console.log('median:');
console.log(`  terminal floor (cat echoing a key, same polling) ${ms(median(floor))}`);
console.log(`  node -e 0 (Node's start)                   ${ms(node)}`);
console.log(`  undrift --version                          ${ms(med('version'))}   ${(med('version') / node).toFixed(2)}× node`);
console.log(`  undrift scan (full, no cache)              ${ms(scan)}`);
console.log(
  `  first frame (skeleton)                     ${ms(med('first'))}   ${(med('first') / node).toFixed(2)}× node · ` +
    `${(med('first') / scan).toFixed(2)}× scan · ${(med('first') - node).toFixed(0)} ms after Node's start`,
);
console.log(
  `  first screen (the list)                    ${ms(med('list'))}   ${(med('list') / scan).toFixed(2)}× scan · load average ${rows.map((r) => r.load).join(', ')}`,
);
if (args.against)
  console.log(
    `  against ${args.against}: first frame ${ms(med('againstFirst'))} · first screen ${ms(med('againstList'))}; this ` +
      `build's first screen is ${(med('list') / med('againstList')).toFixed(2)}× it (per run: ${rows.map((r) => (r.list / r.againstList).toFixed(2)).join(', ')})`,
  );
if (firstScreenOnly) process.exit(0);
console.log(`  everything loaded (history, verdicts)      ${ms(med('loaded'))}   ${(med('loaded') / scan).toFixed(2)}× scan`);
if (allWhileLoading.length)
  console.log(
    `  a key while history loads (${String(allWhileLoading.length).padStart(3)} keys)   ${ms(median(allWhileLoading))} ` +
      `  p95 ${ms(p95(allWhileLoading))} · max ${ms(max(allWhileLoading))} · ${allWhileLoading.filter((t) => t <= 30).length}/${allWhileLoading.length} ` +
      `within 30 ms · floor ${ms(median(floor))}`,
  );
console.log(
  `  a key once loaded (j/k, 40 per run)        ${ms(med('key'))}   p95 ${ms(med('keyP95'))} · ${med('keyCpu').toFixed(1)} ms CPU per key (median of the runs')`,
);
