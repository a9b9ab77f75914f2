// An unchanged re-run of `scan --format json` is answered before the CLI loads, from a key of the
// raw inputs (src/sources/repo/start-key.ts, src/cli/kept-start.ts): the same bytes and exit code
// as the run that kept them, and the full path as soon as any input differs. One repository,
// changed in turn; the scans run in-process, then once through the binary.
import { rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { keptStart } from '../../src/cli/kept-start.js';
import { runCli } from '../support/cli.js';
import { git, repoFromScenario, runUndrift } from '../support/repo.js';

const FILES = {
  'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\n',
  'config/staging.yaml': 'replicas: 2\nimage:\n  tag: v2\n',
  'config/production.yaml': 'replicas: 5\nimage:\n  tag: v1\n',
};
const ARGV = ['scan', '--format', 'json'];
let repo: string;

/** Files written by this test are dated an hour back: a scan does not trust a file modified in
 * the 2 s before it ended (it may have read the version before). */
const backdate = (...files: string[]) =>
  Promise.all(files.map((f) => utimes(path.join(repo, f), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))));
const write = async (file: string, text: string) => {
  await writeFile(path.join(repo, file), text);
  await backdate(file);
};

/** What the kept start writes, or undefined when the CLI must run. */
async function started(argv = ARGV, today?: string): Promise<{ stdout: string; stderr: string; exitCode: number } | undefined> {
  const kept = await keptStart(argv, repo, process.env, today);
  if (!kept) return undefined;
  const sink = () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(Buffer.from(chunk)), done()) });
    return { stream, text: () => Buffer.concat(chunks).toString('utf8').replace(/\n$/, '') };
  };
  const [out, err] = [sink(), sink()];
  const exitCode = await kept.writeTo(out.stream, err.stream);
  return { stdout: out.text(), stderr: err.text(), exitCode };
}

beforeAll(async () => {
  repo = await repoFromScenario({ commits: [{ at: '2026-01-05T10:00:00Z', author: 'ana', message: 'initial', write: FILES }] });
  // git wrote its config when it made the repository: an input too (what git's log says).
  await backdate(...Object.keys(FILES), '.git/config');
});

it('an unchanged re-run is written from its raw inputs; any changed input runs the scan', async () => {
  expect(await started()).toBeUndefined(); // nothing kept yet
  const first = await runCli(ARGV, { cwd: repo });
  expect(first.exitCode).toBe(1); // drift: replicas and image.tag
  expect(await started()).toEqual({ stdout: first.stdout, stderr: first.stderr, exitCode: first.exitCode });

  // Each input, changed alone: the command line, the day, a file's bytes (uncommitted), the
  // configuration, a contract that appears, a new commit.
  expect(await started(['scan', '--json'])).toBeUndefined();
  expect(await started(ARGV, '2099-01-01')).toBeUndefined();
  // A trusted config's ref may move while HEAD stays: its run is never answered from a kept output.
  const trusted = [...ARGV, '--trusted-config', 'HEAD'];
  expect((await runCli(trusted, { cwd: repo })).exitCode).toBe(1);
  expect(await started(trusted)).toBeUndefined();
  expect(await keptStart(ARGV, repo, { ...process.env, UNDRIFT_TRUSTED_CONFIG: 'HEAD' })).toBeUndefined();
  expect((await runCli(ARGV, { cwd: repo })).exitCode).toBe(1); // kept under the plain command again
  await write('config/production.yaml', 'replicas: 2\nimage:\n  tag: v1\n');
  expect(await started()).toBeUndefined();
  await write('config/production.yaml', FILES['config/production.yaml']);
  expect(await started()).toBeDefined(); // the same bytes again
  await write('undrift.yaml', `${FILES['undrift.yaml']}# a comment\n`);
  expect(await started()).toBeUndefined();
  await write('undrift.yaml', FILES['undrift.yaml']);
  await write('config/expected-env-diff.yaml', 'expected: []\n');
  expect(await started()).toBeUndefined();
  await rm(path.join(repo, 'config/expected-env-diff.yaml'));
  expect(await started()).toBeDefined();
  await git(repo, 'commit', '-q', '--allow-empty', '-m', 'nothing changed but HEAD');
  expect(await started()).toBeUndefined();

  // A file modified just before a scan, that no kept output named when the scan began, may not be
  // what it read: nothing is recorded. Once it is older, the output kept under the engine's key is
  // kept again with a record.
  await rm(path.join(repo, '.git/undrift/scan-output'));
  await writeFile(path.join(repo, 'config/staging.yaml'), 'replicas: 3\nimage:\n  tag: v2\n');
  const edited = await runCli(ARGV, { cwd: repo });
  expect(edited.stdout).toContain('"3"');
  expect(await started()).toBeUndefined();
  await backdate('config/staging.yaml');
  const again = await runCli(ARGV, { cwd: repo });
  expect(again.stdout).toBe(edited.stdout);
  expect(await started()).toEqual({ stdout: edited.stdout, stderr: edited.stderr, exitCode: edited.exitCode });
  // One the kept output named is hashed before the scan and after it: the same bytes, recorded at once.
  await writeFile(path.join(repo, 'config/staging.yaml'), 'replicas: 4\nimage:\n  tag: v2\n');
  const quick = await runCli(ARGV, { cwd: repo });
  expect(quick.stdout).toContain('"4"');
  expect(await started()).toEqual({ stdout: quick.stdout, stderr: quick.stderr, exitCode: quick.exitCode });
});

it('the binary writes the kept output with the same bytes and exit code', async () => {
  // The built code has its own key (the code is part of it): one full run, then the kept start.
  const full = await runUndrift(ARGV, { cwd: repo });
  const kept = await runUndrift(ARGV, { cwd: repo });
  expect(full.stdout.length).toBeGreaterThan(100);
  expect(kept).toMatchObject({ stdout: full.stdout, stderr: full.stderr, exitCode: full.exitCode });
});
