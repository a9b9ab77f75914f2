import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { appliedKeys } from '../../src/actions/ledger.js';
import { scanRepository } from '../../src/engine.js';
import { appliedLines, ledgerLines } from '../../src/tui/run.js';
import { productionWithCluster } from '../support/cluster.js';
import { scenarioRepo } from '../support/demo-repo.js';
import { git, runUndrift } from '../support/repo.js';

// A live revert recorded in the ledger marked its row `✔a` "revert applied to the live object"
// for good, even after a hand edit put the drift back: the team clearing the backlog saw it done
// while production ran the hand-edited value again.
describe('a live write the cluster no longer holds', () => {
  it('once a hand edit puts the drift back, its row is undecided again, not applied', async () => {
    const { repo, env, kubeconfig, handEdit } = await productionWithCluster({ TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' });
    handEdit({ TIMEOUT_MS: '10000' }, '2026-11-20T03:10:00Z');
    await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
    const applied = await runUndrift(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    expect(applied.exitCode).toBe(0);

    const lines = async () => {
      const outer = process.env.KUBECONFIG;
      process.env.KUBECONFIG = kubeconfig; // the scan reads the kubeconfig from the environment
      const scan = await scanRepository({ repo, history: false, today: '2026-12-05' }).finally(() => {
        if (outer === undefined) delete process.env.KUBECONFIG;
        else process.env.KUBECONFIG = outer;
      });
      const row = scan.divergences.find((d) => d.key === 'TIMEOUT_MS' && d.kind === 'live-drift');
      return { row, line: row ? (await ledgerLines(repo, scan.divergences)).get(row.id) : undefined };
    };
    // Held: the live drift is gone, so no row.
    expect((await lines()).row).toBeUndefined();

    // A second hand edit puts 10000 back: the row is drift again, not "applied".
    handEdit({ TIMEOUT_MS: '10000' }, '2026-12-05T03:00:00Z');
    const back = await lines();
    expect(back.row?.values.production?.live).toBe('10000');
    expect(back.line).toBeUndefined();
    // undrift log still lists the write as it happened.
    expect((await runUndrift(['log'], { cwd: repo })).stdout).toMatch(/live {6}revert {4}production {3}TIMEOUT_MS {2}\(live applied: .*"10000" → "3000"/);
  });
});

describe('a repo revert merged while the live object still runs the old value', () => {
  it('does not mark the live-drift row the merge left (the file changed, the live object did not) as applied', async () => {
    const repo = await scenarioRepo();
    const today = '2026-12-05';
    const before = await scanRepository({ repo, history: false, today });
    const outcome = await applyDecisions(before, [{ key: 'PG_CLIENT_VERSION', env: 'staging', action: 'revert', value: '15.1' }], { today, env: process.env });
    await git(repo, 'merge', '--quiet', '--ff-only', outcome.commit!.branch);
    const scan = await scanRepository({ repo, history: false, today });
    const rows = scan.divergences.filter((d) => d.key === 'PG_CLIENT_VERSION');
    // Staging's file says 15.1 now; its snapshot still runs 15.3.
    expect(rows.map((d) => [d.kind, d.envs])).toEqual([['live-drift', ['staging']]]);
    const lines = appliedLines(scan.divergences, await appliedKeys(repo));
    expect(lines.get(rows[0]!.id)).toBeUndefined();
    expect((await runUndrift(['log'], { cwd: repo })).stdout).toMatch(/merged {4}revert {4}staging {6}PG_CLIENT_VERSION {2}\(merged into main/);
  });
});
