import { describe, expect, it } from 'vitest';
import { notesByLine, withNotes } from '../../src/parse/notes-beside.js';
import { readText } from '../../src/parse/read.js';
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

// JSON has no comments: teams write them as a member beside the value ("_comment", "//",
// "__comment", "$comment", "description", "note"). Such a member on its own line is the comment above
// the value after it, as a `#` line is in YAML; a comment member is no setting and is not compared.
describe('a comment written as a JSON member', () => {
  const json = (line: number, text: string): Value => ({ text, type: 'string', location: { file: 'c.json', line, column: 5 } });

  it.each([
    ['_comment', 'sandbox payments for the e2e suite, until 2026-10-02'],
    ['//', 'QA capture until 15.10., afterwards the real relay again'],
    ['__comment', 'dev only: prod must never use the mock'],
    ['$comment', 'raised for the import, back to 50 after week 44'],
    ['description', 'pinned: the partner API rejects newer clients'],
  ])('"%s" above a value is its note', (member, note) => {
    const text = [
      '{',
      '  "payments": {',
      `    ${JSON.stringify(member)}: ${JSON.stringify(note)},`,
      '    "mode": "sandbox",',
      '    "retries": 3',
      '  }',
      '}',
    ].join('\n');
    const noted = withNotes(
      new Map([
        ['payments.mode', json(4, 'sandbox')],
        ['payments.retries', json(5, '3')],
      ]),
      'c.json',
      text,
      'json',
    );
    expect(noted.get('payments.mode')!.note).toBe(note);
    // Only the value right after it: the next one has a comment of its own or none.
    expect(noted.get('payments.retries')!.note).toBeUndefined();
  });

  it('a member that only looks like one, a comment in a value, or a comment on a secret is no note', () => {
    const text = ['{', '  "noteBook": "x",', '  "a": "# not a comment",', '  "_comment": "old one was hunter2",', '  "password": "s"', '}'].join('\n');
    const noted = withNotes(
      new Map<string, Value>([
        ['a', json(3, '# not a comment')],
        ['password', { ...json(5, 's'), type: 'secret' }],
      ]),
      'c.json',
      text,
      'json',
    );
    expect(noted.get('a')!.note).toBeUndefined();
    expect(noted.get('password')!.note).toBeUndefined();
  });

  it('the scan does not compare a comment member, and still compares a description an application may read', async () => {
    const text = '{"fx": {"_comment": "frozen", "//": "x", "$comment": "y", "rate": 1, "description": "FX"}, "items": [{"__comment": "z", "id": 2}]}';
    const read = await readText(text, 'c.json', 'json');
    expect([...read.values.keys()].sort()).toEqual(['fx.description', 'fx.rate', 'items[id=2].id']);
  });

  it('HCL block comments above a value', () => {
    const text = ['/* DR region: prod only */', 'region = "eu-west-1"'].join('\n');
    expect([...notesByLine(text, 'tfvars')]).toEqual([[2, 'DR region: prod only']]);
  });
});
