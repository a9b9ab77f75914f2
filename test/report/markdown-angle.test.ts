import { describe, expect, it } from 'vitest';
import { repoFromScenario, runUndrift } from '../support/repo.js';

// The report escaped `<` and `>` as entities: a discovered layout read
// `chart/values-&lt;env&gt;.yaml` wherever the report is read as text (a terminal, a CI log) and
// in viewers that keep entities. A backslash escape reads as itself unrendered and renders as `<`,
// and an escaped `<` opens no HTML tag: text from the repository still cannot add one.

describe('the Markdown report: angle brackets in repository text', () => {
  it('shows a discovered layout as values-\\<env\\>.yaml, and a commit subject holding a tag as escaped text', async () => {
    const repo = await repoFromScenario({
      commits: [
        {
          at: '2026-11-02T09:00:00Z',
          author: 'ana',
          message: 'Add the chart',
          write: { 'chart/values.yaml': 'replicas: 1\n', 'chart/values-staging.yaml': 'replicas: 2\n', 'chart/values-production.yaml': 'replicas: 2\n' },
        },
        {
          at: '2026-11-20T09:00:00Z',
          author: 'ben',
          message: 'Scale <b>production</b> <img src=x onerror=alert(1)>',
          write: { 'chart/values-production.yaml': 'replicas: 4\n' },
        },
      ],
    });
    const run = await runUndrift(['report', '--no-cache'], { cwd: repo });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('| Configuration | discovered chart/values-\\<env\\>.yaml (staging, production) · contract none |');
    expect(run.stdout).toContain('Scale \\<b\\>production\\</b\\> \\<img src=x onerror=alert(1)\\>');
    expect(run.stdout).not.toContain('&lt;');
    // Every `<` outside a code span is escaped: none can open a tag.
    const outsideCode = run.stdout.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])</m);
  });
});
