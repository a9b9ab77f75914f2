import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/actions/apply.js';
import { scanRepository } from '../../src/engine.js';
import type { Decision } from '../../src/model/types.js';
import { isolatedGitEnv } from '../../src/scenario/build.js';
import { ONCALL_IDENTITY, scenarioRepo } from '../support/demo-repo.js';

const DECISIONS: Decision[] = [
  { key: 'PAYMENT_GATEWAY_TIMEOUT_MS', env: 'production', action: 'backfill', value: '10000' },
  { key: 'PG_CLIENT_VERSION', env: 'staging', action: 'revert', value: '15.1' },
];

describe("apply's steps, as the interactive view shows them", () => {
  // One scan and one apply of the demo: about 2 s idle, 5–6 s on the loaded 2-core machine.
  it('says each commit as it is made: the branch (made last) does not exist yet when the commits are said', async () => {
    const repo = await scenarioRepo();
    const scan = await scanRepository({ repo, history: false, live: false, today: '2026-12-01' });
    const decisions = DECISIONS.map((d) => ({ ...d, divergence: scan.divergences.find((x) => x.key === d.key && x.kind === 'cross-env')!.id }));
    // What the repository holds at the moment each line is said (read at once, synchronously).
    const said: Array<{ line: string; branches: string }> = [];
    const branches = () =>
      execFileSync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads/undrift/'], { cwd: repo, env: isolatedGitEnv(), encoding: 'utf8' }).trim();
    await applyDecisions(scan, decisions, {
      today: '2026-12-01',
      env: { ...process.env, ...ONCALL_IDENTITY },
      onStep: (line) => said.push({ line, branches: branches() }),
    });
    const commits = said.filter((s) => /^commit \d\/2: [0-9a-f]{7} /.test(s.line));
    expect(commits.map((s) => s.line.slice(0, 10))).toEqual(['commit 1/2', 'commit 2/2']);
    for (const s of commits) expect(s.branches).toBe('');
    const made = said.find((s) => s.line.startsWith('branch undrift/'));
    expect(made?.branches).toMatch(/^undrift\/2026-12-01-/);
    expect(said.indexOf(commits[1]!)).toBeLessThan(said.indexOf(made!));
  });
});
