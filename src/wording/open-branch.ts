import type { KeyPath } from '../model/types.js';
import { terminalSafe } from './terminal-text.js';

// How an open undrift branch's change stands against the checkout now, said alike by the
// interactive view and `undrift log`.

/** What one open decision's commit did to a key in one file, beside the checkout's value now. */
export interface OpenChange {
  key: KeyPath;
  file: string;
  /** The value in the commit's parent, in the commit, and at HEAD; null where the key is absent. */
  before: string | null;
  after: string | null;
  now: string | null;
  secret: boolean;
}

/** One short clause on how an open branch's change stands against the checkout now, or undefined
 * when it still changes what it changed when made: `sets 3000, main now has 3000` (nothing left to
 * change), `sets 5000 → 8000, main changed since (now 9000)` (it was made over another value). */
export function openChangeNote(changes: OpenChange[], head: string): string | undefined {
  const show = (v: string | null) => (v === null ? '(none)' : terminalSafe(v));
  const where = (c: OpenChange) => (changes.length > 1 ? `${c.file}: ` : '');
  const notes: string[] = [];
  for (const c of changes) {
    // A secret's value is never said, not even as its fingerprint.
    const sets = c.secret ? 'sets a new secret value' : c.now === c.after ? `sets ${show(c.after)}` : `sets ${show(c.before)} → ${show(c.after)}`;
    if (c.now === c.after) notes.push(`${where(c)}${sets}, ${head} now has ${c.secret ? 'the same' : show(c.now)}`);
    else if (c.now !== c.before) notes.push(`${where(c)}${sets}, ${head} changed since${c.secret ? '' : ` (now ${show(c.now)})`}`);
  }
  return notes.length > 0 ? notes.join('; ') : undefined;
}
