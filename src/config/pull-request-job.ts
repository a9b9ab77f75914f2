// Whether undrift runs in a CI job for a pull request (or merge request), told from the variables
// each CI sets for one. There the checkout's undrift.yaml is the pull request's: without
// --trusted-config naming the configuration to trust, what lets it reach outside the repository
// on the CI machine (running the commands it names, reading the git clones it names) is not taken,
// whatever the job's command line asks. A local run, a push to a branch and a scheduled job are
// not pull requests: nothing changes there.

/** A pull request's CI job: the variable that says so, and the base branch when the CI names it. */
export interface PullRequestJob {
  /** `GITHUB_EVENT_NAME=pull_request`: how a warning names what it went by. */
  because: string;
  /** The branch the pull request merges into, when the CI says (`GITHUB_BASE_REF`). */
  base?: string;
}

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The events of a GitHub Actions workflow run on a pull request's code (merge_group: the merge
 * queue's commit, the pull request merged but not yet reviewed as merged). */
const GITHUB_PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'merge_group']);

/** Every variable pullRequestJob tells a pull request by (a test suite run in a pull request's
 * job leaves them out of the runs it starts, which are not that job's). */
export const PULL_REQUEST_MARKERS: readonly string[] = [
  'GITHUB_EVENT_NAME',
  'CI_MERGE_REQUEST_ID',
  'CI_MERGE_REQUEST_IID',
  'BUILDKITE_PULL_REQUEST',
  'TRAVIS_PULL_REQUEST',
  'CIRCLE_PULL_REQUEST',
  'CIRCLE_PR_NUMBER',
  'BUILD_REASON',
  'BITBUCKET_PR_ID',
  'CHANGE_ID',
  'DRONE_BUILD_EVENT',
  'CI_PIPELINE_EVENT',
  'CODEBUILD_WEBHOOK_EVENT',
  'SEMAPHORE_GIT_PR_NUMBER',
  'APPVEYOR_PULL_REQUEST_NUMBER',
];

/** The pull request's CI job `env` describes, or undefined for any other run. */
export function pullRequestJob(env: NodeJS.ProcessEnv): PullRequestJob | undefined {
  const job = (because: string, base: string | undefined): PullRequestJob => ({ because, ...(set(base) ? { base } : {}) });
  if (env.GITHUB_ACTIONS === 'true' && GITHUB_PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? ''))
    return job(`GITHUB_EVENT_NAME=${env.GITHUB_EVENT_NAME}`, env.GITHUB_BASE_REF);
  if (set(env.CI_MERGE_REQUEST_ID) || set(env.CI_MERGE_REQUEST_IID))
    return job(`CI_MERGE_REQUEST_${set(env.CI_MERGE_REQUEST_ID) ? 'ID' : 'IID'} is set`, env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME);
  if (set(env.BUILDKITE_PULL_REQUEST) && env.BUILDKITE_PULL_REQUEST !== 'false')
    return job(`BUILDKITE_PULL_REQUEST=${env.BUILDKITE_PULL_REQUEST}`, env.BUILDKITE_PULL_REQUEST_BASE_BRANCH);
  if (set(env.TRAVIS_PULL_REQUEST) && env.TRAVIS_PULL_REQUEST !== 'false') return job(`TRAVIS_PULL_REQUEST=${env.TRAVIS_PULL_REQUEST}`, env.TRAVIS_BRANCH);
  if (set(env.CIRCLE_PULL_REQUEST) || set(env.CIRCLE_PR_NUMBER))
    return job(`CIRCLE_${set(env.CIRCLE_PULL_REQUEST) ? 'PULL_REQUEST' : 'PR_NUMBER'} is set`, undefined);
  if (env.BUILD_REASON === 'PullRequest') return job('BUILD_REASON=PullRequest', env.SYSTEM_PULLREQUEST_TARGETBRANCH?.replace(/^refs\/heads\//, ''));
  if (set(env.BITBUCKET_PR_ID)) return job('BITBUCKET_PR_ID is set', env.BITBUCKET_PR_DESTINATION_BRANCH);
  // Jenkins multibranch pipelines set CHANGE_ID for a pull request's build only.
  if (set(env.JENKINS_URL) && set(env.CHANGE_ID)) return job('CHANGE_ID is set (Jenkins)', env.CHANGE_TARGET);
  if (env.DRONE_BUILD_EVENT === 'pull_request') return job('DRONE_BUILD_EVENT=pull_request', env.DRONE_TARGET_BRANCH);
  if (env.CI_PIPELINE_EVENT === 'pull_request') return job('CI_PIPELINE_EVENT=pull_request', env.CI_COMMIT_TARGET_BRANCH);
  if (set(env.CODEBUILD_WEBHOOK_EVENT) && env.CODEBUILD_WEBHOOK_EVENT.startsWith('PULL_REQUEST_'))
    return job(`CODEBUILD_WEBHOOK_EVENT=${env.CODEBUILD_WEBHOOK_EVENT}`, env.CODEBUILD_WEBHOOK_BASE_REF?.replace(/^refs\/heads\//, ''));
  if (set(env.SEMAPHORE_GIT_PR_NUMBER)) return job('SEMAPHORE_GIT_PR_NUMBER is set', env.SEMAPHORE_GIT_BRANCH);
  if (set(env.APPVEYOR_PULL_REQUEST_NUMBER)) return job('APPVEYOR_PULL_REQUEST_NUMBER is set', env.APPVEYOR_REPO_BRANCH);
  return undefined;
}

/** What a run asks that reaches outside the repository through the checkout's configuration. */
export interface OutwardFlags {
  allowExec: boolean;
  allowRemoteClones: boolean;
  trustedConfig?: string;
}

/**
 * The flags a run takes: in a pull request's CI job without --trusted-config, --allow-exec and
 * --allow-remote-clones are not taken (the commands and clones the checkout's undrift.yaml names
 * are the pull request author's choice), and `warning` says so in one line, naming the fix.
 * Anywhere else, or under a trusted configuration (which alone then chooses them), as asked.
 */
export function outwardFlagsFor<T extends OutwardFlags>(asked: T, env: NodeJS.ProcessEnv): { flags: T; warning?: string } {
  if (asked.trustedConfig !== undefined || (!asked.allowExec && !asked.allowRemoteClones)) return { flags: asked };
  const job = pullRequestJob(env);
  if (!job) return { flags: asked };
  const refused = [asked.allowExec ? '--allow-exec' : undefined, asked.allowRemoteClones ? '--allow-remote-clones' : undefined].filter((f) => f !== undefined);
  const ref = `origin/${job.base ?? '<base branch>'}`;
  return {
    flags: { ...asked, allowExec: false, allowRemoteClones: false },
    warning:
      `this is a pull request's CI job (${job.because}) and no --trusted-config names the configuration to trust, so ${refused.join(' and ')} ` +
      `${refused.length > 1 ? 'are' : 'is'} not taken: the commands and clones this checkout's undrift.yaml names are the pull request's to choose; ` +
      `pass --trusted-config ${ref} (or set UNDRIFT_TRUSTED_CONFIG=${ref}) to take live sources and remotes from the base branch's undrift.yaml`,
  };
}

/**
 * Why a Kubernetes live source is not read in a pull request's CI job without --trusted-config:
 * the context, namespace, kubeconfig and objects it names are the pull request author's choice,
 * read with the job's credentials (a ConfigMap's values are printed, not fingerprinted), so a
 * pull request could have another namespace's or context's values printed in the job's log. The
 * source is reported unread as an unreachable one is (exit 3 unless --allow-partial-live), in
 * one line naming the fix. Snapshot files are the repository's own content and are read.
 */
export function clusterWithheldReason(job: PullRequestJob): string {
  const ref = `origin/${job.base ?? '<base branch>'}`;
  return (
    `not read: this is a pull request's CI job (${job.because}) and no --trusted-config names the configuration to trust, ` +
    `so the cluster, context, namespace and objects this checkout's undrift.yaml names are the pull request's to choose; ` +
    `pass --trusted-config ${ref} (or set UNDRIFT_TRUSTED_CONFIG=${ref}) to read live sources from the base branch's undrift.yaml`
  );
}

/** The warning for `forge:` not taken in a pull request's CI job without --trusted-config. */
export const forgeNotTaken = (shown: string, job: PullRequestJob): string =>
  `${shown}: forge is not taken in a pull request's CI job (${job.because}) without --trusted-config: the remote, repository and base ` +
  `it names (where apply pushes and opens a pull request with the job's token) are the pull request's to choose; ` +
  `pass --trusted-config origin/${job.base ?? '<base branch>'} to take forge from the base branch's undrift.yaml`;

/** `pass --trusted-config origin/<base>`: the fix every refusal in a pull request's CI job names. */
export const trustedConfigFix = (job: PullRequestJob): string => `pass --trusted-config origin/${job.base ?? '<base branch>'}`;

/** The warning for raised read limits not taken in a pull request's CI job without --trusted-config. */
export const limitsNotTaken = (shown: string, ignored: readonly string[], job: PullRequestJob): string =>
  `${shown}: ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} not taken in a pull request's CI job (${job.because}) without --trusted-config: ` +
  `a pull request may lower a read limit, never raise one past undrift's default (the bounds on what the CI machine reads); ` +
  `${trustedConfigFix(job)} to take limits from the base branch's ${shown}`;

/** Why `apply --live` is refused in a pull request's CI job without --trusted-config: the context,
 * namespace and objects the checkout's undrift.yaml names are the pull request's to choose, and the
 * write goes out with the job's KUBECONFIG. Refused before anything is read, not left to the scan
 * (which reads no such cluster, so the decisions would fail on a divergence it could not see). */
export const liveWriteRefused = (job: PullRequestJob): string =>
  `apply --live is refused in a pull request's CI job (${job.because}) without --trusted-config: the cluster, context, namespace and objects ` +
  `this checkout's undrift.yaml names are the pull request's to choose, and the job's credentials would write to them; ` +
  `${trustedConfigFix(job)} (or set UNDRIFT_TRUSTED_CONFIG=origin/${job.base ?? '<base branch>'}) to write to the live sources the base branch's undrift.yaml names`;
