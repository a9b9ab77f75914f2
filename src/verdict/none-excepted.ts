// A rule for every environment is as often written by what none may have, or by refusing exceptions,
// as by "in every environment": "databases are reachable from the internet in no environment", "not
// publicly reachable in any environment", "in keiner Umgebung", "dans aucun environnement", "en ningún
// entorno", "in nessun ambiente", "in geen enkele omgeving", "i ingen miljö", "w żadnym środowisku", "em
// nenhum ambiente", "ei missään ympäristössä"; "no exceptions for test environments", "ohne Ausnahme",
// "sans exception", "sin excepciones", "senza eccezioni", "zonder uitzondering", "utan undantag", "bez
// wyjątków", "sem exceções", "ei poikkeuksia". A hardening baseline says it so, and an environment left
// out of whoever applied it still differs against the baseline, not on purpose. Not where the sentence
// excepts one ("in no environment but production", "außer Prod"), reports a state so far ("not yet in
// any environment", "noch in keiner Umgebung"), or asks.
import { regex } from './pattern.js';

// Where no environment is the place ("in no environment", "in keiner Umgebung", "dans aucun environnement",
// "en ningún entorno", "in nessun ambiente", "in geen enkele omgeving", "i ingen miljö", "i intet miljø", "w
// żadnym środowisku", "em nenhum ambiente"), or the subject a rule binds ("No environment may …", "Keine
// Umgebung darf …", "Aucun environnement ne …", "Ningún entorno puede …", "mikään ympäristö ei …"). Not a
// thing that is missing ("there is no cluster autoscaler", "no environment variables").
const NONE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:in|on|for) no (?:single )?(?:environments?|clusters?)|in keine[mr] (?:einzigen )?(?:umgebung|cluster)|`,
  String.raw`(?:dans|sur|pour) aucun (?:environnement|cluster)|en ningún (?:entorno|ambiente|clúster)|in nessun (?:ambiente|cluster)|`,
  String.raw`in geen (?:enkele )?(?:omgeving|cluster)|(?:i|på|för) ingen (?:miljö|miljø|kluster)|i intet miljø|w żadnym (?:środowisku|klastrze)|`,
  String.raw`em nenhum (?:ambiente|cluster))(?![\p{L}-])|`,
  String.raw`^\W*(?:no (?:single )?environment|keine umgebung|aucun environnement|ningún (?:entorno|ambiente)|nessun ambiente|geen (?:enkele )?omgeving|`,
  String.raw`ingen miljö|żadne środowisko|nenhum ambiente|mikään ympäristö)\s(?:may|must|shall|should|can|is|gets?|runs?|has|exposes?|allows?|darf|soll|muss|`,
  String.raw`bekommt|ne|puede|debe|tiene|può|deve|ha|mag|moet|krijgt|får|ska|skall|har|nie|pode|tem|ei)(?![\p{L}])|^\W*aucun environnement n['’]`,
);
// "not … in any environment", "n'… dans aucun", "ei … missään ympäristössä": the universal that a negation
// before it in the sentence makes a none.
const ANY = regex('iu', String.raw`(?<![\p{L}])(?:in any (?:environment|env|cluster|stage)|on any (?:environment|cluster)|missään ympäristössä)(?![\p{L}])`);
const NEGATION = regex('iu', String.raw`(?<![\p{L}])(?:not|never|cannot|nor|ei|eivät|eikä)(?![\p{L}])|n['’]t(?![\p{L}])`);
// "no exceptions", "without exception", "ohne Ausnahme", "keine Ausnahmen", "sans exception", "aucune exception",
// "pas d'exception", "sin excepción", "ninguna excepción", "senza eccezioni", "nessuna eccezione", "zonder
// uitzondering", "geen uitzonderingen", "utan undantag", "inga undantag", "uden undtagelse", "ingen undtagelser",
// "uten unntak", "ingen unntak", "bez wyjątków", "sem exceção", "nenhuma exceção", "ei poikkeuksia", "poikkeuksetta".
const NO_EXCEPTION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:no exceptions?|without (?:any )?exceptions?|ohne ausnahmen?|keine ausnahmen?|sans exceptions?|aucune exception|pas d['’]exceptions?|`,
  String.raw`sin excepci(?:ón|ones)|ninguna excepción|senza eccezion[ei]|nessuna eccezione|zonder uitzondering(?:en)?|geen uitzondering(?:en)?|`,
  String.raw`utan undantag|inga undantag|uden undtagelse|ingen undtagelser|uten unntak|ingen unntak|bez wyjątk(?:u|ów)|sem exceç(?:ão|ões)|`,
  String.raw`nenhuma exceção|ei poikkeuksia|poikkeuksetta|ilman poikkeuksia)(?![\p{L}])`,
);
// What takes one environment out, or makes it a report of how things stand so far.
const EXCEPT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:but|except|excluding|other than|apart from|besides|save|yet|so far|still|außer|ausgenommen|ausser|bis auf|noch|sauf|hormis|`,
  String.raw`encore|excepto|salvo|menos|todavía|aún|tranne|eccetto|ancora|behalve|uitgezonderd|nog|utom|förutom|ännu|undtagen|unntatt|`,
  String.raw`oprócz|poza|jeszcze|exceto|ainda|paitsi|lukuun ottamatta|vielä|vain)(?![\p{L}])`,
);

// (Bold marks taken off first: "**… in no environment.** `x = false`" ends its sentence at the dot.)
const sentencesOf = (text: string) =>
  text
    .replace(/\*\*|__/g, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => s.trim());

/** The phrase of `text` that sets its rule for every environment by a none or a refused exception
 * ("in no environment", "not … in any environment", "no exceptions for test environments"), or undefined. */
export function noneExcepted(text: string): string | undefined {
  for (const s of sentencesOf(text)) {
    if (/[?？]\s*$/u.test(s)) continue;
    const none = NONE.exec(s);
    const any = none ? null : ANY.exec(s);
    const universal = none ?? (any && NEGATION.test(s.slice(0, any.index)) ? any : null);
    const refused = universal ? null : NO_EXCEPTION.exec(s);
    const m = universal ?? refused;
    if (!m) continue;
    // An exception or a "so far" anywhere in its sentence takes it back.
    if (EXCEPT.test(s)) continue;
    if (!refused) return m[0];
    // A refused exception with whom it reaches, to its clause's end ("no exceptions for test environments"):
    // those it names are included, not a scope.
    const tail = s.slice(m.index + m[0].length).split(/[.,:;!?(]/)[0]!;
    return `${m[0]}${tail.length <= 60 ? tail : ''}`.trimEnd();
  }
  return undefined;
}
