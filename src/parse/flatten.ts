import type { KeyPath, RepoLocation, Value, ValueType } from '../model/types.js';
import { identitySegment, indexSegment, joinKey } from './keypath.js';
import { isPlainMap } from '../model/is-map.js';

/** Finds where a part of a parsed file is written. Each format supplies its own; a locator that
 * cannot go deeper keeps answering with its parent's location (e.g. a value merged from an anchor). */
export interface Locator {
  at(segment: string | number): Locator;
  location(): RepoLocation;
  /** The scalar as written in the file, when the format keeps it (YAML `on`, `0755`). */
  sourceText?(): string | undefined;
  /** Where the key (not its value) of a child map entry is written. */
  keyLocation?(segment: string): RepoLocation | undefined;
}

export const fixedLocator = (location: RepoLocation): Locator => {
  const self: Locator = { at: () => self, location: () => location };
  return self;
};

/** List items are addressed by these fields, in this order, when every item carries a unique one. */
export const IDENTITY_FIELDS = ['name', 'key', 'id'] as const;

const isScalar = (v: unknown): boolean => !(Array.isArray(v) || isPlainMap(v));

/** The field that identifies every item of a list of maps, if one does. */
export function identityField(items: unknown[]): string | undefined {
  if (items.length === 0 || !items.every(isPlainMap)) return undefined;
  for (const field of IDENTITY_FIELDS) {
    const ids = items.map((item) => item[field]);
    if (!ids.every((id) => typeof id === 'string' || typeof id === 'number')) continue;
    if (new Set(ids.map(String)).size === ids.length) return field;
  }
  return undefined;
}

export function scalarText(v: unknown): { text: string | null; type: ValueType } {
  if (v === null || v === undefined) return { text: 'null', type: 'null' };
  if (typeof v === 'string') return { text: v, type: 'string' };
  if (typeof v === 'number') return { text: String(v), type: 'number' };
  if (typeof v === 'bigint') return { text: String(v), type: 'number' };
  if (typeof v === 'boolean') return { text: String(v), type: 'boolean' };
  if (v instanceof Date) {
    const iso = v.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso, type: 'string' };
  }
  return { text: JSON.stringify(v), type: 'string' };
}

export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, inner: unknown) => {
    if (inner instanceof Date) return scalarText(inner).text;
    if (isPlainMap(inner)) {
      return Object.fromEntries(
        Object.keys(inner)
          .sort()
          .map((k) => [k, inner[k]]),
      );
    }
    return inner;
  });
}

export function makeValue(v: unknown, locator: Locator): Value {
  const location = locator.location();
  if (Array.isArray(v)) return { text: canonicalJson(v), type: 'list', location };
  if (isPlainMap(v)) return { text: canonicalJson(v), type: 'map', location };
  const { text, type } = scalarText(v);
  const raw = locator.sourceText?.();
  return raw !== undefined && raw !== text ? { text, type, raw, location } : { text, type, location };
}

/** Flattens a parsed document into `KeyPath → Value`: maps to dotted paths, lists of maps by the
 * identity of their items (`apps[name=checkout]`) or by index, lists of scalars as one value. */
export function flatten(root: unknown, locator: Locator, prefix: KeyPath = '', out = new Map<KeyPath, Value>()): Map<KeyPath, Value> {
  walk(root, locator, prefix, out, makeValue);
  return out;
}

/** The value's text as `makeValue` gives it, for where only the text is compared (history). */
export function valueText(v: unknown): string | null {
  if (Array.isArray(v) || isPlainMap(v)) return canonicalJson(v);
  return scalarText(v).text;
}

const NOWHERE = fixedLocator({ file: '', line: 0, column: 0 });

/** `flatten` to value texts only: the same keys and texts, without locations or types. */
export function flattenTexts(root: unknown, prefix: KeyPath = ''): Map<KeyPath, string | null> {
  const out = new Map<KeyPath, string | null>();
  walk(root, NOWHERE, prefix, out, valueText);
  return out;
}

/** `flattenTexts` of one item (at `index`) of the list of maps at `path`, as flattening the whole
 * list gives it: `field` is the list's identity field (`identityField` of all its items). */
export function flattenItemTexts(item: unknown, field: string | undefined, index: number, path: KeyPath): Map<KeyPath, string | null> {
  const out = new Map<KeyPath, string | null>();
  walkItem(item, index, field, NOWHERE, path, out, valueText);
  return out;
}

function walk<T>(v: unknown, locator: Locator, path: KeyPath, out: Map<KeyPath, T>, leaf: (v: unknown, locator: Locator) => T): void {
  if (isPlainMap(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && path !== '') out.set(path, leaf(v, locator));
    for (const k of keys) walk(v[k], locator.at(k), joinKey(path, k), out, leaf);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0 || v.every(isScalar)) {
      if (path !== '') out.set(path, leaf(v, locator));
      return;
    }
    const field = identityField(v);
    v.forEach((item, i) => walkItem(item, i, field, locator, path, out, leaf));
    return;
  }
  if (path === '') return; // a document that is a bare scalar declares no keys
  out.set(path, leaf(v, locator));
}

function walkItem<T>(
  item: unknown,
  i: number,
  field: string | undefined,
  locator: Locator,
  path: KeyPath,
  out: Map<KeyPath, T>,
  leaf: (v: unknown, locator: Locator) => T,
): void {
  if (!field) return walk(item, locator.at(i), path + indexSegment(i), out, leaf);
  // The identity is in the path already; it stays a key only when it is all the item holds.
  const { [field]: id, ...rest } = item as Record<string, unknown>;
  const itemPath = path + identitySegment(field, String(id));
  if (Object.keys(rest).length === 0) walk(item, locator.at(i), itemPath, out, leaf);
  else for (const k of Object.keys(rest)) walk(rest[k], locator.at(i).at(k), joinKey(itemPath, k), out, leaf);
}

/** Keeps the keys below `prefix` (an env's subtree selector) and strips it. */
export function selectSubtree(values: Map<KeyPath, Value>, prefix: string): Map<KeyPath, Value> {
  const out = new Map<KeyPath, Value>();
  for (const [key, value] of values) {
    if (key === prefix) continue;
    if (key.startsWith(`${prefix}.`)) out.set(key.slice(prefix.length + 1), value);
    else if (key.startsWith(`${prefix}[`)) out.set(key.slice(prefix.length), value);
  }
  return out;
}

/** A key whose value text differs between two flattenings. */
export interface TextChange {
  key: KeyPath;
  from: string | null;
  to: string | null;
}

/**
 * What differs between `flattenTexts(before, path)` and `flattenTexts(after, path)`, in the order
 * flattening lists the keys, when both give the same keys in the same order (only value texts
 * differ); undefined when they may not (a key added, removed or reordered, a list's length or its
 * items' identities changed, a value turned from a scalar into a map): the caller flattens.
 * Parts that are the same object are skipped unread: an edited anchor re-resolves the units that
 * alias it into values that share all but the aliases' paths with their last resolution, so this
 * reads a handful of nodes where flattening reads the whole unit.
 */
export function diffTexts(before: unknown, after: unknown, path: KeyPath): TextChange[] | undefined {
  const out: TextChange[] = [];
  return sameKeys(before, after, path, out) ? out : undefined;
}

/** `diffTexts` of one item (at `index`) of a list of maps at `path`, as `flattenItemTexts` names it. */
export function diffItemTexts(before: unknown, after: unknown, field: string | undefined, index: number, path: KeyPath): TextChange[] | undefined {
  const out: TextChange[] = [];
  return sameItem(before, after, index, field, path, out) ? out : undefined;
}

function sameKeys(a: unknown, b: unknown, path: KeyPath, out: TextChange[]): boolean {
  if (a === b) return true;
  if (isPlainMap(a)) {
    if (!isPlainMap(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return false;
    // The same object is the same keys and texts: its path is not even made.
    for (const k of ka) if (a[k] !== b[k] && !sameKeys(a[k], b[k], joinKey(path, k), out)) return false;
    return true;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return false;
    const leaf = a.length === 0 || a.every(isScalar);
    if (leaf !== (b.length === 0 || b.every(isScalar))) return false;
    if (leaf) return sameLeaf(a, b, path, out);
    if (a.length !== b.length) return false;
    const field = identityField(a);
    if (field !== identityField(b)) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameItem(a[i], b[i], i, field, path, out)) return false;
    return true;
  }
  if (Array.isArray(b) || isPlainMap(b)) return false;
  return sameLeaf(a, b, path, out);
}

function sameLeaf(a: unknown, b: unknown, path: KeyPath, out: TextChange[]): boolean {
  if (path === '') return true; // a bare scalar (or an empty root) declares no keys
  const from = valueText(a);
  const to = valueText(b);
  if (from !== to) out.push({ key: path, from, to });
  return true;
}

/** Mirrors `walkItem`: with an identity field the item's other keys sit under `[field=id]`. */
function sameItem(a: unknown, b: unknown, i: number, field: string | undefined, path: KeyPath, out: TextChange[]): boolean {
  if (!field) return sameKeys(a, b, path + indexSegment(i), out);
  if (a === b) return true;
  if (!isPlainMap(a) || !isPlainMap(b)) return false;
  const id = String(a[field]);
  if (id !== String(b[field])) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return false;
  const itemPath = path + identitySegment(field, id);
  if (ka.length === 1 && ka[0] === field) return sameKeys(a, b, itemPath, out);
  for (const k of ka) if (k !== field && a[k] !== b[k] && !sameKeys(a[k], b[k], joinKey(itemPath, k), out)) return false;
  return true;
}
