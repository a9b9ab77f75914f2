import { beforeAll, describe, expect, it } from 'vitest';
import { scanRepository, type Scan } from '../../src/engine.js';
import { buildScenario } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/scenario.js';
import { detailLines } from '../../src/tui/presenter.js';
import { initialState } from '../../src/tui/state.js';
import { tempDir } from '../support/repo.js';

let scan: Scan;
beforeAll(async () => {
  const repo = await tempDir();
  await buildScenario(await loadScenario('payment-service'), repo);
  scan = await scanRepository({ repo, historyCache: false });
}, 120_000);

const historyOf = (key: string, kind: string) => {
  const state = initialState({ repoName: 'demo', envs: scan.snapshot.environments, divergences: scan.divergences });
  const d = scan.divergences.find((x) => x.key === key && x.kind === kind)!;
  const lines = detailLines(state, d, 200).map((l) => l.text.trim());
  return lines.slice(lines.findIndex((l) => l.startsWith('History')) + 1).filter((l) => /^\d{4}-/.test(l));
};

describe('the interactive view’s timeline: one per key, shared with the report', () => {
  it('shows every divergence of the key together: every environment’s commits and live writes, to the minute in UTC, newest first', () => {
    // The live-drift row of production shows staging's misfiled commit too: the key has one timeline.
    const rows = historyOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'live-drift');
    expect(rows[0]).toMatch(/^2026-11-03 10:02 staging live → 10000 {2}deploy by helm \(at or before\)$/);
    expect(rows).toContainEqual(expect.stringMatching(/^2026-07-14 01:52 staging 3000 → 10000 {2}[0-9a-f]{7} Dana Whitfield: Raise payment gateway timeout/));
    expect(rows).toContainEqual('2026-07-14 00:31 production live → 10000  hand edit by kubectl-edit (at or before)');
    expect(rows.slice(-2)).toEqual([
      expect.stringMatching(/^2026-02-02 08:14 production absent → 3000 {2}[0-9a-f]{7} Priya Raman: /),
      expect.stringMatching(/^2026-02-02 08:14 staging absent → 3000 {2}[0-9a-f]{7} Priya Raman: /),
    ]);
    expect(historyOf('PAYMENT_GATEWAY_TIMEOUT_MS', 'cross-env')).toEqual(rows);
  });

  it('shows the rollouts the cluster kept, with their revisions', () => {
    const rows = historyOf('Deployment/payment-service.containers[name=app].image', 'artifact');
    expect(rows).toContainEqual(
      '2026-07-14 00:12 production live registry.acme-payments.example/payment-service:1.8.1 → registry.acme-payments.example/payment-service:1.8.1  restart by kubectl-rollout, revision 26',
    );
    expect(rows.filter((r) => /revision \d+$/.test(r))).toHaveLength(8);
  });

  it('says each reason of the verdict once: the evidence grouped, then only the reasons it does not already hold', () => {
    const state = initialState({ repoName: 'demo', envs: scan.snapshot.environments, divergences: scan.divergences });
    for (const d of scan.divergences) {
      const lines = detailLines(state, d, 200).map((l) => l.text.trim());
      const verdict = lines.slice(
        lines.findIndex((l) => l.startsWith('Verdict:')),
        lines.findIndex((l) => l.startsWith('History')),
      );
      const sentences = verdict.filter((l) => l.startsWith('•')).map((l) => l.replace(/^• /, '').replace(/ \([0-9a-f]{7}\)$/, ''));
      expect(sentences.length, d.key).toBeGreaterThan(0);
      expect(
        sentences.filter((s, i) => sentences.indexOf(s) !== i),
        `${d.key} (${d.kind})`,
      ).toEqual([]);
    }
  });
});
