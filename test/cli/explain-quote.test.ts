import { describe, expect, it } from 'vitest';
import { repoFromScenario } from '../support/repo.js';
import { runCli } from '../support/cli.js';

// `explain` said `ca3486c says the change is temporary ("Temporary"): "Raise the staging pool to 50"`:
// the body's one word beside the subject, repeating the claim. It quotes the passage that says so,
// or nothing when the word is all the body says.

const CONFIG = 'environments:\n  staging: {files: [config/staging.yaml]}\n  production: {files: [config/production.yaml]}\npromotion: [staging, production]\n';

async function reasonsFor(body: string): Promise<string[]> {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2026-11-02T09:00:00Z',
        author: 'ana',
        message: 'Add config',
        write: { 'undrift.yaml': CONFIG, 'config/staging.yaml': 'db:\n  pool: 10\n', 'config/production.yaml': 'db:\n  pool: 10\n' },
      },
      { at: '2026-11-20T09:00:00Z', author: 'ben', message: `Raise the staging pool to 50\n\n${body}`, set: { 'config/staging.yaml': { 'db.pool': 50 } } },
    ],
  });
  const run = await runCli(['explain', 'db.pool', '--today', '2026-12-01'], { cwd: repo });
  expect(run.exitCode).toBe(0);
  return run.stdout.split('\n').filter((l) => l.includes('says the change is temporary'));
}

describe('explain quotes the passage that says a change is temporary', () => {
  it('a body of one word: the claim and the subject, no bare word quoted', async () => {
    expect(await reasonsFor('Temporary.')).toEqual([expect.stringMatching(/^ {2}- [0-9a-f]{7} says the change is temporary: "Raise the staging pool to 50"$/)]);
  });

  it('a body that says more: the words around it', async () => {
    const [line] = await reasonsFor('Temporary. Back to 10 once the checkout load test is done.');
    expect(line).toMatch(/ says the change is temporary \("Temporary\. Back to 10 once the checkout…"\)/);
    expect(line).toMatch(/: "Raise the staging pool to 50"$/);
  });
});
