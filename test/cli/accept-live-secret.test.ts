// A Secret rotated by hand, accepted as it runs (`live_differences:`), must hold in every clone:
// CI scans a fresh clone, whose fingerprint key (.git/undrift/fingerprint-key) is its own. So a
// Secret is accepted by the live change that set it (the managedFields entry owning the field:
// manager and time), which names nothing of the value; only where the live state carries no
// managedFields does it fall back to the fingerprint, in the writing clone alone, and says so.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { startCluster } from '../support/cluster.js';
import { repoWithFiles } from '../support/repo.js';
import { LIVE_PASSWORD, acceptedLiveRepo, commitFiles, liveSnapshot } from '../support/accepted-live-repo.js';

const KEY = 'Secret/db.data.DB_PASSWORD';
const BASE = `# Differences between environments that are intended.
expected_differences:
  ConfigMap/app-config: {production: any}   # the app's own ConfigMap, made by the chart
  Secret/db.data.DB_PASSWORD: {staging: any, production: any}
`;
const DECLARE = `- {key: ${KEY}, env: production, action: declare, reason: "rotated by hand in INC-900; keep it"}\n`;
const ROTATED = { by: 'kubectl-edit', at: '2026-11-21T10:00:00Z' };
const b64 = (text: string) => Buffer.from(text).toString('base64');

interface Row {
  key: string;
  kind: string;
  notes: string[];
  values: Record<string, { live: string | null }>;
}

async function scan(repo: string, env: Record<string, string> = {}) {
  const run = await runCli(['scan', '--format', 'json', '--no-history', '--today', '2026-12-05'], { cwd: repo, env });
  const rows = (JSON.parse(run.stdout) as { divergences: Row[] }).divergences;
  return { exitCode: run.exitCode, rows, keys: rows.map((d) => `${d.key} ${d.kind}`) };
}

async function apply(repo: string, env: Record<string, string> = {}) {
  await writeFile(path.join(repo, '..', 'decisions.yaml'), DECLARE);
  const run = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: { ...ONCALL_IDENTITY, ...env } });
  const branch = /^branch (undrift\/\S+) \(from/m.exec(run.stdout)?.[1];
  return { ...run, branch };
}

/** A fresh clone of the branch, as CI checks it out: no .git/undrift, so its own fingerprint key. */
async function freshClone(repo: string, branch: string): Promise<string> {
  const dir = path.join(await tempDir('undrift-ci-'), 'clone');
  await git(repo, 'clone', '-q', '--branch', branch, repo, dir);
  return dir;
}

const fingerprintKey = (repo: string) => readFile(path.join(repo, '.git', 'undrift', 'fingerprint-key'));

/** Everything the branch added (its commits' messages and diffs) holds none of the forms given. */
async function expectNowhereInBranch(repo: string, branch: string, forms: string[]) {
  const added = await git(repo, 'log', '-p', '--format=%B', `HEAD..${branch}`);
  expect(added).toContain('live_differences:');
  for (const form of forms) expect(added).not.toContain(form);
}

describe("a Secret's live value accepted by the change that set it", () => {
  it('holds in a fresh clone of the branch (another fingerprint key); neither the value nor its base64 is in the branch, nor is the acceptance its fingerprint', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' }, password: LIVE_PASSWORD, passwordChange: ROTATED }, BASE);
    const before = await scan(repo);
    expect(before.keys).toEqual([`${KEY} live-drift`]);
    const fingerprint = before.rows[0]!.values.production!.live!;
    expect(fingerprint).toMatch(/^secret:[0-9a-f]{12} \(\d+ bytes\)$/);

    const run = await apply(repo);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('note:');
    const contract = await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`);
    expect(`${contract}\n`).toBe(
      `${BASE}live_differences:\n  ${KEY}:\n    production: {changed: 2026-11-21T10:00:00Z, by: kubectl-edit}\n    reason: rotated by hand in INC-900; keep it\n`,
    );
    expect(await git(repo, 'log', '-1', '--format=%s', run.branch!)).toBe(
      `drift(production): accept live ${KEY} as changed by kubectl-edit at 2026-11-21T10:00:00Z (a Secret)`,
    );
    await expectNowhereInBranch(repo, run.branch!, [LIVE_PASSWORD, b64(LIVE_PASSWORD)]);
    // Nor is the acceptance its fingerprint (the commit's evidence quotes this clone's, as every
    // Secret commit does: keyed by a key that is never committed).
    expect(contract).not.toContain(fingerprint.slice(7, 19));

    // CI: a fresh clone of the branch, its own fingerprint key.
    const ci = await freshClone(repo, run.branch!);
    const there = await scan(ci);
    expect((await fingerprintKey(ci)).equals(await fingerprintKey(repo))).toBe(false);
    expect(there.keys).toEqual([]);
    expect(there.exitCode).toBe(0);
    // The writing clone too.
    await git(repo, 'checkout', '-q', run.branch!);
    expect((await scan(repo)).keys).toEqual([]);
  });

  it('a later edit of the Secret brings the row back, saying which change was accepted and which came after', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' }, password: LIVE_PASSWORD, passwordChange: ROTATED }, BASE);
    const run = await apply(repo);
    const ci = await freshClone(repo, run.branch!);
    await commitFiles(
      ci,
      {
        'live/production.yaml': liveSnapshot({
          data: { DB_MAX_CONNECTIONS: '10' },
          password: 'rotated-again-P3',
          passwordChange: { by: 'vault-agent', at: '2026-12-01T08:30:00Z' },
        }),
      },
      'Snapshot after the second rotation',
    );
    const after = await scan(ci);
    expect(after.keys).toEqual([`${KEY} live-drift`]);
    expect(after.rows[0]!.notes[0]).toBe(
      `production's live ${KEY} was accepted as changed by kubectl-edit at 2026-11-21T10:00:00Z (config/expected-env-diff.yaml:6); ` +
        'changed again by vault-agent at 2026-12-01T08:30:00Z',
    );
    expect(after.exitCode).toBe(1);
  });

  it('without managedFields it falls back to the fingerprint, holding in the writing clone only, and says so in apply and in the row', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' }, password: LIVE_PASSWORD }, BASE);
    const run = await apply(repo);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      `note: production's live state carries no managedFields (a snapshot taken without --show-managed-fields), so ${KEY} is accepted as its fingerprint: ` +
        'it holds in this clone only',
    );
    const contract = await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`);
    expect(contract).toMatch(/ {4}production: "?secret:[0-9a-f]{12} \(16 bytes\)"?\n/);
    await expectNowhereInBranch(repo, run.branch!, [LIVE_PASSWORD, b64(LIVE_PASSWORD)]);

    await git(repo, 'checkout', '-q', run.branch!);
    expect((await scan(repo)).keys).toEqual([]);
    const ci = await scan(await freshClone(repo, run.branch!));
    expect(ci.keys).toEqual([`${KEY} live-drift`]);
    expect(ci.rows[0]!.notes[0]).toContain(
      '(or it was accepted in another clone: an acceptance by fingerprint holds only in the clone that wrote it, its key being .git/undrift/fingerprint-key; ' +
        'accepted from a live state read with managedFields, a Secret is accepted by the change that set it, in every clone)',
    );
    expect(ci.exitCode).toBe(1);
  });

  it('an acceptance by change meets a live state without managedFields: the row is back and says why', async () => {
    const accepted = `${BASE}live_differences:\n  ${KEY}:\n    production: {changed: 2026-11-21T10:00:00Z, by: kubectl-edit}\n`;
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' }, password: LIVE_PASSWORD }, accepted);
    const { rows } = await scan(repo);
    expect(rows.map((d) => [d.key, d.kind, d.notes[0]])).toEqual([
      [
        KEY,
        'live-drift',
        `production's live ${KEY} was accepted as changed by kubectl-edit at 2026-11-21T10:00:00Z (config/expected-env-diff.yaml:6); ` +
          'the live state carries no managedFields to tell which change set it (a snapshot taken without --show-managed-fields)',
      ],
    ]);
  });

  it('through the Kubernetes API: accepted in one clone, held in a fresh one, back after the next edit', async () => {
    const { api, kubeconfig } = await startCluster({ contexts: [{ name: 'prod', namespace: 'app' }] });
    const env = { KUBECONFIG: kubeconfig };
    api.create(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'app' }, data: { DB_PASSWORD: b64('repo-pass-Q7w') } },
      {
        manager: 'helm',
        time: '2026-10-01T09:00:00Z',
      },
    );
    api.update('Secret', 'app', 'db', (s) => Object.assign(s.data as object, { DB_PASSWORD: b64(LIVE_PASSWORD) }), {
      manager: 'kubectl-edit',
      time: '2026-11-21T10:00:00Z',
    });
    const repo = await repoWithFiles({
      'undrift.yaml': [
        'environments:',
        '  staging: {files: [k8s/staging/secret.yaml]}',
        '  production:',
        '    files: [k8s/production/secret.yaml]',
        '    live: {kubernetes: {context: prod, secrets: [db]}}',
        'promotion: [staging, production]',
        '',
      ].join('\n'),
      'config/expected-env-diff.yaml': `expected_differences:\n  ${KEY}: {staging: any, production: any}\n`,
      'k8s/staging/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {DB_PASSWORD: ${b64('staging-pass-K4')}}\n`,
      'k8s/production/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {DB_PASSWORD: ${b64('repo-pass-Q7w')}}\n`,
    });
    expect((await scan(repo, env)).keys).toEqual([`${KEY} live-drift`]);
    const run = await apply(repo, env);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`)).toContain(
      `live_differences:\n  ${KEY}:\n    production: {changed: 2026-11-21T10:00:00Z, by: kubectl-edit}\n`,
    );
    await expectNowhereInBranch(repo, run.branch!, [LIVE_PASSWORD, b64(LIVE_PASSWORD)]);

    const ci = await freshClone(repo, run.branch!);
    const held = await scan(ci, env);
    expect(held.keys).toEqual([]);
    expect(held.exitCode).toBe(0);

    // Someone edits the Secret again: the field's owning entry moved on.
    api.update('Secret', 'app', 'db', (s) => Object.assign(s.data as object, { DB_PASSWORD: b64('rotated-again-P3') }), {
      manager: 'kubectl-edit',
      time: '2026-12-02T16:45:00Z',
    });
    const back = await scan(ci, env);
    expect(back.keys).toEqual([`${KEY} live-drift`]);
    expect(back.rows[0]!.notes[0]).toBe(
      `production's live ${KEY} was accepted as changed by kubectl-edit at 2026-11-21T10:00:00Z (config/expected-env-diff.yaml:4); ` +
        'changed again by kubectl-edit at 2026-12-02T16:45:00Z',
    );
  });
});
