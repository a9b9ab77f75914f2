import { describeAllowed, isIgnored, listsText, type Contract, type ContractEntry } from '../config/contract.js';
import {
  LIVE_KINDS,
  liveWasRead,
  type ContractRef,
  type Divergence,
  type DivergenceKind,
  type DivergenceValue,
  type EnvName,
  type KeyPath,
  type LiveArtifact,
  type LiveState,
  type LiveValue,
  type Provenance,
  type Snapshot,
  type Value,
  type Compared,
  type WithLive,
} from '../model/types.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../parse/fingerprint.js';
import { allows, contractRef, divergenceId, entryFor, isExpired } from './compare.js';
import { acceptanceFor, acceptanceRef, acceptedWords, judgeAcceptance } from './accepted.js';
import { sameQuantity } from './quantity.js';
import { compareVersions } from '../parse/version-numbers.js';
import { comparedObjectOf } from './removed-live.js';

/** A repo value as it meets a live one: a plaintext repo value meets a live Secret through the
 * same fingerprint, so neither is ever shown. */
function repoSide(repo: Value | undefined, live: LiveValue | undefined, fingerprint: SecretFingerprint): string | null {
  if (!repo) return null;
  if (live?.type === 'secret' && repo.type !== 'secret') return fingerprint.of(Buffer.from(repo.text ?? ''));
  return repo.text;
}

const byManifestKey = new WeakMap<LiveState, Map<KeyPath, LiveValue>>();

/** An environment's live value of a repo key: read under that key, or under the name a repo of
 * manifests gives the field (`Deployment/api.replicas` for the live `.spec.replicas`), as
 * compareLive pairs them. */
export function liveValueOf(state: LiveState, key: KeyPath): LiveValue | undefined {
  const direct = state.values.get(key);
  if (direct) return direct;
  let index = byManifestKey.get(state);
  if (!index) {
    index = new Map();
    for (const value of state.values.values()) if (value.manifestKey && !index.has(value.manifestKey)) index.set(value.manifestKey, value);
    byManifestKey.set(state, index);
  }
  return index.get(key);
}

export function describeLive(live: LiveValue): string {
  const where = `${live.location.kind}/${live.location.name} ${live.location.fieldPath}`;
  return live.location.namespace ? `${live.location.source} ${where}` : `${live.location.source}: ${where}`;
}

/** Repo vs live per environment (`live-drift`, `live-only`), and the images environments run
 * (`artifact`). Pure. `fingerprint` is the one the live Secrets were read with. */
export function compareLive(snapshot: Snapshot, contract: Contract, today: string, fingerprint: SecretFingerprint = PROCESS_FINGERPRINT): WithLive[] {
  const live = snapshot.live;
  if (!live) return [];
  const envs = snapshot.environments;
  const divergences: Divergence[] = [];
  const inAnyRepo = (key: KeyPath) => envs.some((env) => snapshot.envs.get(env)!.values.has(key));

  const record = (key: KeyPath, focus: EnvName, liveValue: LiveValue | undefined): Record<EnvName, DivergenceValue> => {
    const values: Record<EnvName, DivergenceValue> = {};
    for (const env of envs) {
      const repo = snapshot.envs.get(env)!.values.get(key);
      const liveHere = env === focus ? liveValue : liveWasRead(live.get(env)) ? liveValueOf(live.get(env)!, key) : undefined;
      values[env] = {
        repo: repoSide(repo, liveHere, fingerprint),
        live: liveHere?.text ?? null,
        at: repo ? repo.location : null,
        type: liveHere?.type === 'secret' ? 'secret' : (repo?.type ?? liveHere?.type ?? null),
        ...(liveHere ? { liveSource: describeLive(liveHere) } : {}),
        ...(liveHere?.annotations ? { liveAnnotations: liveHere.annotations } : {}),
      };
    }
    return values;
  };
  // Each (key, environment) a live row was judged for against an acceptance, and each whose repo
  // and live values agree: what is left of the acceptances is stale.
  const judged = new Set<string>();
  const agreed = new Map<string, string | null>();
  const emit = (kind: DivergenceKind, key: KeyPath, env: EnvName, values: Record<EnvName, DivergenceValue>, notes: string[], provenance?: Provenance) => {
    // A live value accepted against the repo is no drift while it runs and the acceptance holds,
    // as a held expected difference is none; otherwise the row says why it is back.
    const acceptance = acceptanceFor(contract, key, env);
    let ref: ContractRef | null = null;
    if (acceptance) {
      judged.add(`${key}\0${env}`);
      const judgement = judgeAcceptance(acceptance, env, values[env]?.live ?? null, today, provenance);
      if (judgement.held) return;
      notes = [judgement.why, ...notes];
      ref = acceptanceRef(acceptance, today);
    }
    divergences.push({
      id: divergenceId(kind, `${key}@${env}`),
      key,
      kind,
      severity: 'drift',
      envs: [env],
      values,
      declared: false,
      contract: ref,
      notes,
      ...(provenance ? { provenance: { [env]: provenance } } : {}),
    });
  };

  const emitted = new Set<string>();
  // Keys no repo file declares, per environment that reads them live: compared across
  // environments below, once every environment is read.
  const undeclared = new Map<KeyPath, Map<EnvName, LiveValue>>();
  for (const env of envs) {
    const state = live.get(env);
    if (!liveWasRead(state)) continue;
    const repoValues = snapshot.envs.get(env)!.values;
    for (const [liveKey, liveValue] of state.values) {
      // Repos that keep manifests name the field as the manifest does.
      const key = !repoValues.has(liveKey) && liveValue.manifestKey && inAnyRepo(liveValue.manifestKey) ? liveValue.manifestKey : liveKey;
      if (isIgnored(contract, key)) continue;
      const repo = repoValues.get(key);
      if (emitted.has(`${key}\0${env}`)) continue; // two workloads reading one ConfigMap key
      emitted.add(`${key}\0${env}`);
      const values = record(key, env, liveValue);
      const notes: string[] = [];
      const flat = !repo && !inAnyRepo(key) && liveValue.shortKey ? repoValues.get(liveValue.shortKey) : undefined;
      if (flat) {
        // One of several disagreeing live definitions of a flat repo key: the ones that agree
        // with it pair with it; another is its own object's value, never "the app's" drift.
        if (repoSide(flat, liveValue, fingerprint) === liveValue.text) continue;
        emit(
          'live-only',
          key,
          env,
          values,
          [
            `${env} runs ${JSON.stringify(liveValue.text)} (${describeLive(liveValue)}); the repo's ${liveValue.shortKey} ` +
              `(${JSON.stringify(repoSide(flat, liveValue, fingerprint))}) is not paired with it, because ` +
              `${liveValue.shortKey} has several different live definitions in ${env}`,
            ...notes,
          ],
          liveValue.provenance,
        );
        continue;
      }
      if (liveValue.notInLastApplied) notes.push(`${key} is live but not in the object's last-applied configuration: \`kubectl apply\` will never prune it`);
      if (repo) {
        if (values[env]!.repo === liveValue.text || sameQuantity(key, values[env]!.repo, liveValue.text)) {
          agreed.set(`${key}\0${env}`, liveValue.text);
          continue;
        }
        emit(
          'live-drift',
          key,
          env,
          values,
          [`${env} runs ${JSON.stringify(liveValue.text)} (${describeLive(liveValue)}); its repo file says ${JSON.stringify(values[env]!.repo)}`, ...notes],
          liveValue.provenance,
        );
      } else if (inAnyRepo(key)) {
        emit(
          'live-drift',
          key,
          env,
          values,
          [
            `${env} runs ${JSON.stringify(liveValue.text)} (${describeLive(liveValue)}), but ${env}'s repo files do not declare it (other environments' do)`,
            ...notes,
          ],
          liveValue.provenance,
        );
      } else if (!liveValue.manifestOnly) {
        const perEnv = undeclared.get(key) ?? new Map<EnvName, LiveValue>();
        perEnv.set(env, liveValue);
        undeclared.set(key, perEnv);
      }
    }
  }
  // What an environment's repo manifest declares and the object read live no longer has: removed
  // live, put back by the next apply (compare/removed-live.ts says which fields count).
  for (const env of envs) {
    const state = live.get(env);
    if (!liveWasRead(state) || !state.compared) continue;
    for (const key of snapshot.envs.get(env)!.values.keys()) {
      if (emitted.has(`${key}\0${env}`) || isIgnored(contract, key) || liveValueOf(state, key)) continue;
      const object = comparedObjectOf(state, key);
      if (!object) continue;
      emitted.add(`${key}\0${env}`);
      const { source, kind, name } = object.location;
      const values = record(key, env, undefined);
      values[env] = { ...values[env]!, liveSource: `${source} ${kind}/${name}` };
      emit('live-drift', key, env, values, [
        `${env}'s ${kind}/${name} does not have ${key} (${source}); its repo file says ${JSON.stringify(values[env].repo)}: ` +
          `removed live, and the next apply puts it back`,
      ]);
    }
  }
  const active = contract.entries.filter((e) => !isExpired(e, today));
  for (const [key, perEnv] of undeclared) {
    const entry = entryFor(active, key);
    if (entry) {
      // Declared in the contract: the live values are held to it as repo values are.
      const broken = liveContractViolation(snapshot, key, perEnv, entry, today);
      if (broken) divergences.push(broken);
      continue;
    }
    const across = compareAcross(snapshot, key, perEnv);
    for (const [env, liveValue] of perEnv) {
      // A probe (a command's output, an env dump) reads what no repo file is meant to hold: it
      // is compared across environments only. An object's field no file declares is drift in
      // its own environment (a hand edit, a field `kubectl apply` never prunes).
      if (isProbe(liveValue)) continue;
      const notes = [`${env} runs ${JSON.stringify(liveValue.text)} (${describeLive(liveValue)}), declared nowhere in the repo`];
      if (liveValue.notInLastApplied) notes.push(`${key} is live but not in the object's last-applied configuration: \`kubectl apply\` will never prune it`);
      if (across) notes.push(...across.notes);
      emit('live-only', key, env, record(key, env, liveValue), notes, liveValue.provenance);
    }
    if (across && [...perEnv.values()].some(isProbe)) divergences.push(across);
  }
  divergences.push(...compareArtifacts(snapshot, live, contract, today));
  const images = compareDeclaredImages(snapshot, live, emitted, agreed);
  for (const image of images) emit(image.kind, image.key, image.envs[0]!, image.values, [...image.notes], image.provenance?.[image.envs[0]!]);
  divergences.push(...staleAcceptances(snapshot, contract, today, judged, agreed, record));
  return divergences;
}

/** Acceptances no live row was judged against: the repo now holds what runs (or no longer
 * differs from it), or the environment no longer runs the key. Stale, as a declaration every
 * environment has left is: `info`, to remove. */
function staleAcceptances(
  snapshot: Snapshot,
  contract: Contract,
  today: string,
  judged: ReadonlySet<string>,
  agreed: ReadonlyMap<string, string | null>,
  record: (key: KeyPath, focus: EnvName, liveValue: LiveValue | undefined) => Record<EnvName, DivergenceValue>,
): Divergence[] {
  const out: Divergence[] = [];
  for (const entry of contract.live ?? []) {
    for (const env of entry.allowed.keys()) {
      const state = snapshot.live?.get(env);
      const key = entry.pattern;
      const at = `${key}\0${env}`;
      // Said only of a live state read whole: a partly read one may simply not have shown it.
      if (!snapshot.environments.includes(env) || !liveWasRead(state) || judged.has(at)) continue;
      const accepted = acceptedWords(entry, env);
      const byChange = entry.allowed.get(env)?.kind === 'change';
      const runs = liveValueOf(state, key);
      let why: string;
      if (agreed.has(at)) {
        const both = JSON.stringify(agreed.get(at));
        // An acceptance by change names no value: whether the repo now holds the accepted one is not known.
        why =
          `${env}'s repo and live now agree on ${both}${both === accepted || byChange ? '' : `; the accepted ${accepted} no longer runs`}: ` +
          `the acceptance (${entry.location}) can be removed`;
      } else if (!runs && state.status === 'ok' && !(key === 'image.tag' && state.artifacts.length > 0) && !state.artifacts.some((a) => a.key === key)) {
        why = `${env} no longer runs ${key} live: the acceptance ${byChange ? '' : 'of '}${accepted} (${entry.location}) can be removed`;
      } else continue;
      out.push({
        id: divergenceId('stale-declaration', `${key}@${env}`),
        key,
        kind: 'stale-declaration',
        severity: 'info',
        envs: [env],
        values: record(key, env, runs),
        declared: !isExpired(entry, today),
        contract: acceptanceRef(entry, today),
        notes: [why],
      });
    }
  }
  return out;
}

const LONG_RUNNING = /^(Deployment|StatefulSet|DaemonSet)\//;
const tagOf = (image: string) => {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : 'latest';
};
const repositoryOf = (image: string) => {
  const name = image.split('@')[0]!;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
};

/** The image each environment's repo declares beside the one that runs: a manifest's
 * `Deployment/x.containers[name=c].image`, or a chart's `image.tag` (and `image.repository`)
 * for the one long-running workload whose image it names. A difference is `live-drift` on the
 * repo's key: "production's manifest says 1.2.0, production runs 1.3.0-hotfix". */
export interface DeclaredImage {
  key: KeyPath;
  declared: Value;
  /** What runs, as the key says it: the whole image, or for a chart's `image.tag` its tag. */
  running: string;
  artifact: LiveArtifact;
}

/** The repo keys of one environment that declare an image its live state runs: a manifest's
 * container `image`, or a chart's `image.tag` for the one long-running workload whose image
 * (`image.repository`, where set) it names. */
export function declaredImages(repo: ReadonlyMap<KeyPath, Value>, state: LiveState): DeclaredImage[] {
  const pairs: DeclaredImage[] = [];
  for (const artifact of state.artifacts) {
    const declared = repo.get(artifact.key);
    if (declared?.text) pairs.push({ key: artifact.key, declared, running: artifact.image, artifact });
  }
  const tag = repo.get('image.tag');
  if (pairs.length === 0 && tag?.text) {
    const repository = repo.get('image.repository')?.text;
    const candidates = state.artifacts.filter(
      (a) => LONG_RUNNING.test(a.key) && (!repository || repositoryOf(a.image) === repository || repositoryOf(a.image).endsWith(`/${repository}`)),
    );
    if (candidates.length === 1) pairs.push({ key: 'image.tag', declared: tag, running: tagOf(candidates[0]!.image), artifact: candidates[0]! });
  }
  return pairs;
}

function compareDeclaredImages(snapshot: Snapshot, live: Map<EnvName, LiveState>, emitted: Set<string>, agreed: Map<string, string | null>): Divergence[] {
  const divergences: Divergence[] = [];
  for (const env of snapshot.environments) {
    const state = live.get(env);
    if (!state || state.status === 'unavailable') continue;
    for (const { key, declared, running, artifact } of declaredImages(snapshot.envs.get(env)!.values, state)) {
      if (declared.text === running) agreed.set(`${key}\0${env}`, running);
      if (declared.text === running || emitted.has(`${key}\0${env}`)) continue;
      emitted.add(`${key}\0${env}`);
      const values: Record<EnvName, DivergenceValue> = {};
      for (const other of snapshot.environments) {
        const r = snapshot.envs.get(other)!.values.get(key);
        const a = other === env ? artifact : undefined;
        values[other] = {
          repo: r?.text ?? null,
          live: a ? (key === 'image.tag' ? running : imageText(a)) : null,
          at: r ? r.location : null,
          type: r?.type ?? (a ? 'string' : null),
          ...(a ? { liveSource: `${a.location.source} ${a.location.kind}/${a.location.name} ${a.location.fieldPath}` } : {}),
          ...(a?.annotations ? { liveAnnotations: a.annotations } : {}),
        };
      }
      divergences.push({
        id: divergenceId('live-drift', `${key}@${env}`),
        key,
        kind: 'live-drift',
        severity: 'drift',
        envs: [env],
        values,
        declared: false,
        contract: null,
        notes: [
          `${env}'s repo declares ${JSON.stringify(declared.text)} (${declared.location.file}:${declared.location.line}); ` +
            `${env} runs ${JSON.stringify(running)}${artifact.digests.length ? ` (${artifact.digests.join(', ')})` : ''} ` +
            `(${artifact.location.kind}/${artifact.location.name})`,
        ],
        ...(artifact.provenance ? { provenance: { [env]: artifact.provenance } } : {}),
      });
    }
  }
  return divergences;
}

const imageText = (a: LiveArtifact) => (a.digests.length > 0 ? `${a.image} (${a.digests.map((d) => d.slice(0, 19)).join(', ')})` : a.image);

function compareArtifacts(snapshot: Snapshot, live: Map<EnvName, LiveState>, contract: Contract, today: string): Divergence[] {
  const byKey = new Map<KeyPath, Map<EnvName, LiveArtifact>>();
  for (const [env, state] of live) {
    if (!liveWasRead(state)) continue;
    for (const artifact of state.artifacts) {
      const envs = byKey.get(artifact.key) ?? new Map<EnvName, LiveArtifact>();
      envs.set(env, artifact);
      byKey.set(artifact.key, envs);
    }
  }
  const divergences: Divergence[] = [];
  const active = contract.entries.filter((e) => !isExpired(e, today));
  for (const [key, perEnv] of byKey) {
    const notes: string[] = [];
    const images = new Set([...perEnv.values()].map((a) => a.image));
    const entry = entryFor(active, key);
    if (images.size > 1) {
      const allowed =
        entry &&
        [...perEnv].every(([env, a]) => {
          const rule = entry.allowed.get(env);
          return !rule || rule.kind === 'any' || listsText(rule, a.image) || (rule.kind === 'regex' && rule.re.test(a.image));
        });
      if (!allowed) notes.push(`the environments run different images: ${[...perEnv].map(([env, a]) => `${env} ${a.image}`).join(', ')}`);
    }
    // Digests pairwise: any two environments running the same tag as different builds, whatever
    // the other environments run.
    for (const image of images) {
      const withDigests = [...perEnv].filter(([, a]) => a.image === image && a.digests.length > 0);
      if (new Set(withDigests.map(([, a]) => a.digests.join(','))).size > 1) {
        notes.push(
          `the same image ${image} runs as different digests: ${withDigests.map(([env, a]) => `${env} ${a.digests.join(', ')}`).join('; ')} — the tag was pushed again`,
        );
      }
    }
    for (const [env, a] of perEnv) {
      if (a.digests.length > 1)
        notes.push(`${env} runs ${a.image} as ${a.digests.length} digests at once (${a.digests.join(', ')}): pods from two builds of one tag`);
    }
    if (notes.length === 0) continue;
    const values: Record<EnvName, DivergenceValue> = {};
    const provenance: Record<EnvName, Provenance> = {};
    for (const env of snapshot.environments) {
      const a = perEnv.get(env);
      values[env] = {
        repo: null,
        live: a ? imageText(a) : null,
        at: null,
        type: a ? 'string' : null,
        ...(a ? { liveSource: `${a.location.source} ${a.location.kind}/${a.location.name} ${a.location.fieldPath}` } : {}),
      };
      if (a?.provenance) provenance[env] = a.provenance;
    }
    divergences.push({
      id: divergenceId('artifact', key),
      key,
      kind: 'artifact',
      severity: 'drift',
      envs: [...perEnv.keys()],
      values,
      declared: false,
      contract: null,
      notes,
      ...(Object.keys(provenance).length ? { provenance } : {}),
    });
  }
  return divergences;
}

/** Repo-side divergences with each environment's live value beside its repo value, and who wrote
 * it: new divergences; the compared ones are left as they are. */
export function withLiveValues(divergences: readonly Compared[], snapshot: Snapshot): WithLive[] {
  const live = snapshot.live;
  return divergences.map((d): WithLive => {
    if (!live || LIVE_KINDS.has(d.kind)) return { ...d };
    let values = d.values;
    let provenance = d.provenance;
    for (const [env, state] of live) {
      const value = liveWasRead(state) ? liveValueOf(state, d.key) : undefined;
      const slot = values[env];
      if (!value || !slot) continue;
      values = {
        ...values,
        [env]: { ...slot, live: value.text, liveSource: describeLive(value), ...(value.annotations ? { liveAnnotations: value.annotations } : {}) },
      };
      if (value.provenance) provenance = { ...(provenance ?? {}), [env]: value.provenance };
    }
    return { ...d, values, ...(provenance ? { provenance } : {}) };
  });
}

/** A command's output or an env dump: what a probe reports, not an object's field. */
const isProbe = (v: LiveValue) => v.location.kind === 'Command' || v.location.kind === 'EnvDump';

/** Each environment's live value of a key no repo file declares, as a divergence's values. */
function liveOnlyValues(snapshot: Snapshot, perEnv: Map<EnvName, LiveValue>): Record<EnvName, DivergenceValue> {
  return Object.fromEntries(
    snapshot.environments.map((env): [EnvName, DivergenceValue] => {
      const v = perEnv.get(env);
      return [env, { repo: null, live: v?.text ?? null, at: null, type: v?.type ?? null, ...(v ? { liveSource: describeLive(v) } : {}) }];
    }),
  );
}

const readEnvsOf = (snapshot: Snapshot) => snapshot.environments.filter((env) => liveWasRead(snapshot.live?.get(env)));

/**
 * Live against live: a key no repo file declares, read in several environments, compared as repo
 * values are (every environment read must hold it, and the same value). Version-like values
 * (semver, migration ids, dates) say which side is behind: "production's schema_migrations
 * 20240101 is behind staging's 20240301". Undefined when the environments agree.
 */
export function compareAcross(snapshot: Snapshot, key: KeyPath, perEnv: Map<EnvName, LiveValue>): Divergence | undefined {
  const read = readEnvsOf(snapshot);
  const present = read.filter((env) => perEnv.has(env));
  const absent = read.filter((env) => !perEnv.has(env));
  const texts = new Set(present.map((env) => perEnv.get(env)!.text));
  if (read.length < 2 || (absent.length === 0 && texts.size <= 1)) return undefined;
  const notes: string[] = [];
  let about: EnvName[] = [];
  if (absent.length > 0) {
    notes.push(`${key} is read live in ${present.join(', ')}, not in ${absent.join(', ')} (no repo file declares it)`);
    about = present.length <= absent.length ? present : absent;
  }
  if (texts.size > 1) {
    const shown = (env: EnvName) => `${env}'s ${JSON.stringify(perEnv.get(env)!.text)}`;
    // Versions: the newest value, and who is behind it.
    const versioned = present.every((env) => compareVersions(perEnv.get(env)!.text, perEnv.get(env)!.text) === 0);
    if (versioned) {
      const rank = (env: EnvName) => snapshot.promotion.indexOf(env);
      const first = [...present].sort((a, b) => compareVersions(perEnv.get(b)!.text, perEnv.get(a)!.text)!)[0]!;
      const newest = present.filter((env) => compareVersions(perEnv.get(env)!.text, perEnv.get(first)!.text) === 0);
      const behind = present.filter((env) => compareVersions(perEnv.get(env)!.text, perEnv.get(first)!.text)! < 0);
      for (const env of behind) {
        // Named against the nearest environment before it in the promotion order that runs the
        // newest value (production against staging, not dev), else the first that does.
        const upstream = newest.filter((other) => rank(other) >= 0 && rank(other) < rank(env)).sort((a, b) => rank(b) - rank(a))[0] ?? newest[0]!;
        notes.push(`${env}'s ${key} ${perEnv.get(env)!.text} is behind ${upstream}'s ${perEnv.get(upstream)!.text}`);
      }
      const skipped = behind.filter((env) => newest.every((other) => rank(env) >= 0 && rank(env) < rank(other)));
      if (skipped.length > 0)
        notes.push(
          `${newest.join(', ')} ${newest.length === 1 ? 'runs' : 'run'} a newer ${key} than ${skipped.join(', ')}, which come${skipped.length === 1 ? 's' : ''} before in the promotion order`,
        );
      about = [...new Set([...about, ...behind])];
    } else {
      notes.push(`the environments read different values live: ${present.map(shown).join(', ')} (no repo file declares ${key})`);
      about = [...new Set([...about, ...present])];
    }
  }
  return liveCrossEnv(snapshot, key, perEnv, about, notes, null);
}

/** A live-cross-env divergence: each environment's live value of a key no repo file declares, and
 * who wrote it; `about` the environments it is about, `contract` the entry it breaks, if any. */
function liveCrossEnv(
  snapshot: Snapshot,
  key: KeyPath,
  perEnv: Map<EnvName, LiveValue>,
  about: readonly EnvName[],
  notes: string[],
  contract: ContractRef | null,
): Divergence {
  const provenance = Object.fromEntries([...perEnv].filter(([, v]) => v.provenance).map(([env, v]) => [env, v.provenance!]));
  return {
    id: divergenceId('live-cross-env', key),
    key,
    kind: 'live-cross-env',
    severity: 'drift',
    envs: snapshot.environments.filter((env) => about.includes(env)),
    values: liveOnlyValues(snapshot, perEnv),
    declared: contract !== null,
    contract,
    notes,
    ...(Object.keys(provenance).length ? { provenance } : {}),
  };
}

/** A key no repo file declares, held live to its contract entry: a value outside what the entry
 * allows, or environments the entry does not name that disagree. */
function liveContractViolation(snapshot: Snapshot, key: KeyPath, perEnv: Map<EnvName, LiveValue>, entry: ContractEntry, today: string): Divergence | undefined {
  const read = readEnvsOf(snapshot);
  const offenders: EnvName[] = [];
  const notes: string[] = [];
  for (const [env, allowed] of entry.allowed) {
    if (!read.includes(env)) continue;
    const v = perEnv.get(env);
    if (allows(allowed, v ? { text: v.text } : undefined)) continue;
    offenders.push(env);
    notes.push(`${env} runs ${v ? JSON.stringify(v.text) : 'nothing (absent)'} live; the contract allows ${describeAllowed(allowed)}`);
  }
  const unnamed = read.filter((env) => !entry.allowed.has(env));
  if (unnamed.length > 1 && new Set(unnamed.map((env) => perEnv.get(env)?.text ?? '\0absent')).size > 1) {
    offenders.push(...unnamed);
    notes.push(`${unnamed.join(', ')} are not named by the contract entry, so they must agree, but differ live`);
  }
  if (offenders.length === 0) return undefined;
  return liveCrossEnv(snapshot, key, perEnv, offenders, notes, contractRef(entry, today));
}
