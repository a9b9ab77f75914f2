import { currentBranch, pushBranch, remoteUrl as remoteUrlOf } from '../git/repo.js';
import { UserError } from '../errors.js';
import { parseRemote, type Remote } from '../git/remote.js';
import type { ForgeConfig } from '../model/config.js';
import type { CommitResult } from './commit.js';
import { pullRequestBody } from './messages.js';
import type { PlannedDecision } from './plan.js';

export { parseRemote };

export interface PublishResult {
  pushed: boolean;
  remote: string;
  pullRequest?: string;
  /** What to run or open by hand when undrift did not do it. */
  instructions: string[];
}

function forgeOf(remote: Remote, config: ForgeConfig | undefined, env: NodeJS.ProcessEnv): 'github' | 'gitlab' | undefined {
  if (config?.type) return config.type;
  if (!remote.host) return undefined;
  if (remote.host === 'github.com' || remote.host === env.GH_HOST) return 'github';
  if (remote.host === 'gitlab.com' || remote.host.includes('gitlab')) return 'gitlab';
  return undefined;
}

/** Where the token goes. By default only to the forge the remote's URL names (github.com →
 * api.github.com, another host → its /api/v3 or /api/v4): the remote is the CI's (.git/config),
 * while undrift.yaml may be a pull request's, which could name any host to receive the token.
 * `forge.api` is taken where it is on the remote's own host (a GitHub Enterprise API at a path of
 * its own); another host only from the environment (UNDRIFT_FORGE_API), which the job sets. */
function apiOf(type: 'github' | 'gitlab', remote: Remote, config: ForgeConfig | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env.UNDRIFT_FORGE_API?.trim();
  if (fromEnv) return fromEnv.replace(/\/+$/, '');
  const own = remote.host
    ? type === 'github'
      ? remote.host === 'github.com'
        ? 'https://api.github.com'
        : `https://${remote.host}/api/v3`
      : `https://${remote.host}/api/v4`
    : undefined;
  if (!config?.api) return own;
  const api = new URL(config.api);
  const ownHost = own ? new URL(own).host.toLowerCase() : undefined;
  if (api.protocol === 'https:' && remote.host && (api.host.toLowerCase() === remote.host.toLowerCase() || api.host.toLowerCase() === ownHost))
    return config.api.replace(/\/+$/, '');
  throw new UserError(
    `forge.api ${JSON.stringify(config.api)} is not the API of the remote's forge (${remote.host ?? 'the remote names no host'}): a token is sent only there; ` +
      `to send it to ${api.host}, set UNDRIFT_FORGE_API=${config.api} in the job's environment; the branch is pushed`,
  );
}

function compareUrl(type: 'github' | 'gitlab' | undefined, remote: Remote, base: string, branch: string): string | undefined {
  if (!remote.host || !remote.repository) return undefined;
  if (type === 'gitlab')
    return (
      `https://${remote.host}/${remote.repository}/-/merge_requests/new` +
      `?merge_request%5Bsource_branch%5D=${encodeURIComponent(branch)}&merge_request%5Btarget_branch%5D=${encodeURIComponent(base)}`
    );
  return `https://${remote.host}/${remote.repository}/compare/${encodeURIComponent(base)}...${encodeURIComponent(branch)}?expand=1`;
}

/** Pushes the branch and opens a pull (merge) request through the forge's API; where that is not
 * possible, says exactly what to run and open. */
export async function publish(
  repo: string,
  result: CommitResult,
  planned: PlannedDecision[],
  options: { push: boolean; pr: boolean; forge?: ForgeConfig; env: NodeJS.ProcessEnv },
): Promise<PublishResult> {
  const remoteName = options.forge?.remote ?? 'origin';
  const remoteUrl = await remoteUrlOf(repo, remoteName);
  const remote = remoteUrl ? parseRemote(remoteUrl) : {};
  const current = await currentBranch(repo);
  const base = options.forge?.base ?? (current || 'main');
  const type = forgeOf(remote, options.forge, options.env);
  const repository = options.forge?.repository ?? remote.repository;
  const instructions: string[] = [];
  const pushCommand = `git push ${remoteName} ${result.branch}`;
  const compare = compareUrl(type, remote, base, result.branch);

  if (!options.push && !options.pr) {
    instructions.push(remoteUrl ? `push it: ${pushCommand}` : `add a remote and push it: git remote add origin URL && ${pushCommand}`);
    if (compare) instructions.push(`then open: ${compare}`);
    return { pushed: false, remote: remoteName, instructions };
  }
  if (!remoteUrl)
    throw new UserError(
      `no remote "${remoteName}" to push to (git remote add ${remoteName} URL), or set forge.remote in undrift.yaml; the branch ${result.branch} is kept`,
    );
  const pushFailure = await pushBranch(repo, remoteName, result.branch);
  if (pushFailure !== undefined) throw new UserError(`git push ${remoteName} ${result.branch} failed: ${pushFailure}; the branch is kept locally`);
  if (!options.pr) {
    if (compare) instructions.push(`open the pull request: ${compare}`);
    return { pushed: true, remote: remoteName, instructions };
  }

  const title =
    planned.length === 1 ? planned[0]!.subject : `drift: ${planned.length} decisions (${planned.map((p) => p.decision.key).join(', ')})`.slice(0, 120);
  const body = pullRequestBody(planned);
  const token = type === 'github' ? options.env.GH_TOKEN || options.env.GITHUB_TOKEN : type === 'gitlab' ? options.env.GITLAB_TOKEN : undefined;
  const api = type && token ? apiOf(type, remote, options.forge, options.env) : undefined;
  if (!type || !api || !repository || !token) {
    const missing = !type
      ? 'the forge is not known from the remote (set forge.type in undrift.yaml)'
      : !token
        ? `no token (${type === 'github' ? 'GH_TOKEN or GITHUB_TOKEN' : 'GITLAB_TOKEN'})`
        : 'the repository name is not known (set forge.repository)';
    instructions.push(`the branch is pushed, but no pull request was opened: ${missing}`);
    if (compare) instructions.push(`open it: ${compare}`);
    return { pushed: true, remote: remoteName, instructions };
  }
  if (type === 'github') {
    const { Octokit } = await import('@octokit/rest');
    const [owner, name] = repository.split('/') as [string, string];
    const quiet = () => undefined; // errors are reported once, in our words
    const octokit = new Octokit({ auth: token, baseUrl: api, userAgent: 'undrift', log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
    try {
      const response = await octokit.rest.pulls.create({ owner, repo: name, title, head: result.branch, base, body });
      return { pushed: true, remote: remoteName, pullRequest: response.data.html_url, instructions };
    } catch (e) {
      throw new UserError(
        `GitHub refused the pull request (${(e as { status?: number }).status ?? '?'}: ${(e as Error).message.split('\n')[0]}); the branch is pushed${compare ? `, open it by hand: ${compare}` : ''}`,
      );
    }
  }
  const response = await fetch(`${api}/projects/${encodeURIComponent(repository)}/merge_requests`, {
    method: 'POST',
    headers: { 'PRIVATE-TOKEN': token, 'content-type': 'application/json', 'user-agent': 'undrift' },
    body: JSON.stringify({ source_branch: result.branch, target_branch: base, title, description: body, remove_source_branch: false }),
  }).catch((e: Error) => {
    throw new UserError(`cannot reach GitLab at ${api} (${e.message}); the branch is pushed`);
  });
  const answer = (await response.json().catch(() => ({}))) as { web_url?: string; message?: unknown };
  if (!response.ok || !answer.web_url) {
    throw new UserError(
      `GitLab refused the merge request (${response.status}: ${JSON.stringify(answer.message ?? '')}); the branch is pushed${compare ? `, open it by hand: ${compare}` : ''}`,
    );
  }
  return { pushed: true, remote: remoteName, pullRequest: answer.web_url, instructions };
}
