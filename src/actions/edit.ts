import {
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
  Scalar,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { UserError } from '../errors.js';
import type { KeyPath, ValueType } from '../model/types.js';
import { parseDotenv } from '../parse/dotenv.js';
import { POD_SPEC_PATH } from '../parse/manifests.js';
import { yamlVersionOf, type Format } from '../parse/format.js';
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
  switch (format) {
    case 'dotenv':
      return editDotenv(text, file, key, value);
    case 'json':
      return editJson(text, file, key, value);
    case 'yaml':
    case 'helm':
    case 'spring':
    case 'rails':
    case 'manifests':
    case 'kustomize':
      return editYaml(text, file, yamlVersionOf(format), key, value);
    case 'tfvars':
      throw new UserError(`${file}: undrift does not edit Terraform .tfvars files; change ${key} by hand`);
  }
}

/** Re-reads the edited text: the key must hold exactly the intended value and every other key
 * what it held before. */
export async function verifyEdit(before: string, after: string, file: string, format: EditFormat, key: KeyPath, value: TypedValue | null): Promise<void> {
  const [old, now] = await Promise.all([readText(before, file, format), readText(after, file, format)]);
  const got = now.values.get(key);
  if (value === null ? got !== undefined : got?.text !== value.text) {
    throw new UserError(`${file}: after editing, ${key} reads as ${got ? JSON.stringify(got.text) : 'absent'} instead of ${value ? JSON.stringify(value.text) : 'absent'}; nothing was written`);
  }
  for (const [k, v] of old.values) {
    if (k === key) continue;
    if (now.values.get(k)?.text !== v.text) throw new UserError(`${file}: editing ${key} would also change ${k}; nothing was written`);
  }
  for (const k of now.values.keys()) {
    if (k !== key && !old.values.has(k)) throw new UserError(`${file}: editing ${key} would also add ${k}; nothing was written`);
  }
}

// ---------------------------------------------------------------- dotenv

const needsQuotes = (text: string) => text === '' ? false : /[\s#"'$\\`]/.test(text) || text !== text.trim();
const dotenvQuote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$/g, '\\$')}"`;

function editDotenv(text: string, file: string, key: KeyPath, value: TypedValue | null): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) throw new UserError(`${file}: "${key}" is not a dotenv variable name`);
  const { entries } = parseDotenv(text, file);
  const entry = entries.get(key);
  const lines = text.split('\n');
  if (!entry) {
    if (value === null) return text;
    const line = `${key}=${needsQuotes(value.text) ? dotenvQuote(value.text) : value.text}`;
    return text === '' || text.endsWith('\n') ? `${text}${line}\n` : `${text}\n${line}\n`;
  }
  const index = entry.line - 1;
  const current = lines[index]!;
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
  lines[index] = `${m[1]}${written}${comment}`;
  return lines.join('\n');
}

// ---------------------------------------------------------------- JSON

function editJson(text: string, file: string, key: KeyPath, value: TypedValue | null): string {
  // An existing scalar is rewritten in place (JSON is YAML: the YAML parser knows where it is),
  // so a compact or hand-formatted file keeps its layout.
  if (value !== null) {
    const doc = parseDocument(text, { keepSourceTokens: true });
    if (doc.errors.length === 0) {
      try {
        const node = doc.getIn(concretePath(doc, parseKeyPath(key), file, key), true) as YamlNode | undefined;
        const native = toNative(value);
        if (isScalar(node) && node.range && (typeof native !== 'object' || native === null)) {
          return text.slice(0, node.range[0]) + JSON.stringify(native) + text.slice(node.range[1]);
        }
      } catch {
        // not a simple scalar: rewritten below
      }
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: invalid JSON (${(e as Error).message}); nothing was written`);
  }
  const indentMatch = /^[ \t]+(?=")/m.exec(text);
  const indent = indentMatch ? (indentMatch[0].includes('\t') ? '\t' : indentMatch[0].length) : 2;
  const segments = parseKeyPath(key);
  let node = data as Record<string, unknown> | unknown[];
  for (let i = 0; i < segments.length - 1; i++) {
    const next = step(node, segments[i]!, file, key, value !== null);
    node = next as Record<string, unknown>;
  }
  const last = segments.at(-1)!;
  const container = node as Record<string, unknown>;
  const slot = 'key' in last ? last.key : 'index' in last ? last.index : indexOfMatch(node as unknown[], last.match, file, key);
  if (value === null) {
    if (Array.isArray(container)) container.splice(slot as number, 1);
    else delete container[slot as string];
  } else {
    (container as Record<string | number, unknown>)[slot as string] = toNative(value);
  }
  return `${JSON.stringify(data, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

function indexOfMatch(list: unknown[], match: { field: string; value: string }, file: string, key: string): number {
  const i = Array.isArray(list) ? list.findIndex((item) => typeof item === 'object' && item !== null && String((item as Record<string, unknown>)[match.field]) === match.value) : -1;
  if (i < 0) throw new UserError(`${file}: no list item with ${match.field}=${match.value} for ${key}; add the item by hand`);
  return i;
}

function step(node: unknown, segment: PathSegment, file: string, key: string, create: boolean): unknown {
  if ('match' in segment) return (node as unknown[])[indexOfMatch(node as unknown[], segment.match, file, key)];
  if ('index' in segment) return (node as unknown[])[segment.index];
  const map = node as Record<string, unknown>;
  if (map[segment.key] === undefined) {
    if (!create) return {};
    map[segment.key] = {};
  }
  return map[segment.key];
}

// ---------------------------------------------------------------- YAML

interface Target {
  doc: Document;
  segments: PathSegment[];
}

function targetOf(docs: Document[], file: string, key: KeyPath): Target {
  const manifest = splitManifestKey(key);
  if (manifest && docs.some((d) => isMap(d.contents) && d.get('kind') !== undefined)) {
    const doc = docs.find((d) => d.get('kind') === manifest.kind && d.getIn(['metadata', 'name']) === manifest.name);
    if (!doc) throw new UserError(`${file}: no ${manifest.kind} named ${manifest.name}`);
    if (manifest.kind === 'Secret') throw new UserError(`${file}: ${key} is a Secret value: undrift never writes secrets; change it by hand or in your secret store`);
    let segments = parseKeyPath(manifest.rest);
    const first = segments[0];
    const podSpec = POD_SPEC_PATH[manifest.kind];
    if (podSpec && first && 'key' in first && (first.key === 'containers' || first.key === 'initContainers')) segments = [...podSpec.map((k) => ({ key: k })), ...segments];
    else if (podSpec && first && 'key' in first && first.key === 'replicas') segments = [{ key: 'spec' }, ...segments];
    return { doc, segments };
  }
  const indexed = /^\[(\d+)\]/.exec(key);
  if (docs.length > 1 && indexed) return { doc: docs[Number(indexed[1])]!, segments: parseKeyPath(key.slice(indexed[0].length)) };
  if (docs.length === 0) return { doc: parseDocument('{}'), segments: parseKeyPath(key) };
  return { doc: docs[0]!, segments: parseKeyPath(key) };
}

/** The concrete path (map keys and list indexes) of the segments in this document. */
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

/** A scalar written as the file already writes it where it can be: the same quotes, plain when
 * plain reads back as the same value. */
function scalarSource(value: unknown, style: Scalar.Type | undefined, version: '1.1' | '1.2'): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  if (style === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const probe = parseDocument(`k: ${value}`, { version });
  const plainWorks = probe.errors.length === 0 && probe.get('k') === value && !value.includes('\n') && value.trim() === value && value !== '';
  return plainWorks ? value : JSON.stringify(value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

function editYaml(text: string, file: string, version: '1.1' | '1.2', key: KeyPath, value: TypedValue | null): string {
  const docs = parseAllDocuments(text, { version, keepSourceTokens: true });
  const list = Array.isArray(docs) ? docs : [];
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) throw new UserError(`${file}: the file does not parse (${broken.errors[0]!.message.split('\n')[0]}); nothing was written`);
  const { doc, segments } = targetOf(list, file, key);
  const path = concretePath(doc, segments, file, key);
  const native = value === null ? undefined : toNative(value);
  const node = doc.getIn(path, true) as YamlNode | undefined;

  // An existing scalar: rewrite its source text only, so the diff is that one value.
  if (value !== null && isScalar(node) && node.range && node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED' && (typeof native !== 'object' || native === null)) {
    const source = scalarSource(native, node.type, version);
    return text.slice(0, node.range[0]) + source + text.slice(node.range[1]);
  }
  const parentPath = path.slice(0, -1);
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as YamlNode | undefined;
  const last = path.at(-1)!;

  // Removing a pair of a block map: its lines go.
  if (value === null) {
    if (node === undefined) return text;
    if (isMap(parent) && !parent.flow) {
      const pair = (parent as YAMLMap).items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === String(last));
      const keyRange = (pair?.key as YamlNode | undefined)?.range;
      const valueRange = (pair?.value as YamlNode | undefined)?.range;
      if (keyRange && valueRange) return text.slice(0, lineStart(text, keyRange[0])) + text.slice(lineEnd(text, Math.max(keyRange[0], valueRange[1] - 1)));
    }
  }
  // A new key in a block map that exists: one new line after its last pair, at its indentation.
  if (value !== null && node === undefined && isMap(parent) && !parent.flow && parent.items.length > 0 && (typeof native !== 'object' || native === null)) {
    const firstKey = parent.items[0]!.key as YamlNode;
    const lastPair = parent.items.at(-1)!;
    const end = ((lastPair.value as YamlNode | null)?.range ?? (lastPair.key as YamlNode).range)!;
    if (firstKey.range) {
      const indent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
      const at = lineEnd(text, Math.max(end[0], end[1] - 1));
      const keyText = /^[A-Za-z0-9_$.\/-]+$/.test(String(last)) ? String(last) : JSON.stringify(String(last));
      const line = `${' '.repeat(indent)}${keyText}: ${scalarSource(native, undefined, version)}\n`;
      return text.slice(0, at) + (at > 0 && text[at - 1] !== '\n' ? '\n' : '') + line + text.slice(at);
    }
  }
  // Anything else (a new nested map, a flow collection, a block scalar): through the document,
  // written back with the file's own indentation.
  if (value === null) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(native));
  const indent = /^( +)\S/m.exec(text)?.[1]?.length ?? 2;
  const indentSeq = !/^\S[^\n]*:\s*\n-/m.test(text);
  if (list.length <= 1) return doc.toString({ indent, indentSeq, lineWidth: 0 });
  return list.map((d) => d.toString({ indent, indentSeq, lineWidth: 0 })).join('');
}
