// A measure going back is not the change undone. "Checkout-Abbrüche gingen zurück", "die Fehler sind
// zurückgegangen" (failures went down), "error rate is back to the previous baseline", "les erreurs sont
// revenues à leur niveau précédent", "los errores volvieron al nivel anterior" report what the change
// did to a figure; the change itself stands. A going back withdraws only what it puts back: the
// change, the value, a setting — and German's "zurückgehen" only with where it goes back to ("wir
// gingen zurück auf 2 s", "zurück zum alten Wert"); without one it is a fall.
import { regex } from './pattern.js';

// What is measured, as its subject: errors, failures, latency, a rate, an alert, p99, in the languages read.
const MEASURE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:errors?|error[- ]rates?|failures?|latency|latencies|p\d{2,3}|5xx|rates?|alerts?|drop-?offs?|abandon(?:s|ments?)|`,
  String.raw`\p{L}*fehler\p{L}*|\p{L}*abbr(?:uch|üche)\p{L}*|latenz\p{L}*|\p{L}*quote|erreurs?|échecs?|latences?|taux|abandons?|errores|fallos|`,
  String.raw`latencias?|tasas?|fouten|storingen|latentie|errori|latenza|erros|falhas|latência|błęd\p{L}*|opóźnieni\p{L}*|virheet|fel(?:en)?)(?![\p{L}])`,
);
// The change or a setting as the subject instead: then the going back is its own.
const SETTING = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:change|value|setting|flag|override|timeout|limit|config\p{L}*|änderung|wert|einstellung|changement|valeur|`,
  String.raw`cambio|valor|wijziging|waarde|modifica|valore|zmian\p{L}*|wartoś\p{L}*)(?![\p{L}])`,
);
// German's going back: "ging(en) zurück", "geht zurück", "zurückgegangen", "zurückging".
const GOING = regex('iu', String.raw`(?<![\p{L}])(?:geh\p{L}*|ging\p{L}*|gegangen|zurückgeh\p{L}*|zurückging\p{L}*|zurückgegangen)(?![\p{L}])`);
// Where a going back goes: "zurück auf 2 s", "zurück zum alten Wert".
const DESTINATION = /^\p{L}*\s+(?:auf|zu|zum|zur|an|in|nach)\s/iu;

/** A going back (`index`, `word` in `text`) said of a measure, or German's going back with nowhere to go. */
export function measureBack(text: string, index: number, word: string): boolean {
  const start = Math.max(text.lastIndexOf('\n', index), text.lastIndexOf('. ', index), text.lastIndexOf(';', index), text.lastIndexOf(',', index)) + 1;
  const end = text.slice(index).search(/[.;,\n]/u);
  const clause = text.slice(start, end < 0 ? undefined : index + end);
  const before = text.slice(start, index);
  if (SETTING.test(before)) return false;
  if (MEASURE.test(before)) return true;
  if (!/^zurück/iu.test(word)) return false;
  return GOING.test(clause) && !DESTINATION.test(text.slice(index));
}
