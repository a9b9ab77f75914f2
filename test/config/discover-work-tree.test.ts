import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { repoWithFiles } from '../support/repo.js';

// Discovery read the index's file list: a tracked file renamed or deleted in the work tree, the
// change not staged, was still offered, and every command failed on it
// (`undrift: config/stage.yaml: no such file or directory`, a newcomer's trial, session 32).

describe('discovery over a work tree that differs from the index', () => {
  it('finds the files as renamed in the work tree, not the names git still tracks', async () => {
    const repo = await repoWithFiles({ 'config/stage.yaml': 'a: 1\nb: x\n', 'config/prod.yaml': 'a: 2\nb: x\n' });
    await rename(path.join(repo, 'config/stage.yaml'), path.join(repo, 'config/staging.yaml'));
    await rename(path.join(repo, 'config/prod.yaml'), path.join(repo, 'config/production.yaml'));
    const result = await runCli(['scan', '--no-history', '--format', 'json'], { cwd: repo });
    expect(result.stderr).not.toContain('no such file');
    const scan = JSON.parse(result.stdout) as { environments: string[]; divergences: Array<{ key: string }> };
    expect(scan.environments).toEqual(['staging', 'production']);
    expect(scan.divergences.map((d) => d.key)).toEqual(['a']);
  });

  it('leaves out an environment whose only file was deleted in the work tree', async () => {
    const repo = await repoWithFiles({
      'config/dev.yaml': 'a: 0\n',
      'config/staging.yaml': 'a: 1\n',
      'config/production.yaml': 'a: 2\n',
    });
    await rm(path.join(repo, 'config/dev.yaml'));
    const result = await runCli(['scan', '--no-history', '--format', 'json'], { cwd: repo });
    expect(result.stderr).not.toContain('no such file');
    expect((JSON.parse(result.stdout) as { environments: string[] }).environments).toEqual(['staging', 'production']);
  });
});
