// `apply`'s declare on a repo-vs-live row: the live value is accepted in the contract's
// `live_differences:` (the verdict's question left standing), on a new branch, and a scan of that
// branch is clean. A Secret's acceptance is its fingerprint, never its value.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { LIVE_PASSWORD, acceptedLiveRepo } from '../support/accepted-live-repo.js';

const BASE = `# Differences between environments that are intended.
expected_differences:
  ConfigMap/app-config: {production: any}   # the app's own ConfigMap, made by the chart
  Secret/db.data.DB_PASSWORD: {staging: any, production: any}
`;

async function apply(repo: string, decisions: string) {
  await writeFile(path.join(repo, '..', 'decisions.yaml'), decisions);
  const run = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
  const branch = /^branch (undrift\/\S+) \(from/m.exec(run.stdout)?.[1];
  return { ...run, branch };
}

async function scanOf(repo: string, branch: string) {
  if (branch !== 'HEAD') await git(repo, 'checkout', '-q', branch);
  const run = await runCli(['scan', '--format', 'json', '--no-history', '--today', '2026-12-05'], { cwd: repo });
  return {
    exitCode: run.exitCode,
    keys: (JSON.parse(run.stdout) as { divergences: Array<{ key: string; kind: string }> }).divergences.map((d) => `${d.key} ${d.kind}`),
  };
}

describe('apply: declare on a repo-vs-live row accepts what runs', () => {
  it('writes the acceptance into live_differences: with the evidence in the commit, and a re-scan is clean', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '20' } }, BASE);
    const before = await scanOf(repo, 'HEAD');
    expect(before.keys).toEqual(['DB_MAX_CONNECTIONS live-drift']);
    expect(before.exitCode).toBe(1);

    const run = await apply(
      repo,
      `- {key: DB_MAX_CONNECTIONS, env: production, action: declare, reason: "raised by hand; the DB team decides", owner: db-team}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.branch).toBeDefined();
    // Only the new section is added: the rest of the contract stays byte for byte.
    const contract = await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`);
    expect(`${contract}\n`).toBe(
      `${BASE}live_differences:\n  DB_MAX_CONNECTIONS:\n    production: "20"\n    reason: raised by hand; the DB team decides\n    owner: db-team\n`,
    );
    const message = await git(repo, 'log', '-1', '--format=%B', run.branch!);
    expect(message.split('\n')[0]).toBe('drift(production): accept live DB_MAX_CONNECTIONS=20 (the repo says 10)');
    expect(message).toContain('Reason: raised by hand; the DB team decides (owner: db-team)');
    // The verdict's own reasons, and what its declare does now.
    expect(message.replace(/\n\s+/g, ' ')).toContain(`declare accepts production's live "20" while its file says "10"`);
    expect(message).toMatch(/^Drift-Action: declare$/m);
    expect(message).toMatch(/^Drift-Env: production$/m);

    const after = await scanOf(repo, run.branch!);
    expect(after.keys).toEqual([]);
    expect(after.exitCode).toBe(0);
  });

  it("takes the verdict's end date where the decision names none", async () => {
    // A key added by hand with a note on the object that says when it goes: the verdict asks a
    // person, declares it meanwhile and reads the end from the note.
    const repo = await acceptedLiveRepo(
      { data: { DB_MAX_CONNECTIONS: '10', CACHE_MODE: 'lru' }, annotations: { 'oncall.example/note': 'lru for the sale, remove after 2027-01-15' } },
      BASE,
    );
    const run = await apply(repo, `- {key: CACHE_MODE, env: production, action: declare, reason: "for the sale"}\n`);
    expect(run.exitCode).toBe(0);
    const contract = await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`);
    expect(contract).toContain('live_differences:\n  CACHE_MODE:\n    production: lru\n    reason: for the sale\n    expires: 2027-01-15');
    expect(await git(repo, 'log', '-1', '--format=%s', run.branch!)).toBe(
      'drift(production): accept live CACHE_MODE=lru (declared nowhere in the repo, until 2027-01-15)',
    );
    expect((await scanOf(repo, run.branch!)).keys).toEqual([]);
  });

  it("a Secret's acceptance is its fingerprint: the value is nowhere in the contract, the commit or the branch's objects", async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' }, password: LIVE_PASSWORD }, BASE);
    expect((await scanOf(repo, 'HEAD')).keys).toEqual(['Secret/db.data.DB_PASSWORD live-drift']);
    const run = await apply(repo, `- {key: Secret/db.data.DB_PASSWORD, env: production, action: declare, reason: "rotated by hand in INC-900"}\n`);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const contract = await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`);
    expect(contract).toMatch(/live_differences:\n {2}Secret\/db\.data\.DB_PASSWORD:\n {4}production: "?secret:[0-9a-f]{12} \(16 bytes\)"?\n/);
    // Not the value, nor its base64, anywhere the branch added.
    const added = await git(repo, 'log', '-p', '--format=%B', `HEAD..${run.branch!}`);
    for (const form of [LIVE_PASSWORD, Buffer.from(LIVE_PASSWORD).toString('base64')]) {
      expect(added).not.toContain(form);
      expect(contract).not.toContain(form);
    }
    expect((await scanOf(repo, run.branch!)).keys).toEqual([]);
  });

  it('refuses what cannot be accepted as it runs: a value other than the live one', async () => {
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '20' } }, BASE);
    const run = await apply(repo, `- {key: DB_MAX_CONNECTIONS, env: production, action: declare, value: "25", reason: "x"}\n`);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('a live difference is accepted as it runs: production runs "20", not "25"');
    expect(run.branch).toBeUndefined();
  });

  it('undeclare removes a stale acceptance', async () => {
    const accepted = `${BASE}live_differences:\n  DB_MAX_CONNECTIONS:\n    production: "10"\n    reason: was raised by hand\n`;
    const repo = await acceptedLiveRepo({ data: { DB_MAX_CONNECTIONS: '10' } }, accepted);
    expect((await scanOf(repo, 'HEAD')).keys).toEqual(['DB_MAX_CONNECTIONS stale-declaration']);
    const run = await apply(repo, `- {key: DB_MAX_CONNECTIONS, env: production, action: undeclare}\n`);
    expect(run.exitCode).toBe(0);
    expect(`${await git(repo, 'show', `${run.branch!}:config/expected-env-diff.yaml`)}\n`).toBe(BASE);
    expect((await scanOf(repo, run.branch!)).keys).toEqual([]);
  });
});
