import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobReader } from '../../src/git/cat-file.js';
import { git, repoWithFiles, tempDir } from '../support/repo.js';

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

  it('delivers thousands of tiny blobs asked for at once, in order', async () => {
    // Replies of ~50-byte headers and 0–120-byte bodies, many to a pipe read.
    const dir = await tempDir();
    execFileSync('git', ['init', '-q', dir]);
    const bodies = Array.from({ length: 5000 }, (_, i) => `${i}:${'abcdefghij'.repeat(i % 12)}`.slice(0, (i * 37) % 121));
    const stream = bodies.map((body, i) => `blob\nmark :${i + 1}\ndata ${Buffer.byteLength(body)}\n${body}\n`).join('');
    const marks = path.join(dir, 'marks');
    execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: dir, input: stream });
    const idOf = new Map(
      readFileSync(marks, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' ') as [string, string]),
    );
    const ids = bodies.map((_, i) => idOf.get(`:${i + 1}`)!);
    const got = await new Promise<string[]>((resolve, reject) => {
      const reader = new BlobReader(dir, reject);
      const out: string[] = [];
      for (const id of ids)
        reader.read(id, (content) => {
          out.push(content?.toString('utf8') ?? '<missing>');
          if (out.length === ids.length) {
            reader.close();
            resolve(out);
          }
        });
    });
    expect(got).toEqual(bodies);
  });
});
