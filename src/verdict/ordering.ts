// Every environment's changes of a key on one timeline, ordered by the commit graph (parents before
// children); committer dates only break ties the graph does not know.
import type { EnvName, HistoryEvent } from '../model/types.js';

export interface Moment {
  commit: string;
  events: Array<{ env: EnvName; event: HistoryEvent }>;
}

function older(a: HistoryEvent, b: HistoryEvent): number {
  if (a.order !== undefined && b.order !== undefined) return b.order - a.order;
  return a.committed < b.committed ? -1 : a.committed > b.committed ? 1 : 0;
}

/** `a` comes before `b` in the commit graph (committer dates where the graph does not say). */
export const olderThan = (a: HistoryEvent, b: HistoryEvent): boolean => older(a, b) < 0;

/** The key's events grouped by commit, oldest first. */
export function moments(history: Record<EnvName, HistoryEvent[]>, envs: EnvName[]): Moment[] {
  const byCommit = new Map<string, Moment & { first: HistoryEvent }>();
  for (const env of envs) {
    for (const event of history[env] ?? []) {
      const moment = byCommit.get(event.commit) ?? { commit: event.commit, first: event, events: [] };
      moment.events.push({ env, event });
      byCommit.set(event.commit, moment);
    }
  }
  return [...byCommit.values()].sort((a, b) => older(a.first, b.first)).map(({ commit, events }) => ({ commit, events }));
}

/** The newest event first. */
export function newestFirst(events: HistoryEvent[]): HistoryEvent[] {
  return [...events].sort((a, b) => older(b, a));
}

/** When the environments last held one value, replaying the timeline. */
export function lastAgreement(timeline: Moment[], envs: EnvName[]): { index: number; value: string } | undefined {
  const state = new Map<EnvName, string | null>(envs.map((env) => [env, null]));
  let found: { index: number; value: string } | undefined;
  timeline.forEach((moment, index) => {
    for (const { env, event } of moment.events) state.set(env, event.to);
    const values = envs.map((env) => state.get(env) ?? null);
    if (values.every((v) => v !== null && v === values[0])) found = { index, value: values[0]! };
  });
  return found;
}

/** Each environment's latest change after moment `from`. */
export function changedSince(timeline: Moment[], from: number): Map<EnvName, HistoryEvent> {
  const changed = new Map<EnvName, HistoryEvent>();
  for (const moment of timeline.slice(from + 1)) for (const { env, event } of moment.events) changed.set(env, event);
  return changed;
}
