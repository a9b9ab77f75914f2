import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pushLedger } from '../../src/git/ledger.js';
import { helmInstall } from '../support/cluster.js';
import { FakeKubeApi } from '../support/fake-kube-api.js';
import { atFileEnd } from '../support/file-end.js';
import { canBuildKustomize } from '../support/programs.js';
import { git, repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// Paths out of the repository found by the session-23 audit, each played as CI plays a pull
// request: a real repository whose every committed file the attacker wrote, and the real
// `undrift scan` in a child process. Each test names what the attacker reaches when it escapes.

const CANARY = 'undrift-canary-escapes-do-not-print';
const scan = (repo: string, args: string[] = ['scan', '--no-history']) => runUndrift(args, { cwd: repo, env: { UNDRIFT_CANARY: CANARY }, timeoutMs: 90_000 });

/** A repository whose folder has a parent of its own (a temporary directory): what lies there is
 * outside the checkout, as the runner's other files are. */
const outsideOf = (repo: string) => path.dirname(repo);

describe.skipIf(!canBuildKustomize)('a Kustomize overlay path that reads as a flag of the build program', () => {
  const oneValue = 'configMapGenerator:\n  - name: app\n    literals: [A=1]\n';
  const twoEnvs = (production: string) =>
    `environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: ["${production}"]\npromotion: [staging, production]\n`;

  it('lifts no load restrictor: a file outside the repository is not read', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': twoEnvs('--load-restrictor=LoadRestrictionsNone'),
      'overlays/staging/kustomization.yaml': oneValue,
      // The folder the flag names, with an innocent overlay, so the path is an overlay.
      '--load-restrictor=LoadRestrictionsNone/kustomization.yaml': oneValue,
      // What the flag would build instead (the repository's root), reading a file beside the checkout.
      'kustomization.yaml': 'configMapGenerator:\n  - name: app\n    envs: [../outside.env]\n',
    });
    await writeFile(path.join(outsideOf(repo), 'outside.env'), 'RUNNER_SECRET=outside-value-7f3a\n');
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/RUNNER_SECRET|outside-value-7f3a/);
    // The folder was built as the folder it is: the same value in both environments.
    expect({ exit: run.exitCode, stdout: run.stdout }).toMatchObject({ exit: 0, stdout: expect.stringMatching(/no divergences/) });
  });

  it('writes no build output outside the repository (`--output=..` is a folder name, not a step up)', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': twoEnvs('--output=../written-outside'),
      'overlays/staging/kustomization.yaml': oneValue,
      '--output=../written-outside/kustomization.yaml': oneValue,
      'kustomization.yaml': oneValue,
    });
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(existsSync(path.join(outsideOf(repo), 'written-outside')), 'a build output written beside the checkout').toBe(false);
    expect({ exit: run.exitCode, stdout: run.stdout }).toMatchObject({ exit: 0, stdout: expect.stringMatching(/no divergences/) });
  });
});

describe.skipIf(!canBuildKustomize)('a kustomization that names a base outside the repository in a way only kustomize reads', () => {
  // kustomize reads kustomization.yaml with Go's YAML and JSON: `<<:` merges, a repeated key's
  // last value wins, and field names match in any case. The check of the bases read it otherwise.
  it.each([
    ['behind a merge key', '<<: {resources: [../../../outside]}\n'],
    ['in a repeated key', 'resources: []\nresources: [../../../outside]\n'],
    ['under a field name in another case', 'Resources: [../../../outside]\n'],
    ['as a transformers folder', 'resources: [cm.yaml]\ntransformers: [../../../outside]\n'],
  ])('builds nothing that reads it: %s', async (_name, kustomization) => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: [overlays/production]\npromotion: [staging, production]\n',
      'overlays/staging/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    literals: [A=1]\n',
      'overlays/production/kustomization.yaml': kustomization,
      'overlays/production/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "1"}\n',
    });
    // Another checkout's base on the runner, beside this one.
    await mkdir(path.join(outsideOf(repo), 'outside'));
    await writeFile(
      path.join(outsideOf(repo), 'outside/kustomization.yaml'),
      'configMapGenerator:\n  - name: leak\n    literals: [STOLEN=outside-secret-55e0]\n',
    );
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/STOLEN|outside-secret-55e0|plugin 'ConfigMap'/);
    expect(run.stdout).toMatch(/overlays\/production: not built \(/);
  });
});

describe.skipIf(!canBuildKustomize)('a kustomization that names a URL outside its remote bases', () => {
  // kustomize downloads a URL in any field it reads a file from, and Go sends a loopback address
  // past the sealed proxy: a service on the runner answered.
  it.each([
    ['a transformers entry', (url: string) => `resources: [cm.yaml]\ntransformers: [${url}/t.yaml]\n`],
    ['a patch path', (url: string) => `resources: [cm.yaml]\npatches:\n  - path: ${url}/p.yaml\n`],
    ['a generator env file', (url: string) => `configMapGenerator:\n  - name: app\n    envs: [${url}/e.env]\n`],
  ])('is not built, and nothing is downloaded: %s', async (_name, kustomization) => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.end('A=from-a-runner-service\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    atFileEnd(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: [overlays/production]\npromotion: [staging, production]\n',
      'overlays/staging/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    literals: [A=1]\n',
      'overlays/production/kustomization.yaml': kustomization(url),
      'overlays/production/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {A: "1"}\n',
    });
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(asked, 'requests the build sent to the runner').toEqual([]);
    expect(run.stdout).toMatch(/overlays\/production: not built \(.*which kustomize would download/);
  });
});

describe('a repository kubeconfig that reaches a command or a file by a way the check did not know', () => {
  // The check read the kubeconfig with one YAML reader and the client with another (js-yaml),
  // which merges `<<:` keys: what the check saw under `<<` the client took as the user's own. And
  // client-node runs an `auth-provider`'s `config.exec` (as it runs `exec`) and reads its
  // `config.tokenFile` (as `token-file`), which the check did not look for.
  const config = (kubeconfig: string) =>
    `environments:\n  staging:\n    files: [config/staging.yaml]\n  production:\n    files: [config/production.yaml]\n` +
    `    live: {kubernetes: {kubeconfig: ${kubeconfig}, namespace: payments}}\npromotion: [staging, production]\n`;
  const kube = (server: string, user: string) =>
    `apiVersion: v1\nkind: Config\ncurrent-context: x\nclusters: [{name: c, cluster: {server: "${server}", insecure-skip-tls-verify: true}}]\n` +
    `users:\n  - name: u\n    user: ${user}\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n`;
  const plugin = (marker: string) => `{apiVersion: client.authentication.k8s.io/v1, command: sh, args: [-c, "env > ${marker}; echo '{}'"]}`;

  it.each([
    ['exec behind a merge key', (exec: string) => `{<<: {exec: ${exec}}}`],
    ["an auth-provider's config.exec", (exec: string) => `{auth-provider: {name: corp, config: {exec: ${exec}}}}`],
    ['an auth-provider named exec, behind a merge key', (exec: string) => `{<<: {auth-provider: {name: exec, config: {exec: ${exec}}}}}`],
  ])('runs no credential command without --allow-exec: %s', async (_name, user) => {
    const marker = path.join(await tempDir(), 'plugin-ran');
    const repo = await repoWithFiles({
      'undrift.yaml': config('kube.yaml'),
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': 'A: 1\n',
      'kube.yaml': kube('http://127.0.0.1:9', user(plugin(marker))),
    });
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(existsSync(marker), 'the repository’s credential command ran').toBe(false);
    expect(run.stdout).toMatch(/runs a command to get credentials; commands named by the repository's configuration run only with --allow-exec/);
    expect(run.exitCode).toBe(3);
  });

  it.each([
    ['token-file behind a merge key', '{<<: {token-file: ../runner-token}}'],
    ["an auth-provider's config.tokenFile", '{auth-provider: {name: corp, config: {tokenFile: ../runner-token}}}'],
  ])('sends no file outside the repository as a bearer token: %s', async (_name, user) => {
    const token = 'runner-token-from-outside-0c41';
    const api = new FakeKubeApi({ token });
    await api.start();
    atFileEnd(() => api.stop());
    helmInstall(api, 'payments', { A: '1' });
    const repo = await repoWithFiles({
      'undrift.yaml': config('kube.yaml'),
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': 'A: 1\n',
      'kube.yaml': kube(api.url, user),
    });
    await writeFile(path.join(outsideOf(repo), 'runner-token'), token);
    const run = await scan(repo);
    expect(run.timedOut).toBe(false);
    expect(api.requests, 'requests sent with the outside file as their token').toEqual([]);
    expect(run.stdout).toMatch(/has (a token-file|an auth-provider tokenFile), which a kubeconfig in the repository may not name/);
    expect(run.exitCode).toBe(3);
  });
});

describe.skipIf(!canBuildKustomize)('a remote-base clone inside the repository that is a committed git directory', () => {
  it("reads no other repository on the machine through the committed directory's commondir", async () => {
    // A private repository elsewhere on the runner (another job's checkout), with a Kustomize base.
    const secret = await repoWithFiles({
      'base/kustomization.yaml': 'configMapGenerator:\n  - name: private\n    literals: [PRIVATE_TOKEN=other-repo-secret-91d2]\n',
    });
    const branch = (await git(secret, 'symbolic-ref', '--short', 'HEAD')).trim();
    const overlay = (ref: string) => `resources: [github.com/acme/platform//base?ref=${ref}]\n`;
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: [overlays/production]\npromotion: [staging, production]\n' +
        'kustomize:\n  remotes:\n    github.com/acme/platform: vendor/platform\n',
      'overlays/staging/kustomization.yaml': 'configMapGenerator:\n  - name: private\n    literals: [A=1]\n',
      'overlays/production/kustomization.yaml': overlay(branch),
      // Two committed files make the folder a git directory whose objects and refs are elsewhere.
      'vendor/platform/HEAD': `ref: refs/heads/${branch}\n`,
      'vendor/platform/commondir': `${path.join(secret, '.git')}\n`,
    });
    const run = await scan(repo, ['scan', '--no-history', '-f', 'json']);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.timedOut).toBe(false);
    expect(output).not.toMatch(/PRIVATE_TOKEN|other-repo-secret-91d2/);
    expect(output).toMatch(/vendor\/platform.*is not a git clone/);
  });

  it('still reads a clone made inside the repository (it has a .git of its own)', async () => {
    const platform = await repoWithFiles({
      'base/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    literals: [LEVEL=info]\n',
    });
    const branch = (await git(platform, 'symbolic-ref', '--short', 'HEAD')).trim();
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: [overlays/production]\npromotion: [staging, production]\n' +
        'kustomize:\n  remotes:\n    github.com/acme/platform: vendor/platform\n',
      'overlays/staging/kustomization.yaml': 'configMapGenerator:\n  - name: app\n    literals: [LEVEL=debug]\n',
      'overlays/production/kustomization.yaml': `resources: [github.com/acme/platform//base?ref=${branch}]\n`,
    });
    await mkdir(path.join(repo, 'vendor'), { recursive: true });
    await git(repo, 'clone', '-q', platform, 'vendor/platform');
    const run = await scan(repo, ['scan', '--no-history', '-f', 'json']);
    expect(run.timedOut).toBe(false);
    const json = JSON.parse(run.stdout) as { divergences: Array<{ key: string; values: Record<string, { repo: string | null }> }> };
    const level = json.divergences.find((d) => d.key === 'ConfigMap/app.data.LEVEL');
    expect(level?.values.production?.repo).toBe('info');
  });
});

describe("the work tree's .mailmap", () => {
  it('is not read through a symlink (to /dev/zero: half a gigabyte read and held)', async () => {
    const repo = await repoWithFiles({ 'config/staging.yaml': 'A: 1\n', 'config/production.yaml': 'A: 2\n' });
    await symlink('/dev/zero', path.join(repo, '.mailmap'));
    const run = await runUndrift(['scan'], { cwd: repo, env: { UNDRIFT_CANARY: CANARY }, timeoutMs: 90_000, maxOldSpaceMb: 384 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    // A scan of two one-line files peaks near 75 MiB; the symlink made it 630 MiB.
    expect(run.maxRssMb ?? 0, 'peak memory (MiB)').toBeLessThan(250);
  });
});

describe("apply's temporary worktree", () => {
  it('writes no edit through a committed symlink that leads outside the worktree', async () => {
    // The link's text is both a path and a YAML map (`a: ../../../../repo/real/production.yaml`,
    // `a: ..` a committed folder): read from git, it is the file apply edits; followed from the
    // checkout (<tmp>/repo/config) it stays inside; followed from the worktree, whose folder has
    // another parent ($TMPDIR/undrift-worktree-*/config), it reaches $TMPDIR/repo/real/production.yaml.
    const repo = await repoWithFiles({ 'config/staging.yaml': 'a: 1\n', 'real/production.yaml': 'a: 2\n', 'config/a: ../.keep': '' });
    await symlink('a: ../../../../repo/real/production.yaml', path.join(repo, 'config/production.yaml'));
    await git(repo, 'add', 'config/production.yaml');
    await git(repo, 'commit', '--quiet', '-m', 'production reads the shared file');
    const tmp = await tempDir();
    const victim = path.join(tmp, 'repo/real/production.yaml');
    await mkdir(path.dirname(victim), { recursive: true });
    await writeFile(victim, 'kept: true\n');
    await writeFile(path.join(outsideOf(repo), 'decisions.yaml'), '- {key: a, env: production, action: backfill, value: "1"}\n');
    const run = await runUndrift(['apply', '--decisions', '../decisions.yaml'], {
      cwd: repo,
      env: { TMPDIR: tmp, GIT_AUTHOR_NAME: 'O', GIT_AUTHOR_EMAIL: 'o@example.test', GIT_COMMITTER_NAME: 'O', GIT_COMMITTER_EMAIL: 'o@example.test' },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    expect(await readFile(victim, 'utf8'), 'the file outside the worktree').toBe('kept: true\n');
    expect(run.stderr).toMatch(/config\/production\.yaml.*symlink/);
    expect(run.exitCode).toBe(2);
  });
});

describe('the start of an unchanged re-run (the kept output of `scan -f json`)', () => {
  it('reads no file outside the repository to decide whether the inputs changed', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': 'A: 2\n',
    });
    const args = ['scan', '--no-history', '-f', 'json'];
    expect((await scan(repo, args)).exitCode).toBe(1); // keeps its output for the next run
    // A file of the kept run's inputs turned into a link to a large file outside (sparse: no disk).
    const large = path.join(outsideOf(repo), 'large.img');
    await writeFile(large, '');
    await truncate(large, 600 * 1024 * 1024);
    await rm(path.join(repo, 'config/production.yaml'));
    await symlink(large, path.join(repo, 'config/production.yaml'));
    const run = await runUndrift(args, { cwd: repo, env: { UNDRIFT_CANARY: CANARY }, timeoutMs: 90_000 });
    expect(run.stderr).toMatch(/config\/production\.yaml.*outside the repository/);
    expect(run.exitCode).toBe(2);
    // The link was read whole (600 MiB) before the full CLI refused it.
    expect(run.maxRssMb ?? 0, 'peak memory (MiB)').toBeLessThan(250);
  });
});

describe('forge.remote in undrift.yaml', () => {
  it('never reaches git as an option (--upload-pack runs a command)', async () => {
    const marker = path.join(await tempDir(), 'upload-pack-ran');
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n' +
        `forge:\n  remote: "--upload-pack=touch ${marker};"\n`,
      'config/staging.yaml': 'A: 1\n',
      'config/production.yaml': 'A: 2\n',
    });
    // A skip commits nothing: apply --push pushes the ledger alone, to forge.remote.
    await writeFile(path.join(outsideOf(repo), 'skip.yaml'), '- {key: A, env: production, action: skip}\n');
    const run = await runUndrift(['apply', '--push', '--decisions', '../skip.yaml'], {
      cwd: repo,
      env: { GIT_AUTHOR_NAME: 'O', GIT_AUTHOR_EMAIL: 'o@example.test', GIT_COMMITTER_NAME: 'O', GIT_COMMITTER_EMAIL: 'o@example.test' },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    expect(existsSync(marker), 'the command named by forge.remote ran').toBe(false);
    expect(run.stderr).toMatch(/forge\.remote/);
    expect(run.exitCode).toBe(2);
  });

  it('reaches git after `--` where a remote is pushed to or fetched from (the ledger)', async () => {
    const marker = path.join(await tempDir(), 'upload-pack-ran');
    const repo = await repoWithFiles({ 'a.txt': 'a\n' });
    await expect(pushLedger(repo, `--upload-pack=touch ${marker};`)).rejects.toThrow();
    expect(existsSync(marker), 'the command named as the remote ran').toBe(false);
  });
});

describe("a path that names git's own directory the way another filesystem spells it", () => {
  // macOS and Windows filesystems ignore case, NTFS drops trailing dots and spaces and answers to
  // the short name GIT~1, HFS+ ignores some invisible code points: each of these names `.git`
  // there (git's own verify_path refuses them all). This filesystem keeps them apart, so each is
  // a real folder here holding the canary: read, it would be printed; refused, it is named.
  const spellings = ['.GIT', '.Git', '.git.', '.git ', 'GIT~1', 'git~2', '.g\u200cit', '\ufeff.git'];
  const twoEnvs = (production: string, extra = '') =>
    `environments:\n  staging:\n    files: [config/staging.env]\n  production:\n    files: [${JSON.stringify(production)}]\n${extra}promotion: [staging, production]\n`;

  for (const dir of spellings) {
    it(`refuses ${JSON.stringify(dir)} as an environment's file, a contract and a snapshot`, async () => {
      const repo = await repoWithFiles({ 'config/staging.env': 'TOKEN=1\n' });
      await mkdir(path.join(repo, dir, 'hooks'), { recursive: true });
      await writeFile(path.join(repo, dir, 'credentials.env'), `TOKEN=${CANARY}\n`);
      await writeFile(path.join(repo, dir, 'contract.yaml'), `ignore:\n  - key: ${CANARY}\n`);
      for (const config of [
        twoEnvs(`${dir}/credentials.env`),
        twoEnvs('config/staging.env', `contract: ${JSON.stringify(`${dir}/contract.yaml`)}\n`),
        twoEnvs(`./config/../${dir}/credentials.env`),
      ]) {
        await writeFile(path.join(repo, 'undrift.yaml'), config);
        const run = await scan(repo);
        expect(run.timedOut).toBe(false);
        expect(`${run.stdout}\n${run.stderr}`).not.toContain(CANARY);
        expect(run.stderr).toContain("inside .git (git's own directory is never read as configuration)");
        expect(run.exitCode).toBe(2);
      }
      await writeFile(
        path.join(repo, 'undrift.yaml'),
        twoEnvs('config/staging.env', '').replace('production:\n', `production:\n    live: {snapshot: {path: ${JSON.stringify(`${dir}/hooks`)}}}\n`),
      );
      const snapshot = await scan(repo);
      expect(snapshot.stderr).toContain("inside .git (git's own directory is never read as configuration)");
      expect(snapshot.exitCode).toBe(2);
    });
  }
});

describe.skipIf(!canBuildKustomize)("a Kustomize overlay's history, extracted commit by commit", () => {
  // `git archive` applies the archived tree's .gitattributes: `export-subst` expands `$Format:…$`
  // (`%G?` verifies the commit's signature: a gpg, gpgsm or ssh-keygen process on bytes the pull
  // request wrote) and `filter=<driver>` runs whatever smudge filter the CI machine configures
  // (git-lfs, which fetches from the URL the repository's .lfsconfig names).
  it('runs no program the pull request names through .gitattributes', async () => {
    const oneValue = (value: string) => `# $Format:%G?$ $Format:%(describe)$\nconfigMapGenerator:\n  - name: app\n    literals: [A=${value}]\n`;
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging:\n    files: [overlays/staging]\n  production:\n    files: [overlays/production]\npromotion: [staging, production]\n',
      '.gitattributes': '* export-subst filter=undrift-canary\n',
      'overlays/staging/kustomization.yaml': oneValue('1'),
      'overlays/production/kustomization.yaml': oneValue('1'),
    });
    await writeFile(path.join(repo, 'overlays/production/kustomization.yaml'), oneValue('2'));
    await git(repo, 'add', '-A');
    // A commit carrying a signature header, as anyone can write one: verifying it runs gpg.
    const tree = (await git(repo, 'write-tree')).trim();
    const parent = (await git(repo, 'rev-parse', 'HEAD')).trim();
    const signed =
      `tree ${tree}\nparent ${parent}\nauthor A <a@example.test> 1700000000 +0000\ncommitter A <a@example.test> 1700000000 +0000\n` +
      'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nproduction: A=2\n';
    const bin = await tempDir('undrift-bin-');
    await writeFile(path.join(bin, 'object'), signed);
    const commit = (await git(repo, 'hash-object', '-t', 'commit', '-w', path.join(bin, 'object'))).trim();
    await git(repo, 'reset', '--quiet', '--hard', commit);
    // The programs git would run: each leaves a mark where it ran.
    const mark = path.join(bin, 'ran');
    for (const name of ['gpg', 'gpgsm', 'ssh-keygen', 'undrift-canary-filter'])
      await writeFile(path.join(bin, name), `#!/bin/sh\necho ${name} >> ${JSON.stringify(mark)}\ncat\n`, { mode: 0o755 });
    const run = await runUndrift(['scan'], {
      cwd: repo,
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        // The CI machine's own git configuration: a filter driver the checkout's attributes can name.
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'filter.undrift-canary.smudge',
        GIT_CONFIG_VALUE_0: 'undrift-canary-filter',
      },
      timeoutMs: 90_000,
    });
    expect(run.timedOut).toBe(false);
    expect(existsSync(mark) ? await readFile(mark, 'utf8') : '', 'programs run through .gitattributes').toBe('');
    // Both overlays were built, at each commit: the divergence is read, and nothing went unbuilt.
    expect(run.stdout).toMatch(/\bA\b/);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/not built/);
    expect([0, 1]).toContain(run.exitCode);
  });
});
