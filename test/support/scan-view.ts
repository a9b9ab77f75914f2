import { planDecisions, validateDecision } from '../../src/actions/plan.js';
import type { Scan } from '../../src/engine.js';
import type { Decision } from '../../src/model/types.js';
import { createController, type ViewController } from '../../src/tui/controller.js';

/** The view's controller over a finished scan, as the binary wires it (decisions planned and
 * checked against that scan), writing nothing: persist and apply do nothing, apply says so. */
export function controllerOfScan(scan: Scan, size = { columns: 160, rows: 40 }): ViewController {
  const validate = (decision: Decision) => {
    const check = validateDecision(decision, scan);
    return check.ok ? {} : { refused: check.refused };
  };
  return createController(
    { persist: () => {}, onExit: () => {}, apply: async () => 'applied', plan: (d) => planDecisions(scan, d), validate },
    {
      repoName: 'app',
      envs: scan.snapshot.environments,
      promotion: scan.config.promotion,
      divergences: scan.divergences,
      ...(scan.snapshot.live ? { live: scan.snapshot.live } : {}),
      size: () => size,
    },
  );
}
