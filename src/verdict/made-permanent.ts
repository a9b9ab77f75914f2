// A temporary measure can end the other way: the opinion, review or decision it waited for makes it
// the setting. "Temporary, pending the legal opinion" answered by the opinion's "must be maintained;
// this is no longer a temporary measure" is a difference decided, not a hack past its end: the later
// text has made the value its environment's own, and undoing it would undo the decision.
//
// Read in a sentence of a later text linked to the change (answered.ts): the measure said to be no
// longer temporary ("ce n'est plus une mesure temporaire", "nicht mehr vorübergehend", "ya no es
// temporal"), called permanent ("permanent", "dauerhaft", "definitivo", "na stałe"), or to be kept as
// a decision ("must be maintained", "doit être maintenu", "deve ser mantido", "keep the difference").
// A keep with an end ("keep it until the migration", "vorerst beibehalten") is a time limit, not this;
// negated, asked or conditional ("if it must be kept", "ist es dauerhaft?") it says nothing.
import { doubtIn, foreignSays, foreignWordsAt } from './languages.js';
import { regex } from './pattern.js';
import { everywhereSaid } from './intent.js';
import { negatedBefore } from './conditions.js';
import { permanenceWithheld } from './permanence-withheld.js';

// "No longer temporary", in the languages read.
const NO_LONGER_TEMPORARY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:no longer (?:a |an )?(?:temporary|interim|provisional|stop-?gap)|`,
  String.raw`nicht (?:mehr|länger) (?:nur )?(?:temporär|vorübergehend|provisorisch|vorläufig)|`,
  String.raw`keine (?:temporäre|vorübergehende|provisorische|vorläufige) (?:maßnahme|lösung|einstellung) mehr|`,
  String.raw`(?:n['’]est|ne sont|n['’]a) plus (?:rien de |une |un |des )?(?:mesures? |solutions? )?(?:temporaires?|provisoires?)|`,
  String.raw`ya no es (?:una |un )?(?:medida |solución )?(?:temporal|provisional|transitori[oa])|deja de ser (?:temporal|provisional)|`,
  String.raw`(?:já não é|não é mais|deixa de ser) (?:uma |um )?(?:medida |solução )?(?:temporári[oa]|provisóri[oa])|`,
  String.raw`non è più (?:una |un )?(?:misura |soluzione )?(?:temporane[oa]|provvisori[oa])|`,
  String.raw`niet (?:langer|meer) (?:een )?(?:tijdelijk\p{L}*|voorlopig\p{L}*)|`,
  String.raw`inte längre (?:en |ett )?(?:tillfällig\p{L}*|temporär\p{L}*)|ikke (?:længere|lenger) (?:en |et )?midlertidig\p{L}*|`,
  String.raw`(?:już nie jest|nie jest już) (?:\p{L}+ )?tymczasow\p{L}*)(?![\p{L}])`,
);

// Kept as a decision: "must be maintained", "keep the difference", "doit être maintenu", "muss
// beibehalten werden", "debe mantenerse", "deve ser mantido", "va mantenuto", "moet behouden blijven",
// "ska behållas", "skal bevares", "należy utrzymać".
const KEPT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:must|should|shall|will|is to|are to|needs? to|has to) (?:be )?(?:kept|maintained|retained)|`,
  String.raw`(?:keep|maintain|retain) (?:the|this) difference|make (?:it|this|that) permanent|here to stay|`,
  String.raw`doi(?:t|vent) (?:être )?(?:maintenue?s?|conservée?s?|gardée?s?)|(?:conserver|maintenir|garder) (?:la|cette) différence|`,
  String.raw`(?:muss|müssen|soll|sollen|wird|werden) (?:so )?(?:beibehalten|bestehen bleiben|erhalten bleiben)|unterschied (?:beibehalten|bleibt)|`,
  String.raw`(?:debe|deben|se debe) (?:mantenerse|conservarse)|(?:mantener|conservar) (?:la|esta) diferencia|`,
  String.raw`(?:deve|devem) (?:ser )?(?:mantid[oa]s?|conservad[oa]s?)|(?:deve|devem) manter-se|manter a diferença|`,
  String.raw`(?:va|vanno|deve|devono) (?:essere )?(?:mantenut[oaie]|conservat[oaie])|mantenere la differenza|`,
  String.raw`(?:moet|moeten) (?:zo )?(?:behouden (?:blijven|worden)|gehandhaafd (?:blijven|worden))|verschil behouden|`,
  String.raw`(?:ska|skall|bör) (?:behållas|bibehållas)|behåll skillnaden|(?:skal|bør) (?:bevares|beholdes|opretholdes)|`,
  String.raw`(?:należy|trzeba) (?:to )?(?:utrzymać|zachować))(?![\p{L}])`,
);
const PERMANENT_EN = /(?<![\p{L}])(?:permanent(?:ly)?|for good|definitive(?:ly)?)(?![\p{L}])/iu;

// An end beside the keep: "keep it until the migration", "vorerst", "pour l'instant", "por ahora".
const LIMITED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|for now|for the time being|bis|vorerst|vorläufig|jusqu['’]|pour l['’]instant|pour le moment|`,
  String.raw`hasta|por ahora|de momento|até|por enquanto|fino a|per ora|per il momento|voorlopig|tot|tills|tills vidare|`,
  String.raw`indtil|inntil|foreløbig|foreløpig|dopóki|na razie|tymczasowo)(?![\p{L}])`,
);

/** The words of `sentence` that make a temporary measure permanent, if it says so — for its own
 * environment: a permanence for every environment ("5 s in every environment, permanently", "dauerhaft
 * in allen Umgebungen") keeps nothing apart, it sets the value everywhere (`permanentEverywhere`). */
export function madePermanent(sentence: string): string | undefined {
  if (permanentEverywhere(sentence)) return undefined;
  const said = (re: RegExp): string | undefined => {
    const m = re.exec(sentence);
    return m && !doubtIn(sentence, m.index, m[0].length) && !permanenceWithheld(sentence, m.index, m[0].length) ? m[0] : undefined;
  };
  const noLonger = said(NO_LONGER_TEMPORARY);
  if (noLonger) return noLonger;
  if (LIMITED.test(sentence)) return undefined;
  const foreign = foreignSays(sentence, 'permanent')?.phrase;
  // ("NO se aprueba como cambio permanente": the permanence a refusal withholds.)
  const at = foreign ? sentence.toLowerCase().indexOf(foreign.toLowerCase()) : -1;
  return said(KEPT) ?? said(PERMANENT_EN) ?? (foreign && !permanenceWithheld(sentence, Math.max(0, at), foreign.length) ? foreign : undefined);
}

/** The permanence word of `sentence` a refusal withholds ("not approved as a permanent change", "NO se
 * aprueba como cambio permanente"): the measure refused as a setting, to stay the stop-gap it was. */
export function permanenceRefused(sentence: string): string | undefined {
  const m = PERMANENT_EN.exec(sentence);
  if (m && permanenceWithheld(sentence, m.index, m[0].length)) return m[0];
  // (Negated or not: "nicht als permanent genehmigt" is withheld, whatever else the negation reads as.)
  return foreignWordsAt(sentence, 'permanent').find((w) => permanenceWithheld(sentence, w.index, w.phrase.length))?.phrase;
}

/** The every-environment words of a sentence that makes the measure permanent for all of them ("the TTL
 * is 5 s in every environment, permanently", "gilt dauerhaft in allen Umgebungen", "de forma permanente en
 * todos los entornos"): the measure became the setting, and the environments without it follow. */
export function permanentEverywhere(sentence: string): string | undefined {
  // In one clause: "permanently in prod; all environments are reviewed next quarter" keeps prod apart.
  for (const clause of sentence.split(/[;:]|\s[—–]\s/u)) {
    const everywhere = everywhereSaid(clause);
    // ("not in every environment": one word may stand between the negation and the words.)
    if (!everywhere || negatedBefore(clause, clause.toLowerCase().indexOf(everywhere.toLowerCase()), 'words')) continue;
    const m = PERMANENT_EN.exec(clause);
    const permanent = (m && !doubtIn(clause, m.index, m[0].length) ? m[0] : undefined) ?? foreignSays(clause, 'permanent')?.phrase;
    if (permanent && !permanenceRefused(clause)) return everywhere;
  }
  return undefined;
}
