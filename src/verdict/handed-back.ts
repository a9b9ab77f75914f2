// A decision handed back to a person is no undo. The words that put a value back ("goes back to",
// "går tillbaka", "vuelve a", "terug naar", "torna a", "επιστρέφει") are the words people use, too,
// for a question that returns to whoever has to answer it: "Testet avgör inte frågan; beslutet går
// tillbaka till Petra", "the decision goes back to the product owner", "la decisión vuelve a la
// dueña del producto", "het besluit gaat terug naar Petra". There what goes back is the decision —
// the verb's subject — and the value stays where it is until that person decides; read as an undo,
// the verdict would put the value back with a confidence nobody gave (holdout-32/17). Only where the
// decision is the subject, right before the verb: "the decision to go back to 82" and "Decision: go
// back to 82" decide an undo, and stay one.
import { regex } from './pattern.js';

// A decision, a question or a call, as the subject before the verb (with its article where the
// language writes it before: "the call", "la decisión"; after: "beslutet", "frågan", "beslutningen").
const DECIDER = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:decision|call|question|choice|matter|beslut(?:et)?|frågan|avgörandet|beslutning(?:en)?|avgjørelsen|afgørelsen|`,
  String.raw`spørsmålet|spørgsmålet|entscheidung|frage|decisi[oó]n|decisão|decisao|decisione|scelta|domanda|pregunta|pergunta|besluit|beslissing|`,
  String.raw`vraag|keuze|decizia|απόφαση|rozhodnutí|decyzja)`,
  // At most two words between ("the decision now goes back", "het besluit gaat terug"), none of them a
  // mark of an infinitive or a clause ("the decision to go back", "beslutet att gå tillbaka").
  String.raw`((?:\s{1,3}\p{L}{1,14}){0,2})\s{1,3}$`,
);
const LINK = /^(?:to|att|å|at|zu|um|de|di|da|te|om|of|that|que|che|dat|să|να)$/iu;

/** Does `phrase`, a word that goes back, stand in `text` with a decision as its subject ("beslutet
 * går tillbaka till Petra", "the decision goes back to the product owner")? Then it hands the
 * decision to someone, and puts no value back. */
export function handsDecisionBack(text: string, phrase: string): boolean {
  const lower = text.toLowerCase();
  const wanted = phrase.toLowerCase();
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const m = DECIDER.exec(text.slice(Math.max(0, at - 60), at));
    if (!m) continue;
    const between = (m[1] ?? '').trim().split(/\s+/u).filter(Boolean);
    if (!between.some((w) => LINK.test(w))) return true;
  }
  return false;
}
