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
  /** The committer's date (a copy made by a rebase or a squash is committed after it). */
  committed: string;
  author: string;
  subject: string;
  /** Trailer name → values, in order. */
  trailers: Map<string, string[]>;
  /** The files it changes. */
  files: string[];
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
// A record starts with \x1e, so the file names --name-only prints after it stay in the record.
const FORMAT = `%x1e${['%H', '%P', '%aI', '%cI', '%aN', '%s', ...TRAILERS.map((t) => `%(trailers:key=${t},valueonly,separator=%x1d)`)].join('%x1f')}%x1f`;

function parseRecords(out: string): TrailerCommit[] {
  return out
    .split('\x1e')
    .filter((r) => r.trim())
    .map((record) => {
      const [commit, parents, date, committed, author, subject, ...values] = record.split('\x1f');
      const trailers = new Map<string, string[]>();
      TRAILERS.forEach((name, i) => {
        const list = (values[i] ?? '')
          .split('\x1d')
          .map((x) => x.trim())
          .filter(Boolean);
        if (list.length) trailers.set(name, list);
      });
      const files = (values[TRAILERS.length] ?? '').split('\n').filter(Boolean);
      return {
        commit: commit!,
        parents: (parents ?? '').split(' ').filter(Boolean),
        date: date!,
        committed: committed!,
        author: author!,
        subject: subject!,
        trailers,
        files,
      };
    });
}

/** Every commit undrift made or recorded, on every ref (branches, remotes, the ledger), newest
 * first: one `git log`. */
export async function readTrailerCommits(repo: string): Promise<TrailerCommit[]> {
  const result = await runGitOnce(repo, [
    'log',
    '--all',
    `--format=${FORMAT}`,
    '--name-only',
    '--no-renames',
    '--grep=^Drift-Key:',
    '--grep=^Drift-Ledger:',
    '--date-order',
  ]);
  return result.exitCode === 0 ? parseRecords(outputText(result.stdout)) : [];
}

/** The branches of a repository: full ref name → commit, the checked-out branch, and what
 * origin's HEAD points at. One `git for-each-ref`. */
export interface Branches {
  tips: Map<string, string>;
  /** Short name of the checked-out branch; undefined when HEAD is detached. */
  head?: string;
  /** Full ref name origin/HEAD points at. */
  originHead?: string;
}

export async function readBranches(repo: string): Promise<Branches> {
  const out = await runGit(repo, ['for-each-ref', '--format=%(refname)%1f%(objectname)%1f%(symref)%1f%(HEAD)', 'refs/heads/', 'refs/remotes/']).catch(() => '');
  const branches: Branches = { tips: new Map() };
  for (const line of out.split('\n').filter(Boolean)) {
    const [ref, sha, symref, head] = line.split('\x1f');
    if (ref === 'refs/remotes/origin/HEAD' && symref) branches.originHead = symref;
    else if (!symref) branches.tips.set(ref!, sha!);
    if (head === '*') branches.head = ref!.replace(/^refs\/heads\//, '');
  }
  return branches;
}

/** The branch pull requests merge into: origin's HEAD, else init.defaultBranch, main or master
 * when they exist, else the checked-out branch. */
export async function defaultBranch(repo: string, known?: Branches): Promise<string | undefined> {
  const branches = known ?? (await readBranches(repo));
  const exists = (name: string) => branches.tips.has(name.startsWith('origin/') ? `refs/remotes/${name}` : `refs/heads/${name}`);
  const remote = branches.originHead?.replace(/^refs\/remotes\//, '');
  const fromRemote = remote ? [remote.replace(/^origin\//, ''), remote].filter(exists) : [];
  if (fromRemote.length) return fromRemote[0];
  const configured = outputText((await runGitOnce(repo, ['config', 'init.defaultBranch'])).stdout).trim();
  return [configured, 'main', 'master'].filter(Boolean).find(exists) ?? branches.head;
}

/** The refs a branch name stands for: the local branch and origin's copy, those that exist. */
export function refsOf(branches: Branches, name: string): string[] {
  const local = name.startsWith('origin/') ? name.replace(/^origin\//, '') : name;
  return [`refs/heads/${local}`, `refs/remotes/origin/${local}`].filter((r) => branches.tips.has(r));
}

/** For each commit, one of `refs` that holds it (short name), in one `git name-rev` per 2,000
 * commits (it walks back only to about the oldest commit asked for), then one `git for-each-ref
 * --contains` for each commit name-rev left unnamed: name-rev stops at commits dated a day before
 * the oldest asked about, so a merge committed with an older clock (a skewed machine, a script
 * setting GIT_COMMITTER_DATE, a rebase keeping dates) hides what it merged from it. */
export async function holdingRefs(repo: string, commits: string[], refs: string[]): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  if (refs.length === 0) return held;
  for (let i = 0; i < commits.length; i += 2000) {
    const out = await runGit(repo, ['name-rev', ...refs.map((r) => `--refs=${r}`), ...commits.slice(i, i + 2000)]).catch(() => '');
    // "<sha> main~2", "<sha> remotes/origin/x^2~1", "<sha> undefined" when no ref holds it.
    for (const line of out.split('\n')) {
      const match = /^([0-9a-f]{40,64}) ([^~^\s]+)/.exec(line);
      if (match && match[2] !== 'undefined') held.set(match[1]!, match[2]!.replace(/^remotes\//, ''));
    }
  }
  // Unnamed commits are the open and abandoned decisions' (a handful): each asked of the refs directly.
  for (const commit of commits.filter((c) => !held.has(c) && /^[0-9a-f]{40,64}$/.test(c))) {
    const out = await runGit(repo, ['for-each-ref', '--format=%(refname:short)', `--contains=${commit}`, ...refs]).catch(() => '');
    const holder = out.split('\n').find(Boolean);
    if (holder) held.set(commit, holder);
  }
  return held;
}

/** The commits of `refs` since `since` (committer date) that change one of `files`, merges left
 * out: the commits a squash or a rebase would have made. One `git log`. */
export async function commitsChanging(repo: string, refs: string[], since: string, files: string[]): Promise<string[]> {
  if (refs.length === 0 || files.length === 0) return [];
  const out = await runGit(repo, ['log', '--format=%H', '--no-merges', `--since=${since}`, ...refs, '--', ...files]).catch(() => '');
  return out.split('\n').filter(Boolean);
}

/** The patch id (`git patch-id --stable`: the change, whatever its place or commit) of each
 * diff asked for: a commit against its parent, or `{ to, from }` a range's whole change (what a
 * squash makes). Two processes: one `git diff-tree --stdin`, one `git patch-id`. A diff that
 * changes nothing has no id. Results come in the order asked. */
export async function patchIds(repo: string, diffs: Array<string | { to: string; from: string }>): Promise<Array<string | undefined>> {
  if (diffs.length === 0) return [];
  // diff-tree reads "<commit> <parent>" as a commit with that parent: a range's whole change.
  const input = diffs.map((d) => (typeof d === 'string' ? d : `${d.to} ${d.from}`)).join('\n');
  const patches = await runGit(repo, ['diff-tree', '-p', '--no-color', '--full-index', '--stdin'], { input: `${input}\n`, raw: true });
  const out = patches.trim() ? await runGit(repo, ['patch-id', '--stable'], { input: patches }) : '';
  // Each output line names the commit diffed (for a range, its `to`); a commit asked twice (as
  // itself and as a range's end) answers in the order asked.
  const answers = new Map<string, string[]>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [id, commit] = line.split(' ');
    answers.set(commit!, [...(answers.get(commit!) ?? []), id!]);
  }
  // diff-tree prints nothing for a commit without changes, so the answers are matched by name.
  const seen = new Map<string, number>();
  return diffs.map((d) => {
    const commit = typeof d === 'string' ? d : d.to;
    const n = seen.get(commit) ?? 0;
    seen.set(commit, n + 1);
    return answers.get(commit)?.[n];
  });
}

export async function isAncestor(repo: string, sha: string, of: string): Promise<boolean> {
  return (await runGitOnce(repo, ['merge-base', '--is-ancestor', sha, of])).exitCode === 0;
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
  // `--`: the remote comes from undrift.yaml (forge.remote), and `--upload-pack=CMD` as a remote
  // would run CMD.
  const push = () => runGitOnce(repo, ['push', '--quiet', '--', remote, `${LEDGER_REF}:${LEDGER_REF}`], { interactive: true });
  if ((await push()).exitCode === 0) return;
  await runGit(repo, ['fetch', '--quiet', '--', remote, `+${LEDGER_REF}:refs/undrift/remote-ledger`], { interactive: true });
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
