// A gate still pending, said of the environment that waits for it. A later text that holds the
// waiting environment back while the gate is ahead ("Not certified yet — do not enable in
// production", "signing meeting on 2026-12-14; do not switch prod on before that", "noch nicht
// abgenommen") restates the plan's hold: it is neither the gate's answer (a go) nor a withdrawal of
// the plan (the plan stands, it only has not reached its gate). One reader for every rule that
// weighs a gate against the texts written after it.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { holdsBack } from './documented.js';
import { regex } from './pattern.js';

// Words that put the gate ahead: "not … yet", "still not", "pending", "until then", "before that",
// and the same in every language the tables read. A bare "yet" is a conjunction as often as not,
// and "pending" after a word that denies it ("no pending pods", "nothing pending") is nothing waiting.
const STILL_AHEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:not|n't|no|never)\s(?:[^.!?;\n]{0,40}?\s)?yet|still (?:not|pending|open|waiting|to come)|(?<!(?:no|nothing|none|zero|without) )pending|awaiting|`,
  String.raw`until then|till then|before (?:that|then|it is|they|we)|noch (?:nicht|aus|offen|ausstehend)|steht noch aus|bis dahin|`,
  String.raw`todavía no|aún no|hasta entonces|pas encore|pas avant|jusque[- ]là|ainda não|até lá|non ancora|ancora da|nog niet|tot dan|`,
  String.raw`jeszcze nie|do tego czasu|ещё не|еще не|пока не|до тех пор|henüz|o zamana kadar)(?![\p{L}])`,
);
// Scripts without spaces: まだ (not yet), 尚未 / 还没 / 還沒 (not yet), 아직 (still not).
const STILL_AHEAD_CJK = /まだ|尚未|还没|還沒|未通过|아직/u;
const ISO_DAY = /(?<![\d-])(20\d\d)-(\d\d)-(\d\d)(?![\d-])/g;

/** A date the text names that is after `today` (the gate booked ahead). */
function dateAhead(text: string, today: string | undefined): string | undefined {
  if (!today) return undefined;
  for (const m of text.matchAll(ISO_DAY)) if (m[0] > today) return m[0];
  return undefined;
}

// A list item is a sentence of its own: a soak report's "* no pending pods" and "* ready for prod"
// are two statements, though their lines end without a full stop.
const sentences = (text: string) => text.split(/\n\s*\n|\n(?=[ \t]*(?:[-*•+]|\d{1,2}[.)])[ \t])|(?<=[.!?;])\s+|\s+[—–]\s+/).filter((s) => s.trim());

/** The sentence of `text` that says `env` still waits for its gate: it names `env` and says the
 * gate is ahead, or holds `env` back ("do not enable in production") while the text books the gate
 * for a day after `today`. */
export function pendingFor(text: string, env: EnvName, today?: string): string | undefined {
  const ahead = dateAhead(text, today);
  const parts = sentences(text);
  for (const [i, s] of parts.entries()) {
    if (!mentions(s, env)) continue;
    // "Not certified yet — do not enable in production": the wait and the hold in the clauses of one sentence.
    const around = [parts[i - 1] ?? '', s].join(' ');
    if (STILL_AHEAD.test(s) || STILL_AHEAD_CJK.test(s)) return s.trim();
    if (holdsBack(s, env) && (ahead || STILL_AHEAD.test(around) || STILL_AHEAD_CJK.test(around))) return s.trim();
  }
  return undefined;
}
