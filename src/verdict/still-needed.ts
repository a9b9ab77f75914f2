// Whether a change is still needed, asked since. A value set for a reason (a database that ran out of
// connections, a regression suite that needs short caches) outlives the reason or not; once a record
// written after the change asks it — meeting notes ("Is the cap of 40 still needed after the move to
// Aurora?"), a review ("does the regression still need the 5 s TTL?"), a stand-up, an action item ("check
// whether the limit is still needed") — the people who run the value could not tell, and neither can a
// default read from the key's nature or the change's first words. Until a text since answers it (still
// needed, no longer needed, a decision), the value's continuation is the question. Pure.
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { readingOf } from './texts.js';

// "still needed", in the languages read, with the verb forms a question takes ("do we still need",
// "brauchen wir … noch", "a-t-on encore besoin", "tarvitaanko … vielä").
const STILL_NEEDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:still (?:needed|required|necessary|justified|warranted|need|needs|a need|have to have)|`,
  String.raw`noch (?:nötig|notwendig|erforderlich|gebraucht|benötigt|gerechtfertigt)|(?:brauchen|benötigen) wir (?:[\p{L}\p{N}.,]+ ){0,8}?noch|`,
  String.raw`(?:encore|toujours) (?:nécessaire|utile|justifiée?|requise?|besoin)|`,
  String.raw`(?:sigue siendo|aún es|todavía es) (?:necesari[oa]|imprescindible)|(?:aún|todavía|sigue) (?:hace falta|haciendo falta|se necesita|necesitamos|es necesari[oa])|`,
  String.raw`(?:serve|servono) ancora|(?:è|sono) ancora (?:necessari[oaie]|indispensabil[ei])|ancora (?:necessari[oaie]|utile)|`,
  String.raw`nog (?:steeds )?(?:nodig|noodzakelijk|vereist)|`,
  String.raw`ainda (?:é |são |seria )?(?:necessári[oa]s?|precis(?:amos|a)|requerid[oa]s?)|`,
  String.raw`(?:behövs|krävs|behøves|kræves|trengs|trenges|kreves) (?:[\p{L}\p{N}.,]+ ){0,5}?(?:fortfarande|ännu|stadig|fortsat|fortsatt|fremdeles)|`,
  String.raw`(?:fortfarande|stadig|fortsat|fortsatt|fremdeles) (?:nödvändig|nödvändigt|nødvendig|nødvendigt|påkrævet|påkrevd|behov)|`,
  String.raw`(?:jeszcze|nadal|wciąż|dalej) (?:jest |są )?(?:potrzebn|konieczn|niezbędn)\p{L}*|(?:jeszcze|nadal|wciąż) (?:go |jej |ich )?potrzebujemy|`,
  String.raw`(?:vielä|yhä|edelleen) (?:tarpeen|tarpeellinen|tarvitaan|välttämätön)|tarvitaanko (?:[\p{L}\p{N}.,]+ ){0,5}?(?:vielä|enää|yhä))(?![\p{L}])`,
);
// The words that make a clause an indirect question: "check whether it is still needed", "prüfen, ob …",
// "vérifier si …", "sprawdzić, czy …", "kolla om …".
const WHETHER = /(?<![\p{L}])(?:whether|ob|si|se|czy|om)(?![\p{L}])/iu;
const SENTENCES = sentenceEnds(/(?<=[.!?？;])\s+|\n+/);

const sentencesOf = (text: string): string[] =>
  text
    .split(SENTENCES)
    .map((s) => s.replace(/^\s*(?:[-*•>]\s*)+/, '').trim())
    .filter(Boolean);

/** Does the sentence ask whether something is still needed (a question, or "whether … still needed")? */
export function asksStillNeeded(sentence: string): boolean {
  const m = STILL_NEEDED.exec(sentence);
  if (!m) return false;
  return /[?？]\s*\S{0,3}$/u.test(sentence) || WHETHER.test(sentence.slice(0, m.index));
}

/** The sentences of `text` that ask whether something is still needed (read once per text). */
function askingIn(text: string): readonly string[] {
  return readingOf(text).answer('still-needed-asked', '', () => (STILL_NEEDED.test(text) ? sentencesOf(text).filter(asksStillNeeded) : []));
}

/** The sentences of `text` that say something is still needed, and do not ask it (read once per text). */
function sayingIn(text: string): readonly string[] {
  return readingOf(text).answer('still-needed-said', '', () =>
    STILL_NEEDED.test(text) ? sentencesOf(text).filter((s) => STILL_NEEDED.test(s) && !asksStillNeeded(s)) : [],
  );
}

/** The sentence of `text` asking whether what `about` names is still needed, if one does. */
export function stillNeededAsked(text: string, about: (sentence: string) => boolean): string | undefined {
  return askingIn(text).find(about);
}

/** The sentence of `text` answering it: still needed, said and not asked, about what `about` names. */
export function stillNeededSaid(text: string, about: (sentence: string) => boolean): string | undefined {
  return sayingIn(text).find(about);
}
