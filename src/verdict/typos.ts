// A slip of the keyboard in a word the readers key on ("remvoe after week 47", "stagign only",
// "temporarliy", "untill Friday") hides the intent it carries. The readers' lead words of five
// letters or more are read through one slip — a letter swapped with its neighbour, changed, added
// or dropped — before any reader sees the text. Never a short word by rule (a slip of one letter in
// "off" or "prod" is another word; the few short slips that are no word, "teh", "adn", are named),
// never a word that is itself a word ("remote", "stating", "unable"),
// and never a change at a word's end that makes an inflection ("approves" is not "approved",
// "removed" not "remove"): there the slip is the meaning.

// The words a reader's pattern starts from: verbs of undoing, time limits, scopes, the environments'
// usual names and the words that report or approve.
const LEADS = [
  'remove',
  'revert',
  'rollback',
  'restore',
  'disable',
  'delete',
  'revoke',
  'temporary',
  'temporarily',
  'until',
  'after',
  'everywhere',
  'environment',
  'environments',
  'staging',
  'production',
  'approved',
  'finished',
  'completed',
  'rollout',
  'expires',
  'promote',
  'hotfix',
  'incident',
];

// Real words one slip from a lead word: never mended.
const WORDS = new Set([
  'remote',
  'reverb',
  'revery',
  'stating',
  'staking',
  'statins',
  'unable',
  'untie',
  'alter',
  'aster',
  'empire',
  'empires',
  // The same words in the languages teams mix in: an environment named "produktion" is not a slip.
  'produktion',
  'efter',
]);

const BY_LENGTH = new Map<number, string[]>();
for (const lead of LEADS) for (const n of [lead.length - 1, lead.length, lead.length + 1]) BY_LENGTH.set(n, [...(BY_LENGTH.get(n) ?? []), lead]);
const LEAD_SET = new Set(LEADS);

/** Is `word` one slip from `lead` — not at the lead's last letter, unless it doubles it? */
function oneSlip(word: string, lead: string): boolean {
  let i = 0;
  while (i < word.length && i < lead.length && word[i] === lead[i]) i++;
  const [w, l] = [word.slice(i), lead.slice(i)];
  const last = lead.length - 1;
  if (word.length === lead.length) {
    // Two neighbours swapped ("remvoe", "stagign").
    if (w.length >= 2 && w[0] === l[1] && w[1] === l[0] && w.slice(2) === l.slice(2)) return true;
    // One letter changed, not the last ("approves").
    return i < last && w.slice(1) === l.slice(1);
  }
  // One letter added: inside the word, or the last one doubled ("untill").
  if (word.length === lead.length + 1) return w.slice(1) === l && (i < lead.length || word.at(-1) === lead.at(-1));
  // One letter dropped, not the last ("tempoary").
  return i < last && w === l.slice(1);
}

// The short words a reader's pattern reads between its lead words ("after the freeze", "and
// staging", "with the release"), in the slips people type most and that are no word themselves:
// one slip in a short word is too often another word to be found by rule, so these are named.
const SHORT = new Map([
  ['teh', 'the'],
  ['hte', 'the'],
  ['adn', 'and'],
  ['nad', 'and'],
  ['taht', 'that'],
  ['wiht', 'with'],
  ['thsi', 'this'],
  ['tihs', 'this'],
  ['whne', 'when'],
  ['wehn', 'when'],
  ['onyl', 'only'],
  ['olny', 'only'],
  ['jsut', 'just'],
]);

/** The lead word a word is a slip of, if it is one. */
function mended(word: string): string | undefined {
  if (word.length < 5) return SHORT.get(word.toLowerCase());
  const lower = word.toLowerCase();
  if (LEAD_SET.has(lower) || WORDS.has(lower)) return undefined;
  return BY_LENGTH.get(lower.length)?.find((lead) => oneSlip(lower, lead));
}

const WORD = /[A-Za-z]{3,13}/g;
const MENDS = new Map<string, string>();

/** The text with each slip of a lead word mended (in the case it was written in: "REMVOE" →
 * "REMOVE"); the same text when it holds none. */
export function mendTypos(text: string): string {
  const kept = MENDS.get(text);
  if (kept !== undefined) return kept;
  const out = text.replace(WORD, (word, index: number) => {
    // Part of a longer run of letters or digits (an identifier, a hash): not a word.
    if (/[\p{L}\d_]/u.test(text[index - 1] ?? '') || /[\p{L}\d_]/u.test(text[index + word.length] ?? '')) return word;
    const lead = mended(word);
    if (!lead) return word;
    return word === word.toUpperCase() ? lead.toUpperCase() : word[0] === word[0]!.toUpperCase() ? lead[0]!.toUpperCase() + lead.slice(1) : lead;
  });
  if (MENDS.size >= 4096) MENDS.clear();
  MENDS.set(text, out);
  return out;
}
