import { describe, expect, it } from 'vitest';
import { git, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';

describe('undrift demo', () => {
  it('builds the payment-service story as a real repository and shows its drift', async () => {
    const dir = `${await tempDir()}/demo`;
    const result = await runCli(['demo', '--dir', dir, '--format', 'json'], { cwd: '/' });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/built payment-service \(\d+ commits by 5 authors\)/);
    const json = JSON.parse(result.stdout);
    const found: Record<string, string[]> = {};
    for (const d of json.divergences) (found[d.key] ??= []).push(`${d.kind}/${d.severity}`);
    expect(found).toEqual({
      PAYMENT_GATEWAY_TIMEOUT_MS: ['cross-env/drift', 'live-drift/drift'],
      NEW_AUTH_FLOW: ['cross-env/drift'],
      PG_CLIENT_VERSION: ['cross-env/drift'],
      SETTLEMENT_BATCH_SIZE: ['missing/drift'],
      replicas: ['contract-violation/drift'],
      FEATURE_RECEIPTS_V2: ['stale-declaration/drift'],
      DB_POOL_MAX: ['stale-declaration/info'],
      DEBUG_SQL: ['live-only/drift'],
      'Deployment/payment-service.containers[name=app].image': ['artifact/drift'],
      // A CronJob created by hand during the incident, in production only, and a Role edited by hand.
      'CronJob/settlement-reconcile': ['object-cross-env/drift'],
      'permissions[subject=ServiceAccount/payment-service]': ['permission/drift'],
    });
    const cronJob = json.divergences.find((d: { key: string }) => d.key === 'CronJob/settlement-reconcile');
    expect(cronJob).toMatchObject({ envs: ['production'], provenance: { production: { manager: 'kubectl-create', human: true } } });
    expect(cronJob.notes[0]).toBe(
      'CronJob/settlement-reconcile exists in production (created by kubectl-create (by hand) at 2026-07-14T01:05:19Z); not in staging',
    );
    const grant = json.divergences.find((d: { kind: string }) => d.kind === 'permission');
    expect(grant.notes).toEqual(['production grants create, delete, patch on secrets to ServiceAccount payment-service; staging does not']);
    expect(grant.verdict).toMatchObject({ risk: 'permissions', suggested: 'declare' });
    expect(grant.verdict.confidence).toBeLessThan(0.5);
    expect(json.live).toMatchObject({
      staging: { status: 'ok', source: 'snapshot live/staging.yaml', history: { revisions: 3, releases: 4, events: [] } },
      production: { status: 'ok', source: 'snapshot live/production.yaml', history: { revisions: 5, releases: 4 } },
    });
    // The Events of the snapshot's last hour: the hand-made CronJob's runs, each linked to it
    // through its Job (and the Job's Pod), as the CronJob's own row shows them.
    const events = json.live.production.history.events as Array<{ time: string; regarding: string; reason: string; workload: string }>;
    expect(events.map((e) => `${e.time} ${e.regarding} ${e.reason}`)).toEqual([
      '2026-11-20T09:30:00Z CronJob/settlement-reconcile SuccessfulCreate',
      '2026-11-20T09:30:00Z Job/settlement-reconcile-29919450 SuccessfulCreate',
      '2026-11-20T09:30:02Z Pod/settlement-reconcile-29919450-p6x4t Pulled',
      '2026-11-20T09:30:47Z Job/settlement-reconcile-29919450 Completed',
      '2026-11-20T09:30:48Z CronJob/settlement-reconcile SawCompletedJob',
      '2026-11-20T10:00:00Z CronJob/settlement-reconcile SuccessfulCreate',
      '2026-11-20T10:00:00Z Job/settlement-reconcile-29919480 SuccessfulCreate',
      '2026-11-20T10:01:40Z Pod/settlement-reconcile-29919480-w9r2k BackOff',
    ]);
    expect(new Set(events.map((e) => e.workload))).toEqual(new Set(['CronJob/settlement-reconcile']));
    expect(json.timelines['CronJob/settlement-reconcile'].filter((e: { kind: string }) => e.kind === 'event')).toHaveLength(8);
    const timeout = json.divergences.find((d: { key: string }) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS');
    expect(timeout.values).toMatchObject({ staging: { repo: '10000', live: '10000' }, production: { repo: '3000', live: '10000' } });
    const hotfix = json.divergences.find((d: { key: string; kind: string }) => d.key === 'PAYMENT_GATEWAY_TIMEOUT_MS' && d.kind === 'live-drift');
    expect(hotfix.provenance.production).toMatchObject({
      manager: 'kubectl-edit',
      operation: 'Update',
      time: '2026-07-14T00:31:05Z',
      exact: false,
      human: true,
    });
    const debug = json.divergences.find((d: { key: string }) => d.key === 'DEBUG_SQL');
    expect(debug.provenance.production).toMatchObject({ manager: 'kubectl-edit', human: true });
    const image = json.divergences.find((d: { kind: string }) => d.kind === 'artifact');
    expect(image.notes[0]).toMatch(
      /the same image registry\.acme-payments\.example\/payment-service:1\.8\.2 runs as different digests: staging sha256:3f1a.*; production sha256:9c4e.* — the tag was pushed again/,
    );

    // A real history: dated commits by named authors, the incident commit editing staging's file.
    const log = await git(dir, 'log', '--format=%an|%aI|%s', '--', 'config/staging.yaml');
    expect(log).toContain('Dana Whitfield|2026-07-14T03:52:00+02:00|Raise payment gateway timeout to 10s in production (INC-2041)');
    const commits = (await git(dir, 'rev-list', '--count', 'HEAD')).trim();
    expect(Number(commits)).toBeGreaterThanOrEqual(30);
    const authors = new Set((await git(dir, 'log', '--format=%an')).split('\n'));
    expect(authors.size).toBe(5);
    expect(await git(dir, 'log', '--format=%H', '--', 'config/production.yaml')).not.toContain(
      (await git(dir, 'log', '-1', '--format=%H', '--grep', 'Raise payment gateway timeout', '--', 'config/staging.yaml')).trim(),
    );
    expect((await git(dir, 'status', '--porcelain')).trim()).toBe('');
  });

  it('refuses a directory that is not empty', async () => {
    const dir = await tempDir();
    await git(dir, 'init', '-q');
    const result = await runCli(['demo', '--dir', dir], { cwd: '/' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/is not empty/);
  });
});
