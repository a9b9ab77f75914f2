// A live value a person accepted while the repo says otherwise (`live_differences:` in the
// contract): held, the repo-vs-live row is no drift, as a held expected difference is none;
// expired, changed again, or agreed with by the repo, the row says why it is back.
import { listsText, type Contract, type ContractEntry } from '../config/contract.js';
import type { ContractRef, EnvName, KeyPath } from '../model/types.js';
import { SecretFingerprint } from '../parse/fingerprint.js';
import { contractRef, isExpired } from './compare.js';

/** The contract's acceptance of `env`'s live value of `key`, if it has one. */
export function acceptanceFor(contract: Contract, key: KeyPath, env: EnvName): ContractEntry | undefined {
  return contract.live?.find((e) => e.pattern === key && e.allowed.has(env));
}

/** The value an acceptance names for `env`, as written. */
export function acceptedText(entry: ContractEntry, env: EnvName): string | undefined {
  const allowed = entry.allowed.get(env);
  return allowed?.kind === 'exact' ? allowed.text : undefined;
}

export const acceptanceRef = (entry: ContractEntry, today: string): ContractRef => ({ ...contractRef(entry, today), section: 'live_differences' });

/** Whether `env` runs the accepted value and the acceptance is in force on `today`; else the note
 * that says why the row is drift again ("accepted until 2026-12-01: expired", "accepted 20, now
 * runs 30"). */
export function judgeAcceptance(entry: ContractEntry, env: EnvName, live: string | null, today: string): { held: true } | { held: false; why: string } {
  const accepted = acceptedText(entry, env)!;
  const runs = live !== null && listsText(entry.allowed.get(env)!, live);
  if (isExpired(entry, today))
    return {
      held: false,
      why: `${env}'s live ${JSON.stringify(accepted)} was accepted until ${entry.expires} (${entry.location}): expired${runs ? '' : `, and ${env} now runs ${JSON.stringify(live)}`}`,
    };
  if (runs) return { held: true };
  // A fingerprint is keyed per clone (.git/undrift/fingerprint-key): one accepted in another clone
  // never matches here, which reads the same as a changed secret.
  const keyed =
    SecretFingerprint.isFingerprint(accepted) || SecretFingerprint.isFingerprint(live)
      ? ` (or it was accepted in another clone: Secret fingerprints are keyed per clone, .git/undrift/fingerprint-key)`
      : '';
  return {
    held: false,
    why: `${env}'s live ${JSON.stringify(accepted)} was accepted (${entry.location}); ${env} now runs ${live === null ? 'nothing (absent)' : JSON.stringify(live)}${keyed}`,
  };
}
