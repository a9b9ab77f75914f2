#!/usr/bin/env node
// How fast the interactive view answers, measured on the real binary in a real terminal (tmux),
// as ratios against `node -e 0` (Node's own start) and against a full `undrift scan` of the same
// repository, run interleaved so that the machine's load affects them alike.
//
//   npm run build && node bench/tui.mjs [--keys 500] [--commits 200] [--runs 5]
//
// Printed per run, then the median: first frame (the skeleton), list shown (the repo's
// divergences), everything loaded (history and live), the first key answered while history is
// still loading, and key latency once loaded (median of 10 presses). Times are from the command's
// start to the screen showing the text (tmux polled every ~5 ms; one poll costs a few ms).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { keys: { type: 'string', default: '500' }, commits: { type: 'string', default: '200' }, runs: { type: 'string', default: '5' } },
});
const KEYS = Number(args.keys);
const COMMITS = Number(args.commits);
const RUNS = Number(args.runs);
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'b@example.test',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'b@example.test',
};
const dir = mkdtempSync(path.join(tmpdir(), 'undrift-bench-tui-'));
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

const bin = new URL('../bin/undrift.js', import.meta.url).pathname;
const session = `undrift-bench-${process.pid}`;
const tmux = (...a) => execFileSync('tmux', a, { encoding: 'utf8', env: { ...process.env, TMUX: '' } });
tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', dir, 'sh');
const screen = () => tmux('capture-pane', '-p', '-t', session);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Runs a command in the pane (fresh screen) and returns the time it started. */
const launch = (command) => {
  tmux('send-keys', '-t', session, 'C-c', '');
  tmux('send-keys', '-t', session, `clear; ${command}`, 'Enter');
  return performance.now();
};
const until = async (start, re, timeout = 120_000) => {
  for (;;) {
    const shown = screen();
    if (re.test(shown)) return performance.now() - start;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${re}; screen:\n${shown}`);
    await sleep(5);
  }
};
const quit = async () => {
  tmux('send-keys', '-t', session, 'q');
  await until(performance.now(), /VIEW-DONE/);
};

// Both the scan and the view read history without the cache (as a first run does), so neither
// profits from the other's work.
spawnSync(process.execPath, [bin, 'scan', '--no-cache'], { cwd: dir, env, stdio: 'ignore' });

const rows = [];
for (let run = 0; run < RUNS; run++) {
  const r = {};
  let start = launch(`node -e "process.stdout.write('NODE-'+'READY')"`);
  r.node = await until(start, /NODE-READY/);
  start = launch(`node ${bin} --version; echo "VERSION""-DONE"`);
  r.version = await until(start, /VERSION-DONE/);
  start = launch(`node ${bin} scan --no-cache >/dev/null; echo "SCAN""-DONE"`);
  r.scan = await until(start, /SCAN-DONE/);
  start = launch(`node ${bin} --no-cache; echo "VIEW""-DONE"`);
  r.first = await until(start, /\? help · q quit/);
  r.list = await until(start, /Divergences 1\/\d+/);
  // A key while history still loads (the header says so until it is read).
  const loadingAtKey = /history:/.test(screen());
  const pressed = performance.now();
  tmux('send-keys', '-t', session, 'j');
  r.keyWhileLoading = await until(pressed, /Divergences 2\/\d+/);
  r.keyWhileLoadingSeen = loadingAtKey;
  r.loaded = await until(start, /Verdict: (?!history)/);
  const keys = [];
  for (let i = 0; i < 10; i++) {
    const at = performance.now();
    tmux('send-keys', '-t', session, i % 2 ? 'k' : 'j');
    keys.push(await until(at, new RegExp(`Divergences ${i % 2 ? 2 : 3}/\\d+`)));
  }
  r.key = keys.sort((a, b) => a - b)[5];
  await quit();
  rows.push(r);
}
tmux('kill-session', '-t', session);
rmSync(dir, { recursive: true, force: true });

const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
const ms = (v) => `${v.toFixed(0).padStart(5)} ms`;
console.log(`${KEYS} divergences, ${COMMITS} commits × 2 files of ${KEYS + 100} keys, 120×40 tmux pane, ${RUNS} runs (no history cache, as on a first run):`);
for (const [i, r] of rows.entries()) {
  console.log(
    `  run ${i + 1}: node ${ms(r.node)} · --version ${ms(r.version)} · scan ${ms(r.scan)} · first frame ${ms(r.first)} · list ${ms(r.list)} · loaded ${ms(r.loaded)} · key while loading ${ms(r.keyWhileLoading)}${r.keyWhileLoadingSeen ? '' : ' (history had loaded)'} · key ${ms(r.key)}`,
  );
}
const node = median('node');
const scan = median('scan');
console.log('median:');
console.log(`  node -e 0 (Node's start, the floor)      ${ms(node)}`);
console.log(`  undrift --version                          ${ms(median('version'))}   ${(median('version') / node).toFixed(2)}× node`);
console.log(`  undrift scan (full)                        ${ms(scan)}`);
console.log(
  `  first frame (skeleton)                     ${ms(median('first'))}   ${(median('first') / node).toFixed(2)}× node · ${(median('first') / scan).toFixed(2)}× scan · ${(median('first') - node).toFixed(0)} ms after Node's start`,
);
console.log(`  list shown (repo divergences)              ${ms(median('list'))}   ${(median('list') / scan).toFixed(2)}× scan`);
console.log(`  everything loaded (history, verdicts)      ${ms(median('loaded'))}   ${(median('loaded') / scan).toFixed(2)}× scan`);
console.log(`  a key pressed while history loads          ${ms(median('keyWhileLoading'))}`);
console.log(`  a key once loaded (j/k, tmux round trip)   ${ms(median('key'))}`);
