import { describe, expect, it } from 'vitest';
import { readText } from '../../src/parse/read.js';
import { readYamlValues } from '../../src/parse/yaml-fast.js';

// The interactive view's first screen reads the current files for their values alone (js-yaml);
// the full read (the `yaml` library, with lines) follows. Both must give every key the same value
// and type, or the list would change under the cursor when the lines arrive.
const TRICKY = `defaults: &defaults
  replicas: 2
  timeout: 3000
  flags: [a, b]
apps:
  - name: api
    <<: *defaults
    timeout: 10000
    enabled: yes
    mode: on
    octal: 0755
    float: 1.50
    nothing: ~
    empty:
    quoted: "10000"
    escaped: "tab\\there \\u00e9"
    single: 'it''s'
    block: |
      line one
      line two
    folded: >-
      one
      two
    date: 2026-07-14
    big: 12345678901234567890
  - name: worker
    !!merge <<: *defaults
    list:
      - {name: x, value: 1}
      - {name: y, value: 2}
null: keyed by null
dup: first
dup: second
`;

describe('a values-only YAML read', () => {
  for (const format of ['yaml', 'helm'] as const) {
    it(`gives every key the value and type of the full read (${format})`, async () => {
      const full = await readText(TRICKY, 'values.yaml', format);
      const quick = readYamlValues(TRICKY, 'values.yaml', format === 'helm' ? '1.1' : '1.2');
      const shape = (values: Map<string, { text: string | null; type: string }>) => [...values].map(([k, v]) => [k, v.text, v.type]).sort();
      expect(shape(quick.values)).toEqual(shape(full.values));
      expect(full.values.size).toBeGreaterThan(20);
      // Each value is placed in its file only: line 0 says its line is not read yet.
      expect([...quick.values.values()].every((v) => v.location.file === 'values.yaml' && v.location.line === 0)).toBe(true);
    });
  }
});
