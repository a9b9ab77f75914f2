import { jsonSafe } from '../wording/terminal-text.js';
import type { Scan } from '../engine.js';
import { byKey, insideWindow, keyTimeline } from '../history/key-timeline.js';
import type { KeyPath, TimelineEntry } from '../model/types.js';
import type { Divergence, DivergenceKind, DivergenceValue, HistoryEvent, LiveEvent, LiveStatus } from '../model/types.js';
import { placeText } from '../wording/text.js';
import { manualStep } from '../wording/manual.js';

/** The public JSON contract of `scan --format json`. Version 1: later versions only add fields. */
export interface ScanJson {
  version: 1;
  repo: string;
  config: string;
  environments: string[];
  promotion: string[];
  contract: string | null;
  /** Per environment with a live source: whether it was read, from where, and why not. */
  /** `partial`: some of what the source returned was read (`reason` says what was not). */
  live: Record<
    string,
    {
      status: LiveStatus;
      source: string;
      reason?: string;
      unread?: Array<{ kind: string; reason: string }>;
      /** What the source read of the past: how many workload revisions and Helm release records
       * (their deploys are in `timelines`), the Events still kept, and what could not be read. */
      history?: { revisions: number; releases: number; events: LiveEvent[]; notes?: string[] };
    }
  >;
  divergences: Array<ReturnType<typeof divergenceJson>>;
  historyTruncatedAt?: string;
  notes: string[];
  warnings: string[];
  /** Divergences that share a pattern (present when there are any): one contract entry each. */
  patterns?: Array<{ glob: string; reason: string; count: number; keys: string[]; allowed: Record<string, string> }>;
  summary: { divergences: number; undeclared: number; byKind: Partial<Record<DivergenceKind, number>> };
  /** Per divergent key, one timeline of every environment's commits and recorded live writes,
   * oldest first (UTC). With an incident window (`report --since/--until`), `inWindow` marks its
   * events. */
  timelines: Record<KeyPath, Array<TimelineEntry & { inWindow?: boolean }>>;
}

export function summarize(divergences: Divergence[]): ScanJson['summary'] {
  const byKind: Partial<Record<DivergenceKind, number>> = {};
  for (const d of divergences) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  return { divergences: divergences.length, undeclared: divergences.filter((d) => d.severity === 'drift').length, byKind };
}

/** The public shape of a history event: what `git show` can confirm. */
export function eventJson(e: HistoryEvent) {
  return {
    commit: e.commit,
    author: e.author,
    email: e.email,
    date: e.date,
    subject: e.subject,
    file: e.file,
    from: e.from,
    to: e.to,
    merge: e.merge,
    revert: e.revert,
    ...(e.acrossBroken ? { acrossBroken: true } : {}),
    ...(e.truncated ? { truncated: true } : {}),
    ...(e.renamedFrom ? { renamedFrom: e.renamedFrom } : {}),
  };
}

/** One environment's values: `location` is the `file:line` text version 1 has always had; `at` the
 * same place as data (`{file, line, column}`; `{file}` alone for an object's definition, with
 * `built: true` when an overlay's build makes it). */
export function valueJson({ repo, live, at, type, liveSource, note }: DivergenceValue) {
  // `note` (the comment beside the value; compare/ never gives a secret's) is version 1's since
  // the README named it: dropping it left a post-mortem's export without the author's word.
  return { repo, live, location: at ? placeText(at) : null, at, type, ...(liveSource !== undefined ? { liveSource } : {}), ...(note ? { note } : {}) };
}

/** The verdict, with `manual` where its suggestion is a step undrift will not carry out. */
function withManual(d: Divergence, verdict: NonNullable<Divergence['verdict']>) {
  const manual = manualStep(d);
  return manual ? { ...verdict, manual } : verdict;
}

export function divergenceJson(d: Divergence) {
  // Deploys go into the key's one timeline (`timelines`), not into each divergence again.
  const { history, verdict, deploys: _deploys, presentIn, absentIn, violations, rules, ...rest } = d;
  return {
    ...rest,
    values: Object.fromEntries(Object.entries(d.values).map(([env, v]) => [env, valueJson(v)])),
    ...(history ? { history: Object.fromEntries(Object.entries(history).map(([env, events]) => [env, events.map(eventJson)])) } : {}),
    // `manual`, added later: the suggestion as a person's step where undrift would refuse to carry it out.
    ...(verdict ? { verdict: withManual(d, verdict) } : {}),
    // Fields version 1 gained later come after the ones it had.
    ...(presentIn ? { presentIn } : {}),
    ...(absentIn ? { absentIn } : {}),
    ...(violations ? { violations } : {}),
    ...(rules ? { rules } : {}),
  };
}

type Window = { since?: string | undefined; until?: string | undefined };

/** Each divergent key's one timeline, made when asked for. */
function* timelineEntries(scan: Scan, window?: Window): Generator<[KeyPath, ScanJson['timelines'][KeyPath]]> {
  for (const [key, divergences] of byKey(scan.divergences)) yield [key, timelineOf(divergences, scan, window)];
}

/** One key's timeline, from its divergences. */
const timelineOf = (divergences: readonly Divergence[], scan: Scan, window?: Window): ScanJson['timelines'][KeyPath] =>
  keyTimeline(divergences, scan.snapshot.environments).map((e) => (window ? { ...e, inWindow: insideWindow(e, window.since, window.until) } : e));

/** The document's members in order; the two large ones (`divergences`, `timelines`) are what
 * the caller gives. */
function jsonDocument<D, T>(scan: Scan, divergences: D, timelines: T) {
  return {
    version: 1 as const,
    repo: scan.repoRoot,
    config: scan.config.source,
    environments: scan.snapshot.environments,
    promotion: scan.config.promotion,
    contract: scan.config.contract.file,
    live: Object.fromEntries(
      [...(scan.snapshot.live?.values() ?? [])].map((state) => [
        state.env,
        {
          status: state.status,
          source: state.source,
          ...(state.reason ? { reason: state.reason } : {}),
          ...(state.unread?.length ? { unread: state.unread } : {}),
          ...(state.history
            ? {
                history: {
                  revisions: state.history.revisions.length,
                  releases: state.history.releases.length,
                  events: state.history.events,
                  ...(state.history.notes.length ? { notes: state.history.notes } : {}),
                },
              }
            : {}),
        },
      ]),
    ),
    divergences,
    ...(scan.history?.truncatedAt ? { historyTruncatedAt: scan.history.truncatedAt } : {}),
    notes: scan.notes,
    warnings: scan.warnings,
    ...(scan.patterns.length > 0
      ? { patterns: scan.patterns.map((p) => ({ glob: p.glob, reason: p.reason, count: p.keys.length, keys: p.keys, allowed: p.allowed })) }
      : {}),
    summary: summarize(scan.divergences),
    timelines,
  };
}

export function toJson(scan: Scan, window?: Window): ScanJson {
  return jsonDocument(scan, scan.divergences.map(divergenceJson), Object.fromEntries(timelineEntries(scan, window)));
}

const DIVERGENCES = Symbol('divergences');
const TIMELINES = Symbol('timelines');

/** `JSON.stringify(value, null, 2)` of a value nested `pad` deep (an even number of spaces): the
 * value is written inside as many one-item lists as that is levels, and the lists' own lines cut
 * off; re-indenting each line of 44 MB of JSON afterwards was a tenth of a re-run. */
const nested = (value: unknown, pad: string): string => {
  if (value === undefined) return 'null';
  let wrapped: unknown = value;
  for (let level = 0; level < pad.length / 2; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // `[\n  [\n    <value>\n  ]\n]`: each level adds `[\n` + its indentation before, `\n` + it + `]` after.
  let head = 0;
  let tail = text.length;
  for (let level = 0; level < pad.length / 2; level++) {
    head += 2 + 2 * (level + 1);
    tail -= 2 + 2 * level;
  }
  return text.slice(head, tail);
};

/** Whether JSON.stringify treats the key as an array index (written first, ascending). */
const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** An object's entries in the order JSON.stringify writes them. */
function ordered<T>(entries: Array<[string, T]>): Array<[string, T]> {
  const indices = entries.filter(([key]) => isIndex(key)).sort(([a], [b]) => Number(a) - Number(b));
  return [...indices, ...entries.filter(([key]) => !isIndex(key))];
}

/** What an earlier run rendered, to be written again where a divergence or a key's timeline is
 * made from the same inputs: each has an id (its inputs' key), and `kept` gives the bytes kept
 * under an id, already terminal-safe. */
export interface JsonSplice {
  /** A divergence's id, and whether what was kept under it can be written again (its verdict is
   * the one it was rendered with); undefined when it has none. */
  divergence(d: Divergence): { id: string; reuse: boolean } | undefined;
  /** A key's timeline's id, from its divergences; undefined when it has none. */
  timeline(key: KeyPath, divergences: readonly Divergence[]): string | undefined;
  kept(id: string): Buffer | undefined;
}

/** A piece of the output: its text (or the kept bytes), and the id of what it renders, if any. */
export interface JsonPart {
  text: string | Buffer;
  id?: string;
}

/**
 * The text of `renderJson`, in pieces: the same bytes, but each divergence and each key's
 * timeline made, written and dropped one at a time. A Helm repository's JSON is ~44 MB: held as
 * one string beside the object tree it came from, it was most of a scan's peak memory.
 */
export function* jsonPieces(scan: Scan, window?: Window): Generator<string> {
  for (const part of jsonParts(scan, window)) yield part.text as string;
}

/** The same pieces, each divergence's and each timeline's apart with its id; with `splice`, those
 * kept from an earlier run are its bytes (after one new commit, nearly all of them). */
export function* jsonParts(scan: Scan, window?: Window, splice?: JsonSplice): Generator<JsonPart> {
  let open = '{';
  for (const [key, value] of Object.entries(jsonDocument(scan, DIVERGENCES, TIMELINES))) {
    if (value === undefined) continue; // as JSON.stringify leaves it out
    yield { text: `${open}\n  ${JSON.stringify(key)}: ` };
    open = ',';
    if (value === DIVERGENCES || value === TIMELINES) {
      const [start, end] = value === DIVERGENCES ? ['[', ']'] : ['{', '}'];
      let sep = start;
      if (value === DIVERGENCES)
        for (const d of scan.divergences) {
          yield { text: sep };
          sep = ',';
          const id = splice?.divergence(d);
          const kept = id?.reuse ? splice!.kept(id.id) : undefined;
          yield { text: kept ?? jsonSafe(`\n    ${nested(divergenceJson(d), '    ')}`), ...(id ? { id: id.id } : {}) };
        }
      else if ([...byKey(scan.divergences).keys()].some(isIndex)) {
        // JSON.stringify writes an object's array-index keys first: rare here, and then all the
        // timelines are made at once to order them.
        for (const [k, timeline] of ordered([...timelineEntries(scan, window)])) {
          yield { text: jsonSafe(`${sep}\n    ${JSON.stringify(k)}: ${nested(timeline, '    ')}`) };
          sep = ',';
        }
      } else
        for (const [k, divergences] of byKey(scan.divergences)) {
          yield { text: sep };
          sep = ',';
          const id = splice?.timeline(k, divergences);
          const kept = id === undefined ? undefined : splice!.kept(id);
          yield { text: kept ?? jsonSafe(`\n    ${JSON.stringify(k)}: ${nested(timelineOf(divergences, scan, window), '    ')}`), ...(id ? { id } : {}) };
        }
      yield { text: sep === start ? `${start}${end}` : `\n  ${end}` };
    } else yield { text: jsonSafe(nested(value, '  ')) };
  }
  yield { text: open === '{' ? '{}\n' : '\n}\n' };
}

/** Exact JSON whose text is terminal-safe too (control and format characters as JSON escapes). */
export const renderJson = (scan: Scan, window?: Window): string => [...jsonPieces(scan, window)].join('');
