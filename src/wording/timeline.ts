import { terminalSafe } from './terminal-text.js';
import type { EnvName, HistoryEvent, TimelineEntry } from '../model/types.js';

export interface TimelineRow {
  env: EnvName;
  event: HistoryEvent;
}

/** Every environment's changes of one key, merged, newest first. */
export function mergedTimeline(history: Record<EnvName, HistoryEvent[]>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const [env, events] of Object.entries(history)) for (const event of events) rows.push({ env, event });
  return rows.sort((a, b) => (a.event.committed < b.event.committed ? 1 : a.event.committed > b.event.committed ? -1 : 0));
}

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
  const what = e.kind === 'unknown-writer' ? 'live write' : e.kind.replace('-', ' ');
  return `${what}${e.manager ? ` by ${e.manager}` : e.revision ? '' : ' by unknown'}${e.revision ? `, revision ${e.revision}` : ''}${e.exact ? '' : ' (at or before)'}`;
}
