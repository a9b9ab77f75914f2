#!/usr/bin/env node
// The verdict rules' cost, for every verdict lane before and after each landing: one `undrift scan
// --no-cache --format json` (the built binary, a fresh process) on a small generated Helm corpus
// (bench/helm-corpus.mjs, with a runbook and a post-mortem committed so that the rules reading
// documents run), under Node's CPU profiler. It prints the scan's CPU (user + sys, from GNU time) and
// peak RSS, the verdicts' share of the main thread's samples (every sample with the verdict's
// `explain` on its stack) and that share of the scan's CPU, then the verdicts' samples by source
// module (the function running, by the `// dist/…` module markers of the scan's bundle) and by
// function. A rule that reads every text for every divergence shows up here as its module's share
// growing; session 18 lost 7 CPU-s (+50%) of a first scan to one such rule that no test saw.
//
//   npm run bench:rules                         this worktree's build
//   npm run bench:rules -- --against /work/main another build beside it (its bin/undrift.js and dist/),
//                                               alternating, --rounds each (default 1)
//   node bench/rule-cost.mjs --commits 1500 --apps 100    the full bench corpus' shape (slower)
//
// CPU under a loaded machine varies by ±20% between runs of one build: compare builds with
// --against (runs alternate) and read the verdicts' share, which moves less than the CPU. The
// corpus is kept in the system's temporary directory and reused while its shape is the same.
// Never a wall-clock assertion in a test: this is the place a rule's cost is seen.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateHelmRepo, helmPath } from './helm-corpus.mjs';

const { values: args } = parseArgs({
  options: {
    commits: { type: 'string', default: '400' },
    apps: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '1' },
    against: { type: 'string' },
    repo: { type: 'string' },
    top: { type: 'string', default: '12' },
  },
});
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed to measure CPU and peak RSS: apt-get install time`);
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const ident = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.test' };
const here = path.resolve(new URL('..', import.meta.url).pathname);
const builds = [{ name: 'this', root: here }, ...(args.against ? [{ name: 'against', root: path.resolve(args.against) }] : [])];
for (const b of builds)
  if (!existsSync(path.join(b.root, 'dist', 'cli', 'scan.js'))) throw new Error(`${b.root}: no dist/cli/scan.js (run \`npm run -s build\` there first)`);

/** The corpus: generated once per shape (deterministic), then two documents committed after it. */
async function corpus() {
  const dir = args.repo ?? path.join(tmpdir(), `undrift-rule-cost-${args.commits}x${args.apps}`);
  const marker = path.join(dir, '.git', 'undrift-rule-cost-ready');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const started = Date.now();
  await generateHelmRepo(dir, { commits: Number(args.commits), apps: Number(args.apps) }, gitEnv);
  // A runbook naming an app's image tag and a ticket, and a post-mortem that restates a change:
  // the rules that link documents and later messages (documented.ts, later.ts, gates) read them.
  const staging = readFileSync(path.join(dir, helmPath('staging')), 'utf8');
  const tag = /tag: (\S+)/.exec(staging)?.[1] ?? '1.0.0';
  const app = /- name: (\S+)/.exec(staging)?.[1] ?? 'api';
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  writeFileSync(
    path.join(dir, 'docs', 'runbook.md'),
    `# Runbook\n\nRestart the router when the cache is cold. See OPS-441.\n\n## ${app}\n\nStaging runs ${tag}; production follows after the load test.\n`,
  );
  writeFileSync(
    path.join(dir, 'docs', 'postmortem-ops-442.md'),
    `# Post-mortem OPS-442\n\nStatus: done\n\nThe ${app} rollout of ${tag} stalled in staging for two days. Production stays on the old image until the fix lands.\n`,
  );
  execFileSync('git', ['add', '-A'], { cwd: dir, env: gitEnv });
  execFileSync('git', ['commit', '-qm', 'docs: runbook and post-mortem OPS-442'], { cwd: dir, env: { ...gitEnv, ...ident } });
  writeFileSync(marker, '');
  console.log(`generated ${dir} (${args.commits} commits, ${args.apps} apps, 2 documents) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return dir;
}

/** One profiled scan of `build` in `dir`: CPU and peak RSS from GNU time, and the profile. */
function profiledScan(build, dir) {
  const profiles = mkdtempSync(path.join(tmpdir(), 'undrift-rule-cost-prof-'));
  const out = path.join(profiles, 'scan.json');
  const fd = openSync(out, 'w');
  const load = loadavg()[0];
  const result = spawnSync(
    TIME,
    [
      '-f',
      '@@%U %S %M',
      process.execPath,
      `--cpu-prof`,
      `--cpu-prof-dir=${profiles}`,
      path.join(build.root, 'bin', 'undrift.js'),
      'scan',
      '--no-cache',
      '--format',
      'json',
    ],
    { cwd: dir, env: gitEnv, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] },
  );
  closeSync(fd);
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@'));
  if (!line || (result.status !== 0 && result.status !== 1)) throw new Error(`scan failed (${result.status}): ${result.stderr}`);
  const [user, sys, rssKb] = line.slice(2).split(' ').map(Number);
  const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(path.join(profiles, file), 'utf8'));
  rmSync(profiles, { recursive: true, force: true });
  return { cpu: user + sys, rss: rssKb / 1024, load, ...attribute(profile, build) };
}

/** The module of each line of the scan's bundle, from its `// dist/…` and `// node_modules/…` markers. */
const bundles = new Map();
function moduleAt(url, line, build) {
  if (!url.endsWith('/dist/cli/scan.js')) return url.replace(/^file:\/\//, '').replace(`${build.root}/`, '') || '(native)';
  let starts = bundles.get(url);
  if (!starts) {
    starts = [];
    readFileSync(new URL(url), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\/\/ ((?:dist|node_modules)\/\S+\.[cm]?js)$/.exec(text);
        if (m) starts.push([i, m[1].replace(/^dist\/(.*)\.js$/, 'src/$1.ts')]);
      });
    bundles.set(url, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  let found = 'dist/cli/scan.js';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid][0] <= line) ((found = starts[mid][1]), (lo = mid + 1));
    else hi = mid - 1;
  }
  return found;
}

/** The verdicts' samples (the verdict's `explain` on the stack) by module and function of the frame running. */
function attribute(profile, build) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  for (let i = 0; i < profile.samples.length; i++) time.set(profile.samples[i], (time.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const isExplain = (n) => n.callFrame.functionName === 'explain' && moduleAt(n.callFrame.url, n.callFrame.lineNumber, build) === 'src/verdict/verdict.ts';
  let busy = 0;
  let verdicts = 0;
  let gc = 0;
  const modules = new Map();
  const functions = new Map();
  for (const [id, t] of time) {
    const node = byId.get(id);
    const name = node.callFrame.functionName;
    if (name === '(idle)') continue;
    busy += t;
    if (name === '(garbage collector)') gc += t;
    let inVerdict = false;
    for (let at = id; at !== undefined && !inVerdict; at = parent.get(at)) inVerdict = isExplain(byId.get(at));
    if (!inVerdict) continue;
    verdicts += t;
    const module = node.callFrame.url ? moduleAt(node.callFrame.url, node.callFrame.lineNumber, build) : `(${name.replace(/[()]/g, '')})`;
    modules.set(module, (modules.get(module) ?? 0) + t);
    const fn = `${name || '(anonymous)'} ${module}`;
    functions.set(fn, (functions.get(fn) ?? 0) + t);
  }
  return { busy, verdicts, gc, modules, functions };
}

const dir = await corpus();
const rounds = Number(args.rounds);
const runs = new Map(builds.map((b) => [b.name, []]));
for (let round = 0; round < rounds; round++) for (const b of builds) runs.get(b.name).push(profiledScan(b, dir));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const top = Number(args.top);
console.log(`\nverdict rules' cost: \`undrift scan --no-cache --format json\` under the CPU profiler on ${dir}`);
for (const b of builds) {
  const list = runs.get(b.name);
  const share = (r) => r.verdicts / r.busy;
  const cpu = median(list.map((r) => r.cpu));
  const verdictCpu = median(list.map((r) => share(r) * r.cpu));
  console.log(
    `\n${b.name === 'this' ? 'this build' : 'against'} (${b.root}): scan ${cpu.toFixed(2)} CPU-s (user + sys, git included), peak RSS ${median(list.map((r) => r.rss)).toFixed(0)} MB, ` +
      `load ${list.map((r) => r.load.toFixed(1)).join('/')}`,
  );
  console.log(
    `  verdicts: ${(median(list.map(share)) * 100).toFixed(1)}% of the main thread's samples ≈ ${verdictCpu.toFixed(2)} CPU-s; ` +
      `GC ${(median(list.map((r) => r.gc / r.busy)) * 100).toFixed(1)}% of the whole scan (not split)`,
  );
  const merged = (field) => {
    const sum = new Map();
    for (const r of list) for (const [k, t] of r[field]) sum.set(k, (sum.get(k) ?? 0) + (t / r.busy) * r.cpu);
    return [...sum].map(([k, v]) => [k, v / list.length]).sort((a, b) => b[1] - a[1]);
  };
  console.log('  by module (CPU-s of the verdicts, the frame running):');
  for (const [k, v] of merged('modules').slice(0, top)) console.log(`    ${v.toFixed(2).padStart(6)}  ${k}`);
  console.log('  by function:');
  for (const [k, v] of merged('functions').slice(0, top)) console.log(`    ${v.toFixed(2).padStart(6)}  ${k}`);
}
if (builds.length === 2) {
  const v = (name) => median(runs.get(name).map((r) => (r.verdicts / r.busy) * r.cpu));
  const c = (name) => median(runs.get(name).map((r) => r.cpu));
  console.log(
    `\nthis build against the other: scan ${(c('this') - c('against') >= 0 ? '+' : '') + (c('this') - c('against')).toFixed(2)} CPU-s, ` +
      `verdicts ${(v('this') - v('against') >= 0 ? '+' : '') + (v('this') - v('against')).toFixed(2)} CPU-s (medians of ${rounds} alternating round(s); ±20% is load noise: use --rounds 3 to decide)`,
  );
}
