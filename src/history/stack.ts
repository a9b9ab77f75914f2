import type { HistoryEvent, KeyPath } from '../model/types.js';

/** One file's per-key events, newest first (as the differ gives them). */
export type FileEvents = Map<KeyPath, HistoryEvent[]>;

const isRevertCommit = (e: HistoryEvent) => /^Revert "/.test(e.subject) || /This reverts commit [0-9a-f]{7,}/.test(e.body);

/** An environment's history from the histories of the files in its stack (base first, later
 * wins), as the consuming tool layers them: an event of a file counts only while no later file
 * sets the key, and a later file that starts or stops setting the key changes the effective
 * value, which is an event of its own. A one-file stack is its file's history as it is. */
export function stackHistory(stack: FileEvents[]): FileEvents {
  if (stack.length === 1) return stack[0]!;
  const keys = new Set<KeyPath>();
  for (const file of stack) for (const key of file.keys()) keys.add(key);
  const out: FileEvents = new Map();
  for (const key of keys) {
    const events = stackKey(stack.map((file) => file.get(key) ?? []));
    if (events.length > 0) out.set(key, events);
  }
  return out;
}

/** By the commit graph where the walk placed both commits (dates can be equal or skewed), else by date. */
function olderFirst(a: HistoryEvent, b: HistoryEvent): number {
  if (a.order !== undefined && b.order !== undefined) return b.order - a.order;
  return a.committed < b.committed ? -1 : a.committed > b.committed ? 1 : 0;
}

/** One key's effective events, newest first, from each file's events (newest first). */
function stackKey(perFile: HistoryEvent[][]): HistoryEvent[] {
  // Before its oldest event a file does not set the key (or, at a shallow boundary, holds what
  // that event started from).
  const state = perFile.map((events) => (events.length > 0 ? events[events.length - 1]!.from : null));
  const winningSlot = () => {
    let i = state.length - 1;
    while (i > 0 && state[i] === null) i--;
    return i;
  };
  const effective = () => state[winningSlot()] ?? null;
  const all = perFile.flatMap((events, slot) => events.map((event, i) => ({ event, slot, order: events.length - 1 - i })));
  // Oldest first, each file's own events in their order; one commit's edits of several files
  // apply together.
  all.sort((a, b) => olderFirst(a.event, b.event) || a.slot - b.slot || a.order - b.order);
  const rank = new Map<string, number>();
  for (const { event } of all) if (!rank.has(event.commit)) rank.set(event.commit, rank.size);
  const timeline = all.sort((a, b) => rank.get(a.event.commit)! - rank.get(b.event.commit)! || a.slot - b.slot || a.order - b.order);
  const out: HistoryEvent[] = [];
  for (let i = 0; i < timeline.length;) {
    const commit = timeline[i]!.event.commit;
    const before = effective();
    const edited = new Map<number, HistoryEvent>();
    for (; i < timeline.length && timeline[i]!.event.commit === commit; i++) {
      const { event, slot } = timeline[i]!;
      state[slot] = event.to;
      edited.set(slot, event);
    }
    const after = effective();
    if (after === before) continue;
    // The event names the file that now wins, when this commit edited it; else the later file
    // that stopped setting the key.
    const winner = edited.get(winningSlot()) ?? edited.get(Math.max(...edited.keys()))!;
    out.push({ ...winner, from: before, to: after });
  }
  out.reverse();
  markReverts(out);
  return out;
}

/** A revert commit, or a value returning to one the effective value held before. */
export function markReverts(newestFirst: HistoryEvent[]): void {
  const held = new Set<string>();
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const event = newestFirst[i]!;
    if (event.from !== null) held.add(event.from);
    event.revert = isRevertCommit(event) || (event.to !== null && event.to !== event.from && held.has(event.to) && !event.merge);
  }
}
