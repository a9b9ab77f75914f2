// A share that fails is a symptom, not a rollout's stage: "30% of requests were failing", "30 % der
// Anfragen schlagen fehl", "el 30 % de las peticiones fallaban", "30 % des requêtes échouent" say how
// bad it is, which the change answers; "to 30% of users" says how far a change has gone.
import { regex } from './pattern.js';

// A word before a failure that negates it ("no errors", "keine Fehler", "sans erreur"): the opposite,
// no symptom.
const NO = String.raw`(?:no|zero|without|keine?|ohne|sans|aucune?|sin|ningún|ninguna|senza|nessun[oa]?|geen|zonder|sem|nenhum[a]?|inga|ingen|bez|ei)`;
// What a share does when it is a symptom, in the languages the readers read, with its negation if any.
const FAILS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:${NO} )?`,
  String.raw`(?:fail|fails|failing|failed|failures?|errors?|erroring|errored|timed out|timing out|time out|timeouts?|5xx|50[0234]s?|rejected|dropped|`,
  // A pool, a quota or a disk run dry fails whoever asks next: "pool exhausted", "Pool erschöpft",
  // "pool épuisé", "pool agotado", "pool esgotat", "pool esaurito", "pool uitgeput", "pool esgotado",
  // "poolen er opbrugt", "pula wyczerpana".
  String.raw`exhausted|erschöpft|épuisée?s?|agotad[oa]s?|esgota[td]\p{L}*|esaurit[oaie]|uitgeput|esgotad[oa]s?|uttömd|opbrugt|oppbrukt|wyczerpan\p{L}*|`,
  String.raw`schlagen fehl|schlug fehl|fehlgeschlagen|fehlerhaft|fehler|scheiter\p{L}*|brechen ab|abgebrochen|`,
  String.raw`échou\p{L}*|erreurs?|en erreur|plantent|`,
  String.raw`fallan|fallaban|fallaron|fallidas?|fallos?|errores|`,
  String.raw`fallisc\p{L}*|fallit\p{L}*|errori|errore|`,
  String.raw`mislukt|mislukken|mislukten|faalt|falen|faalden|fouten|`,
  String.raw`falham|falhavam|falharam|falhas?|erros?|`,
  String.raw`misslyckas|misslyckades|fejler|fejlede|feiler|feilet|mislykkes|`,
  String.raw`błęd\p{L}*|niepowodzen\p{L}*|kończy się błędem|`,
  String.raw`epäonnistu\p{L}*|virhe\p{L}*)(?![\p{L}])`,
);
const NEGATED = regex('iu', String.raw`^${NO} `);
// An error or failure rate named before the share: "error rate at 30%", "Fehlerquote 30 %".
const RATE_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:error|failure|fail|timeout|5xx)[ -]?(?:rate|ratio)|fehlerquote|fehlerrate|taux d['’](?:erreur|échec)|`,
  String.raw`tasa de (?:error|fallos?)|tasso di (?:errore|fallimento)|foutpercentage|taxa de (?:erro|falha)|felfrekvens|`,
  String.raw`odsetek błędów|virheprosentti`,
);

/** Is the share written at `index` in `text` ("30% of") one of things failing (within its clause)? */
export function isFailureShare(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 30), index);
  const cut = Math.max(...[...'.;\n!?'].map((c) => before.lastIndexOf(c)));
  if (RATE_BEFORE.test(before.slice(cut + 1))) return true;
  const after = text.slice(index + length, index + length + 70);
  const end = after.search(/[.;\n!?]/);
  const clause = end < 0 ? after : after.slice(0, end);
  const m = FAILS.exec(clause);
  return !!m && !NEGATED.test(m[0]);
}

/** The first failure a text reports ("captures fail", "kończy się błędem", "schlagen fehl"), not one negated
 * ("no errors", "keine Fehler"): its words. */
export function failureIn(text: string): string | undefined {
  for (const m of text.matchAll(new RegExp(FAILS.source, 'giu'))) if (!NEGATED.test(m[0])) return m[0];
  return undefined;
}
