import type { Divergence, EnvName, KeyPath } from '../model/types.js';

// A first scan of a real repository reports hundreds of differences that share one cause: every
// route and subnet under `network.routes` differs per environment, every `*_URL` names its
// environment. Such a group is one row a person can look at and declare in one decision: a key
// glob, with per-environment values (`any`, or a /regex/ on the environment's name).

export interface DivergencePattern {
  /** The key glob that covers the group, as the contract writes it: `network.routes.*`, `*_URL`. */
  glob: string;
  /** Why the keys belong together, in plain words. */
  reason: string;
  /** The keys it covers (divergences of kind cross-env or missing). */
  keys: KeyPath[];
  /** What each environment would be allowed in the contract: `any`, or `/regex/`. */
  allowed: Record<EnvName, string>;
}

/** Groups of at least this many divergences are worth a row of their own. */
const MIN_GROUP = 4;

const GROUPED_KINDS = new Set(['cross-env', 'missing']);

/** An object's fields are one row from two on: one field alone is already one row. */
const MIN_OBJECT_GROUP = 2;

/** Objects (`Kind/name`, as the environments' files define them) that some environments define
 * and others do not, each with its `missing` keys, when those are all of its keys. */
function objectPatterns(
  divergences: Divergence[],
  environments: EnvName[],
  keys: KeyPath[],
  objects: ReadonlyMap<EnvName, ReadonlyArray<{ kind: string; name: string }>> | undefined,
): DivergencePattern[] {
  if (!objects || objects.size === 0) return [];
  const definedIn = new Map<string, EnvName[]>();
  for (const env of environments) {
    for (const o of objects.get(env) ?? []) {
      const id = `${o.kind}/${o.name}`;
      const list = definedIn.get(id) ?? [];
      if (!list.includes(env)) list.push(env);
      definedIn.set(id, list);
    }
  }
  const missing = divergences.filter((d) => d.kind === 'missing' && !d.declared);
  const out: DivergencePattern[] = [];
  for (const [id, present] of definedIn) {
    if (present.length === environments.length) continue;
    // An object whose name goes on with a dot (`app` and `app.v2`) is another object.
    const longer = [...definedIn.keys()].filter((other) => other.startsWith(`${id}.`));
    const under = (key: KeyPath, of: string) => key.startsWith(`${of}.`) || key.startsWith(`${of}[`);
    const below = (key: KeyPath) => under(key, id) && !longer.some((other) => under(key, other));
    const rows = missing.filter((d) => below(d.key));
    // Taken whole or not at all: a key of it that is declared or not missing is a row of its own.
    if (rows.length === 0 || rows.length !== keys.filter(below).length) continue;
    const absent = environments.filter((env) => !present.includes(env));
    out.push({
      glob: `${id}.*`,
      reason: `${id} is defined in ${present.join(', ')}'s files only (${absent.join(', ')}'s define no such object): each of its keys is missing there`,
      keys: rows.map((d) => d.key),
      allowed: Object.fromEntries(environments.map((env) => [env, 'any'])),
    });
  }
  return out;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The usual short forms of environment names, to see a name inside a value. */
function envTokens(env: EnvName): string[] {
  const lower = env.toLowerCase();
  const aliases: Record<string, string[]> = {
    production: ['prod', 'prd'],
    prod: ['production', 'prd'],
    staging: ['stage', 'stg'],
    stage: ['staging', 'stg'],
    development: ['dev'],
    dev: ['development'],
  };
  return [lower, ...(aliases[lower] ?? [])];
}

/** Whether a value names the environment (or a usual short form of it) as a word of its own; one
 * expression per environment, made once (a first scan asks it of thousands of values). */
function namesEnv(env: EnvName): (value: string | null) => boolean {
  const word = new RegExp(`(^|[^a-z])(${envTokens(env).map(escapeRegex).join('|')})([^a-z]|$)`);
  return (value) => value !== null && word.test(value.toLowerCase());
}

/** The parent of a key path (`network.routes.a.cidr` → `network.routes.a`), or undefined. */
function parentOf(key: KeyPath): KeyPath | undefined {
  const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
  return cut > 0 ? key.slice(0, cut) : undefined;
}

/** Divergences that share a pattern, largest groups first; each divergence in one group at most.
 * Two patterns are seen: every key below one subtree differs (`network.routes.*`), and keys of one
 * suffix whose every value names its own environment (`*_URL`: `https://api.staging...`). */
export function findPatterns(
  divergences: Divergence[],
  environments: EnvName[],
  allKeys: Iterable<KeyPath>,
  objects?: ReadonlyMap<EnvName, ReadonlyArray<{ kind: string; name: string }>>,
): DivergencePattern[] {
  const candidates = divergences.filter((d) => GROUPED_KINDS.has(d.kind) && !d.declared && d.envs.length >= 2);
  const groups: DivergencePattern[] = [];
  const keys = [...new Set(allKeys)];

  // An object some environments' files define and others' do not: every one of its keys is
  // `missing` there, for one reason. One object is one row (a PodDisruptionBudget in production
  // only), not one per field, before any other grouping of its keys.
  const objectGroups = objectPatterns(divergences, environments, keys, objects);
  const objectGlobs = new Set(objectGroups.map((g) => g.glob));
  groups.push(...objectGroups);

  // Values that name their environment, grouped by the key's last word (`PAYMENT_URL` → `URL`).
  const bySuffix = new Map<string, Divergence[]>();
  const named = environments.map((env) => [env, namesEnv(env)] as const);
  for (const d of candidates) {
    if (!named.every(([env, names]) => names(d.values[env]?.repo ?? null))) continue;
    const m = /([._-])([A-Za-z0-9]+)$/.exec(d.key);
    if (!m) continue;
    const glob = `*${m[1]}${m[2]}`;
    const group = bySuffix.get(glob);
    if (group) group.push(d);
    else bySuffix.set(glob, [d]);
  }
  const byName = Object.fromEntries(environments.map((env) => [env, `/${envTokens(env).map(escapeRegex).join('|')}/`]));
  for (const [glob, group] of bySuffix) {
    groups.push({ glob, reason: `every ${glob.slice(1)} key holds its own environment's name`, keys: group.map((d) => d.key), allowed: byName });
  }

  // Subtrees whose every key differs.
  const keysUnder = new Map<KeyPath, number>();
  for (const key of keys) for (let p = parentOf(key); p; p = parentOf(p)) keysUnder.set(p, (keysUnder.get(p) ?? 0) + 1);
  const divergentUnder = new Map<KeyPath, KeyPath[]>();
  for (const d of candidates)
    for (let p = parentOf(d.key); p; p = parentOf(p)) {
      const keys = divergentUnder.get(p);
      if (keys) keys.push(d.key);
      else divergentUnder.set(p, [d.key]);
    }
  for (const [parent, under] of divergentUnder) {
    if (under.length !== keysUnder.get(parent)) continue;
    const glob = `${parent}${parent.endsWith(']') ? '' : '.'}*`;
    if (objectGlobs.has(glob)) continue; // said better as the object it is
    groups.push({
      glob,
      reason: `every key below ${parent} differs between environments`,
      keys: under,
      allowed: Object.fromEntries(environments.map((env) => [env, 'any'])),
    });
  }

  // The largest group first (`network.routes.*` before each route, and before `*.hop` inside
  // it); a key belongs to one group; a subtree is taken whole or not at all.
  const taken = new Set<KeyPath>();
  const patterns: DivergencePattern[] = [];
  for (const group of groups.sort((a, b) => b.keys.length - a.keys.length || a.glob.localeCompare(b.glob))) {
    const fresh = group.keys.filter((k) => !taken.has(k));
    const least = objectGlobs.has(group.glob) ? MIN_OBJECT_GROUP : MIN_GROUP;
    if (fresh.length < least || (group.allowed[environments[0]!] === 'any' && fresh.length !== group.keys.length)) continue;
    patterns.push({ ...group, keys: fresh });
    for (const k of fresh) taken.add(k);
  }
  return patterns.sort((a, b) => b.keys.length - a.keys.length || a.glob.localeCompare(b.glob));
}

/** What one environment holds of a pattern's keys, as its row shows it: how many of them it has a
 * value for (all where they differ), or `—` where it has none (an object defined in the other
 * environments' files only). What the contract entry would allow (`any`, `/regex/`) is said where
 * the pattern is opened: in a row, "any" in every column says nothing of the environments. */
export function heldCell(pattern: DivergencePattern, members: readonly Divergence[], env: EnvName): string {
  const n = members.length === 0 ? pattern.keys.length : members.filter((d) => (d.values[env]?.repo ?? null) !== null).length;
  return n === 0 ? '—' : n === 1 ? '1 key' : `${n} keys`;
}

/** A row of a list that shows patterns: a pattern with the divergences it covers, or one
 * divergence of its own. */
export type PatternRow = { pattern: DivergencePattern; divergences: Divergence[] } | { pattern?: undefined; divergence: Divergence };

/** The divergences as rows a person works through: each pattern first, as one row holding the
 * divergences it covers (in their order), then every divergence no pattern covers, in its order.
 * A live kind of a grouped key (live-drift, ...) stays a row of its own: it is another decision. */
export function groupByPattern(divergences: Divergence[], patterns: DivergencePattern[]): PatternRow[] {
  const patternOf = new Map<KeyPath, number>();
  patterns.forEach((pattern, i) => {
    for (const key of pattern.keys) if (!patternOf.has(key)) patternOf.set(key, i);
  });
  const covered = patterns.map((): Divergence[] => []);
  const single: PatternRow[] = [];
  for (const divergence of divergences) {
    const i = GROUPED_KINDS.has(divergence.kind) && !divergence.declared ? patternOf.get(divergence.key) : undefined;
    if (i === undefined) single.push({ divergence });
    else covered[i]!.push(divergence);
  }
  return [...patterns.map((pattern, i) => ({ pattern, divergences: covered[i]! })), ...single];
}
