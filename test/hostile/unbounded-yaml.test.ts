import { describe, expect, it } from 'vitest';
import { repoWithFiles, runUndrift } from '../support/repo.js';

// A helmfile undrift reads to discover a layout (no undrift.yaml), inside the file size limit,
// played through the real `undrift scan` with a bounded heap: the `yaml` library's syntax tree
// costs about a kilobyte per item, and the pattern that cut templates out, tried from each `{`,
// cost the square of a run of them. Each must end, within the heap.

// 3,000,000 items in 6 MB: within fileBytes, six times yamlItems.
const flowList = (name: string) => `${name}: [${'0,'.repeat(3_000_000)}0]\n`;
const bounded = { timeoutMs: 90_000, maxOldSpaceMb: 600 };

describe('a discovered helmfile', () => {
  it('a discovered helmfile: its templates cut out, then its environments read', async () => {
    const repo = await repoWithFiles({
      // `{{` never closed, from every position: the pattern that cut templates out tried them all.
      'helmfile.yaml': `environments:\n  staging:\n    values: [values/staging.yaml]\n  production:\n    values: [values/production.yaml]\n# ${'{'.repeat(1_000_000)}\n`,
      'values/staging.yaml': 'A: 1\n',
      'values/production.yaml': 'A: 2\n',
    });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, ...bounded });
    expect(run.timedOut).toBe(false);
    expect(run.stdout).toMatch(/\bA\b/);
    expect(run.exitCode).toBe(1);
  }, 120_000);

  it('a discovered helmfile past the item limit', async () => {
    const repo = await repoWithFiles({
      'helmfile.yaml': `environments:\n  staging:\n    values: [values/staging.yaml]\n  production:\n    values: [values/production.yaml]\n${flowList('releases')}`,
      'values/staging.yaml': 'A: 1\n',
      'values/production.yaml': 'A: 2\n',
    });
    const run = await runUndrift(['scan', '--no-history'], { cwd: repo, ...bounded });
    expect(run.timedOut).toBe(false);
    expect([0, 1, 2]).toContain(run.exitCode);
  }, 120_000);
});
