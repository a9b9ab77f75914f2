// A live value accepted in the contract (`live_differences:`) against a real repository whose
// production runs a snapshot: held, the row is gone; expired, changed again, or met by the repo,
// it is back (or stale) and says why.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { acceptedLiveRepo, commitFiles, liveSnapshot } from '../support/accepted-live-repo.js';

const CONTRACT = 'config/expected-env-diff.yaml';
// The object and the secret differ by design; only the accepted live values are under test.
const BASE = `expected_differences:
  ConfigMap/app-config: {production: any}
  Secret/db.data.DB_PASSWORD: {staging: any, production: any}
`;
const ACCEPT_POOL = `live_differences:
  DB_MAX_CONNECTIONS:
    production: "20"
    reason: raised by hand during INC-881; keep or revert is for the DB team
    owner: db-team
    expires: 2026-12-31
`;

interface Row {
  key: string;
  kind: string;
  severity: string;
  notes: string[];
  contract: { location: string; expired: boolean; section?: string } | null;
}

async function scan(repo: string, today = '2026-12-05') {
  const run = await runCli(['scan', '--format', 'json', '--no-history', '--today', today], { cwd: repo });
  const rows = (JSON.parse(run.stdout) as { divergences: Row[] }).divergences;
  return { exitCode: run.exitCode, rows, pool: rows.filter((d) => d.key === 'DB_MAX_CONNECTIONS') };
}

describe('a live value accepted against the repo', () => {
  it('is no drift while production runs it and the acceptance holds: the scan passes', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '20' } }, BASE + ACCEPT_POOL);
    const { exitCode, rows } = await scan(repo);
    expect(rows).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('a key declared nowhere in the repo (live-only) is accepted the same way', async () => {
    const accept = `live_differences:\n  CACHE_MODE: {production: lru, reason: set by hand while the cache is tuned}\n`;
    const held = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10', CACHE_MODE: 'lru' } }, BASE + accept);
    expect((await scan(held)).rows).toEqual([]);
    const other = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10', CACHE_MODE: 'lfu' } }, BASE + accept);
    const rows = (await scan(other)).rows;
    expect(rows.map((d) => [d.key, d.kind])).toEqual([['CACHE_MODE', 'live-only']]);
    expect(rows[0]!.notes[0]).toBe(`production's live "lru" was accepted (${CONTRACT}:5); production now runs "lfu"`);
  });

  it('is drift again once its expiry has passed, and says so', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '20' } }, BASE + ACCEPT_POOL);
    const { exitCode, pool } = await scan(repo, '2027-01-02');
    expect(pool.map((d) => [d.kind, d.severity])).toEqual([['live-drift', 'drift']]);
    expect(pool[0]!.notes[0]).toBe(`production's live "20" was accepted until 2026-12-31 (${CONTRACT}:5): expired`);
    expect(pool[0]!.contract).toMatchObject({ key: 'DB_MAX_CONNECTIONS', location: `${CONTRACT}:5`, expired: true, section: 'live_differences' });
    expect(exitCode).toBe(1);
    const explained = (await runCli(['explain', 'DB_MAX_CONNECTIONS', '--no-history', '--today', '2027-01-02'], { cwd: repo })).stdout;
    expect(explained).toContain(`  contract accepts live DB_MAX_CONNECTIONS (${CONTRACT}:5): production 20, until 2026-12-31 (expired)`);
  });

  it('is drift again once production runs another value, and says which', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '30' } }, BASE + ACCEPT_POOL);
    const { exitCode, pool } = await scan(repo);
    expect(pool.map((d) => [d.kind, d.severity])).toEqual([['live-drift', 'drift']]);
    expect(pool[0]!.notes[0]).toBe(`production's live "20" was accepted (${CONTRACT}:5); production now runs "30"`);
    expect(pool[0]!.notes[1]).toContain(`its repo file says "10"`);
    expect(pool[0]!.contract).toMatchObject({ expired: false, section: 'live_differences' });
    expect(exitCode).toBe(1);
  });

  it('once the repo holds what runs, the acceptance is a stale entry to remove (info: the scan passes)', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '20' } }, BASE + ACCEPT_POOL);
    await commitFiles(
      repo,
      { 'config/production.yaml': 'DB_MAX_CONNECTIONS: "20"\n', 'config/staging.yaml': 'DB_MAX_CONNECTIONS: "20"\n' },
      'Codify the pool raised in INC-881',
    );
    const { exitCode, pool } = await scan(repo);
    expect(pool.map((d) => [d.kind, d.severity])).toEqual([['stale-declaration', 'info']]);
    expect(pool[0]!.notes).toEqual([`production's repo and live now agree on "20": the acceptance (${CONTRACT}:5) can be removed`]);
    expect(exitCode).toBe(0);

    // A deploy from the repo put its value back: repo and live agree on the old value.
    await commitFiles(
      repo,
      {
        'config/production.yaml': 'DB_MAX_CONNECTIONS: "10"\n',
        'config/staging.yaml': 'DB_MAX_CONNECTIONS: "10"\n',
        'live/production.yaml': liveSnapshot({ data: { DB_MAX_CONNECTIONS: '10' } }),
      },
      'Back to 10 after the migration',
      '2026-11-26T09:00:00Z',
    );
    const after = await scan(repo);
    expect(after.pool.map((d) => d.notes)).toEqual([
      [`production's repo and live now agree on "10"; the accepted "20" no longer runs: the acceptance (${CONTRACT}:5) can be removed`],
    ]);
  });

  it('once production no longer runs the key at all, the acceptance is stale too', async () => {
    const accept = `live_differences:\n  CACHE_MODE: {production: lru, reason: set by hand while the cache is tuned}\n`;
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' } }, BASE + accept);
    const { exitCode, rows } = await scan(repo);
    expect(rows.map((d) => [d.key, d.kind, d.severity, d.notes])).toEqual([
      ['CACHE_MODE', 'stale-declaration', 'info', [`production no longer runs CACHE_MODE live: the acceptance of "lru" (${CONTRACT}:5) can be removed`]],
    ]);
    expect(exitCode).toBe(0);
  });
});
