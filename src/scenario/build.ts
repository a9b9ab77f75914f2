import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tryGit } from '../git/run.js';
import { runGit } from '../git/write.js';
import { parseAllDocuments, parseDocument } from 'yaml';
import { editText, type TypedValue } from '../actions/edit.js';
import { editProperties } from '../actions/properties-edit.js';
import { editTfvars } from '../actions/tfvars-edit.js';
import { isSpringPropertiesName } from '../parse/format.js';
import { parseKeyPath } from '../parse/keypath.js';
import { CONFLICT_PROBLEM, conflictMarkerLine } from '../parse/conflict.js';
import { UserError } from '../errors.js';
import type { Scenario, ScenarioCommit } from './scenario.js';
import { isMap } from '../model/is-map.js';

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
 * spawns as few git processes as it can: a story is written by one `git fast-import` (three
 * processes in all, whatever its length), branches and merges too; one whose merge needs git's own
 * merging (a file changed on both sides and not written by the merge) makes one real `git commit`
 * per step (`stepByStep` forces it). Both make the same commits, hash for hash. */
export async function buildScenario(scenario: Scenario, dir: string, options: { stepByStep?: boolean } = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // No template: the sample hooks it would copy are a dozen files nobody runs.
  await git(dir, ['init', '--quiet', '--initial-branch=main', '--template=']);
  // What five `git config` calls would write, in one append. No automatic maintenance: each
  // commit would start a process to check whether it is due. fast-import keeps its pack whole
  // rather than start `unpack-objects` to write each object of a small story as a loose file.
  await appendFile(
    path.join(dir, '.git', 'config'),
    [
      '[user]',
      '\tname = undrift scenario',
      '\temail = scenario@undrift.invalid',
      '[commit]',
      '\tgpgsign = false',
      '[core]',
      '\tlogAllRefUpdates = true',
      '[maintenance]',
      '\tauto = false',
      '[gc]',
      '\tauto = 0',
      '[fastimport]',
      '\tunpackLimit = 1',
      '',
    ].join('\n'),
  );
  const shas = (options.stepByStep ? undefined : await importAll(scenario, dir)) ?? (await commitEach(scenario, dir));
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

/** A tree as the story left it: repo-relative path (with `/`) → content. */
type Tree = Map<string, Buffer>;

/** Why the story cannot be imported as planned: it is committed step by step by git instead. */
class NeedsGit extends Error {}

/** A story written by one `git fast-import` (three processes in all, whatever its length): each
 * commit's whole tree as the edits leave it, kept in memory per branch, blobs written once. A
 * merge takes, file by file, the side that changed a file since the merge base (git's result
 * whenever no file changed on both sides); a file both sides changed must be written by the merge
 * itself, else the story goes to git (`undefined`: nothing was written yet). So does a criss-cross
 * merge (two merge bases), a merge of an unknown branch, and an edit git would refuse. */
async function importAll(scenario: Scenario, dir: string): Promise<string[] | undefined> {
  const chunks: Buffer[] = [];
  const put = (text: string | Buffer) => chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  const blobs = new Map<string, number>();
  let mark = 0;
  const commitMarks: number[] = [];
  /** Per commit mark: its tree and parents' marks. */
  const commits = new Map<number, { tree: Tree; parents: number[] }>();
  /** Per branch: its tip's mark (none before its first commit). */
  const tips = new Map<string, number | undefined>([['main', undefined]]);
  let branch = 'main';
  try {
    for (const commit of scenario.commits) {
      if (commit.checkout) {
        if (!tips.has(commit.checkout)) tips.set(commit.checkout, tips.get(branch));
        branch = commit.checkout;
      }
      const tip = tips.get(branch);
      const parents = tip === undefined ? [] : [tip];
      let tree: Tree = new Map(tip === undefined ? [] : commits.get(tip)!.tree);
      if (commit.merge) {
        if (!tips.has(commit.merge)) throw new NeedsGit();
        const other = tips.get(commit.merge);
        const ancestors = (from: number | undefined) => {
          const seen = new Set<number>();
          const stack = from === undefined ? [] : [from];
          while (stack.length > 0) {
            const at = stack.pop()!;
            if (seen.has(at)) continue;
            seen.add(at);
            stack.push(...commits.get(at)!.parents);
          }
          return seen;
        };
        const ours = ancestors(tip);
        // Already merged: git merges nothing, and the step is a plain commit.
        if (other !== undefined && !ours.has(other)) {
          const common = [...ancestors(other)].filter((c) => ours.has(c));
          const bases = common.filter((c) => !common.some((d) => d !== c && ancestors(d).has(c)));
          if (bases.length > 1 || tip === undefined) throw new NeedsGit();
          const base = bases[0] === undefined ? new Map<string, Buffer>() : commits.get(bases[0])!.tree;
          const theirs = commits.get(other)!.tree;
          const same = (a: Buffer | undefined, b: Buffer | undefined) => (a === undefined ? b === undefined : b !== undefined && a.equals(b));
          const merged: Tree = new Map();
          for (const file of new Set([...base.keys(), ...tree.keys(), ...theirs.keys()])) {
            const [b, o, t] = [base.get(file), tree.get(file), theirs.get(file)];
            const taken = same(o, t) || same(b, t) ? o : same(b, o) ? t : commit.write && file in commit.write ? o : undefined;
            if (taken === undefined && !(same(o, t) || same(b, t) || same(b, o))) throw new NeedsGit();
            if (taken !== undefined) merged.set(file, taken);
          }
          tree = merged;
          parents.push(other);
        }
      }
      applyEditsTo(tree, commit);
      const files = [...tree.keys()];
      // A path that is a file and a directory at once: git would have stopped.
      const dirs = new Set(
        files.flatMap((f) =>
          f
            .split('/')
            .slice(0, -1)
            .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
        ),
      );
      if (files.some((f) => dirs.has(f))) throw new NeedsGit();
      const lines: string[] = [];
      for (const file of files.sort()) {
        const content = tree.get(file)!;
        const key = content.toString('base64');
        let blob = blobs.get(key);
        if (blob === undefined) {
          blobs.set(key, (blob = ++mark));
          put(`blob\nmark :${blob}\ndata ${content.length}\n`);
          put(content);
          put('\n');
        }
        lines.push(`M 100644 :${blob} ${/^"|\n/.test(file) ? JSON.stringify(file) : file}\n`);
      }
      const author = scenario.authors[commit.author]!;
      const committer = scenario.authors[commit.committer ?? commit.author]!;
      const message = Buffer.from(cleanMessage(commit.message), 'utf8');
      commitMarks.push(++mark);
      commits.set(mark, { tree, parents });
      tips.set(branch, mark);
      put(`commit refs/heads/${branch}\nmark :${mark}\n`);
      put(`author ${author.name} <${author.email}> ${gitDate(commit.at)}\ncommitter ${committer.name} <${committer.email}> ${gitDate(commit.at)}\n`);
      put(`data ${message.length}\n`);
      put(message);
      put(parents.map((p, i) => `${i === 0 ? 'from' : 'merge'} :${p}\n`).join(''));
      put(`deleteall\n${lines.join('')}\n`);
    }
  } catch (error) {
    if (error instanceof NeedsGit) return undefined;
    throw error;
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
  // The work tree and index as a checkout of the branch the story ended on leaves them.
  if (branch !== 'main') await git(dir, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  const tip = tips.get(branch);
  for (const [file, content] of tip === undefined ? [] : commits.get(tip)!.tree) await writeText(dir, file, content);
  await git(dir, ['reset', '--quiet']);
  return commitMarks.map((m) => marks.get(m)!);
}

/** A story's edits, on a tree in memory, as applyEdits makes them on disk. */
function applyEditsTo(tree: Tree, commit: ScenarioCommit): void {
  const under = (dir: string) => [...tree.keys()].filter((file) => file === dir || file.startsWith(`${dir}/`));
  for (const [file, content] of Object.entries(commit.write ?? {})) tree.set(file, Buffer.from(content, 'utf8'));
  for (const [from, to] of Object.entries(commit.rename ?? {})) {
    const moved = under(from);
    if (moved.length === 0) throw new NeedsGit();
    for (const file of moved) {
      const content = tree.get(file)!;
      tree.delete(file);
      tree.set(to + file.slice(from.length), content);
    }
  }
  for (const [file, keys] of Object.entries(commit.set ?? {})) {
    const text = tree.get(file);
    if (!text) throw new NeedsGit();
    tree.set(file, Buffer.from(setKeys(text.toString('utf8'), file, keys), 'utf8'));
  }
  for (const [file, keys] of Object.entries(commit.unset ?? {})) {
    const text = tree.get(file);
    if (!text) throw new NeedsGit();
    tree.set(file, Buffer.from(unsetKeys(text.toString('utf8'), file, keys), 'utf8'));
  }
  for (const file of commit.delete ?? []) for (const gone of under(file)) tree.delete(gone);
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

async function writeText(dir: string, file: string, content: string | Buffer): Promise<void> {
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
/** A `set:`/`unset:` key: dotted segments, or the scan's own path syntax where a segment holds a
 * dot (`expected_differences["payments.timeout"].production`, `hosts[0]`) or names a list item by
 * its identity, as keys are reported (`containers[name=app].image`): found in `root`, the file's
 * current content, asked for only where a segment names an item (a YAML file is turned into values
 * for it). */
function keyPath(key: string, root: () => unknown): Array<string | number> {
  if (!key.includes('[')) return key.split('.');
  const segments = parseKeyPath(key);
  let node = segments.some((segment) => 'match' in segment) ? root() : undefined;
  return segments.map((segment) => {
    let step: string | number;
    if ('key' in segment) step = segment.key;
    else if ('index' in segment) step = segment.index;
    else {
      const { field, value } = segment.match;
      const at = Array.isArray(node) ? node.findIndex((item) => isMap(item) && String(item[field]) === value) : -1;
      if (at < 0) throw new UserError(`set:/unset: key ${key}: no list item with ${field}=${value} to write in`);
      step = at;
    }
    node = isMap(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[step] : undefined;
    return step;
  });
}

function dotenvLine(key: string): RegExp {
  return new RegExp(`^(export\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=.*$`, 'm');
}

function dotenvValue(value: Scalar): string {
  const text = value === null ? '' : String(value);
  return /[\s#"'$\\]/.test(text) ? JSON.stringify(text) : text;
}

const isProperties = (file: string) => /\.properties$/i.test(file);
const isTfvars = (file: string) => /\.tfvars$/i.test(file);
/** A scenario's scalar as the editors take it: its text and the type it is written as. */
const typedValue = (value: Scalar): TypedValue =>
  value === null
    ? { text: '', type: 'null' }
    : { text: String(value), type: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string' };

const severalDocuments = (text: string) => parseAllDocuments(text).length > 1;

export function setKeys(text: string, file: string, keys: Record<string, Scalar>): string {
  if (isProperties(file))
    return Object.entries(keys).reduce(
      (out, [key, value]) => editText(out, file, 'properties', key, value === null ? { text: '', type: 'null' } : typedValue(value)),
      text,
    );
  if (isTfvars(file)) return Object.entries(keys).reduce((out, [key, value]) => editText(out, file, 'tfvars', key, typedValue(value)), text);
  if (isDotenv(file)) {
    refuseMidMerge(text, file);
    let out = text;
    for (const [key, value] of Object.entries(keys)) {
      // `3000 # lowered after INC-2`: a comment after blank space, as dotenv readers take an
      // unquoted line; it stays outside the quotes a value may need (it was quoted into the value).
      // Without one, the comment the line already has stays (`TIMEOUT=30 # raised for INC-12`).
      const commented = typeof value === 'string' ? /^(.*?)\s+(#.*)$/s.exec(value) : null;
      const line = (kept: string) => (commented ? `${key}=${dotenvValue(commented[1]!)} ${commented[2]!}` : `${key}=${dotenvValue(value)}${kept}`);
      out = dotenvLine(key).test(out)
        ? out.replace(dotenvLine(key), (all, exp: string | undefined) => `${exp ?? ''}${line(dotenvComment(all))}`)
        : `${out.replace(/\n?$/, '\n')}${line('')}\n`;
    }
    return out;
  }
  // YAML and JSON through the editor apply uses, which rewrites only the value's own text: the
  // file's flow maps, quoting, comments and the blanks before them stay as written (the Document
  // API re-printed the whole file). A file of several documents is edited by the key as the scan
  // names it (`ConfigMap/app.data.X`, `[profile=staging].x`, `[1].x`).
  const format = file.endsWith('.json') ? 'json' : 'yaml';
  return Object.entries(keys).reduce((out, [key, value]) => editText(out, file, format, key, typedValue(value)), text);
}

/** The comment a dotenv line ends with (` # raised for INC-12`), as its readers take it: after a
 * closing quote, or after blank space in an unquoted value. */
function dotenvComment(line: string): string {
  const rest = /^[^=]*=\s*(.*)$/.exec(line)?.[1] ?? '';
  const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : '';
  if (quote) {
    const close = rest.indexOf(quote, 1);
    return close > 0 ? (/^\s+#.*$/.exec(rest.slice(close + 1))?.[0] ?? '') : '';
  }
  return /\s+#.*$/.exec(rest)?.[0] ?? '';
}

/** A story step on a file left mid-merge is refused as apply refuses it: one line, where. */
function refuseMidMerge(text: string, file: string): void {
  const line = conflictMarkerLine(text);
  if (line !== undefined) throw new UserError(`${file}:${line}: ${CONFLICT_PROBLEM}; nothing was written`);
}

export function unsetKeys(text: string, file: string, keys: string[]): string {
  if (isProperties(file)) return keys.reduce((out, key) => editProperties(out, file, key, null, isSpringPropertiesName(file)), text);
  if (isTfvars(file)) return keys.reduce((out, key) => editTfvars(out, file, key, null), text);
  if (isDotenv(file)) return keys.reduce((out, key) => out.replace(new RegExp(`${dotenvLine(key).source}\\n?`, 'm'), ''), text);
  if (file.endsWith('.json')) {
    const data = JSON.parse(text) as Record<string, unknown>;
    for (const key of keys) {
      const parts = keyPath(key, () => data);
      let node = data;
      for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
      delete node[parts.at(-1)!];
    }
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  if (severalDocuments(text)) return keys.reduce((out, key) => editText(out, file, 'yaml', key, null), text);
  const doc = parseDocument(text);
  for (const key of keys) doc.deleteIn(keyPath(key, () => doc.toJS()));
  return doc.toString();
}

export type { Scenario };
