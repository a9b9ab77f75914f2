import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Large and hostile YAML read in a child process whose heap is 256 MB (the process boundary is
// what is tested: a reader that builds values without bound kills it). The `yaml` library on its
// own holds 32 bytes per double-quoted character and ~1 KB per list item: each case below either
// reads within that heap or is refused with one line naming the file, the line and the limit.
// One process reads them all, one after another (~3 s of CPU: the inputs the reader must build are
// large enough to exhaust the heap the old way; those refused by a count before anything is built
// are refused at lowered limits, the same code at a tenth of the size).
const CHILD = fileURLToPath(new URL('./yaml-bounds.child.mjs', import.meta.url));

interface Outcome {
  name: string;
  keys?: number;
  sample?: string | null;
  error?: string;
}

describe('YAML readers stay within memory (issue 11)', () => {
  it('reads double-quoted values in linear memory and refuses what the library cannot bound', { timeout: 120_000 }, async () => {
    const run = await execa(process.execPath, ['--max-old-space-size=256', CHILD], { reject: false, timeout: 110_000 });
    expect(run.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Outcome & { maxRssMb?: number });
    const outcome = new Map(lines.filter((l) => l.name).map((l) => [l.name, l]));

    expect(outcome.get('double-quoted values')).toMatchObject({ keys: 30_000, sample: `${'x'.repeat(390)}\t7` });
    expect(outcome.get('one double-quoted value of 12 MB')).toMatchObject({ keys: 1 });
    const refused = (name: string) => outcome.get(name)?.error;
    expect(refused('a block scalar of 600,000 lines')).toBe(
      'LimitError: big.yaml:2: cannot be read: its multi-line values span more than 500,000 lines, more than undrift ' +
        'reads from one file (keep large embedded files in files of their own; limits.yamlValueLines in undrift.yaml raises ' +
        'it)',
    );
    expect(refused('a single-quoted value over 600,000 lines')).toMatch(
      /^LimitError: big\.yaml:1: cannot be read: its multi-line values span more than 500,000 lines/,
    );
    expect(refused('a flow list of 60,000 items')).toBe(
      'LimitError: big.yaml:1: cannot be read: it holds more than 50,000 keys, values and list items, more than undrift reads from one file (limits.yamlItems in undrift.yaml raises it)',
    );
    expect(refused('a block list of 30,000 items')).toMatch(
      /^LimitError: big\.yaml:25001: cannot be read: it holds more than 50,000 keys, values and list items/,
    );
    expect(refused('a flow list nested 1,000 deep')).toBe(
      'LimitError: big.yaml:1: cannot be read: it nests deeper than 256 levels of maps and lists (limits.nesting in undrift.yaml raises it)',
    );
    // A historic version is skipped (and bridged), naming the limit, instead of exhausting the heap.
    expect(refused('history: a block scalar of 4,000,000 lines')).toBe(
      'skipped: its multi-line values span more than 500,000 lines, more than undrift reads from one file (keep large ' +
        'embedded files in files of their own; limits.yamlValueLines in undrift.yaml raises it)',
    );
    // Named at the value that passes the bound (the 2,675th of 392 characters), in reading order.
    expect(refused('tagged double-quoted values of 1.2 MB')).toMatch(
      /^LimitError: big\.yaml:2675: cannot be read: its double-quoted values with a tag or a malformed escape pass 1,048,576 characters/,
    );
    // The same limit holds for a historic version js-yaml would have read.
    expect(refused('history: tagged double-quoted values of 1.2 MB')).toMatch(
      /^skipped: its double-quoted values with a tag or a malformed escape pass 1,048,576 characters, .*limits\.yamlQuotedChars in undrift\.yaml raises it\)$/,
    );
    // More merging than js-yaml's own caps (10,000 merged keys; 100 maps in one merge list): read
    // as the scan reads it, every value right, or refused by the scan's limit, never unreadable.
    expect(outcome.get('history: 120 services merging 100 defaults')).toMatchObject({ keys: 100 + 120 * 100, sample: 'own', last: '99' });
    expect(outcome.get('history: one merge list of 101 maps')).toMatchObject({ keys: 202, sample: '100' });
    expect(refused('history: 800 services merging 800 defaults, limits.expandedValues 50,000')).toBe(
      'skipped: aliases expand to more than 50,000 values (limits.expandedValues in undrift.yaml raises it)',
    );
    expect(outcome.get('a table cell of one 45 MB value')?.sample).toBe(`${'y'.repeat(20)}…${'y'.repeat(18)}⏎`);
    expect(outcome.size).toBe(14);
  });
});
