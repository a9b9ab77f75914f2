// Reading large blobs: every version of a large file fetched through undrift's `git cat-file
// --batch` reader (src/git/cat-file.ts: an answer cut across pipe chunks is joined once, when it is
// complete), against `git cat-file --batch` writing the same answers to /dev/null (the I/O floor)
// and a bare `node` start. Each contender is a fresh process timed by GNU time; runs alternate;
// medians of --runs.
//
//   npm run build && node bench/history-blobs.mjs [--versions 40] [--mb 8] [--runs 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { versions: { type: 'string', default: '40' }, mb: { type: 'string', default: '8' }, runs: { type: 'string', default: '5' } },
});
const VERSIONS = Number(args.versions);
const LINES = Math.round((Number(args.mb) * 1024 * 1024) / 40);
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const dir = mkdtempSync(path.join(tmpdir(), 'undrift-blobs-'));

// One fast-import stream: VERSIONS commits, each changing one line of a LINES-line values file.
const lines = Array.from({ length: LINES }, (_, i) => `key_${String(i).padStart(8, '0')}: value-${i}-xxxxxxx`);
let stream = '';
for (let v = 0; v < VERSIONS; v++) {
  lines[(v * 7919) % LINES] = `key_${String((v * 7919) % LINES).padStart(8, '0')}: changed-${v}-xxxxxx`;
  const body = `${lines.join('\n')}\n`;
  stream += `commit refs/heads/main\ncommitter Bench <b@example.test> ${1700000000 + v * 60} +0000\ndata 4\nv${v}\n\n`;
  stream += `M 100644 inline values.yaml\ndata ${Buffer.byteLength(body)}\n${body}\n`;
}
execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: gitEnv });
execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, env: gitEnv, maxBuffer: 1 << 30 });
const ids = execFileSync('git', ['log', '--format=%H', 'main'], { cwd: dir, env: gitEnv, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((sha) => `${sha}:values.yaml`);
writeFileSync(path.join(dir, 'ids'), `${ids.join('\n')}\n`);

const reader = new URL('../dist/git/cat-file.js', import.meta.url).href;
const contenders = {
  'node start-up': [process.execPath, ['-e', '0']],
  'git cat-file --batch >/dev/null': ['sh', ['-c', 'git cat-file --batch < ids > /dev/null']],
  'undrift blob reader': [
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs';
       const { BlobReader } = await import(${JSON.stringify(reader)});
       const ids = readFileSync('ids', 'utf8').trim().split('\\n');
       const r = new BlobReader('.', (e) => { throw e; });
       let bytes = 0;
       await Promise.all(ids.map((id) => new Promise((done) => r.read(id, (b) => { bytes += b.length; done(); }))));
       r.close();
       if (bytes === 0) throw new Error('nothing read');`,
    ],
  ],
};

const measure = ([command, argv]) => {
  const result = spawnSync('/usr/bin/time', ['-f', '@@%U %S %M', command, ...argv], { cwd: dir, env: gitEnv, encoding: 'utf8' });
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@'));
  if (result.status !== 0 || !line) throw new Error(`${command}: ${result.stderr}`);
  const [user, sys, rss] = line.slice(2).split(' ').map(Number);
  return { cpu: user + sys, rss: rss / 1024 };
};
const runs = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let i = 0; i < Number(args.runs); i++) for (const [name, c] of Object.entries(contenders)) runs[name].push(measure(c));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpu = (name) => median(runs[name].map((r) => r.cpu));
const mb = ((LINES * 40) / 1024 / 1024).toFixed(0);
console.log(
  `large blobs: ${VERSIONS} versions of a ~${mb} MB values file (${((VERSIONS * LINES * 40) / 1024 / 1024).toFixed(0)} MB read), medians of ${args.runs} runs:`,
);
for (const name of Object.keys(contenders))
  console.log(
    `  ${name.padEnd(34)} ${cpu(name).toFixed(2).padStart(5)} CPU-s  ${median(runs[name].map((r) => r.rss))
      .toFixed(0)
      .padStart(4)} MB peak RSS`,
  );
// GNU time counts the git child in the reader's figure: the reader's own work is what is left.
const own = cpu('undrift blob reader') - cpu('node start-up') - cpu('git cat-file --batch >/dev/null');
const read = (VERSIONS * LINES * 40) / 1024 / 1024;
console.log(`  the reader's own work (its figure less Node's start-up and git's): ${own.toFixed(2)} CPU-s, ${((own * 1000) / read).toFixed(1)} ms per MB read`);
rmSync(dir, { recursive: true, force: true });
