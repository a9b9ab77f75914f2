// The view's A: a file the scan read with uncommitted changes was named only after the branch was
// made (a newcomer's trial, session 23); the confirmation never said the branch is made from HEAD,
// not from the edit on screen. It is said on the summary, before anything can be confirmed.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions, uncommittedReads } from '../../src/actions/apply.js';
import { planDecisions } from '../../src/actions/plan.js';
import { scanRepository } from '../../src/engine.js';
import { App } from '../../src/tui/App.js';
import { createController } from '../../src/tui/controller.js';
import { renderAt } from '../support/ink.js';
import { git, repoWithFiles } from '../support/repo.js';

const ENTER = '\r';
const IDENTITY = { GIT_AUTHOR_NAME: 'Ana Lima', GIT_AUTHOR_EMAIL: 'ana@example.test', GIT_COMMITTER_NAME: 'Ana Lima', GIT_COMMITTER_EMAIL: 'ana@example.test' };

/** `late`: the files' lines are still being read when A is pressed (a values-only read shows the
 * list first): the plan is unknown and the check waits until `linesRead` is called. */
async function view(dirty: boolean, late = false) {
  const repo = await repoWithFiles({
    'undrift.yaml':
      'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n',
    'config/staging.yaml': 'TIMEOUT: 2\n',
    'config/production.yaml': 'TIMEOUT: 1\n',
  });
  // Staging's 3 is in the work tree only.
  if (dirty) await writeFile(path.join(repo, 'config/staging.yaml'), 'TIMEOUT: 3\n');
  const scan = await scanRepository({ repo, live: false, today: '2026-12-01', historyCache: false });
  const steps: string[] = [];
  let read = !late;
  let linesRead = () => {};
  const lines = new Promise<void>((resolve) => (linesRead = () => ((read = true), resolve())));
  const controller = createController(
    {
      persist: () => {},
      onExit: () => {},
      plan: (d) => (read ? planDecisions(scan, d) : undefined),
      uncommitted: () => lines.then(() => uncommittedReads(scan)),
      apply: async (decisions, hooks) => {
        const outcome = await applyDecisions(scan, decisions, {
          today: '2026-12-01',
          env: { ...process.env, ...IDENTITY },
          onStep: (line) => (steps.push(line), hooks.step(line)),
          onNotice: (line) => (steps.push(line), hooks.step(line)),
        });
        return `applied: branch ${outcome.commit!.branch}`;
      },
    },
    {
      repoName: 'app',
      envs: scan.snapshot.environments,
      promotion: scan.config.promotion,
      divergences: scan.divergences,
      size: () => ({ columns: 160, rows: 45 }),
    },
  );
  controller.start();
  const term = renderAt(<App controller={controller} />, 160, 45);
  if (!late) linesRead();
  return { ...term, repo, steps, linesRead, flat: () => term.frame().replace(/\s+/g, ' ') };
}

describe("the view's apply summary over a work tree that differs from HEAD", () => {
  it('names the file and says the branch is made from HEAD before the confirmation; the work tree stays as it was', async () => {
    const { press, flat, repo, steps } = await view(true);
    await press('d', /Declare TIMEOUT intended/);
    await press('each environment its own timeout', /each environment its own timeout/);
    await press(ENTER, /1 decided/);
    await press('A', /Apply these decisions\?/);
    expect(flat()).toContain(
      '⚠ config/staging.yaml has uncommitted changes: the scan read it as in your work tree, ' +
        'but the branch is made from the committed files (HEAD), not from your uncommitted edit; your work tree is not touched',
    );
    await press('production', /> production▏/);
    await press(ENTER, /applied: branch undrift\//);
    // Apply says it again before it writes, not after the branch is made.
    const warned = steps.findIndex((s) => s.includes('has uncommitted changes'));
    expect(warned).toBeGreaterThanOrEqual(0);
    expect(warned).toBeLessThan(steps.findIndex((s) => s.startsWith('writing ')));
    expect(await git(repo, 'diff', '--name-only')).toBe('config/staging.yaml');
  });

  it('says nothing of it where the work tree is clean', async () => {
    const { press, flat } = await view(false);
    await press('d', /Declare TIMEOUT intended/);
    await press('each environment its own timeout', /each environment its own timeout/);
    await press(ENTER, /1 decided/);
    await press('A', /Apply these decisions\?/);
    expect(flat()).not.toContain('uncommitted');
  });

  // On-call presses A the moment the list shows, before the files' lines are read (a busy machine):
  // the summary waits for them, then names the commits and the uncommitted file.
  it("pressed before the files' lines are read: says the summary follows, then shows it with its commits and the warning", async () => {
    const { press, flat, linesRead, waitFor } = await view(true, true);
    await press('d', /Declare TIMEOUT intended/);
    await press('each environment its own timeout', /each environment its own timeout/);
    await press(ENTER, /1 decided/);
    await press('A', /the summary follows/);
    expect(flat()).not.toContain('Apply these decisions?');
    linesRead();
    await waitFor(/Apply these decisions\?/);
    expect(flat()).toContain('config/staging.yaml has uncommitted changes');
    expect(flat()).not.toContain("known once the files' lines are read");
  });
});
