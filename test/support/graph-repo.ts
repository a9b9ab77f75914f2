import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import { AUTHORS, tempDir } from './repo.js';

/** One commit of a generated graph: its parents (earlier commits, by index; more than two make an
 * octopus merge) and its whole tree. */
export interface GraphCommit {
  parents: number[];
  files: Record<string, string>;
  message: string;
  /** An ISO date-time in UTC. */
  at: string;
  author: keyof typeof AUTHORS;
}

/** A real git repository holding exactly this commit graph, written by one `git fast-import`
 * (any number of parents, which `git merge` cannot make without resolving each one); `main` and
 * HEAD are the last commit. Returns the repository and each commit's id. */
export async function repoFromGraph(commits: GraphCommit[]): Promise<{ repo: string; shas: string[] }> {
  const repo = path.join(await tempDir(), 'repo');
  const env = { ...process.env, ...isolatedGitEnv() };
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', repo], { env });
  const chunks: Buffer[] = [];
  const put = (text: string | Buffer) => chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  commits.forEach((commit, i) => {
    const who = AUTHORS[commit.author];
    const when = `${Math.floor(Date.parse(commit.at) / 1000)} +0000`;
    const message = Buffer.from(`${commit.message}\n`, 'utf8');
    put(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who.name} <${who.email}> ${when}\ncommitter ${who.name} <${who.email}> ${when}\n`);
    put(`data ${message.length}\n`);
    put(message);
    commit.parents.forEach((p, n) => put(`${n === 0 ? 'from' : 'merge'} :${p + 1}\n`));
    put('deleteall\n');
    for (const [file, text] of Object.entries(commit.files)) {
      const content = Buffer.from(text, 'utf8');
      put(`M 100644 inline ${file}\ndata ${content.length}\n`);
      put(content);
      put('\n');
    }
    put('\n');
  });
  // The branch ends where the last commit is (a commit with a `from` moves it there).
  put(`reset refs/heads/main\nfrom :${commits.length}\n\n`);
  const marks = path.join(repo, '.git', 'graph-marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: repo, env, input: Buffer.concat(chunks) });
  const byMark = new Map(
    readFileSync(marks, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [Number(line.slice(1, line.indexOf(' '))), line.slice(line.indexOf(' ') + 1)] as const),
  );
  rmSync(marks);
  execFileSync('git', ['reset', '--quiet', '--hard'], { cwd: repo, env });
  return { repo, shas: commits.map((_c, i) => byMark.get(i + 1)!) };
}
