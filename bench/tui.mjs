#!/usr/bin/env node
// How fast the interactive view shows its first screen on a repo with many divergences, and how
// long until history has loaded, measured on the real binary in tmux.
//
//   npm run build && node bench/tui.mjs [--keys 500] [--commits 200]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { keys: { type: 'string', default: '500' }, commits: { type: 'string', default: '200' } } });
const KEYS = Number(args.keys);
const COMMITS = Number(args.commits);
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.test' };
const dir = mkdtempSync(path.join(tmpdir(), 'undrift-bench-tui-'));
const git = (...a) => execFileSync('git', a, { cwd: dir, env });
git('init', '-q', '-b', 'main');
const render = (env, round) => Array.from({ length: KEYS + 100 }, (_, i) => `KEY_${String(i).padStart(4, '0')}: ${i < KEYS && env === 'production' ? `p${i}-${round}` : `v${i}`}`).join('\n') + '\n';
writeFileSync(path.join(dir, 'undrift.yaml'), 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n');
execFileSync('mkdir', ['-p', path.join(dir, 'config')]);
for (let c = 0; c < COMMITS; c++) {
  writeFileSync(path.join(dir, 'config/staging.yaml'), render('staging', c));
  writeFileSync(path.join(dir, 'config/production.yaml'), render('production', c % 3));
  git('add', '-A');
  git('commit', '-qm', `round ${c}`);
}
const bin = new URL('../bin/undrift.js', import.meta.url).pathname;
const session = `undrift-bench-${process.pid}`;
const start = performance.now();
execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', dir, `node ${bin}; sleep 60`]);
const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
const until = async (re) => {
  for (;;) {
    if (re.test(screen())) return performance.now() - start;
    if (performance.now() - start > 60_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const first = await until(new RegExp(`Divergences 1/${KEYS}`));
const loaded = await until(/Verdict: (?!history)/);
execFileSync('tmux', ['send-keys', '-t', session, 'G']);
const moved = performance.now();
await until(new RegExp(`Divergences ${KEYS}/${KEYS}`));
const keyMs = performance.now() - moved;
execFileSync('tmux', ['kill-session', '-t', session]);
rmSync(dir, { recursive: true, force: true });
console.log(`${KEYS} divergences, ${COMMITS} commits × 2 files of ${KEYS + 100} keys, 120×40 tmux pane:`);
console.log(`  first screen (list and detail, repo only):  ${(first / 1000).toFixed(2)} s after launch (Node start-up included)`);
console.log(`  history loaded (verdicts shown):            ${(loaded / 1000).toFixed(2)} s after launch`);
console.log(`  G (jump to the last of ${KEYS}) redrawn in:  ${keyMs.toFixed(0)} ms (tmux round trip included)`);
