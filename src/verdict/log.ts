// The whole log as the verdict reads it: every commit that changed any key of any environment,
// with what it changed. Links between commits (the same ticket, siblings changed together) are
// found here.
import type { CommitFacts, EnvName, HistoryEvent, KeyPath } from '../model/types.js';
import { ownEvent, ownWords, recordedKeysIn } from './own-commits.js';

/** The name the contract file's history goes by among the environments' histories. */
export const CONTRACT_HISTORY = '(contract)';

export interface LoggedChange {
  env: EnvName;
  key: KeyPath;
  event: HistoryEvent;
}

export interface LoggedCommit {
  /** One of its events, for the commit's facts (author, dates, message). */
  facts: HistoryEvent;
  changes: LoggedChange[];
}

/** A commit's message, whatever it changed (see src/git/messages.ts). */
export interface Message extends CommitFacts {
  sha: string;
  parents: string[];
  /** The paths it touched, where read (none for a merge or a sweep of many files). */
  files?: string[];
  /** The keys whose decisions it records, where undrift's apply wrote it (own-commits.ts): its
   * body is then read as its own words only, and it speaks for these keys alone. */
  recorded?: readonly string[];
}

export interface CommitLog {
  /** Commits that changed a key of an environment (the contract file's commits too, with no changes). */
  commits: Map<string, LoggedCommit>;
  /** Ticket id (upper case) → commits citing it, also those that changed no key. */
  byTicket: Map<string, string[]>;
  /** env → key → events, newest first. Environments only: never the contract's pseudo-env. */
  envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
  /** Every commit's message (newest first by the graph), also those that changed no key. */
  messages: Map<string, Message & { order: number }>;
  /** A commit reached through the merged side of a merge → that merge, then the merge that
   * brought that one in, and so on (innermost first). */
  broughtBy: Map<string, string[]>;
  /** Prose documents at HEAD (post-mortems, runbooks, notes), with the commit that last wrote
   * each: read only where they name a key (documents.ts). */
  documents: Document[];
}

/** A prose document at HEAD and the commit that last wrote it (see src/git/messages.ts). */
export interface Document {
  path: string;
  text: string;
  sha: string;
}

// Jira-style ids (QA-1204, INC-2041, OPS-7), and year-numbered ones whole (PT-2026-07, AUD-2025-003: cut at
// the year, every finding of a year would share one id); not versions or dates (UTF-8, ISO-8601).
// A tracker's key is written in the team's own capitals: "SỰ CỐ-231" cites CỐ-231, "ÄND-12" is a key as
// "CHG-12" is. The bounds are ASCII's word bounds, with a capital of any script inside.
const TICKET = /(?<![A-Za-z0-9_])(\p{Lu}[\p{Lu}0-9]{1,9})-(\d{1,7}(?:-\d{1,4}(?![\d-]))?)(?![A-Za-z0-9_])/gu;
// The first part of a longer id, right before a key: "EXC-" in "EXC-TLS-02".
const COMPOUND_BEFORE = /(?<![A-Za-z0-9_])\p{Lu}[\p{Lu}0-9]{1,9}-$/u;
const NOT_TICKETS = new Set(['UTF', 'ISO', 'SHA', 'HTTP', 'TLS', 'SSL', 'AES', 'RSA', 'X', 'V', 'PG', 'GPT', 'CVE']);
// A project's own RFC series (RFC-19, RFC-042) is an id like ADR-n; the IETF's are cited by numbers
// of four digits since 1996 (RFC-3339 timestamps, RFC-7231) or written with a space ("RFC 7231"),
// which TICKET never reads.
const IETF_RFC = /^\d{4,}$/;

// A pull request or issue by its number, where the text says it is one: "Merge pull request #871",
// "(#871)" after a title (GitHub's squash subject, a release note's item), "PR #871", "Fixes #412".
// A bare "#3" ("step #3") is no id.
const PULL = /(?:\bpull request\s+|\b(?:PR|MR)\s*|\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?)\s+|\()#(\d{2,7})(?![\w-])/gi;

export function ticketsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(TICKET)) {
    // A word that is no tracker's key alone (TLS-1, UTF-8) is one inside a longer id: "EXC-TLS-02" (a register's
    // exception for TLS) cites TLS-02, as "EXC-PWD-04" cites PWD-04, and a row citing it speaks of that id.
    const inLongerId = COMPOUND_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    if ((NOT_TICKETS.has(m[1]!) && !inLongerId) || (m[1] === 'RFC' && IETF_RFC.test(m[2]!))) continue;
    found.add(`${m[1]}-${m[2]}`);
  }
  if (text.includes('#')) for (const m of text.matchAll(PULL)) found.add(`#${m[1]}`);
  return [...found];
}

/** Builds the log from a history (env → key → events) and, where read, every commit's message
 * (newest first, children before parents). Pure. The contract file's history is not an
 * environment: its commits are known, but their changes are nobody's value. */
export function buildLog(history: Map<EnvName, Map<KeyPath, HistoryEvent[]>>, messageList: Message[] = [], documents: Document[] = []): CommitLog {
  const commits = new Map<string, LoggedCommit>();
  // undrift's own commits are read as their own words (own-commits.ts): in the messages, and in
  // the events of the keys they changed.
  messageList = messageList.map(ownMessage);
  const recorded = new Map(messageList.flatMap((m) => (m.recorded ? [[m.sha, m.recorded] as const] : [])));
  history = ownHistories(history, recorded, messageList.length === 0);
  const envs = new Map([...history].filter(([env]) => env !== CONTRACT_HISTORY));
  for (const [env, keys] of history) {
    for (const [key, events] of keys) {
      for (const event of events) {
        let c = commits.get(event.commit);
        if (!c) commits.set(event.commit, (c = { facts: event, changes: [] }));
        if (env !== CONTRACT_HISTORY) c.changes.push({ env, key, event });
      }
    }
  }
  const messages = new Map(messageList.map((m, order) => [m.sha, { ...m, order }]));
  const byTicket = new Map<string, string[]>();
  const texts = new Map<string, string>([...messages].map(([sha, m]) => [sha, `${m.subject}\n${m.body}`]));
  for (const [sha, c] of commits) if (!texts.has(sha)) texts.set(sha, `${c.facts.subject}\n${c.facts.body}`);
  for (const [sha, text] of texts) {
    for (const t of ticketsIn(text)) byTicket.set(t, [...(byTicket.get(t) ?? []), sha]);
  }
  return { commits, byTicket, envs, messages, broughtBy: mergesThatBrought(messageList), documents };
}

/** A message as the verdict reads it: where undrift wrote it, its own words (own-commits.ts). */
function ownMessage(m: Message): Message {
  const recorded = m.recorded ?? recordedKeysIn(m.body);
  return recorded ? { ...m, body: ownWords(m.body), recorded } : m;
}

/** The histories with each event of an undrift commit read as its own words about its key; the
 * same maps where no event is one (most logs). Where the messages were not read, an event's own
 * body tells (its trailers are there whole). */
function ownHistories(
  history: Map<EnvName, Map<KeyPath, HistoryEvent[]>>,
  recorded: ReadonlyMap<string, readonly string[]>,
  unread: boolean,
): Map<EnvName, Map<KeyPath, HistoryEvent[]>> {
  const recordedBy = (e: HistoryEvent) => recorded.get(e.commit) ?? (unread ? recordedKeysIn(e.body) : undefined);
  let out: Map<EnvName, Map<KeyPath, HistoryEvent[]>> | undefined;
  for (const [env, keys] of history) {
    let own: Map<KeyPath, HistoryEvent[]> | undefined;
    for (const [key, events] of keys) {
      if (!events.some((e) => recordedBy(e))) continue;
      own ??= new Map(keys);
      own.set(
        key,
        events.map((e) => ownEvent(e, key, recordedBy(e))),
      );
    }
    if (own) (out ??= new Map(history)).set(env, own);
  }
  return out ?? history;
}

/** The events of one divergence as the verdict reads them (`ownHistories`), the same objects as
 * the log's. */
export function ownEvents<T extends Record<string, HistoryEvent[]>>(history: T, key: KeyPath, log: CommitLog | undefined): T {
  const unread = !log || log.messages.size === 0;
  const recordedBy = (e: HistoryEvent) => log?.messages.get(e.commit)?.recorded ?? (unread ? recordedKeysIn(e.body) : undefined);
  // Each event's message looked up once, in order: the same look-ups as a pass that stops at the first
  // event with keys recorded and another over every event (the log is a recording view, reads.ts, and
  // this runs for every event of every divergence).
  const read = Object.entries(history).map(([env, events]) => [env, events, events.map((e) => recordedBy(e))] as const);
  if (!read.some(([, , recorded]) => recorded.some(Boolean))) return history;
  return Object.fromEntries(read.map(([env, events, recorded]) => [env, events.map((e, i) => ownEvent(e, key, recorded[i]))])) as T;
}

/** For each commit reached through a merge's merged side (not its first parent), the merges that
 * brought it in, innermost first. `list` is newest first with children before parents; merges are
 * taken oldest first, so a commit an older merge already brought in stays that merge's. */
export function mergesThatBrought(list: Message[]): Map<string, string[]> {
  const bySha = new Map(list.map((m) => [m.sha, m]));
  const mainLine = new Set<string>();
  for (let sha = list[0]?.sha; sha && !mainLine.has(sha); sha = bySha.get(sha)?.parents[0]) mainLine.add(sha);
  const owner = new Map<string, string>();
  for (const merge of [...list].reverse()) {
    if (merge.parents.length < 2) continue;
    const queue = merge.parents.slice(1);
    while (queue.length > 0) {
      const sha = queue.pop()!;
      if (mainLine.has(sha) || owner.has(sha) || !bySha.has(sha)) continue;
      owner.set(sha, merge.sha);
      queue.push(...bySha.get(sha)!.parents);
    }
  }
  const brought = new Map<string, string[]>();
  for (const sha of owner.keys()) {
    const chain: string[] = [];
    for (let m = owner.get(sha); m && chain.length < 5 && !chain.includes(m); m = owner.get(m)) chain.push(m);
    brought.set(sha, chain);
  }
  return brought;
}

// A merge's own words are boilerplate until its branch name: "Merge pull request #12 from
// acme/temp-qa-hack" says "temp qa hack".
const MERGE_BOILERPLATE = /^Merge (?:pull request #\d+ from [^/\s]+\/|branch '|remote-tracking branch '[^/]*\/|branch )?/i;

// What git itself writes into a cherry-pick's or a merge's message: "(cherry picked from commit …)"
// and the list of files a conflict was resolved in ("Conflicts:" and its indented paths, "#
// Conflicts:" as the editor leaves it). A file named there is where git stopped, not an
// environment the author speaks of.
const CHERRY_PICKED = /^[ \t]*\(cherry picked from commit [0-9a-f]{7,40}\)[ \t]*$/gim;
const CONFLICT_LIST = /^#?[ \t]*Conflicts:[ \t]*\n(?:#?[ \t]+\S[^\n]*(?:\n|$))+/gm;

/** The files a cherry-pick's or a merge's message lists under "Conflicts:". */
export function conflictsIn(body: string): string[] {
  return [...body.matchAll(CONFLICT_LIST)].flatMap((m) =>
    m[0]
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^#?[ \t]+/, '').trim())
      .filter(Boolean),
  );
}

/** A message's body without what git wrote into it (conflict lists, "cherry picked from"). */
export const withoutGitNotes = (body: string): string => body.replace(CONFLICT_LIST, '').replace(CHERRY_PICKED, '').trimEnd();

/** The text a change's intent is read from: its own message, then the messages of the merges
 * that brought it in (the pull request's title and description). */
export function intentText<T extends CommitFacts & { commit: string }>(event: T, log: CommitLog | undefined): T & { via: string[] } {
  const via = log?.broughtBy.get(event.commit) ?? [];
  const parts: string[] = [];
  for (const sha of via) {
    const merge = log!.messages.get(sha);
    if (!merge) continue;
    const title = merge.subject
      .replace(MERGE_BOILERPLATE, '')
      .replace(/'? into \S+$/, '')
      .replace(/'$/, '')
      .replace(/[-_/]+/g, ' ');
    parts.push(`${title}\n${withoutGitNotes(merge.body)}`.trim());
  }
  const extra = parts.filter((p) => p.length >= 12);
  return { ...event, body: [withoutGitNotes(event.body), ...extra].filter(Boolean).join('\n\n'), via: extra.length > 0 ? via : [] };
}

/** Position of an event in time by the commit graph: larger is newer. */
export function when(event: HistoryEvent): number {
  return event.order !== undefined ? -event.order : Number.NEGATIVE_INFINITY;
}

/** a newer than b, by the graph where known, else by committer date. */
export function newer(a: HistoryEvent, b: HistoryEvent): boolean {
  if (a.order !== undefined && b.order !== undefined) return a.order < b.order;
  return a.committed > b.committed;
}
