import { spawn } from 'node:child_process';

/** `git archive REV -- PATHS | tar -x -C DIR`: the commit's files, never the work tree's. */
export function extractPaths(repo: string, rev: string, paths: string[], dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', rev, '--', ...paths], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] });
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'ignore'] });
    archive.stdout.pipe(tar.stdin);
    const timer = setTimeout(() => {
      archive.kill('SIGKILL');
      tar.kill('SIGKILL');
    }, 60_000);
    archive.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`could not extract ${paths.join(', ')} at ${rev.slice(0, 7)}`));
    });
  });
}
