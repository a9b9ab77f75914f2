// The comments of a YAML file, where they stand: people write the why of a setting beside it
// ("# prod-only: paging key, never copy down"). Read with the yaml library's own lexer, so a `#`
// inside a quoted value or a block scalar is not taken for one.
import { Lexer } from 'yaml';

export interface YamlComment {
  /** 1-based line. */
  line: number;
  /** The comment's text, without the `#`. */
  text: string;
  /** Columns of indentation before the `#`. */
  column: number;
  /** The comment follows a value on the same line. */
  trailing: boolean;
}

export function yamlComments(text: string): YamlComment[] {
  const lines = text.split('\n');
  const out: YamlComment[] = [];
  let line = 1;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) {
      const source = lines[line - 1] ?? '';
      const column = source.indexOf(token);
      const before = column > 0 ? source.slice(0, column) : '';
      out.push({ line, text: token.slice(1).trim(), column: Math.max(0, column), trailing: before.trim().length > 0 });
    }
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) line++;
  }
  return out;
}
