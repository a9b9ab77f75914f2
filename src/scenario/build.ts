import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tryGit } from '../git/run.js';
import { runGit } from '../git/write.js';
import { parseDocument } from 'yaml';
import type { Scenario, ScenarioCommit } from './scenario.js';

type Scalar = string | number | boolean | null;

/** Git with no global or system configuration, so a built repo is the same on every machine. */
export function isolatedGitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...extra };
}

async function git(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return runGit(dir, args, { env: isolatedGitEnv(env) });
}

/** Turns a scenario into a real git repository at `dir`: one real `git commit` per step, with
 * the story's authors and dates. Returns the commit ids in story order. Test suites build many of
 * these, so it spawns as few git processes as it can: two per commit (add, commit). */
export async function buildScenario(scenario: Scenario, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await git(dir, ['init', '--quiet', '--initial-branch=main']);
  // What three `git config` calls would write, in one append.
  await appendFile(
    path.join(dir, '.git', 'config'),
    '[user]\n\tname = undrift scenario\n\temail = scenario@undrift.invalid\n[commit]\n\tgpgsign = false\n[core]\n\tlogAllRefUpdates = true\n',
  );
  for (const commit of scenario.commits) {
    const author = scenario.authors[commit.author]!;
    const committer = scenario.authors[commit.committer ?? commit.author]!;
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: commit.at,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: commit.at,
    };
    if (commit.checkout) await checkout(dir, commit.checkout);
    if (commit.merge) {
      // A conflict is expected when the story resolves it with its own edits.
      await tryGit(dir, ['merge', '--no-ff', '--no-commit', commit.merge], isolatedGitEnv(env));
    }
    await applyEdits(dir, commit);
    await git(dir, ['add', '--all']);
    await git(dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', commit.message], env);
  }
  for (const [file, content] of Object.entries(scenario.worktree ?? {})) await writeText(dir, file, content);
  return commitsInOrder(dir, scenario.commits.length);
}

/** The commits made, oldest first, from HEAD's reflog (one git call instead of one per commit):
 * every commit, merge and checkout moved HEAD, and only commits write a "commit" entry. */
async function commitsInOrder(dir: string, count: number): Promise<string[]> {
  const lines = (await git(dir, ['log', '-g', '--format=%H %gs', 'HEAD'])).split('\n');
  const shas = lines
    .filter((line) => / commit(?: \([^)]*\))?: /.test(line))
    .map((line) => line.slice(0, line.indexOf(' ')))
    .reverse();
  if (shas.length !== count) throw new Error(`scenario: expected ${count} commits in the reflog, found ${shas.length}`);
  return shas;
}

async function checkout(dir: string, branch: string): Promise<void> {
  const exists = await tryGit(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], isolatedGitEnv());
  await git(dir, exists.ok ? ['checkout', '--quiet', branch] : ['checkout', '--quiet', '-b', branch]);
}

async function writeText(dir: string, file: string, content: string): Promise<void> {
  const absolute = path.join(dir, file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, content);
}

async function applyEdits(dir: string, commit: ScenarioCommit): Promise<void> {
  for (const [file, content] of Object.entries(commit.write ?? {})) await writeText(dir, file, content);
  for (const [from, to] of Object.entries(commit.rename ?? {})) {
    await mkdir(path.dirname(path.join(dir, to)), { recursive: true });
    await rename(path.join(dir, from), path.join(dir, to));
  }
  for (const [file, keys] of Object.entries(commit.set ?? {})) {
    const absolute = path.join(dir, file);
    await writeFile(absolute, setKeys(await readFile(absolute, 'utf8'), file, keys));
  }
  for (const [file, keys] of Object.entries(commit.unset ?? {})) {
    const absolute = path.join(dir, file);
    await writeFile(absolute, unsetKeys(await readFile(absolute, 'utf8'), file, keys));
  }
  for (const file of commit.delete ?? []) await rm(path.join(dir, file), { recursive: true, force: true });
}

const isDotenv = (file: string) => /(^|\/)\.env(\.|$)|\.env$/.test(file);
const keyPath = (key: string) => key.split('.');

function dotenvLine(key: string): RegExp {
  return new RegExp(`^(export\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=.*$`, 'm');
}

function dotenvValue(value: Scalar): string {
  const text = value === null ? '' : String(value);
  return /[\s#"'$\\]/.test(text) ? JSON.stringify(text) : text;
}

export function setKeys(text: string, file: string, keys: Record<string, Scalar>): string {
  if (isDotenv(file)) {
    let out = text;
    for (const [key, value] of Object.entries(keys)) {
      const line = `${key}=${dotenvValue(value)}`;
      out = dotenvLine(key).test(out)
        ? out.replace(dotenvLine(key), (_all, exp: string | undefined) => `${exp ?? ''}${line}`)
        : `${out.replace(/\n?$/, '\n')}${line}\n`;
    }
    return out;
  }
  if (file.endsWith('.json')) {
    const data = JSON.parse(text) as Record<string, unknown>;
    for (const [key, value] of Object.entries(keys)) {
      const parts = keyPath(key);
      let node = data;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts.at(-1)!] = value;
    }
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  const doc = parseDocument(text);
  for (const [key, value] of Object.entries(keys)) doc.setIn(keyPath(key), value);
  return doc.toString();
}

export function unsetKeys(text: string, file: string, keys: string[]): string {
  if (isDotenv(file)) return keys.reduce((out, key) => out.replace(new RegExp(`${dotenvLine(key).source}\\n?`, 'm'), ''), text);
  if (file.endsWith('.json')) {
    const data = JSON.parse(text) as Record<string, unknown>;
    for (const key of keys) {
      const parts = keyPath(key);
      let node = data;
      for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
      delete node[parts.at(-1)!];
    }
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  const doc = parseDocument(text);
  for (const key of keys) doc.deleteIn(keyPath(key));
  return doc.toString();
}

export type { Scenario };
