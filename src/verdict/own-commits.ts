// The commits undrift's own apply wrote (src/actions/messages.ts `commitMessage`), as the verdict
// reads them. Such a commit records decisions: for each key, the action (its subject line) and the
// operator's reason (`Reason: ...`). The rest of its body quotes evidence the verdict had already
// read when the decision was taken: the verdict's reasons ("staging's "8000" has stood for 644
// days", "changed together with env.FEATURE_X"), the history rows with other commits' subjects and
// shas, the live provenance. Read as the commit's own words, that quote named other keys (a
// sibling the verdict mentioned became "a commit that names the key"), lent other commits' time
// spans and dates to it ("for 644 days" read as a time limit, a history row's date as its
// deadline) and cited their tickets again. So the verdict reads such a commit as what it states:
// its subject, each decision's own subject line and the operator's reason, and for one key only
// the part about that key. Which commits are undrift's is told by their `Drift-Key` trailers
// (git reads them: `recorded` on a message; `recordedKeysIn` where only the text is at hand).
import type { HistoryEvent, KeyPath } from '../model/types.js';

// The trailer block apply ends its message with: `Drift-Key: KEY`, one per decision.
const DRIFT_KEY = /^Drift-Key:(.*)$/;
const TRAILER = /^[A-Za-z][\w-]*: /;
// A decision's own subject line (a commit of several decisions heads each part with it):
// `drift(prod): backfill env.TIMEOUT_MS=8000`, `drift: declare NEW_AUTH_FLOW (...)`.
const DECISION_LINE = /^drift(?:\([^)\n]{1,100}\))?: \S/;
const REASON = 'Reason: ';
// The lines apply writes after a reason, each quoting evidence: the verdict, its reasons, the
// history rows, where a live value came from.
const QUOTED = /^(?:Verdict: |Decided against it: |- |History:|Live [^:\n]{1,100}: written by )/;

/** The keys a message's trailers record (`Drift-Key`), where its last paragraph is a trailer block
 * holding them; undefined for any other message. */
export function recordedKeysIn(body: string): string[] | undefined {
  if (!body.includes('Drift-Key:')) return undefined;
  const last = body
    .trimEnd()
    .split(/\n[ \t]*\n/)
    .at(-1)!;
  const lines = last.split('\n');
  if (!lines.every((l) => TRAILER.test(l) || /^\s/.test(l))) return undefined;
  const keys = lines.flatMap((l) => DRIFT_KEY.exec(l)?.[1]?.trim() || []);
  return keys.length > 0 ? keys : undefined;
}

/** What an undrift commit's body states itself: each part's decision line (where the commit holds
 * several) and the operator's reason, without the trailers and without the evidence it quotes.
 * With `key`, only the part about that key (a part headed by another key's decision line is
 * another decision's). */
export function ownWords(body: string, key?: KeyPath): string {
  const parts = body.split(/\n[ \t]*\n/);
  const kept: string[] = [];
  for (const part of parts) {
    const lines = part.split('\n');
    if (lines.every((l) => TRAILER.test(l) || /^\s/.test(l)) && lines.some((l) => DRIFT_KEY.test(l))) continue;
    const head = DECISION_LINE.test(lines[0]!) ? lines[0]! : undefined;
    if (key !== undefined && head !== undefined && !namesKey(head, key)) continue;
    const own: string[] = head ? [head] : [];
    let inReason = false;
    for (const line of head ? lines.slice(1) : lines) {
      if (line.startsWith(REASON)) inReason = true;
      else if (QUOTED.test(line)) inReason = false;
      if (inReason) own.push(line);
    }
    if (own.length > 0) kept.push(own.join('\n'));
  }
  return kept.join('\n\n');
}

/** A decision line names its key whole: `backfill env.TIMEOUT_MS=8000`, `declare A (…)`. */
function namesKey(line: string, key: KeyPath): boolean {
  for (let at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
    const before = line[at - 1];
    const after = line[at + key.length];
    if ((before === undefined || before === ' ') && (after === undefined || after === ' ' || after === '=' || after === ',')) return true;
  }
  return false;
}

/** The event as the verdict reads it: where its commit is undrift's (`recorded` its keys), its body
 * is its own words about the event's key. The same object for the same event, wherever it is read
 * (the log's histories and the divergence's own). */
const owned = new WeakMap<HistoryEvent, HistoryEvent>();
export function ownEvent(event: HistoryEvent, key: KeyPath, recorded: readonly string[] | undefined): HistoryEvent {
  if (!recorded) return event;
  let own = owned.get(event);
  if (!own) owned.set(event, (own = { ...event, body: ownWords(event.body, key) }));
  return own;
}
