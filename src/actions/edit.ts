import { DEFAULT_READ_LIMITS, type ReadLimits } from '../model/limits.js';
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { UserError, located } from '../errors.js';
import { CONFLICT_PROBLEM, conflictMarkerLine } from '../parse/conflict.js';
import type { KeyPath, ValueType } from '../model/types.js';
import { parseDotenv } from '../parse/dotenv.js';
import { springKey, springProfiles } from '../parse/documents.js';
import { scalarText } from '../parse/flatten.js';
import { isManifest, POD_SPEC_PATH } from '../parse/manifests.js';
import { readsAsProperties, readsAsSpring, yamlVersionOf, type FileValues, type Format } from '../parse/format.js';
import { editProperties } from './properties-edit.js';
import { editTfvars } from './tfvars-edit.js';
import { readText } from '../parse/read.js';
import { parseKeyPath, splitManifestKey, type PathSegment } from '../parse/keypath.js';

/** A value to write, with the type it should have in a typed format (YAML, JSON). */
export interface TypedValue {
  text: string;
  type: ValueType;
}

type EditFormat = Exclude<Format, 'auto'>;

/** The JavaScript value a typed text stands for. */
export function toNative(value: TypedValue): unknown {
  if (value.type === 'number' && value.text.trim() !== '' && Number.isFinite(Number(value.text))) return Number(value.text);
  if (value.type === 'boolean' && (value.text === 'true' || value.text === 'false')) return value.text === 'true';
  if (value.type === 'null') return null;
  if ((value.type === 'list' || value.type === 'map') && /^[[{]/.test(value.text)) {
    try {
      return JSON.parse(value.text) as unknown;
    } catch {
      return value.text;
    }
  }
  return value.text;
}

/** Edits one key of a file's text, keeping everything else as it was written: comments,
 * order, quoting, indentation. `value` null removes the key. */
export function editText(text: string, file: string, format: EditFormat, key: KeyPath, value: TypedValue | null): string {
  // A file left mid-merge is refused before any edit, in one line naming where: a properties file
  // reads `<<<<<<< HEAD` as a key and would be edited around it. (YAML and JSON are asked once
  // they fail to parse, as their readers ask: a block scalar may hold such lines as text.)
  if (readsAsProperties(format, file)) {
    refuseConflict(text, file);
    return editProperties(text, file, key, value === null ? null : value.text, readsAsSpring({ format }, file));
  }
  switch (format) {
    case 'dotenv':
      refuseConflict(text, file);
      return editDotenv(text, file, key, value);
    case 'json':
      return editYaml(text, file, '1.2', key, value, true);
    case 'tfvars':
      refuseConflict(text, file);
      return editTfvars(text, file, key, value);
    default:
      // A JSON manifest in a manifest directory is still written as JSON.
      return editYaml(
        text,
        file,
        yamlVersionOf(format),
        key,
        value,
        /\.json$/i.test(file) || /^\s*[[{]/.test(text.replace(/^(\s*#.*\n)*/, '')),
        readsAsSpring({ format }, file),
      );
  }
}

function refuseConflict(text: string, file: string): void {
  const line = conflictMarkerLine(text);
  if (line !== undefined) throw new UserError(located(file, line, undefined, `${CONFLICT_PROBLEM}; nothing was written`));
}

/** How a file's bytes were decoded, to write them back the same way. */
export interface Encoding {
  /** UTF-8 when the bytes are valid UTF-8, else Latin-1 (every byte is one character). */
  name: 'utf8' | 'latin1';
  bom: boolean;
}

export function decodeBytes(bytes: Buffer): { text: string; encoding: Encoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const utf8 = body.toString('utf8');
  if (Buffer.from(utf8, 'utf8').equals(body)) return { text: utf8, encoding: { name: 'utf8', bom } };
  return { text: body.toString('latin1'), encoding: { name: 'latin1', bom } };
}

export function encodeText(text: string, encoding: Encoding, file: string): Buffer {
  if (encoding.name === 'latin1' && /[^\u0000-\u00ff]/.test(text))
    throw new UserError(`${file} is not UTF-8 (read as Latin-1), and the new value has characters Latin-1 cannot hold; edit it by hand`);
  const body = Buffer.from(text, encoding.name);
  return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Edits one key of a file's bytes: decoded without loss (UTF-8, with or without a BOM, else
 * Latin-1), edited as text, encoded back the same way, then checked (see verifyEdit). */
export async function editBytes(
  bytes: Buffer,
  file: string,
  format: EditFormat,
  key: KeyPath,
  value: TypedValue | null,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<Buffer> {
  const { text, encoding } = decodeBytes(bytes);
  const after = editText(text, file, format, key, value);
  if (after === text) return bytes;
  const written = encodeText(after, encoding, file);
  await verifyEdit(text, after, file, format, key, value, limits);
  const reread = decodeBytes(written);
  if (reread.text !== after || reread.encoding.name !== encoding.name)
    throw new UserError(`${file}: the edited file would not read back as written (its encoding would change); nothing was written`);
  return written;
}

/** Re-reads the edited text: the key must hold exactly the intended value and every other key
 * what it held before. */
export async function verifyEdit(
  before: string,
  after: string,
  file: string,
  format: EditFormat,
  key: KeyPath,
  value: TypedValue | null,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
): Promise<void> {
  const [old, now] = (await Promise.all([readText(before, file, format, undefined, limits), readText(after, file, format, undefined, limits)]).then((reads) =>
    // A Spring file's keys as the scan names them (`app.timeout-ms: 5` is app.timeout-ms).
    readsAsSpring({ format }, file) ? reads.map((read) => ({ ...read, values: new Map([...read.values].map(([k, v]) => [springKey(k), v])) })) : reads,
  )) as [FileValues, FileValues];
  const got = now.values.get(key);
  const was = old.values.get(key);
  // A removal that uncovers the same key set earlier in the file (a .env's TIMEOUT on lines 4 and
  // 5: the reader takes the later, the edit removes it, line 4's value is read instead).
  if (value === null && got && was && got.location.line < was.location.line)
    throw new UserError(
      `${file}:${was.location.line}: ${key} is set twice (lines ${got.location.line} and ${was.location.line}; the later is the one read), ` +
        `so removing it would leave line ${got.location.line}'s ${JSON.stringify(got.text)}: remove line ${got.location.line} by hand first; nothing was written`,
    );
  if (value === null ? got !== undefined : got?.text !== value.text) {
    throw new UserError(
      `${file}: after editing, ${key} reads as ${got ? JSON.stringify(got.text) : 'absent'} instead of ${value ? JSON.stringify(value.text) : 'absent'}; nothing was written`,
    );
  }
  for (const [k, v] of old.values) {
    if (k === key) continue;
    if (now.values.get(k)?.text !== v.text) throw new UserError(`${file}: editing ${key} would also change ${k}; nothing was written`);
  }
  for (const k of now.values.keys()) {
    if (k !== key && !old.values.has(k)) throw new UserError(`${file}: editing ${key} would also add ${k}; nothing was written`);
  }
  checkUntouchedLines(before, after, file, key, old.values, format === 'json' || /\.json$/i.test(file));
}

/** Only the edited key's lines may differ: the lines before and after the changed run are
 * identical by construction; inside it there may be no comment line, no blank line, and (when
 * more than one line changes) no line of another key. */
function checkUntouchedLines(
  before: string,
  after: string,
  file: string,
  key: KeyPath,
  values: Map<KeyPath, { text: string | null; location: { line: number } }>,
  json: boolean,
): void {
  // In JSON the line before an added or removed member gains or loses its comma: that is all.
  const normal = (line: string) => (json ? line.replace(/,(\r?)$/, '$1') : line);
  const b = before.split('\n').map(normal);
  const a = after.split('\n').map(normal);
  let head = 0;
  while (head < b.length && head < a.length && b[head] === a[head]) head++;
  let tail = 0;
  while (tail < b.length - head && tail < a.length - head && b[b.length - 1 - tail] === a[a.length - 1 - tail]) tail++;
  const changed = b.slice(head, b.length - tail);
  const multiLineValue = (values.get(key)?.text ?? '').includes('\n');
  changed.forEach((line, i) => {
    const n = head + i + 1;
    if (/^\s*#/.test(line))
      throw new UserError(`${file}:${n}: editing ${key} would also rewrite the comment "${line.trim().slice(0, 40)}"; nothing was written`);
    if (line.trim() === '' && !multiLineValue) throw new UserError(`${file}:${n}: editing ${key} would also rewrite a blank line; nothing was written`);
  });
  if (changed.length > 1) {
    for (const [k, v] of values) {
      if (k !== key && v.location.line > head && v.location.line <= b.length - tail)
        throw new UserError(`${file}:${v.location.line}: editing ${key} would also rewrite the line of ${k}; nothing was written`);
    }
  }
}

// ---------------------------------------------------------------- dotenv

const needsQuotes = (text: string) => (text === '' ? false : /[\s#"'$\\`]/.test(text) || text !== text.trim());
const dotenvQuote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$/g, '\\$')}"`;

function editDotenv(text: string, file: string, key: KeyPath, value: TypedValue | null): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) throw new UserError(`${file}: "${key}" is not a dotenv variable name`);
  const { entries } = parseDotenv(text, file);
  const entry = entries.get(key);
  const lines = text.split('\n');
  const eol = eolOf(text);
  if (!entry) {
    if (value === null) return text;
    const line = `${key}=${needsQuotes(value.text) ? dotenvQuote(value.text) : value.text}`;
    return text === '' || text.endsWith('\n') ? `${text}${line}${eol}` : `${text}${eol}${line}${eol}`;
  }
  const index = entry.line - 1;
  const cr = lines[index]!.endsWith('\r') ? '\r' : '';
  const current = lines[index]!.slice(0, lines[index]!.length - cr.length);
  const m = /^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=\s*)(.*)$/.exec(current)!;
  const rest = m[2]!;
  const quote = rest[0] === '"' || rest[0] === "'" ? rest[0] : '';
  if (quote && rest.lastIndexOf(quote) === 0) throw new UserError(`${file}:${entry.line}: ${key} spans several lines; edit it by hand`);
  const comment = quote ? rest.slice(rest.lastIndexOf(quote) + 1) : (/\s+#.*$/.exec(rest)?.[0] ?? '');
  if (value === null) {
    lines.splice(index, 1);
    return lines.join('\n');
  }
  let written: string;
  if (quote === "'" && !value.text.includes("'") && !value.text.includes('\n')) written = `'${value.text}'`;
  else if (quote === '"' || needsQuotes(value.text)) written = dotenvQuote(value.text);
  else written = value.text;
  lines[index] = `${m[1]}${written}${comment}${cr}`;
  return lines.join('\n');
}

// ---------------------------------------------------------------- YAML and JSON

// JSON is YAML (flow style): one text-level editor serves both. It locates nodes with the yaml
// library's source ranges and splices text there, so every byte it does not edit stays as it
// was: comments, the spacing before them, flow styles, quoting, blank lines, line endings.

interface Target {
  doc: Document;
  segments: PathSegment[];
}

function targetOf(docs: Document[], file: string, key: KeyPath): Target {
  const manifest = splitManifestKey(key);
  if (manifest && docs.some((d) => isMap(d.contents) && d.get('kind') !== undefined)) {
    const doc = docs.find((d) => d.get('kind') === manifest.kind && d.getIn(['metadata', 'name']) === manifest.name);
    if (!doc) throw new UserError(`${file}: no ${manifest.kind} named ${manifest.name}`);
    if (manifest.kind === 'Secret')
      throw new UserError(`${file}: ${key} is a Secret value: undrift never writes secrets; change it by hand or in your secret store`);
    let segments = parseKeyPath(manifest.rest);
    const first = segments[0];
    const podSpec = POD_SPEC_PATH[manifest.kind];
    // A workload's keys, as the manifest reader names them (see flattenManifest).
    if (podSpec && first && 'key' in first && first.key !== 'metadata') {
      const at = (path: string[], rest: PathSegment[]) => [...path.map((k) => ({ key: k })), ...rest];
      if (first.key === 'containers' || first.key === 'initContainers') segments = at(podSpec, segments);
      else if (first.key === 'pod') segments = at(podSpec, segments.slice(1));
      else if (first.key === 'job' && manifest.kind === 'CronJob') segments = at(['spec', 'jobTemplate', 'spec'], segments.slice(1));
      else segments = at(['spec'], segments);
    }
    return { doc, segments };
  }
  if (docs.length === 0) return { doc: parseDocument(''), segments: parseKeyPath(key) };
  if (docs.length === 1) return { doc: docs[0]!, segments: parseKeyPath(key) };
  // Several documents are named as the readers name them: a Spring profile document by its
  // profile, the other documents by their place among the anonymous ones (none when only one).
  const values = docs.map((d) => d.toJS() as unknown);
  const profile = /^\[profile=("(?:[^"\\]|\\.)*"|[^\]]*)\]\.?/.exec(key);
  if (profile) {
    const expression = profile[1]!.startsWith('"') ? (JSON.parse(profile[1]!) as string) : profile[1]!;
    const i = values.findIndex((v) => springProfiles(v) === expression);
    if (i < 0) throw new UserError(`${file}: no document for the profile ${expression}`);
    return { doc: docs[i]!, segments: parseKeyPath(key.slice(profile[0].length)) };
  }
  const anonymous = docs.filter((_, i) => !isManifest(values[i]) && springProfiles(values[i]) === undefined);
  const indexed = /^\[(\d+)\]\.?/.exec(key);
  if (indexed && anonymous.length > 1) {
    const doc = anonymous[Number(indexed[1])];
    if (!doc)
      throw new UserError(
        `${file}: no document [${indexed[1]}] (it holds ${anonymous.length} without a kind or profile, [0] to [${anonymous.length - 1}]); nothing was written`,
      );
    return { doc, segments: parseKeyPath(key.slice(indexed[0].length)) };
  }
  // Several documents without a kind or profile: a key without its document's place could be any
  // of them (it went into the first, whichever held it). The scan names them [0], [1], …
  if (anonymous.length > 1) {
    const segments = parseKeyPath(key);
    const holds = (d: Document) => {
      try {
        return d.hasIn(concretePath(d, segments, file, key));
      } catch {
        return false;
      }
    };
    const holding = anonymous.flatMap((d, i) => (holds(d) ? [i] : []));
    const example = holding[0] ?? 0;
    throw new UserError(
      `${file}: ${key} does not say which document: the file holds ${anonymous.length} without a kind or profile` +
        `${holding.length ? ` (${holding.map((i) => `[${i}]`).join(', ')} ${holding.length === 1 ? 'holds' : 'hold'} it)` : ''}; ` +
        `name it as the scan does, [${example}].${key}; nothing was written`,
    );
  }
  return { doc: anonymous[0] ?? docs[0]!, segments: parseKeyPath(key) };
}

/** The concrete path (map keys and list indexes) of the segments in this document. */
/** A Spring file's key as the document spells it: Spring binds `app.timeout-ms: 5` as it binds
 * `app: {timeout-ms: 5}` (the reader names both `app.timeout-ms`, parse/documents.ts springKey),
 * so the edit goes where the value is written, not into a nested copy beside it (which would leave
 * the file holding the property twice). Written both ways in one map: refused, naming the lines. */
function springSegments(doc: Document, segments: PathSegment[], text: string, file: string, key: KeyPath): PathSegment[] {
  const out: PathSegment[] = [];
  let node: unknown = doc.contents;
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i]!;
    if (!('key' in segment) || !isMap(node)) break;
    const map: YAMLMap = node;
    const spellings: Array<{ name: string; end: number; pair: Pair }> = [];
    for (let end = i + 1; end <= segments.length && segments.slice(i, end).every((s) => 'key' in s); end++) {
      const name = segments
        .slice(i, end)
        .map((s) => (s as { key: string }).key)
        .join('.');
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
      if (pair) spellings.push({ name, end, pair });
    }
    if (spellings.length > 1) {
      const lines = spellings.map((s) => `"${s.name}" (line ${text.slice(0, (s.pair.key as YamlNode).range?.[0] ?? 0).split('\n').length})`);
      throw new UserError(
        `${file}: ${key} is written more than one way in one map: ${lines.join(' and ')}; Spring reads one of them: keep one by hand, then apply again; nothing was written`,
      );
    }
    const found = spellings[0];
    if (!found) break;
    out.push({ key: found.name });
    node = found.pair.value;
    i = found.end;
  }
  return [...out, ...segments.slice(i)];
}

function concretePath(doc: Document, segments: PathSegment[], file: string, key: string): Array<string | number> {
  const path: Array<string | number> = [];
  for (const segment of segments) {
    if ('key' in segment) path.push(segment.key);
    else if ('index' in segment) path.push(segment.index);
    else {
      const seq = doc.getIn(path, true);
      const items = isSeq(seq) ? seq.items : [];
      const i = items.findIndex((item) => isMap(item) && String(item.get(segment.match.field)) === segment.match.value);
      if (i < 0) throw new UserError(`${file}: no list item with ${segment.match.field}=${segment.match.value} for ${key}; add the item by hand`);
      path.push(i);
    }
  }
  return path;
}

/** A key set twice in one mapping on the way to the edited one: the scan takes the later (as
 * Helm does), the editor's lookup the first, so undrift edits neither and says which lines. (It
 * refused any file holding a duplicate with "the file does not parse", a file the scan had read.)
 * The re-read after the edit checks every other key kept its value. */
function refuseRepeatedOnPath(doc: Document, path: Array<string | number>, text: string, file: string, key: KeyPath): void {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      continue;
    }
    if (!isMap(node)) return;
    const pairs = node.items.filter((p) => isScalar(p.key) && String(p.key.value) === String(step));
    if (pairs.length > 1) {
      const lines = pairs.map((p) => text.slice(0, (p.key as YamlNode).range?.[0] ?? 0).split('\n').length);
      throw new UserError(
        `${file}:${lines.at(-1)}: "${step}" is set twice in one mapping (lines ${lines.join(' and ')}; the later is the one read): ` +
          `remove the earlier by hand, then apply ${key} again; nothing was written`,
      );
    }
    node = pairs[0]?.value;
  }
}

/** A scalar written as the file already writes it where it can be: the same quotes, plain when
 * plain reads back as the same value. */
export function scalarSource(value: unknown, style: Scalar.Type | undefined, version: '1.1' | '1.2'): string {
  if (typeof value !== 'string') return value === null ? 'null' : (scalarText(value).text ?? 'null');
  if (style === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const probe = parseDocument(`k: ${value}`, { version });
  const plainWorks = probe.errors.length === 0 && probe.get('k') === value && !value.includes('\n') && value.trim() === value && value !== '';
  return plainWorks ? value : JSON.stringify(value);
}

function keySource(key: string, json: boolean, version: '1.1' | '1.2'): string {
  if (json) return JSON.stringify(key);
  return scalarSource(key, undefined, version);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

export const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

/** The indentation step the file uses (the smallest indentation of an indented line). */
export function indentUnit(text: string): number {
  let unit = 0;
  for (const m of text.matchAll(/^( +)[^\s#]/gm)) if (unit === 0 || m[1]!.length < unit) unit = m[1]!.length;
  return unit || 2;
}

/** A value (a scalar, or maps nested under `keys`) as the text of a flow collection. */
function flowSource(keys: string[], native: unknown, json: boolean, version: '1.1' | '1.2'): string {
  const scalar = json ? JSON.stringify(native) : scalarSource(native, undefined, version);
  return keys.reduceRight((inner, k) => `{${keySource(k, json, version)}: ${inner}}`, scalar);
}

interface Ctx {
  text: string;
  file: string;
  key: string;
  json: boolean;
  version: '1.1' | '1.2';
  eol: string;
}

function editYaml(text: string, file: string, version: '1.1' | '1.2', key: KeyPath, value: TypedValue | null, json: boolean, spring = false): string {
  // A key set twice in one mapping is read as the reader reads it (the later wins, a warning):
  // a file holding one is edited like any other, unless the edited key's path goes through it.
  const docs = parseAllDocuments(text, { version, keepSourceTokens: true, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) refuseConflict(text, file);
  if (broken) throw new UserError(`${file}: the file does not parse (${broken.errors[0]!.message.split('\n')[0]}); nothing was written`);
  const target = targetOf(list, file, key);
  const { doc } = target;
  const segments = spring ? springSegments(doc, target.segments, text, file, key) : target.segments;
  const path = concretePath(doc, segments, file, key);
  refuseRepeatedOnPath(doc, path, text, file, key);
  const native = value === null ? undefined : toNative(value);
  if (typeof native === 'object' && native !== null)
    throw new UserError(`${file}: ${key} would take a list or map value; undrift writes single values, edit it by hand`);
  const ctx: Ctx = { text, file, key, json, version, eol: eolOf(text) };
  const node = doc.getIn(path, true) as YamlNode | undefined;

  if (value === null) return node === undefined ? text : removeAt(ctx, doc, path);
  // An existing scalar: its source text only is rewritten, so the diff is that one value.
  if (isScalar(node) && node.range) {
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    const source = json ? JSON.stringify(native) : scalarSource(native, block ? undefined : node.type, version);
    const end = node.range[1];
    const written = text.slice(node.range[0], end);
    // An empty value (`timeout: # raised for INC-12`) has no source: the new one goes where it
    // would stand, and the comment after it keeps the blank that makes it a comment (`45# raised`
    // would read as the value).
    const tail = block && written.endsWith('\n') ? ctx.eol : written === '' && /^[^\s]/.test(text.slice(end)) ? ' ' : '';
    return text.slice(0, node.range[0]) + source + tail + text.slice(end);
  }
  if (node !== undefined) throw new UserError(`${file}: ${key} holds a list or map; undrift writes single values, edit it by hand`);
  return insertAt(ctx, doc, path, native);
}

/** A new key: below the deepest map of its path that exists, with the maps it needs. */
function insertAt(ctx: Ctx, doc: Document, path: Array<string | number>, native: unknown): string {
  const { text, eol } = ctx;
  let depth = path.length - 1;
  let anchor: YamlNode | undefined;
  for (; depth >= 0; depth--) {
    anchor = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as YamlNode | undefined;
    if (anchor !== undefined && anchor !== null) break;
  }
  const rest = path.slice(Math.max(depth, 0));
  if (rest.some((k) => typeof k === 'number'))
    throw new UserError(`${ctx.file}: ${ctx.key} needs a new list item; undrift does not add list items, add it by hand`);
  const keys = rest as string[];
  if (anchor === undefined || anchor === null) {
    // An empty document: the key becomes its first line(s).
    if (ctx.json) return `${flowSource(keys, native, true, ctx.version)}${eol}`;
    return `${text}${text === '' || text.endsWith('\n') ? '' : eol}${blockLines(keys, native, 0, indentUnit(text), ctx).join(eol)}${eol}`;
  }
  if (!isMap(anchor))
    throw new UserError(`${ctx.file}: ${ctx.key} goes below ${path.slice(0, depth).join('.') || 'the top level'}, which is not a map; edit it by hand`);
  const map = anchor;
  if (map.flow) return insertFlow(ctx, map, keys, native);
  if (map.items.length === 0) throw new UserError(`${ctx.file}: cannot place ${ctx.key} in an empty map; edit it by hand`);
  const firstKey = map.items[0]!.key as YamlNode;
  const lastPair = map.items.at(-1)!;
  const end = ((lastPair.value as YamlNode | null)?.range ?? (lastPair.key as YamlNode).range)!;
  if (!firstKey.range) throw new UserError(`${ctx.file}: cannot place ${ctx.key}; edit it by hand`);
  const indent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
  const at = lineEnd(text, Math.max(end[0], end[1] - 1));
  const lines = blockLines(keys, native, indent, indentUnit(text), ctx);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== '\n' ? eol : '') + lines.join(eol) + eol + text.slice(at);
}

function blockLines(keys: string[], native: unknown, indent: number, unit: number, ctx: Ctx): string[] {
  return keys.map((k, i) => {
    const pad = ' '.repeat(indent + i * unit);
    const last = i === keys.length - 1;
    return `${pad}${keySource(k, false, ctx.version)}:${last ? ` ${scalarSource(native, undefined, ctx.version)}` : ''}`;
  });
}

/** A new pair in a flow map (`{ttl: 60}`, or any JSON object): after its last pair, on the same
 * line or on a new line at the last pair's indentation, as the map is laid out. */
function insertFlow(ctx: Ctx, map: YAMLMap, keys: string[], native: unknown): string {
  const { text } = ctx;
  const pair = `${keySource(keys[0]!, ctx.json, ctx.version)}: ${flowSource(keys.slice(1), native, ctx.json, ctx.version)}`;
  const range = map.range!;
  if (map.items.length === 0) {
    const open = text.indexOf('{', range[0]);
    return `${text.slice(0, open + 1)}${pair}${text.slice(open + 1)}`;
  }
  const last = map.items.at(-1)!;
  const lastKey = last.key as YamlNode;
  const end = ((last.value as YamlNode | null)?.range ?? lastKey.range)![1];
  const multiLine = text.slice(range[0], range[1]).includes('\n');
  if (!multiLine) return `${text.slice(0, end)}, ${pair}${text.slice(end)}`;
  const start = lastKey.range![0];
  const indent = text.slice(lineStart(text, start), start);
  return `${text.slice(0, end)},${ctx.eol}${/^\s*$/.test(indent) ? indent : ' '.repeat(indent.length)}${pair}${text.slice(end)}`;
}

/** Removes a pair: its lines in a block map, its text and one separator in a flow map. A map
 * left empty (other than the document's top) goes with it. */
function removeAt(ctx: Ctx, doc: Document, path: Array<string | number>): string {
  const { text } = ctx;
  const parentPath = path.slice(0, -1);
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as YamlNode | undefined;
  const last = path.at(-1)!;
  if (!isMap(parent)) throw new UserError(`${ctx.file}: ${ctx.key} is a list item; remove it by hand`);
  const items = parent.items;
  const index = items.findIndex((p: Pair) => isScalar(p.key) && String(p.key.value) === String(last));
  const pair = items[index];
  const keyRange = (pair?.key as YamlNode | undefined)?.range;
  if (!pair || !keyRange) return text;
  if (items.length === 1 && parentPath.length > 0 && isMap(doc.getIn(parentPath.slice(0, -1), true) ?? doc.contents)) return removeAt(ctx, doc, parentPath);
  const valueEnd = ((pair.value as YamlNode | null)?.range ?? keyRange)[1];
  if (parent.flow) {
    if (index > 0) {
      const prev = items[index - 1]!;
      const prevEnd = ((prev.value as YamlNode | null)?.range ?? (prev.key as YamlNode).range!)[1];
      return text.slice(0, prevEnd) + text.slice(valueEnd);
    }
    const next = items[1];
    const nextStart = next ? (next.key as YamlNode).range![0] : valueEnd;
    return text.slice(0, keyRange[0]) + text.slice(nextStart);
  }
  const from = lineStart(text, keyRange[0]);
  if (text.slice(from, keyRange[0]).trim() !== '') throw new UserError(`${ctx.file}: ${ctx.key} shares its line with other text; remove it by hand`);
  return text.slice(0, from) + text.slice(lineEnd(text, Math.max(keyRange[0], valueEnd - 1)));
}
