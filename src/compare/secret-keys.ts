import { liveWasRead, type EnvName, type EnvSnapshot, type KeyPath, type LiveState } from '../model/types.js';
import { SecretFingerprint } from '../parse/fingerprint.js';

/**
 * The keys where a live Secret meets the repository. A repo file's plaintext value for such a key
 * is a secret too: it is replaced, in every environment, by its fingerprint (the same HMAC the
 * live Secret's value gets), so no output prints it and no decision can copy it into a file or
 * the contract. Returns the keys, so history can be fingerprinted the same way.
 */
export function fingerprintSecretKeys(
  envs: Map<EnvName, EnvSnapshot>,
  live: Map<EnvName, LiveState> | undefined,
  fingerprint: SecretFingerprint,
): Set<KeyPath> {
  const keys = new Set<KeyPath>();
  for (const state of live?.values() ?? []) {
    if (!liveWasRead(state)) continue;
    for (const [key, value] of state.values) {
      if (value.type !== 'secret') continue;
      keys.add(key);
      if (value.manifestKey) keys.add(value.manifestKey);
    }
  }
  for (const snapshot of envs.values()) {
    for (const key of keys) {
      const value = snapshot.values.get(key);
      if (value && value.type !== 'secret') snapshot.values.set(key, fingerprint.value(Buffer.from(value.text ?? ''), value.location));
    }
  }
  return keys;
}

/** The keys a repository's files set with a plain value: a Helm release record's values for
 * these are shown; for any other key, only as fingerprints (a release's values can hold secrets). */
export function knownKeysOf(envs: Iterable<EnvSnapshot>): (key: KeyPath) => boolean {
  const known = new Set<KeyPath>();
  for (const snapshot of envs) for (const [key, value] of snapshot.values) if (value.type !== 'secret') known.add(key);
  return (key) => known.has(key);
}

/** A key that meets a live Secret is a secret in the Helm release records too. */
export function fingerprintReleaseValues(live: Map<EnvName, LiveState> | undefined, secretKeys: ReadonlySet<KeyPath>, fingerprint: SecretFingerprint): void {
  for (const state of live?.values() ?? []) {
    for (const release of state.history?.releases ?? []) {
      for (const key of Object.keys(release.values)) {
        const text = release.values[key] ?? null;
        if (secretKeys.has(key) && !SecretFingerprint.isFingerprint(text)) release.values[key] = fingerprint.ofText(text);
      }
    }
  }
}
