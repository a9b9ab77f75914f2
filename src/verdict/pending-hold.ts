// A hold pending someone's decision: "DON'T touch it till she's back", "leave it as it runs until
// Chiara decides", "bitte nicht anfassen, bis Chiara zurück ist", "ne pas toucher jusqu'à son
// retour", "no lo toques hasta que vuelva", "niet aankomen tot ze terug is", "non toccarlo finché
// non torna". The hand edit is left as it runs only so that whoever decides still can: it is not a
// decision to keep it (which "leave it at 8000, it is the right value" is), and not one to undo it.
import { decisionLeftTo } from './intent.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

// Leave it be / don't touch it, in the languages read.
const HOLD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:do not|don['’]t|dont|never|please don['’]t) (?:touch|change|revert|undo|fix|codify|remove)|`,
  String.raw`leave (?:it|this|that|them)(?: alone| be| as is| as it runs| running| in place| live)?|hands off|`,
  String.raw`nicht (?:anfassen|anrühren|ändern|zurücksetzen|zurückdrehen)|(?:lass|lasst|lassen) (?:es|das|ihn|den wert) (?:so|in ruhe|stehen|laufen)|`,
  String.raw`ne (?:pas |rien )?(?:toucher|touchez|modifier|changer)|n['’]y touchez pas|laissez(?:-le| le)? (?:tel quel|comme ça|en place)|`,
  String.raw`no (?:lo |la )?(?:toques|tocar|toquéis|toquen|cambies|cambiar)|déjalo (?:así|como está)|`,
  String.raw`niet (?:aanraken|aankomen|wijzigen|terugzetten)|laat (?:het|dit) (?:zo|staan)|blijf eraf|`,
  String.raw`non (?:toccare|toccarlo|toccatelo|cambiare|cambiarlo)|lascia(?:lo|te)? (?:così|stare))(?![\p{L}])`,
);
// Leaving it alone said as what the writer does, not as an order: "not touching it", "I won't touch it",
// "leaving it as is", "ich fasse es nicht an", "on n'y touche pas", "no lo toco", "ik raak het niet aan",
// "non lo tocco", "nie ruszam tego". Read only beside a decision handed to someone (LEFT_TO below).
const LEFT_ALONE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not touching|won['’]t touch|will not touch|leaving (?:it|this|that|them) (?:alone|be|as is|as it runs|in place)|`,
  String.raw`(?:fasse|fassen|rühre|rühren) (?:es|das|ihn|den wert) nicht an|n['’]y touch(?:e|ons) pas|ne (?:le |la )?touch(?:e|ons) pas|`,
  String.raw`no (?:lo |la )?(?:toco|tocamos)|(?:raak|raken) (?:het|dit) niet aan|non (?:lo |la )?(?:tocco|tocchiamo)|nie (?:ruszam|ruszamy|dotykam|dotykamy))(?![\p{L}])`,
);

// The word that bounds the hold, and what it waits for (up to the clause's end).
const UNTIL = regex('iu', String.raw`(?<![\p{L}])(?:until|till|til|bis|jusqu['’](?:à|au|a)|hasta|totdat|tot|fino a|finché)(?![\p{L}])([^.;!?\n]{0,80})`);
// … a person's return or a decision (the one who decides is back, or has decided).
const RETURN_OR_DECISION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:back|returns?|returned|return|decides?|decided|decision|zurück|rückkehr|wieder da|entscheidet|entschieden|entscheidung|`,
  String.raw`retour|revienne|rentre|décide|décidé|décision|vuelva|regrese|regreso|vuelta|decida|decisión|terug|terugkomt|terugkeer|beslist|besloten|beslissing|`,
  String.raw`torna|ritorno|rientro|decide|deciso|decisione)(?![\p{L}])`,
);
// … or a word pointing back ("till then", "bis dahin") at the day or return the text names before it.
const BACK_THEN = regex('iu', String.raw`^\s*(?:then|dann|dahin|alors|là|entonces|dan|daar|allora)(?![\p{L}])`);

export interface PendingHold {
  /** The sentence that holds it. */
  sentence: string;
  /** Who decides, as the text writes it (undefined: the text names nobody plainly). */
  owner: string | undefined;
  /** The sentence that leaves the decision to them, when another one does. */
  decision: string | undefined;
}

const PRONOUN = /^(?:she|he|they|her|him|them|sie|er|elle|il|ella|él|ze|zij|hij|lei|lui)$/iu;

/** A sentence of `text` that leaves the value as it runs until a person returns or decides, and who. */
export function pendingHold(text: string): PendingHold | undefined {
  const left = decisionLeftTo(text, '', []);
  const handed = leftAloneFor(text);
  if (handed) return handed;
  for (const raw of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    const sentence = raw.replace(/\s+/g, ' ').trim();
    if (!sentence || /[?？]$/u.test(sentence) || !HOLD.test(sentence)) continue;
    const until = UNTIL.exec(sentence);
    if (!until) continue;
    const waits = until[1]!;
    const m = RETURN_OR_DECISION.exec(waits);
    if (!m && !(left && BACK_THEN.test(waits))) continue;
    const named = m
      ? waits
          .slice(0, m.index)
          .trim()
          .split(/\s+/)
          .slice(-2)
          .join(' ')
          .replace(/\b(?:is|has|have|ist|hat|est|a|sea|esté|heeft|is|è)$/iu, '')
          .trim()
      : '';
    const owner = left?.owner ?? (named && !PRONOUN.test(named) && /^\p{Lu}/u.test(named) ? named : undefined);
    return { sentence, owner, decision: left?.sentence };
  }
  return undefined;
}

// A line a writer wrapped goes on the next one: a list item or a heading starts anew.
const WRAPPED = /\n[ \t]*(?![-*+#>|]|\d{1,3}[.)]\s|\n)/gu;

/** A hand edit left alone while a named decider settles its fate ("not touching it: the cache team
 * decides in CACHE-14 whether 3gb stays or goes back"): the decision handed on in the same sentence
 * or the next one, and who takes it. */
function leftAloneFor(text: string): PendingHold | undefined {
  const sentences = text
    .replace(WRAPPED, ' ')
    .split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))
    .map((raw) => raw.replace(/\s+/g, ' ').trim());
  for (const [i, sentence] of sentences.entries()) {
    if (!sentence || /[?？]$/u.test(sentence) || !LEFT_ALONE.test(sentence)) continue;
    for (const next of [sentence, sentences[i + 1]]) {
      const left = next ? decisionLeftTo(next, '', []) : undefined;
      if (left) return { sentence, owner: left.owner, decision: left.sentence };
    }
  }
  return undefined;
}
