// The verdict's figures on the story corpus:
//
//   npm run eval:verdict                 # per story and totals, development set
//   npm run eval:verdict -- --held-out   # and the blind held-out set's totals (never per story)
//
// The development set is fixtures/verdict-stories/*.yaml plus the spent held-out sets: holdout/
// (spent in session 4), holdout-2/ and holdout-3/ (session 5), holdout-4/ (session 6), holdout-5/
// (session 7), holdout-6/ (session 8), holdout-7/ (session 9), holdout-8/ (session 10; joined in session 11), holdout-9/ (session 11; joined in session 12); their
// failures were studied and their causes fixed (see their README.md). holdout-10/ (session 12) is spent and joins once its
// stories pass; holdout-11/ (session 13), holdout-12/ (session 14) and holdout-13/ (session 15) are spent too.
// holdout-14/ and holdout-15/ joined the development set in session 17; holdout-16/ (session 18) and holdout-17/ (session 19) in session 20;
// holdout-18/ in session 21, holdout-19/ in session 22, holdout-20/ in session 23, holdout-21/ in session 24, holdout-22/ in session 25 and holdout-23/ in session 26, each the session it was run;
// holdout-24/ (session 27) is spent and joins once its stories pass.
// The blind held-out set is holdout-25/ (written blind in session 27; the next session runs it once, after its rule work):
// written by someone else without reading the rules; only its totals are printed, so nobody tunes
// a rule to one of its stories.
//
// Per judgement: the suggestion, its confidence, accepted / wrong / harmful. Totals: accepted,
// wrong, harmful, deliberate environment right, Brier score of confidence against accepted, and
// confident (>= 0.6) wrong answers.
import path from 'node:path';
import { describeSuggestion, evaluate, loadStories, totals, type Judgement, type Totals } from './verdict-eval.js';
import { SPENT } from './verdict-sets.js';

const args = process.argv.slice(2);
const withHeldOut = args.includes('--held-out');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'fixtures/verdict-stories');
const pct = (a: number, n: number) => (n === 0 ? '—' : `${Math.round((a / n) * 100)}%`);

function line(t: Totals): string {
  return [
    `${t.judgements} judgements`,
    `accepted ${t.accepted} (${pct(t.accepted, t.judgements)})`,
    `wrong ${t.wrong}`,
    `harmful ${t.harmful}`,
    `deliberate env right ${t.deliberateRight} (${pct(t.deliberateRight, t.judgements)})`,
    `Brier ${t.brier.toFixed(3)}`,
    `confident wrong ${t.confidentWrong}`,
    ...(t.missing ? [`divergence not found ${t.missing}`] : []),
  ].join(' · ');
}

function perStory(js: Judgement[]): void {
  for (const j of js) {
    const mark = j.harmful ? 'HARMFUL' : j.accepted ? 'ok' : 'wrong';
    console.log(
      `  ${mark.padEnd(7)} ${j.story} · ${j.key} (${j.kind}${j.decidable ? '' : ', undecidable'}): ${describeSuggestion(j.suggestion)} ` +
        `(${j.confidence.toFixed(2)})${j.deliberateRight ? '' : ` · deliberate ${j.deliberate ?? 'none'}, expected ${j.expectedDeliberate ?? 'none'}`}`,
    );
  }
}

const started = performance.now();
const BLIND = 'holdout-37';
const [main, ...spentSets] = await Promise.all([loadStories(root), ...SPENT.map((dir) => loadStories(path.join(root, dir)))]);
const dev = [...main, ...spentSets.flatMap((set, i) => set.map((s) => ({ ...s, file: `${SPENT[i]}/${s.file}` })))];
const devResults = await evaluate(dev);
console.log(`development set (${main.length} stories + ${spentSets.map((set, i) => `${set.length} from the spent ${SPENT[i]}/`).join(' + ')})`);
perStory(devResults);
console.log(`  total: ${line(totals(devResults))}`);
if (withHeldOut) {
  const blind = await loadStories(path.join(root, BLIND));
  if (blind.length === 0) console.log(`blind held-out set (${BLIND}/): no stories yet`);
  else {
    const results = await evaluate(blind);
    console.log(`blind held-out set ${BLIND}/ (${blind.length} stories; totals only)`);
    console.log(`  total: ${line(totals(results))}`);
  }
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
