import { readdir } from 'node:fs/promises';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoWithFiles, runUndrift, tempDir } from '../support/repo.js';

// Node 22.1 and later keep the code V8 compiled for the CLI's modules (src/cli/compile-cache.ts):
// a run leaves it in `node-compile-cache` of the temporary folder it is given, unless Node's own
// switch turns it off. On Node 20 (no such cache) the run is the same and leaves nothing.
const nodeHasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

const FILES = {
  'undrift.yaml': 'environments:\n  staging: {files: [staging.env]}\n  production: {files: [production.env]}\npromotion: [staging, production]\n',
  'staging.env': 'A=1\n',
  'production.env': 'A=1\n',
};

async function cacheFiles(tmp: string): Promise<string[]> {
  return (await readdir(path.join(tmp, 'node-compile-cache'), { recursive: true }).catch(() => [])).map(String);
}

describe('the compiled code kept for the next start', () => {
  it(nodeHasCache ? 'is written where Node keeps it (this Node has the cache)' : 'is not written: this Node has no such cache', async () => {
    const repo = await repoWithFiles(FILES);
    const tmp = await tempDir();
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(run.exitCode, run.stderr).toBe(0);
    expect((await cacheFiles(tmp)).length > 0).toBe(nodeHasCache);
  });

  it("is not written when Node's own switch turns it off", async () => {
    const repo = await repoWithFiles(FILES);
    const tmp = await tempDir();
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(await cacheFiles(tmp)).toEqual([]);
  });
});
