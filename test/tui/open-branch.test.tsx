import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { ledgerLines } from '../../src/tui/run.js';
import { openChangeNote } from '../../src/wording/open-branch.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';
import { renderAt } from '../support/ink.js';
import { git, repoFromScenario, runUndrift, tempDir } from '../support/repo.js';

// A key with an open undrift branch (an earlier apply, not merged) was said "open, not merged
// yet" whatever the checkout did since: the branch may set what the checkout already has, or have
// been made over a value the checkout has changed since.

const AT = (iso: string) => ({ ...ONCALL_IDENTITY, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });
const CONFIG = 'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n';

async function commit(repo: string, files: Record<string, string>, message: string, at: string) {
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(repo, file), text);
  await git(repo, '-c', 'user.name=Ben Ode', '-c', 'user.email=ben@example.test', 'commit', '--quiet', `--date=${at}`, '-am', message);
}

/** The view over the repository's real scan and ledger, the way `undrift` wires them. */
async function view(repo: string) {
  const scan = await scanRepository({ repo, history: false, today: '2026-12-05' });
  const controller = createController(
    { persist: () => {}, onExit: () => {}, load: async () => {}, ledger: (ds) => ledgerLines(repo, ds) },
    {
      repoName: 'clone',
      envs: scan.snapshot.environments,
      promotion: scan.config.promotion,
      divergences: scan.divergences,
      size: () => ({ columns: 160, rows: 40 }),
    },
  );
  controller.start();
  return renderAt(<App controller={controller} />, 160, 40);
}

describe("an open branch's change against the checkout now", () => {
  it('the view and undrift log say when the checkout already has the branch’s value, or changed since it was made', async () => {
    const origin = await repoFromScenario({
      commits: [
        {
          at: '2026-11-02T09:00:00Z',
          author: 'ana',
          message: 'Add config',
          write: { 'undrift.yaml': CONFIG, 'config/staging.yaml': 'env:\n  TIMEOUT_MS: 8000\n', 'config/production.yaml': 'env:\n  TIMEOUT_MS: 5000\n' },
        },
      ],
    });
    const decisions = path.join(path.dirname(origin), 'decisions.yaml');
    await writeFile(decisions, '- {key: env.TIMEOUT_MS, env: production, action: backfill}\n');
    const made = await runUndrift(['apply', '--decisions', decisions], { cwd: origin, env: AT('2026-12-01T10:00:00Z') });
    expect(made.exitCode).toBe(0);
    const branch = /^branch (undrift\/\S+) /m.exec(made.stdout)![1]!;
    const clone = path.join(await tempDir(), 'clone');
    await git(path.dirname(clone), 'clone', '--quiet', origin, clone);

    // Nothing moved: the branch still changes what it changed.
    const first = await view(clone);
    await first.waitFor(`backfill on origin/${branch} · open, not merged yet (2026-12-01, Oncall Person)`);
    expect(first.frame()).not.toContain('main now has');
    expect(first.frame()).not.toContain('changed since');
    first.instance.unmount();

    // Someone set production to 8000 by hand (with a comment: not a copy of the branch's change),
    // and staging moved on: the row is still a divergence, the branch would change nothing.
    await commit(
      clone,
      { 'config/production.yaml': '# as staging\nenv:\n  TIMEOUT_MS: 8000\n', 'config/staging.yaml': 'env:\n  TIMEOUT_MS: 9000\n' },
      'Prod 8000, staging 9000',
      '2026-12-03T09:00:00Z',
    );
    const same = await view(clone);
    await same.waitFor(`backfill on origin/${branch} · open, not merged yet (2026-12-01, Oncall Person) · sets 8000, main now has 8000`);
    same.instance.unmount();
    const log = await runUndrift(['log'], { cwd: clone });
    expect(log.stdout).toContain(`(open on origin/${branch}; Oncall Person) · sets 8000, main now has 8000`);

    // Production changed again: the branch was made over 5000.
    await commit(clone, { 'config/production.yaml': '# as staging\nenv:\n  TIMEOUT_MS: 7000\n' }, 'Prod 7000', '2026-12-04T09:00:00Z');
    const moved = await view(clone);
    await moved.waitFor('· sets 5000 → 8000, main changed since (now 7000)');
    moved.instance.unmount();
    expect((await runUndrift(['log'], { cwd: clone })).stdout).toContain(
      `(open on origin/${branch}; Oncall Person) · sets 5000 → 8000, main changed since (now 7000)`,
    );
  });

  it('never says a secret’s value, and says nothing while the branch still changes what it changed', () => {
    const c = { key: 'DB_PASSWORD', file: '.env.production', before: 'fp:1', after: 'fp:2', now: 'fp:3', secret: true };
    expect(openChangeNote([c], 'main')).toBe('sets a new secret value, main changed since');
    expect(openChangeNote([{ ...c, now: 'fp:2' }], 'main')).toBe('sets a new secret value, main now has the same');
    expect(openChangeNote([{ ...c, secret: false, now: 'fp:1' }], 'main')).toBeUndefined();
    const plain = { key: 'TIMEOUT_MS', file: '.env.production', before: null, after: '8000', now: '7000', secret: false };
    expect(openChangeNote([plain], 'trunk')).toBe('sets (none) → 8000, trunk changed since (now 7000)');
    expect(openChangeNote([{ ...plain, now: null }], 'trunk')).toBeUndefined();
  });
});
