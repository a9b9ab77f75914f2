// The verdict's figures on the story corpus, development and held-out sets apart:
//
//   npm run eval:verdict                 # per story and totals, development set
//   npm run eval:verdict -- --held-out   # and the held-out set's totals (never per story)
//
// Per judgement: the suggestion, its confidence, accepted / wrong / harmful. Totals: accepted,
// wrong, harmful, deliberate environment right, Brier score of confidence against accepted, and
// confident (>= 0.6) wrong answers. The held-out set prints totals only.
import path from 'node:path';
import { describeSuggestion, evaluate, loadStories, totals, type Judgement, type Totals } from './verdict-eval.js';

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
      `  ${mark.padEnd(7)} ${j.story} · ${j.key} (${j.kind}${j.decidable ? '' : ', undecidable'}): ${describeSuggestion(j.suggestion)} (${j.confidence.toFixed(2)})${j.deliberateRight ? '' : ` · deliberate ${j.deliberate ?? 'none'}, expected ${j.expectedDeliberate ?? 'none'}`}`,
    );
  }
}

const started = performance.now();
const [dev, held] = await Promise.all([loadStories(root), withHeldOut ? loadStories(path.join(root, 'holdout')) : []]);
const devResults = await evaluate(dev);
console.log(`development set (${dev.length} stories)`);
perStory(devResults);
console.log(`  total: ${line(totals(devResults))}`);
if (held.length > 0) {
  const heldResults = await evaluate(held);
  console.log(`held-out set (${held.length} stories)`);
  console.log(`  total: ${line(totals(heldResults))}`);
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
