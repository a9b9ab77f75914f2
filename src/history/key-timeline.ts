import type { Divergence, EnvName, HistoryEvent, KeyPath, Provenance, TimelineEntry } from '../model/types.js';

// One timeline per key, merging every environment's commits and the live writes the cluster
// records, in time order: what a post-mortem reads first. Pure; the report, explain, the JSON and
// the TUI share it.

/** Dates already converted: a repository's thousands of events share the dates of its commits. */
let converted = new Map<string, string>();

/** An ISO date with any offset, as UTC to the second. */
export const utc = (iso: string): string => {
  let text = converted.get(iso);
  if (text === undefined) {
    const ms = Date.parse(iso);
    text = Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (converted.size >= 100_000) converted = new Map();
    converted.set(iso, text);
  }
  return text;
};

const LIVE_KIND: Record<Provenance['kind'], TimelineEntry['kind']> = {
  human: 'hand-edit',
  pipeline: 'deploy',
  controller: 'controller',
  unknown: 'unknown-writer',
};

function fromCommit(env: EnvName, e: HistoryEvent): TimelineEntry {
  const time = utc(e.committed);
  const authored = e.date ? utc(e.date) : time;
  return {
    time,
    exact: true,
    env,
    source: 'repo',
    kind: e.merge ? 'merge' : e.revert ? 'revert' : 'commit',
    from: e.from,
    to: e.to,
    commit: e.commit,
    author: e.author,
    // Two days for one commit (a rebase keeps the author date): said apart, never silently mixed.
    ...(authored.slice(0, 10) !== time.slice(0, 10) ? { authored } : {}),
    subject: e.subject,
    file: e.file,
    ...(e.acrossBroken ? { acrossBroken: true } : {}),
    ...(e.truncated ? { truncated: true } : {}),
  };
}

/** Every divergence of one key together: the repo history they share, and each environment's live
 * writer where a live source was read. Oldest first; at one moment, commits before live writes and
 * environments in promotion order. */
export type TimelineSource = Partial<Pick<Divergence, 'history' | 'provenance' | 'values' | 'deploys' | 'clusterEvents'>>;

/** How far from a write's "at or before" time a revision that wrote the same value is taken for
 * the same deploy (a Helm upgrade's managedFields time and its ReplicaSet are seconds apart). */
const SAME_DEPLOY_MS = 10 * 60 * 1000;
const withoutDigest = (value: string | null | undefined): string | null | undefined => value?.replace(/ \(sha256:[0-9a-f]+\)$/, '');

export function keyTimeline(divergences: readonly TimelineSource[], environments: readonly EnvName[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const history = divergences.find((d) => d.history)?.history ?? {};
  // Each commit's place in the commit graph: commits of one second (a rebased pull request,
  // scripted commits) are listed parents first, not in promotion order.
  const graphOrder = new Map<TimelineEntry, number>();
  for (const env of environments)
    for (const event of history[env] ?? []) {
      const entry = fromCommit(env, event);
      entries.push(entry);
      if (event.order !== undefined) graphOrder.set(entry, event.order);
    }
  const seen = new Set<string>();
  for (const d of divergences) {
    for (const [env, p] of Object.entries(d.provenance ?? {})) {
      const slot = d.values?.[env];
      if (!p.time || !slot || slot.live === undefined) continue;
      const id = `${env}\0${p.manager}\0${p.time}`;
      if (seen.has(id)) continue;
      seen.add(id);
      entries.push({
        time: utc(p.time),
        exact: p.exact,
        env,
        source: 'live',
        kind: LIVE_KIND[p.kind],
        to: slot.live,
        manager: p.manager,
        ...(slot.liveSource ? { liveSource: slot.liveSource } : {}),
      });
    }
  }
  // Deploys the cluster recorded (workload revisions, Helm releases): one key's divergences share them.
  for (const d of divergences) {
    for (const [env, deploys] of Object.entries(d.deploys ?? {})) {
      for (const entry of deploys) {
        const id = `${env}\0deploy\0${entry.time}\0${entry.liveSource ?? ''}`;
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push(entry);
      }
    }
  }
  // A live write known only as "at or before" a time is the same deploy as a recorded revision of
  // its environment that wrote the same value (its digest aside) within minutes of that time (the
  // workload's spec is written, its ReplicaSet made seconds later): one entry says it, the
  // revision's, exact, with the write's manager and digest (production's 1.8.2 was listed twice).
  for (let i = entries.length - 1; i >= 0; i--) {
    const write = entries[i]!;
    if (write.source !== 'live' || write.exact || write.revision !== undefined || write.to === undefined) continue;
    const at = entries.findIndex(
      (r) =>
        r.env === write.env &&
        r.kind === write.kind &&
        r.exact &&
        r.revision !== undefined &&
        Math.abs(Date.parse(write.time) - Date.parse(r.time)) <= SAME_DEPLOY_MS &&
        withoutDigest(r.to) === withoutDigest(write.to),
    );
    if (at < 0) continue;
    const revision = entries[at]!;
    entries[at] = { ...revision, to: write.to, ...(revision.manager === undefined && write.manager !== undefined ? { manager: write.manager } : {}) };
    entries.splice(i, 1);
  }
  // The Events the cluster kept about what runs the key: after a write of the same second.
  for (const d of divergences) {
    for (const [env, events] of Object.entries(d.clusterEvents ?? {})) {
      for (const entry of events) {
        const id = `${env}\0event\0${entry.time}\0${entry.event?.regarding ?? ''}\0${entry.event?.reason ?? ''}\0${entry.event?.message ?? ''}`;
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push(entry);
      }
    }
  }
  const rank = (env: EnvName) => environments.indexOf(env);
  const parentsFirst = (a: TimelineEntry, b: TimelineEntry) => {
    const [x, y] = [graphOrder.get(a), graphOrder.get(b)];
    return x === undefined || y === undefined ? 0 : y - x;
  };
  const sorted = entries.sort(
    (a, b) =>
      (a.time < b.time ? -1 : a.time > b.time ? 1 : 0) ||
      (a.source === b.source ? 0 : a.source === 'repo' ? -1 : 1) ||
      parentsFirst(a, b) ||
      rank(a.env) - rank(b.env),
  );
  return withEarlierLive(sorted);
}

/** A live write that does not record the value before it (a `managedFields` entry) gets the value
 * its environment's previous live record left (a deploy revision, a Helm release, another write),
 * where there is one: `staging live → 2` said nothing of what 2 replaced. Oldest first in, out. */
function withEarlierLive(entries: TimelineEntry[]): TimelineEntry[] {
  const ran = new Map<EnvName, string | null>();
  return entries.map((e) => {
    if (e.source !== 'live' || e.to === undefined) return e;
    const earlier = ran.get(e.env);
    ran.set(e.env, e.to);
    return e.from === undefined && earlier !== undefined ? { ...e, from: earlier, fromEarlier: true } : e;
  });
}

/** The divergences of a scan grouped by key, in the order they come. */
export function byKey<D extends Divergence>(divergences: readonly D[]): Map<KeyPath, D[]> {
  const groups = new Map<KeyPath, D[]>();
  for (const d of divergences) groups.set(d.key, [...(groups.get(d.key) ?? []), d]);
  return groups;
}

/** A bound of an incident window as UTC; a day alone covers the whole day. */
export const windowBound = (value: string | undefined, end: boolean): string | undefined =>
  value === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${end ? '23:59:59' : '00:00:00'}Z` : utc(value);

/** Entries inside an incident window (either bound may be open). */
export const insideWindow = (entry: TimelineEntry, since?: string, until?: string): boolean => {
  const from = windowBound(since, false);
  const to = windowBound(until, true);
  return (!from || entry.time >= from) && (!to || entry.time <= to);
};

/** The rows a report lists for an incident window: the window's entries, and each environment's
 * last change before it (the state going in; an Event is no state). Without a window, all. */
export function windowRows(all: readonly TimelineEntry[], since?: string, until?: string): TimelineEntry[] {
  if (since === undefined && until === undefined) return [...all];
  const from = windowBound(since, false);
  const before = new Map<EnvName, TimelineEntry>();
  if (from) for (const e of all) if (e.time < from && !e.event) before.set(e.env, e);
  const goingIn = new Set(before.values());
  return all.filter((e) => insideWindow(e, since, until) || goingIn.has(e));
}

/** A timeline entry that wrote a value (every kind but an Event). */
type Write = TimelineEntry & { to: string | null };

/** What ran in one environment at a moment, as far as the recorded live writes tell. */
export type RanThen = { known: true; value: string | null; since: TimelineEntry; caveat?: string } | { known: false; inferred: string | null; why: string };

/** The latest live write at or before `time` gives the value that ran (a write recorded only as "at
 * or before" a time that falls after the moment cannot be placed, so it is said). Before the first
 * recorded write, what ran is inferred to be what the file declared then, and said to be inferred. */
export function ranAt(timeline: readonly TimelineEntry[], env: EnvName, time: string, declaredThen: string | null): RanThen {
  // An Event says something happened, not which value ran: only writes count.
  const writes = timeline.filter((e): e is Write => e.env === env && e.source === 'live' && e.to !== undefined);
  const before = writes.filter((e) => e.time <= time);
  const last = before.at(-1);
  if (last) {
    // A later write known only as "at or before" may have come before the moment, unless an exact
    // record after the moment still shows another value (the write then came after that record).
    // An image read with its digest is the same deploy as the image its revision names.
    const same = (a: string | null, b: string | null) =>
      a === b || (a ?? '').replace(/ \(sha256:[0-9a-f]+\)$/, '') === (b ?? '').replace(/ \(sha256:[0-9a-f]+\)$/, '');
    const earliest = (w: Write) => writes.filter((e) => e.exact && e.time < w.time && !same(e.to, w.to)).at(-1)?.time;
    // ... or unless the value it wrote is first recorded exactly after the moment (it started then).
    const started = (w: Write) => writes.find((e) => e.exact && same(e.to, w.to))?.time;
    const doubt = writes.find((w) => !w.exact && w.time > time && !same(w.to, last.to) && !((earliest(w) ?? '') >= time) && !((started(w) ?? '') > time));
    if (!doubt) return { known: true, value: last.to, since: last };
    return {
      known: true,
      value: last.to,
      since: last,
      caveat:
        `unless the ${doubt.kind} by ${doubt.manager ?? 'unknown'} recorded only as at or before ` +
        `${doubt.time.slice(0, 16).replace('T', ' ')} UTC came before this moment: it ran ${JSON.stringify(doubt.to)} ` +
        `then`,
    };
  }
  const next = writes[0];
  if (!next) return { known: false, inferred: declaredThen, why: 'no live write of this key is recorded' };
  const when = `${next.time.slice(0, 16).replace('T', ' ')} UTC`;
  return {
    known: false,
    inferred: declaredThen,
    why: next.exact
      ? `the first recorded live write, ${next.kind} by ${next.manager ?? 'unknown'}, came later, at ${when}`
      : // A write of the file's own value changes nothing whenever it came: no "instead".
        next.to === declaredThen
        ? `the first recorded live write, ${next.kind} by ${next.manager ?? 'unknown'}, is at or before ${when} and wrote the same ${JSON.stringify(next.to)}`
        : `the first recorded live write, ${next.kind} by ${next.manager ?? 'unknown'}, is at or before ${when}: if it came before this moment, it ran ${JSON.stringify(next.to)} instead`,
  };
}
