import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from './repo.js';

/** Everything of the user's checkout that undrift must never touch. */
export async function checkoutState(dir: string) {
  const files = (await git(dir, 'ls-files', '--cached', '--others', '--exclude-standard')).split('\n').filter(Boolean);
  const hashes: Record<string, string> = {};
  for (const f of files)
    hashes[f] = createHash('sha1')
      .update(await readFile(path.join(dir, f)))
      .digest('hex');
  return {
    hashes,
    status: await git(dir, 'status', '--porcelain=v1'),
    staged: await git(dir, 'diff', '--cached'),
    branch: await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'),
    head: await git(dir, 'rev-parse', 'HEAD'),
    stash: await git(dir, 'stash', 'list'),
    index: createHash('sha1')
      .update(await readFile(path.join(dir, '.git', 'index')))
      .digest('hex'),
  };
}
