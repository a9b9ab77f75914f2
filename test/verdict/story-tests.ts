import { describe, expect, it } from 'vitest';
import { describeSuggestion, evaluate, judgeStory, loadStories, totals } from '../../bench/verdict-eval.js';
import { withStoryRepo } from '../support/story-repos.js';

/** One test per story of `dir`: a harmful suggestion (any confidence) or a confident (>= 0.6)
 * wrong answer fails it, and so does a divergence the scan does not report. Each story's
 * repository is built once and shared by every run that scans it (support/story-repos.ts).
 * With `part`, only every `of`-th story from the `part`-th (1-based) is judged here: the files that
 * call it with parts 1 to `of` judge each story once between them, on as many workers (the first
 * part also checks that the set has stories). */
export function storyTests(set: string, dir: string, { part = 1, of = 1 }: { part?: number; of?: number } = {}): void {
  describe.concurrent(`verdict stories (${set} set)`, async () => {
    const stories = await loadStories(dir);
    if (part === 1) it('has stories to judge', () => expect(stories.length, `no stories in ${dir}`).toBeGreaterThan(0));
    for (const story of stories.filter((_, i) => i % of === part - 1)) {
      it(`${story.file}: ${story.title}`, { timeout: 120_000 }, async () => {
        for (const j of await withStoryRepo(story.scenario, (repo) => judgeStory(story, repo))) {
          const what = `${j.key} (${j.kind}): ${describeSuggestion(j.suggestion)} (${j.confidence})`;
          expect(j.found, `the scan reports ${j.key} as ${j.kind}`).toBe(true);
          expect(j.harmful, `harmful suggestion: ${what}`).toBe(false);
          expect(j.confidentWrong, `confident wrong answer: ${what}`).toBe(false);
        }
      });
    }
  });
}

/** A blind set: one test over all its stories, failing with totals only — neither its name nor
 * its messages say which story failed, so no rule is tuned to one of them. */
export function blindStoryTests(set: string, dir: string): void {
  describe(`verdict stories (${set} set, blind)`, async () => {
    const stories = await loadStories(dir);
    it(`${stories.length} stories: no harmful suggestion, no confident wrong answer`, { timeout: 600_000 }, async () => {
      expect(stories.length, `no stories in ${dir}`).toBeGreaterThan(0);
      const t = totals(await evaluate(stories));
      const summary = `${t.judgements} judgements: ${t.accepted} accepted, ${t.harmful} harmful, ${t.confidentWrong} confident wrong, ${t.missing} not found`;
      expect({ harmful: t.harmful, confidentWrong: t.confidentWrong, missing: t.missing }, summary).toEqual({ harmful: 0, confidentWrong: 0, missing: 0 });
    });
  });
}
