import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import { runCli } from '../support/cli.js';
import { git, repoWithFiles } from '../support/repo.js';

// A values file left mid-merge by git: the scan names the conflict, not the indentation or the
// dotenv syntax its markers break ("line 3 is read as the rest of line 2's text ... indent it").
describe('a file left with merge conflict markers', () => {
  it('YAML, .env and JSON each say where the unresolved conflict starts', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [config/staging.yaml, .env.staging, config/staging.json]}\n' +
        '  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'a: 1\nb: 2\n',
      'config/production.yaml': 'a: 1\nb: 2\n',
      '.env.staging': 'A=1\nB=2\n',
      'config/staging.json': '{\n  "c": 1\n}\n',
    });
    const gitEnv = { ...isolatedGitEnv(), GIT_AUTHOR_DATE: '2026-01-06T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-06T10:00:00Z' };
    const run = (...args: string[]) => execa('git', args, { cwd: repo, env: gitEnv, reject: false });
    await git(repo, 'checkout', '-q', '-b', 'feature');
    await writeFile(path.join(repo, 'config/staging.yaml'), 'a: 1\nb: 3\n');
    await writeFile(path.join(repo, '.env.staging'), 'A=1\nB=3\n');
    await writeFile(path.join(repo, 'config/staging.json'), '{\n  "c": 3\n}\n');
    await run('commit', '-qam', 'feature values');
    await git(repo, 'checkout', '-q', '-');
    await writeFile(path.join(repo, 'config/staging.yaml'), 'a: 1\nb: 4\n');
    await writeFile(path.join(repo, '.env.staging'), 'A=1\nB=4\n');
    await writeFile(path.join(repo, 'config/staging.json'), '{\n  "c": 4\n}\n');
    await run('commit', '-qam', 'main values');
    const merge = await run('merge', 'feature');
    expect(merge.exitCode).not.toBe(0);
    expect(await readFile(path.join(repo, 'config/staging.yaml'), 'utf8')).toMatch(/^a: 1\n<<<<<<< HEAD\n/);

    const said = async () => (await runCli(['scan', '--no-history'], { cwd: repo })).stderr;
    expect(await said()).toBe('undrift: config/staging.yaml:2:1: an unresolved merge conflict (<<<<<<< ... >>>>>>>): resolve it, then run undrift again');
    await git(repo, 'checkout', '--theirs', 'config/staging.yaml');
    expect(await said()).toBe('undrift: .env.staging:2:1: an unresolved merge conflict (<<<<<<< ... >>>>>>>): resolve it, then run undrift again');
    await git(repo, 'checkout', '--theirs', '.env.staging');
    expect(await said()).toBe('undrift: config/staging.json:2:1: an unresolved merge conflict (<<<<<<< ... >>>>>>>): resolve it, then run undrift again');
    await git(repo, 'checkout', '--theirs', 'config/staging.json');
    // Resolved (to the feature's values): read again, staging's b and c now differ from production.
    const resolved = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(resolved.stderr).toBe('');
    expect(resolved.exitCode).toBe(1);
  });

  it('a block scalar that holds marker-like lines as text is read as any other', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: {files: [staging.yaml]}\n  production: {files: [production.yaml]}\n',
      'staging.yaml': 'note: |\n  <<<<<<< HEAD\n  =======\n  >>>>>>> x\n',
      'production.yaml': 'note: |\n  <<<<<<< HEAD\n  =======\n  >>>>>>> x\n',
    });
    const scan = await runCli(['scan', '--no-history'], { cwd: repo });
    expect(scan.stderr).toBe('');
    expect(scan.exitCode).toBe(0);
  });
});
