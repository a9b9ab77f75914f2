import { execFileSync } from 'node:child_process';
import { isolatedGitEnv } from '../../src/scenario/build.js';

// The reference tests read every version of every file whole: two git processes in all (one
// `git log`, one `git cat-file --batch`), not one `git show` per commit and file.

export interface LoggedCommit {
  sha: string;
  parents: string[];
  subject: string;
}

/** The commits reachable from HEAD (after `--` the paths git limits and simplifies the walk to),
 * oldest first unless `newestFirst`, with parents as that walk rewrites them. */
export function commitsOf(repo: string, options: { paths?: string[]; newestFirst?: boolean; order?: 'date' | 'topo' } = {}): LoggedCommit[] {
  const args = ['log', `--${options.order ?? 'date'}-order`, '--format=%H %P%x00%s', ...(options.newestFirst ? [] : ['--reverse']), 'HEAD'];
  if (options.paths) args.push('--', ...options.paths);
  const out = execFileSync('git', args, { cwd: repo, env: { ...process.env, ...isolatedGitEnv() }, maxBuffer: 1 << 26 }).toString('utf8');
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ids, subject] = line.split('\0') as [string, string];
      const [sha, ...parents] = ids.split(' ').filter(Boolean);
      return { sha: sha!, parents, subject };
    });
}

/** Each `rev:path` named, whole (undefined where the commit has no such file). */
export function readVersions(repo: string, names: string[]): Map<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  if (names.length === 0) return texts;
  const batch = execFileSync('git', ['cat-file', '--batch'], {
    cwd: repo,
    env: { ...process.env, ...isolatedGitEnv() },
    input: `${names.join('\n')}\n`,
    maxBuffer: 1 << 28,
  });
  let at = 0;
  for (const name of names) {
    const eol = batch.indexOf(10, at);
    const header = batch.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing')) {
      texts.set(name, undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    texts.set(name, batch.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return texts;
}
