// The verdict against the evaluation stories (fixtures/verdict-stories/, development and held-out
// sets): each story is built into a real git repository and scanned as of its `today`. A harmful
// suggestion (at any confidence) or a confident (>= 0.6) wrong answer fails. The figures
// (accepted, Brier score, ...) are printed by `npm run eval:verdict`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeSuggestion, evaluate, loadStories } from '../../bench/verdict-eval.js';

const DIR = fileURLToPath(new URL('../../fixtures/verdict-stories/', import.meta.url));
const [dev, held] = await Promise.all([loadStories(DIR), loadStories(`${DIR}holdout/`)]);

describe.concurrent.each([
  ['development', dev],
  ['held-out', held],
] as const)('verdict stories (%s set)', (_set, stories) => {
  it.skipIf(stories.length > 0)('has no stories yet', () => {});
  for (const story of stories) {
    it(`${story.file}: ${story.title}`, { timeout: 120_000 }, async () => {
      for (const j of await evaluate([story], 1)) {
        const what = `${j.key} (${j.kind}): ${describeSuggestion(j.suggestion)} (${j.confidence})`;
        expect(j.found, `the scan reports ${j.key} as ${j.kind}`).toBe(true);
        expect(j.harmful, `harmful suggestion: ${what}`).toBe(false);
        expect(j.confidentWrong, `confident wrong answer: ${what}`).toBe(false);
      }
    });
  }
});
