// A setting left as an environment has it while something is awaited: "Leave exportEnabled unset
// meanwhile", "keep the flag off until legal confirms", "exportEnabled vorerst nicht setzen", "laisser
// le flag désactivé en attendant l'avis", "dejar exportEnabled sin definir mientras tanto". A region
// set up without a setting on purpose, a checklist item blocked on counsel or security: the absence
// (or the off) is that environment's state for now, decided, and a copy of the other environments'
// value would take the decision the text waits for. Not a keep for good ("leave it unset", with
// nothing awaited), which other readers weigh; not an instruction asked about or negated.
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

/** The state a text leaves the setting in: absent, or off. */
export type KeptState = 'unset' | 'off';

// Leave it unset / off / as it is, or do not set / enable it, in the languages read.
const UNSET = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:leave|keep)\s(?:[^\s;!?]+\s){0,3}?(?:unset|undefined|empty|absent|out)|(?:do not|don['’]t|must not|never)\s(?:set|add|define)|`,
  String.raw`nicht (?:setzen|definieren|eintragen)|(?:lassen|bleibt|bleiben)\s(?:[^\s;!?]+\s){0,2}?(?:ungesetzt|leer|weg)|`,
  String.raw`(?:laisser|laissez)\s(?:[^\s;!?]+\s){0,3}?(?:non défini|non renseigné|vide|absent)|ne pas (?:le |la )?(?:définir|renseigner)|`,
  String.raw`(?:dejar|deja|dejad)\s(?:[^\s;!?]+\s){0,3}?(?:sin definir|sin valor|vacío|vacía)|no (?:lo |la )?(?:definas|definir|configurar)|`,
  String.raw`(?:deixar|deixe)\s(?:[^\s;!?]+\s){0,3}?(?:sem valor|vazio|vazia|por definir|indefinid[oa])|não (?:definir|configurar)|`,
  String.raw`(?:lasciare|lascia)\s(?:[^\s;!?]+\s){0,3}?(?:non impostat[oa]|vuot[oa])|non (?:impostare|definire)|`,
  String.raw`(?:laat|laten)\s(?:[^\s;!?]+\s){0,3}?(?:leeg|ongezet|weg)|niet (?:zetten|instellen|definiëren))(?![\p{L}])`,
);
const OFF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:leave|keep)\s(?:[^\s;!?]+\s){0,3}?(?:off|disabled|switched off|turned off)|(?:do not|don['’]t|must not|never)\s(?:enable|turn on|switch on|activate)|`,
  String.raw`nicht (?:aktivieren|einschalten|anschalten)|(?:lassen|bleibt|bleiben)\s(?:[^\s;!?]+\s){0,2}?(?:aus|deaktiviert|abgeschaltet)|`,
  String.raw`(?:laisser|laissez)\s(?:[^\s;!?]+\s){0,3}?(?:désactivée?|éteinte?|coupée?)|ne pas (?:l['’]|le |la )?activer|`,
  String.raw`(?:dejar|deja|dejad)\s(?:[^\s;!?]+\s){0,3}?(?:desactivad[oa]|apagad[oa])|no (?:lo |la )?(?:actives|activar|enciendas)|`,
  String.raw`(?:deixar|deixe)\s(?:[^\s;!?]+\s){0,3}?(?:desligad[oa]|desativad[oa])|não (?:ativar|ligar)|`,
  String.raw`(?:lasciare|lascia)\s(?:[^\s;!?]+\s){0,3}?(?:disattivat[oa]|spent[oa])|non (?:attivare|accendere)|`,
  String.raw`(?:laat|laten)\s(?:[^\s;!?]+\s){0,3}?(?:uit|uitgeschakeld)|niet (?:aanzetten|activeren|inschakelen))(?![\p{L}])`,
);
// What it waits for: "meanwhile", "for now", "until …", "pending …", in the languages read.
const AWAITED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:meanwhile|in the meantime|for now|for the time being|until|till|pending|awaiting|blocked|`,
  String.raw`vorerst|vorläufig|bis dahin|in der zwischenzeit|solange|bis|bis zur|blockiert|`,
  String.raw`en attendant|pour l['’]instant|pour le moment|d['’]ici là|tant que|jusqu['’]à|bloqué\p{L}*|`,
  String.raw`mientras tanto|por ahora|de momento|hasta que|hasta|bloquead[oa]|`,
  String.raw`enquanto isso|por enquanto|por ora|até lá|até que|até|entretanto|bloquead[oa]|`,
  String.raw`nel frattempo|per ora|per il momento|finché|fino a|bloccat[oa]|`,
  String.raw`voorlopig|intussen|ondertussen|tot die tijd|totdat|zolang|geblokkeerd)(?![\p{L}])`,
);
// Asked, or set as a condition: no instruction.
const ASKED = /[?？]\s*$/u;
const CONDITION = /(?<![\p{L}])(?:if|whether|should we|sollen wir|ob|falls|si|se|als|of)\s/iu;

export interface KeptPending {
  state: KeptState;
  /** The sentence that says it. */
  sentence: string;
}

/** A sentence of `text` naming the key (`names`) that leaves it unset or off while something is
 * awaited — in that sentence or in the passage around it ("blocked: … Leave X unset meanwhile"). */
export function keptPending(text: string, names: (sentence: string) => boolean): KeptPending | undefined {
  const flat = text.replace(/\*\*|__|`/g, '');
  const sentences = flat
    .split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const awaited = AWAITED.test(flat);
  for (const sentence of sentences) {
    if (ASKED.test(sentence) || !names(sentence)) continue;
    const unset = UNSET.exec(sentence);
    const off = unset ? undefined : OFF.exec(sentence);
    const m = unset ?? off;
    if (!m || CONDITION.test(sentence.slice(0, m.index))) continue;
    if (!awaited) continue;
    return { state: unset ? 'unset' : 'off', sentence };
  }
  return undefined;
}
