// Two different values whose cells would read the same once cut to the column (two certificates, a newcomer's
// tryout in session 20) are shown around where they first differ, in the view's list as in the scan's table.
import { describe, expect, it } from 'vitest';
import { listRows } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import type { Divergence, DivergenceValue } from '../../src/model/types.js';

const body = 'MIIBszCCAVmgAwIBAgIUQ3Zz00000000000000000000000000000000000000000000000000000000000000000000';
const cert = (middle: string) => `-----BEGIN CERTIFICATE-----\n${body}${middle}${body}\n-----END CERTIFICATE-----`;
const value = (repo: string): DivergenceValue => ({ repo, live: null, at: null, type: 'string' });

describe('the list', () => {
  it('never shows two different values as the same cell', () => {
    const divergences: Divergence[] = [
      {
        id: 'c1',
        key: 'TLS_CA',
        kind: 'cross-env',
        severity: 'drift',
        envs: ['staging', 'production'],
        values: { staging: value(cert('AAAA')), production: value(cert('BBBB')) },
        declared: false,
        contract: null,
        notes: [],
      },
    ];
    const state = initialState({ repoName: 'r', envs: ['staging', 'production'], divergences });
    const row = listRows(state, 5, 100).rows[0]!.text;
    expect(row).toContain('AAAA');
    expect(row).toContain('BBBB');
  });
});
