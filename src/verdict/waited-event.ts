// What another environment waits for when its clause gives no date: "in Prod bis zur Abschaltung",
// "en prod hasta el cierre", "w prod do dnia wygaszenia", "en prod jusqu'à l'arrêt de la v1". The wait
// word bounds that environment's old value: it holds until the event and follows after it, as English
// "in prod until the sunset day" does (deadline.ts reads the English event). Not an open end: "bis auf
// Weiteres", "hasta nuevo aviso", "jusqu'à nouvel ordre", "do odwołania" keep the value, with no event.
import { regex } from './pattern.js';

// The wait word and what it waits for, up to the clause's end; the article after it is not the event.
const WAITS_FOR = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:bis zum|bis zur|bis zu|bis|hasta el|hasta la|hasta los|hasta las|hasta|jusqu['’]aux|jusqu['’]au|jusqu['’]à la|jusqu['’]à|`,
  String.raw`até ao|até à|até o|até a|até|fino all['’]|fino alla|fino allo|fino al|fino a|tot de|tot het|totdat|do dnia|do czasu|aż do|tills|indtil|inntil|`,
  String.raw`frem til|fram till)(?:\s|(?<=['’]))(\p{L}[\p{L}\p{N}'’ -]{2,60})`,
);
// "until further notice", as each language says it: an open end, not an event.
const OPEN_END = regex(
  'iu',
  String.raw`^(?:auf weiteres|weiteres|nuevo aviso|nouvel ordre|novo aviso|nuovo avviso|nader order|nader bericht|odwołania|vidare|videre|`,
  String.raw`further notice)(?![\p{L}])`,
);

/** The event a clause's wait word waits for, where the clause gives no date: "Abschaltung" in "in Prod
 * bis zur Abschaltung". Undefined for an open end ("bis auf Weiteres") or no wait word. (intent.ts reads a
 * keep verb beside it, "Prod bleibt bis …", as the keep it says.) */
export function waitedEvent(clause: string): string | undefined {
  const m = WAITS_FOR.exec(clause);
  if (!m) return undefined;
  const event = m[1]!.trim();
  return OPEN_END.test(event) ? undefined : event;
}
