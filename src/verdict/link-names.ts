// How people name a change in prose when they do not write the key: its value as a step from the
// value before ("15.4 -> 15.8", "from 3 to 5", "20 → 40"), however short the numbers; a bare
// version by the app it belongs to ("ledger 3.14.2" for `image.tag` under apps/ledger/); the key's
// words without their type suffix ("Rate-Limit" for RATE_LIMIT_ENABLED). Each is weaker than the
// key's own name, so a passage that names another key of the scan by its own name is about that one.
import type { CommitLog } from './log.js';
import { keyLeaf } from './documents.js';
import { once } from './once.js';
import { pattern, escapeRegExp } from './pattern.js';
import { wordsOfKey } from '../parse/key-words.js';

/** A value as prose writes it, quoted or as code, a version with its "v", not inside a longer word or number. */
const asWritten = (value: string) => {
  const v = escapeRegExp(value.trim());
  const version = /^\d/.test(value.trim()) ? 'v?' : '';
  return String.raw`[\x60"'“]?${version}${v}[\x60"'”]?`;
};
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}_.-])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}_]|[.-][\p{L}\p{N}])`;

/** Does the passage write the step from `from` to `to`: "15.4 -> 15.8", "`20` → `40`", "3 => 5",
 * "from 10 to 50", "von 10 auf 50", "de 10 à 50", "de 10 a 50", "z 10 na 50", "van 10 naar 50"? */
export function namesStep(text: string, from: string, to: string, lower = text.toLowerCase()): boolean {
  if (!from.trim() || !to.trim() || from.trim() === to.trim()) return false;
  if (!lower.includes(to.trim().toLowerCase()) || !lower.includes(from.trim().toLowerCase())) return false;
  const [a, b] = [asWritten(from), asWritten(to)];
  // A unit after either number is allowed ("10s -> 30s", "512Mi → 1Gi" are values whole).
  const unit = String.raw`(?:\s?(?:s|ms|m|h|d|%|[kmg]i?b?))?`;
  return pattern(
    String.raw`${EDGE_BEFORE}${a}${unit}\s*(?:->|→|=>|⇒|➜|—>|-->)\s*${b}${unit}${EDGE_AFTER}|` +
      String.raw`(?<![\p{L}])(?:from|von|de|desde|da|van|z|od|с|от)\s+${a}${unit}\s+(?:to|auf|zu|nach|à|a|para|naar|na|do|до|на)\s+${b}${unit}${EDGE_AFTER}`,
    'iu',
  ).test(text);
}

// The last word of a key's leaf that says what kind of setting it is, not what it sets: a passage
// names RATE_LIMIT_ENABLED as "Rate-Limit", `featureX.enabled` as "feature X".
const TYPE_SUFFIX = /^(?:enabled|enable|disabled|disable|flag|toggle|switch|on|active|activated)$/;

/** The key's words less their type suffix, as prose writes them ("rate limit", "Rate-Limit",
 * "ratelimit"): two words or more, eight letters or more, where the leaf ends in such a suffix. */
export const keyStem = once((key: string) => key, keyStemOnce);

function keyStemOnce(key: string): { pattern: RegExp; run: string } | undefined {
  const words = wordsOfKey(keyLeaf(key))
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  if (words.length < 3 || !TYPE_SUFFIX.test(words.at(-1)!)) return undefined;
  const stem = words.slice(0, -1);
  if (stem.join('').length < 8 || !/^[a-z0-9]+$/.test(stem.join(''))) return undefined;
  // Not followed by another word of a key ("rate limit per minute" is another setting).
  return {
    pattern: new RegExp(`(?<![A-Za-z0-9_])${stem.map(escapeRegExp).join('[-_ ]?')}(?![A-Za-z0-9_]|[-_ ](?:per|pro|je|max|min|size|window|burst)\\b)`, 'i'),
    run: stem[0]!,
  };
}

// Directories that say where a file sits, not which app it is.
const NOT_APP = new Set(
  (
    'apps app applications services service charts chart helm k8s kube kubernetes deploy deployment deployments manifests ' +
    'overlays overlay base bases config configs configuration env envs environments environment values infra terraform tf ' +
    'src etc conf settings stacks stack clusters cluster releases release platform ops gitops argocd flux kustomize templates'
  ).split(' '),
);
// A key whose value is a release's version: an image's tag, a chart's or an app's version.
const VERSION_LEAF = /^(?:tag|version|image[-_]?tag|app[-_]?version|chart[-_]?version|release|image[-_]?version|[a-z]+[-_]?version)$/i;
const BARE_VERSION = /^v?\d+\.\d+(?:\.\d+){0,2}(?:[-+][\w.]+)?$/;

/** The apps a bare version of `key` belongs to, as prose names them: the directories of the files
 * that hold it (apps/ledger/staging/values.yaml → ledger), less the environments' and layout's names,
 * and the last part of an image repository beside it (registry.example/ledger → ledger). Only for a
 * key whose leaf is a version (`image.tag`, `appVersion`) and a value that is a bare version. */
export function appsOf(key: string, value: string | null, log: CommitLog | undefined): string[] {
  if (!log || value === null || !BARE_VERSION.test(value.trim()) || !VERSION_LEAF.test(keyLeaf(key))) return [];
  const envs = new Set([...log.envs.keys()].map((e) => e.toLowerCase()));
  const apps = new Set<string>();
  // Sliced, not matched: an end-anchored pattern would be tried from every position of a long key.
  const repoKey = `${key.slice(0, key.lastIndexOf('.') + 1)}repository`;
  for (const keys of log.envs.values()) {
    for (const e of keys.get(key) ?? []) {
      for (const dir of e.file.toLowerCase().split('/').slice(0, -1)) {
        if (dir.length >= 3 && !NOT_APP.has(dir) && !envs.has(dir) && !envs.has(dir.replace(/^(?:values|env)[-_.]/, '')) && /[a-z]/.test(dir)) apps.add(dir);
      }
    }
    // The repository beside the tag, in the environment's own history of it.
    const repo = repoKey !== key ? keys.get(repoKey)?.[0]?.to : undefined;
    const last = repo?.split('/').at(-1)?.toLowerCase();
    if (last && last.length >= 3 && /[a-z]/.test(last)) apps.add(last);
  }
  return [...apps];
}

/** Does a document (path and text, lower case) name the app as a word ("ledger", "ledger-3.14.2.md"; "ledger-api" is another)? */
export const namesApp = (lower: string, app: string) =>
  lower.includes(app) && pattern(`(?<![a-z0-9_-])${escapeRegExp(app)}(?![a-z0-9_]|-[a-z])`, '').test(lower);

/** Is `version` a bare version (3.14.2, v2.8, 15.8)? */
export const isBareVersion = (version: string | null): version is string => version !== null && BARE_VERSION.test(version.trim());

// (The keys of the scan by their own names live in documents.ts, whose readers ask it too.)
export { namesOtherKey } from './documents.js';

/** Do two words of a language that inflects share their stem: "odrzucaj" and "odrzucanie",
 * "webhooki" and "webhooków", "niepodpisane" and "niepodpisanych" — a common beginning of five
 * letters or more that leaves at most three letters of either word after it. */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 5 && a.length - i <= 3 && b.length - i <= 3;
}

/** A list's elements, as a value holds them: a JSON list of scalars (a YAML or JSON list, flattened
 * whole) or a comma-separated string ("https://a.example,https://b.example"); undefined for any other value. */
export function elementsOf(value: string | null): string[] | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v.startsWith('[') && v.endsWith(']')) {
    try {
      const list: unknown = JSON.parse(v);
      if (Array.isArray(list) && list.every((x) => typeof x === 'string' || typeof x === 'number')) return list.map((x) => String(x).trim()).filter(Boolean);
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (!v.includes(',') || v.length > 2000) return undefined;
  const items = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length >= 2 && items.every((x) => !/\s/.test(x)) ? items : undefined;
}

// A URL's host and path, as prose names a service: "api-v1.vendor.example", "/v2/geocode".
const URL_PARTS = /^(?:[a-z][a-z0-9+.-]{0,20}:\/\/)?(?:[^@/\s]{1,200}@)?([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10})(?::\d{2,5})?(\/[^?#\s]{0,200})?/i;

/** A value's host and path where it is a URL ("https://api-v1.vendor.example/v1" → api-v1.vendor.example, /v1). */
function urlParts(value: string): { host?: string; path?: string } {
  if (!/^[a-z][a-z0-9+.-]{0,20}:\/\//i.test(value) && !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\//i.test(value)) return {};
  const m = URL_PARTS.exec(value);
  if (!m || !/[a-z]/i.test(m[1]!)) return {};
  let path = m[2];
  while (path?.endsWith('/')) path = path.slice(0, -1);
  return { host: m[1]!.toLowerCase(), ...(path && path.length >= 6 && /\p{L}/u.test(path) ? { path } : {}) };
}

const namedPart = (p: string) => p.length >= 6 && /\p{L}/u.test(p) && !/\s/.test(p) && !/^(?:true|false|enabled|disabled|default|localhost)$/i.test(p);

/** What a change changed inside its values, as prose names it without the whole value: a list's
 * elements added or removed (against every other value of the key: "app.nuvo.example" added to a
 * CORS origin list), an element's host, and a URL's host or path where the others' differ ("the
 * vendor retires api-v1.vendor.example"). Each distinctive (six characters or more, with a letter);
 * none that the whole value is (the value links whole already). */
export function partsChanged(values: ReadonlyArray<string | null>, others: ReadonlyArray<string | null>): string[] {
  const out = new Set<string>();
  const rest = others.filter((o): o is string => o !== null && o.trim() !== '');
  for (const v of values) {
    if (v === null || v.trim() === '') continue;
    const against = rest.filter((o) => o !== v);
    // A list cut down to one item is a list still, where another value of the key is one.
    const elements = elementsOf(v) ?? (against.some((o) => elementsOf(o)) ? [v.trim()] : undefined);
    if (elements) {
      const otherElements = against.map((o) => new Set(elementsOf(o) ?? [o.trim()]));
      const changed = new Set<string>();
      // Added: in this value, not in every other; removed: in another, not in this one.
      for (const e of elements) if (otherElements.some((s) => !s.has(e))) changed.add(e);
      for (const s of otherElements) for (const e of s) if (!elements.includes(e)) changed.add(e);
      for (const e of changed) {
        if (namedPart(e)) out.add(e);
        const { host } = urlParts(e);
        if (host && namedPart(host) && ![...elements, ...against].some((x) => x !== e && !changed.has(x) && x.toLowerCase().includes(host))) out.add(host);
      }
      continue;
    }
    const { host, path } = urlParts(v.trim());
    const otherParts = against.map((o) => urlParts(o.trim()));
    if (host && namedPart(host) && !otherParts.some((o) => o.host === host)) out.add(host);
    if (path && host && otherParts.some((o) => o.host === host && o.path !== path)) out.add(path);
  }
  for (const v of values) if (v) out.delete(v.trim());
  return [...out];
}

/** Every part (`partsChanged` of one value alone: its elements and hosts) that each key of the log
 * holds in some environment now, by the part in lower case: a part two keys hold is named of one only
 * with that key's own words. Made once per log. */
const holdersByLog = new WeakMap<CommitLog, Map<string, Set<string>>>();
export function partHolders(log: CommitLog): ReadonlyMap<string, ReadonlySet<string>> {
  let made = holdersByLog.get(log);
  if (made) return made;
  made = new Map();
  const add = (part: string, key: string) => {
    const lower = part.toLowerCase();
    const set = made.get(lower);
    if (set) set.add(key);
    else made.set(lower, new Set([key]));
  };
  for (const keys of log.envs.values())
    for (const [key, events] of keys) {
      const to = events[0]?.to;
      if (!to || to.length > 4000) continue;
      const elements = elementsOf(to);
      for (const e of elements ?? [to.trim()]) {
        if (elements && namedPart(e)) add(e, key);
        const { host } = urlParts(e);
        if (host) add(host, key);
      }
    }
  holdersByLog.set(log, made);
  return made;
}

/** The words of a key's path, lower case, three letters or more ("api.cors.allowedOrigins" → api, cors, allowed, origins). */
const pathWordsOf = (key: string): string[] =>
  wordsOfKey(key)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3);

/** Is a part of the change's value (`partsChanged`) named in the passage as this key's: no other key
 * holds it, or the passage names a word of this key's path that none of the other holders' paths has
 * ("the new domain is allowed in CORS" where a CSP list holds it too). */
export function partIsKeys(part: string, key: string, lower: string, log: CommitLog): boolean {
  const holders = [...(partHolders(log).get(part.toLowerCase()) ?? [])].filter((k) => k !== key);
  if (holders.length === 0) return true;
  const theirs = new Set(holders.flatMap(pathWordsOf));
  return pathWordsOf(key).some((w) => !theirs.has(w) && pattern(`(?<![a-z0-9])${escapeRegExp(w)}s?(?![a-z0-9])`, '').test(lower));
}
