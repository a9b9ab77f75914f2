import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/model/types.js';
import { verdictShort } from '../../src/wording/text.js';

const declare: Verdict = { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.85, reasons: [] };

describe('verdictShort', () => {
  it('calls declaring a difference every environment left behind what the plan applies: undeclare', () => {
    // The table said "declare (0.85)" beside "remove the declaration": the plan removes it.
    expect(verdictShort({ kind: 'stale-declaration', severity: 'info', verdict: declare })).toBe('undeclare (0.85)');
  });

  it('keeps declare where a difference is declared, and writes the value of a move', () => {
    expect(verdictShort({ kind: 'cross-env', severity: 'drift', verdict: { ...declare, confidence: 0.7 } })).toBe('declare (0.70)');
    // An expired declaration still differing is drift: declaring it again is a declaration.
    expect(verdictShort({ kind: 'stale-declaration', severity: 'drift', verdict: declare })).toBe('declare (0.85)');
    const backfill: Verdict = { ...declare, suggested: 'backfill', drifted: 'production', value: '10000', confidence: 0.95 };
    expect(verdictShort({ kind: 'cross-env', severity: 'drift', verdict: backfill })).toBe('backfill production = 10000 (0.95)');
    expect(verdictShort({ kind: 'cross-env', severity: 'drift', verdict: undefined })).toBe('');
  });
});
