import type { Allowed, Contract } from '../config/contract.js';
import { liveWasRead, type EnvName, type EnvSnapshot, type HistoryEvent, type KeyPath, type LiveState } from '../model/types.js';
import { SecretFingerprint } from '../parse/fingerprint.js';
import { textWithPasswordsFingerprinted } from '../parse/url-passwords.js';

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
const ENV_SUFFIX = String.raw`(?: (?:dev|development|test|qa|uat|stage|staging|stg|preprod|prod|production|prd|live|sandbox))?`;
const CREDENTIAL_NAME = new RegExp(
  [
    String.raw`(?:^| )(?:password|passwd|pwd|pass|passphrase|secret|token|api ?key|apikey|private ?key|client ?secret|access ?key|secret ?key|`,
    // An environment's name after it (`JWT_SECRET_STAGING`, `dbPasswordProd`) where each environment has its own key.
    String.raw`auth ?token|credentials?|(?:signing|encryption|master|hmac) ?key|secret ?key ?base)${ENV_SUFFIX}$`,
  ].join(''),
);
// A password has no shape to tell it from a word, and a weak one is short (`ADMIN_PASSWORD=short1`)
// or all digits: under a name that says password any text or number is one. A key or token shorter than 8 characters is a
// placeholder (`API_KEY=short`): real ones are long.
const PASSWORD_NAME = new RegExp(String.raw`(?:^| )(?:password|passwd|pwd|pass|passphrase)${ENV_SUFFIX}$`);
const REFERENCE = /^(?:\$\{|\{\{|<[^>]*>$|(?:vault|ref\+\w+|arn|secretsmanager|awssm|gcpsm|azkv|op|sops|k8s|secret):)/i;
const CREDENTIAL_SHAPE = new RegExp(
  [
    String.raw`^(?:(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,}|gh[opsu]_[0-9A-Za-z]{30,}|github_pat_\w{30,}|`,
    String.raw`xox[abprs]-[0-9A-Za-z-]{10,}|(?:AKIA|ASIA)[0-9A-Z]{16}|glpat-[\w-]{20}|AIza[\w-]{35})$|-----BEGIN [A-Z ]*PRIVATE KEY-----`,
  ].join(''),
);

// A key that names the Kubernetes Secret a credential is kept in (`auth.existingSecret`, `tls.certSecret`,
// `imagePullSecret`, `caSecret`: Helm charts' convention) holds that object's name, not the credential:
// a lower-case DNS name with a hyphen or a dot, or of letters alone (`regcred`). A random-looking token
// there (letters and digits, no separator) is still taken for a credential.
const SECRET_OBJECT_NAME = /(?:^| )(?:existing|tls|cert|certificate|ca|ssl|pull|sealed|external|kube|k8s) secrets?$/;
const OBJECT_NAME = /^(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?)$/;
const namesSecretObject = (words: string, text: string) =>
  SECRET_OBJECT_NAME.test(words) && OBJECT_NAME.test(text) && (/[-.]/.test(text) || /^[a-z]+$/.test(text));

const wordsOfLeaf = (key: KeyPath) =>
  (key.split(/[.\]]/).filter(Boolean).at(-1) ?? key)
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z\d]+/g, ' ')
    .trim()
    .toLowerCase();

/** Does a repo file's value look like a credential written in plain text? */
export function looksLikeCredential(key: KeyPath, text: string | null, type: string): boolean {
  if (text === null || text.trim() === '' || REFERENCE.test(text.trim())) return false;
  const words = wordsOfLeaf(key);
  // A PIN or a weak password reads as a number (`redis.password: 123456`).
  if (type === 'number' || text.length < 8) return (type === 'string' || type === 'number') && PASSWORD_NAME.test(words);
  if (type !== 'string') return false;
  if (CREDENTIAL_SHAPE.test(text.trim())) return true;
  return CREDENTIAL_NAME.test(words) && !namesSecretObject(words, text.trim());
}

/** The keys a repo file sets to a plaintext credential in some environment (fingerprinted as a live
 * Secret's keys are, in every environment and in their history), and where, as `key (file:line)`,
 * each place once (a base file read by several environments is one place): fingerprints keep the
 * value off every screen, but git keeps it in every clone, so a person should move it to a Secret
 * and rotate it. One pass over the values serves both. */
export function plaintextCredentialsOf(envs: Iterable<EnvSnapshot>): { keys: Set<KeyPath>; places: string[] } {
  const keys = new Set<KeyPath>();
  const places = new Set<string>();
  for (const snapshot of envs)
    for (const [key, value] of snapshot.values)
      if (looksLikeCredential(key, value.text, value.type)) {
        keys.add(key);
        places.add(`${key} (${value.location.file}${value.location.line ? `:${value.location.line}` : ''})`);
      }
  return { keys, places: [...places] };
}

/** The scan's warning for the credentials written in plain text, naming at most five places. */
export function plaintextCredentialWarning(places: readonly string[]): string | undefined {
  if (places.length === 0) return undefined;
  const named = places.slice(0, 5).join(', ') + (places.length > 5 ? ` and ${places.length - 5} more` : '');
  return (
    `${places.length === 1 ? 'a credential is' : `${places.length} credentials are`} written in plain text in the repository's files: ${named}; ` +
    `undrift shows only fingerprints, but once committed git keeps ${places.length === 1 ? 'the value' : 'the values'} in every clone: ` +
    `move ${places.length === 1 ? 'it' : 'them'} to a Secret or a secret store and rotate ${places.length === 1 ? 'it if it was' : 'any that was'} committed`
  );
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

/** The contract with the values it writes for a secret key known by their fingerprints: the key's
 * values are compared as fingerprints, so an entry that lists them as written
 * (`tls.certSecret: {staging: api-tls-staging}`, a Secret's name under a name that says secret)
 * could otherwise never be met and would report every environment in violation; and no output
 * prints a secret's value, the contract's copy included. A glob entry keeps its texts for the other
 * keys it covers and is given the fingerprints beside them. A pattern (`/^https:/`, which a
 * fingerprint cannot meet) is left as it is. */
export function contractWithSecretsFingerprinted(contract: Contract, keys: ReadonlySet<KeyPath>, fingerprint: SecretFingerprint): Contract {
  if (keys.size === 0) return contract;
  const print = (text: string) => (text === 'null' || SecretFingerprint.isFingerprint(text) ? text : fingerprint.of(Buffer.from(text)));
  const prints = (texts: string[]) => texts.filter((text) => text !== 'null').map(print);
  const fingerprinted = (allowed: Allowed, glob: boolean): Allowed => {
    if (allowed.kind !== 'exact' && allowed.kind !== 'one_of') return allowed;
    const written = allowed.kind === 'exact' ? [allowed.text, ...(allowed.also ?? [])] : [...allowed.texts, ...(allowed.also ?? [])];
    if (glob) return { ...allowed, also: [...(allowed.also ?? []), ...prints(written)] };
    const also = (allowed.also ?? []).map(print);
    return allowed.kind === 'exact'
      ? { ...allowed, text: print(allowed.text), ...(also.length > 0 ? { also } : {}) }
      : { ...allowed, texts: allowed.texts.map(print), ...(also.length > 0 ? { also } : {}) };
  };
  let changed = false;
  const entries = contract.entries.map((entry) => {
    const glob = entry.glob !== undefined;
    if (glob ? ![...keys].some((key) => entry.glob!.test(key)) : !keys.has(entry.pattern)) return entry;
    changed = true;
    return { ...entry, allowed: new Map([...entry.allowed].map(([env, allowed]) => [env, fingerprinted(allowed, glob)])) };
  });
  return changed ? { ...contract, entries } : contract;
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

// A password inside a value (a URL's `user:pass@`, `?password=`, an ODBC `Pwd=`) is fingerprinted
// where it stands, whatever the key (parse/url-passwords.ts), after the whole-value fingerprints
// above: those are of the value as written, to meet a live Secret's bytes.
const passwordsOf = <T extends string | null | undefined>(text: T, fingerprint: SecretFingerprint): T =>
  (typeof text === 'string' ? textWithPasswordsFingerprinted(text, fingerprint) : text) as T;

function recordPasswordsFingerprinted(record: Record<string, string>, fingerprint: SecretFingerprint): Record<string, string>;
function recordPasswordsFingerprinted(record: Record<string, string | null>, fingerprint: SecretFingerprint): Record<string, string | null>;
function recordPasswordsFingerprinted(record: Record<string, string | null>, fingerprint: SecretFingerprint): Record<string, string | null> {
  let out: Record<string, string | null> | undefined;
  for (const [key, text] of Object.entries(record)) {
    const shown = passwordsOf(text, fingerprint);
    if (shown !== text) (out ??= { ...record })[key] = shown;
  }
  return out ?? record;
}

/** A value with the passwords inside its text, source text and note fingerprinted; the same object
 * where it holds none. */
function valuePasswordsFingerprinted<V extends { text: string | null; type: string; raw?: string; note?: string }>(
  value: V,
  fingerprint: SecretFingerprint,
): V {
  if (value.type === 'secret') return value;
  const text = passwordsOf(value.text, fingerprint);
  const raw = passwordsOf(value.raw, fingerprint);
  const note = passwordsOf(value.note, fingerprint);
  if (text === value.text && raw === value.raw && note === value.note) return value;
  return { ...value, text, ...(raw !== undefined ? { raw } : {}), ...(note !== undefined ? { note } : {}) };
}

function mapPasswordsFingerprinted<K, V extends { text: string | null; type: string }>(
  values: ReadonlyMap<K, V>,
  fingerprint: SecretFingerprint,
): Map<K, V> | undefined {
  let out: Map<K, V> | undefined;
  for (const [key, value] of values) {
    const shown = valuePasswordsFingerprinted(value, fingerprint);
    if (shown !== value) (out ??= new Map(values)).set(key, shown);
  }
  return out;
}

/** Each environment's values with the passwords inside them fingerprinted. */
export function envsWithPasswordsFingerprinted(envs: ReadonlyMap<EnvName, EnvSnapshot>, fingerprint: SecretFingerprint): Map<EnvName, EnvSnapshot> {
  return new Map(
    [...envs].map(([env, snapshot]) => {
      const values = mapPasswordsFingerprinted(snapshot.values, fingerprint);
      return [env, values ? { ...snapshot, values } : snapshot];
    }),
  );
}

/** Live states with the passwords inside their values, annotations, workload revisions' env, Helm
 * release records and Events fingerprinted. */
export function livePasswordsFingerprinted(live: Map<EnvName, LiveState> | undefined, fingerprint: SecretFingerprint): Map<EnvName, LiveState> | undefined {
  if (!live) return undefined;
  const out = new Map<EnvName, LiveState>();
  for (const [env, state] of live) {
    let values = mapPasswordsFingerprinted(state.values, fingerprint);
    for (const [key, value] of values ?? state.values) {
      const annotations = value.annotations && recordPasswordsFingerprinted(value.annotations, fingerprint);
      if (annotations && annotations !== value.annotations) (values ??= new Map(state.values)).set(key, { ...value, annotations });
    }
    const history = state.history && {
      ...state.history,
      releases: state.history.releases.map((release) => {
        const released = recordPasswordsFingerprinted(release.values, fingerprint);
        const description = passwordsOf(release.description, fingerprint);
        return released === release.values && description === release.description
          ? release
          : { ...release, values: released, ...(description !== undefined ? { description } : {}) };
      }),
      revisions: state.history.revisions.map((revision) => ({
        ...revision,
        containers: revision.containers.map((c) => ({ ...c, env: recordPasswordsFingerprinted(c.env, fingerprint) })),
      })),
      events: state.history.events.map((event) => ({ ...event, message: passwordsOf(event.message, fingerprint) })),
    };
    out.set(env, { ...state, ...(values ? { values } : {}), ...(history ? { history } : {}) });
  }
  return out;
}

/** An event with the passwords inside its values and its commit's message fingerprinted (`shown`:
 * a text as shown); the same object where it holds none. */
function eventPasswordsFingerprinted(e: HistoryEvent, shown: <T extends string | null>(text: T) => T): HistoryEvent {
  const from = shown(e.from);
  const to = shown(e.to);
  const subject = shown(e.subject);
  const body = shown(e.body);
  return from === e.from && to === e.to && subject === e.subject && body === e.body ? e : { ...e, from, to, subject, body };
}

/** Each environment's events with the passwords inside their values and commit messages fingerprinted. */
export function historyPasswordsFingerprinted(
  envs: ReadonlyMap<EnvName, Map<KeyPath, HistoryEvent[]>>,
  fingerprint: SecretFingerprint,
): Map<EnvName, Map<KeyPath, HistoryEvent[]>> {
  const out = new Map<EnvName, Map<KeyPath, HistoryEvent[]>>();
  // One commit's message comes with each key it changed, one value with each of its changes: each
  // text is looked at once.
  const seen = new Map<string, string>();
  const shown = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    let out = seen.get(text);
    if (out === undefined) seen.set(text, (out = passwordsOf(text, fingerprint)));
    return out as T;
  };
  for (const [env, byKey] of envs) {
    let copy: Map<KeyPath, HistoryEvent[]> | undefined;
    for (const [key, events] of byKey) {
      if (!events.some((e) => eventPasswordsFingerprinted(e, shown) !== e)) continue;
      (copy ??= new Map(byKey)).set(
        key,
        events.map((e) => eventPasswordsFingerprinted(e, shown)),
      );
    }
    out.set(env, copy ?? byKey);
  }
  return out;
}
