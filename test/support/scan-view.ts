import { planDecisions, validateDecision } from '../../src/actions/plan.js';
import type { Scan } from '../../src/engine.js';
import type { Decision } from '../../src/model/types.js';
import { createController, type ViewController, type ViewOptions } from '../../src/tui/controller.js';

/** The view's options once a scan has finished, as the program holds them when every read is in
 * (run.tsx sends them piece by piece as each read ends). */
export function viewOfScan(scan: Scan, columns: number, rows: number, repoName = 'payments-deploy'): ViewOptions {
  return {
    repoName,
    envs: scan.snapshot.environments,
    promotion: scan.config.promotion,
    divergences: scan.divergences,
    ...(scan.snapshot.live ? { live: scan.snapshot.live } : {}),
    size: () => ({ columns, rows }),
  };
}

/** The view's controller over a finished scan, as the binary wires it (decisions planned and
 * checked against that scan), writing nothing: persist and apply do nothing, apply says so. */
export function controllerOfScan(scan: Scan, size = { columns: 160, rows: 40 }): ViewController {
  const validate = (decision: Decision) => {
    const check = validateDecision(decision, scan);
    return check.ok ? {} : { refused: check.refused };
  };
  return createController(
    { persist: () => {}, onExit: () => {}, apply: async () => 'applied', plan: (d) => planDecisions(scan, d), validate },
    viewOfScan(scan, size.columns, size.rows, 'app'),
  );
}
