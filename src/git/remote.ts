import { runGitOnce } from './child.js';
import { outputText } from './run.js';

// Where the repository lives, as a person would link to it: the `origin` remote parsed into host
// and repository, and the web addresses of commits and of files at a line on the usual forges.

export interface Remote {
  host?: string;
  repository?: string;
}

/** `https://host/owner/repo(.git)`, `git@host:owner/repo.git`, `ssh://git@host[:port]/owner/repo.git`. */
export function parseRemote(url: string): Remote {
  const https = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+?)(?:\.git)?\/?$/.exec(url);
  if (https) return { host: https[1]!, repository: https[2]! };
  const scp = /^(?:[^@]+@)?([^:/]+):(.+?)(?:\.git)?\/?$/.exec(url);
  if (scp && !url.startsWith('/')) return { host: scp[1]!, repository: scp[2]! };
  return {};
}

export type ForgeKind = 'github' | 'gitlab' | 'bitbucket';

/** Web addresses on the forge that hosts the remote; GitHub's scheme for hosts that name no other
 * forge (GitHub Enterprise runs on any host name), unless the configuration says which it is. */
export interface WebLinks {
  forge: ForgeKind;
  /** `https://host/owner/repo` */
  base: string;
  commit(sha: string): string;
  file(path: string, line: number | undefined, revision: string): string;
}

export function webLinks(remote: Remote, forge?: ForgeKind): WebLinks | undefined {
  if (!remote.host || !remote.repository) return undefined;
  const kind: ForgeKind = forge ?? (/gitlab/i.test(remote.host) ? 'gitlab' : /bitbucket/i.test(remote.host) ? 'bitbucket' : 'github');
  const base = `https://${remote.host}/${remote.repository}`;
  const filePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
  switch (kind) {
    case 'gitlab':
      return {
        forge: kind,
        base,
        commit: (sha) => `${base}/-/commit/${sha}`,
        file: (p, line, rev) => `${base}/-/blob/${rev}/${filePath(p)}${line ? `#L${line}` : ''}`,
      };
    case 'bitbucket':
      return {
        forge: kind,
        base,
        commit: (sha) => `${base}/commits/${sha}`,
        file: (p, line, rev) => `${base}/src/${rev}/${filePath(p)}${line ? `#lines-${line}` : ''}`,
      };
    case 'github':
      return {
        forge: kind,
        base,
        commit: (sha) => `${base}/commit/${sha}`,
        file: (p, line, rev) => `${base}/blob/${rev}/${filePath(p)}${line ? `#L${line}` : ''}`,
      };
  }
}

/** What a report names the repository by: its remote (never a local path when there is one), the
 * branch and the HEAD commit. */
export interface RepositoryFacts {
  remoteUrl?: string;
  branch?: string;
  head?: string;
}

const quiet = async (repo: string, args: string[]) => {
  const result = await runGitOnce(repo, args);
  return result.exitCode === 0 ? outputText(result.stdout).trim() : undefined;
};

export async function repositoryFacts(repo: string): Promise<RepositoryFacts> {
  const [remoteUrl, branch, head] = await Promise.all([
    quiet(repo, ['remote', 'get-url', 'origin']),
    quiet(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
    quiet(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']),
  ]);
  return { ...(remoteUrl ? { remoteUrl } : {}), ...(branch ? { branch } : {}), ...(head ? { head } : {}) };
}

/** A remote URL as it may be shown: credentials (`https://user:token@host`) never are. */
export const displayRemote = (url: string) => url.replace(/^([a-z+]+:\/\/)[^@/]+@/i, '$1');
