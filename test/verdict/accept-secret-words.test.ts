// The verdict's words for a declare on a Secret changed by hand say how the acceptance is written:
// by the live change that set it (its managedFields entry), never the fingerprint as "the value".
// On a story of the dev set: an SMTP password rotated live after a CI leak, the rotation log
// saying the new one stays out of git.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeStory, loadStories } from '../../bench/verdict-eval.js';
import { withStoryRepo } from '../support/story-repos.js';

const DIR = fileURLToPath(new URL('../../fixtures/verdict-stories/holdout-15', import.meta.url));

describe("the verdict's declare on a Secret rotated by hand", () => {
  it('says it accepts the live secret as changed by the managedFields entry that set it', { timeout: 120_000 }, async () => {
    const story = (await loadStories(DIR)).find((s) => s.file === '48-smtp-password-rotated-live-after-ci-leak-rotation-log')!;
    expect(story, path.join(DIR, '48-…')).toBeDefined();
    const judged = await withStoryRepo(story.scenario, (repo) => judgeStory(story, repo));
    const smtp = judged.find((j) => j.key === 'Secret/smtp-credentials.data.SMTP_PASSWORD')!;
    expect(smtp.suggestion?.action).toBe('declare');
    expect(smtp.reasons).toContain(
      "declare accepts production's live secret as changed by kubectl-edit at 2026-11-25T16:31:09Z (live_differences: in the contract, with the question as its reason): " +
        "no drift while it runs; a deploy from the repo still puts back the repo's",
    );
    expect(smtp.reasons!.some((r) => /declare accepts production's live "secret:/.test(r))).toBe(false);
  });
});
