import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

async function git(dir: string, args: string[], env: Record<string, string> = {}, input?: Buffer): Promise<string> {
  return runGit(dir, args, { env: isolatedGitEnv(env), ...(input ? { input } : {}) });
}

/** Turns a scenario into a real git repository at `dir`, with the story's authors, dates and
 * messages. Returns the commit ids in story order. Test suites build hundreds of these, so it
 * spawns as few git processes as it can: a story on one line of history is written by one `git
 * fast-import` (three processes in all, whatever its length); one that checks out branches or
 * merges them makes one real `git commit` per step (two processes each: add, commit). Both make
 * the same commits, hash for hash. */
export async function buildScenario(scenario: Scenario, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await git(dir, ['init', '--quiet', '--initial-branch=main']);
  // What five `git config` calls would write, in one append. No automatic maintenance: each
  // commit would start a process to check whether it is due.
  await appendFile(
    path.join(dir, '.git', 'config'),
    '[user]\n\tname = undrift scenario\n\temail = scenario@undrift.invalid\n[commit]\n\tgpgsign = false\n[core]\n\tlogAllRefUpdates = true\n[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n',
  );
  const shas = scenario.commits.some((c) => c.merge || c.checkout) ? await commitEach(scenario, dir) : await importAll(scenario, dir);
  for (const [file, content] of Object.entries(scenario.worktree ?? {})) await writeText(dir, file, content);
  return shas;
}

/** `git commit -m`'s clean-up of a message: no trailing blanks on a line, no empty lines at the
 * start or end, runs of empty lines made one, and a final newline. */
export function cleanMessage(message: string): string {
  const lines = message.split('\n').map((line) => line.replace(/\s+$/, ''));
  const out: string[] = [];
  for (const line of lines) if (line !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(line);
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** A story date as git writes it: seconds since the epoch and the zone it was given in. */
function gitDate(at: string): string {
  const zone = /(Z|[+-]\d{2}:\d{2})$/.exec(at)![1]!;
  return `${Math.floor(Date.parse(at) / 1000)} ${zone === 'Z' ? '+0000' : zone.replace(':', '')}`;
}

/** Every file of the work tree (not .git), repo-relative with `/`. */
async function workTreeFiles(dir: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (rel === '.git') continue;
    if (entry.isDirectory()) out.push(...(await workTreeFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** A story on one line of history, written by one `git fast-import`: each commit's whole tree as
 * the edits left it on disk (every file, as `git add --all` would stage it), blobs written once. */
async function importAll(scenario: Scenario, dir: string): Promise<string[]> {
  const chunks: Buffer[] = [];
  const put = (text: string | Buffer) => chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  const blobs = new Map<string, number>();
  let mark = 0;
  const commitMarks: number[] = [];
  for (const commit of scenario.commits) {
    await applyEdits(dir, commit);
    const tree: string[] = [];
    for (const file of await workTreeFiles(dir)) {
      const content = await readFile(path.join(dir, file));
      const key = content.toString('base64');
      let blob = blobs.get(key);
      if (blob === undefined) {
        blobs.set(key, (blob = ++mark));
        put(`blob\nmark :${blob}\ndata ${content.length}\n`);
        put(content);
        put('\n');
      }
      tree.push(`M 100644 :${blob} ${/^"|\n/.test(file) ? JSON.stringify(file) : file}\n`);
    }
    const author = scenario.authors[commit.author]!;
    const committer = scenario.authors[commit.committer ?? commit.author]!;
    const message = Buffer.from(cleanMessage(commit.message), 'utf8');
    commitMarks.push(++mark);
    put(`commit refs/heads/main\nmark :${mark}\n`);
    put(`author ${author.name} <${author.email}> ${gitDate(commit.at)}\ncommitter ${committer.name} <${committer.email}> ${gitDate(commit.at)}\n`);
    put(`data ${message.length}\n`);
    put(message);
    put(`deleteall\n${tree.join('')}\n`);
  }
  const marksFile = path.join(dir, '.git', 'scenario-marks');
  await git(dir, ['fast-import', '--quiet', `--export-marks=${marksFile}`], {}, Buffer.concat(chunks));
  const marks = new Map(
    (await readFile(marksFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => [Number(line.slice(1, line.indexOf(' '))), line.slice(line.indexOf(' ') + 1)] as const),
  );
  await rm(marksFile, { force: true });
  // The index as a checkout leaves it: the work tree already holds the last commit's files.
  await git(dir, ['reset', '--quiet']);
  return commitMarks.map((m) => marks.get(m)!);
}

/** One real commit per step, for stories that switch branches and merge them. */
async function commitEach(scenario: Scenario, dir: string): Promise<string[]> {
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
