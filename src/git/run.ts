import { execa } from 'execa';

/** A git command whose failure is an answer (no such remote, a detached HEAD, a merge that stops
 * on a conflict): whether it succeeded and what it printed, never a throw. One-shot commands that
 * must succeed use runGit (write.ts); streams use spawn (log.ts, cat-file.ts). */
export async function tryGit(cwd: string, args: string[], env?: Record<string, string>): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const result = await execa('git', args, { cwd, reject: false, ...(env ? { env } : {}) });
  return { ok: result.exitCode === 0, stdout: String(result.stdout), stderr: String(result.stderr) };
}
