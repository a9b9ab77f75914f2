// The view's live write that goes against its divergence's verdict said nothing of it at the
// confirmation, where `apply --live` prints "decided against the verdict" (a newcomer's trial,
// session 24): at 3 AM the view is where a hand edit is reverted. Real cluster (the test API
// server over HTTP), real scan, real apply; only the terminal is ink-testing-library's.
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { planDecisions } from '../../src/actions/plan.js';
import { scanRepository } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { productionWithCluster } from '../support/cluster.js';
import { renderAt } from '../support/ink.js';

const ENTER = '\r';

async function view() {
  const { repo, kubeconfig, handEdit } = await productionWithCluster({ TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' }, '2026-10-02T09:00:00Z');
  handEdit({ TIMEOUT_MS: '8000', DEBUG_SQL: 'true' }, '2026-11-20T03:12:00Z');
  const outer = process.env.KUBECONFIG;
  process.env.KUBECONFIG = kubeconfig; // the scan and apply read the kubeconfig from the environment
  const restore = () => (outer === undefined ? delete process.env.KUBECONFIG : (process.env.KUBECONFIG = outer));
  const scan = await scanRepository({ repo, today: '2026-12-05', historyCache: false });
  const controller = createController(
    {
      persist: () => {},
      onExit: () => {},
      plan: (d) => planDecisions(scan, d),
      apply: async (decisions, hooks) => {
        const outcome = await applyDecisions(scan, decisions, {
          today: '2026-12-05',
          live: true,
          confirmLive: hooks.confirmLive,
          onStep: hooks.step,
          onNotice: hooks.step,
          env: { ...process.env, KUBECONFIG: kubeconfig },
        });
        return `applied: ${outcome.live.length} live write(s)`;
      },
    },
    {
      repoName: 'app',
      envs: scan.snapshot.environments,
      promotion: scan.config.promotion,
      divergences: scan.divergences,
      size: () => ({ columns: 160, rows: 45 }),
    },
  );
  controller.start();
  const term = renderAt(<App controller={controller} />, 160, 45);
  return { ...term, restore, flat: () => term.frame().replace(/\s+/g, ' '), keys: scan.divergences.map((d) => `${d.kind} ${d.key}`) };
}

describe("the view's live write", () => {
  it('against the verdict: the confirmation says so before anything is written', async () => {
    const t = await view();
    try {
      await t.press('/', /filter:/);
      await t.press('TIMEOUT', /Divergences 1\/1/);
      await t.press(ENTER);
      await t.press('r', /revert/i);
      if (/which one\?/.test(t.frame())) await t.press('1');
      await t.press(ENTER);
      await t.press('A', /Apply these decisions\?/);
      await t.press('production');
      await t.press(ENTER, /server dry run passed/);
      expect(t.flat()).toContain('decided against the verdict: revert production, where the verdict suggested declare (0.45)');
    } finally {
      t.restore();
    }
  }, 60_000);
});
