import { createHash } from 'node:crypto';
import path from 'node:path';
import jsyaml from 'js-yaml';
import type { KeyPath } from '../model/types.js';
import { fixedLocator, flatten } from '../sources/repo/flatten.js';
import { flattenKustomization, isKustomization } from '../sources/repo/manifests.js';
import { detectFormat, flattenDocuments, readText, type Format } from '../sources/repo/read.js';

/** A historic version of a file, flattened: key → value text (as the scan compares them). */
export type Flat = Map<KeyPath, string | null>;

export type ParsedVersion = { ok: true; flat: Flat } | { ok: false; error: string };

const NO_LOCATION = fixedLocator({ file: '', line: 0, column: 0 });

// js-yaml is 8–10× faster than `yaml` on every historic version; these schemas give it the
// scalar semantics the scan's `yaml` parse uses, so history and scan agree on every value.
// `types` is exported by js-yaml 4 but missing from its type definitions.
const t = (jsyaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'merge', jsyaml.Type> }).types;
const bool11 = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string) => /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s),
  construct: (s: string) => /^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(s),
});
const int11 = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => /^[-+]?(0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|(0|[1-9][0-9_]*))$/.test(s),
  construct: (s: string) => {
    const sign = s.startsWith('-') ? -1 : 1;
    const body = s.replace(/^[-+]/, '').replace(/_/g, '');
    if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2);
    if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
    if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body, 8);
    return sign * parseInt(body, 10);
  },
});
const SCHEMA_12 = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [t.null, t.bool, t.int, t.float, t.merge] });
const SCHEMA_11 = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [t.null, bool11, int11, t.float, t.timestamp, t.merge] });

function toFlat(values: Map<KeyPath, { text: string | null }>, select: string | undefined): Flat {
  const flat: Flat = new Map();
  for (const [key, value] of values) {
    if (!select) flat.set(key, value.text);
    else if (key.startsWith(`${select}.`)) flat.set(key.slice(select.length + 1), value.text);
    else if (key.startsWith(`${select}[`)) flat.set(key.slice(select.length), value.text);
  }
  return flat;
}

// Anything the line splitter cannot cut safely: anchors/aliases across entries, tags, documents,
// directives, tabs, flow or sequence roots. Such versions are parsed whole.
const UNSAFE_FOR_CHUNKS = /(^|[\s[{,:-])[&*!][^\s]|^(---|\.\.\.|%)|^\t|^[-[{?"']/m;

/** Parses historic versions of one file, memoising top-level YAML entries by content so that a
 * version which changed one entry costs one small parse. */
export class VersionParser {
  private chunkCache = new Map<string, Flat>();

  constructor(private readonly maxChunks = 200_000) {}

  async parse(text: string, file: string, format: Format, select?: string): Promise<ParsedVersion> {
    try {
      const flat = await this.flatten(text.replace(/^\uFEFF/, ''), file, format === 'auto' ? (detectFormat(file) ?? 'yaml') : format);
      return { ok: true, flat: select ? toFlat(new Map([...flat].map(([k, v]) => [k, { text: v }])), select) : flat };
    } catch (e) {
      return { ok: false, error: (e as Error).message.split('\n')[0]! };
    }
  }

  private async flatten(text: string, file: string, format: Exclude<Format, 'auto'>): Promise<Flat> {
    if (format === 'yaml' || format === 'helm' || format === 'manifests') {
      const schema = format === 'helm' ? SCHEMA_11 : SCHEMA_12;
      const source = text.replace(/!!merge\s+<</g, '<<'); // js-yaml does not take the tagged merge key
      if (format !== 'manifests' && path.posix.basename(file) !== 'kustomization.yaml') {
        const chunked = this.chunked(source, file, schema);
        if (chunked) return chunked;
      }
      const docs = jsyaml.loadAll(source, undefined, { schema, filename: file }).filter((d) => d !== null && d !== undefined);
      if (/^kustomization\.ya?ml$/.test(path.posix.basename(file)) && docs.length === 1 && isKustomization(docs[0])) {
        const values = new Map();
        flattenKustomization(docs[0] as Record<string, unknown>, NO_LOCATION, values, () => new Map());
        return toFlat(values, undefined);
      }
      return toFlat(flattenDocuments(docs.map((value) => ({ value, locator: NO_LOCATION })), file, format === 'manifests').values, undefined);
    }
    return toFlat((await readText(text, file, format)).values, undefined);
  }

  /** Splits a block-mapping root into its top-level entries and flattens each through the cache;
   * undefined when the file is not safe to cut (the caller parses it whole). */
  private chunked(text: string, file: string, schema: jsyaml.Schema): Flat | undefined {
    if (UNSAFE_FOR_CHUNKS.test(text)) return undefined;
    const lines = text.split('\n');
    const chunks: string[] = [];
    const keys = new Set<string>();
    let current: string[] = [];
    for (const line of lines) {
      const top = line.length > 0 && line[0] !== ' ' && line[0] !== '#';
      if (top) {
        if (current.some((l) => l.length > 0 && l[0] !== ' ' && l[0] !== '#')) chunks.push(current.join('\n'));
        else if (chunks.length > 0) chunks[chunks.length - 1] += `\n${current.join('\n')}`;
        current = [line];
        const key = line.slice(0, line.indexOf(':') >= 0 ? line.indexOf(':') : undefined);
        if (keys.has(key) || key.includes('apiVersion') || key === 'kind') return undefined; // duplicates error; manifests flatten differently
        keys.add(key);
      } else {
        current.push(line);
      }
    }
    chunks.push(current.join('\n'));
    const flat: Flat = new Map();
    for (const chunk of chunks) {
      let entries = this.chunkCache.get(chunk);
      if (!entries) {
        let value: unknown;
        try {
          value = jsyaml.load(chunk, { schema, filename: file });
        } catch {
          return undefined; // the whole parse names the real error, or succeeds where the cut was wrong
        }
        if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) return undefined;
        entries = toFlat(flatten(value ?? {}, NO_LOCATION), undefined);
        if (this.chunkCache.size >= this.maxChunks) this.chunkCache.clear();
        this.chunkCache.set(chunk, entries);
      }
      for (const [k, v] of entries) flat.set(k, v);
    }
    return flat;
  }
}

export interface KeyChange {
  key: KeyPath;
  from: string | null;
  to: string | null;
}

/** Keys whose value text differs between two versions (absent is null). */
export function diffFlat(before: Flat, after: Flat): KeyChange[] {
  const changes: KeyChange[] = [];
  for (const [key, to] of after) {
    const had = before.has(key);
    const from = had ? before.get(key)! : null;
    if (!had || from !== to) changes.push({ key, from: had ? from : null, to });
  }
  for (const [key, from] of before) if (!after.has(key)) changes.push({ key, from, to: null });
  return changes;
}

export const contentHash = (text: string) => createHash('sha1').update(text).digest('hex');
