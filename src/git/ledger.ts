import { runGitOnce } from './child.js';
import { outputText } from './run.js';
import { runGit } from './write.js';

// The decision ledger's git side. Repo decisions live in the commits undrift makes (Drift-*
// trailers); live patches, skips and the branches apply made are entries of a commit chain under
// refs/undrift/ledger (empty trees, trailers in the message), which `git push origin
// refs/undrift/ledger` carries like any ref. A repo entry has the branch's tip as a second
// parent, so the commits stay reachable, and readable, after their branch is deleted.

export const LEDGER_REF = 'refs/undrift/ledger';

/** One commit carrying Drift-* trailers, as git stores it. */
export interface TrailerCommit {
  commit: string;
  parents: string[];
  date: string;
  author: string;
  subject: string;
  /** Trailer name → values, in order. */
  trailers: Map<string, string[]>;
}

const TRAILERS = [
  'Drift-Key',
  'Drift-Env',
  'Drift-Action',
  'Drift-Decision',
  'Drift-Ledger',
  'Drift-Branch',
  'Drift-Commit',
  'Drift-Target',
  'Drift-Object',
  'Drift-Field',
  'Drift-Before',
  'Drift-After',
  'Drift-Resource-Version',
];
const FORMAT = ['%H', '%P', '%aI', '%aN', '%s', ...TRAILERS.map((t) => `%(trailers:key=${t},valueonly,separator=%x1d)`)].join('%x1f');

function parseRecords(out: string): TrailerCommit[] {
  return out
    .split('\x1e')
    .map((r) => r.replace(/^\n+/, ''))
    .filter(Boolean)
    .map((record) => {
      const [commit, parents, date, author, subject, ...values] = record.split('\x1f');
      const trailers = new Map<string, string[]>();
      TRAILERS.forEach((name, i) => {
        const list = (values[i] ?? '')
          .split('\x1d')
          .map((x) => x.trim())
          .filter(Boolean);
        if (list.length) trailers.set(name, list);
      });
      return { commit: commit!, parents: (parents ?? '').split(' ').filter(Boolean), date: date!, author: author!, subject: subject!, trailers };
    });
}

/** Every commit undrift made or recorded, on every ref (branches, remotes, the ledger). */
export async function readTrailerCommits(repo: string): Promise<TrailerCommit[]> {
  const result = await runGitOnce(repo, ['log', '--all', `--format=${FORMAT}%x1e`, '--grep=^Drift-Key:', '--grep=^Drift-Ledger:', '--date-order']);
  return result.exitCode === 0 ? parseRecords(outputText(result.stdout)) : [];
}

/** Short names of the local and remote-tracking branches holding `sha`. */
export async function branchesContaining(repo: string, sha: string): Promise<string[]> {
  const out = await runGit(repo, ['for-each-ref', `--contains=${sha}`, '--format=%(refname:short)', 'refs/heads/', 'refs/remotes/']).catch(() => '');
  return out.split('\n').filter((b) => b && !b.endsWith('/HEAD'));
}

export async function isAncestor(repo: string, sha: string, of: string): Promise<boolean> {
  return (await runGitOnce(repo, ['merge-base', '--is-ancestor', sha, of])).exitCode === 0;
}

/** The branch pull requests merge into: origin's HEAD, else init.defaultBranch, main or master
 * when they exist, else the checked-out branch. */
export async function defaultBranch(repo: string): Promise<string | undefined> {
  const quiet = async (args: string[]) => outputText((await runGitOnce(repo, args)).stdout).trim();
  const remote = await quiet(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const candidates = [remote.replace(/^origin\//, ''), remote, await quiet(['config', 'init.defaultBranch']), 'main', 'master'].filter(Boolean);
  for (const name of candidates) {
    const ref = name.startsWith('origin/') ? `refs/remotes/${name}` : `refs/heads/${name}`;
    if ((await runGitOnce(repo, ['show-ref', '--verify', '--quiet', ref])).exitCode === 0) return name;
  }
  return (await quiet(['symbolic-ref', '--quiet', '--short', 'HEAD'])) || undefined;
}

/** Appends one entry to the ledger: a commit with an empty tree on top of the ledger's tip
 * (plus `extraParent`, the tip of a branch apply made), moved with a compare-and-swap so that
 * two writers never lose each other's entry. */
export async function appendLedgerEntry(repo: string, message: string, extraParent?: string): Promise<string> {
  const tree = await runGit(repo, ['mktree'], { input: '' });
  for (let attempt = 0; ; attempt++) {
    const tip = outputText((await runGitOnce(repo, ['rev-parse', '--verify', '--quiet', LEDGER_REF])).stdout).trim();
    const parents = [...(tip ? ['-p', tip] : []), ...(extraParent ? ['-p', extraParent] : [])];
    const commit = await runGit(repo, ['commit-tree', tree, ...parents, '-F', '-'], { input: message });
    const moved = await runGitOnce(repo, ['update-ref', '-m', 'undrift ledger', LEDGER_REF, commit, tip || '0'.repeat(commit.length)]);
    if (moved.exitCode === 0) return commit;
    if (attempt >= 5) await runGit(repo, ['update-ref', '-m', 'undrift ledger', LEDGER_REF, commit, tip || '0'.repeat(commit.length)]);
  }
}

/** Pushes the ledger to a remote. When the remote's ledger has entries this one lacks, both are
 * joined first (a merge of two empty-tree histories cannot conflict). */
export async function pushLedger(repo: string, remote: string): Promise<void> {
  const push = () => runGitOnce(repo, ['push', '--quiet', remote, `${LEDGER_REF}:${LEDGER_REF}`], { interactive: true });
  if ((await push()).exitCode === 0) return;
  await runGit(repo, ['fetch', '--quiet', remote, `+${LEDGER_REF}:refs/undrift/remote-ledger`], { interactive: true });
  const ours = await runGit(repo, ['rev-parse', LEDGER_REF]);
  const theirs = await runGit(repo, ['rev-parse', 'refs/undrift/remote-ledger']);
  if (!(await isAncestor(repo, theirs, ours))) {
    const tree = await runGit(repo, ['mktree'], { input: '' });
    const joined = await runGit(repo, [
      'commit-tree',
      tree,
      '-p',
      ours,
      '-p',
      theirs,
      '-m',
      'undrift ledger: join the ledger of the remote\n\nDrift-Ledger: join\n',
    ]);
    await runGit(repo, ['update-ref', '-m', 'undrift ledger', LEDGER_REF, joined, ours]);
  }
  await runGit(repo, ['update-ref', '-d', 'refs/undrift/remote-ledger']);
  const again = await push();
  if (again.exitCode !== 0) throw new Error(`git push ${remote} ${LEDGER_REF} failed: ${String(again.stderr).trim().split('\n').at(-1)}`);
}
