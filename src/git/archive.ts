import { chmodSync, mkdirSync, realpathSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_READ_LIMITS } from '../model/limits.js';
import { BlobReader } from './cat-file.js';
import { runGitOnce } from './child.js';

/**
 * A commit's files under `paths` (all of them when none) written into `dir` as git stores them.
 * Never through `git archive`: it applies the archived tree's .gitattributes, which the pull
 * request writes, and they run programs: `export-subst` expands `$Format:%G?$` (a signature
 * check: gpg, gpgsm or ssh-keygen on a signature header anyone can put in a commit) and
 * `filter=<driver>` runs any smudge filter the CI machine configures (git-lfs, which fetches
 * from the URL the repository's .lfsconfig names). Here the tree is listed (`ls-tree`) and its
 * blobs read through one `git cat-file --batch`, which applies nothing.
 *
 * A blob above `maxBytes` is written as a file of its size without its bytes (sparse): every
 * reader refuses it by its size, as it would have the whole file, and it is never held. Folders
 * are made as the paths need them; symlinks last, so nothing is written through one (a tree may
 * name `a` a link and `a/b` a file); a submodule is an empty folder, as the archive had it; a
 * path that would leave `dir` (a tree git's own checks would refuse) is skipped.
 */
export async function extractPaths(repo: string, rev: string, paths: string[], dir: string, maxBytes = DEFAULT_READ_LIMITS.fileBytes): Promise<void> {
  const listed = await runGitOnce(repo, ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', rev, '--', ...paths]);
  if (listed.exitCode !== 0) throw new Error(`could not extract ${paths.join(', ')} at ${rev.slice(0, 7)}: ${listed.stderr.trim().split('\n')[0]}`);
  const root = realpathSync(dir);
  const links: Array<{ at: string; id: string }> = [];
  const linked = new Set<string>();
  const blobs: Array<{ at: string; id: string; size: number; executable: boolean }> = [];
  for (const entry of listed.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, id, size] = entry.slice(0, tab).split(/ +/);
    const name = entry.slice(tab + 1);
    const at = path.resolve(root, name);
    if (!at.startsWith(`${root}${path.sep}`) || name.split('/').some((part) => part === '' || part === '.' || part === '..')) continue;
    if (type === 'commit') mkdirSync(at, { recursive: true });
    else if (type === 'blob' && mode === '120000') links.push({ at, id: id! });
    else if (type === 'blob') blobs.push({ at, id: id!, size: Number(size), executable: mode === '100755' });
  }
  let reader: BlobReader | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      reader = new BlobReader(repo, reject);
      let owed = 0;
      const settle = () => --owed === 0 && resolve();
      const read = (id: string, use: (bytes: Buffer) => void) => {
        owed++;
        reader!.read(id, (bytes) => {
          try {
            if (bytes === undefined) throw new Error(`git has no object ${id} of ${rev.slice(0, 7)}`);
            use(bytes);
            settle();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      };
      // A new file each time ('wx'): an existing path (a folder, a link) is never written through.
      for (const blob of blobs) {
        mkdirSync(path.dirname(blob.at), { recursive: true });
        if (blob.size > maxBytes) {
          writeFileSync(blob.at, '', { flag: 'wx' });
          truncateSync(blob.at, blob.size);
          continue;
        }
        read(blob.id, (bytes) => {
          writeFileSync(blob.at, bytes, { flag: 'wx' });
          if (blob.executable) chmodSync(blob.at, 0o755);
        });
      }
      for (const link of links)
        read(link.id, (bytes) => {
          // Below a link made before it, its folder would be made through that link: not made.
          for (let up = path.dirname(link.at); up.length > root.length; up = path.dirname(up)) if (linked.has(up)) return;
          mkdirSync(path.dirname(link.at), { recursive: true });
          symlinkSync(bytes.toString('utf8'), link.at);
          linked.add(link.at);
        });
      if (owed === 0) resolve();
    });
  } finally {
    reader?.close();
  }
}
