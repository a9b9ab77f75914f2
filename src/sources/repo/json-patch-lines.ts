// Where an overlay's JSON 6902 patch writes a built value. Kustomize's `patches:` (and the older
// `patchesJson6902:`) entries name a target object and a list of operations, inline (`patch: |-`)
// or in their own file (`path: scale.yaml`); no line of them is a manifest's, so the as-files read
// cannot place the value and it sat at the kustomization's line 1 — the wrong file, for a patch of
// its own. Each `add`/`replace` operation's `value` is placed here: the operation is applied to a
// copy of the built object with a marker as its value, and the key the marker lands on (as the
// object is flattened) is the key the operation writes.
import path from 'node:path';
import type { KeyPath, RepoLocation, Value } from '../../model/types.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../model/limits.js';
import { fixedLocator, type Locator } from '../../parse/flatten.js';
import { flattenManifest } from '../../parse/manifests.js';
import { parseYaml } from '../../parse/yaml.js';
import { readInside } from '../boundary.js';
import { isMap } from '../../model/is-map.js';

/** A built object: its kind, its name by identity, and the object as the build made it (names
 * already read by identity, as the scan flattens it). */
export interface BuiltObject {
  kind: string;
  name: string;
  value: unknown;
}

/** One `add` or `replace` with where its value is written: each leaf of the value by its place
 * below the operation's path. */
interface PatchLeaf {
  target: { kind?: string; name?: string };
  pointer: string[];
  text: string;
  at: RepoLocation;
}

// No file's value: what the flattening makes of it is found by its text.
const MARK = 'undrift-json-6902-mark-5c1f0a9e';

/** `/spec/template/spec/containers/0/image` → its segments (`~1` is `/`, `~0` is `~`). */
function pointerSegments(pointer: string): string[] | undefined {
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The leaves of an operation's value, each with its path below the operation's and its line. */
function leavesOf(value: unknown, locator: Locator, below: string[], out: Array<{ below: string[]; text: string; at: RepoLocation }>): void {
  if (Array.isArray(value)) value.forEach((v, i) => leavesOf(v, locator.at(i), [...below, String(i)], out));
  else if (isMap(value)) for (const [k, v] of Object.entries(value)) leavesOf(v, locator.at(k), [...below, k], out);
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    out.push({ below, text: String(value), at: locator.location() });
}

/** The operations of one patch text (a YAML or JSON list of `{op, path, value}`), or none when the
 * text is a strategic-merge patch. `shift` moves its lines to where the text sits in its file. */
function operationsOf(text: string, file: string, target: PatchLeaf['target'], shift: (at: RepoLocation) => RepoLocation, limits: Readonly<ReadLimits>) {
  const leaves: PatchLeaf[] = [];
  let doc;
  try {
    doc = parseYaml(text, file, '1.2', limits).docs[0];
  } catch {
    return leaves; // kustomize refuses it too: the build has said so
  }
  if (!doc || !Array.isArray(doc.value)) return leaves;
  doc.value.forEach((op: unknown, i) => {
    if (!isMap(op) || (op.op !== 'add' && op.op !== 'replace') || typeof op.path !== 'string' || !('value' in op)) return;
    const pointer = pointerSegments(op.path);
    if (!pointer) return;
    const found: Array<{ below: string[]; text: string; at: RepoLocation }> = [];
    leavesOf(op.value, doc.locator.at(i).at('value'), [], found);
    for (const leaf of found) leaves.push({ target, pointer: [...pointer, ...leaf.below], text: leaf.text, at: shift(leaf.at) });
  });
  return leaves;
}

/** Sets `value` at `pointer` in a copy of `obj` (an array's `-` is its end); undefined when the
 * pointer leads nowhere in it. */
function withValueAt(obj: unknown, pointer: readonly string[], value: string): unknown {
  if (pointer.length === 0) return value;
  const [head, ...rest] = pointer as [string, ...string[]];
  if (Array.isArray(obj)) {
    const items = obj as unknown[];
    const i = head === '-' ? items.length - 1 : Number(head);
    if (!Number.isInteger(i) || i < 0 || i >= items.length) return undefined;
    const inner = withValueAt(items[i], rest, value);
    return inner === undefined ? undefined : items.map((v, j) => (j === i ? inner : v));
  }
  if (!isMap(obj)) return undefined;
  if (!(head in obj) && rest.length > 0) return undefined;
  const inner = withValueAt(obj[head], rest, value);
  return inner === undefined ? undefined : { ...obj, [head]: inner };
}

/** Each built key an `add`/`replace` of the overlay's own kustomization writes, at the line of its
 * value: the last operation that writes the key wins, as the build applies them in order. */
export function jsonPatchLines(
  repoRoot: string,
  kustomization: string,
  /** The built objects, made only when the kustomization has an operation to place. */
  builtObjects: () => readonly BuiltObject[],
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Map<KeyPath, { at: RepoLocation; text: string }> {
  const placed = new Map<KeyPath, { at: RepoLocation; text: string }>();
  let text: string | undefined;
  try {
    text = readInside(repoRoot, kustomization, kustomization, limits);
  } catch {
    return placed; // the build read it; where its values are written is only a nicety
  }
  if (text === undefined) return placed;
  let doc;
  try {
    doc = parseYaml(text, kustomization, '1.2', limits).docs[0];
  } catch {
    return placed;
  }
  if (!doc || !isMap(doc.value)) return placed;
  const lines = text.split('\n');
  const leaves: PatchLeaf[] = [];
  for (const field of ['patches', 'patchesJson6902']) {
    const entries = doc.value[field];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: unknown, i) => {
      if (!isMap(entry) || !isMap(entry.target)) return;
      const target = {
        ...(typeof entry.target.kind === 'string' ? { kind: entry.target.kind } : {}),
        ...(typeof entry.target.name === 'string' ? { name: entry.target.name } : {}),
      };
      if (typeof entry.patch === 'string') {
        // An inline patch's line k sits below its `patch: |-` line (a block), or on it (one line).
        const start = doc.locator.at(field).at(i).at('patch').location();
        const indicator = lines[start.line - 1]?.charAt(start.column - 1);
        const block = indicator === '|' || indicator === '>';
        const indent = block ? (/^\s*/.exec(lines[start.line] ?? '')?.[0].length ?? 0) : start.column - 1;
        const shift = (at: RepoLocation): RepoLocation => ({
          file: kustomization,
          line: start.line + at.line - (block ? 0 : 1),
          column: at.column + indent,
        });
        leaves.push(...operationsOf(entry.patch, kustomization, target, shift, limits));
      } else if (typeof entry.path === 'string') {
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(kustomization), entry.path));
        if (file === '..' || file.startsWith('../')) return;
        let patchText: string | undefined;
        try {
          patchText = readInside(repoRoot, file, `${kustomization}: patch`, limits);
        } catch {
          return; // the build read it or said why it could not
        }
        if (patchText !== undefined) leaves.push(...operationsOf(patchText, file, target, (at) => at, limits));
      }
    });
  }
  const objects = leaves.length > 0 ? builtObjects() : [];
  for (const leaf of leaves) {
    for (const object of objects) {
      if ((leaf.target.kind && leaf.target.kind !== object.kind) || (leaf.target.name && leaf.target.name !== object.name)) continue;
      const marked = withValueAt(object.value, leaf.pointer, MARK);
      if (marked === undefined) continue;
      const flat = new Map<KeyPath, Value>();
      flattenManifest(marked, fixedLocator({ file: kustomization, line: 1, column: 1 }), flat);
      for (const [key, value] of flat) if (value.text === MARK) placed.set(key, { at: leaf.at, text: leaf.text });
    }
  }
  return placed;
}
