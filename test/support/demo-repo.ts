import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { inject } from 'vitest';
import { buildScenario } from '../../src/scenario/build.js';
import { loadScenario } from '../../src/scenario/scenario.js';
import { tempDir } from './repo.js';

const built = new Map<string, Promise<string>>();

/** The repository of a story under fixtures/scenarios, built once per test run and shared by
 * every worker: replaying the demo's 34 commits runs about a hundred git processes, a copy one. */
async function template(name: string): Promise<string> {
  const cache = inject('scenarioCache');
  const done = path.join(cache, name);
  if (
    await stat(done).then(
      () => true,
      () => false,
    )
  )
    return done;
  // Built aside and renamed into place: a rename is atomic, so a worker sees a whole repository
  // or none, and when two workers build at once the second one's copy is dropped.
  const building = await mkdtemp(path.join(cache, `${name}.building-`));
  await buildScenario(await loadScenario(name), building);
  await rename(building, done).catch(async () => rm(building, { recursive: true, force: true }));
  return done;
}

/** A fresh copy of a story's repository (the payment-service demo by default), with the story's
 * commits, authors and dates; each call gets its own, to change as it likes. It sits alone in its
 * temporary directory, so files a test writes beside it (`../decisions.yaml`) are its own too. */
export async function scenarioRepo(name = 'payment-service'): Promise<string> {
  let from = built.get(name);
  if (!from) built.set(name, (from = template(name)));
  const dir = path.join(await tempDir(), name);
  await execa('cp', ['-a', await from, dir]);
  return dir;
}

/** Who runs `undrift apply` on the demo in the tests: a person of its own, with no global git
 * configuration, so the commits apply makes are told apart from the story's. */
export const ONCALL_IDENTITY = {
  GIT_AUTHOR_NAME: 'Oncall Person',
  GIT_AUTHOR_EMAIL: 'oncall@example.test',
  GIT_COMMITTER_NAME: 'Oncall Person',
  GIT_COMMITTER_EMAIL: 'oncall@example.test',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** The on-call decisions on the demo's three headline divergences: a backfill, a declaration and
 * a revert (three commits on one branch). */
export const DEMO_DECISIONS = `- {key: PAYMENT_GATEWAY_TIMEOUT_MS, env: production, action: backfill, value: "10000"}
- {key: NEW_AUTH_FLOW, action: declare, reason: "rollout until Q1", owner: auth-team, expires: 2027-03-31}
- {key: PG_CLIENT_VERSION, env: staging, action: revert}
`;
