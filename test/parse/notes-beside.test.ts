import { describe, expect, it } from 'vitest';
import { withNotes } from '../../src/parse/notes-beside.js';
import type { Value } from '../../src/model/types.js';

const at = (text: string, line: number): Value => ({ text, type: text.startsWith('[') ? 'list' : 'string', location: { file: 'c.yaml', line, column: 5 } });

describe('the comment beside a value', () => {
  it('above a block list or map is its note, though the value is located at its first item', () => {
    const text = [
      'app:',
      '  # widened for the partner pilot, staging only',
      '  allowedOrigins:',
      '    - https://a.example',
      '  "retry.codes":   # the gateway retries these',
      '    - 502',
      '  hosts:',
      '    - a',
      '',
    ].join('\n');
    const values = new Map([
      ['app.allowedOrigins', at('["https://a.example"]', 4)],
      ['app["retry.codes"]', at('[502]', 6)],
      ['app.hosts', at('["a"]', 8)],
    ]);
    const noted = withNotes(values, 'c.yaml', text, 'yaml');
    expect(noted.get('app.allowedOrigins')!.note).toBe('widened for the partner pilot, staging only');
    expect(noted.get('app["retry.codes"]')!.note).toBe('the gateway retries these');
    // No comment: nothing borrowed from elsewhere.
    expect(noted.get('app.hosts')!.note).toBeUndefined();
  });

  it('a list item is not read as its key line: a scalar keeps only its own line', () => {
    const text = '# about the name\nname: x\nport: 80\n';
    const noted = withNotes(new Map([['port', at('80', 3)]]), 'c.yaml', text, 'yaml');
    expect(noted.get('port')!.note).toBeUndefined();
  });
});
