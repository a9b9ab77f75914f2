import { isMap, isScalar, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { UserError } from '../errors.js';
import { eolOf, indentUnit, lineEnd, lineStart, scalarSource, toNative } from './edit.js';
import type { ContractChange } from './plan.js';

const HEADER = '# Differences between environments that are intended.\n# Anything not declared here must be identical in every environment.\n';

/** A value as the entry writes it: a scalar, or a map of scalars on one line (an accepted
 * change: `{changed: 2026-11-21T10:00:00Z, by: kubectl-edit}`). */
function valueSource(native: unknown): string {
  if (native === null || typeof native !== 'object' || Array.isArray(native)) return scalarSource(native, undefined, '1.2');
  return `{${Object.entries(native)
    // A flow map ends a plain scalar at `,` `]` `}`: such text is quoted.
    .map(
      ([k, v]) =>
        `${scalarSource(k, undefined, '1.2')}: ${typeof v === 'string' && /[,[\]{}]/.test(v) ? JSON.stringify(v) : scalarSource(v, undefined, '1.2')}`,
    )
    .join(', ')}}`;
}

/** A text a list allows, written so it reads back as that text (`4`, `true`, `"v1.0"`). */
function textSource(text: string): string {
  const probe = parseDocument(`k: ${text}`, { version: '1.2' });
  const read: unknown = probe.errors.length === 0 ? probe.get('k') : undefined;
  const plain = typeof read === 'string' || typeof read === 'number' || typeof read === 'boolean';
  return plain && String(read) === text && text.trim() === text && text !== '' ? text : text === 'null' ? '~' : JSON.stringify(text);
}

/** The entry's lines: the key, then each environment's allowed value (or its line kept as
 * written, or its list widened), reason, owner, expiry. */
function entryLines(
  change: ContractChange,
  indent: number,
  unit: number,
  kept: ReadonlyMap<string, string> = new Map(),
  comments: ReadonlyMap<string, string> = new Map(),
): string[] {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + unit);
  const lines = [`${pad}${scalarSource(change.key, undefined, '1.2')}:`];
  const envs = [...Object.keys(change.allowed ?? {}), ...(change.keep ?? []).filter((env) => !(env in (change.allowed ?? {})))];
  for (const env of envs) {
    const written = kept.get(env);
    if (written !== undefined) {
      lines.push(`${inner}${written}`);
      continue;
    }
    const value = change.allowed?.[env];
    if (!value) continue;
    const also = change.alsoAllowed?.[env];
    // A widened list keeps its order, or reads in numeric order where every value is a number.
    const listed = also && [...also, value.text];
    const numeric = listed?.every((t) => /^-?\d+(?:\.\d+)?$/.test(t));
    const source = listed
      ? `[${(numeric ? [...listed].sort((a, b) => Number(a) - Number(b)) : listed).map((t) => (t === value.text ? valueSource(toNative(value)) : textSource(t))).join(', ')}]`
      : valueSource(toNative(value));
    // The note on a widened list's line ("# SRE floor is 4") is the author's reason for the list: kept.
    const comment = also ? comments.get(env) : undefined;
    lines.push(`${inner}${scalarSource(env, undefined, '1.2')}: ${source}${comment ? ` ${comment}` : ''}`);
  }
  if (change.reason) lines.push(`${inner}reason: ${scalarSource(change.reason, undefined, '1.2')}`);
  if (change.owner) lines.push(`${inner}owner: ${scalarSource(change.owner, undefined, '1.2')}`);
  if (change.expires) lines.push(`${inner}expires: ${change.expires}`);
  return lines;
}

/** Writes or removes one entry of the contract (of `expected_differences:`, or of
 * `live_differences:` for an accepted live value). Only that entry's lines change: every other
 * entry, comment and blank line stays as written. A missing contract file, or section, is
 * created. */
export function editContract(text: string | undefined, change: ContractChange): string {
  const section = change.section ?? 'expected_differences';
  if (text === undefined || text.trim() === '') {
    if (change.allowed === null) return text ?? '';
    return `${text ?? HEADER}${section}:\n${entryLines(change, 2, 2).join('\n')}\n`;
  }
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new UserError(`${change.file}: the contract does not parse (${doc.errors[0]!.message.split('\n')[0]}); nothing was written`);
  const eol = eolOf(text);
  const map = doc.get(section, true) as YamlNode | undefined;
  if (map === undefined && !doc.has(section) && isMap(doc.contents) && !doc.contents.flow) {
    // A section the file lacks goes after everything else, at the indentation its entries have
    // elsewhere: the rest of the file stays byte for byte.
    if (change.allowed === null) return text;
    const unit = indentUnit(text) || 2;
    return `${text}${text.endsWith('\n') ? '' : eol}${section}:${eol}${entryLines(change, unit, unit).join(eol)}${eol}`;
  }
  if (!isMap(map) || map.flow || map.items.length === 0) return rewriteWhole(text, change);
  const items = map.items;
  const firstKey = items[0]!.key as YamlNode;
  const indent = firstKey.range![0] - lineStart(text, firstKey.range![0]);
  const firstValue = items[0]!.value as YamlNode | null;
  const unit =
    isMap(firstValue) && !firstValue.flow && firstValue.items[0]
      ? (firstValue.items[0].key as YamlNode).range![0] - lineStart(text, (firstValue.items[0].key as YamlNode).range![0]) - indent
      : indentUnit(text);
  const pair = items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === change.key);
  const step = unit > 0 ? unit : 2;
  const kept = pair && change.keep ? keptLines(text, pair.value as YamlNode | null, change.keep, indent + step) : undefined;
  const comments = pair && change.alsoAllowed ? lineComments(text, pair.value as YamlNode | null) : undefined;
  const lines = entryLines(change, indent, step, kept, comments).join(eol) + eol;
  const span = (p: Pair) => {
    const keyRange = (p.key as YamlNode).range!;
    const end = ((p.value as YamlNode | null)?.range ?? keyRange)[1];
    return [lineStart(text, keyRange[0]), lineEnd(text, Math.max(keyRange[0], end - 1))] as const;
  };
  if (change.allowed === null) {
    if (!pair) return text;
    if (items.length === 1 && section === 'live_differences' && isMap(doc.contents)) {
      // The last acceptance takes its section with it, line by line: nothing else is rewritten.
      const whole = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === section)!;
      return text.slice(0, span(whole)[0]) + text.slice(span(whole)[1]);
    }
    if (items.length === 1) return rewriteWhole(text, change);
    const [from, to] = span(pair);
    return text.slice(0, from) + text.slice(to);
  }
  if (pair) {
    const [from, to] = span(pair);
    return text.slice(0, from) + lines + text.slice(to);
  }
  const [, at] = span(items.at(-1)!);
  return text.slice(0, at) + (at > 0 && text[at - 1] !== '\n' ? eol : '') + lines + text.slice(at);
}

/** The lines of the environments an entry keeps as written (`staging: any  # the team's sandbox`),
 * moved to the column the entry is written at: a flow entry's pair (`{staging: any, …}`) becomes
 * its own line. */
function keptLines(text: string, entry: YamlNode | null, envs: readonly string[], column: number): Map<string, string> {
  const kept = new Map<string, string>();
  if (!isMap(entry)) return kept;
  for (const p of entry.items) {
    if (!isScalar(p.key) || !envs.includes(String(p.key.value))) continue;
    const keyRange = (p.key as YamlNode).range!;
    const from = keyRange[0];
    let to = ((p.value as YamlNode | null)?.range ?? keyRange)[1];
    if (!entry.flow) {
      // The rest of the value's last line (a comment after it) belongs to the line.
      const end = lineEnd(text, Math.max(from, to - 1));
      to = end - (text.slice(0, end).endsWith('\r\n') ? 2 : text.slice(0, end).endsWith('\n') ? 1 : 0);
    }
    const source = text.slice(from, to);
    if (entry.flow) {
      kept.set(String(p.key.value), source.replace(/\s*\r?\n\s*/g, ' '));
      continue;
    }
    const shift = column - (from - lineStart(text, from));
    const [first, ...rest] = source.split(/\r?\n/);
    const moved = rest.map((line) => (shift >= 0 ? ' '.repeat(shift) + line : line.slice(Math.min(-shift, line.length - line.trimStart().length))));
    kept.set(String(p.key.value), [first, ...moved].join(eolOf(text)));
  }
  return kept;
}

/** The comment closing each environment's line of a block entry (`production: [4, 6, 8]  # SRE floor is 4`). */
function lineComments(text: string, entry: YamlNode | null): Map<string, string> {
  const comments = new Map<string, string>();
  if (!isMap(entry) || entry.flow) return comments;
  for (const p of entry.items) {
    const value = p.value as YamlNode | null;
    if (!isScalar(p.key) || !value?.range) continue;
    const end = value.range[1];
    const rest = text.slice(end, lineEnd(text, Math.max(0, end - 1))).replace(/\r?\n$/, '');
    const comment = /^\s+(#.*)$/.exec(rest)?.[1];
    if (comment) comments.set(String(p.key.value), comment.trimEnd());
  }
  return comments;
}

/** An empty or flow-style section: written again through the document. */
function rewriteWhole(text: string, change: ContractChange): string {
  const section = change.section ?? 'expected_differences';
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (!isMap(doc.get(section, true))) doc.set(section, doc.createNode({}));
  const map = doc.get(section, true);
  if (isMap(map) && map.flow) map.flow = false;
  if (change.allowed === null) {
    doc.deleteIn([section, change.key]);
    if (isMap(map) && map.items.length === 0) map.flow = true;
  } else {
    const entry: Record<string, unknown> = {};
    const before = doc.getIn([section, change.key]);
    const written = isMap(before) ? (before.toJSON() as Record<string, unknown>) : {};
    for (const [env, value] of Object.entries(change.allowed)) {
      const also = change.alsoAllowed?.[env];
      entry[env] =
        change.keep?.includes(env) && env in written
          ? written[env]
          : also
            ? [...also.map((t) => parseDocument(`k: ${textSource(t)}`).get('k')), toNative(value)]
            : toNative(value);
    }
    for (const env of change.keep ?? []) if (!(env in entry) && env in written) entry[env] = written[env];
    if (change.reason) entry.reason = change.reason;
    if (change.owner) entry.owner = change.owner;
    if (change.expires) entry.expires = change.expires;
    doc.setIn([section, change.key], doc.createNode(entry));
  }
  return doc.toString({ indent: indentUnit(text), lineWidth: 0 });
}
