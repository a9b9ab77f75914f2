import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionWithCluster } from '../support/cluster.js';
import { runUndrift } from '../support/repo.js';

// At 3 AM a live revert of a hand edit the verdict would keep (declare it, or backfill a fix made
// live and never codified) was dry-run and confirmed with nothing said of the verdict: a commit says "Decided
// against it", a live write said nothing before it was made.
describe('apply --live against the verdict', () => {
  it('says so at the confirmation; a live write the verdict suggests says nothing of it', async () => {
    const { repo, env, handEdit } = await productionWithCluster({ TIMEOUT_MS: '3000', LOG_LEVEL: 'warn' }, '2026-10-02T09:00:00Z');
    handEdit({ TIMEOUT_MS: '8000', DEBUG_SQL: 'true' }, '2026-11-20T03:12:00Z');
    const scan = JSON.parse((await runUndrift(['scan', '--format', 'json', '--today', '2026-12-05'], { cwd: repo, env })).stdout) as {
      divergences: Array<{ key: string; kind: string; verdict: { suggested: string; confidence: number } }>;
    };
    const verdictOf = (key: string) => scan.divergences.find((d) => d.key === key && d.kind.startsWith('live'))!.verdict;
    // A hand edit newer than the file's last change, nothing saying why: declare it, or ask.
    expect(verdictOf('TIMEOUT_MS')).toMatchObject({ suggested: 'declare', confidence: 0.45 });
    expect(verdictOf('DEBUG_SQL')).toMatchObject({ suggested: 'revert' });

    await writeFile(path.join(repo, '..', 'revert.yaml'), '- {key: TIMEOUT_MS, env: production, action: revert, target: live}\n');
    const against = await runUndrift(['apply', '--decisions', '../revert.yaml', '--live'], { cwd: repo, env });
    const lines = against.stdout.split('\n');
    const preview = lines.findIndex((l) =>
      l.startsWith('live production: ConfigMap/payment-config in payments (context prod) .data.TIMEOUT_MS: "8000" → "3000"'),
    );
    expect(preview).toBeGreaterThanOrEqual(0);
    expect(lines[preview + 1]).toBe('  decided against the verdict: revert production, where the verdict suggested declare (0.45)');
    expect(lines[preview + 2]).toBe('  not written: production is the last promotion stage; confirm with --confirm production');

    await writeFile(path.join(repo, '..', 'debug.yaml'), '- {key: DEBUG_SQL, env: production, action: revert, target: live}\n');
    const along = await runUndrift(['apply', '--decisions', '../debug.yaml', '--live'], { cwd: repo, env });
    expect(along.stdout).toContain('.data.DEBUG_SQL: "true" → absent (server dry run passed');
    expect(along.stdout).not.toContain('against the verdict');
  });
});
