// A live value a person accepted while the repo says otherwise (`live_differences:` in the
// contract): held, the repo-vs-live row is no drift, as a held expected difference is none;
// expired, changed again, or agreed with by the repo, the row says why it is back.
import { changeTime, listsText, type Allowed, type Contract, type ContractEntry } from '../config/contract.js';
import type { ContractRef, EnvName, KeyPath, Provenance } from '../model/types.js';
import { SecretFingerprint } from '../parse/fingerprint.js';
import { contractRef, isExpired } from './compare.js';

/** The contract's acceptance of `env`'s live value of `key`, if it has one. */
export function acceptanceFor(contract: Contract, key: KeyPath, env: EnvName): ContractEntry | undefined {
  return contract.live?.find((e) => e.pattern === key && e.allowed.has(env));
}

/** The value an acceptance names for `env`, as written (none for one accepted by its change). */
export function acceptedText(entry: ContractEntry, env: EnvName): string | undefined {
  const allowed = entry.allowed.get(env);
  return allowed?.kind === 'exact' ? allowed.text : undefined;
}

/** What was accepted, as a row says it: `"20"`, or `as changed by kubectl-edit at 2026-11-21T10:00:00Z`. */
export function acceptedWords(entry: ContractEntry, env: EnvName): string {
  const allowed = entry.allowed.get(env);
  return allowed?.kind === 'change' ? `as changed by ${allowed.manager} at ${allowed.time}` : JSON.stringify(acceptedText(entry, env));
}

export const acceptanceRef = (entry: ContractEntry, today: string): ContractRef => ({ ...contractRef(entry, today), section: 'live_differences' });

/** Whether the live field is still as the accepted change left it: the managedFields entry that
 * owns it now is that change's (its manager, at its time). Any later write of the field moves the
 * owner or its time; so does a later write of another field by the same manager (the entry's time
 * is its newest write), which brings the row back to be looked at again. */
const sameChange = (accepted: Extract<Allowed, { kind: 'change' }>, owner: Provenance | undefined): boolean =>
  owner !== undefined && owner.manager === accepted.manager && owner.time !== null && changeTime(owner.time) === accepted.time;

/** Whether `env` runs the accepted value and the acceptance is in force on `today`; else the note
 * that says why the row is drift again ("accepted until 2026-12-01: expired", "accepted 20, now
 * runs 30", "accepted as changed by kubectl-edit at …; changed again by … at …"). `owner` is who
 * last wrote the live field (its managedFields entry), when the live state carries them. */
export function judgeAcceptance(
  entry: ContractEntry,
  env: EnvName,
  live: string | null,
  today: string,
  owner?: Provenance,
): { held: true } | { held: false; why: string } {
  const allowed = entry.allowed.get(env)!;
  const accepted = acceptedWords(entry, env);
  const shownLive = live === null ? 'nothing (absent)' : JSON.stringify(live);
  if (allowed.kind === 'change') {
    const was = `${env}'s live ${entry.pattern} was accepted as changed by ${allowed.manager} at ${allowed.time}`;
    const runs = live !== null && sameChange(allowed, owner);
    if (isExpired(entry, today))
      return { held: false, why: `${was} until ${entry.expires} (${entry.location}): expired${runs ? '' : `, and ${since(owner, live)}`}` };
    if (runs) return { held: true };
    return { held: false, why: `${was} (${entry.location}); ${since(owner, live)}` };
  }
  const runs = live !== null && listsText(allowed, live);
  if (isExpired(entry, today))
    return {
      held: false,
      why: `${env}'s live ${accepted} was accepted until ${entry.expires} (${entry.location}): expired${runs ? '' : `, and ${env} now runs ${shownLive}`}`,
    };
  if (runs) return { held: true };
  // A fingerprint is keyed per clone (.git/undrift/fingerprint-key): one accepted in another clone
  // never matches here, which reads the same as a changed secret. It is written only where the live
  // state carried no managedFields to accept the Secret by the change that set it.
  const keyed =
    SecretFingerprint.isFingerprint(acceptedText(entry, env) ?? null) || SecretFingerprint.isFingerprint(live)
      ? ` (or it was accepted in another clone: an acceptance by fingerprint holds only in the clone that wrote it, ` +
        `its key being .git/undrift/fingerprint-key; accepted from a live state read with managedFields, a Secret is accepted by the change that set it, in every clone)`
      : '';
  return { held: false, why: `${env}'s live ${accepted} was accepted (${entry.location}); ${env} now runs ${shownLive}${keyed}` };
}

/** The live change that last set a field, as an acceptance names it; none where the live state
 * carries no managedFields (or the entry has no time). */
export function changeOf(owner: Provenance | undefined): Extract<Allowed, { kind: 'change' }> | undefined {
  const time = owner?.time ? changeTime(owner.time) : undefined;
  return owner && time ? { kind: 'change', time, manager: owner.manager } : undefined;
}

/** Since an accepted change: who changed the field again, when, or that nobody can tell. */
function since(owner: Provenance | undefined, live: string | null): string {
  if (live === null) return 'it no longer runs (absent)';
  if (!owner || owner.time === null)
    return 'the live state carries no managedFields to tell which change set it (a snapshot taken without --show-managed-fields)';
  return `changed again by ${owner.manager} at ${changeTime(owner.time) ?? owner.time}`;
}
