import path from 'node:path';
import { runGitOnce, spawnGit } from './child.js';
import type { CommitFacts } from '../model/types.js';

/** One file of one commit as `git log --raw` reports it: the blob before (one per parent for a
 * combined merge diff) and after. A null blob is git's all-zero id: the file did not exist. */
export interface RawEntry {
  status: string;
  path: string;
  /** For renames and copies: where the file came from. */
  fromPath?: string;
  parentBlobs: Array<string | null>;
  blob: string | null;
}

export interface LogCommit extends CommitFacts {
  sha: string;
  parents: string[];
  entries: RawEntry[];
}

const ZERO = /^0+$/;
const blobOf = (id: string) => (ZERO.test(id) ? null : id);

// Fields are separated by NUL; a record starts with RS and its header ends with US, after which
// come the NUL-separated raw entries of `-z`.
const FORMAT = '%x1e%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cI%x00%s%x00%b%x1f';

export function parseRecord(record: string): LogCommit | undefined {
  const headerEnd = record.indexOf('\x1f');
  if (headerEnd < 0) return undefined;
  const [sha, parents, author, email, date, committed, subject, body] = record.slice(0, headerEnd).split('\0');
  if (!sha) return undefined;
  const tokens = record.slice(headerEnd + 1).split('\0');
  const entries: RawEntry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n+/, '');
    if (!token.startsWith(':')) continue;
    const colons = /^:+/.exec(token)![0].length;
    const fields = token.slice(colons).split(' ');
    // fields: modes (colons + 1), blob ids (colons + 1), status
    const ids = fields.slice(colons + 1, 2 * colons + 2);
    const status = fields[2 * colons + 2] ?? '';
    const first = tokens[++i] ?? '';
    const renamed = colons === 1 && (status.startsWith('R') || status.startsWith('C'));
    const path = renamed ? (tokens[++i] ?? '') : first;
    entries.push({
      status,
      path,
      ...(renamed ? { fromPath: first } : {}),
      parentBlobs: ids.slice(0, colons).map(blobOf),
      blob: blobOf(ids[colons] ?? ''),
    });
  }
  return { ...commitHeader([sha, parents, author, email, date, committed, subject]), body: (body ?? '').trim(), entries };
}

/** Streams `git log --raw -z --cc --date-order` over the paths, newest first, children before
 * their parents whatever the dates say (dates order only commits on parallel lines), as commits
 * arrive: the caller starts fetching blobs while git is still walking. The commits of each chunk git writes come
 * together. `--cc` lists a merge only when its result differs from every parent, i.e. when the
 * merge itself chose a value. */
export async function* streamLog(repo: string, paths: string[], rev = 'HEAD'): AsyncGenerator<LogCommit[]> {
  // Bounded by silence, not by length: a walk of a huge history may rightly take minutes.
  const walk = spawnGit(repo, ['log', '--raw', '--no-abbrev', '-z', '--cc', '--date-order', '--no-renames', `--format=${FORMAT}`, rev, '--', ...paths]);
  const child = walk.child as typeof walk.child & { stderr: NonNullable<typeof walk.child.stderr> };
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  child.stdout.setEncoding('utf8');
  let buffer = '';
  const records = (final: boolean): LogCommit[] => {
    const commits: LogCommit[] = [];
    let start = buffer.indexOf('\x1e');
    let next = start >= 0 ? buffer.indexOf('\x1e', start + 1) : -1;
    while (next >= 0 || (final && start >= 0)) {
      const commit = parseRecord(buffer.slice(start + 1, next >= 0 ? next : undefined));
      if (commit) commits.push(commit);
      if (next < 0) return commits;
      start = next;
      next = buffer.indexOf('\x1e', start + 1);
    }
    if (start > 0) buffer = buffer.slice(start);
    return commits;
  };
  try {
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      walk.alive();
      buffer += chunk;
      const commits = records(false);
      if (commits.length === 0) continue;
      // While the caller works on these, git waits on a full pipe: that silence is ours.
      walk.waiting(false);
      yield commits;
      walk.waiting(true);
    }
  } finally {
    walk.done();
  }
  const rest = records(true);
  if (rest.length > 0) yield rest;
  const code = await exited;
  if (code !== 0 && !/does not have any commits yet|unknown revision/.test(stderr)) {
    throw new Error(`git log failed: ${stderr.trim().split('\n')[0]}`);
  }
}

/** The renames git sees between a commit and its parent: new path → old path and old blob. */
export async function findRenames(repo: string, sha: string, parent: string): Promise<Map<string, { fromPath: string; blob: string }>> {
  const out = (await runGitOnce(repo, ['diff-tree', '-r', '-M', '--raw', '--no-abbrev', '-z', '--no-commit-id', parent, sha])).stdout.toString('utf8');
  const renames = new Map<string, { fromPath: string; blob: string }>();
  for (const entry of parseRecord(`x\x1f${out}`)?.entries ?? []) {
    if (entry.status.startsWith('R') && entry.fromPath && entry.parentBlobs[0])
      renames.set(entry.path, { fromPath: entry.fromPath, blob: entry.parentBlobs[0] });
  }
  return renames;
}

/** The blobs `paths` held at a commit (absent paths left out), from one `git ls-tree`. */
export async function blobsAt(repo: string, commit: string, paths: string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (paths.length === 0) return blobs;
  const out = (await runGitOnce(repo, ['ls-tree', '-z', '--full-tree', commit, '--', ...paths])).stdout.toString('utf8');
  for (const line of out.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]{40,64})\t(.+)$/s.exec(line);
    if (m) blobs.set(m[2]!, m[1]!);
  }
  return blobs;
}

/** What a history walk needs to know of the repository first, from one `git rev-parse`. */
export async function repoFacts(repo: string): Promise<{ shallow: boolean; commonDir: string; head: string | undefined }> {
  const [shallow, commonDir, head] = await gitLines(repo, ['rev-parse', '--is-shallow-repository', '--git-common-dir', 'HEAD']);
  return { shallow: shallow === 'true', commonDir: path.resolve(repo, commonDir ?? '.git'), head: head && /^[0-9a-f]{40,64}$/.test(head) ? head : undefined };
}

/** Lines of a one-shot git command, for small queries. */
export async function gitLines(repo: string, args: string[]): Promise<string[]> {
  const text = (await runGitOnce(repo, args)).stdout.toString('utf8');
  return text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** The commit HEAD's first-parent line held at a moment (`--before` an ISO time), or the commit a
 * revision names; undefined when there is none. */
export async function commitAt(repo: string, moment: { time: string } | { revision: string }): Promise<string | undefined> {
  const args =
    'time' in moment
      ? ['rev-list', '-1', '--first-parent', `--before=${moment.time}`, 'HEAD']
      : ['rev-parse', '--verify', '--quiet', '--end-of-options', `${moment.revision}^{commit}`];
  const [sha] = await gitLines(repo, args);
  return sha && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** A commit's header from the fields `%H %P %aN %aE %aI %cI %s` (the walk's and the message
 * read's formats both start with them), absent fields empty. */
export function commitHeader(fields: Array<string | undefined>): { sha: string; parents: string[] } & Omit<CommitFacts, 'body'> {
  const [sha, parents, author, email, date, committed, subject] = fields;
  return {
    sha: sha ?? '',
    parents: parents ? parents.split(' ') : [],
    author: author ?? '',
    email: email ?? '',
    date: date ?? '',
    committed: committed ?? '',
    subject: subject ?? '',
  };
}
