// The view at 70×20 on the demo (session 27): a key that drifts two ways showed as
// `PAYMENT_GA…TIMEOUT_MS cross-env` above `PAYMENT_GA…IMEOUT_MS live-drift`, two cuts that read as
// two keys; and the detail's file read `config/production.yam`, then `l:9`. The rows of one key are
// cut alike, and a place wraps at its `/`.
import { describe, expect, it } from 'vitest';
import { listRows, valuesLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import type { Divergence, DivergenceKind, DivergenceValue } from '../../src/model/types.js';

const value = (repo: string, file: string, live: string | null = null): DivergenceValue => ({
  repo,
  live,
  at: { file, line: 9, column: 27 },
  type: 'number',
});
const divergence = (id: string, kind: DivergenceKind, key: string): Divergence => ({
  id,
  key,
  kind,
  severity: 'drift',
  envs: ['production'],
  values: { staging: value('10000', 'config/staging.yaml', '10000'), production: value('3000', 'config/production.yaml', '10000') },
  declared: false,
  contract: null,
  notes: [],
});

describe('at 70 columns', () => {
  it('cuts every row of a key that drifts two ways alike, whatever its kind word', () => {
    for (const [a, b] of [
      ['cross-env', 'live-drift'],
      ['contract-violation', 'live-drift'],
    ] as const) {
      const key = 'PAYMENT_GATEWAY_TIMEOUT_MS_FOR_THE_CARD_PROCESSOR';
      const state = initialState({ repoName: 'r', envs: ['staging', 'production'], divergences: [divergence('a', a, key), divergence('b', b, key)] });
      const rows = listRows(state, 10, 36).rows.map((r) => r.text);
      const shown = rows.map((row) => /^..\S (\S+) /.exec(row)![1]);
      expect(shown[0], rows.join('\n')).toBe(shown[1]);
      expect(shown[0]).toContain('…');
      expect(rows[0]).toContain(` ${a}`);
      expect(rows[1]).toContain(` ${b}`);
    }
  });

  it("wraps a value's file at a / rather than inside its name", () => {
    const lines = valuesLines(divergence('b', 'live-drift', 'PAYMENT_GATEWAY_TIMEOUT_MS'), ['staging', 'production'], 32);
    expect(lines.every((line) => line.length <= 32)).toBe(true);
    const at = lines.indexOf('         production.yaml:9');
    expect(lines.slice(at - 1, at + 1), lines.join('\n')).toEqual(['    at   config/', '         production.yaml:9']);
    // Where it fits, on one line.
    expect(lines).toContain('    at   config/staging.yaml:9');
  });
});
