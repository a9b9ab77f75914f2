import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  visit,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Pair,
  type ScalarTag,
  type Tags,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import { LimitError, UserError, located } from '../errors.js';
import { CONFLICT_PROBLEM, conflictMarkerLine } from './conflict.js';
import { DEFAULT_READ_LIMITS, raiseWith, type ReadLimits } from '../model/limits.js';
import { distanceWithin } from '../model/slips.js';
import { lineTooDeep } from './nesting.js';
import { scalarRules } from './yaml-scalars.js';
import { isStackOverflow, shapeProblem, tooDeep } from './value-shape.js';
import type { RepoLocation } from '../model/types.js';
import type { Locator } from './flatten.js';
import { parseChecked, restoreQuoted, YamlBudget } from './yaml-cst.js';

export type YamlVersion = '1.1' | '1.2';

export interface ParsedYaml {
  docs: Array<{ value: unknown; locator: Locator }>;
  /** A key set twice in one mapping: the later wins (as Helm, Psych, yaml.v2 and SnakeYAML
   * read it), and this says where both are. */
  warnings: string[];
}

/** A key line indented deeper than the key above it (or a key missing its `:` above it) is read
 * as the rest of that line's text, and the parser names the line above ("Nested mappings are not
 * allowed in compact mappings" at its value): the line to fix is the one below, said in words. */
function misindented(errors: readonly YAMLError[], lines: LineCounter): { line: number; col: number; problem: string } | undefined {
  const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
  if (!multiline) return undefined;
  const from = lines.linePos(multiline.pos[0]);
  const to = lines.linePos(multiline.pos[1]);
  if (to.line <= from.line) return undefined;
  return {
    line: to.line,
    col: 1,
    problem: `line ${to.line} is read as the rest of line ${from.line}'s text, then holds a key: indent it as its sibling keys are (or line ${from.line} lacks a ":")`,
  };
}

/** Parses every document of a YAML file, throwing a UserError that names file:line:column. */
/** Where the problem is, where the parser's position is not it: a quote never closed is found at
 * the end of the file (`4:1` in a 3-line file), yet the fix is where it opened; any other position
 * past the last line is the last line. */
interface ProblemAt {
  line: number;
  col: number;
  problem?: string;
}
function problemAt(doc: Document, error: YAMLError, text: string, lines: LineCounter): ProblemAt | undefined {
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    let open: ProblemAt | undefined;
    visit(doc, {
      Scalar(_, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === error.pos[0])
          open = { ...lines.linePos(node.range[0]), problem: `the ${node.type === 'QUOTE_DOUBLE' ? '"' : "'"} quote opened here is never closed` };
      },
    });
    if (open) return open;
  }
  // A flow list or map left open is found where the next key begins, and the parser names that
  // line; the fix is at the bracket that opened it.
  const closer = /Flow (?:sequence|map)\b.*end with an? ([\]}])/.exec(error.message)?.[1];
  if (closer) {
    let open: ProblemAt | undefined;
    visit(doc, {
      Node(_, node) {
        if ((isSeq(node) || isMap(node)) && node.flow && node.range && node.range[1] >= error.pos[0] && text[node.range[0]] === (closer === ']' ? '[' : '{'))
          open = {
            ...lines.linePos(node.range[0]),
            problem: `the ${text[node.range[0]]} opened here is not closed by a ${closer} on its line or on lines indented under its key`,
          };
      },
    });
    if (open) return open;
  }
  const pos = lines.linePos(error.pos[0]);
  const last = lines.linePos(text.trimEnd().length).line;
  return pos.line > last ? { line: Math.max(1, last), col: 1 } : undefined;
}

export function parseYaml(text: string, file: string, version: YamlVersion = '1.2', limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS): ParsedYaml {
  const lineCounter = new LineCounter();
  // Repeated keys are accepted, the later winning, as the tools that consume these files do.
  let documents: Document[];
  try {
    documents = composeDocuments(text, file, lineCounter, version, limits);
  } catch (e) {
    if (isStackOverflow(e)) throw new LimitError(file, lineTooDeep(text, limits.nesting), tooDeep(limits));
    throw e;
  }
  const docs: ParsedYaml['docs'] = [];
  const warnings: string[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      // A file left mid-merge: its markers, not the indentation they break, are the fix.
      const conflict = conflictMarkerLine(text);
      if (conflict) throw new UserError(located(file, conflict, 1, CONFLICT_PROBLEM));
      const pos = lineCounter.linePos(error.pos[0]);
      // The parser reports its own stack overflow as an error of the document.
      if (/call stack/i.test(error.message)) throw new LimitError(file, lineTooDeep(text, limits.nesting), tooDeep(limits));
      const continued = misindented(doc.errors, lineCounter);
      if (continued) throw new UserError(located(file, continued.line, continued.col, `invalid YAML: ${continued.problem}`));
      const at: ProblemAt = problemAt(doc, error, text, lineCounter) ?? pos;
      throw new UserError(located(file, at.line, at.col, `invalid YAML: ${at.problem ?? firstLine(error.message)}`));
    }
    if (doc.contents === null) continue;
    nullKeysAsText(doc);
    const index = new DocumentIndex(file, lineCounter, text, limits);
    let value: unknown;
    try {
      index.readAliases(doc);
      index.checkExpansion(doc.contents);
      // The expansion is bounded above, in one pass: the library's own alias count walks the
      // whole document again for every anchor that holds an alias.
      value = doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      if (e instanceof UserError) throw e;
      if (isStackOverflow(e)) throw new LimitError(file, lineTooDeep(text, limits.nesting), tooDeep(limits));
      throw new UserError(located(file, undefined, undefined, `invalid YAML: ${firstLine((e as Error).message)}`));
    }
    // Flattening and comparing recurse: the depth is bounded before they run.
    const problem = shapeProblem(value, limits);
    if (problem === tooDeep(limits)) throw new LimitError(file, lineTooDeep(text, limits.nesting), problem);
    if (problem) throw new LimitError(file, doc.contents.range?.[0] !== undefined ? lineCounter.linePos(doc.contents.range[0]).line : undefined, problem);
    docs.push({ value, locator: yamlLocator(index, doc.contents) });
    warnings.push(...repeatedKeys(doc.contents, file, lineCounter));
  }
  return { docs, warnings };
}

/** The documents as `parseAllDocuments` builds them, with what they will cost checked (and their
 * double-quoted values read) in the syntax tree first: see yaml-cst.ts. */
function composeDocuments(text: string, file: string, lineCounter: LineCounter, version: YamlVersion, limits: Readonly<ReadLimits>): Document[] {
  const budget = new YamlBudget(file, lineCounter, limits);
  const composer = new Composer({ version, merge: true, prettyErrors: false, uniqueKeys: false, customTags: SCALAR_TAGS[version] });
  const documents: Document[] = [];
  for (const doc of composer.compose(parseChecked(text, budget, lineCounter))) {
    restoreQuoted(doc, budget.quoted);
    documents.push(doc);
  }
  return documents;
}

/** The library's booleans, integers and floats replaced by the rules history parses with too
 * (parse/yaml-scalars.ts); for YAML 1.1 without base-60 numbers, as go-yaml reads them. */
function scalarTags(version: YamlVersion): (tags: Tags) => Tags {
  const replaced = new Set(['bool', 'int', 'float'].map((t) => `tag:yaml.org,2002:${t}`));
  const ours: ScalarTag[] = scalarRules(version).map((rule) => ({
    tag: `tag:yaml.org,2002:${rule.tag}`,
    default: true,
    identify: (v: unknown) => typeof v === (rule.tag === 'bool' ? 'boolean' : 'number'),
    test: rule.test,
    resolve: (s: string) => rule.construct(s),
  }));
  return (tags) => {
    const kept = tags.filter((t) => typeof t === 'string' || !replaced.has(t.tag));
    return [...kept, ...ours];
  };
}

const SCALAR_TAGS: Record<YamlVersion, (tags: Tags) => Tags> = { '1.1': scalarTags('1.1'), '1.2': scalarTags('1.2') };

/** A `null:` or `~:` key is the text "null", as go-yaml and js-yaml name it (the library's own
 * conversion would make it ""). */
function nullKeysAsText(doc: Document): void {
  visit(doc, {
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === null) pair.key.value = 'null';
    },
  });
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
        found.push({
          line: second,
          text: `${file}:${second}: "${name}" is set twice in one mapping (lines ${first} and ${second}); the later wins, as Helm and other YAML readers take it`,
        });
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
  isScalar(pair.key) && (pair.key.value === '<<' || (typeof pair.key.value === 'symbol' && pair.key.value.description === '<<'));

/** One document's anchors and key lookups, each built in one pass. Asking the `yaml` library to
 * resolve an alias without its context walks the whole document; finding a key by scanning its
 * map's pairs is quadratic in a map of many keys. */
class DocumentIndex {
  /** Each alias → the node of the last anchor of its name before it (YAML allows redefining). */
  private readonly targets = new Map<Alias, YamlNode | undefined>();
  /** Per map: its own keys (the last of repeated ones wins) and its merge sources, made on first
   * lookup. */
  private readonly maps = new WeakMap<YAMLMap, { own: Map<string, Pair>; merges: Pair[] }>();

  constructor(
    readonly file: string,
    readonly lines: LineCounter,
    readonly text: string,
    readonly limits: Readonly<ReadLimits>,
  ) {}

  readAliases(doc: Document): void {
    const anchors = new Map<string, YamlNode>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = anchors.get(node.source);
          // The library says which name is missing but not where: the alias's line is the fix.
          if (!target) throw new UserError(located(this.file, ...this.at(node), `invalid YAML: ${unresolved(node.source, [...anchors.keys()])}`));
          this.targets.set(node, target);
        } else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  }

  private at(node: YamlNode): [number | undefined, number | undefined] {
    if (node.range?.[0] === undefined) return [undefined, undefined];
    const pos = this.lines.linePos(node.range[0]);
    return [pos.line, pos.col];
  }

  /** Throws when the values the document expands to, aliases and merges followed, exceed the
   * bound; each anchored node is counted once and its count reused at every alias. */
  checkExpansion(root: unknown): void {
    if (this.targets.size === 0) return; // without aliases a document is as large as its text
    const sizes = new Map<unknown, number>();
    const size = (node: unknown): number => {
      const target = isAlias(node) ? this.targets.get(node) : node;
      const most = this.limits.expandedValues;
      if (target === undefined) return 1; // an unknown alias: the library names it
      const known = sizes.get(target);
      if (known !== undefined) {
        if (known < 0) throw new UserError(located(this.file, undefined, undefined, 'invalid YAML: an alias refers to the node that defines its anchor'));
        return known;
      }
      let total = 1;
      if (isMap(target) || isSeq(target)) {
        sizes.set(target, -1);
        for (const item of target.items as unknown[]) {
          total += isPair(item) ? size(item.key) + size(item.value) : size(item);
          if (total > most) break;
        }
      }
      if (total > most) {
        // The line of the node that expands too far (an alias, or the collection holding it).
        const at = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
        const line = at === undefined ? undefined : this.lines.linePos(at).line;
        throw new LimitError(this.file, line, `aliases expand to more than ${most.toLocaleString('en')} values (${raiseWith(this.limits, 'expandedValues')})`);
      }
      sizes.set(target, total);
      return total;
    };
    size(root);
  }

  resolve(node: unknown): YamlNode | undefined {
    let current = node;
    for (let hops = 0; isAlias(current) && hops < 64; hops++) current = this.targets.get(current);
    return current as YamlNode | undefined;
  }

  location(offset: number): RepoLocation {
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }

  private keysOf(map: YAMLMap): { own: Map<string, Pair>; merges: Pair[] } {
    let keys = this.maps.get(map);
    if (!keys) {
      keys = { own: new Map(), merges: [] };
      for (const pair of map.items) {
        if (isMergeKey(pair)) keys.merges.push(pair);
        else if (isScalar(pair.key)) keys.own.set(String(pair.key.value), pair);
      }
      this.maps.set(map, keys);
    }
    return keys;
  }

  /** The pair written in this map under `segment` (not merged in). */
  ownPair(map: YAMLMap, segment: string): Pair | undefined {
    return this.keysOf(map).own.get(segment);
  }

  findChild(node: YamlNode | undefined, segment: string | number): unknown {
    if (isSeq(node) && typeof segment === 'number') return node.items[segment];
    if (!isMap(node)) return undefined;
    const { own, merges } = this.keysOf(node);
    const pair = own.get(String(segment));
    if (pair) return pair.value;
    // Not written here: it was merged in with `<<`. Later merge sources lose to earlier ones.
    for (const merge of merges) {
      const sources = this.resolve(merge.value);
      const list = isSeq(sources) ? sources.items : [sources];
      for (const source of list) {
        const found = this.findChild(this.resolve(source), segment);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
}

/** Locates keys inside the AST the value was built from, following aliases and merge keys to the
 * anchor that really holds a merged value. */
function yamlLocator(index: DocumentIndex, node: unknown): Locator {
  const target = index.resolve(node);
  const here = (): RepoLocation => index.location((target as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0);
  const parentOnly: Locator = { location: here, at: () => parentOnly };
  return {
    location: here,
    sourceText() {
      if (!isScalar(target) || target.type !== 'PLAIN' || typeof target.value === 'string' || !target.range) return undefined;
      return index.text.slice(target.range[0], target.range[1]);
    },
    keyLocation(segment) {
      if (!isMap(target)) return undefined;
      const pair = segment === '<<' ? target.items.findLast((p) => isScalar(p.key) && String(p.key.value) === segment) : index.ownPair(target, segment);
      const start = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
      return start === undefined ? undefined : index.location(start);
    },
    at(segment) {
      const child = index.findChild(target, segment);
      if (child === undefined) return parentOnly;
      return yamlLocator(index, child);
    },
  };
}

/** An alias whose anchor is not set above it, with the anchor meant where one differs by a slip. */
function unresolved(name: string, anchors: string[]): string {
  const near = anchors.find((a) => a.toLowerCase() === name.toLowerCase() || distanceWithin(a, name, 1) === 1);
  const hint = near ? ` (did you mean *${near}?)` : anchors.length ? ` (the anchors above it: ${anchors.map((a) => `&${a}`).join(', ')})` : '';
  return `the alias *${name} names no anchor set above it${hint}`;
}
