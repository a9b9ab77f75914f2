// Whether a clause reports what happened or plans what is to come, in the languages read: the year
// a day written without one is in follows from it (deadline.ts). Read word by word against lists, not
// by one pattern per language: a past form is a closed set of helpers ("was", "wurde", "était",
// "werd", "został") or a helper with a participle ("has been", "ist … zurückgesetzt", "a été remis",
// "is … teruggezet"), and the Polish past tense's endings ("przywróciliśmy", "zmieniono").
import type { YearOf } from './calendar.js';

/** Words that alone make a clause past: a past helper or copula. */
const PAST_HELPERS = new Set(
  [
    'was were had did got', // en
    'wurde wurden war waren worden hatte hatten', // de
    'était étaient avait avaient fut furent', // fr
    'werd werden waren hadden', // nl ("was", "had" are English too)
    'został została zostało zostali zostały był była było byli były przywrócono zmieniono ustawiono cofnięto', // pl
    'byl byla bylo byli byly', // cs
    'fue fueron estaba estaban', // es
    'fu furono era erano', // it
    'foi foram estava', // pt
    'blev ble hade vart', // sv, da, no ("blev återställd", "ble satt tilbake", "hade återställts")
    // sv: a put-back or a change in the past passive ("återställdes", "sattes tillbaka", "ändrades"), a
    // closed list: the ending alone ("-des", "-tes") is English too ("updates", "notes").
    'återställdes återställts sattes satts ändrades ändrats höjdes sänktes sänkts höjts återgick togs',
  ]
    .join(' ')
    .split(' '),
);
type Participle = (word: string) => boolean;
/** A German or Dutch participle: "ge" (anywhere: "zurückgesetzt", "teruggezet"), two letters or more,
 * and its ending ("t", "d", or with `en` "en": "gesetzt", "verlaagd", "gegeben"). By index, not by a
 * pattern: `\p{L}*ge\p{L}{2,}` backtracks on long words. */
function geParticiple(word: string, en: boolean): boolean {
  const end = en && word.endsWith('en') ? 2 : /[td]$/.test(word) ? 1 : 0;
  const ge = word.indexOf('ge');
  return end > 0 && ge >= 0 && word.length - end - (ge + 2) >= 2;
}
const test =
  (re: RegExp): Participle =>
  (word) =>
    re.test(word);
/** Helpers of a perfect, past only with a participle after them in the clause. */
const PERFECT_HELPERS = new Map<string, Participle>([
  // en: "has been set back", "have reverted"
  ['has', test(/^(?:been|\p{L}{2,}ed)$/u)],
  ['have', test(/^(?:been|\p{L}{2,}ed)$/u)],
  // de / nl: "ist … zurückgesetzt", "hat … gesetzt", "is … teruggezet", "heeft … verlaagd"
  ...['hat', 'haben', 'ist', 'sind', 'heeft', 'hebben', 'zijn'].map((w): [string, Participle] => [
    w,
    (x) => geParticiple(x, true) || /^ver\p{L}{2,}[td]$/u.test(x),
  ]),
  // fr: "a été remis", "avons remis", "est repassé"
  // (Not Spanish "a poner en 600 después" nor Portuguese "através": "a" is a preposition there.)
  ...['a', 'ont', 'avons', 'est', 'sont'].map((w): [string, Participle] => [
    w,
    test(/^(?!despu|atrav)(?:été|\p{L}{2,}(?:é|ée|és|ées)|(?:re)?mis|(?:re)?pris|fait|remise)$/u),
  ]),
  // es / it / pt: "ha vuelto", "è stato", "foi"
  ...['ha', 'han', 'hemos', 'è', 'sono', 'abbiamo', 'tem', 'temos'].map((w): [string, Participle] => [w, test(/^\p{L}{2,}(?:ado|ido|ato|ito|uto|to|ta)$/u)]),
]);
// Dutch "is" is English "is" too: a Dutch participle ("is … teruggezet") after it, never an English one.
PERFECT_HELPERS.set('is', (x) => geParticiple(x, false));
/** Polish past forms by their endings ("przywróciliśmy", "obniżyłem", "zmieniła", "wrócił"). */
const POLISH_PAST = /^\p{L}{3,}(?:liśmy|łyśmy|łem|łam|iła|iło|ił|yła|yło|ył|ała|ało|ał|ął|ęła|ęło)$/u;
/** The Spanish preterite's third person ("se volvió a poner", "cambió", "restauró", "bajó"): no English
 * or other word read here ends so ("só" is two letters). */
const SPANISH_PAST = /^\p{L}{2,}ó$/u;
/** Words that make a clause a plan whatever else is in it. */
const FUTURE = new Set(
  [
    'will shall plan plans', // en
    'wird werden soll sollen', // de
    'sera seront va allons', // fr
    'zal zullen gaat', // nl
    'będzie będą zostanie zostaną planujemy', // pl
    'será serán sarà saranno', // es, it, pt
  ]
    .join(' ')
    .split(' '),
);

const wordsOf = (clause: string) => clause.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];

// What should have happened and did not: a modal of duty or intent in the conditional past with its
// past helper ("should have", "hätte … sollen", "aurait dû", "debería haber", "had moeten", "avrebbe
// dovuto", "deveria ter", "powinno było", "borde ha"). Its day is one gone by, whatever future words
// ("sollen", "werden") stand in it: a put-back past due, not a plan. Pairs of words, the first two
// letters apart at most.
// A participle after the helper, where the helper is also a verb of having ("should have 64 by 1.12."
// owns a value ahead; "should have gone back" did not happen): English, the Scandinavian supine,
// Spanish and Portuguese.
const EN_PARTICIPLE = /^(?:\p{L}{2,}ed|been|gone|done|taken|shown|brought|set|put|run|cut|made|left|kept)$/u;
const SUPINE = /^\p{L}{2,}(?:t|ts|dd)$/u;
const ROMANCE_PARTICIPLE = /^\p{L}{2,}(?:ado|ada|ido|ida|to|ta|cho)$/u;
const ANY = /^/u;
const COUNTERFACTUAL: Array<[RegExp, RegExp, RegExp]> = [
  [/^(?:should|would|could|ought|must)$/u, /^have$/u, EN_PARTICIPLE], // en
  [/^hätte[nt]?$/u, /^(?:sollen|müssen|können|werden|dürfen|gesollt|gemusst)$/u, ANY], // de
  [/^(?:aurais|aurait|aurions|auriez|auraient)$/u, /^(?:dû|pu|fallu)$/u, ANY], // fr
  [/^(?:debería[ns]?|deberíamos|tendría[ns]?|tendríamos|habría[ns]?|habríamos)$/u, /^(?:haber|debido|tenido)$/u, ROMANCE_PARTICIPLE], // es
  [/^(?:had|hadden)$/u, /^(?:moeten|gemoeten|kunnen)$/u, ANY], // nl
  [/^(?:avrebbe|avrebbero|avremmo|sarebbe|sarebbero|saremmo)$/u, /^(?:dovuto|dovut[aie]|potuto)$/u, ANY], // it
  [/^(?:deveria[m]?|deveríamos|devia[m]?|devíamos|teria[m]?)$/u, /^(?:ter|sido|tido)$/u, ROMANCE_PARTICIPLE], // pt
  [/^(?:powin(?:no|ien|na|niśmy)|mieliśmy)$/u, /^(?:było|był|była)$/u, ANY], // pl
  [/^(?:borde|skulle|burde|skulde)$/u, /^(?:ha|have|haft|hatt)$/u, SUPINE], // sv, da, no
];
/** A should-have in the clause: the modal, its past helper within three words, and (where the helper
 * also means having) a participle right after it. */
function counterfactual(words: readonly string[]): boolean {
  if (words.some((w, i) => /^(?:should|would|could|must)['’]ve$/u.test(w) && EN_PARTICIPLE.test(words[i + 1] ?? ''))) return true;
  return words.some((w, i) =>
    COUNTERFACTUAL.some(([modal, helper, then]) => {
      if (!modal.test(w)) return false;
      const j = words.slice(i + 1, i + 4).findIndex((x) => helper.test(x));
      return j >= 0 && (then === ANY || then.test(words[i + 2 + j] ?? ''));
    }),
  );
}

/** "past" when the clause reports what happened, "future" when it says what is to come, else nothing said. */
export function tenseOf(clause: string): 'past' | 'future' | undefined {
  const words = wordsOf(clause);
  if (counterfactual(words)) return 'past';
  if (words.some((w) => FUTURE.has(w) || w.endsWith("'ll"))) return 'future';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (PAST_HELPERS.has(w) || POLISH_PAST.test(w) || SPANISH_PAST.test(w)) return 'past';
    const participle = PERFECT_HELPERS.get(w);
    if (participle && words.slice(i + 1, i + 6).some(participle)) return 'past';
  }
  return undefined;
}

/** Which year a day written without one is in, by the clause that names it and whether its lead is a
 * limit ("until", "bis", "do", "tot": a plan's end): a plan's limit is the next such day after the
 * text; a report of the past the last one before it (a limit in a past clause the nearer one: "has
 * been raised until 20.11." on 10 November); a clause with no tense the day just gone if it passed
 * within six weeks ("back to 600 after 20.11." written on 25 November is the 20th just gone, not next
 * year's), else the next ("the fix ships (9/25)" in March is September's). */
export function yearOfClause(clause: string, limit: boolean): YearOf {
  const tense = tenseOf(clause);
  if (tense === 'future') return 'ahead';
  if (limit) return tense === 'past' ? 'near' : 'ahead';
  return tense === 'past' ? 'past' : 'recent';
}

// Where a clause ends around a word: a sentence's end, a line, a comma, semicolon, colon or dash between
// words ("Pool auf 900 erhöht, nach dem 20.11. wieder auf 600": the put-back is a clause of its own).
const CLAUSE_END = /[,;:!?\n]|\.(?=\s+\p{Lu})|\s[—–-]\s/gu;

/** Whether the clause of `text` around `index` reports what happened: "Pool wurde nach dem 20.11.
 * wieder auf 600 gesetzt", "Poolen återställdes till 600 efter 20.11.", "se volvió a poner en 600" tell
 * of a put-back done, where "nach dem 20.11. wieder auf 600" plans one. */
export function reportedAt(text: string, index: number): boolean {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    if (m.index < index) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return tenseOf(text.slice(start, end)) === 'past';
}
