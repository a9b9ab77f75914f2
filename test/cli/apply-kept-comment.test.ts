// apply writes a value through the layout-keeping editor (actions/edit.ts), which the scenario
// builder's set: shares: a line's own comment stays, also where the value was empty.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { git, repoWithFiles } from '../support/repo.js';

describe('apply on a line with a comment', () => {
  it('an empty value with a comment (`TIMEOUT_MS: # raised for INC-12`) takes the value and keeps the comment, where the edit read back as "3000# raised…" and apply failed', async () => {
    const repo = await repoWithFiles({
      'undrift.yaml': 'environments:\n  staging: config/staging.yaml\n  production: config/production.yaml\npromotion: [staging, production]\n',
      'config/staging.yaml': 'TIMEOUT_MS: 3000 # raised for INC-12\nLOG_LEVEL: warn\n',
      'config/production.yaml': 'TIMEOUT_MS: # raised for INC-12\nLOG_LEVEL: warn\n',
    });
    await writeFile(path.join(repo, '..', 'decisions.yaml'), '- {key: TIMEOUT_MS, env: production, action: backfill, value: "3000"}\n');
    const run = await runCli(['apply', '--decisions', '../decisions.yaml'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const branch = /^branch (undrift\/\S+) \(from/m.exec(run.stdout)![1]!;
    expect(await git(repo, 'show', `${branch}:config/production.yaml`)).toBe('TIMEOUT_MS: 3000 # raised for INC-12\nLOG_LEVEL: warn');
  });
});
