import type { Allowed, Contract } from '../config/contract.js';
import type {
  Divergence,
  DivergenceKind,
  WithLive,
  DivergenceValue,
  EnvName,
  EnvSnapshot,
  GrantOrigin,
  InventoryObject,
  KeyPath,
  LiveState,
  Provenance,
  RuleChange,
  Snapshot,
} from '../model/types.js';
import { divergenceId, entryFor, isExpired } from './compare.js';
import { identified, namingOf } from './object-names.js';

// Whole objects and what they grant, per environment: repo vs live, and live across
// environments. Pure.

const PRIVILEGED_ROLES = new Set(['ClusterRole/cluster-admin', 'ClusterRole/admin']);
const idOf = (o: InventoryObject) => `${o.kind}/${o.name}`;
/** `Deployment/api`, or `Deployment/api (prod-api live)` where the live name differs. */
const shownId = (o: InventoryObject) => `${idOf(o)}${o.liveName ? ` (${o.liveName} live)` : ''}`;
const readable = (state: LiveState | undefined): state is LiveState & { objects: InventoryObject[] } =>
  !!state && state.status !== 'unavailable' && !!state.objects;

/** An environment's live objects under the names they are compared by (a Kustomize overlay's
 * prefixes and generator hashes taken off); several live generations of one generated ConfigMap
 * are one object. */
function liveObjectsOf(state: LiveState & { objects: InventoryObject[] }, repo: EnvSnapshot | undefined) {
  const naming = namingOf(repo);
  const byId = new Map<string, InventoryObject>();
  for (const o of state.objects.map((x) => identified(x, naming))) if (!byId.has(idOf(o))) byId.set(idOf(o), o);
  return [...byId.values()];
}
const judged = (state: LiveState, kind: string) => state.inventoryKinds?.includes(kind) ?? false;

function who(p: Provenance | undefined): string {
  if (!p) return 'by an unknown writer';
  const how = p.kind === 'human' ? 'by hand' : p.kind === 'pipeline' ? 'by a deploy' : p.kind === 'controller' ? 'by a controller' : 'by an unknown client';
  return `by ${p.manager} (${how})${p.time ? ` at ${p.time}` : ''}`;
}

/** `create, delete, patch on secrets`, `* on nodes (a wildcard)`, one phrase per resource. */
export function describeGrants(grants: Iterable<string>): string {
  return grantPhrases(grants).join('; ');
}

/** How `mine` differs from `theirs`: the phrases of what only `mine` grants, and of what only
 * `theirs` grants (a permission row's `rules`). */
function ruleChange(env: EnvName, than: EnvName, mine: readonly string[], theirs: readonly string[]): RuleChange {
  return { env, than, added: grantPhrases(mine.filter((g) => !theirs.includes(g))), removed: grantPhrases(theirs.filter((g) => !mine.includes(g))) };
}

/** One phrase per resource: `create, delete, patch on secrets`. */
function grantPhrases(grants: Iterable<string>): string[] {
  const byTarget = new Map<string, string[]>();
  for (const grant of grants) {
    const [group, resource, name, verb] = grant.split('|') as [string, string, string, string];
    if (resource.startsWith('role:')) {
      byTarget.set(resource.slice(5), [...(byTarget.get(resource.slice(5)) ?? []), '(not read)']);
      continue;
    }
    const target = `${resource.startsWith('url:') ? resource.slice(4) : resource}${group && group !== '*' ? `.${group}` : group === '*' ? ' in every API group' : ''}${name ? `/${name}` : ''}`;
    byTarget.set(target, [...(byTarget.get(target) ?? []), verb]);
  }
  return [...byTarget].map(([target, verbs]) => (verbs[0] === '(not read)' ? `whatever ${target} grants` : `${verbs.sort().join(', ')} on ${target}`));
}

/** A role, a binding or a ServiceAccount's token: an object that grants, whatever its kind. */
const grantsSomething = (o: InventoryObject) => !!(o.grants || o.roleRef) || o.tokenFor !== undefined;

/** Who last wrote what an object grants (a role's rules, a binding's subjects and roleRef, from the
 * manager that owns those fields), else who made it: the change a permission row dates. */
const grantWriter = (o: InventoryObject): Provenance | undefined => o.grantWrittenBy ?? o.createdBy;

/** What a granting object gives, in the words of a note: `it grants get on secrets`, `it binds
 * ClusterRole/edit to User/x (whatever ClusterRole/edit grants)`, `it holds a token of …`. */
function whatItGrants(o: InventoryObject, objects: InventoryObject[]): string {
  if (o.tokenFor !== undefined)
    return o.tokenFor
      ? `it holds a long-lived token of ${o.tokenFor}: whoever reads it acts as that ServiceAccount`
      : 'it holds a long-lived ServiceAccount token (which account is not read: live Secrets are listed by name and type only): whoever reads it acts as that ServiceAccount';
  if (o.roleRef) {
    const role = objects.find((r) => r.grants && idOf(r) === o.roleRef);
    return `it binds ${o.roleRef} to ${o.subjects?.join(', ') || 'no one'} (${role ? describeGrants(role.grants!) : `whatever ${o.roleRef} grants`})`;
  }
  return `it grants ${describeGrants(o.grants ?? [])}`;
}

/** A granting object's value in a row: `get, list on secrets`, `binds ClusterRole/edit to User/x`. */
function whatItGives(o: InventoryObject, objects: InventoryObject[]): string {
  return whatItGrants(o, objects).replace(/^it (grants |holds )?/, '');
}

/** `, created by …`, and who last wrote what it grants when that is someone else or later. */
function madeAndWritten(o: InventoryObject): string {
  const w = o.grantWrittenBy;
  const c = o.createdBy;
  const same = w && c && w.manager === c.manager && w.time === c.time;
  return `created ${who(c)}${w && !same ? `; what it grants last written ${who(w)}` : ''}`;
}

/** A granting object's origins: itself and, for a binding, the role it binds where it was read. */
function originsOfObject(o: InventoryObject, objects: InventoryObject[]): GrantOrigin[] {
  const role = o.roleRef ? objects.find((r) => r.grants && idOf(r) === o.roleRef) : undefined;
  return [originOf(o), ...(role ? [originOf(role)] : [])];
}

/** The newest writer among a grant's origins: who last changed what it grants. */
function newestWriter(origins: GrantOrigin[]): Provenance | undefined {
  const writers = origins.flatMap((o) => (o.grantWrittenBy ? [o.grantWrittenBy] : o.createdBy ? [o.createdBy] : []));
  return writers.sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? 1 : -1))[0];
}

const isWildcard = (grant: string) => grant.split('|').some((part, i) => part === '*' && i !== 2);

/** A live role or binding as the origin of a permission: who made it, when, who last wrote
 * what it grants, and its annotations. */
export function originOf(o: InventoryObject): GrantOrigin {
  return {
    object: idOf(o),
    ...(o.roleRef ? { role: o.roleRef } : {}),
    ...(o.roleRef && o.subjects?.length ? { subjects: o.subjects } : {}),
    ...(o.createdBy ? { createdBy: o.createdBy } : {}),
    ...(o.createdAt ? { createdAt: o.createdAt } : {}),
    ...(o.grantWrittenBy ? { grantWrittenBy: o.grantWrittenBy } : {}),
    ...(o.annotations ? { annotations: o.annotations } : {}),
  };
}

/** The bindings through which `subject` holds any of `wanted`, each followed by the role it binds
 * (where that role was read). */
export function originsOf(objects: InventoryObject[], subject: string, wanted: ReadonlySet<string>): GrantOrigin[] {
  const roles = new Map(objects.filter((o) => o.grants).map((o) => [idOf(o), o]));
  const out: GrantOrigin[] = [];
  const seen = new Set<string>();
  const add = (o: InventoryObject) => {
    if (seen.has(idOf(o))) return;
    seen.add(idOf(o));
    out.push(originOf(o));
  };
  for (const binding of objects.filter((o) => o.roleRef && o.subjects?.includes(subject))) {
    const role = roles.get(binding.roleRef!);
    const grants = role?.grants ?? [`|role:${binding.roleRef}||`];
    if (!grants.some((g) => wanted.has(g))) continue;
    add(binding);
    if (role) add(role);
  }
  return out;
}

/** Every subject's grants in one environment: each binding's subjects get its role's grants
 * (a role that was not read stands as itself: `role:ClusterRole/edit`). */
export function grantsBySubject(objects: InventoryObject[]): Map<string, Set<string>> {
  const roles = new Map(objects.filter((o) => o.grants).map((o) => [idOf(o), o.grants!]));
  const out = new Map<string, Set<string>>();
  for (const binding of objects.filter((o) => o.roleRef && o.subjects)) {
    const grants = roles.get(binding.roleRef!) ?? [`|role:${binding.roleRef}||`];
    for (const subject of binding.subjects!) {
      const set = out.get(subject) ?? new Set<string>();
      for (const g of grants) set.add(g);
      out.set(subject, set);
    }
  }
  return out;
}

/** An allowed value that is only "no value" (`prod: ~`). */
const absenceOnly = (a: Allowed): boolean =>
  (a.kind === 'exact' && a.absent === true) || (a.kind === 'one_of' && a.absent === true && a.texts.every((t) => t === 'null') && !a.also?.length);

export function compareInventory(snapshot: Snapshot, contract: Contract, today: string): WithLive[] {
  const live = snapshot.live;
  const envs = snapshot.environments;
  const active = contract.entries.filter((e) => !isExpired(e, today));
  const divergences: Divergence[] = [];
  // An entry declares an object present in an environment only where it allows a value there: one
  // that says the environment holds nothing (`prod: ~`) expects the object absent, so a live one is
  // still a live object to report, not a declared one (nor its fields' drift).
  const declared = (key: KeyPath, presentIn: EnvName[]) => {
    const entry = entryFor(active, key);
    return !!entry && presentIn.every((env) => entry.allowed.has(env) && !absenceOnly(entry.allowed.get(env)!));
  };
  const emit = (
    kind: DivergenceKind,
    key: KeyPath,
    about: EnvName[],
    values: Record<EnvName, DivergenceValue>,
    notes: string[],
    provenance?: Record<EnvName, Provenance>,
    grantedBy?: Record<EnvName, GrantOrigin[]>,
    sides?: Pick<Divergence, 'presentIn' | 'absentIn'>,
    rules?: RuleChange[],
  ) => {
    const id = divergenceId(kind, `${key}@${about.join(',')}`);
    // One row per grant: a hand-made binding to cluster-admin is one permission, with every note.
    const same = divergences.find((d) => d.id === id);
    if (same) {
      for (const note of notes) if (!same.notes.includes(note)) same.notes.push(note);
      for (const rule of rules ?? []) if (!same.rules?.some((r) => r.env === rule.env && r.than === rule.than)) (same.rules ??= []).push(rule);
      return;
    }
    divergences.push({
      id,
      key,
      kind,
      severity: 'drift',
      envs: about,
      values,
      declared: false,
      contract: null,
      notes,
      ...(provenance && Object.keys(provenance).length ? { provenance } : {}),
      ...(grantedBy && Object.keys(grantedBy).length ? { grantedBy } : {}),
      ...sides,
      ...(rules?.length ? { rules } : {}),
    });
  };
  const objectValues = (pick: (env: EnvName) => { repo: InventoryObject | undefined; live: InventoryObject | undefined }) =>
    Object.fromEntries(
      envs.map((env): [EnvName, DivergenceValue] => {
        const { repo, live: l } = pick(env);
        return [
          env,
          {
            repo: repo ? 'defined' : null,
            live: l ? 'exists' : null,
            at: repo?.definedAt ?? null,
            type: null,
            ...(l ? { liveSource: `${l.source} ${l.kind}/${l.liveName ?? l.name}` } : {}),
            // Why someone made it, in their own words: the verdict reads it as the object's text.
            ...(l?.annotations ? { liveAnnotations: l.annotations } : {}),
            ...(l?.exposes ? { exposes: l.exposes } : {}),
          },
        ];
      }),
    );
  const repoObject = (env: EnvName, key: string) => snapshot.repoObjects?.get(env)?.find((o) => idOf(o) === key);

  // What the environments' files grant, compared with each other (a scan of the repo alone, as CI
  // runs on a pull request, too): among the environments whose files define any grant, a role
  // granting more in one, a binding binding another role or other subjects, a grant defined in
  // some environments' files only.
  const repoGrants = new Map(
    envs.flatMap((env) => {
      const grants = (snapshot.repoObjects?.get(env) ?? []).filter(grantsSomething);
      return grants.length > 0 ? [[env, grants] as const] : [];
    }),
  );
  const grantEnvs = [...repoGrants.keys()];
  const repoValues = (key: string) =>
    Object.fromEntries(
      envs.map((env): [EnvName, DivergenceValue] => {
        const o = repoObject(env, key);
        const objects = repoGrants.get(env) ?? [];
        return [env, { repo: o ? whatItGives(o, objects) : null, live: null, at: o?.definedAt ?? null, type: null }];
      }),
    );
  const grantKeys = new Set(grantEnvs.flatMap((env) => repoGrants.get(env)!.map(idOf)));
  for (const key of [...grantKeys].sort()) {
    const defined = (env: EnvName) => repoGrants.get(env)!.find((o) => idOf(o) === key);
    const notes: string[] = [];
    const about: EnvName[] = [];
    const rules: RuleChange[] = [];
    for (const a of grantEnvs) {
      const mine = defined(a);
      if (!mine) continue;
      for (const b of grantEnvs) {
        if (a === b) continue;
        const theirs = defined(b);
        const where = mine.definedAt?.file ?? mine.source;
        let note: string | undefined;
        if (!theirs) note = `${a}'s repo files define ${key} (${where}): ${whatItGrants(mine, repoGrants.get(a)!)}; ${b}'s do not`;
        else if (mine.grants && theirs.grants) {
          const extra = mine.grants.filter((g) => !theirs.grants!.includes(g));
          if (extra.length) {
            note = `${a}'s repo ${key} (${where}) grants ${describeGrants(extra)}; ${b}'s does not${extra.some(isWildcard) ? ' (a wildcard)' : ''}`;
            rules.push(ruleChange(a, b, mine.grants, theirs.grants));
          }
        } else if (mine.roleRef && theirs.roleRef) {
          const subjects = (mine.subjects ?? []).filter((x) => !(theirs.subjects ?? []).includes(x));
          if (mine.roleRef !== theirs.roleRef || subjects.length)
            note = `${a}'s repo ${key} (${where}) binds ${mine.roleRef} to ${mine.subjects?.join(', ') || 'no one'}; ${b}'s binds ${theirs.roleRef} to ${theirs.subjects?.join(', ') || 'no one'}`;
        }
        if (!note) continue;
        notes.push(note);
        if (!about.includes(a)) about.push(a);
      }
    }
    if (notes.length === 0 || declared(key, about)) continue;
    emit('permission', key, about, repoValues(key), notes, undefined, undefined, undefined, rules);
  }
  if (!live) return divergences;

  const liveObjects = new Map<EnvName, InventoryObject[]>();
  for (const env of envs) {
    const state = live.get(env);
    if (readable(state)) liveObjects.set(env, liveObjectsOf(state, snapshot.envs.get(env)));
  }
  const liveObject = (env: EnvName, key: string) => liveObjects.get(env)?.find((o) => idOf(o) === key);

  // Repo vs live, in environments whose repo files define objects at all.
  for (const env of envs) {
    const state = live.get(env);
    const repo = snapshot.repoObjects?.get(env) ?? [];
    if (!readable(state) || repo.length === 0) continue;
    const objects = liveObjects.get(env)!;
    // A repo object in a namespace the live source did not read is neither missing nor a definition.
    const readNamespaces = new Set(objects.flatMap((o) => (o.namespace ? [o.namespace] : [])));
    const inRead = (o: InventoryObject) => !o.namespace || readNamespaces.size === 0 || readNamespaces.has(o.namespace);
    const repoIds = new Set(repo.filter(inRead).map(idOf));
    for (const o of objects) {
      if (repoIds.has(idOf(o)) || declared(idOf(o), [env])) continue;
      // A grant is a grant whatever object carries it: a hand-made binding, role or token.
      if (grantsSomething(o)) {
        const writer = grantWriter(o);
        emit(
          'permission',
          idOf(o),
          [env],
          objectValues((e) => ({ repo: repoObject(e, idOf(o)), live: liveObject(e, idOf(o)) })),
          [`${shownId(o)} exists in ${env} (${state.source}) with no definition in ${env}'s repo files: ${whatItGrants(o, objects)}; ${madeAndWritten(o)}`],
          writer ? { [env]: writer } : undefined,
          { [env]: originsOfObject(o, objects) },
        );
        continue;
      }
      emit(
        'live-object',
        idOf(o),
        [env],
        objectValues((e) => ({ repo: repoObject(e, idOf(o)), live: liveObject(e, idOf(o)) })),
        [`${shownId(o)} exists in ${env} (${state.source}), created ${who(o.createdBy)}; ${env}'s repo files define no such object`],
        o.createdBy ? { [env]: o.createdBy } : undefined,
      );
    }
    const liveIds = new Set(objects.map(idOf));
    for (const o of repo) {
      if (liveIds.has(idOf(o)) || !judged(state, o.kind) || !inRead(o)) continue;
      emit(
        'missing-live',
        idOf(o),
        [env],
        objectValues((e) => ({ repo: repoObject(e, idOf(o)), live: liveObject(e, idOf(o)) })),
        // The name looked for live is the one the build gives it (`prod-api`), not the repo's identity.
        [
          o.liveName
            ? `${o.source} defines ${idOf(o)} for ${env} (built as ${o.liveName}), but no ${o.kind}/${o.liveName} exists in ${state.source}`
            : `${o.source} defines ${idOf(o)} for ${env}, but it does not exist in ${state.source}`,
        ],
      );
    }
    // What a live role grants beyond its repo definition.
    for (const r of repo.filter((x) => x.grants)) {
      const l = objects.find((x) => idOf(x) === idOf(r));
      const extra = (l?.grants ?? []).filter((g) => !r.grants!.includes(g));
      if (!l || extra.length === 0) continue;
      emit(
        'permission',
        idOf(r),
        [env],
        objectValues((e) => ({ repo: repoObject(e, idOf(r)), live: liveObject(e, idOf(r)) })),
        [
          `${env}'s live ${idOf(r)} grants ${describeGrants(extra)}; its repo definition (${r.source}) does not${extra.some(isWildcard) ? ' (a wildcard)' : ''}`,
        ],
        grantWriter(l) ? { [env]: grantWriter(l)! } : undefined,
        { [env]: [originOf(l)] },
        undefined,
        [ruleChange(env, 'repo', l.grants!, r.grants!)],
      );
    }
  }

  // Live across environments: an object in some environments and not in others.
  const readEnvs = envs.filter((env) => readable(live.get(env)));
  const keys = new Map<string, InventoryObject>();
  for (const env of readEnvs) for (const o of liveObjects.get(env)!) if (!keys.has(idOf(o))) keys.set(idOf(o), o);
  for (const [key, sample] of keys) {
    const present = readEnvs.filter((env) => liveObject(env, key));
    const absent = readEnvs.filter((env) => !liveObject(env, key) && judged(live.get(env)!, sample.kind));
    if (absent.length === 0 || declared(key, present)) continue;
    // A grant present in some environments is about where it grants, dated by who wrote the grant.
    const grant = grantsSomething(sample);
    const about = grant ? present : present.length <= absent.length ? present : absent;
    const provenance: Record<EnvName, Provenance> = {};
    for (const env of present) {
      const o = liveObject(env, key)!;
      const p = grant ? grantWriter(o) : o.createdBy;
      if (p) provenance[env] = p;
    }
    emit(
      grant ? 'permission' : 'object-cross-env',
      key,
      about,
      objectValues((e) => ({ repo: repoObject(e, key), live: liveObject(e, key) })),
      [
        `${key} exists in ` +
          `${present.map((env) => `${env} (${liveObject(env, key)!.liveName ? `as ${liveObject(env, key)!.liveName}, ` : ''}created ${who(liveObject(env, key)!.createdBy)})`).join(', ')}; ` +
          `not in ${absent.join(', ')}`,
        // An absence judged on a capture's own word says so.
        ...absent.flatMap((env) => {
          const command = live.get(env)!.kindsListedBy?.[sample.kind];
          return command ? [`${env}'s capture holds no ${sample.kind}; its head comment says it listed ${plural(sample.kind)}: \`${command}\``] : [];
        }),
        ...(grant ? present.map((env) => `in ${env}, ${whatItGrants(liveObject(env, key)!, liveObjects.get(env)!)}`) : []),
      ],
      provenance,
      grant ? Object.fromEntries(present.map((env) => [env, originsOfObject(liveObject(env, key)!, liveObjects.get(env)!)])) : undefined,
      // `envs` names the smaller side: both are said.
      grant ? undefined : { presentIn: present, absentIn: absent },
    );
  }

  // Permissions: what each environment grants each subject beyond another environment.
  const grants = new Map(readEnvs.map((env) => [env, grantsBySubject(liveObjects.get(env)!)]));
  const rbacRead = (env: EnvName) => judged(live.get(env)!, 'RoleBinding');
  const subjects = new Set([...grants.values()].flatMap((m) => [...m.keys()]));
  for (const subject of [...subjects].sort()) {
    const key = `permissions[subject=${subject}]`;
    const notes: string[] = [];
    const about: EnvName[] = [];
    const beyond = new Map<EnvName, Set<string>>();
    const rules: RuleChange[] = [];
    for (const a of readEnvs.filter(rbacRead)) {
      for (const b of readEnvs.filter(rbacRead)) {
        if (a === b) continue;
        const extra = [...(grants.get(a)!.get(subject) ?? [])].filter((g) => !grants.get(b)!.get(subject)?.has(g));
        if (extra.length === 0) continue;
        notes.push(`${a} grants ${describeGrants(extra)} to ${subject.replace('/', ' ')}; ${b} does not${extra.some(isWildcard) ? ' (a wildcard)' : ''}`);
        if (!about.includes(a)) about.push(a);
        beyond.set(a, new Set([...(beyond.get(a) ?? []), ...extra]));
        rules.push(ruleChange(a, b, [...(grants.get(a)!.get(subject) ?? [])], [...(grants.get(b)!.get(subject) ?? [])]));
      }
    }
    if (notes.length === 0 || declared(key, about)) continue;
    const values = Object.fromEntries(
      envs.map((env): [EnvName, DivergenceValue] => {
        const g = grants.get(env)?.get(subject);
        return [env, { repo: null, live: g ? describeGrants(g) : null, at: null, type: null }];
      }),
    );
    // Who granted it: the bindings (and roles) through which each environment grants more.
    const grantedBy = Object.fromEntries([...beyond].map(([env, extra]) => [env, originsOf(liveObjects.get(env)!, subject, extra)]));
    // Dated by the newest write of what grants it more in each environment, not by an object's creation.
    const provenance = Object.fromEntries(
      Object.entries(grantedBy).flatMap(([env, origins]) => {
        const p = newestWriter(origins);
        return p ? [[env, p]] : [];
      }),
    );
    emit('permission', key, about, values, notes, provenance, grantedBy, undefined, rules);
  }

  // Bindings to cluster-admin or admin, and roles with wildcards: who made them and when.
  for (const env of readEnvs) {
    for (const o of liveObjects.get(env)!) {
      const privileged = o.roleRef && PRIVILEGED_ROLES.has(o.roleRef);
      const wildcard = o.grants?.filter(isWildcard) ?? [];
      if ((!privileged && wildcard.length === 0) || declared(idOf(o), [env])) continue;
      const note = privileged
        ? `${env}'s ${idOf(o)} binds ${o.roleRef!.slice('ClusterRole/'.length)} to ${o.subjects!.join(', ') || 'no one'}, ${madeAndWritten(o)}`
        : `${env}'s ${idOf(o)} grants ${describeGrants(wildcard)} (a wildcard), ${madeAndWritten(o)}`;
      emit(
        'permission',
        idOf(o),
        [env],
        objectValues((e) => ({ repo: repoObject(e, idOf(o)), live: liveObject(e, idOf(o)) })),
        [note],
        grantWriter(o) ? { [env]: grantWriter(o)! } : undefined,
        { [env]: [originOf(o)] },
      );
    }
  }
  return divergences;
}

/** Objects live in some environments whose kind another environment's source did not list, so
 * they are not compared there: said, one line per environment and kind, rather than passed over.
 * A `kubectl get -o yaml` List holding no object of a kind cannot show that the kind was listed;
 * the snapshot's `kinds:` says it was. */
export function uncomparedObjects(snapshot: Snapshot, contract: Contract, today: string): string[] {
  const live = snapshot.live;
  if (!live) return [];
  const active = contract.entries.filter((e) => !isExpired(e, today));
  const readEnvs = snapshot.environments.filter((env) => readable(live.get(env)));
  const objectsOf = new Map(readEnvs.map((env) => [env, liveObjectsOf(live.get(env) as LiveState & { objects: InventoryObject[] }, snapshot.envs.get(env))]));
  const lines: string[] = [];
  for (const env of readEnvs) {
    const state = live.get(env)!;
    // Kinds refused (403) are already named with the permission missing.
    const unlisted = (kind: string) => !judged(state, kind) && !state.unread?.some((u) => u.kind === kind);
    const byKind = new Map<string, Map<string, EnvName[]>>();
    for (const other of readEnvs) {
      if (other === env) continue;
      for (const o of objectsOf.get(other)!) {
        if (!unlisted(o.kind) || entryFor(active, idOf(o))) continue;
        const ids = byKind.get(o.kind) ?? new Map<string, EnvName[]>();
        byKind.set(o.kind, ids.set(idOf(o), [...(ids.get(idOf(o)) ?? []), other]));
      }
    }
    for (const [kind, ids] of byKind) {
      const named = [...ids].slice(0, 3).map(([id, envs]) => `${id} (live in ${envs.join(', ')})`);
      const more = ids.size > 3 ? ` and ${ids.size - 3} more` : '';
      const snapshotRead = state.source.startsWith('snapshot ');
      const how = snapshotRead
        ? `; if the capture listed ${plural(kind)}, \`kinds: [${kind}]\` under its snapshot in undrift.yaml says so ` +
          '(or a comment at the head of the file naming its command: `# kubectl get …`)'
        : CLUSTER_SCOPED.has(kind)
          ? `; \`clusterRbac: true\` lists ${kind}s`
          : '';
      lines.push(
        `${env} live: ${state.source} ${snapshotRead ? 'holds' : 'lists'} no ${kind}, so ${named.join(', ')}${more} ` +
          `${ids.size === 1 ? 'is' : 'are'} not compared there${how}`,
      );
    }
  }
  return lines;
}
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding']);
const plural = (kind: string) => (kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : kind.endsWith('s') ? `${kind}es` : `${kind}s`);
