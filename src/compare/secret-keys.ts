import { liveWasRead, type EnvName, type EnvSnapshot, type HistoryEvent, type KeyPath, type LiveState } from '../model/types.js';
import { SecretFingerprint } from '../parse/fingerprint.js';

// A repo file's plaintext value for a key where a live Secret meets the repository is a secret
// too: it is replaced, in every environment, by its fingerprint (the same HMAC the live Secret's
// value gets), so no output prints it and no decision can copy it into a file or the contract.
// Each function returns new objects where it fingerprints something and hands back the ones it was
// given otherwise: what a reader read (an earlier scan's snapshot, a live state already shown,
// a cached history) is never changed under it.

/** The keys where a live Secret meets the repository. */
export function secretKeysOf(live: Map<EnvName, LiveState> | undefined): Set<KeyPath> {
  const keys = new Set<KeyPath>();
  for (const state of live?.values() ?? []) {
    if (!liveWasRead(state)) continue;
    for (const [key, value] of state.values) {
      if (value.type !== 'secret') continue;
      keys.add(key);
      if (value.manifestKey) keys.add(value.manifestKey);
    }
  }
  return keys;
}

// A credential written in a repo file (`API_KEY=sk_live_…` in a .env, `db.password` in a values file) is a
// secret whether or not a live Secret meets it: committing it was the leak, and a scan must not spread it
// into a terminal's scrollback, a report, a SARIF upload or a pull request's body. Its key names a
// credential as its last words (`API_KEY`, `db.password`, `stripeSecretKey`, `GITHUB_TOKEN`, not
// `PASSWORD_MIN_LENGTH`, `TOKEN_TTL` or `SECRET_NAME`) and its value is text that is not a reference to
// where the secret lives (`\${DB_PASSWORD}`, `{{ .Values.x }}`, `vault:…`, `ref+…`); or the value has the
// shape of a well-known credential, whatever its key.
const CREDENTIAL_NAME =
  /(?:^| )(?:password|passwd|pwd|secret|token|api ?key|apikey|private ?key|client ?secret|access ?key|secret ?key|auth ?token|credentials?)$/;
const REFERENCE = /^(?:\$\{|\{\{|<[^>]*>$|(?:vault|ref\+\w+|arn|secretsmanager|awssm|gcpsm|azkv|op|sops|k8s|secret):)/i;
const CREDENTIAL_SHAPE = new RegExp(
  [
    String.raw`^(?:(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,}|gh[opsu]_[0-9A-Za-z]{30,}|github_pat_\w{30,}|`,
    String.raw`xox[abprs]-[0-9A-Za-z-]{10,}|(?:AKIA|ASIA)[0-9A-Z]{16}|glpat-[\w-]{20}|AIza[\w-]{35})$|-----BEGIN [A-Z ]*PRIVATE KEY-----`,
  ].join(''),
);

const wordsOfLeaf = (key: KeyPath) =>
  (key.split(/[.\]]/).filter(Boolean).at(-1) ?? key)
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z\d]+/g, ' ')
    .trim()
    .toLowerCase();

/** Does a repo file's value look like a credential written in plain text? */
export function looksLikeCredential(key: KeyPath, text: string | null, type: string): boolean {
  if (text === null || type !== 'string' || text.length < 8 || REFERENCE.test(text.trim())) return false;
  return CREDENTIAL_SHAPE.test(text.trim()) || CREDENTIAL_NAME.test(wordsOfLeaf(key));
}

/** The keys a repo file sets to a plaintext credential in some environment: fingerprinted as a live
 * Secret's keys are, in every environment and in their history. */
export function credentialKeysOf(envs: Iterable<EnvSnapshot>): Set<KeyPath> {
  const keys = new Set<KeyPath>();
  for (const snapshot of envs) for (const [key, value] of snapshot.values) if (looksLikeCredential(key, value.text, value.type)) keys.add(key);
  return keys;
}

/** Each environment's values with the secret keys' plaintext replaced by fingerprints. */
export function withSecretsFingerprinted(
  envs: ReadonlyMap<EnvName, EnvSnapshot>,
  keys: ReadonlySet<KeyPath>,
  fingerprint: SecretFingerprint,
): Map<EnvName, EnvSnapshot> {
  const out = new Map<EnvName, EnvSnapshot>();
  for (const [env, snapshot] of envs) {
    const plain = [...keys].filter((key) => {
      const value = snapshot.values.get(key);
      return value !== undefined && value.type !== 'secret';
    });
    if (plain.length === 0) {
      out.set(env, snapshot);
      continue;
    }
    const values = new Map(snapshot.values);
    for (const key of plain) {
      const value = values.get(key)!;
      values.set(key, fingerprint.value(Buffer.from(value.text ?? ''), value.location));
    }
    out.set(env, { ...snapshot, values });
  }
  return out;
}

/** The keys a repository's files set with a plain value: a Helm release record's values for
 * these are shown; for any other key, only as fingerprints (a release's values can hold secrets). */
export function knownKeysOf(envs: Iterable<EnvSnapshot>): (key: KeyPath) => boolean {
  const known = new Set<KeyPath>();
  for (const snapshot of envs) for (const [key, value] of snapshot.values) if (value.type !== 'secret') known.add(key);
  return (key) => known.has(key);
}

/** The live states with a secret key's values fingerprinted in their Helm release records too. */
export function withReleaseSecretsFingerprinted(
  live: Map<EnvName, LiveState> | undefined,
  secretKeys: ReadonlySet<KeyPath>,
  fingerprint: SecretFingerprint,
): Map<EnvName, LiveState> | undefined {
  if (!live) return undefined;
  const plain = (text: string | null | undefined): text is string => typeof text === 'string' && !SecretFingerprint.isFingerprint(text);
  const out = new Map<EnvName, LiveState>();
  for (const [env, state] of live) {
    const history = state.history;
    if (!history?.releases.some((release) => [...secretKeys].some((key) => plain(release.values[key])))) {
      out.set(env, state);
      continue;
    }
    const releases = history.releases.map((release) => {
      const values = { ...release.values };
      for (const key of secretKeys) if (plain(values[key])) values[key] = fingerprint.ofText(values[key]);
      return { ...release, values };
    });
    out.set(env, { ...state, history: { ...history, releases } });
  }
  return out;
}

/** A value as a fingerprint, fingerprinted only if it is not one already. */
export const fingerprintOnce = (text: string | null, fingerprint: SecretFingerprint): string | null =>
  text === null || SecretFingerprint.isFingerprint(text) ? text : fingerprint.ofText(text);

/** Each environment's events with a secret key's values as fingerprints. */
export function historyWithSecretsFingerprinted(
  envs: ReadonlyMap<EnvName, Map<KeyPath, HistoryEvent[]>>,
  secretKeys: ReadonlySet<KeyPath>,
  fingerprint: SecretFingerprint,
): Map<EnvName, Map<KeyPath, HistoryEvent[]>> {
  const out = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
  for (const [env, byKey] of envs) {
    if (![...secretKeys].some((key) => byKey.has(key))) {
      out.set(env, byKey);
      continue;
    }
    const copy = new Map(byKey);
    for (const key of secretKeys) {
      const events = byKey.get(key);
      if (events)
        copy.set(
          key,
          // A Secret manifest's history is fingerprinted as it is read: fingerprinting it again made the
          // fingerprint of a fingerprint, which matched no live or file value (holdout-16/43).
          events.map((e) => ({ ...e, from: fingerprintOnce(e.from, fingerprint), to: fingerprintOnce(e.to, fingerprint) })),
        );
    }
    out.set(env, copy);
  }
  return out;
}
