// Two environments that hold one value written two ways (`10000ms` and `10s`, `1Gi` and `1024Mi`,
// a CPU's `0.5` and `500m`, `10s` under a key named `…_ms` as `10000`) differ in spelling, not in
// behaviour (compare/same-meaning.ts reads the pair). No rule that weighs a value's move applies:
// a rollout's gate, a test's scope or a risk class guard what a setting does, and nothing done
// here changes that. What is left is to write it one way: the spelling written last (the one a
// person chose most recently, a style guide's migration) unless the kind's rule already chose a
// side by what was written about it. Never sure beyond SPELLING: a rename of the spelling is a
// small review, and a declaration would record a difference that does not exist.
import type { Divergence, EnvName, HistoryEvent } from '../model/types.js';
import { sameMeaning } from '../compare/same-meaning.js';
import type { Partial } from './difference.js';
import type { Findings } from './findings.js';
import { newestFirst, olderThan } from './ordering.js';
import { describeCommit, list, shown } from './words.js';

/** Below "confident": aligning a spelling moves no value, and a person may prefer the other form. */
export const SPELLING = 0.55;

/** The verdict for a difference of spelling only, or undefined where the values differ in meaning. */
export function spellingOnly(
  d: Divergence,
  partial: Partial,
  history: Record<EnvName, HistoryEvent[]>,
  f: Findings,
  start: ReturnType<Findings['mark']>,
): Partial | undefined {
  if (d.kind !== 'cross-env') return undefined;
  const envs = Object.keys(d.values);
  const texts = envs.map((env) => d.values[env]!.repo);
  const amount = sameMeaning(d.key, texts);
  if (amount === undefined) return undefined;
  const text = (env: EnvName) => d.values[env]!.repo!;
  // What the rules advised about moving a value is taken back (the evidence they read stays).
  f.withdrawAdvice(start);
  f.add('quality', `${envs.map((env) => `${env} ${shown(text(env))}`).join(' and ')} mean the same (${amount}): written differently, no behaviour differs`);
  // The side the kind's rule chose by what was written, where it moved to one of the spellings.
  const chosen = partial.suggested !== 'declare' && partial.value !== null && texts.includes(partial.value) ? partial.value : undefined;
  const latest = (env: EnvName) => newestFirst(history[env] ?? [])[0];
  const newest = envs.reduce<EnvName | undefined>((best, env) => {
    const e = latest(env);
    if (!e) return best;
    const b = best === undefined ? undefined : latest(best);
    return !b || olderThan(b, e) ? env : best;
  }, undefined);
  const keep = chosen ?? (newest !== undefined ? text(newest) : undefined);
  if (keep === undefined) {
    f.ask(`${d.key} is one value written two ways: which spelling should every environment use?`);
    f.say('suggest writing it one way in every environment; no value changes');
    return { deliberate: null, drifted: null, suggested: 'declare', value: null, confidence: 0.45 };
  }
  const holders = envs.filter((env) => text(env) === keep);
  const others = envs.filter((env) => text(env) !== keep);
  const deliberate =
    partial.deliberate && holders.includes(partial.deliberate) ? partial.deliberate : newest && holders.includes(newest) ? newest : holders[0]!;
  const drifted = partial.drifted && others.includes(partial.drifted) ? partial.drifted : others[0]!;
  const written = latest(deliberate);
  // The side that changed since goes back to the older spelling (revert); the one that did not is brought along (backfill).
  const changedLater = written && latest(drifted) && olderThan(written, latest(drifted)!);
  f.say(
    `suggest writing ${list(others)} as ${deliberate} does (${shown(keep)}${written ? `, written in ${describeCommit(written)}` : ''}): ` +
      'one spelling for one value; nothing running changes',
  );
  return {
    deliberate,
    drifted,
    suggested: changedLater ? 'revert' : 'backfill',
    value: keep,
    confidence: SPELLING,
  };
}
