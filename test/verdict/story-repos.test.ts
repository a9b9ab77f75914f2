import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.js';
import { AUTHORS, git, tempDir } from '../support/repo.js';
import { builderSourcesHash, storyRepo, storyRepoKey, withStoryRepo } from '../support/story-repos.js';

// The story tests share each story's built repository across test files and Node versions
// (support/story-repos.ts). Sharing must never hand a story a repository built from other contents.

const story = (timeout: string, name = 'shared'): Scenario =>
  parseScenario(
    {
      name,
      authors: AUTHORS,
      commits: [
        {
          at: '2026-01-05T10:00:00Z',
          author: 'ana',
          message: 'initial',
          write: { 'config/staging.yaml': 'TIMEOUT: 10\n', 'config/production.yaml': 'TIMEOUT: 10\n' },
        },
        { at: '2026-01-06T10:00:00Z', author: 'ben', message: 'raise the timeout', set: { 'config/staging.yaml': { TIMEOUT: timeout } } },
      ],
    },
    name,
  );

describe('shared story repositories', () => {
  it('an edited story gets a repository of its own, built from the edit; an unchanged one is shared', async () => {
    const first = await storyRepo(story('30'));
    const edited = await storyRepo(story('45'));
    expect(edited.repo).not.toBe(first.repo);
    expect(await readFile(path.join(edited.repo, 'config/staging.yaml'), 'utf8')).toBe('TIMEOUT: "45"\n');
    expect(await git(edited.repo, 'show', 'HEAD:config/staging.yaml')).toBe('TIMEOUT: "45"');
    expect(await git(first.repo, 'show', 'HEAD:config/staging.yaml')).toBe('TIMEOUT: "30"');
    // Keyed by contents, not by the story's name or object: equal contents share one repository.
    expect((await storyRepo(JSON.parse(JSON.stringify(story('30'))) as Scenario)).repo).toBe(first.repo);
    expect((await storyRepo(story('30', 'renamed'))).repo).not.toBe(first.repo);
  });

  it("the builder's version follows every source the builder runs, and only those", async () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const copy = path.join(await tempDir(), 'src');
    await cp(src, copy, { recursive: true });
    const original = await builderSourcesHash(src);
    expect(await builderSourcesHash(copy)).toBe(original);
    // Not imported by the builder: no rebuild.
    await writeFile(path.join(copy, 'engine.ts'), '// edited\n', { flag: 'a' });
    expect(await builderSourcesHash(copy)).toBe(original);
    // Three imports deep (scenario/build.ts → git/write.ts → git/child.ts): every story is rebuilt.
    await writeFile(path.join(copy, 'git/child.ts'), '// edited\n', { flag: 'a' });
    const edited = await builderSourcesHash(copy);
    expect(edited).not.toBe(original);
    expect(storyRepoKey(story('30'), edited)).not.toBe(storyRepoKey(story('30'), original));
  });

  it('a use that changes a shared repository fails, and the next use gets it as built', async () => {
    const scenario = story('60');
    await expect(withStoryRepo(scenario, (repo) => writeFile(path.join(repo, '.git', 'undrift', 'left-behind'), 'x'))).rejects.toThrow(
      /a shared story repository was changed .*\.git\/undrift\/left-behind/,
    );
    const left = await withStoryRepo(scenario, (repo) => readFile(path.join(repo, '.git', 'undrift', 'left-behind'), 'utf8').catch(() => 'absent'));
    expect(left).toBe('absent');
  });
});
