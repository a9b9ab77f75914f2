#!/usr/bin/env node
// Where a scan's CPU goes, by source file and by phase, from a V8 CPU profile of the built CLI.
//
//   cd <corpus> && node --cpu-prof --cpu-prof-dir=/tmp/p --cpu-prof-interval=500 <undrift>/bin/undrift.js scan --no-cache --format json >/dev/null
//   node bench/cpu-profile.mjs /tmp/p/CPU.*.cpuprofile [--bundle <undrift>/dist/cli/scan.js] [--top 40] [--phase verdicts]
//
// --phase also prints, for that phase's samples alone, self and total time by function (name, file, line)
// and the callers of its costliest functions by self time: where a phase's work is, not only in which file.
//
// `scan` runs from one bundle (scripts/bundle-cli.mjs), so a profile names dist/cli/scan.js for
// nearly every function; the bundle marks where each module begins (`// dist/verdict/log.js`), and
// a sample is put under the module its line lies in (as src/…/x.ts). A sample's phase is the src/
// directory of the outermost frame of its stack that lies in src/ (the CLI and src/engine.ts aside,
// which call every phase): the history read's callbacks start in the git reader (src/git), the
// verdicts' in src/verdict, the current files' read in src/sources and src/parse. GC, idle and
// V8's own work have no stack and are their own phases.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { bundle: { type: 'string' }, top: { type: 'string', default: '40' }, phase: { type: 'string' } },
});
if (positionals.length !== 1) throw new Error('usage: node bench/cpu-profile.mjs PROFILE.cpuprofile [--bundle dist/cli/scan.js] [--top N]');
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const bundleUrl = profile.nodes.map((n) => n.callFrame.url).find((url) => url.endsWith('/dist/cli/scan.js'));
const bundle = args.bundle ?? (bundleUrl ? new URL(bundleUrl).pathname : undefined);

/** [first line (0-based), module] of each module of the bundle, in order. */
const regions = [];
if (bundle)
  readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^\/\/ ((?:dist|node_modules)\/\S+\.js)$/.exec(line);
      if (m) regions.push([i, m[1]]);
    });
function moduleAt(line) {
  let lo = 0;
  let hi = regions.length - 1;
  let found = 'dist/cli/scan.js';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid][0] <= line) ((found = regions[mid][1]), (lo = mid + 1));
    else hi = mid - 1;
  }
  return found;
}
const asSource = (file) => file.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
function fileOf(frame) {
  if (frame.url.endsWith('/dist/cli/scan.js')) return asSource(moduleAt(frame.lineNumber));
  if (frame.url.includes('/node_modules/')) return `node_modules/${frame.url.split('/node_modules/').pop()}`;
  if (frame.url.includes('/dist/')) return asSource(`dist/${frame.url.split('/dist/').pop()}`);
  return frame.url || `(${frame.functionName})`;
}
const PHASES = {
  git: 'history',
  history: 'history',
  sources: 'current files',
  parse: 'current files',
  config: 'config',
  compare: 'compare',
  verdict: 'verdicts',
  report: 'output',
  wording: 'output',
};

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const time = new Map();
/** GC samples by the phase of the sample before them: the collection ran where that code allocated. */
const gcAfter = new Map();
profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i])));

const self = new Map();
const total = new Map();
const phase = new Map();
const phaseOf = new Map();
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
let all = 0;
for (const [id, us] of time) {
  all += us;
  const leaf = nodes.get(id);
  add(self, fileOf(leaf.callFrame), us);
  const files = new Set();
  let outer;
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const file = fileOf(nodes.get(at).callFrame);
    files.add(file);
    const dir = /^src\/([^/]+)\//.exec(file)?.[1];
    if (dir && dir !== 'cli') outer = dir;
  }
  for (const file of files) add(total, file, us);
  const name = leaf.callFrame.functionName;
  const own = { '(garbage collector)': 'GC', '(idle)': 'idle', '(program)': 'V8 (program)' }[name];
  const node = /^node:internal\/modules|compile/.test(leaf.callFrame.url + name)
    ? 'module loading'
    : leaf.callFrame.url.startsWith('node:')
      ? 'Node (streams, files, processes)'
      : 'other';
  phaseOf.set(id, own ?? (outer ? (PHASES[outer] ?? outer) : node));
  add(phase, phaseOf.get(id), us);
}
let last = 'other';
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i];
  if (phaseOf.get(id) === 'GC') add(gcAfter, last, us);
  else if (phaseOf.get(id) !== 'idle') last = phaseOf.get(id);
});
const top = Number(args.top);
const print = (title, map, n) => {
  console.log(`--- ${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${key}`);
};
console.log(`${(all / 1000).toFixed(0)} ms of samples${bundle ? '' : ' (no bundle found: scan.js not split into modules)'}`);
print('by phase', phase, 20);
print('GC by the phase it interrupted', gcAfter, 20);
print('self time by file', self, top);
print('total time by file of src/ (a file counted once per sample)', new Map([...total].filter(([file]) => file.startsWith('src/'))), top);

if (args.phase) {
  const fnOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${fileOf(n.callFrame)}:${n.callFrame.lineNumber + 1}`;
  const fnSelf = new Map();
  const fnTotal = new Map();
  const callers = new Map();
  let inPhase = 0;
  for (const [id, us] of time) {
    if (phaseOf.get(id) !== args.phase) continue;
    inPhase += us;
    const leaf = nodes.get(id);
    const name = fnOf(leaf);
    add(fnSelf, name, us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(fnOf(nodes.get(at)));
    for (const fn of seen) add(fnTotal, fn, us);
    const up = parent.get(id);
    if (up !== undefined) {
      if (!callers.has(name)) callers.set(name, new Map());
      add(callers.get(name), fnOf(nodes.get(up)), us);
    }
  }
  console.log(`=== phase ${args.phase}: ${(inPhase / 1000).toFixed(0)} ms of samples`);
  print(`self time by function in ${args.phase}`, fnSelf, top);
  print(`total time by function in ${args.phase} (a function counted once per sample)`, fnTotal, top);
  for (const [name] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, 12)) print(`callers of ${name}`, callers.get(name) ?? new Map(), 4);
}
