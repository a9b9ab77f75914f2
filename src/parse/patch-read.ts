import type { ReadLimits } from '../model/limits.js';
import type { KeyPath, Value } from '../model/types.js';
import type { SecretFingerprint } from './fingerprint.js';
import { yamlVersionOf } from './format.js';
import { readYaml } from './read.js';

// After one new commit the file it changed is read again in full: the `yaml` library composes a
// 4,000-line values file for every key's line and column (~0.5 CPU-s, most of what a scan after a
// one-line commit spends on the repository side). Most such commits rewrite one scalar in place
// (an image tag, a replica count). Where the new text differs from the kept read's text only in
// lines of that shape, the kept read is patched instead: every value located at the old scalar
// (the key itself, and each alias or merge that copies it: they share its location) takes the new
// scalar's value, as a one-line document of the same format reads it. Anything else — lines added
// or removed, a comment, an anchor or alias, a flow collection, a block scalar, a key that names
// list items or manifests (name, key, id, kind, apiVersion), a value the kept read does not hold
// verbatim (a secret's fingerprint, a built object's) — answers undefined and the file is read whole.
// test/parse/patch-read.test.ts compares the patch with a whole read on random edits.

/** The most changed lines patched; more is a larger edit, read whole. */
const MOST_LINES = 20;

/** `key: scalar` at the start of a block map entry (or of a list item's first entry). */
const ENTRY = /^( *)(- )?([A-Za-z0-9_][A-Za-z0-9_./-]*): (.+)$/;
/** A plain scalar of one word (no spaces, nothing YAML reads as structure, anchor, alias, tag or
 * comment), or a quoted one without quotes or escapes inside. */
const SCALAR = /^(?:[A-Za-z0-9][A-Za-z0-9._/+@=:-]*|"[^"\\]*"|'[^']*')$/;
/** Keys whose value names list items (flatten's identity fields) or makes a document a manifest. */
const STRUCTURAL = new Set(['name', 'key', 'id', 'kind', 'apiVersion']);
/** The fields of a scalar's value as a file's read makes it (notes are added after the read). */
const PLAIN = new Set(['text', 'type', 'raw', 'location']);
/** A document that may be a Kubernetes manifest (read by kind, not key by key). */
const MANIFEST_LIKE = /^(?:apiVersion|kind):/m;

/** How a one-line document `k: <scalar>` reads in the file's format: its one value, or undefined
 * when it reads otherwise (a warning, another key). */
export type ReadScalar = (scalar: string) => Pick<Value, 'text' | 'type' | 'raw'> | undefined;

/** `kept` (the read of `before`) patched to be the read of `after`, or undefined when the change is
 * not one this can patch (see above). `kept` is not modified. */
export function patchRead(
  before: string,
  after: string,
  kept: ReadonlyMap<KeyPath, Value>,
  file: string,
  readScalar: ReadScalar,
): Map<KeyPath, Value> | undefined {
  if (MANIFEST_LIKE.test(after) || MANIFEST_LIKE.test(before)) return undefined;
  const old = before.split('\n');
  const now = after.split('\n');
  if (old.length !== now.length) return undefined;
  /** Per changed scalar (1-based line and column), the value it reads as before and after. */
  const changes = new Map<string, { was: Pick<Value, 'text' | 'type' | 'raw'>; is: Pick<Value, 'text' | 'type' | 'raw'> }>();
  for (let i = 0; i < old.length; i++) {
    if (old[i] === now[i]) continue;
    if (changes.size === MOST_LINES) return undefined;
    const a = ENTRY.exec(old[i]!);
    const b = ENTRY.exec(now[i]!);
    if (!a || !b || a[1] !== b[1] || a[2] !== b[2] || a[3] !== b[3] || STRUCTURAL.has(a[3]!)) return undefined;
    if (!SCALAR.test(a[4]!) || !SCALAR.test(b[4]!)) return undefined;
    const was = readScalar(a[4]!);
    const is = readScalar(b[4]!);
    if (!was || !is) return undefined;
    const column = a[1]!.length + (a[2]?.length ?? 0) + a[3]!.length + 3;
    changes.set(`${i + 1}:${column}`, { was, is });
  }
  if (changes.size === 0) return undefined;
  const out = new Map(kept);
  const found = new Set<string>();
  for (const [key, value] of kept) {
    if (value.location.file !== file) continue;
    const at = `${value.location.line}:${value.location.column}`;
    const change = changes.get(at);
    if (!change) continue;
    // The kept value must be the scalar as written, read as the one-line document reads it.
    if (Object.keys(value).some((field) => !PLAIN.has(field))) return undefined;
    if (value.text !== change.was.text || value.type !== change.was.type || value.raw !== change.was.raw) return undefined;
    found.add(at);
    // In makeValue's order of fields: the JSON output is compared byte for byte with a whole read's.
    const { text, type, raw } = change.is;
    out.set(key, raw !== undefined ? { text, type, raw, location: value.location } : { text, type, location: value.location });
  }
  // A changed scalar no value is located at (a repeated key the later one overrides, a document
  // the read skipped): only a whole read says what it means.
  return found.size === changes.size ? out : undefined;
}

/** `ReadScalar` for a YAML or Helm values file: `k: <scalar>` read as the file is read (its YAML
 * version, limits and fingerprint key). */
export function yamlScalarReader(relPath: string, format: 'yaml' | 'helm', limits: Readonly<ReadLimits>, fingerprint: SecretFingerprint): ReadScalar {
  return (scalar) => {
    const read = readYaml(`k: ${scalar}\n`, relPath, yamlVersionOf(format), limits, fingerprint);
    const value = read.values.get('k');
    if (!value || read.values.size !== 1 || read.warnings.length > 0) return undefined;
    return value.raw !== undefined ? { text: value.text, type: value.type, raw: value.raw } : { text: value.text, type: value.type };
  };
}
