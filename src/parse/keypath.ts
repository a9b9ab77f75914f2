import { UserError } from '../errors.js';
import type { KeyPath } from '../model/types.js';

// The one key-path syntax, written (the readers, as they flatten) and read (the editors, the live
// patcher) here alone: `a.b`, `a["x.y"]`, `apps[name=checkout]`, `apps[name="a b"]`, `ports[0]`.
// test/parse/keypath.test.ts proves that reading gives back what was written.

const PLAIN_SEGMENT = /^[A-Za-z0-9_$-]+$/;

/** A map key as a segment: bare when plain, else quoted in brackets (`["x.y"]`). */
export function keySegment(name: string): string {
  return PLAIN_SEGMENT.test(name) ? name : `[${JSON.stringify(name)}]`;
}

/** `parent.name`, or `parent["odd name"]`. */
export function joinKey(parent: KeyPath, name: string): KeyPath {
  const segment = keySegment(name);
  if (parent === '') return segment;
  return segment.startsWith('[') ? parent + segment : `${parent}.${segment}`;
}

/** A list item by its identity: `[name=checkout]`, quoted when the value needs it. */
export function identitySegment(field: string, value: string): string {
  const shown = /^[^\]"=\s]+$/.test(value) ? value : JSON.stringify(value);
  return `[${field}=${shown}]`;
}

/** A list item by its position, where no item has an identity. */
export const indexSegment = (index: number): string => `[${index}]`;

/** Writes parsed segments back as a key path: parseKeyPath's inverse. */
export function formatKeyPath(segments: readonly PathSegment[]): KeyPath {
  let path = '';
  for (const segment of segments) {
    if ('key' in segment) path = joinKey(path, segment.key);
    else if ('index' in segment) path += indexSegment(segment.index);
    else path += identitySegment(segment.match.field, segment.match.value);
  }
  return path;
}

/** One step of a KeyPath: a map key, a list item by identity (`[name=checkout]`), or by index. */
export type PathSegment = { key: string } | { match: { field: string; value: string } } | { index: number };

/** Parses the KeyPath syntax the readers produce: `a.b`, `a["x.y"]`, `apps[name=checkout]`,
 * `apps[name="a b"]`, `ports[0]`. */
export function parseKeyPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = () => new UserError(`cannot read the key path "${path}" at character ${i + 1}`);
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = findBracketEnd(path, i);
      if (end < 0) throw fail();
      const inner = path.slice(i + 1, end);
      if (inner.startsWith('"')) segments.push({ key: JSON.parse(inner) as string });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else {
        const eq = inner.indexOf('=');
        if (eq <= 0) throw fail();
        const raw = inner.slice(eq + 1);
        segments.push({ match: { field: inner.slice(0, eq), value: raw.startsWith('"') ? (JSON.parse(raw) as string) : raw } });
      }
      i = end + 1;
      continue;
    }
    const m = /^[A-Za-z0-9_$-]+/.exec(path.slice(i));
    if (!m) throw fail();
    segments.push({ key: m[0] });
    i += m[0].length;
  }
  return segments;
}

function findBracketEnd(path: string, start: number): number {
  let quoted = false;
  for (let j = start + 1; j < path.length; j++) {
    const c = path[j];
    if (c === '\\' && quoted) {
      j++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (c === ']' && !quoted) return j;
  }
  return -1;
}

/** `Deployment/checkout.containers[name=app]...` → the object's kind and name, and the rest. */
export function splitManifestKey(path: string): { kind: string; name: string; rest: string } | undefined {
  const m = /^([A-Z][A-Za-z]+)\/([^.[\]]+)(.*)$/.exec(path);
  return m ? { kind: m[1]!, name: m[2]!, rest: m[3]!.replace(/^\./, '') } : undefined;
}
