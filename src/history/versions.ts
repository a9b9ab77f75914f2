import path from 'node:path';
import jsyaml from 'js-yaml';
import { IMPLICIT_11, IMPLICIT_12, loadYamlDocuments, SCHEMA_11, SCHEMA_12, schemaOf } from '../parse/yaml-fast.js';
import { readErb } from '../parse/erb.js';
import type { KeyPath, Value } from '../model/types.js';
import { jsyamlMergeCap, mayPassReadLimits, MERGE_WORK_FOR_JSYAML } from '../parse/yaml-cost.js';
import { LimitError } from '../errors.js';
import { DEFAULT_READ_LIMITS, mib, raiseWith, type ReadLimits } from '../model/limits.js';
import { skippedFor } from './skipped.js';
import { fixedLocator, flattenTexts, valueText } from '../parse/flatten.js';
import { joinKey } from '../parse/keypath.js';
import { detectFormat, yamlVersionOf, type Format } from '../parse/format.js';
import { knownChanges, UnitParser, type UnitStats } from './units.js';
import { commonPrefix, commonSuffix } from './equal-run.js';
import { flattenDocuments, flattenKustomization, isKustomization } from '../parse/manifests.js';
import { PROCESS_FINGERPRINT, type SecretFingerprint } from '../parse/fingerprint.js';

/** How versions were read: cut into top-level entries, cut into units below them, or parsed
 * whole (`fallbacks`: whole although the format could have been cut); units parsed and reused. */
export interface ParseStats extends UnitStats {
  entryCut: number;
  unitCut: number;
  whole: number;
  fallbacks: number;
}

/** A historic version of a file, flattened: key → value text (as the scan compares them). */
export type Flat = Map<KeyPath, string | null>;

/** A parsed version as the flattened pieces it was parsed in: one per top-level YAML entry when
 * the file could be cut (pieces are shared between versions, so unchanged ones compare by
 * identity), else one piece for the whole file. Keys are before any subtree selection. */
export interface Version {
  chunks: Flat[];
  /** The top-level key of each piece, when the version was cut into entries. */
  keys?: string[];
}

export type ParsedVersion = { ok: true; version: Version } | { ok: false; error: string };

const NO_LOCATION = fixedLocator({ file: '', line: 0, column: 0 });

// js-yaml reads every historic version, with the scalar rules of the scan (parse/yaml-fast.ts).
const IMPLICIT = new Map([
  [SCHEMA_12, IMPLICIT_12],
  [SCHEMA_11, IMPLICIT_11],
]);

/** A plain scalar as js-yaml reads it: the first of the schema's implicit types that takes it. */
function plainScalar(text: string, implicit: jsyaml.Type[]): unknown {
  for (const type of implicit) if (type.resolve(text)) return type.construct(text);
  return text;
}

// A line `  key: value` whose value is a plain scalar that cannot open or close any structure,
// and a line that opens a nested block mapping.
const SCALAR_LINE = /^( *)([A-Za-z0-9_-]+): +([A-Za-z0-9_./+-]+) *$/;
const PARENT_LINE = /^( *)([A-Za-z0-9_-]+): *$/;

/** The key path of the `key` line at `at` (indented `indent`), from the block-mapping lines above
 * it; undefined when anything else (a list item, a flow or block scalar) stands in the way. */
function pathOfLine(lines: string[], at: number, indent: number, key: string): KeyPath | undefined {
  const segments = [key];
  for (let j = at - 1; j >= 0 && indent > 0; j--) {
    const line = lines[j]!;
    const text = line.trimStart();
    const lineIndent = line.length - text.length;
    if (text === '' || text.startsWith('#') || lineIndent >= indent) continue;
    const parent = PARENT_LINE.exec(line);
    if (!parent) return undefined;
    segments.push(parent[2]!);
    indent = lineIndent;
  }
  if (indent !== 0) return undefined;
  let path = '';
  for (let i = segments.length - 1; i >= 0; i--) path = joinKey(path, segments[i]!);
  return path;
}

/** An entry that differs from its previous version only in plain scalar values on the same lines
 * (the usual edit): the previous flat map with those values replaced. Each old value is first
 * checked against what the parse of the previous version gave for that key, so a line read
 * wrongly here falls back to a real parse; undefined whenever anything else changed. */
function patched(before: string, after: string, was: Flat, implicit: jsyaml.Type[]): Flat | undefined {
  const old = before.split('\n');
  const now = after.split('\n');
  if (old.length !== now.length || old[0] !== now[0]) return undefined;
  let flat: Flat | undefined;
  for (let i = 1; i < now.length; i++) {
    if (old[i] === now[i]) continue;
    const a = SCALAR_LINE.exec(old[i]!);
    const b = SCALAR_LINE.exec(now[i]!);
    if (!a || !b || a[1] !== b[1] || a[2] !== b[2]) return undefined;
    const key = pathOfLine(now, i, b[1]!.length, b[2]!);
    if (key === undefined || !was.has(key) || was.get(key) !== valueText(plainScalar(a[3]!, implicit))) return undefined;
    (flat ??= new Map(was)).set(key, valueText(plainScalar(b[3]!, implicit)));
  }
  return flat;
}

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

const YAML_FORMATS = ['yaml', 'helm', 'spring', 'rails', 'manifests', 'kustomize'] as const;
type YamlFormat = (typeof YAML_FORMATS)[number];
const isYamlFormat = (format: Format): format is YamlFormat => (YAML_FORMATS as readonly string[]).includes(format);

/** A whole YAML version, parsed in one piece (what cannot be cut into entries). */
function flattenYaml(
  text: string,
  file: string,
  format: YamlFormat,
  kustomization: boolean,
  fingerprint: SecretFingerprint,
  limits: Readonly<ReadLimits>,
): Version {
  const docs = loadYamlDocuments(text, file, schemaOf(yamlVersionOf(format)), limits);
  if (kustomization && docs.length === 1 && isKustomization(docs[0])) {
    const values = new Map<KeyPath, Value>();
    flattenKustomization(docs[0], NO_LOCATION, values, () => new Map<KeyPath, Value>(), fingerprint);
    return { chunks: [toFlat(values, undefined)] };
  }
  return {
    chunks: [
      toFlat(
        flattenDocuments(
          docs.map((value) => ({ value, locator: NO_LOCATION })),
          file,
          format === 'manifests' || format === 'kustomize',
          fingerprint,
        ).values,
        undefined,
      ),
    ],
  };
}

/** Where a parsed version's top-level entries are, to reuse them in the next version. */
interface Layout {
  buf: Buffer;
  starts: number[];
  ends: number[];
  keys: string[];
  pieces: Flat[];
  /** Entry index by key, made when a later version first needs it. */
  index?: Map<string, number>;
}

/** Where the line after the one at `at` starts (or `to`). */
function nextLine(buf: Buffer, at: number, to: number): number {
  const eol = buf.indexOf(10, at);
  return eol < 0 || eol >= to ? to : eol + 1;
}

/** A byte that starts a top-level entry when it opens a line: not blank, comment or indentation. */
const opensEntry = (byte: number | undefined) => byte !== undefined && byte !== 32 && byte !== 35 && byte !== 10 && byte !== 13;

/** Parses historic versions of one file, memoising top-level YAML entries by content, and
 * reusing the entries a version shares with the previous one read of the same file (the common
 * head and tail of the two blobs) without even looking at them again. */
export class VersionParser {
  /** Entries by their text, per schema: the same text reads differently as YAML 1.1 and 1.2. */
  private chunkCaches = new Map<jsyaml.Schema, Map<string, Flat>>();
  private layouts = new Map<string, Layout>();
  /** Per schema, the parser of versions cut below their top-level entries (anchors allowed). */
  private unitParsers = new Map<jsyaml.Schema, UnitParser>();
  /** Files whose last version needed units: their next is cut that way first. */
  private byUnits = new Set<string>();
  readonly stats: ParseStats = {
    entryCut: 0,
    unitCut: 0,
    whole: 0,
    fallbacks: 0,
    parsed: 0,
    reused: 0,
    kept: 0,
    resolved: 0,
    patched: 0,
    recut: 0,
    scalarPatched: 0,
  };

  constructor(
    private readonly fingerprint: SecretFingerprint = PROCESS_FINGERPRINT,
    private readonly limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
    private readonly maxChunks = 200_000,
  ) {}

  /** Synchronous for YAML (nearly every version); formats read by the scan's async readers
   * (dotenv, JSON, tfvars) answer with a promise. */
  parse(content: Buffer, file: string, format: Format): ParsedVersion | Promise<ParsedVersion> {
    // A version over a read limit is skipped with the limit named (history/skipped.ts).
    const failed = (e: unknown): ParsedVersion => ({ ok: false, error: e instanceof LimitError ? skippedFor(e.why) : (e as Error).message.split('\n')[0]! });
    try {
      const { fileBytes } = this.limits;
      if (content.length > fileBytes)
        return failed(
          new LimitError(
            file,
            undefined,
            `it is ${mib(content.length)}, more than the ${mib(fileBytes)} undrift reads from one file (${raiseWith(this.limits, 'fileBytes')})`,
          ),
        );
      let buf = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
      const named = format === 'auto' ? (detectFormat(file) ?? 'yaml') : format;
      // A Spring environment's .properties files are not YAML.
      const chosen = named === 'spring' && /\.properties$/i.test(file) ? 'properties' : named;
      // Rails settings go through ERB: read as the scan reads them (parse/erb.ts).
      if (chosen === 'rails' && buf.includes('<%')) buf = Buffer.from(readErb(buf.toString('utf8')).text);
      // The scan's own readers for dotenv, JSON, tfvars and YAML that js-yaml could not read
      // within the limits, loaded when a history has such a file: they bring the `yaml` library,
      // which reading YAML history otherwise does not need.
      const asTheScanReads = (): Promise<ParsedVersion> =>
        import('../parse/read.js')
          .then(({ readText }) => readText(buf.toString('utf8'), file, named === 'spring' ? named : chosen, this.fingerprint, this.limits))
          .then((read) => ({ ok: true, version: { chunks: [toFlat(read.values, undefined)] } }), failed);
      if (isYamlFormat(chosen) && !mayPassReadLimits(buf, this.limits)) {
        const kustomization = /^kustomization\.ya?ml$/.test(path.posix.basename(file));
        const whole = chosen === 'manifests' || chosen === 'kustomize' || kustomization;
        try {
          const cut = whole ? undefined : this.cut(buf, file, yamlVersionOf(chosen) === '1.1' ? SCHEMA_11 : SCHEMA_12);
          if (cut) return { ok: true, version: cut };
          this.stats.whole++;
          if (!whole) this.stats.fallbacks++;
          return { ok: true, version: flattenYaml(buf.toString('utf8'), file, chosen, kustomization, this.fingerprint, this.limits) };
        } catch (e) {
          // More merging than js-yaml does: the scan's reader reads it, or names the limit.
          if (jsyamlMergeCap(e)) return asTheScanReads();
          throw e;
        }
      }
      return asTheScanReads();
    } catch (e) {
      return failed(e);
    }
  }

  /** The version cut into top-level entries, or (with anchors, or one dominant entry) into units
   * one level below; undefined when neither is safe. */
  private cut(buf: Buffer, file: string, schema: jsyaml.Schema): Version | undefined {
    if (!this.byUnits.has(file)) {
      const chunked = this.chunked(buf, file, schema);
      if (chunked) {
        this.stats.entryCut++;
        return chunked;
      }
    }
    let units = this.unitParsers.get(schema);
    if (!units) this.unitParsers.set(schema, (units = new UnitParser(schema, this.stats, this.limits)));
    const version = units.parse(buf, file);
    if (version) {
      this.stats.unitCut++;
      this.byUnits.add(file);
      return version;
    }
    this.byUnits.delete(file);
    return undefined;
  }

  /** Splits a block-mapping root into its top-level entries and flattens each through the cache;
   * undefined when the file is not safe to cut (the caller parses it whole). */
  private chunked(buf: Buffer, file: string, schema: jsyaml.Schema): Version | undefined {
    const prev = this.layouts.get(file);
    const count = prev?.pieces.length ?? 0;
    let head = 0; // entries reused from the start of the previous version
    let tailFrom = count; // ... and from this index to its end
    if (prev) {
      const a = commonPrefix(prev.buf, 0, buf, 0, Math.min(prev.buf.length, buf.length));
      const b = commonSuffix(prev.buf, buf, Math.min(prev.buf.length, buf.length) - a);
      while (head < count && prev.ends[head]! < a) head++;
      while (tailFrom > head && prev.starts[tailFrom - 1]! >= prev.buf.length - b + 1) tailFrom--;
    }
    const shift = prev ? buf.length - prev.buf.length : 0;
    const layout: Layout = prev
      ? { buf, starts: prev.starts.slice(0, head), ends: prev.ends.slice(0, head), keys: prev.keys.slice(0, head), pieces: prev.pieces.slice(0, head) }
      : { buf, starts: [], ends: [], keys: [], pieces: [] };
    const from = head > 0 ? prev!.ends[head - 1]! : 0;
    const to = prev && tailFrom < count ? prev.starts[tailFrom]! + shift : buf.length;
    if (!this.scan(buf, from, to, file, schema, layout, prev, head, tailFrom)) return undefined;
    for (let i = tailFrom; i < count; i++) {
      layout.starts.push(prev!.starts[i]! + shift);
      layout.ends.push(prev!.ends[i]! + shift);
      layout.keys.push(prev!.keys[i]!);
      layout.pieces.push(prev!.pieces[i]!);
    }
    if (!prev) {
      // A repeated key is an error the whole parse reports; objects flatten differently. (Later
      // versions check only the entries they cut anew: the others were checked here.)
      const keys = new Set(layout.keys);
      if (keys.size !== layout.keys.length || keys.has('apiVersion') || keys.has('kind')) return undefined;
    }
    this.layouts.set(file, layout);
    return { chunks: layout.pieces, keys: layout.keys };
  }

  /** Cuts [from, to) into entries, appending them to the layout; false when it cannot. Runs of
   * entries whose bytes equal the previous version's are found with a few block compares and
   * taken over whole: between two edits of one commit, most of a file is such entries. Entries
   * [head, tailFrom) of the previous version are the ones this range replaces. */
  private scan(
    buf: Buffer,
    from: number,
    to: number,
    file: string,
    schema: jsyaml.Schema,
    layout: Layout,
    prev: Layout | undefined,
    head: number,
    tailFrom: number,
  ): boolean {
    const push = (start: number, end: number, key: string, piece: Flat) => {
      layout.starts.push(start);
      layout.ends.push(end);
      layout.keys.push(key);
      layout.pieces.push(piece);
    };
    let p = from;
    while (p < to && !opensEntry(buf[p])) p = nextLine(buf, p, to);
    if (p > from && UNSAFE_FOR_CHUNKS.test(buf.toString('utf8', from, p))) return false;
    // Which of the previous version's entries this version has used, to catch a repeated key.
    const used = prev ? new Uint8Array(prev.pieces.length) : undefined;
    const prevTo = prev ? (tailFrom < prev.pieces.length ? prev.starts[tailFrom]! : prev.buf.length) : 0;
    let fresh: Set<string> | undefined;
    let expect = head;
    while (p < to) {
      if (prev && expect < tailFrom) {
        const q = prev.starts[expect]!;
        const same = p + commonPrefix(buf, p, prev.buf, q, Math.min(to - p, prevTo - q));
        let k = expect;
        for (; k < tailFrom; k++) {
          const end = p + prev.ends[k]! - q;
          // Past the first differing byte, or ending on it without the next entry starting there.
          if (end > same || (end === same && end < to && !opensEntry(buf[end]))) break;
          if (used![k]) return false;
          used![k] = 1;
        }
        if (k > expect) {
          for (let i = expect; i < k; i++) push(p + prev.starts[i]! - q, p + prev.ends[i]! - q, prev.keys[i]!, prev.pieces[i]!);
          p += prev.ends[k - 1]! - q;
          expect = k;
          continue;
        }
      }
      let end = nextLine(buf, p, to);
      const lineEnd = buf[end - 1] === 10 ? end - 1 : end;
      while (end < to && !opensEntry(buf[end])) end = nextLine(buf, end, to);
      const colon = buf.indexOf(58, p);
      const key = buf.toString('utf8', p, colon >= 0 && colon < lineEnd ? colon : lineEnd);
      const known = prev ? (prev.index ??= new Map(prev.keys.map((k, i) => [k, i]))).get(key) : undefined;
      if (known !== undefined) {
        // The same key twice, or a key this range does not replace: the whole parse decides.
        if (known < head || known >= tailFrom || used![known]) return false;
        used![known] = 1;
        expect = known + 1;
      } else if (prev) {
        if (key === 'apiVersion' || key === 'kind' || fresh?.has(key)) return false;
        (fresh ??= new Set()).add(key);
      }
      const reuse =
        known !== undefined &&
        prev!.ends[known]! - prev!.starts[known]! === end - p &&
        buf.compare(prev!.buf, prev!.starts[known], prev!.ends[known], p, end) === 0;
      const piece = reuse
        ? prev!.pieces[known]!
        : this.piece(
            buf.toString('utf8', p, end),
            file,
            schema,
            known === undefined ? undefined : { text: prev!.buf.toString('utf8', prev!.starts[known], prev!.ends[known]), flat: prev!.pieces[known]! },
          );
      if (!piece) return false;
      push(p, end, key, piece);
      p = end;
    }
    return true;
  }

  /** The entry's flat map, parsed or from the cache; `before` is the same key's entry in the
   * previous version, which a value-only edit patches instead of parsing. */
  private piece(chunk: string, file: string, schema: jsyaml.Schema, before?: { text: string; flat: Flat }): Flat | undefined {
    let cache = this.chunkCaches.get(schema);
    if (!cache) this.chunkCaches.set(schema, (cache = new Map<string, Flat>()));
    const cached = cache.get(chunk);
    if (cached) return cached;
    if (UNSAFE_FOR_CHUNKS.test(chunk)) return undefined;
    let entries = before && patched(before.text, chunk, before.flat, IMPLICIT.get(schema)!);
    if (!entries) {
      let value: unknown;
      try {
        value = jsyaml.load(chunk, { schema, filename: file, json: true, maxTotalMergeKeys: MERGE_WORK_FOR_JSYAML } as jsyaml.LoadOptions);
      } catch {
        return undefined; // the whole parse names the real error, or succeeds where the cut was wrong
      }
      if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) return undefined;
      entries = flattenTexts(value ?? {});
    }
    if (cache.size >= this.maxChunks) cache.clear();
    cache.set(chunk, entries);
    return entries;
  }
}

export interface KeyChange {
  key: KeyPath;
  from: string | null;
  to: string | null;
  /** A merge took this value whole from a parent other than its first: no event of the file,
   * but what an environment stacking the file needs to know of the merge (./stack.ts). */
  carried?: true;
}

/** Keys whose value text differs between two flat maps (absent is null). */
export function diffFlat(before: Flat, after: Flat): KeyChange[] {
  // A piece patched from the other (a unit re-resolved after an anchor edit) knows its changes.
  const known = knownChanges(before, after);
  if (known) return known.map((c) => ({ key: c.key, from: c.from, to: c.to }));
  const changes: KeyChange[] = [];
  // forEach, not for…of: an entry pair per key was most of what diffing the ~49,000 items an
  // anchor edit re-resolves allocated on the Helm corpus (2.3 M keys).
  after.forEach((to, key) => {
    const from = before.get(key);
    if (from === undefined && !before.has(key)) changes.push({ key, from: null, to });
    else if (from !== to) changes.push({ key, from: from!, to });
  });
  before.forEach((from, key) => {
    if (!after.has(key)) changes.push({ key, from, to: null });
  });
  return changes;
}

export const EMPTY_VERSION: Version = { chunks: [] };
const EMPTY_FLAT: Flat = new Map();

function merged(chunks: Flat[]): Flat {
  if (chunks.length === 1) return chunks[0]!;
  if (chunks.length === 0) return EMPTY_FLAT;
  const flat: Flat = new Map();
  for (const chunk of chunks) for (const [k, v] of chunk) flat.set(k, v);
  return flat;
}

/** The whole version as one map, with the environment's subtree selection applied. */
export function flatOf(version: Version, select?: string): Flat {
  const flat = merged(version.chunks);
  return select ? toFlat(new Map([...flat].map(([k, v]) => [k, { text: v }])), select) : flat;
}

/** Changed keys between two versions. Pieces present in both are skipped by identity: top-level
 * keys are unique, so a key can only change inside a piece that differs. */
export function diffVersions(before: Version, after: Version, select?: string): KeyChange[] {
  let changes: KeyChange[];
  if (before.keys && after.keys && before.chunks.length === after.chunks.length && before.keys.every((key, i) => key === after.keys![i])) {
    // The usual case, the same entries in the same places: only the places that differ are
    // compared, each with its own counterpart.
    changes = [];
    for (let i = 0; i < after.chunks.length; i++) if (before.chunks[i] !== after.chunks[i]) changes.push(...diffFlat(before.chunks[i]!, after.chunks[i]!));
  } else {
    const old = new Set(before.chunks);
    const now = new Set(after.chunks);
    changes = diffFlat(merged(before.chunks.filter((c) => !now.has(c))), merged(after.chunks.filter((c) => !old.has(c))));
  }
  if (!select) return changes;
  const out: KeyChange[] = [];
  for (const change of changes) {
    if (change.key.startsWith(`${select}.`)) out.push({ ...change, key: change.key.slice(select.length + 1) });
    else if (change.key.startsWith(`${select}[`)) out.push({ ...change, key: change.key.slice(select.length) });
  }
  return out;
}
