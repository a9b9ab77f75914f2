// A confirmation owed by a named party. A measure taken by hand (an export switched off, a job deleted,
// a limit cut) whose record holds it until a party confirms ("stays off until the SIEM team confirms they
// can take the volume", "bleibt aus, bis das DBA-Team bestätigt", "jusqu'à ce que l'équipe réseau
// confirme") ends on that party's word and nobody else's. A vendor announcing the cause fixed, a release
// installed, a date passing are evidence for the party to weigh; the party's own "we will confirm" is a
// promise. Until a text written since records the confirmation, the measure's fate is the party's
// question: undoing it pre-empts them, and keeping it for good settles it the other way. Pure.
import { awaitsAnswer } from './awaited-answer.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';

export interface Owed {
  /** The sentence holding the measure until the party confirms. */
  sentence: string;
  /** The party's own words in it ("siem"), which a later confirmation names. */
  party: string[];
}

// The party named between the wait word and its verb: "until the SIEM team confirms", "bis das DBA-Team bestätigt".
const PARTY = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:until|till|pending|bis|jusqu['’]à ce que|hasta que|finché|fino a quando|até que|tot|totdat|tills|indtil|inntil|dopóki|aż|kunnes)`,
  String.raw`((?:\s[^\s.!?;]{1,40}){1,6}?)\s`,
  String.raw`(?:confirms?|confirmation|bestätigt|confirme|confirma|conferma|bevestigt|bekräftar|bekræfter|bekrefter|potwierdzi|vahvistaa)(?![\p{L}])`,
);
// Words that name no one in particular.
const GENERIC = new Set(
  (
    'the a an our their its team teams der die das den dem des ein eine team le la les l un une équipe el los las equipo il lo gli ' +
    'squadra de het een ons onze o os as equipa equipe laget teamet zespół zespołu tiimi they we it them wir sie on ils nous'
  ).split(' '),
);

/** The measure's hold until a named party confirms, if `text` states one (not asked). */
export function confirmationOwed(text: string): Owed | undefined {
  const sentence = awaitsAnswer(text);
  if (!sentence) return undefined;
  const m = PARTY.exec(sentence);
  if (!m) return undefined;
  const party = m[1]!
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !GENERIC.has(w));
  return party.length > 0 ? { sentence, party } : undefined;
}

// The confirmation given: said in the past or present ("confirmed", "confirms", "hat bestätigt",
// "a confirmé", "confirmó", "ha confermato", "heeft bevestigd", "har bekräftat", "potwierdził").
const CONFIRMED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:confirmed|confirms|confirmation (?:received|given)|bestätigt|bestätigte|confirmée?s?|a confirmé|confirmó|confirmad[oa]|confermat[oa]|ha confermato|`,
  String.raw`bevestigd|bevestigt|bekräftat|bekräftade|bekræftet|bekreftet|potwierdził\p{L}{0,2}|potwierdzon\p{L}{0,2}|vahvisti|vahvistettu)(?![\p{L}])`,
);
// Not given: negated, still to come, promised or asked ("not confirmed yet", "will confirm", "noch nicht
// bestätigt", "wird bestätigen", "pas encore confirmé", "sin confirmar", "nog niet bevestigd").
const NOT_GIVEN = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|no|never|n['’]t|yet to|still to|will|shall|to be|nicht|noch nicht|kein|wird|werden|pas|ne|sans|sin|no ha|aún no|todavía no|`,
  String.raw`non|niet|nog niet|não|ainda não|inte|ej|ikke|nie|jeszcze nie|ei)(?![\p{L}])[^.!?;\n]{0,30}$`,
);
const SENTENCES = sentenceEnds(/(?<=[.!?;])\s+|\n+/);

/** The sentence of `text` recording the confirmation given, in a text naming the party (one of its words), if one does. */
export function confirmationGiven(text: string, party: readonly string[]): string | undefined {
  const whole = text.toLowerCase();
  if (!party.some((w) => whole.includes(w))) return undefined;
  for (const raw of text.split(SENTENCES)) {
    const s = raw.trim();
    if (!s || /[?？]\s*$/u.test(s) || awaitsAnswer(s)) continue;
    const m = CONFIRMED.exec(s);
    if (m && !NOT_GIVEN.test(s.slice(0, m.index))) return s;
  }
  return undefined;
}
