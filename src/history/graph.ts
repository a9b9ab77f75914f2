import { runGitOnce } from '../git/child.js';
import { blobsAt, gitLines } from '../git/log.js';
import type { CommitGraph } from './stack.js';
import type { LogCommit } from '../git/log.js';

// An environment that stacks files takes each file's value at every commit along the commit
// graph: on a branch, the base file's change counts where no override shadows it there, whatever
// the other line did meanwhile. The walk gives commits in a line; here are their parents, and,
// for each merge, which parent's version of a file it kept when it changed nothing in it.

/** The commits of one walk (`git log` from one revision over some paths), as it met them. */
export interface WalkedCommits {
  /** For a walk that follows a rename: the commit that renamed the file. */
  anchor?: string;
  /** The paths it walked (for a walk that follows a rename, their old names). */
  pathspecs: string[];
  commits: Array<{ sha: string; committed: string; commit?: LogCommit }>;
}

/** A merge the walk met, with the files it did not list (`--cc` lists a file only when the merge
 * made it differ from every parent: an unlisted file is one parent's, but which one it does not say). */
export interface MergeWalked {
  sha: string;
  /** The walked path as named at the merge, and the id of the target it belongs to. */
  unlisted: Array<{ target: string; pathspec: string }>;
}

/** The walked commits as a graph. Without a merge among them the walk is one line, in its order;
 * with merges, each commit's parents are git's nearest walked ancestors (`rev-list --parents` over
 * the walked paths simplifies history as the walk did). */
export async function commitGraph(repo: string, walks: WalkedCommits[], order: Map<string, number>): Promise<CommitGraph> {
  const facts: CommitGraph['facts'] = new Map();
  for (const walk of walks) for (const { sha, commit } of walk.commits) if (commit) facts.set(sha, commit);
  const newestFirst = [...order.keys()];
  const parents = new Map<string, string[]>();
  if (walks.some((w) => w.commits.some(({ commit }) => (commit?.parents.length ?? 0) > 1))) {
    const pathspecs = [...new Set(walks.flatMap((w) => w.pathspecs))];
    const listed = new Map<string, string[]>();
    for (const line of await gitLines(repo, ['rev-list', '--parents', 'HEAD', '--', ...pathspecs])) {
      const [sha, ...rest] = line.split(' ');
      if (sha) listed.set(sha, rest);
    }
    // Over every name a walk followed, git can list a commit no walk did (it touched an old name
    // only where the walk of today's name had no reason to look): its walked ancestor stands in.
    const walkedAncestor = (sha: string): string | undefined => {
      let at: string | undefined = sha;
      for (let steps = 0; at !== undefined && steps <= listed.size; steps++, at = listed.get(at)?.[0]) if (facts.has(at)) return at;
      return undefined;
    };
    for (const [sha, rest] of listed) {
      if (!facts.has(sha)) continue;
      parents.set(sha, [...new Set(rest.map(walkedAncestor).filter((p): p is string => p !== undefined))]);
    }
  }
  // A commit the graph did not place (or any, without merges) follows the walk's line.
  newestFirst.forEach((sha, i) => {
    if (!parents.has(sha)) parents.set(sha, i + 1 < newestFirst.length ? [newestFirst[i + 1]!] : []);
  });
  return { oldestFirst: parentsFirst(newestFirst, parents), parents, order, facts };
}

/** Every commit after its parents; otherwise as old as the walk's order says. */
function parentsFirst(newestFirst: string[], parents: Map<string, string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const start = newestFirst[i]!;
    if (seen.has(start)) continue;
    seen.add(start);
    const stack: Array<{ sha: string; next: number }> = [{ sha: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = parents.get(top.sha) ?? [];
      if (top.next < list.length) {
        const parent = list[top.next++]!;
        if (!seen.has(parent)) {
          seen.add(parent);
          stack.push({ sha: parent, next: 0 });
        }
        continue;
      }
      out.push(top.sha);
      stack.pop();
    }
  }
  return out;
}

/** Per target, per merge: the index of the parent whose version of the file the merge kept
 * whole (git compares the ids: one `cat-file --batch-check` for every merge and file). */
export async function keptSides(repo: string, graph: CommitGraph, merges: MergeWalked[]): Promise<Map<string, Map<string, number>>> {
  const asks: Array<{ sha: string; path: string; target: string }> = [];
  for (const merge of merges) for (const { target, pathspec } of merge.unlisted) asks.push({ sha: merge.sha, path: pathspec, target });
  const kept = new Map<string, Map<string, number>>();
  for (const { ask, side } of await parentKept(repo, graph, asks)) {
    const byMerge = kept.get(ask.target) ?? kept.set(ask.target, new Map()).get(ask.target)!;
    byMerge.set(ask.sha, side);
  }
  return kept;
}

/** Per directory target, per merge, per file of the directory: the index of the parent whose
 * version of the file the merge left as it was (a file absent from the merge and a parent counts
 * as kept from it). One `cat-file --batch-check` for every merge, file and parent. */
export async function keptFiles(
  repo: string,
  graph: CommitGraph,
  merges: MergeWalked[],
  files: Map<string, Set<string>>,
): Promise<Map<string, Map<string, Map<string, number>>>> {
  const asks: Array<{ sha: string; path: string; target: string }> = [];
  for (const merge of merges) for (const [target, names] of files) for (const file of names) asks.push({ sha: merge.sha, path: file, target });
  const kept = new Map<string, Map<string, Map<string, number>>>();
  for (const { ask, side } of await parentKept(repo, graph, asks)) {
    const byMerge = kept.get(ask.target) ?? kept.set(ask.target, new Map()).get(ask.target)!;
    const byFile = byMerge.get(ask.sha) ?? byMerge.set(ask.sha, new Map()).get(ask.sha)!;
    byFile.set(ask.path, side);
  }
  return kept;
}

/** For each ask at a merge (other commits are left out): the index of the first parent whose
 * blob at the path is the merge's own (both absent counts as equal). One `cat-file --batch-check`
 * for every ask and parent; a path holding a newline cannot be a line of its input (it would shift
 * every later answer), so such an ask is answered by `ls-tree -z` at the merge and each parent. */
async function parentKept<Ask extends { sha: string; path: string }>(
  repo: string,
  graph: CommitGraph,
  asks: Ask[],
): Promise<Array<{ ask: Ask; side: number }>> {
  const lines: string[] = [];
  const atMerges: Array<{ ask: Ask; parents: string[]; ids?: Array<string | null> }> = [];
  for (const ask of asks) {
    const parents = graph.parents.get(ask.sha) ?? [];
    if (parents.length < 2) continue;
    if (ask.path.includes('\n')) {
      const ids = await Promise.all([ask.sha, ...parents].map(async (commit) => (await blobsAt(repo, commit, [ask.path])).get(ask.path) ?? null));
      atMerges.push({ ask, parents, ids });
      continue;
    }
    lines.push(`${ask.sha}:${ask.path}`, ...parents.map((p) => `${p}:${ask.path}`));
    atMerges.push({ ask, parents });
  }
  if (atMerges.length === 0) return [];
  let batch: Array<string | null> = [];
  if (lines.length > 0) {
    const answer = await runGitOnce(repo, ['cat-file', '--batch-check=%(objectname)'], { input: `${lines.join('\n')}\n` });
    if (answer.exitCode !== 0) throw new Error(`git cat-file failed: ${answer.stderr.trim().split('\n')[0]}`);
    // An id, or `<name> missing` where the path does not exist at that commit.
    batch = answer.stdout
      .toString('utf8')
      .split('\n')
      .map((line) => (/^[0-9a-f]{40,64}$/.test(line) ? line : null));
  }
  const out: Array<{ ask: Ask; side: number }> = [];
  let at = 0;
  for (const { ask, parents, ids: own } of atMerges) {
    let ids = own;
    if (!ids) {
      ids = batch.slice(at, at + 1 + parents.length);
      at += 1 + parents.length;
    }
    const side = ids.slice(1).indexOf(ids[0] ?? null);
    if (side >= 0) out.push({ ask, side });
  }
  return out;
}
