// A keep that lasts until someone answers: "hold at 20 until Daniel confirms", "not ramping until the
// account manager gets back to us", "bleibt bei 20, bis der Kunde bestätigt", "on reste à 20 jusqu'à ce
// que le client confirme", "se queda en 20 hasta que legal responda". The value is kept on purpose, but
// not as the environment's own setting: it waits for a word nobody has recorded, and what follows
// (it stays, or it follows the others) is that person's answer — a question, never a confident
// declare. Pure.
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

const AWAITS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|pending|bis|jusqu['’]à ce que|hasta que|finché|fino a quando|até que|tot|totdat|tills|indtil|inntil|dopóki|aż|kunnes)`,
  String.raw`(?:\s[^\s.!?;]{1,40}){1,6}?\s`,
  String.raw`(?:confirms?|confirmation|answers?|replies|responds?|gets back(?: to \p{L}+)?|clarifies|clarification|signs? off|`,
  String.raw`bestätigt|zusagt|antwortet|sich meldet|klärt|confirme|réponde|répond|confirma|responda|responde|conferma|risponda|risponde|`,
  String.raw`confirme|bevestigt|antwoordt|reageert|bekräftar|svarar|bekræfter|svarer|bekrefter|potwierdzi|odpowie|vahvistaa|vastaa)(?![\p{L}])`,
);

/** The sentence of `text` that keeps a value until someone answers, if one does. */
export function awaitsAnswer(text: string): string | undefined {
  for (const raw of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    const sentence = raw.trim();
    if (sentence && !/\?\s*$/.test(sentence) && AWAITS.test(sentence)) return sentence;
  }
  return undefined;
}
