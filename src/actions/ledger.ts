import { createHash } from 'node:crypto';
import {
  appendLedgerEntry,
  commitsChanging,
  defaultBranch,
  holdingRefs,
  patchIds,
  readBranches,
  readTrailerCommits,
  refsOf,
  type Branches,
  type TrailerCommit,
} from '../git/ledger.js';
import { globMatcher } from '../config/safe-match.js';
import type { Decision, KeyPath } from '../model/types.js';

/** Where a recorded decision stands: on a branch not merged yet, merged into the default branch,
 * on no branch any more (deleted unmerged), a live patch written, or a skip. */
export type LedgerStatus = 'open' | 'merged' | 'abandoned' | 'live applied' | 'skipped';

/** One entry of `undrift log`: a commit undrift made (repo decisions) or a ledger entry (a live
 * patch, a skip). The first eight fields are the JSON contract's original ones. */
export interface LoggedDecision {
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** The branch holding it (open), the one it was made on (merged, abandoned), or the ledger. */
  ref: string;
  keys: string[];
  envs: string[];
  actions: string[];
  kind: 'repo' | 'live' | 'skip';
  status: LedgerStatus;
  /** The default branch it is merged into. */
  mergedInto?: string;
  /** How it got there: `commit` (this very commit, by a merge or a fast-forward), `squash` (its
   * branch's whole change is one commit there), `rebase` (a copy of its change is: a rebase, a
   * cherry-pick, or the squash of a one-commit branch). */
  mergedAs?: 'commit' | 'squash' | 'rebase';
  /** The commit on the default branch that holds its change, when it is another commit. */
  mergedCommit?: string;
  /** The decisions' identities (see decisionId), for re-runs to recognise them. */
  decisionIds: string[];
  live?: { object: string; field: string; before: string | null; after: string | null; resourceVersion?: string };
}

/** A decision's identity: equal for the same decision written again (in a file or the TUI), so
 * that applying it twice is recognised. */
export function decisionId(decision: Decision): string {
  const fields: Array<keyof Decision> = ['key', 'env', 'action', 'value', 'to', 'target', 'divergence', 'reason', 'owner', 'expires'];
  const canonical = fields.filter((f) => decision[f] !== undefined).map((f) => [f, decision[f]]);
  return createHash('sha1').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}

const NONE = '(none)';

/** Where decisionsInPlace puts a skip the ledger holds already. */
export const SKIP_RECORDED = 'the ledger (a skip recorded before)';
const first = (c: TrailerCommit, name: string) => c.trailers.get(name)?.[0];
const valueOf = (text: string | undefined) => (text === undefined || text === NONE ? null : text);

/** What a live patch or a skip records in the ledger: trailers only. */
export function ledgerMessage(entry: { kind: 'live' | 'skip'; decision: Decision; envs: string[]; live?: LoggedDecision['live'] }): string {
  const { decision, live } = entry;
  const subject =
    entry.kind === 'skip'
      ? `undrift ledger: skip ${decision.key}${entry.envs.length ? ` in ${entry.envs.join(', ')}` : ''}`
      : `undrift ledger: live revert ${decision.key} in ${entry.envs.join(', ')}`;
  const oneLine = (text: string) => text.replace(/\s+/g, ' ');
  const trailers = [
    `Drift-Ledger: ${entry.kind}`,
    `Drift-Key: ${decision.key}`,
    `Drift-Env: ${entry.envs.length ? entry.envs.join(', ') : 'all'}`,
    `Drift-Action: ${decision.action}`,
    `Drift-Decision: ${decisionId(decision)}`,
    ...(live
      ? [
          `Drift-Target: live`,
          `Drift-Object: ${oneLine(live.object)}`,
          `Drift-Field: ${live.field}`,
          `Drift-Before: ${live.before === null ? NONE : oneLine(live.before)}`,
          `Drift-After: ${live.after === null ? NONE : oneLine(live.after)}`,
          ...(live.resourceVersion ? [`Drift-Resource-Version: ${live.resourceVersion}`] : []),
        ]
      : []),
  ];
  return `${subject}\n\n${decision.reason ? `Reason: ${decision.reason}\n\n` : ''}${trailers.join('\n')}\n`;
}

export async function recordLive(repo: string, decision: Decision, env: string, live: NonNullable<LoggedDecision['live']>): Promise<void> {
  await appendLedgerEntry(repo, ledgerMessage({ kind: 'live', decision, envs: [env], live }));
}

/** `envs`: the environments the skipped divergence is about; none means every environment. */
export async function recordSkip(repo: string, decision: Decision, envs: string[]): Promise<void> {
  await appendLedgerEntry(repo, ledgerMessage({ kind: 'skip', decision, envs }));
}

/** Records the branch apply made, keeping its commits reachable after the branch is deleted. */
export async function recordBranch(repo: string, branch: string, commits: string[]): Promise<void> {
  const message = `undrift ledger: branch ${branch}\n\nDrift-Ledger: repo\nDrift-Branch: ${branch}\n${commits.map((c) => `Drift-Commit: ${c}`).join('\n')}\n`;
  await appendLedgerEntry(repo, message, commits.at(-1));
}

/** Every decision recorded in the repository, newest first, each with its status. */
export async function readLedger(repo: string): Promise<LoggedDecision[]> {
  return (await readLedgerState(repo)).entries;
}

interface LedgerState {
  entries: LoggedDecision[];
  branches: Branches;
  /** Repo decisions' commits that the checked-out branch holds (only when asked). */
  onHead: Set<string>;
}

/**
 * Reads the ledger with a fixed number of git processes, whatever its length: the trailer
 * commits (one `git log`), the branches (one `git for-each-ref`), which commits the default
 * branch holds (one `git name-rev`), and, only for commits it does not hold, whether a copy of
 * their change is there — a squash of their branch or a rebase (`git log` of the default
 * branch's commits since then that touch the same files, one `git diff-tree` and one
 * `git patch-id`). Copies made by a rebase or a squash that carry the trailers are folded into
 * the decision they copy, so nothing is listed twice.
 */
async function readLedgerState(repo: string, options: { head?: boolean } = {}): Promise<LedgerState> {
  const [commits, branches] = await Promise.all([readTrailerCommits(repo), readBranches(repo)]);
  const madeOn = new Map<string, string>();
  /** The branches apply made, each with its commits in order (from the ledger). */
  const made: Array<{ branch: string; commits: string[] }> = [];
  for (const c of commits)
    if (first(c, 'Drift-Ledger') === 'repo') {
      const shas = c.trailers.get('Drift-Commit') ?? [];
      made.push({ branch: first(c, 'Drift-Branch') ?? '', commits: shas });
      for (const sha of shas) madeOn.set(sha, first(c, 'Drift-Branch') ?? '');
    }
  const repoCommits = commits.filter((c) => first(c, 'Drift-Ledger') === undefined);
  const main = await defaultBranch(repo, branches);
  const mainRefs = main ? refsOf(branches, main) : [];
  const shas = repoCommits.map((c) => c.commit);
  const onMain = await holdingRefs(repo, shas, mainRefs);
  const headRefs = options.head && branches.head && branches.head !== main ? refsOf(branches, branches.head) : [];
  const onHead = new Set([...(await holdingRefs(repo, shas, headRefs)).keys()]);
  if (options.head && branches.head === main) for (const sha of onMain.keys()) onHead.add(sha);

  // Commits the default branch does not hold: is a copy of their change there?
  const byCommit = new Map(commits.map((c) => [c.commit, c]));
  const pending = repoCommits.filter((c) => !onMain.has(c.commit));
  const copies = await findCopies(repo, pending, made, byCommit, mainRefs);

  // The branch holding a commit the default branch does not: the one apply recorded when it
  // still exists, else any branch that holds it.
  const unrecorded = pending.filter((c) => !madeOn.has(c.commit) && !copies.has(c.commit));
  const otherRefs = [...branches.tips.keys()].filter((r) => !mainRefs.includes(r));
  const elsewhere = await holdingRefs(
    repo,
    unrecorded.map((c) => c.commit),
    otherRefs,
  );
  /** The recorded branch's name as it exists now: itself, or origin's copy in another clone. */
  const existing = (branch: string | undefined) => {
    const refs = branch ? refsOf(branches, branch) : [];
    return refs.length === 0 ? undefined : refs[0]!.startsWith('refs/heads/') ? branch : `origin/${branch!}`;
  };

  // Commits that are themselves copies of a recorded decision are not listed again.
  const copyCommits = new Set([...copies.values()].map((c) => c.commit).filter((sha) => !madeOn.has(sha)));
  const entries: LoggedDecision[] = [];
  for (const c of commits) {
    const ledger = first(c, 'Drift-Ledger');
    if (ledger !== undefined && ledger !== 'live' && ledger !== 'skip') continue;
    if (copyCommits.has(c.commit)) continue;
    const base = {
      commit: c.commit,
      date: c.date,
      author: c.author,
      subject: c.subject,
      keys: c.trailers.get('Drift-Key') ?? [],
      envs: c.trailers.get('Drift-Env') ?? [],
      actions: c.trailers.get('Drift-Action') ?? [],
      decisionIds: c.trailers.get('Drift-Decision') ?? [],
    };
    if (ledger === 'live') {
      const live = {
        object: first(c, 'Drift-Object') ?? '',
        field: first(c, 'Drift-Field') ?? '',
        before: valueOf(first(c, 'Drift-Before')),
        after: valueOf(first(c, 'Drift-After')),
        ...(first(c, 'Drift-Resource-Version') ? { resourceVersion: first(c, 'Drift-Resource-Version')! } : {}),
      };
      entries.push({ ...base, ref: 'refs/undrift/ledger', kind: 'live', status: 'live applied', live });
      continue;
    }
    if (ledger === 'skip') {
      entries.push({ ...base, ref: 'refs/undrift/ledger', kind: 'skip', status: 'skipped' });
      continue;
    }
    const recorded = madeOn.get(c.commit);
    const holding = existing(recorded) ?? elsewhere.get(c.commit);
    const copy = copies.get(c.commit);
    if (onMain.has(c.commit) || copy) {
      const how = copy ? { mergedAs: copy.as, mergedCommit: copy.commit } : { mergedAs: 'commit' as const };
      entries.push({ ...base, ref: recorded || holding || main!, kind: 'repo', status: 'merged', mergedInto: main!, ...how });
    } else if (holding) entries.push({ ...base, ref: holding, kind: 'repo', status: 'open' });
    else entries.push({ ...base, ref: recorded ?? '', kind: 'repo', status: 'abandoned' });
  }
  return { entries: inLedgerOrder(entries, commits), branches, onHead };
}

/**
 * Newest first in the order decisions took effect: the ledger is one chain of commits, so its
 * order is fixed, where `git log --date-order` breaks ties between commits of equal dates (a
 * scripted apply, fixed dates) by how it happened to reach them. A recorded branch's commits
 * take its ledger entry's place, newest first; commits no ledger entry names keep git's order,
 * after the recorded ones.
 */
function inLedgerOrder(entries: LoggedDecision[], commits: TrailerCommit[]): LoggedDecision[] {
  const rank = new Map<string, number>();
  for (const c of commits) {
    const ledger = first(c, 'Drift-Ledger');
    if (ledger === 'repo') {
      for (const sha of [...(c.trailers.get('Drift-Commit') ?? [])].reverse()) if (!rank.has(sha)) rank.set(sha, rank.size);
    } else if (ledger === 'live' || ledger === 'skip') rank.set(c.commit, rank.size);
  }
  const position = (e: LoggedDecision, i: number) => rank.get(e.commit) ?? rank.size + i;
  return entries
    .map((e, i) => ({ e, at: position(e, i) }))
    .sort((a, b) => a.at - b.at)
    .map(({ e }) => e);
}

/** For each pending commit whose change the default branch holds in another commit: that
 * commit, and whether it is the squash of the commit's whole branch or a copy of the commit. */
async function findCopies(
  repo: string,
  pending: TrailerCommit[],
  made: Array<{ branch: string; commits: string[] }>,
  byCommit: Map<string, TrailerCommit>,
  mainRefs: string[],
): Promise<Map<string, { commit: string; as: 'squash' | 'rebase' }>> {
  const found = new Map<string, { commit: string; as: 'squash' | 'rebase' }>();
  if (pending.length === 0 || mainRefs.length === 0) return found;
  const pendingSet = new Set(pending.map((c) => c.commit));
  // A whole branch's change, from the parent of its first commit to its tip (apply's commits
  // form one line), for the branches of two commits or more.
  const squashable = made.filter((m) => m.commits.length > 1 && m.commits.some((sha) => pendingSet.has(sha)) && byCommit.get(m.commits[0]!)?.parents[0]);
  // Copies are committed after their originals; a day's slack for clocks that disagree.
  const oldest = Math.min(...pending.map((c) => Date.parse(c.committed)).filter((t) => !Number.isNaN(t)));
  const since = new Date((Number.isFinite(oldest) ? oldest : 0) - 86_400_000).toISOString();
  const files = [...new Set(pending.flatMap((c) => c.files))];
  const candidates = (await commitsChanging(repo, mainRefs, since, files)).filter((sha) => !pendingSet.has(sha));
  if (candidates.length === 0) return found;
  const asked = [
    ...pending.map((c) => c.commit),
    ...squashable.map((m) => ({ to: m.commits.at(-1)!, from: byCommit.get(m.commits[0]!)!.parents[0]! })),
    ...candidates,
  ];
  const ids = await patchIds(repo, asked);
  const onMain = new Map<string, string>();
  candidates.forEach((sha, i) => {
    const id = ids[pending.length + squashable.length + i];
    if (id && !onMain.has(id)) onMain.set(id, sha);
  });
  squashable.forEach((m, i) => {
    const copy = onMain.get(ids[pending.length + i] ?? '');
    if (copy) for (const sha of m.commits) if (pendingSet.has(sha)) found.set(sha, { commit: copy, as: 'squash' });
  });
  pending.forEach((c, i) => {
    const copy = onMain.get(ids[i] ?? '');
    if (copy && !found.has(c.commit)) found.set(c.commit, { commit: copy, as: 'rebase' });
  });
  return found;
}

/** The filters of `undrift log`. */
export interface LedgerFilter {
  /** A key glob: `*` any run of characters. */
  key?: string;
  env?: string;
  action?: string;
  status?: string;
  /** YYYY-MM-DD, inclusive. */
  since?: string;
  until?: string;
}

export function filterLedger(entries: LoggedDecision[], filter: LedgerFilter): LoggedDecision[] {
  // Matched without backtracking: a `*`-heavy glob must not hang `undrift log`.
  const glob = filter.key ? globMatcher(filter.key) : undefined;
  return entries.filter(
    (e) =>
      (!glob || e.keys.some((k) => glob.test(k))) &&
      (!filter.env || e.envs.some((env) => env.split(/,\s*/).includes(filter.env!) || env === 'all')) &&
      (!filter.action || e.actions.includes(filter.action)) &&
      (!filter.status || e.status === filter.status) &&
      (!filter.since || e.date.slice(0, 10) >= filter.since) &&
      (!filter.until || e.date.slice(0, 10) <= filter.until),
  );
}

/** The decided-and-applied state per key, for the interactive view: every entry that still
 * holds (open, merged, live applied, skipped), newest first. Abandoned ones are left out. */
export async function appliedKeys(repo: string): Promise<Map<KeyPath, LoggedDecision[]>> {
  const byKey = new Map<KeyPath, LoggedDecision[]>();
  for (const entry of await readLedger(repo)) {
    if (entry.status === 'abandoned') continue;
    for (const key of entry.keys) byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  return byKey;
}

/** Where a recorded decision is: said as `where` (the checked-out branch, the default branch, an
 * open branch, or the ledger for a skip), read at `revision` (a repo decision's: HEAD or that
 * branch), `open` when it is on a branch not merged yet. */
export interface LedgerPlace {
  where: string;
  revision?: string;
  open: boolean;
}

/** Where each recorded decision already is, for a re-run: the checked-out branch (it holds the
 * commit or a copy of its change), the default branch, an open branch, or the ledger (a skip).
 * Decisions on no branch any more (abandoned) are not in place. */
export async function decisionsInPlace(repo: string): Promise<{ byId: Map<string, LedgerPlace>; open: OpenDecision[] }> {
  const { entries, branches, onHead } = await readLedgerState(repo, { head: true });
  const where = new Map<string, LedgerPlace>();
  const open: OpenDecision[] = [];
  for (const e of entries) {
    let place: LedgerPlace | undefined;
    if (e.kind === 'skip') place = { where: SKIP_RECORDED, open: false };
    else if (e.kind !== 'repo' || e.status === 'abandoned') place = undefined;
    else if (onHead.has(e.commit) || (e.status === 'merged' && branches.head === e.mergedInto))
      place = { where: 'the checked-out branch', revision: 'HEAD', open: false };
    else if (e.status === 'merged') place = { where: e.mergedInto!, revision: e.mergedInto!, open: false };
    else place = { where: e.ref, revision: e.ref, open: true };
    if (place) for (const id of e.decisionIds) if (!where.has(id)) where.set(id, place);
    // Each decision's trailers come as one group (key, environments, action, identity), in order.
    if (place?.open) e.decisionIds.forEach((id, i) => open.push({ id, key: e.keys[i]!, envs: (e.envs[i] ?? '').split(', '), action: e.actions[i]!, place }));
  }
  return { byId: where, open };
}

/** A decision an open branch records: what it decides (key, environments, action), whatever its words. */
export interface OpenDecision {
  id: string;
  key: string;
  envs: string[];
  action: string;
  place: LedgerPlace;
}

/** The open branch's decision of the same key, environment and action as `decision` but worded otherwise
 * (another reason, owner or value: "keep prod at 3000" and "prod stays on 3s" are one decision written by
 * two people), if there is one. */
export function sameDecisionOpen(decision: Decision, open: OpenDecision[]): LedgerPlace | undefined {
  const id = decisionId(decision);
  return open.find(
    (o) =>
      o.id !== id &&
      o.key === decision.key &&
      o.action === decision.action &&
      (decision.env === undefined ? o.envs.includes('all') : o.envs.includes(decision.env)),
  )?.place;
}

/** The open branches' decisions of the same key that decide it otherwise (another action, or other
 * environments): a backfill of production's file on one branch and of staging's on another, both
 * merged, swap the values; a declaration beside a backfill is stale once both land. Merging both
 * leaves the key decided two ways, so each is named (a newcomer's trial, session 36). */
export function otherDecisionsOpen(decision: Decision, open: OpenDecision[]): OpenDecision[] {
  const id = decisionId(decision);
  const same = sameDecisionOpen(decision, open);
  return open.filter((o) => o.id !== id && o.key === decision.key && !(same && o.place.where === same.where && o.action === decision.action));
}
