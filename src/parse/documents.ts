import type { KeyPath } from '../model/types.js';
import { formatKeyPath, parseKeyPath, type PathSegment } from './keypath.js';
import { isMap } from '../model/is-map.js';

// Several documents in one YAML file are told apart by what identifies them, not by where they
// are: a Spring profile document by the profile it activates for, a Kubernetes object by its
// kind and name (as manifests name it), and only an anonymous document by its place among the
// other anonymous ones. So inserting a document moves no other document's keys.

/** The profiles a Spring document activates for (`spring.config.activate.on-profile`, or the
 * older `spring.profiles`), as written: `staging`, `staging | qa`, `!prod`, a list. */
export function springProfiles(doc: unknown): string | undefined {
  if (!isMap(doc)) return undefined;
  const spring = doc.spring;
  const dotted = (key: string) => doc[key];
  const read = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.map(String).join(',') : undefined);
  if (isMap(spring)) {
    const config = spring.config;
    const activate = isMap(config) ? config.activate : undefined;
    const onProfile = isMap(activate) ? read(activate['on-profile']) : undefined;
    if (onProfile) return onProfile;
    const profiles = read(spring.profiles);
    if (profiles) return profiles;
  }
  return read(dotted('spring.config.activate.on-profile')) ?? read(dotted('spring.profiles'));
}

/** The key prefix of a profile document: `[profile=staging]`. */
export const profilePrefix = (profiles: string) => `[profile=${/^[^\]"=\s]+$/.test(profiles) ? profiles : JSON.stringify(profiles)}]`;

/** Whether a profile expression (`staging`, `a,b`, `a | b`, `!prod`) activates for `env`. */
export function profileActive(expression: string, env: string): boolean {
  return expression.split(/[,|]/).some((term) => {
    const t = term.trim();
    return t.startsWith('!') ? t.slice(1).trim() !== env : t === env;
  });
}

const ACTIVATION_KEYS = new Set(['spring.config.activate.on-profile', 'spring.profiles', '["spring.config.activate.on-profile"]', '["spring.profiles"]']);

const PROFILE_KEY = /^\[profile=("(?:[^"\\]|\\.)*"|[^\]]*)\]\.?/;

/** The keys Spring applies for `env` from one file's identity-keyed keys: the documents without
 * a profile (`base`) and, over them, those whose profile activates for `env` (`profile`, their
 * prefix removed); documents for other profiles are not applied. */
export function springView<T>(
  values: Map<KeyPath, T>,
  env: string,
): { base: Map<KeyPath, T>; profile: Map<KeyPath, T>; profileOf: Map<KeyPath, string>; active: string[] } {
  const base = new Map<KeyPath, T>();
  const profile = new Map<KeyPath, T>();
  /** Each applied profile key's document (its expression), and the documents that activate. */
  const profileOf = new Map<KeyPath, string>();
  const active = new Set<string>();
  for (const [key, value] of values) {
    const m = PROFILE_KEY.exec(key);
    if (!m) {
      base.set(springKey(key), value);
      continue;
    }
    const expression = m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!;
    const inner = key.slice(m[0].length);
    if (!profileActive(expression, env)) continue;
    active.add(expression);
    // The activation itself names the profile: it is no setting of the environment.
    if (ACTIVATION_KEYS.has(inner)) continue;
    profile.set(springKey(inner), value);
    profileOf.set(springKey(inner), expression);
  }
  return { base, profile, profileOf, active: [...active] };
}

/** A key as Spring binds it: a YAML key written with dots at a document's top
 * (`spring.datasource.url: ...`) is the same property as the nested `spring: {datasource: {url:
 * ...}}` (and as the .properties line), so it is split into its parts. A dotted key below a map
 * (`properties: {session.timeout.ms: 45000}`, `logging.level: {org.hibernate.SQL: DEBUG}`) keeps
 * its name, as it is written and found in the file: it is a map entry's key there. Without this,
 * a profile document's flat override reads as a key of its own and the nested one it overrides
 * as unchanged. */
export function springKey(key: KeyPath): KeyPath {
  if (!key.startsWith('["')) return key;
  let segments: PathSegment[];
  try {
    segments = parseKeyPath(key);
  } catch {
    return key;
  }
  const [first, ...rest] = segments;
  if (!first || !('key' in first) || !first.key.includes('.') || first.key.includes('[')) return key;
  const parts = first.key.split('.').filter((part) => part !== '');
  return formatKeyPath([...parts.map((part) => ({ key: part })), ...rest]);
}

/** The values Spring sees for `env`: the profile documents that activate for it over the rest. */
export function applySpringProfiles<T>(values: Map<KeyPath, T>, env: string): Map<KeyPath, T> {
  const { base, profile } = springView(values, env);
  for (const [key, value] of profile) base.set(key, value);
  return base;
}
