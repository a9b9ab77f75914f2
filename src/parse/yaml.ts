import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import { UserError, located } from '../errors.js';
import type { RepoLocation } from '../model/types.js';
import type { Locator } from './flatten.js';

export type YamlVersion = '1.1' | '1.2';

export interface ParsedYaml {
  docs: Array<{ value: unknown; locator: Locator }>;
  /** A key set twice in one mapping: the later wins (as Helm, Psych, yaml.v2 and SnakeYAML
   * read it), and this says where both are. */
  warnings: string[];
}

const MAX_ALIASES = 100_000; // real values files alias far more than yaml's default of 100

/** Parses every document of a YAML file, throwing a UserError that names file:line:column. */
export function parseYaml(text: string, file: string, version: YamlVersion = '1.2'): ParsedYaml {
  const lineCounter = new LineCounter();
  // Repeated keys are accepted, the later winning, as the tools that consume these files do.
  const documents = parseAllDocuments(text, { lineCounter, version, merge: true, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(documents)) return { docs: [], warnings: [] }; // an empty stream
  const docs: ParsedYaml['docs'] = [];
  const warnings: string[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      throw new UserError(located(file, pos.line, pos.col, `invalid YAML: ${firstLine(error.message)}`));
    }
    if (doc.contents === null) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      throw new UserError(located(file, undefined, undefined, `invalid YAML: ${firstLine((e as Error).message)}`));
    }
    docs.push({ value, locator: yamlLocator(doc, doc.contents, file, lineCounter, text) });
    warnings.push(...repeatedKeys(doc.contents, file, lineCounter));
  }
  return { docs, warnings };
}

/** Where a mapping sets a key a second time (aliases are not followed: their target is checked
 * where it is written). */
function repeatedKeys(root: unknown, file: string, lc: LineCounter): string[] {
  const found: Array<{ line: number; text: string }> = [];
  const lineOf = (node: unknown) => lc.linePos((node as { range?: [number, number, number] }).range?.[0] ?? 0).line;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    if (!isMap(node)) continue;
    const seen = new Map<string, unknown>();
    for (const pair of node.items) {
      stack.push(pair.value);
      if (!isScalar(pair.key) || isMergeKey(pair)) continue;
      const name = String(pair.key.value);
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        const [first, second] = [lineOf(earlier), lineOf(pair.key)];
        found.push({ line: second, text: `${file}:${second}: "${name}" is set twice in one mapping (lines ${first} and ${second}); the later wins, as Helm and other YAML readers take it` });
      }
      seen.set(name, pair.key);
    }
  }
  return found.sort((a, b) => a.line - b.line).map((f) => f.text);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

const isMergeKey = (pair: Pair): boolean =>
  isScalar(pair.key) &&
  (pair.key.value === '<<' || (typeof pair.key.value === 'symbol' && pair.key.value.description === '<<'));

function resolve(doc: Document, node: unknown): YamlNode | undefined {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 64; hops++) current = current.resolve(doc);
  return current as YamlNode | undefined;
}

/** Locates keys inside the AST the value was built from, following aliases and merge keys to the
 * anchor that really holds a merged value. */
function yamlLocator(doc: Document, node: unknown, file: string, lc: LineCounter, text: string): Locator {
  const target = resolve(doc, node);
  const here = (): RepoLocation => {
    const start = (target as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
    const pos = lc.linePos(start);
    return { file, line: pos.line, column: pos.col };
  };
  const parentOnly: Locator = { location: here, at: () => parentOnly };
  return {
    location: here,
    sourceText() {
      if (!isScalar(target) || target.type !== 'PLAIN' || typeof target.value === 'string' || !target.range) return undefined;
      return text.slice(target.range[0], target.range[1]);
    },
    keyLocation(segment) {
      if (!isMap(target)) return undefined;
      const pair = target.items.findLast((p) => isScalar(p.key) && String(p.key.value) === segment);
      const start = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
      if (start === undefined) return undefined;
      const pos = lc.linePos(start);
      return { file, line: pos.line, column: pos.col };
    },
    at(segment) {
      const child = findChild(doc, target, segment);
      if (child === undefined) return parentOnly;
      return yamlLocator(doc, child, file, lc, text);
    },
  };
}

function findChild(doc: Document, node: YamlNode | undefined, segment: string | number): unknown {
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  if (!isMap(node)) return undefined;
  // The last of repeated keys wins.
  const own = node.items.findLast((pair) => !isMergeKey(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment));
  if (own) return own.value;
  // Not written here: it was merged in with `<<`. Later merge sources lose to earlier ones.
  for (const pair of node.items) {
    if (!isMergeKey(pair)) continue;
    const sources = resolve(doc, pair.value);
    const list = isSeq(sources) ? sources.items : [sources];
    for (const source of list) {
      const found = findChild(doc, resolve(doc, source), segment);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
