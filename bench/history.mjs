#!/usr/bin/env node
// Benchmark of the per-key history engine against the naive approaches, on generated repos.
//
//   npm run build && node bench/history.mjs                    the Helm-shaped corpus (bench/helm-scan.mjs):
//                                                              the whole `undrift scan` against `git log -p --follow`
//   npm run build && node bench/history.mjs --corpus flat [--commits 5000] [--keys 500] [--sample 5]
//
// The flat corpus prints, for the history of every key of every env file: our time (first run, and re-run with
// the cache in .git/undrift), the time of `git log -p --follow` over the same files, and per-key
// `git log -L` (a sample of keys, extrapolated), plus how often `git blame` names a different
// commit than the value history for a key's current value.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readHistory } from '../dist/history/walk.js';
import { HELM_ENVS, helmPath } from './helm-corpus.mjs';
import { helmBench } from './helm-scan.mjs';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'helm' },
    commits: { type: 'string' },
    apps: { type: 'string' },
    rounds: { type: 'string' },
    repo: { type: 'string' },
    keys: { type: 'string', default: '500' },
    sample: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    run: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
});

// Child mode: one history read in a fresh process, as the CLI does it (Node start-up included).
if (args.run) {
  const envs =
    args.corpus === 'helm'
      ? HELM_ENVS.map((name) => ({ name, files: [helmPath(name)], format: 'auto' }))
      : ['dev', 'staging', 'production'].map((name) => ({ name, files: [`config/${name}.yaml`], format: 'auto' }));
  const history = await readHistory(args.run, envs, { cache: !args['no-cache'] });
  let events = 0;
  let keys = 0;
  for (const env of history.envs.values()) for (const list of env.values()) (keys++, (events += list.length));
  console.log(JSON.stringify({ ...history.stats, events, keys }));
  process.exit(0);
}
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
if (args.corpus === 'helm') {
  await helmBench(args, gitEnv);
  process.exit(0);
}
const COMMITS = Number(args.commits ?? 5000);
const KEYS = Number(args.keys);
const SECTIONS = Math.max(1, Math.round(KEYS / 10));
const PER_SECTION = Math.ceil(KEYS / SECTIONS);
const ENVS = ['dev', 'staging', 'production'];

// A deterministic pseudo-random sequence, so every run builds the same repo.
let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

function render(state, indent) {
  const pad = ' '.repeat(indent);
  const lines = ['# generated values file'];
  for (let s = 0; s < SECTIONS; s++) {
    lines.push(`section_${s}:`);
    for (let k = 0; k < PER_SECTION; k++) lines.push(`${pad}key_${k}: ${state[s][k]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Builds the repository with one `git fast-import` stream: linear work with side branches merged
 * back, re-indent commits that change no value, and a rename of every file half-way. */
function generate(dir) {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: gitEnv });
  const states = Object.fromEntries(
    ENVS.map((env) => [env, Array.from({ length: SECTIONS }, (_, s) => Array.from({ length: PER_SECTION }, (_, k) => s * 100 + k))]),
  );
  const indent = Object.fromEntries(ENVS.map((env) => [env, 2]));
  const renameAt = Math.floor(COMMITS / 2);
  const pathOf = (env, i) => (i < renameAt ? `env/${env}.yaml` : `config/${env}.yaml`);
  const out = [];
  let mark = 0;
  let time = 1_700_000_000;
  const authors = ['Ana Lima <ana@example.test>', 'Ben Ode <ben@example.test>', 'Chi Park <chi@example.test>'];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let mainMark = 0;
  let sideMark = 0;
  let sideOpen = false;
  for (let i = 0; i < COMMITS; i++) {
    time += 600;
    const env = ENVS[rand(3)];
    const files = [];
    let message;
    const onSide = sideOpen;
    if (i === 0) {
      for (const e of ENVS) files.push([pathOf(e, i), render(states[e], indent[e])]);
      message = 'initial values';
    } else if (i === renameAt) {
      for (const e of ENVS) files.push([pathOf(e, i), render(states[e], indent[e]), `env/${e}.yaml`]);
      message = 'move values to config/';
    } else if (i % 250 === 0) {
      indent[env] = indent[env] === 2 ? 4 : 2;
      files.push([pathOf(env, i), render(states[env], indent[env])]);
      message = `re-indent ${env}`;
    } else {
      const changes = 1 + rand(3);
      for (let c = 0; c < changes; c++) states[env][rand(SECTIONS)][rand(PER_SECTION)] = rand(100000);
      files.push([pathOf(env, i), render(states[env], indent[env])]);
      message = `tune ${env} (${i})`;
    }
    const blobs = files.map(([, text]) => {
      out.push(`blob\nmark :${++mark}\n${data(text)}`);
      return mark;
    });
    const author = authors[rand(authors.length)];
    const ref = onSide ? 'refs/heads/side' : 'refs/heads/main';
    const parent = onSide ? sideMark : mainMark;
    out.push(`commit ${ref}\nmark :${++mark}\nauthor ${author} ${time} +0000\ncommitter ${author} ${time} +0000\n${data(message)}`);
    if (parent) out.push(`from :${parent}\n`);
    files.forEach(([p, , from], j) => {
      if (from) out.push(`D ${from}\n`);
      out.push(`M 100644 :${blobs[j]} ${p}\n`);
    });
    out.push('\n');
    if (onSide) sideMark = mark;
    else mainMark = mark;
    // Every 100 commits a side branch of a few commits starts; it is merged back 5 commits later.
    if (i > 0 && i % 100 === 0 && i + 6 < renameAt) {
      sideOpen = true;
      sideMark = mainMark;
    } else if (sideOpen && i % 100 === 5) {
      sideOpen = false;
      time += 60;
      const merged = ENVS.map((e) => {
        out.push(`blob\nmark :${++mark}\n${data(render(states[e], indent[e]))}`);
        return [e, mark];
      });
      out.push(
        `commit refs/heads/main\nmark :${++mark}\nauthor ${authors[0]} ${time} +0000\ncommitter ${authors[0]} ${time} +0000\n${data('Merge branch side')}`,
      );
      out.push(`from :${mainMark}\nmerge :${sideMark}\n`);
      for (const [e, blob] of merged) out.push(`M 100644 :${blob} ${pathOf(e, i)}\n`);
      out.push('\n');
      mainMark = mark;
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: out.join(''), env: gitEnv, maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env: gitEnv });
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

async function timeAsync(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

const git = (dir, args) => spawnSync('git', args, { cwd: dir, env: gitEnv, maxBuffer: 1 << 30, encoding: 'utf8' });

const dir = mkdtempSync(path.join(tmpdir(), 'undrift-bench-'));
console.log(`generating ${COMMITS} commits over ${ENVS.length} files × ${SECTIONS * PER_SECTION} keys in ${dir} ...`);
const gen = time(() => generate(dir));
const commitCount = git(dir, ['rev-list', '--count', 'HEAD']).stdout.trim();
const merges = git(dir, ['rev-list', '--count', '--merges', 'HEAD']).stdout.trim();
console.log(
  `  built in ${(gen.ms / 1000).toFixed(1)} s: ${commitCount} commits (${merges} merges), files renamed env/ → config/ half-way, re-indents every 250 commits`,
);

// Each of our runs is a fresh process, as a user runs the CLI: Node start-up and JIT included.
const ours = (extra) => {
  const run = time(() => execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--run', dir, ...extra], { encoding: 'utf8' }));
  return { ms: run.ms, result: { stats: JSON.parse(run.result) } };
};
// Three rounds, alternating ours and git's, each figure the median (the machine is shared):
// a first run (no cache), a re-run at the same HEAD (the saved result), a run after one new
// commit (the blob-pair cache: only the new version is read), and a run with no cache at all.
const median = (runs) => runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const rounds = { first: [], rerun: [], afterCommit: [], nocache: [], logp: [] };
for (let round = 0; round < 3; round++) {
  rmSync(path.join(dir, '.git/undrift'), { recursive: true, force: true });
  rounds.first.push(ours([]));
  rounds.rerun.push(ours([]));
  const file = path.join(dir, 'config/staging.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/key_0: \d+/, `key_0: ${900000 + round}`));
  execFileSync('git', ['commit', '-qam', `bench round ${round}`], {
    cwd: dir,
    env: { ...gitEnv, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.test' },
  });
  rounds.afterCommit.push(ours([]));
  rounds.nocache.push(ours(['--no-cache']));
  rounds.logp.push(time(() => ENVS.forEach((env) => git(dir, ['log', '-p', '--follow', '--format=%H %an %aI %s', '--', `config/${env}.yaml`]))));
}
const first = { ms: median(rounds.first), result: rounds.first[0].result };
const rerun = { ms: median(rounds.rerun), result: rounds.rerun[0].result };
const afterCommit = { ms: median(rounds.afterCommit), result: rounds.afterCommit[0].result };
const nocache = { ms: median(rounds.nocache) };
const logp = { ms: median(rounds.logp) };
const { events, keys } = first.result.stats;
const stagingHistory = await readHistory(dir, [{ name: 'staging', files: ['config/staging.yaml'], format: 'auto' }]);

// Per-key `git log -L` on a sample of keys, extrapolated to every key.
const sample = Number(args.sample);
const { readConfig } = await import('../dist/parse/read.js');
const current = await readConfig(dir, 'config/staging.yaml');
const allKeys = [...current.values.keys()];
const picked = Array.from({ length: sample }, (_, i) => allKeys[Math.floor((i * allKeys.length) / sample)]);
const perKey = time(() => {
  for (const key of picked) {
    const line = current.values.get(key).location.line;
    git(dir, ['log', `-L${line},${line}:config/staging.yaml`, '--format=%H %an %aI %s']);
  }
});
const perKeyMs = perKey.ms / picked.length;
const naiveMs = perKeyMs * keys;

// How often does plain `git blame` name another commit than the value history's last change?
const blame = git(dir, ['blame', '--porcelain', 'config/staging.yaml']).stdout;
const blameByLine = new Map();
let currentSha = '';
for (const line of blame.split('\n')) {
  const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line);
  if (header) {
    currentSha = header[1];
    blameByLine.set(Number(header[2]), currentSha);
  }
}
let disagree = 0;
let compared = 0;
const stagingKeys = stagingHistory.envs.get('staging');
for (const [key, value] of current.values) {
  const last = stagingKeys.get(key)?.[0];
  if (!last) continue;
  compared++;
  if (blameByLine.get(value.location.line) !== last.commit) disagree++;
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('');
console.log(`history of all ${keys} keys (${events} events, ${first.result.stats.entries} file versions diffed), each run a fresh process, median of 3:`);
console.log(`  undrift, first run (empty cache) ${s(first.ms).padStart(10)}   ratio to git log -p --follow: ${(first.ms / logp.ms).toFixed(2)}`);
console.log(`  undrift, without any cache       ${s(nocache.ms).padStart(10)}   ratio: ${(nocache.ms / logp.ms).toFixed(2)}`);
console.log(`  undrift, re-run, same HEAD        ${s(rerun.ms).padStart(10)}   ratio: ${(rerun.ms / logp.ms).toFixed(2)}   (the saved result: nothing walked)`);
console.log(
  `  undrift, after one new commit    ${s(afterCommit.ms).padStart(10)}   ratio: ${(afterCommit.ms / logp.ms).toFixed(2)} ` +
    `  (log walked; ${afterCommit.result.stats.cacheHits} diffs from the cache, ${afterCommit.result.stats.blobsRead} ` +
    `blobs read)`,
);
console.log(`  git log -p --follow, 3 files     ${s(logp.ms).padStart(10)}   (the baseline: what a script parsing patches would start from)`);
console.log(
  `  git log -L per key               ${s(perKeyMs).padStart(10)} per key × ${keys} keys ≈ ${s(naiveMs)} (sampled ` +
    `${picked.length} keys); undrift is ${Math.round(naiveMs / first.ms)}× faster, ${Math.round(naiveMs / afterCommit.ms)}× ` +
    `after a commit, ${Math.round(naiveMs / rerun.ms)}× on a re-run`,
);
console.log(
  `  git blame vs value history        blame names another commit than the last value change for ${disagree} of ${compared} keys (${Math.round((100 * disagree) / compared)}%) of config/staging.yaml`,
);
console.log(
  `  generated repo size              ${(Number(git(dir, ['count-objects', '-v']).stdout.match(/size-pack: (\d+)/)?.[1] ?? 0) / 1024).toFixed(1)} ` +
    `MiB packed; cache file ${(readFileSync(path.join(dir, '.git/undrift/history-cache.json')).length / 1024 / 1024).toFixed(1)} ` +
    `MiB`,
);
if (!args.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);
