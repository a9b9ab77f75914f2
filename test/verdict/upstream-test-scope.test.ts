// A change made "for a test" in an environment upstream of the lagging one (holdout-15/08: "on in uat
// for acceptance", a launch later) is as often the step before promotion as a scope: the test words
// alone do not say the downstream environment keeps its value, so the declare is a question below 0.6.
import { describe, expect, it } from 'vitest';
import { judge } from './memory-story.js';

const TODAY = '2026-12-04';

describe('a test scope upstream of the lagging environment', () => {
  it.each([
    ['a flag on in uat for acceptance', 'features.newInvoices', 'feat: newInvoices on in staging for acceptance', 'false', 'true'],
    ['QA verification', 'checkout.retryBudget', 'staging: retry budget 5 for QA verification', '3', '5'],
    ['a smoke test', 'search.useVectorIndex', 'enable vector index in staging for the smoke test', 'false', 'true'],
  ])('%s: a question, not a confident declare', (_what, key, subject, from, to) => {
    const v = judge(
      key,
      [
        { subject: 'init', date: '2026-08-18T10:00:00Z', set: { staging: ['', from], production: ['', from] } },
        { subject, date: '2026-11-12T09:00:00Z', set: { staging: [from, to] } },
      ],
      TODAY,
    );
    expect(v.suggested).toBe('declare');
    expect(v.confidence).toBeLessThan(0.6);
    expect(v.question).toMatch(/production/);
  });
});
