// A key changed in a commit whose text speaks of another key only was swept along: the text's
// reason (an incident, a test, a time limit) is the other key's, and the swept key's move toward
// production rests on the promotion order alone — a person decides, and the verdict says so.
import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/engine.js';
import { NEEDS_A_HUMAN } from '../../src/wording/verdict.js';
import { git, repoFromScenario } from '../support/repo.js';

const CONFIG = 'environments:\n  staging: {files: [values-staging.yaml]}\n  prod: {files: [values-prod.yaml]}\npromotion: [staging, prod]\n';
const VALUES = 'env:\n  TIMEOUT_MS: 5000\n  FEATURE_X: false\n  image: {tag: 5.2.0}\n  heap: 2g\n';

/** staging took one commit changing `set`, with `message`; prod kept the first values. */
async function verdictsAfter(message: string, set: Record<string, string | number | boolean | null>) {
  const repo = await repoFromScenario({
    commits: [
      {
        at: '2025-06-01T10:00:00Z',
        author: 'ana',
        message: 'service values',
        write: { 'undrift.yaml': CONFIG, 'values-staging.yaml': VALUES, 'values-prod.yaml': VALUES },
      },
      { at: '2025-11-01T10:00:00Z', author: 'ben', message, set: { 'values-staging.yaml': set } },
    ],
  });
  const sha = (await git(repo, 'rev-parse', '--short=7', 'HEAD')).trim();
  const scan = await scanRepository({ repo, historyCache: false, today: '2025-12-01' });
  return { sha, of: (key: string) => scan.divergences.find((d) => d.key === key)!.verdict! };
}

describe('a key swept into a commit about another key', () => {
  for (const message of [
    'Bump timeout in staging for slow upstream (INC-12)',
    'Raise the upstream TIMEOUT_MS to 8s on staging after INC-12',
    'staging: give the slow partner API more time (timeout 5s -> 8s), see INC-12\n\nThe partner answers in 6-7s at peak.\nSigned-off-by: Ben Ode <ben@example.test>',
  ]) {
    it(`a flag changed along with the timeout is not moved to prod on the timeout's incident: ${JSON.stringify(message.split('\n')[0])}`, async () => {
      const { sha, of } = await verdictsAfter(message, { 'env.TIMEOUT_MS': 8000, 'env.FEATURE_X': true });
      const flag = of('env.FEATURE_X');
      expect(flag.confidence).toBeLessThanOrEqual(NEEDS_A_HUMAN);
      expect(flag.question).toBe(`why did Ben Ode change env.FEATURE_X in ${sha}? Its message speaks of env.TIMEOUT_MS only.`);
      expect(flag.reasons.join('\n')).not.toContain(`${sha} cites incident INC-12`);
      // The timeout keeps its own text: the incident is its.
      expect(of('env.TIMEOUT_MS').reasons).toContain(`${sha} cites incident INC-12: it was a deliberate fix, not a routine change`);
    });
  }

  // A newcomer read "cites an hotfix" (session 32): the article is the word's.
  it('an incident named by a word takes the article it is said with', async () => {
    const { sha, of } = await verdictsAfter('hotfix: raise the upstream TIMEOUT_MS on staging, the partner times out', { 'env.TIMEOUT_MS': 8000 });
    const reasons = of('env.TIMEOUT_MS').reasons.join('\n');
    expect(reasons).not.toContain('an hotfix');
    expect(reasons).toContain(`${sha} cites a hotfix: it was a deliberate fix, not a routine change`);
  });

  it('a text naming both keys speaks for both', async () => {
    const { sha, of } = await verdictsAfter('Bump timeout and switch FEATURE_X on in staging for slow upstream (INC-12)', {
      'env.TIMEOUT_MS': 8000,
      'env.FEATURE_X': true,
    });
    const flag = of('env.FEATURE_X');
    expect(flag.reasons).toContain(`${sha} cites incident INC-12: it was a deliberate fix, not a routine change`);
    expect(flag.reasons.join('\n')).not.toContain('speaks of env.TIMEOUT_MS only');
  });

  it('a text naming the change by the value it sets speaks for it ("5.3.1 staging, heap 3g")', async () => {
    const { of } = await verdictsAfter('5.3.1 staging, heap 3g', { 'env.image.tag': '5.3.1', 'env.heap': '3g' });
    expect(of('env.image.tag').reasons.join('\n')).not.toContain('speaks of env.heap only');
  });

  it('a sentence naming no key speaks for every key the commit changed', async () => {
    const { of } = await verdictsAfter('perf: soak setup\n\n* heap to 3g for the profiler\n* all of this is for the soak test only, revert after Dec 10', {
      'env.image.tag': '5.3.1',
      'env.heap': '3g',
    });
    expect(of('env.image.tag').reasons.join('\n')).not.toContain('speaks of env.heap only');
  });

  it('a flag whose own commit asks whether it is meant for prod is a question for a person, never a suggestion above it', async () => {
    const { of } = await verdictsAfter('Turn on FEATURE_X in staging to mitigate INC-12', { 'env.FEATURE_X': true });
    const flag = of('env.FEATURE_X');
    if (flag.question?.includes('meant to reach prod')) expect(flag.confidence).toBeLessThanOrEqual(NEEDS_A_HUMAN);
    expect(flag.confidence).toBeLessThan(0.6);
  });
});
