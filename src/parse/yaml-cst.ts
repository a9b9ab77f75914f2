import { CST, isScalar, Lexer, Parser, Scalar, visit, type Document, type LineCounter } from 'yaml';
import { LimitError } from '../errors.js';
import { raiseWith, type ReadLimits } from '../model/limits.js';
import { doubleQuotedValue } from './yaml-quoted.js';

// What a YAML document's values will cost, looked at in its syntax tree before the `yaml` library
// builds them. The library builds a double-quoted value one character at a time and a multi-line
// value one line at a time, as ropes of small strings that V8 keeps until the value is used:
// 50 MB of quoted values held 1.6 GB, 12 million one-character lines of a block scalar 2.3 GB.
// So double-quoted values are read here, in one linear pass, and handed to the library as an empty
// placeholder that is replaced by the real value once the document is built; what the library
// must still read itself is bounded, with an error naming the file and line.

/** A double-quoted value read here: the placeholder's offset is its key. */
interface QuotedValue {
  value: string;
  /** The length of the source it replaced (quotes included). */
  length: number;
  placeholder: number;
}

/** The values read ahead in one file, for `restoreQuoted`. */
export type QuotedValues = Map<number, QuotedValue>;

const EMPTY = "''";
// A placeholder keeps whether its source ran over lines: the library tells a multi-line implicit
// key from a one-line one by its source.
const EMPTY_MULTILINE = "'\n'";

const hasTag = (tokens: CST.SourceToken[] | undefined) => tokens?.some((t) => t.type === 'tag') === true;

function linesIn(source: string): number {
  let count = 0;
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) count++;
  return count;
}

/** The lexical tokens that open a key, a value or a list item. */
const NODE_TOKENS = new Set<string | null>([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'alias',
  'seq-item-ind',
  'comma',
  'flow-seq-start',
  'flow-map-start',
]);

/**
 * The syntax tree of every document of `text`, as `Parser.parse` makes it, each document checked
 * by `budget` before it is handed on. The items are counted as the text is read, so a document of
 * millions of items is refused before its tree is built.
 */
export function* parseChecked(text: string, budget: YamlBudget, lineCounter: LineCounter): Generator<CST.Token> {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const most = budget.limits.yamlItems;
  let nodes = 0;
  let offset = 0;
  let scalarText = false;
  for (const lexeme of new Lexer().lex(text)) {
    if (scalarText) {
      // A plain or block scalar's text follows its marker and is not a token of its own.
      scalarText = false;
      budget.spendLines(lexeme, offset);
    } else {
      const type = CST.tokenType(lexeme);
      if (NODE_TOKENS.has(type)) {
        scalarText = lexeme === CST.SCALAR;
        if (++nodes > most) budget.refuseNodes(offset);
        if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') budget.spendLines(lexeme, offset);
      }
    }
    offset += lexeme.length;
    for (const token of parser.next(lexeme)) {
      if (token.type === 'document') budget.prepare(token);
      yield token;
    }
  }
  for (const token of parser.end()) {
    if (token.type === 'document') budget.prepare(token);
    yield token;
  }
}

/** Budgets of one file, spent across its documents. */
export class YamlBudget {
  private valueLines = 0;
  private libraryQuoted = 0;
  readonly quoted: QuotedValues = new Map();

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    readonly limits: Readonly<ReadLimits>,
  ) {}

  /** Reads the document's untagged double-quoted values ahead (their tokens become placeholders)
   * and throws when what is left to the library passes its bound. Iterative: a deeply nested
   * document is the composer's to refuse. */
  prepare(document: CST.Document): void {
    const pending: Array<{ token: CST.Token | null | undefined; tagged: boolean }> = [{ token: document.value, tagged: hasTag(document.start) }];
    while (pending.length > 0) {
      const { token, tagged } = pending.pop()!;
      if (!token) continue;
      switch (token.type) {
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
          // Pushed last to first, so that values are read in the order they are written and a
          // refusal names the line where the bound is passed.
          for (let i = token.items.length - 1; i >= 0; i--) {
            const item = token.items[i] as CST.CollectionItem;
            const itemTagged = hasTag(item.start) || hasTag(item.sep);
            pending.push({ token: item.value, tagged: itemTagged }, { token: item.key, tagged: itemTagged });
          }
          break;
        case 'double-quoted-scalar':
          this.doubleQuoted(token, tagged);
          break;
      }
    }
  }

  private doubleQuoted(token: CST.FlowScalar, tagged: boolean): void {
    // A tagged value is resolved by its tag from the library's reading; a malformed one gets the
    // library's error.
    // So is one a comment follows without a blank (`"x"#c`): the library reports that.
    const value = tagged || token.end?.[0]?.type === 'comment' ? undefined : doubleQuotedValue(token.source);
    if (value === undefined) {
      this.libraryQuoted += token.source.length;
      if (this.libraryQuoted > this.limits.yamlQuotedChars)
        this.refuse(
          token.offset,
          `its double-quoted values with a tag or a malformed escape pass ` +
            `${this.limits.yamlQuotedChars.toLocaleString('en')} characters, more than undrift reads from one file (write ` +
            `them without the tag, or fix the escape; ${raiseWith(this.limits, 'yamlQuotedChars')})`,
        );
      return;
    }
    const placeholder = token.source.includes('\n') ? EMPTY_MULTILINE : EMPTY;
    this.quoted.set(token.offset, { value, length: token.source.length, placeholder: placeholder.length });
    // The placeholder is followed by a blank as long as the rest of the source, so that every
    // offset the library computes past it (where the next key starts: it refuses a key over 1,024
    // characters from its start) stays where the text has it. The blank's text is never read,
    // only its length: a slice of the source, not a copy.
    const rest = token.source.length - placeholder.length;
    if (rest > 0)
      token.end = [
        { type: 'space', offset: token.offset + placeholder.length, indent: 0, source: token.source.slice(placeholder.length) },
        ...(token.end ?? []),
      ];
    token.type = 'single-quoted-scalar';
    token.source = placeholder;
  }

  /** Counts the lines a plain, single-quoted or block scalar's text spans. */
  spendLines(source: string, offset: number): void {
    this.valueLines += linesIn(source);
    if (this.valueLines > this.limits.yamlValueLines)
      this.refuse(
        offset,
        `its multi-line values span more than ${this.limits.yamlValueLines.toLocaleString('en')} lines, more than ` +
          `undrift reads from one file (keep large embedded files in files of their own; ${raiseWith(this.limits, 'yamlValueLines')})`,
      );
  }

  refuseNodes(offset: number): never {
    this.refuse(
      offset,
      `it holds more than ${this.limits.yamlItems.toLocaleString('en')} keys, values and list items, more than undrift reads from one file (${raiseWith(this.limits, 'yamlItems')})`,
    );
  }

  private refuse(offset: number, why: string): never {
    throw new LimitError(this.file, this.lines.linePos(offset).line, why);
  }
}

/** Puts the values read ahead into the built document, where the placeholders stand, as the
 * library would have built them (type, range). */
export function restoreQuoted(doc: Document, quoted: QuotedValues): void {
  if (quoted.size === 0) return;
  visit(doc, {
    Scalar: (_key, node) => {
      const start = node.range?.[0];
      const read = start === undefined ? undefined : quoted.get(start);
      if (!read || !isScalar(node) || node.type !== Scalar.QUOTE_SINGLE) return;
      node.value = read.value;
      (node as { source?: string }).source = read.value;
      node.type = Scalar.QUOTE_DOUBLE;
      // The value ends where its source did; the node already ended there (the blank after the
      // placeholder).
      node.range = [start!, start! + read.length, node.range![2]];
    },
  });
}
