// Reading the decision ledger (`undrift log --json`) at scale: a repository with 500 ledger
// entries — 300 repo decisions on 100 branches (merged with a merge commit, squash-merged,
// rebase-merged, deleted unmerged, still open), 100 skips and 100 live patches — read by the
// built binary. Counts the git processes the read spawns (a `git` shim first on PATH logs each
// call) and times the whole command; medians of RUNS. Prints the statuses found, so a wrong
// answer shows next to the figures.
// Usage: npm run build && node bench/ledger.mjs [path/to/bin/undrift.js]
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.resolve(process.argv[2] ?? path.join(root, 'bin/undrift.js'));
const RUNS = Number(process.env.RUNS ?? 5);
const BRANCHES = 100;
const PER_BRANCH = 3;
const SKIPS = 100;
const LIVE = 100;

const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.test',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.test',
};
const git = (cwd, args, input) => execFileSync('git', args, { cwd, env, input, encoding: 'utf8' }).trim();

/** Appends one ledger entry the way undrift does: an empty-tree commit on refs/undrift/ledger. */
function ledgerEntry(repo, message, extraParent) {
  const tree = git(repo, ['mktree'], '');
  const tip = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'refs/undrift/ledger'], { cwd: repo, env, encoding: 'utf8' }).stdout.trim();
  const parents = [...(tip ? ['-p', tip] : []), ...(extraParent ? ['-p', extraParent] : [])];
  const commit = git(repo, ['commit-tree', tree, ...parents, '-F', '-'], message);
  git(repo, ['update-ref', 'refs/undrift/ledger', commit]);
}

function build(repo) {
  git(repo, ['init', '--quiet', '-b', 'main']);
  const lines = Array.from({ length: BRANCHES * PER_BRANCH }, (_, i) => `KEY_${i}: ${i}`);
  writeFileSync(path.join(repo, 'config.yaml'), `${lines.join('\n')}\n`);
  git(repo, ['add', '.']);
  git(repo, ['commit', '--quiet', '-m', 'config']);
  const fates = ['merge', 'squash', 'rebase', 'deleted', 'open'];
  for (let b = 0; b < BRANCHES; b++) {
    const branch = `undrift/2026-11-${String((b % 28) + 1).padStart(2, '0')}-bench-${b}`;
    git(repo, ['checkout', '--quiet', '-b', branch, 'main']);
    const commits = [];
    for (let c = 0; c < PER_BRANCH; c++) {
      const k = b * PER_BRANCH + c;
      const file = path.join(repo, 'config.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`KEY_${k}: ${k}\n`, `KEY_${k}: ${k + 1000}\n`));
      git(repo, [
        'commit',
        '--quiet',
        '-am',
        `drift(production): backfill KEY_${k}=${k + 1000}\n\nDrift-Key: KEY_${k}\nDrift-Env: production\nDrift-Action: backfill\nDrift-Decision: ${String(k).padStart(12, '0')}\n`,
      ]);
      commits.push(git(repo, ['rev-parse', 'HEAD']));
    }
    ledgerEntry(
      repo,
      `undrift ledger: branch ${branch}\n\nDrift-Ledger: repo\nDrift-Branch: ${branch}\n${commits.map((c) => `Drift-Commit: ${c}`).join('\n')}\n`,
      commits.at(-1),
    );
    git(repo, ['checkout', '--quiet', 'main']);
    const fate = fates[b % fates.length];
    if (fate === 'merge') git(repo, ['merge', '--quiet', '--no-ff', '--no-edit', branch]);
    if (fate === 'squash') {
      git(repo, ['merge', '--quiet', '--squash', branch]);
      git(repo, ['commit', '--quiet', '-m', `Squashed ${branch}`]);
    }
    if (fate === 'rebase') {
      // Main moved on meanwhile, so the rebased copies are new commits.
      writeFileSync(path.join(repo, `notes-${b}.txt`), 'unrelated\n');
      git(repo, ['add', '.']);
      git(repo, ['commit', '--quiet', '-m', `Unrelated work before ${branch}`]);
      for (const c of commits) git(repo, ['cherry-pick', '--quiet', c]);
    }
    if (fate !== 'open') git(repo, ['branch', '--quiet', '-D', branch]);
  }
  for (let s = 0; s < SKIPS; s++)
    ledgerEntry(
      repo,
      `undrift ledger: skip SKIPPED_${s} in production\n\nDrift-Ledger: skip\nDrift-Key: SKIPPED_${s}\nDrift-Env: production\nDrift-Action: skip\nDrift-Decision: s${String(s).padStart(11, '0')}\n`,
    );
  for (let l = 0; l < LIVE; l++)
    ledgerEntry(
      repo,
      `undrift ledger: live revert LIVE_${l} in production\n\nDrift-Ledger: live\nDrift-Key: LIVE_${l}\nDrift-Env: production\n` +
        `Drift-Action: revert\nDrift-Decision: l${String(l).padStart(11, '0')}\nDrift-Target: live\nDrift-Object: ConfigMap ` +
        `prod/app\nDrift-Field: data.LIVE_${l}\nDrift-Before: 1\nDrift-After: 2\n`,
    );
}

const repo = process.env.BENCH_LEDGER_REPO ?? mkdtempSync(path.join(tmpdir(), 'undrift-bench-ledger-'));
if (!existsSync(path.join(repo, '.git'))) {
  mkdirSync(repo, { recursive: true });
  const started = Date.now();
  build(repo);
  console.error(`built ${repo} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// A `git` first on PATH that logs each call, then runs the real one.
const shim = mkdtempSync(path.join(tmpdir(), 'undrift-git-shim-'));
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const calls = path.join(shim, 'calls.log');
writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$1" >> '${calls}'\nexec '${realGit}' "$@"\n`);
chmodSync(path.join(shim, 'git'), 0o755);

const times = [];
let counts = [];
let decisions = [];
for (let run = 0; run < RUNS; run++) {
  rmSync(calls, { force: true });
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [bin, 'log', '--json'], {
    cwd: repo,
    env: { ...env, PATH: `${shim}:${process.env.PATH}` },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  counts = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
  decisions = JSON.parse(out).decisions;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const byStatus = {};
for (const d of decisions) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
const bySub = {};
for (const c of counts) bySub[c] = (bySub[c] ?? 0) + 1;
console.log(`undrift log --json over ${decisions.length} entries (${bin})`);
console.log(
  `  git processes: ${counts.length} (${Object.entries(bySub)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ')})`,
);
console.log(`  time: median ${median(times).toFixed(0)} ms of ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`  statuses: ${JSON.stringify(byStatus)}`);
rmSync(shim, { recursive: true, force: true });
