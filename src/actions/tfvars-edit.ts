import { UserError } from '../errors.js';
import type { KeyPath } from '../model/types.js';
import { parseKeyPath } from '../parse/keypath.js';
import { parseTfvarsTree, type TfvarsNode } from '../parse/tfvars.js';

/** A value to write into a Terraform variables file, as the editors receive it. */
interface TfvarsValue {
  text: string;
  type: string;
}

// Edits one value of a `.tfvars` file by splicing the new literal over the old one's text, so
// comments, alignment and every other attribute stay byte for byte; verifyEdit then re-reads the
// file. A whole attribute is added or removed only at the top level, where it is one line of its
// own; inside an object or list a person decides where a new entry goes.

export function editTfvars(text: string, file: string, key: KeyPath, value: TfvarsValue | null): string {
  const segments = parseKeyPath(key).map((segment) => {
    if ('key' in segment) return segment.key;
    if ('index' in segment) return segment.index;
    throw new UserError(`${file}: ${key} names a list item by a field; undrift edits .tfvars values by name or index only; change it by hand`);
  });
  const root = parseTfvarsTree(text, file);
  let parent = root;
  for (const segment of segments.slice(0, -1)) {
    const child = parent.children?.get(segment);
    if (!child?.children) throw new UserError(`${file}: ${key} is not written as nested values undrift can reach; change it by hand`);
    parent = child;
  }
  const last = segments.at(-1)!;
  const node = parent.children?.get(last);
  if (!node) {
    if (value === null) return text;
    if (parent !== root || typeof last !== 'string')
      throw new UserError(`${file}: ${key} is not set there, and undrift adds only top-level variables to a .tfvars file; add it by hand`);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const line = `${attributeName(last)} = ${literal(value, file, key)}`;
    return text === '' || text.endsWith('\n') ? `${text}${line}${eol}` : `${text}${eol}${line}${eol}`;
  }
  if (value === null) {
    if (parent !== root || node.keyStart === undefined)
      throw new UserError(`${file}: removing ${key} from inside a value is left to a person; change it by hand`);
    return removeAttribute(text, file, key, node);
  }
  return `${text.slice(0, node.start)}${literal(value, file, key)}${text.slice(node.end)}`;
}

/** Removes a top-level attribute's lines when it stands alone on them (a comment after it goes too). */
function removeAttribute(text: string, file: string, key: KeyPath, node: TfvarsNode): string {
  const from = text.lastIndexOf('\n', node.keyStart! - 1) + 1;
  const newline = text.indexOf('\n', node.end);
  const to = newline < 0 ? text.length : newline + 1;
  const rest = text.slice(node.end, newline < 0 ? text.length : newline).trim();
  if (text.slice(from, node.keyStart).trim() !== '' || (rest !== '' && !/^(#|\/\/)/.test(rest)))
    throw new UserError(`${file}: ${key} shares its line with other text; remove it by hand`);
  return text.slice(0, from) + text.slice(to);
}

const attributeName = (name: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : JSON.stringify(name));

/** The HCL literal for a value: numbers, bools and null bare; strings quoted with HCL's escapes
 * (`${` and `%{` doubled, so the text is never read as a template); lists and maps from their
 * JSON text, written as HCL tuples and objects. */
function literal(value: TfvarsValue, file: string, key: KeyPath): string {
  if (value.type === 'number' && /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/.test(value.text)) return value.text;
  if (value.type === 'boolean' && (value.text === 'true' || value.text === 'false')) return value.text;
  if (value.type === 'null') return 'null';
  if (value.type === 'list' || value.type === 'map') {
    let native: unknown;
    try {
      native = JSON.parse(value.text);
    } catch {
      throw new UserError(`${file}: the value for ${key} is not a list or map undrift can write; change it by hand`);
    }
    return hcl(native);
  }
  return quote(value.text);
}

function hcl(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(hcl).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${attributeName(k)} = ${hcl(v)}`).join(', ')} }`;
}

function quote(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t]|[$%](?=\{)|[\u0000-\u001f\u007f]/g, (c) => {
    if (c === '$' || c === '%') return c + c;
    const simple: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return simple[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}
