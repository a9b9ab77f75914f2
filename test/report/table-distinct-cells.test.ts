// Two different values that show the same when cut in the middle (two certificates: "-----BEGIN…END-----"
// in both columns, a newcomer's tryout in session 20) are shown around where they first differ.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { PLAIN } from '../../src/report/style.js';
import { renderTable } from '../../src/report/table.js';
import { shortValue, shortValueAt, firstDifference } from '../../src/wording/text.js';
import { startCluster } from '../support/cluster.js';
import { repoWithFiles, runUndrift } from '../support/repo.js';

const body = 'MIIBszCCAVmgAwIBAgIUQ3Zz0000000000000000000000000000000000000000000000000000000000000';
const cert = (middle: string) => `-----BEGIN CERTIFICATE-----\n${body}${middle}${body}\n-----END CERTIFICATE-----`;

describe('shortValueAt', () => {
  it('shows the part where two values differ', () => {
    const [a, b] = [cert('AAAA'), cert('BBBB')];
    expect(shortValue(a, 20)).toBe(shortValue(b, 20));
    const at = firstDifference(a, b);
    expect(shortValueAt(a, at, 20)).not.toBe(shortValueAt(b, at, 20));
    expect(shortValueAt(a, at, 20)).toContain('AAAA');
    expect([...shortValueAt(a, at, 20)].length).toBeLessThanOrEqual(20);
  });
});

describe('the table', () => {
  it('never shows two different values as the same text', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': `TLS_CA: ${JSON.stringify(cert('AAAA'))}\nLOG: info\n`,
      'config/production.yaml': `TLS_CA: ${JSON.stringify(cert('BBBB'))}\nLOG: warn\n`,
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    const row = renderTable(scan, PLAIN, 100)
      .split('\n')
      .find((l) => l.includes('TLS_CA'))!;
    expect(row).toContain('AAAA');
    expect(row).toContain('BBBB');
  });
});

describe('a value cut in the middle', () => {
  it('shows where it differs when the cut would leave only what the other value also holds', async () => {
    // A newcomer's trial (session 32): `https://api.…example.com` beside `https://api.example.com`.
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': 'API_URL: https://api.staging.example.com\nLONG_NOTE: the first words are the same, then staging ends here\n',
      'config/production.yaml': 'API_URL: https://api.example.com\nLONG_NOTE: the first words are the same, then prod ends here too\n',
    });
    const scan = await scanRepository({ repo, history: false, live: false });
    const table = renderTable(scan, PLAIN, 100).split('\n');
    const row = table.find((l) => l.includes('API_URL'))!;
    expect(row).toContain('staging');
    // The value's start is kept where the difference shows from it: not cut at both ends.
    expect(shortValueAt('https://api.staging.internal.example.com/v2/payments', 12, 24)).toBe('https://api.staging.int…');
    expect(shortValueAt('https://api.example.com/v2/payments/gateway', 12, 24)).toBe('https://api.example.com…');
    // Where the cut keeps part of the difference, it is cut as before.
    const note = table.find((l) => l.includes('LONG_NOTE'))!;
    expect(note).toContain('the first');
  });
});

describe("a secret's fingerprint in a cell", () => {
  it('is cut after its hash, evenly, never in the middle of it', async () => {
    // A newcomer's table showed `secret:c256a…7 (9 bytes)`: half a hash and the byte count's tail.
    const repo = await repoWithFiles({
      '.env.staging': 'API_KEY=sk_abcdefghijklmnop1\nDB_PASSWORD=short9pw\nLOG=info\n',
      '.env.production': 'API_KEY=sk_abcdefghijklmnop2x\nDB_PASSWORD=other7pw\nLOG=info\n',
    });
    const run = await runUndrift(['scan', '--no-cache'], { cwd: repo });
    expect(run.exitCode, run.stderr).toBe(1);
    const rows = run.stdout.split('\n').filter((line) => /API_KEY|DB_PASSWORD/.test(line) && !line.startsWith('warning:'));
    // The warning that the repository holds them in plain text names them and their places, never their values.
    expect(run.stdout).toContain("warning: 4 credentials are written in plain text in the repository's files: API_KEY (.env.staging:1)");
    expect(run.stdout).not.toMatch(/sk_abcdefghijklmnop|short9pw|other7pw/);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatch(/ secret:[0-9a-f]{12}… +secret:[0-9a-f]{12}… /);
      expect(row).not.toMatch(/bytes\)/);
    }
    expect(shortValue('secret:c256a0b1c2d3 (9 bytes)', 29)).toBe('secret:c256a0b1c2d3 (9 bytes)');
    expect(shortValue('secret:c256a0b1c2d3 (9 bytes)', 12)).toBe('secret:c256…');
  });
});

describe('a Secret whose live value differs from the file', () => {
  it('shows both hashes in its live cell, not the cell cut through both (`secret:527de…et:17… live`)', async () => {
    const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'payments' }] });
    api.create(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: { name: 'db', namespace: 'payments' },
        data: { DB_PASSWORD: Buffer.from('rotated-by-hand-7').toString('base64') },
      },
      { manager: 'kubectl-edit', time: '2026-11-20T03:12:00Z' },
    );
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: config/staging.yaml\n  production:\n    files: [k8s/production.yaml]\n    live: {kubernetes: {context: prod, secrets: [db]}}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'LOG: info\n',
      'k8s/production.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: payments}\nstringData:\n  DB_PASSWORD: from-the-file-1\n',
    });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: { KUBECONFIG: kubeconfig, COLUMNS: '100' } });
    const row = run.stdout.split('\n').find((l) => l.includes('DB_PASSWORD') && l.includes(' live'));
    expect(row, run.stdout).toBeDefined();
    const scan = JSON.parse((await runUndrift(['scan', '--no-history', '--format', 'json'], { cwd: repo, env: { KUBECONFIG: kubeconfig } })).stdout) as {
      divergences: Array<{ key: string; kind: string; values: Record<string, { repo: string | null; live: string | null }> }>;
    };
    const { repo: file, live } = scan.divergences.find((d) => d.key.includes('DB_PASSWORD') && d.kind.startsWith('live'))!.values.production!;
    const hash = (fingerprint: string | null) => /^secret:([0-9a-f]{12})/.exec(fingerprint ?? '')![1]!;
    expect(row).toContain(`secret:${hash(file).slice(0, 4)}`);
    expect(row).toMatch(new RegExp(`≠ ${hash(live).slice(0, 4)}[0-9a-f]* live`));
    expect(run.stdout).not.toContain('rotated-by-hand-7');
    expect(run.stdout).not.toContain('from-the-file-1');
  });
});
