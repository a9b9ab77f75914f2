import { createHash } from 'node:crypto';
import { allowsAbsence, describeAllowed, isIgnored, listsText, type Allowed, type Contract, type ContractEntry } from '../config/contract.js';
import {
  liveWasRead,
  type Compared,
  type ContractRef,
  type Divergence,
  type DivergenceKind,
  type DivergenceValue,
  type EnvName,
  type KeyNote,
  type KeyPath,
  type Severity,
  type Snapshot,
  type Value,
} from '../model/types.js';
import { slipOf, withSegmentsLeftOut } from '../wording/similar-keys.js';
import { keyNoteText } from '../wording/text.js';
import { splitManifestKey } from '../parse/keypath.js';
import { sameMeaning } from './same-meaning.js';

export interface CompareResult {
  divergences: readonly Compared[];
  /** Keys whose values agree only as text (`10000` vs `"10000"`): equal for env-style config, but worth knowing. */
  keyNotes: KeyNote[];
  /** The same, as the sentences the JSON output lists: `KEY: what differs`. */
  notes: string[];
}

/** Finds, for a key, the exact contract entry or else the first glob that matches it. */
export function entryFor(entries: ContractEntry[], key: KeyPath): ContractEntry | undefined {
  return entries.find((e) => !e.glob && e.pattern === key) ?? entries.find((e) => e.glob?.test(key));
}

export function isExpired(entry: ContractEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today;
}

export function allows(allowed: Allowed, value: Pick<Value, 'text'> | undefined): boolean {
  if (allowed.kind === 'any') return true;
  if (!value) return allowsAbsence(allowed);
  const text = value.text ?? 'null';
  if (allowed.kind === 'regex') return allowed.re.test(text);
  return listsText(allowed, text);
}

/** Each environment's Kubernetes objects, by `Kind/name`, as its manifest keys name them (made on first ask). */
function manifestObjectsOf(snapshot: Snapshot): (env: EnvName) => ReadonlySet<string> {
  const made = new Map<EnvName, Set<string>>();
  return (env) => {
    let ids = made.get(env);
    if (!ids) {
      ids = new Set();
      for (const key of snapshot.envs.get(env)?.values.keys() ?? []) {
        const parts = splitManifestKey(key);
        if (parts) ids.add(`${parts.kind}/${parts.name}`);
      }
      made.set(env, ids);
    }
    return ids;
  };
}

/** A field of an object the contract declares present in some environments only
 * (`PodDisruptionBudget/api: {staging: ~, production: any}`) is missing where the object is: that
 * is the declared difference itself, not one row per field. Only where the object is absent as a
 * whole in every environment lacking the field, and the entry allows each side as it stands. */
function declaredWithItsObject(
  active: ContractEntry[],
  key: KeyPath,
  present: EnvName[],
  absent: EnvName[],
  objectsIn: (env: EnvName) => ReadonlySet<string>,
): boolean {
  const parts = splitManifestKey(key);
  if (!parts || parts.rest === '') return false;
  const id = `${parts.kind}/${parts.name}`;
  const entry = active.find((e) => !e.glob && e.pattern === id);
  if (!entry) return false;
  const mayHold = (env: EnvName) => {
    const allowed = entry.allowed.get(env);
    return allowed !== undefined && !(allowed.kind === 'exact' && allowed.absent === true);
  };
  const mayLack = (env: EnvName) => {
    const allowed = entry.allowed.get(env);
    return allowed === undefined || allowsAbsence(allowed);
  };
  return present.every(mayHold) && absent.every((env) => mayLack(env) && !objectsIn(env).has(id));
}

/** A contract that writes "absent" (or none, missing, unset) where a key has no value meant no
 * value, which YAML writes as null: said, rather than a violation nobody can read. */
const absenceMeant = (allowed: Allowed, value: Value | undefined): string =>
  value === undefined && allowed.kind === 'exact' && !allowed.absent && /^(absent|none|missing|unset|not set|-)$/i.test(allowed.text.trim())
    ? ` (the text "${allowed.text}"; to allow no value, write ~)`
    : '';

export function divergenceId(kind: DivergenceKind, key: KeyPath): string {
  return createHash('sha1').update(`${kind}\0${key}`).digest('hex').slice(0, 12);
}

const shown = (value: Value | undefined) => (value === undefined ? 'nothing (absent)' : JSON.stringify(value.text));

export function contractRef(entry: ContractEntry, today: string): ContractRef {
  return {
    key: entry.pattern,
    location: entry.location,
    allowed: Object.fromEntries([...entry.allowed].map(([env, a]) => [env, describeAllowed(a)])),
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    ...(entry.owner !== undefined ? { owner: entry.owner } : {}),
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
    expired: isExpired(entry, today),
  };
}

/** Compares the environments of a snapshot key by key under the contract. Pure. `today` is
 * YYYY-MM-DD, for expiry. `outside`: the values of the configured environments left out of the
 * comparison (`--env`). They are never compared, but a contract entry is judged on every
 * environment it relates: whether a declared difference is gone as a whole (stale), or an expired
 * one still stands, is a fact of all of them, so the answer for production is the same whether
 * staging was asked for or not. */
export function compareEnvironments(
  snapshot: Snapshot,
  contract: Contract,
  today: string,
  outside: ReadonlyMap<EnvName, ReadonlyMap<KeyPath, Value>> = new Map(),
): CompareResult {
  const envs = snapshot.environments;
  const keys = new Set<KeyPath>();
  for (const env of envs) for (const key of snapshot.envs.get(env)!.values.keys()) keys.add(key);
  const outsideEnvs = [...outside.keys()].filter((env) => !envs.includes(env));
  const judgedEnvs = [...envs, ...outsideEnvs];
  const outsideHas = (key: KeyPath) => outsideEnvs.some((env) => outside.get(env)!.has(key));
  // A declared key only an environment left out holds is still judged for the ones compared
  // (production lacking a value the contract gives it).
  for (const entry of contract.entries) if (!entry.glob && outsideHas(entry.pattern)) keys.add(entry.pattern);
  // What the judgement read beyond the environments shown, said where it decides.
  const besides = (values: Map<EnvName, Value | undefined>) =>
    outsideEnvs.length === 0 ? '' : ` (${outsideEnvs.map((env) => `${env} ${shown(values.get(env))}`).join(', ')}: read for the contract, not compared)`;

  const active = contract.entries.filter((e) => !isExpired(e, today));
  const expired = contract.entries.filter((e) => isExpired(e, today));
  const objectsIn = manifestObjectsOf(snapshot);
  const divergences: Divergence[] = [];
  const keyNotes: KeyNote[] = [];

  const emit = (
    key: KeyPath,
    kind: DivergenceKind,
    severity: Severity,
    about: EnvName[],
    values: Map<EnvName, Value | undefined>,
    entry: ContractEntry | undefined,
    why: string[],
    extra: Pick<Divergence, 'presentIn' | 'absentIn' | 'violations' | 'fullKeys'> = {},
  ) => {
    const record: Record<EnvName, DivergenceValue> = {};
    for (const env of envs) {
      const v = values.get(env);
      record[env] = {
        repo: v?.text ?? null,
        live: null,
        at: v ? v.location : null,
        type: v?.type ?? null,
        ...(v?.note ? { note: v.note } : {}),
      };
    }
    divergences.push({
      id: divergenceId(kind, key),
      key,
      kind,
      severity,
      envs: about,
      values: record,
      declared: entry !== undefined && !isExpired(entry, today),
      contract: entry ? contractRef(entry, today) : null,
      notes: [...why, ...typeNotes(values)],
      ...extra,
    });
  };

  // A contract entry written with a key's last name only (`LOG_LEVEL`, where Helm values nest it as
  // `env.LOG_LEVEL`) declares nothing: the key it was meant for shows as drift and the entry as stale,
  // and removing it would drop what the team meant to declare. Each row names the other.
  const fullKeysOf = (name: string) => [...keys].filter((key) => key.endsWith(`.${name}`)).sort();
  const shortEntriesOf = (key: KeyPath) => contract.entries.filter((e) => !e.glob && !keys.has(e.pattern) && key.endsWith(`.${e.pattern}`));
  // Whether an entry's key is had anywhere: in the files, or live (a declaration may be about a
  // value only a live source reads).
  const liveHas = (key: KeyPath) =>
    [...(snapshot.live?.values() ?? [])].some(
      (state) => liveWasRead(state) && (state.values.has(key) || state.objects?.some((o) => `${o.kind}/${o.name}` === key)),
    );
  // An object or a grant declared expected where it is (`Role/api: {production: any}`,
  // `permissions[subject=User/x]: {staging: any}`) is had where the files define it, or where a
  // binding names the subject.
  const subjectOf = (key: KeyPath) => /^permissions\[subject=(.+)\]$/.exec(key)?.[1];
  const objectsHave = (key: KeyPath) => {
    const subject = subjectOf(key);
    const objects = [
      ...[...(snapshot.repoObjects?.values() ?? [])].flat(),
      ...[...(snapshot.live?.values() ?? [])].flatMap((state) => (liveWasRead(state) ? (state.objects ?? []) : [])),
    ];
    return objects.some((o) => (subject ? !!o.subjects?.includes(subject) : `${o.kind}/${o.name}` === key));
  };
  // Without a live source's objects, a declared object that no file defines (a hand-made CronJob, a
  // grant) cannot be told gone: calling it stale would suggest removing a declaration still needed.
  const objectsRead = [...(snapshot.live?.values() ?? [])].some((state) => liveWasRead(state) && state.objects);
  const namesObject = (key: KeyPath) =>
    !!subjectOf(key) || (/^[A-Z][A-Za-z0-9]*\/[a-z0-9][-a-z0-9.:]*$/.test(key) && !/\.(data|binaryData|containers|replicas)\b/.test(key));
  // The entries that declare what no environment has any more: each a stale declaration, and the
  // ones a drifting key is spelt almost as.
  const unmatched = contract.entries.filter(
    (e) => !e.glob && !keys.has(e.pattern) && !liveHas(e.pattern) && !objectsHave(e.pattern) && (objectsRead || !namesObject(e.pattern)),
  );
  // An entry a typing slip away from the key, naming no key itself: likely meant for this one.
  const misspeltEntriesOf = (key: KeyPath) =>
    unmatched.filter((e) => !key.endsWith(`.${e.pattern}`) && (slipOf(e.pattern, [key]) === key || withSegmentsLeftOut(e.pattern, [key]).length > 0));

  for (const key of [...keys].sort()) {
    if (isIgnored(contract, key)) continue;
    const values = new Map<EnvName, Value | undefined>(envs.map((env) => [env, snapshot.envs.get(env)!.values.get(key)]));
    const present = envs.filter((env) => values.get(env) !== undefined);
    const absent = envs.filter((env) => values.get(env) === undefined);
    const distinct = new Set(present.map((env) => values.get(env)!.text));
    const agree = absent.length === 0 && distinct.size <= 1;
    const entry = entryFor(active, key);
    // The same, over every environment the contract's judgements read.
    const judged = new Map(values);
    for (const env of outsideEnvs) judged.set(env, outside.get(env)!.get(key));
    const judgedAbsent = judgedEnvs.filter((env) => judged.get(env) === undefined);
    const judgedPresent = judgedEnvs.filter((env) => judged.get(env) !== undefined);
    const agreeAll = judgedAbsent.length === 0 && new Set(judgedPresent.map((env) => judged.get(env)!.text)).size <= 1;

    if (!entry && absent.length > 0 && present.length > 0 && declaredWithItsObject(active, key, present, absent, objectsIn)) continue;

    if (entry) {
      // Agreement makes a declaration stale when the declared difference is gone as a whole: every
      // environment holds a value its entry allows, or every named environment left its exact value
      // (a load test ended, both back to one size). An environment that left its value for one
      // another still holds (production now running staging's debug level) or a set it was bound
      // to (production scaled below its floor) breaks the contract: "stale, remove it" would
      // quietly legitimise that.
      const named = [...entry.allowed].filter(([env]) => judgedEnvs.includes(env));
      const everyExactLeft = named.every(([env, allowed]) => allowed.kind === 'exact' && !allows(allowed, judged.get(env)));
      const allAllowed = everyExactLeft || named.every(([env, allowed]) => allows(allowed, judged.get(env)));
      if (!entry.glob && agreeAll && allAllowed && judgedPresent.length > 1 && entry.allowed.size > 1) {
        // Said for the environments compared that the entry names; one it does not name has no part in it.
        const about = [...entry.allowed.keys()].filter((env) => !outsideEnvs.includes(env));
        if (outsideEnvs.length > 0 && !about.some((env) => envs.includes(env))) continue;
        emit(key, 'stale-declaration', 'info', about, values, entry, [
          `declared different, but every environment now holds ${shown(values.get(present[0]!))}${besides(judged)}: the declaration can be removed`,
        ]);
        continue;
      }
      const violations: string[] = [];
      const offenders: EnvName[] = [];
      // Each offender's own part, so a reader sees which environment breaks what.
      const each: Record<EnvName, string> = {};
      for (const [env, allowed] of entry.allowed) {
        if (!envs.includes(env) || allows(allowed, values.get(env))) continue;
        offenders.push(env);
        each[env] = `holds ${shown(values.get(env))}; the contract allows ${describeAllowed(allowed)}${absenceMeant(allowed, values.get(env))}`;
        violations.push(`${env} ${each[env]}`);
      }
      // Environments the entry does not name are not declared different: they must agree.
      const unnamed = envs.filter((env) => !entry.allowed.has(env));
      const unnamedTexts = new Set(unnamed.map((env) => values.get(env)?.text ?? '\0absent'));
      if (unnamed.length > 1 && unnamedTexts.size > 1) {
        offenders.push(...unnamed);
        violations.push(`${unnamed.join(', ')} are not named by the contract entry, so they must agree, but differ`);
        for (const env of unnamed) {
          const others = unnamed.filter((other) => other !== env).map((other) => `${other} ${shown(values.get(other))}`);
          each[env] = `holds ${shown(values.get(env))}; not named by the contract entry, it must agree with ${others.join(', ')}`;
        }
      }
      if (offenders.length > 0) emit(key, 'contract-violation', 'drift', offenders, values, entry, violations, { violations: each });
      continue;
    }

    const lapsed = entryFor(expired, key);
    if (agree) {
      const typed = typeNotes(values);
      if (typed.length > 0) keyNotes.push({ key, text: typed.join('; ') });
      // An expired declaration of a difference that still stands with an environment left out of
      // the comparison is not "every environment agrees": it is drift, as a full scan says.
      if (lapsed && !agreeAll) {
        const about = (judgedAbsent.length > 0 ? judgedAbsent : judgedEnvs).filter((env) => envs.includes(env));
        if (about.length > 0) emit(key, 'stale-declaration', 'drift', about, values, lapsed, [`${expiredWhy(lapsed)}${besides(judged)}`]);
        continue;
      }
      if (lapsed && !lapsed.glob) {
        emit(key, 'stale-declaration', 'info', envs, values, lapsed, [
          `the declaration expired on ${lapsed.expires} and every environment now agrees: it can be removed`,
        ]);
      }
      continue;
    }
    if (lapsed) {
      emit(key, 'stale-declaration', 'drift', absent.length > 0 ? absent : envs, values, lapsed, [expiredWhy(lapsed)]);
    } else if (absent.length > 0) {
      emit(
        key,
        'missing',
        'drift',
        absent,
        values,
        undefined,
        [`present in ${present.join(', ')}, absent in ${absent.join(', ')}`, ...(distinct.size > 1 ? [`and the environments that have it differ`] : [])],
        { presentIn: present, absentIn: absent },
      );
    } else {
      // One value written two ways is still shown: the spelling differs, and a reader should see that it is only the spelling.
      const amount = sameMeaning(
        key,
        envs.map((env) => values.get(env)!.text),
      );
      emit(key, 'cross-env', 'drift', envs, values, undefined, [
        `not declared in the contract, so it must be equal everywhere: ${envs.map((env) => `${env} ${shown(values.get(env))}`).join(', ')}`,
        ...(amount !== undefined ? [`the values mean the same (${amount}), written differently: write them one way`] : []),
        ...shortEntriesOf(key).map(
          (e) => `the contract’s ${e.pattern} (${e.location}) does not declare this key: a contract entry names the full key (${key}, or "*.${e.pattern}")`,
        ),
        ...misspeltEntriesOf(key).map(
          (e) => `the contract’s ${e.pattern} (${e.location}) names no key and is spelt almost as this one: is it misspelt? (${key})`,
        ),
      ]);
    }
  }

  // The keys whose difference is drift no entry declares, found once for every stale entry.
  let drifting: string[] | undefined;
  const undeclaredDrift = () => (drifting ??= divergences.filter((d) => d.severity === 'drift' && !d.contract).map((d) => d.key));
  for (const entry of unmatched) {
    const values = new Map<EnvName, Value | undefined>(envs.map((env) => [env, undefined]));
    const named = fullKeysOf(entry.pattern);
    // A slip of the key it was meant for (`service.replica` for `service.replicas`), whose
    // difference is then undeclared drift: removing the entry as unneeded would keep the drift and
    // lose the declaration (a newcomer's trial, session 32). Only a key that drifts undeclared: a
    // removed key beside a near name that agrees (DB_POOL_MAX, DB_POOL_MIN) is still stale.
    // A key's path with a part left out (`Certificate/api.renewBefore` for its `.spec.renewBefore`) is
    // taken as meant the same way.
    const misspelt =
      named.length === 0 ? (slipOf(entry.pattern, undeclaredDrift()) ?? onlyOne(withSegmentsLeftOut(entry.pattern, undeclaredDrift()))) : undefined;
    const fullKeys = misspelt ? [misspelt] : named;
    emit(
      entry.pattern,
      'stale-declaration',
      'info',
      [...entry.allowed.keys()].filter((env) => envs.includes(env)),
      values,
      entry,
      misspelt
        ? [
            `no key is named ${entry.pattern}, but ${misspelt} is, and its difference is not declared: is the entry misspelt? (write ${misspelt} if that difference is meant)`,
          ]
        : fullKeys.length === 0
          ? ['declared in the contract, but no environment has this key']
          : [
              `no key is named ${entry.pattern}, but ${fullKeys.join(', ')} ${fullKeys.length === 1 ? 'is' : 'are'}: ` +
                `a contract entry names the full key (write ${fullKeys.join(' or ')}, or "*.${entry.pattern}" for every key of that name)`,
            ],
      fullKeys.length === 0 ? {} : { fullKeys },
    );
  }

  divergences.sort((a, b) => (a.severity === b.severity ? a.key.localeCompare(b.key) : a.severity === 'drift' ? -1 : 1));
  return { divergences, keyNotes, notes: keyNotes.map(keyNoteText) };
}

function expiredWhy(lapsed: ContractEntry): string {
  return (
    `the contract declared it (${lapsed.glob ? `as ${lapsed.pattern}, ` : ''}${lapsed.location}) until ${lapsed.expires}; ` +
    'that declaration has expired, so the difference is no longer covered'
  );
}

/** `10000` in one file and `"10000"` in another are the same to an app reading env-style config,
 * but the difference is worth a note. */
function typeNotes(values: Map<EnvName, Value | undefined>): string[] {
  const byText = new Map<string, Map<string, EnvName[]>>();
  for (const [env, v] of values) {
    if (!v || v.text === null) continue;
    const types = byText.get(v.text) ?? new Map<string, EnvName[]>();
    types.set(v.type, [...(types.get(v.type) ?? []), env]);
    byText.set(v.text, types);
  }
  const out: string[] = [];
  for (const [text, types] of byText) {
    if (types.size < 2) continue;
    const parts = [...types].map(([type, envs]) => `${type} in ${envs.join(', ')}`);
    out.push(`${JSON.stringify(text)} is written as ${parts.join(' but as ')} (equal as text)`);
  }
  return out;
}

const onlyOne = (keys: string[]) => (keys.length === 1 ? keys[0] : undefined);
