// The whole log as the verdict reads it: every commit that changed any key of any environment,
// with what it changed. Links between commits (the same ticket, siblings changed together) are
// found here.
import type { EnvName, HistoryEvent, KeyPath } from '../model/types.js';

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

export interface CommitLog {
  commits: Map<string, LoggedCommit>;
  /** Ticket id (upper case) → commits citing it. */
  byTicket: Map<string, string[]>;
  /** env → key → events, newest first. */
  envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>;
}

// Jira-style ids (QA-1204, INC-2041, OPS-7); not versions or dates (UTF-8, ISO-8601).
const TICKET = /\b([A-Z][A-Z0-9]{1,9})-(\d{1,7})\b/g;
const NOT_TICKETS = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'HTTP', 'TLS', 'SSL', 'AES', 'RSA', 'X', 'V', 'PG', 'GPT', 'CVE']);

export function ticketsIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(TICKET)) if (!NOT_TICKETS.has(m[1]!)) found.add(`${m[1]}-${m[2]}`);
  return [...found];
}

/** Builds the log from a history (env → key → events). Pure. */
export function buildLog(envs: Map<EnvName, Map<KeyPath, HistoryEvent[]>>): CommitLog {
  const commits = new Map<string, LoggedCommit>();
  for (const [env, keys] of envs) {
    for (const [key, events] of keys) {
      for (const event of events) {
        let c = commits.get(event.commit);
        if (!c) commits.set(event.commit, (c = { facts: event, changes: [] }));
        c.changes.push({ env, key, event });
      }
    }
  }
  const byTicket = new Map<string, string[]>();
  for (const [sha, c] of commits) {
    for (const t of ticketsIn(`${c.facts.subject}\n${c.facts.body}`)) byTicket.set(t, [...(byTicket.get(t) ?? []), sha]);
  }
  return { commits, byTicket, envs };
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
