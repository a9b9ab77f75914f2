// How people name a change in prose when they do not write the key: its value as a step from the
// value before ("15.4 -> 15.8", "from 3 to 5", "20 → 40"), however short the numbers; a bare
// version by the app it belongs to ("ledger 3.14.2" for `image.tag` under apps/ledger/); the key's
// words without their type suffix ("Rate-Limit" for RATE_LIMIT_ENABLED). Each is weaker than the
// key's own name, so a passage that names another key of the scan by its own name is about that one.
import type { CommitLog } from './log.js';
import { keyLeaf } from './documents.js';
import { once } from './once.js';
import { pattern } from './pattern.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A value as prose writes it, quoted or as code, a version with its "v", not inside a longer word or number. */
const asWritten = (value: string) => {
  const v = escape(value.trim());
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
  const words = keyLeaf(key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  if (words.length < 3 || !TYPE_SUFFIX.test(words.at(-1)!)) return undefined;
  const stem = words.slice(0, -1);
  if (stem.join('').length < 8 || !/^[a-z0-9]+$/.test(stem.join(''))) return undefined;
  // Not followed by another word of a key ("rate limit per minute" is another setting).
  return {
    pattern: new RegExp(`(?<![A-Za-z0-9_])${stem.map(escape).join('[-_ ]?')}(?![A-Za-z0-9_]|[-_ ](?:per|pro|je|max|min|size|window|burst)\\b)`, 'i'),
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
export const namesApp = (lower: string, app: string) => lower.includes(app) && pattern(`(?<![a-z0-9_-])${escape(app)}(?![a-z0-9_]|-[a-z])`, '').test(lower);

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
