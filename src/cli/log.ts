import { filterLedger, readLedger, type LedgerFilter, type LoggedDecision } from '../actions/ledger.js';
import { openChanges } from '../actions/open-branch.js';
import { openChangeNote } from '../wording/open-branch.js';
import type { Io } from '../command.js';
import { calendarDateProblem } from '../config/calendar-date.js';
import { UserError } from '../errors.js';
import { findRepoRoot } from '../git/repo.js';
import { jsonSafe } from '../wording/terminal-text.js';
import { checkWindowOrder } from './window.js';
import { EXIT } from './exit.js';

export type { LoggedDecision };

const STATUS_WORDS: Record<LoggedDecision['status'], string> = {
  open: 'open',
  merged: 'merged',
  abandoned: 'abandoned',
  'live applied': 'live',
  skipped: 'skipped',
};

function where(e: LoggedDecision): string {
  if (e.status === 'open') return `open on ${e.ref}`;
  if (e.status === 'merged') {
    const how = e.mergedCommit ? `${e.mergedAs === 'squash' ? 'squashed' : 'rebased'} as ${e.mergedCommit.slice(0, 7)}` : '';
    const from = e.ref && e.ref !== e.mergedInto ? `from ${e.ref}` : '';
    const detail = [how, from].filter(Boolean).join('; ');
    return `merged into ${e.mergedInto}${detail ? ` (${detail})` : ''}`;
  }
  if (e.status === 'abandoned') return `abandoned: unmerged, ${e.ref ? `branch ${e.ref} is gone` : 'on no branch'}`;
  if (e.status === 'live applied')
    return `live applied: ${e.live?.object ?? ''} ${e.live?.field ?? ''} ${JSON.stringify(e.live?.before ?? null)} → ${JSON.stringify(e.live?.after ?? null)}`;
  return 'skipped (looked at, left as it is)';
}

/** `undrift log [--json] [-k GLOB] [-e ENV] [--action A] [--status S] [--since D] [--until D]`:
 * the audit trail a post-mortem needs — repo decisions from the commits' trailers, live patches
 * and skips from the ledger, each with where it stands. */
export async function runLog(options: { repo: string; json: boolean; filter?: LedgerFilter }, io: Io): Promise<number> {
  const filter = { ...options.filter };
  for (const [name, date] of [
    ['--since', filter.since],
    ['--until', filter.until],
  ] as const) {
    const problem = date !== undefined ? calendarDateProblem(date) : undefined;
    if (problem) throw new UserError(`${name}: ${problem}`);
  }
  checkWindowOrder(filter.since, filter.until);
  const words = Object.values(STATUS_WORDS);
  if (filter.status !== undefined) {
    const status = (Object.keys(STATUS_WORDS) as Array<LoggedDecision['status']>).find((s) => STATUS_WORDS[s] === filter.status || s === filter.status);
    if (!status) throw new UserError(`--status is one of ${words.join(', ')}`);
    filter.status = status;
  }
  const repo = await findRepoRoot(options.repo);
  const all = await readLedger(repo);
  const entries = filterLedger(all, filter);
  if (options.json) {
    io.stdout.write(`${jsonSafe(JSON.stringify({ version: 1, decisions: entries }, null, 2))}\n`);
    return EXIT.ok;
  }
  if (all.length === 0) {
    io.stdout.write(
      'no decisions yet: undrift apply (or A in the interactive view) records each one: commits with Drift-* trailers, live patches and skips in refs/undrift/ledger\n',
    );
    return EXIT.ok;
  }
  if (entries.length === 0) {
    io.stdout.write(`no decisions match (${all.length} recorded)\n`);
    return EXIT.ok;
  }
  // How each open branch's change stands against the checkout now (text only: the JSON is the
  // ledger's entries as recorded).
  const open = await openChanges(repo, entries);
  for (const e of entries) {
    const note = openChangeNote(open.changes.get(e.commit) ?? [], open.head);
    const keys = [...new Set(e.keys)].join(', ');
    const actions = [...new Set(e.actions)].join(', ');
    const envs = [...new Set(e.envs)].join(', ');
    io.stdout.write(
      `${e.date.slice(0, 10)}  ${e.commit.slice(0, 7)}  ${STATUS_WORDS[e.status].padEnd(9)} ${actions.padEnd(9)} ${envs.padEnd(12)} ${keys}  (${where(e)}; ${e.author})${note ? ` · ${note}` : ''}\n`,
    );
    for (const line of decidedOtherwise(e, all)) io.stdout.write(`${' '.repeat(22)}${line}\n`);
  }
  return EXIT.ok;
}

/** Another open branch deciding one of an open entry's keys otherwise (another action, or other
 * environments): merging both leaves the key decided two ways (opposite backfills swap the
 * values), which the list alone did not say (a newcomer's trial, session 37). */
function decidedOtherwise(e: LoggedDecision, entries: LoggedDecision[]): string[] {
  if (e.status !== 'open') return [];
  const decided = (x: LoggedDecision) => `${[...new Set(x.actions)].join(', ')}${x.envs.length > 0 ? ` ${[...new Set(x.envs)].join(', ')}` : ''}`;
  return entries.flatMap((o) => {
    if (o.commit === e.commit || o.ref === e.ref || decided(o) === decided(e)) return [];
    const keys = [...new Set(o.keys.filter((k) => e.keys.includes(k)))];
    if (o.status === 'open')
      return keys.map((key) => `↳ ${o.ref} (${o.commit.slice(0, 7)}) decides ${key} otherwise (${decided(o)}): merging both decides it two ways`);
    // The key's latest merged decision, when it decided otherwise: merging this branch changes what
    // is in effect (the newcomer's second branch merged cleanly over the first one's decision with
    // no word, session 38). Older merged ones were already decided over.
    if (o.status === 'merged')
      return keys
        .filter((key) => latestMerged(entries, key) === o)
        .map(
          (key) => `↳ ${o.ref || o.mergedInto} (${o.commit.slice(0, 7)}), merged, decides ${key} otherwise (${decided(o)}): merging this branch changes that`,
        );
    return [];
  });
}

/** The newest merged decision of a key. */
function latestMerged(entries: LoggedDecision[], key: string): LoggedDecision | undefined {
  let latest: LoggedDecision | undefined;
  for (const e of entries) if (e.status === 'merged' && e.keys.includes(key) && (!latest || e.date > latest.date)) latest = e;
  return latest;
}
