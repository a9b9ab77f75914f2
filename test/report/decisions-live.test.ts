import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionWithCluster } from '../support/cluster.js';
import { runUndrift } from '../support/repo.js';

// The post-mortem's "Decisions and actions" named a live patch only by the ledger's ref: two
// reverts of one key (one after a hand edit put the drift back) were two identical rows, while
// `undrift log` says what each wrote.
describe("the report's live patches", () => {
  it('name the object and field written and the value before and after, as undrift log does', async () => {
    const { repo, env, handEdit } = await productionWithCluster({ TIMEOUT_MS: '3000' });
    await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
    const revert = () => runUndrift(['apply', '--decisions', '../revert.yaml', '--live', '--confirm', 'production'], { cwd: repo, env });
    handEdit({ TIMEOUT_MS: '10000' }, '2026-11-20T03:10:00Z');
    expect((await revert()).exitCode).toBe(0);
    handEdit({ TIMEOUT_MS: '12000' }, '2026-12-01T03:10:00Z');
    expect((await revert()).exitCode).toBe(0);

    const report = await runUndrift(['report', '-o', '../report.md'], { cwd: repo, env });
    expect(report.exitCode).toBe(0);
    const rows = (await readFile(path.join(repo, '..', 'report.md'), 'utf8')).split('\n').filter((l) => l.includes('| live applied |'));
    const where = (value: string) =>
      `| revert | ConfigMap/payment-config in payments (context prod) .data.TIMEOUT\\_MS: \`${value}\` → \`3000\` | undrift ledger: live revert TIMEOUT\\_MS in production |`;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(where('12000'));
    expect(rows[1]).toContain(where('10000'));
  });
});
