// A revert followed by its reapply: the reapply stands. `git revert` of a revert ("Reapply "X"",
// "Revert "Revert "X""", or a body "This reverts commit <the revert>") says the undo was a mistake
// and the original change is wanted again. The original change is the decision; the reapply only
// restores it. An environment the original change set and the reapply left out (its file dropped
// when the reapply was redone by hand, a conflict, a partial cherry-pick) still holds what the revert
// put back: it was left out, not kept apart — unless the reapply's own text names that environment
// (then what it says about it is weighed by the other readers, not assumed here).
//
// The revert and its reapply are one mistake and its correction, not two decisions: they are not
// counted as the value flapping (quality.ts).
import type { EnvName, HistoryEvent } from '../model/types.js';
import type { CommitLog, Message } from './log.js';
import { mentions } from './envnames.js';

// Git's own subjects: `Reapply "X"` (git ≥ 2.36 for a revert of a revert), `Revert "Revert "X""`; and
// `Reland "X"`, `Re-apply "X"` as teams write them by hand. Read by their ends, not by a pattern
// around the title (a title is any text, quotes included).
const REAPPLY_LEAD = /^(?:Reapply|Re-apply|Reland|Re-land)\s+"/i;
const REVERT_LEAD = /^Revert\s+"/;
/** The title inside `lead "…"`, if `subject` is that. */
function quotedAfter(subject: string, lead: RegExp, closing = '"'): string | undefined {
  const t = subject.trim();
  const m = lead.exec(t);
  if (!m || !t.endsWith(closing) || t.length <= m[0].length + closing.length) return undefined;
  return t.slice(m[0].length, t.length - closing.length).trim();
}
/** The title a `Revert "X"` subject reverts. */
const revertedTitle = (subject: string): string | undefined => quotedAfter(subject, REVERT_LEAD);
const REVERTS_COMMIT = /\bthis reverts commit ([0-9a-f]{7,40})\b/i;

/** What a commit says of itself. A revert's subject quotes the title of the change it undoes
 * (`Revert "align staging with prod"`): those are the undone change's words, and the revert means
 * their opposite, so only its body speaks for it. A reapply (`Revert "Revert "X""`) means X again. */
export function ownWords(subject: string, body: string): string {
  const undone = revertedTitle(subject);
  if (undone === undefined || reappliedSubject(subject) !== undefined) return `${subject}\n${body}`;
  return body;
}

/** The subject the reapplied change had, if `subject` is a reapply's ("Reapply "X"" → X). */
export function reappliedSubject(subject: string): string | undefined {
  const reapplied = quotedAfter(subject, REAPPLY_LEAD);
  if (reapplied) return reapplied;
  // `Revert "Revert "X""`: a revert whose title is itself a revert's.
  const inner = revertedTitle(subject);
  return inner !== undefined && REVERT_LEAD.test(inner) && inner.endsWith('"') ? revertedTitle(inner) : undefined;
}

const bySha = (log: CommitLog, sha: string): (Message & { order: number }) | undefined => {
  const whole = log.messages.get(sha);
  if (whole) return whole;
  for (const [full, m] of log.messages) if (full.startsWith(sha.toLowerCase())) return m;
  return undefined;
};

/** The change a reapply restores, and the revert it undoes: by the shas git wrote in the bodies
 * where they resolve, else by the subjects (a rebase or a rewritten history changes the shas). */
export function reappliedChange(
  reapply: { commit: string; subject: string; body: string; date: string },
  log: CommitLog,
): { original: Message; revert?: Message } | undefined {
  const named = REVERTS_COMMIT.exec(reapply.body)?.[1];
  const revertBySha = named ? bySha(log, named) : undefined;
  const subject = reappliedSubject(reapply.subject) ?? (revertBySha ? revertedTitle(revertBySha.subject) : undefined);
  if (!subject) return undefined;
  const before = Date.parse(reapply.date);
  const older = [...log.messages.values()].filter((m) => m.sha !== reapply.commit && Date.parse(m.date) <= before);
  const revert = revertBySha ?? older.find((m) => revertedTitle(m.subject) === subject);
  const originalSha = revert ? REVERTS_COMMIT.exec(revert.body)?.[1] : undefined;
  const original =
    (originalSha ? bySha(log, originalSha) : undefined) ??
    older.find((m) => m.subject.trim() === subject && (!revert || Date.parse(m.date) <= Date.parse(revert.date)) && m.sha !== revert?.sha);
  if (!original) return undefined;
  return { original, ...(revert ? { revert } : {}) };
}

/** An environment the original change set to `value` and the reapply left out: it still holds what
 * it held before the original change, has not changed since the revert, and the reapply's text does
 * not name it. */
export interface LeftOut {
  original: Message;
  revert?: Message;
}

export function leftOutOfReapply(
  reapply: HistoryEvent,
  env: EnvName,
  value: string | null,
  held: string | null,
  events: readonly HistoryEvent[],
  log: CommitLog | undefined,
): LeftOut | undefined {
  if (!log) return undefined;
  const found = reappliedChange(reapply, log);
  if (!found) return undefined;
  if (mentions(`${reapply.subject}\n${reapply.body}`, env)) return undefined;
  const set = events.find((e) => e.commit === found.original.sha);
  // The original change set this environment to the reapplied value.
  if (!set || set.to !== value || set.from !== held) return undefined;
  // Nothing changed it since the revert (or since the original, where the revert is not found).
  const since = found.revert ? events.find((e) => e.commit === found.revert!.sha) : set;
  if (!since) return undefined;
  const newest = [...events].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || Date.parse(b.date) - Date.parse(a.date))[0];
  if (newest?.commit !== since.commit) return undefined;
  // The reapply did not touch it.
  if (events.some((e) => e.commit === reapply.commit)) return undefined;
  return found;
}

/** Events of a revert and the reapply that undid it, which together are no change of mind. */
export function revertPairs(events: readonly HistoryEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    const subject = reappliedSubject(e.subject);
    if (!subject) continue;
    const revert = events.find((r) => revertedTitle(r.subject) === subject && Date.parse(r.date) <= Date.parse(e.date));
    if (revert) out.add(e.commit).add(revert.commit);
  }
  return out;
}
