import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRemote } from '../../src/actions/forge.js';
import { FakeForge } from '../support/fake-forge.js';
import { runCli } from '../support/cli.js';
import { git, runUndrift, tempDir } from '../support/repo.js';
import { ONCALL_IDENTITY as IDENTITY, scenarioRepo } from '../support/demo-repo.js';

let repo: string;
let remote: string;
const forges: FakeForge[] = [];
afterAll(async () => Promise.all(forges.map((f) => f.stop())));

async function withForge(config: string) {
  const undrift = `${await git(repo, 'show', 'HEAD:undrift.yaml')}\nforge:\n${config}`;
  await writeFile(path.join(repo, 'undrift.yaml'), undrift);
  await git(repo, 'commit', '--quiet', '-am', 'configure the forge');
  await git(repo, 'push', '--quiet', 'origin', 'main');
}

describe('remote URLs', () => {
  it('parses remote URLs of every usual form', () => {
    expect(parseRemote('https://github.com/acme/payments-deploy.git')).toEqual({ host: 'github.com', repository: 'acme/payments-deploy' });
    expect(parseRemote('git@github.example.com:platform/payments.git')).toEqual({ host: 'github.example.com', repository: 'platform/payments' });
    expect(parseRemote('ssh://git@gitlab.example.com:2222/group/sub/project.git')).toEqual({ host: 'gitlab.example.com', repository: 'group/sub/project' });
    expect(parseRemote('/srv/git/repo.git')).toEqual({});
  });
});

describe('push and pull requests', () => {
  // A copy of the demo with a bare remote holding its main, for each test (they push to it).
  beforeEach(async () => {
    repo = await scenarioRepo();
    remote = `${await tempDir()}/remote.git`;
    await git('/', 'init', '--quiet', '--bare', remote);
    await git(repo, 'remote', 'add', 'origin', remote);
    await git(repo, 'push', '--quiet', 'origin', 'main');
    await writeFile(
      path.join(repo, '..', 'd.yaml'),
      '- {key: PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: backfill}\n- {key: NEW_AUTH_FLOW, action: declare, reason: rollout}\n',
    );
  });

  it('--push pushes the branch to a real (bare) remote', async () => {
    const result = await runCli(['apply', '--decisions', '../d.yaml', '--push'], { cwd: repo, env: IDENTITY });
    expect(result.exitCode).toBe(0);
    const branch = /^branch (\S+)/.exec(result.stdout)![1]!;
    expect(result.stdout).toContain('pushed to origin');
    expect(await git(remote, 'rev-parse', branch)).toBe(await git(repo, 'rev-parse', branch));
    // The ledger travels with it.
    expect(await git(remote, 'rev-parse', 'refs/undrift/ledger')).toBe(await git(repo, 'rev-parse', 'refs/undrift/ledger'));
    // Someone else's entry on the remote is joined, not overwritten.
    const other = `${await tempDir()}/other`;
    await git('/', 'clone', '--quiet', '--branch', 'main', remote, other);
    await git(other, 'fetch', '--quiet', 'origin', 'refs/undrift/ledger:refs/undrift/ledger');
    await writeFile(path.join(other, '..', 's.yaml'), '- {key: DEBUG_SQL, env: production, action: skip}\n');
    const theirs = await runCli(['apply', '--decisions', '../s.yaml', '--push'], { cwd: other, env: IDENTITY });
    expect(theirs.stderr).toBe('');
    await writeFile(path.join(repo, '..', 'd2.yaml'), '- {key: SETTLEMENT_BATCH_SIZE, env: production, action: backfill}\n');
    const ours = await runCli(['apply', '--decisions', '../d2.yaml', '--push'], { cwd: repo, env: IDENTITY });
    expect(ours.stderr).toBe('');
    await git(repo, 'fetch', '--quiet', 'origin', '+refs/undrift/ledger:refs/undrift/ledger');
    const keys = JSON.parse((await runCli(['log', '--json'], { cwd: repo })).stdout)
      .decisions.map((d: { keys: string[] }) => d.keys[0])
      .sort();
    expect(keys).toEqual(['DEBUG_SQL', 'NEW_AUTH_FLOW', 'PAYMENT_GATEWAY_TIMEOUT_MS', 'SETTLEMENT_BATCH_SIZE']);
  }, 120_000);

  it('--pr opens a GitHub pull request through the API with the decisions table as body', async () => {
    const forge = new FakeForge('gh-secret-token');
    forges.push(forge);
    await forge.start();
    // The API's host is the job's to name (the remote here is a path, which names none).
    await withForge(`  type: github\n  repository: acme/payments-deploy\n  base: main\n`);
    const result = await runCli(['apply', '--decisions', '../d.yaml', '--pr'], {
      cwd: repo,
      env: { ...IDENTITY, GH_TOKEN: 'gh-secret-token', UNDRIFT_FORGE_API: forge.url },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('pull request: https://github.example/acme/payments-deploy/pull/42');
    expect(forge.requests).toHaveLength(1);
    const request = forge.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/repos/acme/payments-deploy/pulls');
    expect(request.headers['user-agent']).toMatch(/^undrift/);
    const body = request.body as Record<string, string>;
    expect(body).toMatchObject({ title: 'drift: 2 decisions (PAYMENT_GATEWAY_TIMEOUT_MS, NEW_AUTH_FLOW)', base: 'main' });
    expect(body.head).toMatch(/^undrift\/\d{4}-\d{2}-\d{2}-payment-gateway-timeout-ms-and-1-more$/);
    expect(body.body).toContain('| `PAYMENT_GATEWAY_TIMEOUT_MS` | production | backfill | `10000` |');
    expect(body.body).toContain('Verdict: **backfill** (confidence 0.95)');
    expect(await git(remote, 'rev-parse', body.head!)).toMatch(/^[0-9a-f]{40}$/);
    expect(result.stdout + result.stderr).not.toContain('gh-secret-token');
  });

  it('--pr opens a GitLab merge request with PRIVATE-TOKEN', async () => {
    const forge = new FakeForge('gl-token');
    forges.push(forge);
    await forge.start();
    await withForge(`  type: gitlab\n  repository: platform/payments/deploy\n`);
    const result = await runCli(['apply', '--decisions', '../d.yaml', '--pr'], {
      cwd: repo,
      env: { ...IDENTITY, GITLAB_TOKEN: 'gl-token', UNDRIFT_FORGE_API: `${forge.url}/api/v4` },
    });
    expect(result.stdout).toContain('pull request: https://gitlab.example/platform/payments/deploy/-/merge_requests/7');
    const request = forge.requests[0]!;
    expect(request.path).toBe('/api/v4/projects/platform%2Fpayments%2Fdeploy/merge_requests');
    expect(request.headers['private-token']).toBe('gl-token');
    expect(request.body).toMatchObject({
      target_branch: 'main',
      title: 'drift: 2 decisions (PAYMENT_GATEWAY_TIMEOUT_MS, NEW_AUTH_FLOW)',
      remove_source_branch: false,
    });
  });

  it('without a token: the branch is pushed and the exact compare URL is printed', async () => {
    await git(repo, 'remote', 'set-url', '--push', 'origin', remote);
    await git(repo, 'config', 'remote.origin.url', 'git@github.com:acme/payments-deploy.git');
    await git(repo, 'config', 'remote.origin.pushurl', remote);
    const result = await runCli(['apply', '--decisions', '../d.yaml', '--pr'], { cwd: repo, env: { ...IDENTITY, GH_TOKEN: '', GITHUB_TOKEN: '' } });
    // The pull request asked for was not opened: a script must not take it for done.
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('the branch is pushed, but no pull request was opened: no token (GH_TOKEN or GITHUB_TOKEN)');
    expect(result.stdout).toMatch(
      /open it: https:\/\/github\.com\/acme\/payments-deploy\/compare\/main\.\.\.undrift%2F\d{4}-\d{2}-\d{2}-payment-gateway-timeout-ms-and-1-more\?expand=1/,
    );
  });

  it('an unknown forge: the branch is pushed, the message says no pull request was opened, and the exit is 2', async () => {
    // The remote is a bare repository on disk: no host tells GitHub from GitLab.
    const result = await runUndrift(['apply', '--decisions', '../d.yaml', '--pr', '--no-cache'], { cwd: repo, env: { ...IDENTITY, GH_TOKEN: 'gh-token' } });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stdout).toContain(
      'the branch is pushed, but no pull request was opened: the forge is not known from the remote (set forge.type in undrift.yaml)',
    );
    const branch = /^branch (\S+) \(from/m.exec(result.stdout)![1]!;
    expect(await git(remote, 'rev-parse', branch)).toBe(await git(repo, 'rev-parse', branch));
  });

  it('a refused pull request says so, and keeps the pushed branch', async () => {
    const forge = new FakeForge('right');
    forges.push(forge);
    await forge.start();
    await withForge(`  type: github\n  repository: acme/payments-deploy\n`);
    const result = await runCli(['apply', '--decisions', '../d.yaml', '--pr'], {
      cwd: repo,
      env: { ...IDENTITY, GH_TOKEN: 'wrong', UNDRIFT_FORGE_API: forge.url },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^undrift: GitHub refused the pull request \(401: Bad credentials/);
  });
});
