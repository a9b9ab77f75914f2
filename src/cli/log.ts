import { execa } from 'execa';
import { findRepoRoot } from '../git/repo.js';
import type { Io } from '../command.js';

export interface LoggedDecision {
  commit: string;
  date: string;
  author: string;
  subject: string;
  ref: string;
  keys: string[];
  envs: string[];
  actions: string[];
}

const FORMAT = ['%H', '%aI', '%aN', '%s', '%S', '%(trailers:key=Drift-Key,valueonly,separator=%x1d)', '%(trailers:key=Drift-Env,valueonly,separator=%x1d)', '%(trailers:key=Drift-Action,valueonly,separator=%x1d)'].join('%x1f');

/** Past decisions, from the trailers of the commits undrift made, on every branch. */
export async function readDecisionLog(repo: string): Promise<LoggedDecision[]> {
  const result = await execa('git', ['log', '--all', '--source', `--format=${FORMAT}%x1e`, '--grep=^Drift-Key:', '--extended-regexp'], { cwd: repo, reject: false });
  if (result.exitCode !== 0) return [];
  return String(result.stdout)
    .split('\x1e')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((record) => {
      const [commit, date, author, subject, ref, keys, envs, actions] = record.split('\x1f');
      const list = (s: string | undefined) => (s ?? '').split('\x1d').map((x) => x.trim()).filter(Boolean);
      return { commit: commit!, date: date!, author: author!, subject: subject!, ref: (ref ?? '').replace(/^refs\/heads\//, ''), keys: list(keys), envs: list(envs), actions: list(actions) };
    });
}

/** `undrift log [--json]`: the audit trail a post-mortem needs. */
export async function runLog(options: { repo: string; json: boolean }, io: Io): Promise<number> {
  const repo = await findRepoRoot(options.repo);
  const entries = await readDecisionLog(repo);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ version: 1, decisions: entries }, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    io.stdout.write('no decisions yet: commits made by undrift apply (or A in the interactive view) carry Drift-Key trailers\n');
    return 0;
  }
  for (const e of entries) {
    io.stdout.write(`${e.date.slice(0, 10)}  ${e.commit.slice(0, 7)}  ${e.actions.join(', ').padEnd(8)}  ${e.envs.join(', ').padEnd(20)}  ${e.keys.join(', ')}  (${e.ref}, ${e.author})\n`);
  }
  return 0;
}
