// One application.yml whose `---` documents are the environments' profiles: session 27's apply
// refused "prod has no file of its own after it" where the value sits in prod's own profile
// document. Apply edits that document in place (a new key goes there too), through the temporary
// worktree, and leaves every other document byte for byte; through the real binary.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, repoFromScenario, runUndrift } from '../support/repo.js';
import { ONCALL_IDENTITY } from '../support/demo-repo.js';

const FILE = 'src/main/resources/application.yml';
const SHARED = '# shared by every profile\nserver:\n  port: 8080\npool:\n  size: 10\n';
const STAGING = '---\nspring:\n  config:\n    activate:\n      on-profile: staging\npool:\n  size: 10   # staging keeps the default\n';
const PROD = (size: string) => `---\nspring:\n  config:\n    activate:\n      on-profile: prod\npool:\n  size: ${size}\nfeature:\n  beta: "on"\n`;
const LOCAL = '---\nspring.config.activate.on-profile: "!prod"\nlogging.level.root: DEBUG\n';

async function springRepo(): Promise<string> {
  return repoFromScenario({
    commits: [
      {
        at: '2026-03-02T09:00:00Z',
        author: 'ana',
        message: 'one application.yml, a document per profile',
        write: { [FILE]: SHARED + STAGING + PROD('10') + LOCAL },
      },
      { at: '2026-03-05T22:10:00Z', author: 'ben', message: 'prod: pool 40 during the import', write: { [FILE]: SHARED + STAGING + PROD('40') + LOCAL } },
    ],
  });
}

describe("a value in an environment's own Spring profile document", () => {
  it('is edited in that document, the other documents byte-identical, the work tree untouched', async () => {
    const repo = await springRepo();
    await writeFile(
      path.join(repo, '..', 'decisions.yaml'),
      [
        '- {key: pool.size, env: prod, action: revert, value: "10"}',
        // Set only in the shared document: written into prod's own, not into every profile's.
        '- {key: server.port, env: prod, action: backfill, value: "9090"}',
        '- {key: feature.beta, env: staging, action: backfill, value: "on"}',
        '',
      ].join('\n'),
    );
    const run = await runUndrift(['apply', '--decisions', '../decisions.yaml', '--branch', 'profiles', '--no-live'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(run.exitCode, run.stderr).toBe(0);
    const after = `${await git(repo, 'show', `profiles:${FILE}`)}\n`;
    // staging's goes into its own document, not the `!prod` one (every profile but prod's).
    expect(after).toBe(SHARED + STAGING + 'feature:\n  beta: "on"\n' + PROD('10') + 'server:\n  port: 9090\n' + LOCAL);
    // The documents not decided on are the bytes they were.
    expect(after.startsWith(SHARED)).toBe(true);
    expect(after.endsWith(LOCAL)).toBe(true);
    expect(await readFile(path.join(repo, FILE), 'utf8')).toBe(SHARED + STAGING + PROD('40') + LOCAL);
    // The branch reads as decided: prod's pool is 10 again and its port 9090; staging's port is still the shared 8080.
    await git(repo, 'checkout', '-q', 'profiles');
    const scan = JSON.parse((await runUndrift(['explain', 'server.port', '--json', '--no-history'], { cwd: repo })).stdout);
    expect([scan.values.staging.repo, scan.values.prod.repo]).toEqual(['8080', '9090']);
  });

  it("is taken out of prod's document where nothing beneath sets it, and refused where the shared document would show through", async () => {
    const repo = await springRepo();
    await writeFile(path.join(repo, '..', 'remove.yaml'), '- {key: feature.beta, env: prod, action: revert, value: null}\n');
    const removed = await runUndrift(['apply', '--decisions', '../remove.yaml', '--branch', 'no-beta', '--no-live'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(removed.exitCode, removed.stderr).toBe(0);
    expect(`${await git(repo, 'show', `no-beta:${FILE}`)}\n`).toBe(SHARED + STAGING + PROD('40').replace('feature:\n  beta: "on"\n', '') + LOCAL);
    await writeFile(path.join(repo, '..', 'reveal.yaml'), '- {key: pool.size, env: prod, action: revert, value: null}\n');
    const refused = await runUndrift(['apply', '--decisions', '../reveal.yaml', '--no-live'], { cwd: repo, env: ONCALL_IDENTITY });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`removing pool.size from ${FILE} would not remove it from prod: ${FILE} sets it beneath`);
  });
});
