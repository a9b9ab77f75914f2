// A plan's date given with a measured target as its condition: "production follows on 15 Oct if adoption
// is >= 90 % by then", "Prod am 1.12., wenn die Fehlerquote unter 0,5 % liegt", "la prod le 1/12 si le taux
// de succès dépasse 99 %", "prod el 1/12 si la adopción llega al 90 %". The date is when its writer hoped the
// measure would be reached; whether it was is a reading nobody's calendar gives, so the date passing is no
// go. An "if" without a target ("if nothing breaks", "wenn alles gut geht") is the date's own hedge, and
// stays the date's.
import { regex } from './pattern.js';

// "if" in the languages read, then the clause (a dot inside a number, "6.0", ends nothing).
const IF_CLAUSE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|provided|wenn|falls|sofern|si|se|als|indien|mits|om|hvis|jeśli|jeżeli|o ile|jos|mikäli)(?![\p{L}])`,
  String.raw`\s((?:[^.!?\n]|\.(?=\d)){4,160})`,
);
// A target: a share ("90 %"), a comparison before a number (">= 90", "≥ 0.5"), or a floor or ceiling word
// before one ("at least 90", "mindestens 90", "au moins", "al menos", "almeno", "ten minste", "pelo menos",
// "minst", "mindst", "co najmniej", "vähintään", "under 1", "unter 1", "below", "above", "über", "over").
const TARGET = regex(
  'iu',
  String.raw`\d\s?%|[<>≥≤]=?\s?\d|(?<![\p{L}])(?:at least|at most|above|below|over|under|mindestens|höchstens|über|unter|au moins|au plus|`,
  String.raw`au-dessus de|en dessous de|dépasse|al menos|como mínimo|supera|por debajo de|almeno|sopra|sotto|ten minste|boven|onder|pelo menos|`,
  String.raw`acima de|abaixo de|minst|mindst|över|co najmniej|powyżej|poniżej|vähintään|yli|alle)(?![\p{L}])\s?\d`,
);

/** The condition clause of `text` (the rest of a plan's sentence) that sets a measured target, if it does. */
export function measuredCondition(text: string): string | undefined {
  const m = IF_CLAUSE.exec(text);
  if (!m) return undefined;
  const clause = m[1]!.trim();
  return TARGET.test(clause) ? clause : undefined;
}
