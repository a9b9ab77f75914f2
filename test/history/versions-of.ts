import { execa } from 'execa';
import { isolatedGitEnv } from '../../src/scenario/build.js';

/** Every version of `file` along `git log --reverse -- file`, with its commit's subject, as git
 * stores it: one `git log` and one `git cat-file --batch` (not a `git show` per commit). A commit
 * that deleted the file gives no text. */
export async function versionsOf(repo: string, file: string): Promise<Array<{ sha: string; subject: string; text?: string }>> {
  const env = isolatedGitEnv();
  const log = (await execa('git', ['log', '--reverse', '--format=%H %s', '--', file], { cwd: repo, env })).stdout.split('\n').filter(Boolean);
  const commits = log.map((line) => ({ sha: line.slice(0, line.indexOf(' ')), subject: line.slice(line.indexOf(' ') + 1) }));
  const { stdout } = await execa('git', ['cat-file', '--batch'], {
    cwd: repo,
    env,
    input: commits.map(({ sha }) => `${sha}:${file}\n`).join(''),
    encoding: 'buffer',
    stripFinalNewline: false,
  });
  const out = Buffer.from(stdout);
  let at = 0;
  return commits.map((commit) => {
    const end = out.indexOf(10, at);
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) return commit;
    const text = out.subarray(at, at + Number(size)).toString('utf8');
    at += Number(size) + 1;
    return { ...commit, text };
  });
}
