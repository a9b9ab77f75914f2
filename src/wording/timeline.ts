import { terminalSafe } from './terminal-text.js';
import type { EnvName, HistoryEvent, LiveEvent, TimelineEntry } from '../model/types.js';

/** A value in a line of prose or a timeline row: one line, terminal-safe. */
export const showValue = (v: string | null) => (v === null ? 'absent' : terminalSafe(v));

/** The marks of an event a reader should notice. */
export function eventFlags(event: HistoryEvent): string[] {
  return [event.merge && 'merge', event.revert && 'revert', event.acrossBroken && 'across unparseable version', event.truncated && 'shallow boundary'].filter(
    (f): f is string => typeof f === 'string',
  );
}

/** What made a live timeline entry, in a few words: `hand edit by kubectl-edit (at or before)`,
 * `deploy, revision 27`, `deploy by helm, revision 14`, `restart by kubectl-rollout, revision 26`. */
export function liveWhat(e: TimelineEntry): string {
  return `${liveAct(e)}${e.exact ? '' : ' (at or before)'}`;
}

const liveAct = (e: TimelineEntry) => {
  const what = e.kind === 'unknown-writer' ? 'live write' : e.kind.replace('-', ' ');
  return `${what}${e.manager ? ` by ${e.manager}` : e.revision ? '' : ' by unknown'}${e.revision ? `, revision ${e.revision}` : ''}`;
};

/** What a row's change was, as a table column names it. */
const WHAT: Record<TimelineEntry['kind'], string> = {
  commit: 'commit',
  merge: 'merge',
  revert: 'revert',
  'hand-edit': 'hand edit (live)',
  deploy: 'deploy (live)',
  restart: 'restart by hand (live)',
  controller: 'controller (live)',
  'unknown-writer': 'live write',
  event: 'event (live)',
};

/**
 * The words of one row of a key's timeline (a commit, a deploy, a hand edit, an Event), decided here once for
 * every renderer: explain, the Markdown and HTML report, the interactive view, and apply's commit
 * messages and pull requests. Each lays the words out in its medium (columns, a table, a mark's
 * label) and escapes them for it, so values and texts from outside stay raw here.
 */
export interface TimelineRowWords {
  /** `2026-07-14 01:52`: UTC, to the minute (the minute matters for a 3 AM incident). */
  when: string;
  /** `2026-07-14`. */
  day: string;
  /** The time is an upper bound (`managedFields` keep a manager's latest write): the change
   * happened at or before it. */
  atOrBefore: boolean;
  env: EnvName;
  live: boolean;
  /** The word before the change in a line: `live` for a live write, `event` for an Event, none
   * for a commit. */
  tag: '' | 'live' | 'event';
  /** The value before (undefined where a live write does not record it) and after; null is absent.
   * An Event has neither: `event` says what happened instead. */
  from?: string | null;
  to?: string | null;
  /** An Event in a few words: `Warning BackOff: Back-off restarting failed container app (3 times)`. */
  event?: string;
  /** What happened: `commit`, `merge`, `hand edit (live)`, `deploy (live)`, … */
  what: string;
  /** Who: the commit's author, the live field manager, `rollout` for a revision no manager wrote. */
  by: string;
  /** The commit's full hash, for a link. */
  commit?: string;
  /** The commit's short hash, or where the live record was read. */
  ref: string;
  subject: string;
  /** The row after its change: `Dana Whitfield: Raise the timeout` for a commit; `hand edit by
   * kubectl-edit`, `deploy by helm, revision 14` for a live write (`atOrBefore` said apart); `event
   * about Pod/payment-service-5f8b7c9d6e-x2k9p by kubelet` for an Event. */
  about: string;
  /** What a reader of a commit should notice: `merge`, `revert`, `written 2026-10-05` (its author
   * date, where it was committed another day: `when` is the commit date), `across unparseable version` (its
   * value before was read across versions of the file that did not parse), `shallow boundary` (the
   * first commit of a shallow clone: the value predates the history read). */
  flags: string[];
}

/** Said once under a timeline holding a commit written on another day than it was committed. */
export const TWO_DATES_NOTE =
  "a commit's time is when it was committed; [written …] is its author date, where that is another day (a rebase or cherry-pick keeps it): the verdict counts ages from the author date";

/** An Event in a few words, in place of a value change. */
const eventWords = (event: LiveEvent): string =>
  `${event.type === 'Normal' ? '' : `${event.type} `}${event.reason}: ${event.message}${event.count && event.count > 1 ? ` (${event.count} times)` : ''}`;

const flagsOf = (e: TimelineEntry): string[] =>
  e.source !== 'repo'
    ? []
    : [
        e.kind !== 'commit' && e.kind,
        e.authored && `written ${e.authored.slice(0, 10)}`,
        e.acrossBroken && 'across unparseable version',
        e.truncated && 'shallow boundary',
      ].filter((f): f is string => typeof f === 'string');

export function timelineRow(e: TimelineEntry): TimelineRowWords {
  const repo = e.source === 'repo';
  return {
    when: e.time.slice(0, 16).replace('T', ' '),
    day: e.time.slice(0, 10),
    atOrBefore: !e.exact,
    env: e.env,
    live: !repo,
    tag: repo ? '' : e.event ? 'event' : 'live',
    // The first commit of a shallow clone holds the value; what came before it was not read, so
    // it is not `absent → 1` (the verdict says "already", "how they came to differ lies before it").
    ...(e.from === undefined || (repo && e.truncated) ? {} : { from: e.from }),
    ...(e.to === undefined ? {} : { to: e.to }),
    ...(e.event ? { event: eventWords(e.event) } : {}),
    what: WHAT[e.kind],
    by: repo ? (e.author ?? '') : (e.manager ?? (e.revision ? 'rollout' : '')),
    ...(e.commit ? { commit: e.commit } : {}),
    ref: e.commit ? e.commit.slice(0, 7) : (e.liveSource ?? ''),
    subject: e.subject ?? '',
    about: repo ? `${e.author ?? ''}: ${e.subject ?? ''}` : e.event ? `event about ${e.event.regarding}${e.manager ? ` by ${e.manager}` : ''}` : liveAct(e),
    flags: flagsOf(e),
  };
}

/** `3000 → 10000`, or `10000 (first recorded)` for a live value nothing recorded before it (the
 * oldest revision kept, a write with no earlier live record: what it replaced is unknown, not
 * absent), or an Event's words; `show` writes a value for the medium (terminal-safe text by
 * default). */
export function rowChange(row: TimelineRowWords, show: (v: string | null) => string = showValue, arrow = '→'): string {
  if (row.event !== undefined) return show(row.event);
  if (row.live && row.from === undefined) return `${show(row.to ?? null)} (first recorded)`;
  // A restart, or a deploy of what already ran: the value once, not "1.8.1 → 1.8.1".
  if (row.from !== undefined && row.from === (row.to ?? null)) return `${show(row.from)} (unchanged)`;
  return `${row.from === undefined ? '' : `${show(row.from)} ${arrow} `}${show(row.to ?? null)}`;
}

/** The row after its change, in one line: `40c9d35 Dana Whitfield: Raise the timeout [merge]`,
 * `hand edit by kubectl-edit (at or before)`. Not yet terminal-safe. */
export function rowSummary(row: TimelineRowWords): string {
  if (row.live) return `${row.about}${row.atOrBefore ? ' (at or before)' : ''}`;
  return `${row.ref} ${row.about}${row.flags.length ? ` [${row.flags.join(', ')}]` : ''}`;
}
