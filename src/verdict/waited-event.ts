// What another environment waits for when its clause gives no date: "in Prod bis zur Abschaltung",
// "en prod hasta el cierre", "w prod do dnia wygaszenia", "en prod jusqu'à l'arrêt de la v1". The wait
// word bounds that environment's old value: it holds until the event and follows after it, as English
// "in prod until the sunset day" does (deadline.ts reads the English event). Not an open end: "bis auf
// Weiteres", "hasta nuevo aviso", "jusqu'à nouvel ordre", "do odwołania" keep the value, with no event.
import { regex } from './pattern.js';

// The wait word and what it waits for, up to the clause's end; the article after it is not the event.
const WAITS_FOR = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:bis (?:zum|zur|zu)|bis|hasta (?:el|la|los|las)|hasta|jusqu['’](?:à la|à l['’]|au|aux|à)|até (?:o|a|ao|à)|até|`,
  String.raw`fino (?:al|alla|allo|all['’])|fino a|tot (?:de|het)|totdat|do dnia|do czasu|aż do|tills|indtil|inntil|frem til|fram till)`,
  String.raw`\s?(\p{L}[\p{L}\p{N}'’ -]{2,60})`,
);
// "until further notice", as each language says it: an open end, not an event.
const OPEN_END = regex(
  'iu',
  String.raw`^(?:auf weiteres|weiteres|nuevo aviso|nouvel ordre|novo aviso|nuovo avviso|nader order|nader bericht|odwołania|vidare|videre|`,
  String.raw`further notice)(?![\p{L}])`,
);

/** The event a clause's wait word waits for, where the clause gives no date: "Abschaltung" in "Prod
 * bleibt bis zur Abschaltung an". Undefined for an open end ("bis auf Weiteres") or no wait word. */
export function waitedEvent(clause: string): string | undefined {
  const m = WAITS_FOR.exec(clause);
  if (!m) return undefined;
  const event = m[1]!.trim();
  return OPEN_END.test(event) ? undefined : event;
}
