import { PULL_REQUEST_MARKERS } from '../../src/config/pull-request-job.js';

/** The environment without what makes a run a pull request's CI job: the suite may run in one,
 * and a run it starts is a pull request's only when a test says so (test/hostile/pull-request-job.test.ts). */
export function outsidePullRequest(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && !PULL_REQUEST_MARKERS.includes(entry[0])),
  );
}
