// How the verdict names commits, changes and lists in its sentences.
import { isUncommitted, type HistoryEvent, type KeyChange } from '../model/types.js';
import { quoted } from '../wording/text.js';

export const shown = quoted;
export const short = (sha: string) => sha.slice(0, 7);
export const day = (iso: string) => iso.slice(0, 10);

export const describeCommit = (e: HistoryEvent) => describeMessage({ sha: e.commit, date: e.date, author: e.author, subject: e.subject });

/** A commit of the log (a message, a document's commit, a note) as `describeCommit` names a change's. */
export const describeMessage = (m: { sha: string; date: string; author: string; subject: string }) =>
  `${short(m.sha)} (${day(m.date)}, ${m.author}: "${m.subject}")`;

/** A commit as `describeCommit` names it; an edit not committed as the work tree. */
export const describeChange = (c: KeyChange) => (isUncommitted(c) ? `the work tree (not committed)` : describeCommit(c));

/** The commit a change was made in, for evidence `git show` can check; none for an edit not committed. */
export const commitOf = (c: KeyChange): string | undefined => (isUncommitted(c) ? undefined : c.commit);

export const change = (e: HistoryEvent) =>
  e.from === null ? `added it as ${shown(e.to)}` : e.to === null ? `removed it (it was ${shown(e.from)})` : `changed it ${shown(e.from)} → ${shown(e.to)}`;

export const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** Confidence is never certain either way: 0.05–0.95, two decimals. */
export const round = (n: number) => Math.round(Math.max(0.05, Math.min(0.95, n)) * 100) / 100;

/** Whole days from `from` (an ISO date or date-time) to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
