// A refusal that dates the undo makes it due on that day. A change board or a review that refuses to
// keep a stop-gap ("not approved as a permanent change") and orders it undone by a day ("restore the
// check in prod by 17 May", "Restaurar la verificación en live antes del 17/05", "bis 17.05.
// wiederherstellen", "à rétablir avant le 17/05") has set the end the stop-gap's own text left open:
// once that day has passed, the refused value is past the deadline of the body that decides it.
//
// Read in the refusal's own passage: a sentence that undoes (conditions.ts `undoIn`, every language
// read, or an English verb of putting back: restore, reinstate, re-enable, revert, roll back, put or
// switch back) and is due by a date (gates.ts `dueIn`: "by", "no later than", "antes del",
// "spätestens", "au plus tard"). A date with no undo ("re-submit the request by 17 May") is not it.
import { undoIn } from './conditions.js';
import { dueIn } from './gates.js';
import { doubtIn } from './languages.js';
import { regex } from './pattern.js';

const PUT_BACK = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:restor(?:e|es|ed|ing)|reinstat(?:e|es|ed|ing)|re-?enabl(?:e|es|ed|ing)|revert(?:s|ed|ing)?|`,
  String.raw`roll(?:s|ed|ing)? (?:it |this |that )?back|(?:put|switch|turn)(?:s|ed|ing)? (?:it |this |that )?back)(?![\p{L}])`,
);

function undoes(sentence: string): boolean {
  if (undoIn(sentence)) return true;
  const m = PUT_BACK.exec(sentence);
  return !!m && !doubtIn(sentence, m.index, m[0].length);
}

/** The day the sentences of a refusal's passage give for undoing what it refused, if one does. */
export function undoDue(sentences: readonly string[], written: string): string | undefined {
  for (const s of sentences) {
    if (!undoes(s)) continue;
    const due = dueIn(s, written);
    if (due) return due;
  }
  return undefined;
}
