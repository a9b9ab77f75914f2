import { spawn } from 'node:child_process';
import { GitTimeout, spawnGit } from './child.js';

/** `git archive REV -- PATHS | tar -x -C DIR`: the commit's files, never the work tree's. */
export function extractPaths(repo: string, rev: string, paths: string[], dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'ignore'] });
    const archive = spawnGit(repo, ['archive', '--format=tar', rev, '--', ...paths], {
      stdio: ['ignore', 'pipe', 'ignore'],
      onStop: (e) => {
        tar.kill('SIGKILL');
        reject(e);
      },
    });
    archive.child.stdout.on('data', () => archive.alive());
    archive.child.stdout.on('error', (e) => {
      if (!(e instanceof GitTimeout)) reject(e);
    });
    archive.child.stdout.pipe(tar.stdin);
    archive.child.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) => {
      archive.done();
      if (archive.stopped) return;
      if (code === 0) resolve();
      else reject(new Error(`could not extract ${paths.join(', ')} at ${rev.slice(0, 7)}`));
    });
  });
}
