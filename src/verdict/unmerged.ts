// A commit its own author marked not to be merged ("wip sql debugging - DON'T MERGE", "[DNM]",
// "do not merge", "nicht mergen", "no mergear", "ne pas merger", "niet mergen", "nie mergować") that
// reached an environment's file through a merge anyway: its values there are leftovers of work in
// progress, carried in with whatever the pull request was for. The environment it reached goes back
// to the value it had, and nothing of it moves on.
//
// Not a mark that waits for something ("do not merge before the window", "don't merge until CI is
// green"): that is a gate on the merge, and the merge may have come after it. Not one quoted from
// someone else (a review reply "> don't merge yet", "she said "do not merge""), and not one the merge
// answers by speaking of the key (the pull request chose to keep it, or said why).
import type { CommitLog } from './log.js';
import { regex } from './pattern.js';

const NOT_TO_MERGE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:do not merge|don['’]?t merge|dont merge|never merge|not for merg(?:e|ing)|not to be merged|dnm|`,
  String.raw`nicht mergen|nicht zusammenführen|no (?:hacer )?merge(?:ar)?|no fusionar|ne pas merger|ne pas fusionner|niet mergen|nie mergować|não fazer merge|não mergear)(?![\p{L}])`,
);
// What makes the mark a gate on the merge rather than a refusal of it.
const GATE_AFTER = regex(
  'iu',
  String.raw`^[^.;\n]{0,40}?(?<![\p{L}])(?:before|until|till|yet|unless|without|prior to|bis|vor|ohne|antes|hasta|sin|avant|jusqu|sans|voor|tot|zonder|przed|dopóki|bez)(?![\p{L}])`,
);

/** The text a commit's author wrote, without what it quotes: review replies ("> …") and quoted speech. */
const ownWords = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    // (Each quote's body excludes its own opening mark, so a run of openers is read once: linear.)
    .replace(/"[^"\n]*"|“[^“”\n]*”|„[^„“”\n]*[“”]|«[^«»\n]*»/g, ' ');

/** The mark, if the commit's own words refuse its merge outright. */
export function markedNotToMerge(subject: string, body: string): string | undefined {
  const text = ownWords(`${subject}\n${body}`);
  for (const m of text.matchAll(new RegExp(NOT_TO_MERGE.source, 'giu'))) {
    if (GATE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    return m[0];
  }
  return undefined;
}

/** The merge that brought `sha` in anyway, if any, and whether its message speaks of the key (by one of `words`). */
export function mergedAnyway(sha: string, log: CommitLog | undefined, words: readonly string[]): { merge: string; subject: string } | undefined {
  const via = log?.broughtBy.get(sha) ?? [];
  for (const merge of via) {
    const m = log!.messages.get(merge);
    if (!m) continue;
    const text = `${m.subject}\n${m.body}`.toLowerCase();
    if (words.some((w) => text.includes(w))) return undefined;
    return { merge, subject: m.subject };
  }
  return undefined;
}
