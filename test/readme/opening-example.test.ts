// README's opening scan/explain example is the demo's real output (as of the example's date):
// when the demo or the verdict changes, `node scripts/readme-example.mjs --write` regenerates it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exampleText, readmeExample } from '../../scripts/readme-example.mjs';
import { scenarioRepo } from '../support/demo-repo.js';

describe("README's opening example", () => {
  it('shows what `undrift scan` and `undrift explain` print on the demo today', { timeout: 60_000 }, async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = readmeExample(readme);
    expect(shown, 'README.md has the opening example block').toBeDefined();
    const real = exampleText(await scenarioRepo());
    expect(shown, 'README.md is stale: run `npm run -s build && node scripts/readme-example.mjs --write`').toBe(real);
  });
});
