// Fixed cost of reading Terraform variable files: the HCL parser compiled to WebAssembly
// (@cdktf/hcl2json) against undrift's own tfvars reader, each in a fresh `node` process that
// loads the reader and parses every file of the corpus (test/parse/tfvars-corpus), against a
// bare `node` start. Runs alternate; medians of RUNS; peak RSS from the process itself.
// Usage: npm run build && node bench/tfvars.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, 'test/parse/tfvars-corpus');
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.tfvars'))
  .map((f) => path.join(corpus, f));
const RUNS = Number(process.env.RUNS ?? 7);

const programs = {
  'node (start-up only)': `process.stdout.write(JSON.stringify({rss: process.resourceUsage().maxRSS}))`,
  '@cdktf/hcl2json': `
    const { readFileSync } = await import('node:fs');
    const { parse } = await import(${JSON.stringify(path.join(root, 'node_modules/@cdktf/hcl2json/lib/index.js'))});
    for (const f of ${JSON.stringify(files)}) await parse(f, readFileSync(f, 'utf8'));
    process.stdout.write(JSON.stringify({rss: process.resourceUsage().maxRSS}))`,
  'undrift tfvars reader': `
    const { readFileSync } = await import('node:fs');
    const { parseTfvars } = await import(${JSON.stringify(path.join(root, 'dist/parse/tfvars.js'))});
    for (const f of ${JSON.stringify(files)}) parseTfvars(readFileSync(f, 'utf8'), f);
    process.stdout.write(JSON.stringify({rss: process.resourceUsage().maxRSS}))`,
};

const times = Object.fromEntries(Object.keys(programs).map((k) => [k, []]));
const rss = Object.fromEntries(Object.keys(programs).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, program] of Object.entries(programs)) {
    const start = process.hrtime.bigint();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    rss[name].push(JSON.parse(out).rss / 1024);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node (start-up only)']);
console.log(`${files.length} tfvars files, ${RUNS} runs each, alternating; wall time of a fresh node process`);
console.log('| reader | median wall | fixed cost over node start-up | peak RSS |');
console.log('| --- | --- | --- | --- |');
for (const name of Object.keys(programs)) {
  const t = median(times[name]);
  console.log(`| ${name} | ${t.toFixed(0)} ms | ${name.startsWith('node') ? '—' : `${(t - base).toFixed(0)} ms`} | ${median(rss[name]).toFixed(0)} MB |`);
}
