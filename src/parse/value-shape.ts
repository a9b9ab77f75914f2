import { raiseWith, type ReadLimits } from '../model/limits.js';

// A parsed document is walked by recursive code (flattening, canonical JSON, comparison): before
// that, its shape is checked here without recursion, so that a 100,000-deep list or an alias bomb
// becomes a one-line error instead of a stack overflow or an exhausted heap. Parsers that share
// one object between its aliases (js-yaml) make a document a graph: each shared node is measured
// once and its size counted at every place it appears, so the walk is linear in distinct nodes.

const isDate = (v: unknown): v is Date => v instanceof Date;

function childrenOf(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v as unknown[];
  if (typeof v === 'object' && v !== null && !isDate(v) && !Buffer.isBuffer(v)) return Object.values(v as Record<string, unknown>);
  return undefined;
}

interface Frame {
  node: object;
  children: unknown[];
  next: number;
  /** Values below and including this node, aliases expanded. */
  size: number;
}

/** Why the value is too large or too deep to read, or undefined when it is fine. Messages are
 * made only when needed: a number's locale format costs more than checking a small value (the
 * history checks every unit it parses, ~50,000 on a Helm values file's history). */
export function shapeProblem(root: unknown, limits: Pick<ReadLimits, 'expandedValues' | 'nesting' | 'from'>): string | undefined {
  const maxValues = limits.expandedValues;
  const maxNesting = limits.nesting;
  const rootChildren = childrenOf(root);
  if (!rootChildren) return undefined;
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const stack: Frame[] = [{ node: root as object, children: rootChildren, next: 0, size: 1 }];
  open.add(root as object);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      const grand = childrenOf(child);
      if (!grand) {
        top.size += 1;
      } else {
        const known = sizes.get(child as object);
        if (known !== undefined) top.size += known;
        else if (open.has(child as object)) return 'an alias refers to a node that contains it';
        else {
          if (stack.length >= maxNesting) return tooDeep(limits);
          open.add(child as object);
          stack.push({ node: child as object, children: grand, next: 0, size: 1 });
        }
      }
      if (top.size > maxValues) return tooManyValues(limits);
      continue;
    }
    stack.pop();
    open.delete(top.node);
    sizes.set(top.node, top.size);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += top.size;
      if (parent.size > maxValues) return tooManyValues(limits);
    }
  }
  return undefined;
}

/** A value's size as `shapeProblem` counts it (values below and including it, aliases expanded)
 * and depth (levels of maps and lists on its deepest path, aliases expanded). */
export interface Shape {
  size: number;
  depth: number;
}

/**
 * The value's shape, or why it is too large or too deep to read (as `shapeProblem` tells it: it
 * refuses whatever `shapeProblem` refuses). The depth is the deepest of all places a shared
 * node appears at, so that a value built by putting other measured values in place of its
 * leaves can be bounded without walking it (`boundedShape`).
 */
export function measureShape(root: unknown, limits: Pick<ReadLimits, 'expandedValues' | 'nesting' | 'from'>): Shape | string {
  const problem = shapeProblem(root, limits);
  if (problem !== undefined) return problem;
  const rootChildren = childrenOf(root);
  if (!rootChildren) return { size: 1, depth: 0 };
  // Acyclic and within the bounds: sizes and depths by node, each node measured once.
  const known = new Map<object, Shape>();
  const stack: Array<Frame & { depth: number }> = [{ node: root as object, children: rootChildren, next: 0, size: 1, depth: 1 }];
  let shape: Shape = { size: 1, depth: 1 };
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      const grand = childrenOf(child);
      if (!grand) top.size += 1;
      else {
        const seen = known.get(child as object);
        if (seen) {
          top.size += seen.size;
          if (seen.depth + 1 > top.depth) top.depth = seen.depth + 1;
        } else stack.push({ node: child as object, children: grand, next: 0, size: 1, depth: 1 });
      }
      continue;
    }
    stack.pop();
    shape = { size: top.size, depth: top.depth };
    known.set(top.node, shape);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += top.size;
      if (top.depth + 1 > parent.depth) parent.depth = top.depth + 1;
    }
  }
  return shape;
}

/**
 * Whether a value made from a measured one (`base`) by putting other measured values (`parts`)
 * in place of some of its places (each place one of them at most: an alias replaced by its
 * anchor's value, a merge key by the anchor's keys) is surely within the limits, without walking
 * it: it has at most `base.size` places each expanding to at most the largest part, and is at
 * most the deepest part deeper. False says only that it must be measured.
 */
export function surelyWithin(base: Shape, parts: Iterable<Shape>, limits: Pick<ReadLimits, 'expandedValues' | 'nesting' | 'from'>): boolean {
  let size = 1;
  let depth = 0;
  for (const part of parts) {
    if (part.size > size) size = part.size;
    if (part.depth > depth) depth = part.depth;
  }
  return base.size * size <= limits.expandedValues && base.depth + depth <= limits.nesting;
}

/** A stack overflow inside a parser (deeply nested text), told apart from other failures. */
export const isStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

/** Why a document is refused for its depth or its size, naming the setting that raises the bound. */
export const tooDeep = (limits: Pick<ReadLimits, 'nesting' | 'from'>): string =>
  `it nests deeper than ${limits.nesting} levels of maps and lists (${raiseWith(limits, 'nesting')})`;
export const tooManyValues = (limits: Pick<ReadLimits, 'expandedValues' | 'from'>): string =>
  `it expands to more than ${limits.expandedValues.toLocaleString('en')} values (aliases followed; ${raiseWith(limits, 'expandedValues')})`;

/** What a document holds where a map of settings was expected (a list, one string, ...), or
 * undefined for a map or nothing at all (an empty file, or only comments: Helm reads it as `{}`).
 * Never the value itself: a file's one line may be a secret. */
export function notAMap(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a single string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a single number';
  if (typeof value === 'boolean') return 'a single true/false value';
  if (value instanceof Date) return 'a single date';
  return undefined;
}

/** The problem with a config file's documents where one is not a map of settings: reading it as
 * nothing made the environment fall back to its base files without a word. */
export function documentsNotMaps(values: readonly unknown[], relPath: string): string | undefined {
  const i = values.findIndex((value) => notAMap(value) !== undefined);
  if (i < 0) return undefined;
  const what = notAMap(values[i])!;
  return values.length === 1
    ? `${relPath}: the file holds ${what}, not a map of settings`
    : `${relPath}: its document ${i + 1} holds ${what}, not a map of settings`;
}

/** A text decoded as UTF-8 that is not: UTF-16 or UTF-32 (a Windows editor's "Unicode"), whose
 * ASCII characters come with NUL bytes beside them, or anything else holding NULs. */
export function encodingProblem(text: string, relPath: string): string | undefined {
  const bom = text.startsWith('\uFFFD\uFFFD');
  const head = (bom ? text.slice(2) : text).slice(0, 512);
  if (!head.includes('\0')) return bom ? `${relPath}: the file starts with a UTF-16 byte order mark, not UTF-8 text; save it as UTF-8` : undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== '\0') continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const nuls = even + odd;
  const save = 'undrift reads UTF-8: save it as UTF-8';
  if (nuls >= head.length * 0.6) return `${relPath}: the file is UTF-32 text, not UTF-8; ${save}`;
  if (nuls >= head.length * 0.3 && (even === 0 || odd === 0))
    return `${relPath}: the file is UTF-16 (${odd > 0 ? 'little' : 'big'}-endian) text, not UTF-8; ${save}`;
  return `${relPath}: the file holds NUL bytes, so it is not UTF-8 text; ${save}`;
}
