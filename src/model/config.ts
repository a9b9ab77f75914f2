/** Configuration types shared by the layers that read `undrift.yaml` (config/) and the ones that act on it
 * (actions/): kept here so neither imports the other. */

/** Where pull requests go (`forge:` in undrift.yaml). */
export interface ForgeConfig {
  type?: 'github' | 'gitlab';
  /** API base URL: https://api.github.com, https://github.example.com/api/v3, https://gitlab.com/api/v4 */
  api?: string;
  /** owner/name (GitHub) or group/project (GitLab); from the remote URL by default. */
  repository?: string;
  remote?: string;
  /** The branch the pull request targets; the current branch by default. */
  base?: string;
}
