import { spawnGit } from './child.js';
import { commitHeader } from './log.js';
import type { CommitFacts } from '../model/types.js';

/** A commit's message and place in the graph, whatever files it touched. */
export interface CommitMessage extends CommitFacts {
  sha: string;
  parents: string[];
  /** The paths it touched (repo-relative; none for a merge): a commit that changed no value still
   * speaks of the files it touched ("keepalive stays 60s in production" beside a new comment). */
  files: string[];
}

// Record separator, then NUL-separated fields; the body may hold anything but NUL, so a unit
// separator ends it; then, with -z, the touched paths, each ended by NUL.
const FORMAT = '%x1e%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cI%x00%s%x00%b%x1f';
/** A message longer than this is cut: a pasted log says nothing more about intent. */
const BODY_LIMIT = 4096;
/** A commit touching more paths than this is a sweep (a rename of a tree, a formatter run): its
 * message is not about any one file, so its paths are not kept. */
const FILES_LIMIT = 50;

/** Every commit's message from HEAD back, children before parents (`--topo-order`), at most
 * `limit` of them: the commits that changed no configured file say things too (a freeze notice,
 * a post-mortem, a ticket closed), and a merge's message says why its side was brought in. */
export async function readMessages(repo: string, limit = 20_000): Promise<CommitMessage[]> {
  // Bounded by silence (UNDRIFT_GIT_TIMEOUT), not by length: a long history may take a while.
  const walk = spawnGit(repo, ['log', '--topo-order', '--name-only', '-z', `--max-count=${limit}`, `--format=${FORMAT}`, 'HEAD'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { child } = walk;
  let out = '';
  const code = await new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      walk.alive();
      out += chunk;
    });
    child.stdout.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  }).finally(() => walk.done());
  if (code !== 0) return [];
  return parseMessages(out);
}

export function parseMessages(out: string): CommitMessage[] {
  const messages: CommitMessage[] = [];
  for (const record of out.split('\x1e')) {
    const end = record.lastIndexOf('\x1f');
    const fields = (end === -1 ? record : record.slice(0, end)).split('\0');
    if (!fields[0] || !/^[0-9a-f]{40,64}$/.test(fields[0])) continue;
    // After the message: NUL, a newline, then each path ended by NUL.
    const paths =
      end === -1
        ? []
        : record
            .slice(end + 1)
            .replace(/^\0?\n?/, '')
            .split('\0')
            .filter(Boolean);
    messages.push({
      ...commitHeader(fields),
      body: fields.slice(7).join('').trim().slice(0, BODY_LIMIT),
      files: paths.length <= FILES_LIMIT ? paths : [],
    });
  }
  return messages;
}
