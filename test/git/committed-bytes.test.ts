import { describe, expect, it } from 'vitest';
import { runGitOnce } from '../../src/git/child.js';
import { committedBytes } from '../../src/git/write.js';
import { repoWithFiles } from '../support/repo.js';

// A blob of another commit has passed none of the checkout's size checks: a caller that names a
// limit gets nothing for a larger one, and git is stopped rather than its output held whole.

describe('a committed file read within a limit', () => {
  it('is read whole up to the limit and not at all beyond it', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const repo = await repoWithFiles({ 'big.txt': big, 'small.txt': 'a: 1\n' });
    expect((await committedBytes(repo, 'HEAD', 'small.txt', 5))?.toString('utf8')).toBe('a: 1\n');
    expect(await committedBytes(repo, 'HEAD', 'small.txt', 4)).toBeUndefined();
    expect((await committedBytes(repo, 'HEAD', 'big.txt', big.length))?.length).toBe(big.length);
    expect(await committedBytes(repo, 'HEAD', 'big.txt', 64 * 1024)).toBeUndefined();
    expect((await committedBytes(repo, 'HEAD', 'big.txt'))?.length).toBe(big.length);
    expect(await committedBytes(repo, 'HEAD', 'absent.txt', 1024)).toBeUndefined();
    const stopped = await runGitOnce(repo, ['cat-file', 'blob', 'HEAD:big.txt'], { maxStdoutBytes: 64 * 1024 });
    expect(stopped).toMatchObject({ exitCode: -1, overLimit: true });
    expect(stopped.stdout.length).toBe(0);
  });
});
