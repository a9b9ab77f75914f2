import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { appliedKeys } from '../../src/actions/ledger.js';
import { scanRepository } from '../../src/engine.js';
import { appliedLines } from '../../src/tui/run.js';
import { scenarioRepo } from '../support/demo-repo.js';

// What the view marks `✔a` (applied in an earlier session), from the real ledger of a real apply.
describe('rows an earlier apply dealt with', () => {
  it('a declared key marks its cross-env row applied, not its live drift, which declaring does not touch', async () => {
    const repo = await scenarioRepo();
    const today = '2026-12-01';
    const before = await scanRepository({ repo, history: false, today });
    await applyDecisions(before, [{ key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'declare', reason: 'INC-2041 follow-up' }], {
      today,
      env: process.env,
    });
    const scan = await scanRepository({ repo, history: false, today });
    const rows = scan.divergences.filter((d) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(rows.map((d) => d.kind).sort()).toEqual(['cross-env', 'live-drift']);
    const lines = appliedLines(scan.divergences, await appliedKeys(repo));
    // The view's header counted `2 applied` for the one decision `undrift log` lists.
    expect([...lines.keys()].map((id) => scan.divergences.find((d) => d.id === id)?.kind)).toEqual(['cross-env']);
    expect([...lines.values()][0]).toMatch(/^declare applied on undrift\/2026-12-\d\d-payment-gateway-timeout-ms · open \(/);
  });
});
