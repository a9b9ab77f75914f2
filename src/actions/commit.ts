import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { parseContract } from '../config/contract.js';
import { yamlFileFromText } from '../config/yaml-file.js';
import { UserError } from '../errors.js';
import { editContract } from './contract-edit.js';
import { editText, verifyEdit } from './edit.js';
import { commitMessage } from './messages.js';
import type { PlannedDecision } from './plan.js';

export interface CommitResult {
  branch: string;
  /** The commit the branch starts from (HEAD when applied). */
  base: string;
  commits: Array<{ sha: string; subject: string }>;
}

export interface CommitOptions {
  /** One commit per decision (default), or one per action kind. */
  group?: 'decision' | 'action';
  /** The branch name; `undrift/<date>-<slug>` by default. Never an existing branch. */
  branch?: string;
  /** YYYY-MM-DD, for the branch name. */
  today: string;
  environments: string[];
}

async function git(cwd: string, args: string[], input?: string): Promise<string> {
  const result = await execa('git', args, { cwd, reject: false, ...(input !== undefined ? { input } : {}) });
  if (result.exitCode !== 0) throw new Error(`git ${args[0]} failed: ${String(result.stderr).trim().split('\n')[0]}`);
  return String(result.stdout);
}

async function headContent(repo: string, file: string): Promise<string | undefined> {
  const result = await execa('git', ['show', `HEAD:${file}`], { cwd: repo, reject: false, stripFinalNewline: false });
  return result.exitCode === 0 ? String(result.stdout) : undefined;
}

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'drift';

function groupsOf(planned: PlannedDecision[], group: CommitOptions['group']): PlannedDecision[][] {
  if (group !== 'action') return planned.map((p) => [p]);
  const byAction = new Map<string, PlannedDecision[]>();
  for (const p of planned) byAction.set(p.decision.action, [...(byAction.get(p.decision.action) ?? []), p]);
  return [...byAction.values()];
}

/** Every decision's file edits, computed on the committed version (HEAD) and re-read to check
 * they say exactly what was meant: per group, the files it changes and their new text. */
export async function prepareEdits(repo: string, groups: PlannedDecision[][], environments: string[]): Promise<Array<Map<string, string>>> {
  const current = new Map<string, string | undefined>();
  const textOf = async (file: string) => (current.has(file) ? current.get(file) : headContent(repo, file));
  const result: Array<Map<string, string>> = [];
  for (const group of groups) {
    const changed = new Map<string, string>();
    for (const planned of group) {
      for (const change of planned.files) {
        const before = await textOf(change.file);
        if (before === undefined) throw new UserError(`${change.file} is not committed: commit it first (undrift edits the committed version, never your work tree)`);
        const after = editText(before, change.file, change.format, change.key, change.value);
        await verifyEdit(before, after, change.file, change.format, change.key, change.value);
        current.set(change.file, after);
        changed.set(change.file, after);
      }
      for (const change of planned.contract) {
        const after = editContract(await textOf(change.file), change);
        const contract = parseContract(yamlFileFromText(after, change.file), environments);
        const entry = contract.entries.find((e) => e.pattern === change.key);
        if (change.allowed === null ? entry !== undefined : entry === undefined) throw new UserError(`${change.file}: the contract edit for ${change.key} did not read back as intended; nothing was written`);
        current.set(change.file, after);
        changed.set(change.file, after);
      }
    }
    result.push(changed);
  }
  return result;
}

/** Commits the decisions on a new branch made in a temporary `git worktree`: the user's work
 * tree, index, stash and current branch are never touched, dirty or not. */
export async function commitDecisions(repo: string, planned: PlannedDecision[], options: CommitOptions): Promise<CommitResult> {
  const repoChanges = planned.filter((p) => p.files.length > 0 || p.contract.length > 0);
  const base = (await git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim();
  if (!base) throw new UserError('the repository has no commit yet: commit your config first');
  const identity = await execa('git', ['var', 'GIT_AUTHOR_IDENT'], { cwd: repo, reject: false });
  if (identity.exitCode !== 0) throw new UserError('git has no author identity here: set it with git config user.name "…" and git config user.email "…"');
  const groups = groupsOf(repoChanges, options.group);
  const edits = await prepareEdits(repo, groups, options.environments);

  const wanted = options.branch ?? `undrift/${options.today}-${slugOf(planned[0]?.decision.key ?? 'drift')}${planned.length > 1 ? `-and-${planned.length - 1}-more` : ''}`;
  let branch = wanted;
  const exists = async (name: string) => (await execa('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`], { cwd: repo, reject: false })).exitCode === 0;
  if (options.branch && (await exists(branch))) throw new UserError(`branch ${branch} exists already; undrift never overwrites a branch`);
  for (let n = 2; await exists(branch); n++) branch = `${wanted}-${n}`;

  const worktree = await mkdtemp(path.join(tmpdir(), 'undrift-worktree-'));
  await git(repo, ['worktree', 'add', '--quiet', '-b', branch, worktree, base]);
  const commits: CommitResult['commits'] = [];
  try {
    for (let i = 0; i < groups.length; i++) {
      const files = [...edits[i]!.keys()];
      for (const [file, text] of edits[i]!) {
        await mkdir(path.dirname(path.join(worktree, file)), { recursive: true });
        await writeFile(path.join(worktree, file), text);
      }
      await git(worktree, ['add', '--', ...files]);
      const message = commitMessage(groups[i]!);
      await git(worktree, ['commit', '--quiet', '--file=-'], message);
      commits.push({ sha: (await git(worktree, ['rev-parse', 'HEAD'])).trim(), subject: message.split('\n')[0]! });
    }
  } catch (e) {
    await git(repo, ['worktree', 'remove', '--force', worktree]).catch(() => undefined);
    await git(repo, ['branch', '-D', branch]).catch(() => undefined);
    throw e instanceof UserError ? e : new UserError(`could not commit the decisions: ${(e as Error).message}; your checkout was not touched`);
  }
  await git(repo, ['worktree', 'remove', '--force', worktree]);
  await rm(worktree, { recursive: true, force: true });
  return { branch, base, commits };
}
