import type { ReadLimits } from '../model/limits.js';
import { constants } from 'node:fs';
import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hasAuthorIdentity } from '../git/repo.js';
import { parseContract } from '../config/contract.js';
import { yamlFileFromText } from '../config/yaml-file.js';
import { UserError } from '../errors.js';
import {
  addTemporaryWorktree,
  branchExists,
  remoteBranchExists,
  checkBranchName,
  committedBytes,
  createBranch,
  removeTemporaryWorktree,
  resolveCommit,
  runGit,
} from '../git/write.js';
import { editContract } from './contract-edit.js';
import { decodeBytes, editBytes, encodeText } from './edit.js';
import { readText } from '../parse/read.js';
import { commitMessage } from './messages.js';
import { removalRevealed, type PlannedDecision } from './plan.js';

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
  /** Told as each commit is made (n of all), before the next one is written. */
  onCommit?: (n: number, total: number, commit: { sha: string; subject: string }) => void;
  /** Called once every check passed (a base commit, an identity, the branch's name), before
   * anything is written: what is said there is not said of an apply that is refused. */
  onReady?: () => Promise<void>;
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'drift';

function groupsOf(planned: PlannedDecision[], group: CommitOptions['group']): PlannedDecision[][] {
  if (group !== 'action') return planned.map((p) => [p]);
  const byAction = new Map<string, PlannedDecision[]>();
  for (const p of planned) byAction.set(p.decision.action, [...(byAction.get(p.decision.action) ?? []), p]);
  return [...byAction.values()];
}

/** One commit's worth of changes: the steps it carries out and the new text of each file. */
export interface PreparedCommit {
  steps: PlannedDecision[];
  /** Each file's new bytes. */
  files: Map<string, Buffer>;
}

export interface PreparedEdits {
  commits: PreparedCommit[];
  /** Steps whose every change is already in the committed files: nothing to write. */
  inPlace: PlannedDecision[];
}

/** Every decision's file edits, computed on the committed version (HEAD) and re-read to check
 * they say exactly what was meant. A step that changes no byte is already in place. */
export async function prepareEdits(
  repo: string,
  planned: PlannedDecision[],
  environments: string[],
  group: CommitOptions['group'],
  limits: Readonly<ReadLimits>,
  revision = 'HEAD',
): Promise<PreparedEdits> {
  const current = new Map<string, Buffer | undefined>();
  const bytesOf = async (file: string) => (current.has(file) ? current.get(file) : committedBytes(repo, revision, file));
  const commits: PreparedCommit[] = [];
  const inPlace: PlannedDecision[] = [];
  // Edits are computed in commit order, each on the text the previous ones left.
  for (const steps of groupsOf(planned, group)) {
    const commit: PreparedCommit = { steps: [], files: new Map() };
    for (const step of steps) {
      let changed = false;
      for (const change of step.files) {
        const before = await bytesOf(change.file);
        if (before === undefined)
          throw new UserError(`${change.file} is not committed: commit it first (undrift edits the committed version, never your work tree)`);
        // An editor's refusal names the decision it stops, as the plan's refusals do.
        const after = await editBytes(before, change.file, change.format, change.key, change.value, limits).catch(async (e: unknown) => {
          if (!(e instanceof UserError)) throw e;
          // Its lines are those of the committed file, where the user looks: an earlier decision
          // of this apply may have moved them (a line removed above made line 8 read as line 7).
          const committed = current.has(change.file) ? await committedBytes(repo, revision, change.file) : undefined;
          const said = committed
            ? await editBytes(committed, change.file, change.format, change.key, change.value, limits).then(
                () => e,
                (first: unknown) => (first instanceof UserError ? first : e),
              )
            : e;
          throw new UserError(`${step.subject}: ${said.message}`);
        });
        // A key removed from a later file of a stack is not gone where an earlier file sets it: the
        // environment takes that value (production's TIMEOUT "removed" became the base's 3000).
        for (const under of change.value === null ? (change.beneath ?? []) : []) {
          const bytes = await bytesOf(under.file);
          if (bytes === undefined) continue;
          const shown = (await readText(decodeBytes(bytes).text, under.file, under.format, undefined, limits)).values.get(change.key);
          if (shown) throw new UserError(`${step.subject}: ${removalRevealed(change.key, change.file, change.env, under.file)}`);
        }
        if (after.equals(before)) continue;
        current.set(change.file, after);
        commit.files.set(change.file, after);
        changed = true;
      }
      for (const change of step.contract) {
        const before = await bytesOf(change.file);
        const decoded = before ? decodeBytes(before) : undefined;
        const text = editContract(decoded?.text, change);
        if (decoded && text === decoded.text) continue;
        const contract = parseContract(yamlFileFromText(text, change.file, limits), environments);
        const entry = (change.section === 'live_differences' ? (contract.live ?? []) : contract.entries).find((e) => e.pattern === change.key);
        if (change.allowed === null ? entry !== undefined : entry === undefined)
          throw new UserError(`${change.file}: the contract edit for ${change.key} did not read back as intended; nothing was written`);
        const after = encodeText(text, decoded?.encoding ?? { name: 'utf8', bom: false }, change.file);
        current.set(change.file, after);
        commit.files.set(change.file, after);
        changed = true;
      }
      if (changed) commit.steps.push(step);
      else inPlace.push(step);
    }
    if (commit.steps.length > 0) commits.push(commit);
  }
  return { commits, inPlace };
}

const outside = (root: string, real: string) => {
  const rel = path.relative(root, real);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
};

/**
 * Writes an edited file into the temporary worktree by its own path, never through a symlink. The
 * repository's links are the pull request's to write, and the worktree's folder has another parent
 * than the checkout's: a link whose text climbs out and back in by the checkout's folder name
 * (`../../repo/real.yaml`) stays inside from the checkout, where the scan followed it, and leads
 * outside from the worktree. A link to a file inside would be edited at its target while git
 * commits the unchanged link, so links are refused alike; so is a folder on the way that leads out.
 */
async function writeInWorktree(worktree: string, file: string, bytes: Uint8Array | string): Promise<void> {
  const target = path.join(worktree, file);
  if ((await lstat(target).catch(() => undefined))?.isSymbolicLink())
    throw new UserError(`${file} is a symlink in the repository: undrift edits a file by its own path, never through a link; edit it by hand`);
  const root = await realpath(worktree);
  // The nearest folder that exists, resolved: a new folder is made only below one inside.
  let existing = path.dirname(target);
  while (
    !(await lstat(existing).then(
      () => true,
      () => false,
    ))
  )
    existing = path.dirname(existing);
  if (outside(root, await realpath(existing))) throw new UserError(`${file}: a folder on its way is a symlink leading outside the repository; edit it by hand`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes, { flag: constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0) });
}

/** Commits the decisions in a temporary `git worktree` on a detached HEAD, then creates the
 * branch at the last commit: the user's work tree, index, stash and current branch are never
 * touched, and a failure or a kill before the end leaves no branch. */
export async function commitDecisions(repo: string, prepared: PreparedCommit[], options: CommitOptions): Promise<CommitResult> {
  const base = await resolveCommit(repo, 'HEAD');
  if (!base) throw new UserError('the repository has no commit yet: commit your config first');
  if (!(await hasAuthorIdentity(repo)))
    throw new UserError('git has no author identity here: set it with git config user.name "…" and git config user.email "…"');
  if (options.branch !== undefined) {
    await checkBranchName(repo, options.branch);
    if (await branchExists(repo, options.branch)) throw new UserError(`branch ${options.branch} exists already; undrift never overwrites a branch`);
  }
  const steps = prepared.flatMap((c) => c.steps);
  await options.onReady?.();

  const worktree = await addTemporaryWorktree(repo, base);
  const commits: CommitResult['commits'] = [];
  try {
    for (const { steps: group, files } of prepared) {
      for (const [file, text] of files) await writeInWorktree(worktree, file, text);
      await runGit(worktree, ['add', '--', ...files.keys()]);
      const message = commitMessage(group);
      await runGit(worktree, ['commit', '--quiet', '--file=-'], { input: message });
      commits.push({ sha: await runGit(worktree, ['rev-parse', 'HEAD']), subject: message.split('\n')[0]! });
      options.onCommit?.(commits.length, prepared.length, commits.at(-1)!);
    }
  } catch (e) {
    await removeTemporaryWorktree(repo, worktree);
    throw e instanceof UserError
      ? e
      : new UserError(`could not commit the decisions: ${(e as Error).message}; no branch was made and your checkout was not touched`);
  }
  await removeTemporaryWorktree(repo, worktree);

  const tip = commits.at(-1)!.sha;
  const reflog = 'undrift apply';
  if (options.branch !== undefined) {
    if (!(await createBranch(repo, options.branch, tip, reflog)))
      throw new UserError(
        `branch ${options.branch} was made by someone else meanwhile; undrift never overwrites a branch (the commits are ${tip.slice(0, 7)})`,
      );
    return { branch: options.branch, base, commits };
  }
  const wanted = `undrift/${options.today}-${slugOf(steps[0]?.decision.key ?? 'drift')}${steps.length > 1 ? `-and-${steps.length - 1}-more` : ''}`;
  for (let n = 1; ; n++) {
    const branch = n === 1 ? wanted : `${wanted}-${n}`;
    // A teammate's pushed branch of that name (origin/undrift/…): ours could not be pushed beside it.
    if (await remoteBranchExists(repo, branch)) continue;
    if (await createBranch(repo, branch, tip, reflog)) return { branch, base, commits };
  }
}
