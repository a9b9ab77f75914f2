import { UserError, located } from '../errors.js';
import type { RepoLocation } from '../model/types.js';
import type { Locator } from './flatten.js';

// A reader for Terraform variable files. A `.tfvars` file is a small subset of HCL: attributes
// whose values are literals — strings (with `${...}` templates kept as written), heredocs,
// numbers, bools, null, lists/tuples and maps/objects — and comments. Terraform itself refuses
// references and function calls there ("Variables not allowed", "Functions may not be called
// here"), so nothing needs evaluating. Reading it directly costs microseconds where the HCL
// parser compiled to WebAssembly costs a quarter of a second to start and ~100 MB, and it keeps
// every value's own line, which the WebAssembly parser's JSON does not.

/** A parsed value with where it is written (for a map entry or attribute: where its key starts). */
export interface TfvarsNode {
  value: unknown;
  at: Position;
  /** The value's own text: `text.slice(start, end)` (offsets), what an edit replaces. */
  start: number;
  end: number;
  /** For an attribute or object entry: the offset its key starts at. */
  keyStart?: number;
  /** Children of a map by key, of a list by index. */
  children?: Map<string | number, TfvarsNode>;
}
type Node = TfvarsNode;

interface Position {
  line: number;
  column: number;
}

export interface ParsedTfvars {
  value: Record<string, unknown>;
  locator: Locator;
}

/** Parses a `.tfvars` file; bad input throws a UserError naming file:line:column. */
export function parseTfvars(text: string, file: string): ParsedTfvars {
  const root = parseTfvarsTree(text, file);
  return { value: root.value as Record<string, unknown>, locator: locatorOf(root, file) };
}

/** The parsed file as a tree of nodes with their offsets (the editor splices values there). */
export function parseTfvarsTree(text: string, file: string): TfvarsNode {
  return new Parser(text, file).body();
}

function locatorOf(node: Node, file: string): Locator {
  const location = (): RepoLocation => ({ file, line: node.at.line, column: node.at.column });
  const self: Locator = {
    location,
    at(segment) {
      const child = node.children?.get(segment);
      return child ? locatorOf(child, file) : { at: () => self.at(segment), location };
    },
  };
  return self;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_-]/;

class Parser {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly s: string,
    private readonly file: string,
  ) {}

  private pos(): Position {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  private fail(message: string, at: Position = this.pos()): never {
    throw new UserError(located(this.file, at.line, at.column, `invalid tfvars: ${message}`));
  }

  private advance(n = 1): void {
    for (let k = 0; k < n; k++) {
      if (this.s.charCodeAt(this.i) === 10) {
        this.line++;
        this.lineStart = this.i + 1;
      }
      this.i++;
    }
  }

  /** Skips blanks and comments; newlines too when `newlines` (inside brackets and braces). */
  private skip(newlines: boolean): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.advance();
      else if (c === '#' || (c === '/' && this.s[this.i + 1] === '/')) {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      } else if (c === '/' && this.s[this.i + 1] === '*') {
        const end = this.s.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('a /* comment is never closed');
        this.advance(end + 2 - this.i);
      } else return;
    }
  }

  /** The whole file: `name = value` per line. */
  body(): Node {
    const value: Record<string, unknown> = {};
    const children = new Map<string | number, Node>();
    for (;;) {
      this.skip(true);
      if (this.i >= this.s.length) break;
      const at = this.pos();
      const keyStart = this.i;
      const name = this.s[this.i] === '"' ? this.quotedKey() : this.identifier();
      this.skip(false);
      if (this.s[this.i] !== '=') this.fail(this.s[this.i] === '{' ? `blocks are not allowed in a variables file ("${name} {")` : `expected "=" after ${name}`);
      this.advance();
      this.skip(false);
      const node = this.value();
      if (Object.hasOwn(value, name)) this.fail(`the argument "${name}" was already set (line ${children.get(name)!.at.line})`, at);
      value[name] = node.value;
      children.set(name, { ...node, at, keyStart });
      this.skip(false);
      const c = this.s[this.i];
      if (c !== undefined && c !== '\n') this.fail(`unexpected ${describe(c)} after the value of ${name}`);
    }
    return { value, at: { line: 1, column: 1 }, start: 0, end: this.s.length, children };
  }

  private identifier(): string {
    if (!IDENT_START.test(this.s[this.i] ?? '')) this.fail(`expected a variable name, found ${describe(this.s[this.i])}`);
    const start = this.i;
    while (this.i < this.s.length && IDENT.test(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i);
  }

  private quotedKey(): string {
    const key = this.string();
    if (typeof key !== 'string' || key.includes('${')) this.fail('a key cannot be a template');
    return key;
  }

  private value(): Node {
    const start = this.i;
    const node = this.valueAt(this.pos());
    return { ...node, start, end: this.i };
  }

  private valueAt(at: Position): Omit<Node, 'start' | 'end'> {
    const c = this.s[this.i];
    if (c === '"') return { value: this.string(), at };
    if (c === '<' && this.s[this.i + 1] === '<') return { value: this.heredoc(), at };
    if (c === '[') return this.list(at);
    if (c === '{') return this.object(at);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return { value: this.number(), at };
    if (c !== undefined && IDENT_START.test(c)) {
      const word = this.identifier();
      if (word === 'true') return { value: true, at };
      if (word === 'false') return { value: false, at };
      if (word === 'null') return { value: null, at };
      this.skip(false);
      if (this.s[this.i] === '(') this.fail(`functions may not be called in a variables file (${word}(...))`, at);
      this.fail(`variables may not be referenced in a variables file (${word})`, at);
    }
    this.fail(`expected a value, found ${describe(c)}`);
  }

  private number(): number {
    const m = /^-?(?:0|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i, this.i + 64));
    if (!m || m[0] === '-') this.fail('expected a number');
    this.i += m[0].length;
    return Number(m[0]);
  }

  /** A quoted string: escapes decoded, `${...}`/`%{...}` templates kept as written (`$${` is a
   * literal `${`). */
  private string(): string {
    const open = this.pos();
    this.advance(); // "
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n') this.fail('a string is never closed', open);
      if (c === '"') {
        this.advance();
        return out;
      }
      if (c === '\\') {
        out += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && this.s[this.i + 1] === '{') {
        out += this.template();
        continue;
      }
      if ((c === '$' || c === '%') && this.s[this.i + 1] === c && this.s[this.i + 2] === '{') {
        out += `${c}{`;
        this.advance(3);
        continue;
      }
      out += c;
      this.advance();
    }
  }

  private escape(): string {
    const e = this.s[this.i + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (e !== undefined && e in simple) {
      this.advance(2);
      return simple[e]!;
    }
    if (e === 'u' || e === 'U') {
      const digits = e === 'u' ? 4 : 8;
      const hex = this.s.slice(this.i + 2, this.i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) this.fail(`invalid \\${e} escape`);
      this.advance(2 + digits);
      return String.fromCodePoint(parseInt(hex, 16));
    }
    this.fail(`invalid escape: a backslash before ${describe(e)}`);
  }

  /** `${ ... }` kept as written, nested braces and strings included. */
  private template(): string {
    const start = this.i;
    const open = this.pos();
    this.advance(2);
    let depth = 1;
    while (depth > 0) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('a ${ template is never closed', open);
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"') {
        this.string();
        continue;
      }
      this.advance();
    }
    return this.s.slice(start, this.i);
  }

  /** `<<EOF` ... `EOF`, or `<<-EOF` with the lines' common indentation removed. */
  private heredoc(): string {
    const open = this.pos();
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(this.s.slice(this.i, this.i + 300));
    if (!m) this.fail('expected a heredoc marker such as <<EOF on its own line');
    this.advance(m[0].length);
    const lines: string[] = [];
    for (;;) {
      if (this.i >= this.s.length) this.fail(`the heredoc ${m[2]} is never closed`, open);
      let end = this.s.indexOf('\n', this.i);
      if (end < 0) end = this.s.length;
      const line = this.s.slice(this.i, end).replace(/\r$/, '');
      if (line.trim() === m[2]) {
        this.advance(this.i + line.length > this.s.length ? this.s.length - this.i : line.length);
        break;
      }
      lines.push(line);
      this.advance(end - this.i + (end < this.s.length ? 1 : 0));
    }
    let body = lines;
    if (m[1] === '-') {
      const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
      const cut = indents.length > 0 ? Math.min(...indents) : 0;
      body = lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)));
    }
    return body.map((l) => `${l}\n`).join('');
  }

  private list(at: Position): Omit<Node, 'start' | 'end'> {
    this.advance(); // [
    const value: unknown[] = [];
    const children = new Map<string | number, Node>();
    for (;;) {
      this.skip(true);
      if (this.s[this.i] === ']') break;
      const item = this.value();
      children.set(value.length, item);
      value.push(item.value);
      this.skip(true);
      if (this.s[this.i] === ',') this.advance();
      else if (this.s[this.i] !== ']') this.fail(`expected "," or "]" in a list, found ${describe(this.s[this.i])}`);
    }
    this.advance();
    return { value, at, children };
  }

  private object(at: Position): Omit<Node, 'start' | 'end'> {
    this.advance(); // {
    const value: Record<string, unknown> = {};
    const children = new Map<string | number, Node>();
    for (;;) {
      this.skip(true);
      if (this.s[this.i] === '}') break;
      const keyAt = this.pos();
      const keyStart = this.i;
      const c = this.s[this.i];
      const key = c === '"' ? this.quotedKey() : c === '(' ? this.fail('computed keys are not allowed in a variables file') : this.identifier();
      this.skip(false);
      if (this.s[this.i] !== '=' && this.s[this.i] !== ':') this.fail(`expected "=" or ":" after the key ${key}`);
      this.advance();
      this.skip(true);
      const item = this.value();
      // HCL keeps the last of repeated object keys, as a map literal does.
      value[key] = item.value;
      children.set(key, { ...item, at: keyAt, keyStart });
      this.skip(false);
      if (this.s[this.i] === ',') this.advance();
      else if (this.s[this.i] !== '\n' && this.s[this.i] !== '}' && this.s[this.i] !== '#' && this.s[this.i] !== '/')
        this.fail(`expected a new line, "," or "}" after the value of ${key}, found ${describe(this.s[this.i])}`);
    }
    this.advance();
    return { value, at, children };
  }
}

function describe(c: string | undefined): string {
  if (c === undefined) return 'the end of the file';
  if (c === '\n') return 'the end of the line';
  return JSON.stringify(c);
}
