// Session 36 (spent holdout-33/23): a hand-made object whose record plans its removal without a day in that
// sentence ("remove it when the drill is over"), while the record dates the window it was approved for
// elsewhere ("Approved: 1 April – 31 May 2027", "Gültig bis 31.05.2027"), still ahead: it is declared until
// that day, not taken away early. A window already passed, or none at all, leaves the plan as it was read.
// Own objects, days and phrasings (the story was a Finnish chaos-programme decision).
import { describe, expect, it } from 'vitest';
import { buildLog, explain } from '../../src/verdict/verdict.js';
import { madeByHandLive } from './log-builders.js';

const context = { promotion: ['test', 'live'], environments: ['test', 'live'], today: '2027-04-20' };
let n = 0;
const run = (text: string) => {
  const sha = (++n).toString(16).padStart(40, 'f');
  const at = '2027-03-30T10:00:00Z';
  const note = { sha, parents: [], subject: 'docs: drill', body: '', author: 'Maja', email: 'm@x', date: at, committed: at, files: ['docs/drill.md'] };
  return explain(
    madeByHandLive('CronJob/pod-reaper', '2027-04-01T09:00:00Z'),
    {},
    {
      ...context,
      log: buildLog(new Map(), [note], [{ path: 'docs/drill.md', text, sha }]),
    },
  );
};

describe('a removal planned without a day, in a record whose window is still open', () => {
  it.each([
    ['en', '# Chaos drill\n\nApproved until 31 May 2027.\n\nCronJob `pod-reaper` made by hand in live; remove it when the drill is over.\n'],
    ['de', '# Chaos-Übung\n\nGültig bis 31.05.2027.\n\nDer CronJob `pod-reaper` wird nach der Übung gelöscht.\n'],
  ])('%s: declared until the window ends', (_, text) => {
    const v = run(text);
    expect(v.suggested, v.reasons.join('\n')).toBe('declare');
    expect(v.reasons.join('\n')).toMatch(/until 2027-05-31/);
  });

  it.each([
    ['the window passed', '# Chaos drill\n\nApproved until 10 April 2027.\n\nCronJob `pod-reaper` made by hand in live; remove it when the drill is over.\n'],
    ['no window at all', '# Chaos drill\n\nCronJob `pod-reaper` made by hand in live; remove it when the drill is over.\n'],
  ])('%s: the planned removal stands', (_, text) => {
    const v = run(text);
    expect(v.reasons.join('\n')).not.toMatch(/dates the window/);
    expect(v.suggested, v.reasons.join('\n')).toBe('revert');
  });
});
