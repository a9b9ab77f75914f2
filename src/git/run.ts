import { runGitOnce } from './child.js';

/** Standard output as text, without its final newline (as git prints it for one value). */
export const outputText = (stdout: Buffer): string => stdout.toString('utf8').replace(/\r?\n$/, '');

/** A git command whose failure is an answer (no such remote, a detached HEAD, a merge that stops
 * on a conflict): whether it succeeded and what it printed, never a throw (except a GitTimeout:
 * a git that hangs is not an answer). One-shot commands that must succeed use runGit (write.ts);
 * streams use spawnGit (log.ts, cat-file.ts). */
export async function tryGit(
  cwd: string,
  args: string[],
  env?: Record<string, string>,
  options: { interactive?: boolean } = {},
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const result = await runGitOnce(cwd, args, { ...(env ? { env } : {}), ...options });
  return { ok: result.exitCode === 0, stdout: outputText(result.stdout), stderr: result.stderr.replace(/\r?\n$/, '') };
}
