// The whole `undrift scan` (the built binary, a fresh process each run) on the Helm-shaped corpus
// of bench/helm-corpus.mjs, against `git log -p --follow` of the same three files, interleaved
// in one run: first run (empty cache), re-run at the same HEAD, a run after one new commit (a value
// edit), and a run after a commit that writes only a document.
// CPU (user + sys), wall and peak RSS of each process tree come from GNU time.
//
//   npm run build && node bench/history.mjs [--rounds 3] [--commits 1500] [--apps 100] [--repo DIR] [--keep]
//
// Then the figures of large blobs (bench/history-blobs.mjs) and of .tfvars files (bench/tfvars.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { generateHelmRepo, HELM_ENVS, helmPath } from './helm-corpus.mjs';

const TIME = '/usr/bin/time';
const bin = new URL('../bin/undrift.js', import.meta.url).pathname;

/** One process (tree) timed by GNU time: wall, CPU and peak RSS. */
function measure(command, args, cwd, env, out) {
  const fd = out ? openSync(out, 'w') : 'ignore';
  const result = spawnSync(TIME, ['-f', '@@%e %U %S %M', command, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', fd, 'pipe'],
  });
  if (out) closeSync(fd);
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  const [wall, user, sys, rssKb] = line.slice(2).split(' ').map(Number);
  return { wall, cpu: user + sys, rss: rssKb / 1024, status: result.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

export async function helmBench(args, gitEnv) {
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed to measure CPU and peak RSS: apt-get install time`);
  const reuse = args.repo && existsSync(path.join(args.repo, '.git'));
  const dir = args.repo ?? mkdtempSync(path.join(tmpdir(), 'undrift-helm-'));
  const options = { commits: Number(args.commits ?? 1500), apps: Number(args.apps ?? 100) };
  if (!reuse) {
    console.log(`generating the Helm-shaped corpus in ${dir} ...`);
    const started = Date.now();
    const shape = await generateHelmRepo(dir, options, gitEnv);
    console.log(
      `  ${options.commits} commits (${shape.merges} merges, ${shape.reindents} re-indents, ${shape.appsAdded} apps added, ${shape.appsRemoved} retired, every file renamed once), ` +
        `${shape.versions} file versions; today ${shape.apps} apps, ${shape.lines.join(' / ')} lines in ${HELM_ENVS.length} files; built in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const files = HELM_ENVS.map(helmPath);
  const outputs = mkdtempSync(path.join(tmpdir(), 'undrift-helm-out-'));
  const scan = (name) => measure(process.execPath, [bin, 'scan', '--format', 'json'], dir, gitEnv, path.join(outputs, name));
  const digest = (name) =>
    createHash('sha1')
      .update(readFileSync(path.join(outputs, name)))
      .digest('hex');
  let identical = 0;
  let afterIdentical = false;
  const logp = () => measure('sh', ['-c', files.map((f) => `git log -p --follow --format='%H %an %aI %s' -- ${f} >/dev/null`).join(' && ')], dir, gitEnv);
  const rounds = Number(args.rounds ?? 3);
  const loads = [loadavg()[0]];
  const runs = { first: [], rerun: [], afterCommit: [], afterDocument: [], logp: [] };
  let documentIdentical = false;
  for (let round = 0; round < rounds; round++) {
    rmSync(path.join(dir, '.git/undrift'), { recursive: true, force: true });
    runs.logp.push(logp());
    runs.first.push(scan('first.json'));
    runs.rerun.push(scan('rerun.json'));
    // The saved result must give the same bytes as reading the history.
    if (digest('first.json') !== digest('rerun.json')) throw new Error(`round ${round + 1}: the re-run's JSON differs from the first run's`);
    identical++;
    const file = path.join(dir, files[1]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/tag: \S+/, `tag: v9.${process.pid}.${round}`));
    execFileSync('git', ['commit', '-qam', `bench round ${round}`], {
      cwd: dir,
      env: { ...gitEnv, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.test' },
    });
    runs.logp.push(logp());
    runs.afterCommit.push(scan('after.json'));
    // What the caches kept after a new commit must give the bytes a scan without them gives (not
    // timed; once, the first round: a kept diff that lost a merge's facts once changed hundreds).
    if (round === 0) {
      const fd = openSync(path.join(outputs, 'fresh.json'), 'w');
      spawnSync(process.execPath, [bin, 'scan', '--format', 'json', '--no-cache'], { cwd: dir, env: gitEnv, stdio: ['ignore', fd, 'ignore'] });
      closeSync(fd);
      if (digest('after.json') !== digest('fresh.json')) throw new Error("after a new commit, the scan's JSON differs from a scan without cache");
      afterIdentical = true;
    }
    // Then a commit that writes only a document (a runbook naming one app and a ticket): the kept
    // verdicts are weighed again only where it can concern them (verdict/document-reads.ts).
    const doc = path.join(dir, 'docs', `runbook-${round}.md`);
    mkdirSync(path.dirname(doc), { recursive: true });
    writeFileSync(doc, `# Runbook ${round}\n\nRestart the router when the cache is cold. See OPS-44${round}.\n`);
    execFileSync('git', ['add', '-A'], { cwd: dir, env: gitEnv });
    execFileSync('git', ['commit', '-qm', `docs: runbook ${round}`], {
      cwd: dir,
      env: { ...gitEnv, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@example.test' },
    });
    runs.afterDocument.push(scan('after-doc.json'));
    if (round === 0) {
      const fd = openSync(path.join(outputs, 'fresh-doc.json'), 'w');
      spawnSync(process.execPath, [bin, 'scan', '--format', 'json', '--no-cache'], { cwd: dir, env: gitEnv, stdio: ['ignore', fd, 'ignore'] });
      closeSync(fd);
      if (digest('after-doc.json') !== digest('fresh-doc.json'))
        throw new Error("after a document's commit, the scan's JSON differs from a scan without cache");
      documentIdentical = true;
    }
    loads.push(loadavg()[0]);
    process.stdout.write(`  round ${round + 1}/${rounds} done (load average ${loads.at(-1).toFixed(1)})\n`);
  }
  // The engine's own counters (not timed): versions, blobs, entries parsed and whole-parse fallbacks.
  rmSync(path.join(dir, '.git/undrift'), { recursive: true, force: true });
  const stats = JSON.parse(
    execFileSync(process.execPath, [new URL('./history.mjs', import.meta.url).pathname, '--run', dir, '--corpus', 'helm'], { encoding: 'utf8', env: gitEnv }),
  );
  // Each undrift figure against the git log -p run next to it (the machine's speed drifts).
  const base = { wall: median(runs.logp.map((r) => r.wall)), cpu: median(runs.logp.map((r) => r.cpu)) };
  const ratios = (list, key) =>
    list.map((r, i) => r[key] / runs.logp[Math.min(runs.logp.length - 1, i * 2 + (list === runs.afterCommit || list === runs.afterDocument ? 1 : 0))][key]);
  console.log('');
  console.log(`whole \`undrift scan --format json\` on the Helm-shaped corpus, ${rounds} rounds interleaved with git; medians (range of per-round ratios):`);
  console.log(`  (2 cores shared; 1-minute load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)})`);
  console.log('                               wall      CPU    peak RSS   wall ratio          CPU ratio           target');
  for (const [name, list, target] of [
    ['first run (empty cache)', runs.first, '≤ 1.0× CPU and wall, ≤ 300 MB'],
    ['re-run, same HEAD', runs.rerun, '≤ 0.15×'],
    ['after one new commit', runs.afterCommit, '≤ 0.3×'],
    ['after a document commit', runs.afterDocument, ''],
  ]) {
    const w = ratios(list, 'wall');
    const c = ratios(list, 'cpu');
    console.log(
      `  ${name.padEnd(26)} ${median(list.map((r) => r.wall))
        .toFixed(2)
        .padStart(6)} s ${median(list.map((r) => r.cpu))
        .toFixed(2)
        .padStart(6)} s ${median(list.map((r) => r.rss))
        .toFixed(0)
        .padStart(6)} MB   ${median(w).toFixed(2)} (${range(w)})   ${median(c).toFixed(2)} (${range(c)})   ${target}`,
    );
  }
  console.log(
    `  ${'git log -p --follow ×3'.padEnd(26)} ${base.wall.toFixed(2).padStart(6)} s ${base.cpu.toFixed(2).padStart(6)} s ${median(runs.logp.map((r) => r.rss))
      .toFixed(0)
      .padStart(6)} MB   1                   1`,
  );
  console.log(`  peak RSS of the first runs: ${runs.first.map((r) => r.rss.toFixed(0)).join(', ')} MB (target ≤ 300 MB)`);
  console.log(
    `  history engine: ${stats.entries} file versions diffed, ${stats.blobsRead} blobs read, ${stats.keys} keys with ${stats.events} events; ` +
      `versions cut into units ${stats.parse.unitCut}, into top-level entries ${stats.parse.entryCut}; ` +
      `parsed whole ${stats.parse.whole} (fallbacks: ${stats.parse.fallbacks}); units parsed ${stats.parse.parsed}, reused ${stats.parse.reused}, ` +
      `kept from the last version without a look-up ${stats.parse.kept}, ` +
      `re-resolved after an anchor edit ${stats.parse.resolved} (flat pieces patched ${stats.parse.patched}); ` +
      `items read from the last version's parse with scalars rewritten in place ${stats.parse.scalarPatched ?? 0}; ` +
      `versions cut from the previous version's cut ${stats.parse.recut}`,
  );
  console.log(`  JSON of the re-run byte-identical to the first run's in ${identical} of ${rounds} rounds`);
  console.log(`  JSON after one new commit byte-identical to a scan without cache: ${afterIdentical ? 'yes (round 1)' : 'not checked'}`);
  console.log(`  JSON after a document commit byte-identical to a scan without cache: ${documentIdentical ? 'yes (round 1)' : 'not checked'}`);
  // The other figures, each from its own bench: large blobs read from git, and the fixed
  // cost of reading .tfvars files.
  console.log('');
  for (const [script, env] of [
    ['history-blobs.mjs', {}],
    ['tfvars.mjs', { RUNS: '3' }],
  ])
    process.stdout.write(
      execFileSync(process.execPath, [new URL(`./${script}`, import.meta.url).pathname, ...(script === 'history-blobs.mjs' ? ['--runs', '3'] : [])], {
        encoding: 'utf8',
        env: { ...gitEnv, ...env },
      }),
    );
  rmSync(outputs, { recursive: true, force: true });
  if (args.keep || args.repo) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
