// What the confident answers rest on (issue 10 points 4 and 6): every judgement of the development
// set (and of any spent set named on the command line) whose confidence is at or above 0.6, with
// its verdict's reasons, so a reviewer sees which evidence earned the confidence.
//
//   npm run -s eval:verdict:confident                      # the development set's answers at >= 0.6
//   npm run -s eval:verdict:confident -- holdout-10 --all  # every answer, and a spent set not yet joined
// Never a blind set: it prints per story.
import path from 'node:path';
import { describeSuggestion, evaluate, loadStories } from './verdict-eval.js';
import { SPENT } from './verdict-sets.js';

const args = process.argv.slice(2);
const root = path.resolve('fixtures/verdict-stories');
const extra = args.filter((a) => !a.startsWith('--'));
const all = args.includes('--all');
const sets = ['', ...SPENT, ...extra];
const stories = (await Promise.all(sets.map((dir) => loadStories(path.join(root, dir))))).flatMap((set, i) =>
  set.map((s) => ({ ...s, file: sets[i] ? `${sets[i]}/${s.file}` : s.file })),
);
const results = await evaluate(stories);
let shown = 0;
for (const j of results) {
  if (!all && j.confidence < 0.6) continue;
  shown++;
  const mark = j.harmful ? 'HARMFUL' : j.accepted ? 'ok' : 'wrong';
  console.log(`${mark.padEnd(7)} ${j.confidence.toFixed(2)} ${j.story} · ${j.key} (${j.kind}): ${describeSuggestion(j.suggestion)}`);
  for (const r of j.reasons ?? []) console.log(`    - ${r}`);
}
console.log(`${shown} of ${results.length} judgements at >= 0.6`);
