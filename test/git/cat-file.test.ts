import { describe, expect, it } from 'vitest';
import { BlobReader } from '../../src/git/cat-file.js';
import { git, repoWithFiles } from '../support/repo.js';

describe('git cat-file --batch reader', () => {
  it('delivers blobs of every size, split across any number of pipe reads, byte for byte and in order', async () => {
    // Large blobs come in hundreds of pipe reads; small ones share one; an empty one has no body.
    const texts: Record<string, string> = {
      'big.yaml': Array.from({ length: 200_000 }, (_, i) => `key_${i}: ${'v'.repeat(i % 50)}`).join('\n'),
      'small.yaml': 'a: 1\n',
      'empty.yaml': '',
      'medium.yaml': 'x'.repeat(70_000),
      'unicode.yaml': `name: ${'é✓'.repeat(40_000)}\n`,
    };
    const repo = await repoWithFiles(texts);
    const names = Object.keys(texts);
    const ids = await Promise.all(names.map((name) => git(repo, 'rev-parse', `HEAD:${name}`)));
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const got = await new Promise<Array<string | undefined>>((resolve, reject) => {
      const reader = new BlobReader(repo, reject);
      const out: Array<string | undefined> = [];
      const order = [...ids, missing, ids[0]!, ids[1]!];
      for (const id of order) {
        reader.read(id, (content) => {
          out.push(content?.toString('utf8'));
          if (out.length === order.length) {
            reader.close();
            resolve(out);
          }
        });
      }
    });
    expect(got).toEqual([...names.map((name) => texts[name]), undefined, texts['big.yaml'], texts['small.yaml']]);
  });
});
