// "Not needed any more: remove it from prod when prod moves to 4.2", "nicht mehr nötig, sobald Prod auf
// 4.2 ist", "non serve più: toglierlo da prd quando prd passa a 4.2", "ya no hace falta cuando prod pase a
// 4.2": a need said to end on an event written after it, in the same sentence, is a plan for that event,
// not news that the need has ended. Only a when-clause that reports what happened ("when we moved to 4.2
// it was no longer needed", "seit …") leaves the report standing.
import { regex } from './pattern.js';
import { tenseOf } from './tense.js';

// The words that tie what comes after them to an event: "when", "once", "as soon as", in the languages
// read. (Not "after": "no longer needed after the migration" reports the migration as much as it plans it.
// Not "als", "se", "si": "than", "itself", "yes" too.)
const WHEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:when|once|as soon as|sobald|wenn|sowie|quand|lorsque|dès que|une fois que|cuando|en cuanto|tan pronto como|una vez que|`,
  String.raw`quando|appena|non appena|una volta che|assim que|logo que|zodra|wanneer|när|så snart|når|straks|kiedy|gdy|jak tylko|heti kun|kun)(?![\p{L}])`,
);
// An English simple past the tense reader does not see without its helper ("when prod moved to 4.2"),
// but not a passive's participle ("when it is moved", "once it gets deployed").
const EN_PAST = /(?<![\p{L}])(?<!(?:is|are|be|gets?|been) )\p{L}{3,}ed(?![\p{L}])/u;

// The step that takes the value out, between the need's end and its event ("no longer needed: remove it
// from prod when …", "toglierlo da prd quando …", "le retirer quand …", "quitarlo cuando …", "uit prod
// halen zodra …", "entfernen, sobald …"): the event is the step's, and so the need's.
const REMOVE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:remov\p{L}*|drop|delete|take (?:it |them )?out|revert|roll (?:it )?back|undo|put (?:it )?back|set (?:it )?back|`,
  String.raw`entfern\p{L}*|rausnehm\p{L}*|zurücksetz\p{L}*|retir\p{L}*|supprim\p{L}*|enlev\p{L}*|quitar\p{L}*|elimin\p{L}*|togli\p{L}*|`,
  String.raw`rimuov\p{L}*|verwijder\p{L}*|weghal\p{L}*|halen|terugzett\p{L}*|tirar\p{L}*|usun\p{L}*|cofn\p{L}*|poist\p{L}*|ta bort|`,
  String.raw`fjern\p{L}*|återställ\p{L}*|tilbakestill\p{L}*|gendan\p{L}*)(?![\p{L}])`,
);

/** The when-clause after `end` (the end of a done phrase in `text`), in the same sentence, that puts
 * the end on an event still to come; undefined where there is none or it reports the past. The event
 * is the need's when it follows the phrase at once ("no longer needed once …", "nicht mehr nötig, sobald
 * …"), within its own few words, or after the step that takes the value out; another clause's event
 * ("backfill finished, production follows when the freeze ends") is that clause's. */
export function doneOnEvent(text: string, end: number): string | undefined {
  const rest = text.slice(end, end + 200);
  // The sentence's end: a full stop before a space or the end (not the dot of "4.2"), or a line break.
  const stop = rest.search(/[.!?;](?=\s|$)|\n/);
  const sentence = stop < 0 ? rest : rest.slice(0, stop);
  const when = WHEN.exec(sentence);
  if (!when) return undefined;
  const between = sentence.slice(0, when.index);
  const words = between.replace(/[\s,:–-]+/g, ' ').trim();
  const own = words === '' || (!/[,:–]/.test(between) && words.split(' ').length <= 6);
  if (!own && !REMOVE.test(between)) return undefined;
  const clause = sentence.slice(when.index);
  if (tenseOf(clause) === 'past' || EN_PAST.test(clause)) return undefined;
  return clause.trim();
}
