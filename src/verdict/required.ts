// What a document says a switch MUST be in an environment ("invoice mailer: must be off", "der
// Rechnungsversand muss aus bleiben", "l'envoi des factures doit être désactivé", "debe estar
// apagado", "moet uit staan", "musi być wyłączony") states that environment's value, as a person
// setting it up would read it: a file holding the opposite did not follow the document — a clone
// that kept what its ticket said not to copy — and is put back to what the document requires.
// Only a requirement said as one: not a wish ("should"), a condition ("if … must be off"), a question,
// or one bounded in time ("must be off until the go-live"), which the time readers weigh.
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

// The duty, and the duty's negation ("must not", "darf nicht", "ne doit pas", "no debe", "mag niet").
const MUST = [
  String.raw`must|has to|have to|needs? to|is to be|muss|müssen|doit|doivent|debe|deben|tiene que|tienen que|deve|devono|devem`,
  String.raw`tem de|tem que|moet|moeten|måste|ska|skal|må|musi|muszą`,
].join('|');
const MUST_NOT = [
  String.raw`must not|mustn['’]t|may not|darf nicht|dürfen nicht|darf kein\p{L}*|ne doit pas|ne doivent pas|no debe|no deben|non deve`,
  String.raw`non devono|não deve|não pode|mag niet|mogen niet|får inte|må ikke|skal ikke|nie może|nie mogą|nie wolno`,
].join('|');
// A state of a switch, after the duty and at most two words ("be", "stay", "always", "sein", "être",
// "estar", "essere", "vara", "być"). A bare "aus"/"uit"/"off"/"on" only where it ends the phrase or a
// verb of being follows ("muss aus bleiben"), never "aus dem Repo" or "off the public network".
const OFF = [
  String.raw`off(?![\s-]+(?:the|a|an|of|from|to)(?![\p{L}]))|switched off|turned off|disabled|deactivated`,
  String.raw`aus(?=\s*(?:sein|bleiben|stehen|$|[.,;:)]))|ausgeschaltet|abgeschaltet|deaktiviert`,
  String.raw`désactivée?s?|coupée?s?|éteinte?s?|desactivad[oa]s?|apagad[oa]s?|desativad[oa]s?|desligad[oa]s?|disattivat[oaie]|spent[oaie]`,
  String.raw`uit(?=\s*(?:staan|blijven|zijn|$|[.,;:)]))|uitgeschakeld|uitgezet`,
  String.raw`avstängd|avstängt|avaktiverad|avaktiverat|slået fra|slått av|deaktiveret|deaktivert|wyłączon\p{L}*`,
].join('|');
const ON = [
  String.raw`on(?=\s*(?:$|[.,;:)]))|switched on|turned on|enabled|activated`,
  String.raw`an(?=\s*(?:sein|bleiben|$|[.,;:)]))|eingeschaltet|aktiviert`,
  String.raw`activée?s?|activad[oa]s?|encendid[oa]s?|ativad[oa]s?|ligad[oa]s?|attivat[oaie]|acces[oaie]`,
  String.raw`aan(?=\s*(?:staan|blijven|zijn|$|[.,;:)]))|ingeschakeld`,
  String.raw`påslagen|påslaget|aktiverad|aktiverat|slået til|slått på|aktiveret|aktivert|włączon\p{L}*`,
].join('|');
const GAP = String.raw`(?:\s{1,3}[\p{L}]{1,12}){0,2}?\s{1,3}`;
const REQUIRED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?<not>${MUST_NOT})|(?:${MUST}))(?![\p{L}'’])${GAP}`,
  String.raw`(?:(?<off>${OFF})|(?<on>${ON}))(?![\p{L}])`,
);
// A requirement for a time or a situation, not for the environment as it is.
const BOUNDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|when|whenever|unless|until|till|during|while|wenn|falls|sobald|bis|während|solange|si|quand|jusqu['’]|pendant|`,
  String.raw`cuando|hasta|durante|mientras|quando|finché|fino a|zodra|tijdens|när|tills|hvis|når|indtil|inntil|jeśli|gdy|kiedy|dopóki|podczas)(?![\p{L}])`,
);

/** The switch a text requires, in a sentence naming the key (`names`): on or off, and the words. */
export function requiredSwitch(text: string, names: RegExp): { on: boolean; phrase: string } | undefined {
  for (const sentence of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    if (!names.test(sentence) || /[?？]\s*$/.test(sentence)) continue;
    const m = REQUIRED.exec(sentence);
    if (!m || BOUNDED.test(sentence)) continue;
    const said = !!m.groups!['on'];
    return { on: m.groups!['not'] ? !said : said, phrase: m[0] };
  }
  return undefined;
}
