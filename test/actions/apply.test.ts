import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { scanRepository } from '../../src/engine.js';
import { git, repoWithFiles } from '../support/repo.js';

describe('apply over a work tree that differs from HEAD', () => {
  it('says which files the scan read with uncommitted changes, since the branch is made from the committed ones', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml':
        'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n',
      'config/staging.yaml': 'TIMEOUT: 2\n',
      'config/production.yaml': 'TIMEOUT: 1\n',
      'NOTES.md': 'notes\n',
    });
    // Staging's 3 is in the work tree only: backfilled into production, it lands on a branch where
    // staging still says 2. Nothing said so.
    await writeFile(path.join(repo, 'config/staging.yaml'), 'TIMEOUT: 3\n');
    await writeFile(path.join(repo, 'NOTES.md'), 'other work\n');
    const notices: string[] = [];
    const scan = await scanRepository({ repo, live: false, today: '2026-12-01', historyCache: false });
    const outcome = await applyDecisions(scan, [{ key: 'TIMEOUT', env: 'production', action: 'backfill' }], {
      today: '2026-12-01',
      env: process.env,
      onNotice: (line) => notices.push(line),
    });
    expect(notices).toEqual([
      'config/staging.yaml has uncommitted changes: the scan read it as in your work tree, but the branch is made from the committed files (HEAD), ' +
        'not from your uncommitted edit; your work tree is not touched (the commits are written in a temporary worktree). Commit first if a decision rests on its values',
    ]);
    const branch = outcome.commit!.branch;
    expect(await git(repo, 'show', `${branch}:config/production.yaml`)).toBe('TIMEOUT: 3');
    expect(await git(repo, 'show', `${branch}:config/staging.yaml`)).toBe('TIMEOUT: 2');
  });
});
