import { createHash } from 'node:crypto';
import { appendLedgerEntry, branchesContaining, defaultBranch, isAncestor, readTrailerCommits, type TrailerCommit } from '../git/ledger.js';
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
  const commits = await readTrailerCommits(repo);
  const madeOn = new Map<string, string>();
  for (const c of commits)
    if (first(c, 'Drift-Ledger') === 'repo') for (const sha of c.trailers.get('Drift-Commit') ?? []) madeOn.set(sha, first(c, 'Drift-Branch') ?? '');
  const main = await defaultBranch(repo);
  const entries: LoggedDecision[] = [];
  for (const c of commits) {
    const ledger = first(c, 'Drift-Ledger');
    if (ledger !== undefined && ledger !== 'live' && ledger !== 'skip') continue;
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
    const branches = await branchesContaining(repo, c.commit);
    const merged = main !== undefined && (branches.includes(main) || branches.includes(`origin/${main}`));
    const holding = branches.find((b) => b.startsWith('undrift/')) ?? branches.find((b) => b !== main) ?? branches[0];
    const made = madeOn.get(c.commit);
    if (merged) entries.push({ ...base, ref: made || holding || main, kind: 'repo', status: 'merged', mergedInto: main });
    else if (holding) entries.push({ ...base, ref: holding, kind: 'repo', status: 'open' });
    else entries.push({ ...base, ref: made ?? '', kind: 'repo', status: 'abandoned' });
  }
  return entries;
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

/** Where each recorded repo decision already is, for a re-run: the checked-out branch (merged
 * into it) or an open branch. Decisions on no branch any more are not in place. */
export async function decisionsInPlace(repo: string): Promise<Map<string, string>> {
  const where = new Map<string, string>();
  for (const c of await readTrailerCommits(repo)) {
    const ids = c.trailers.get('Drift-Decision');
    const ledger = first(c, 'Drift-Ledger');
    if (!ids || (ledger !== undefined && ledger !== 'skip')) continue;
    if (ledger === 'skip') {
      for (const id of ids) if (!where.has(id)) where.set(id, SKIP_RECORDED);
      continue;
    }
    if (ids.every((id) => where.has(id))) continue;
    const place = (await isAncestor(repo, c.commit, 'HEAD'))
      ? 'the checked-out branch'
      : ((await branchesContaining(repo, c.commit)).find((b) => b.startsWith('undrift/')) ?? (await branchesContaining(repo, c.commit))[0]);
    if (place) for (const id of ids) if (!where.has(id)) where.set(id, place);
  }
  return where;
}
