// A decision names the environments its rule binds: "the 30-day limit applies to prod and acc",
// "gilt für Prod und Abnahme", "s'applique à la prod et à la recette", "koskee prod- ja
// acc-ympäristöä". A change made in one environment first (production, where the real data is) and a
// decision written since that binds another environment to it is that environment's order to follow —
// where the environment is named in the sentence, after the verb, and not excluded, negated, asked,
// made a condition or put off to a day still ahead.
import type { EnvName } from '../model/types.js';
import { mentions } from './envnames.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { readDeadline } from './deadline.js';

// "applies to", "gilt für", "betrifft", "s'applique à", "concerne", "se aplica a", "rige para", "si applica
// a", "vale per", "geldt voor", "is van toepassing op", "aplica-se a", "vale para", "dotyczy", "obowiązuje
// w", "koskee", "gäller för", "gælder for", "gjelder for" — the verb of a rule's reach, then whom it reaches.
const APPLIES = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:appl(?:y|ies)(?: also| equally)? to|is binding (?:for|on)|gilt(?: auch| ebenso)? für|gelten(?: auch)? für|betrifft|betreffen|`,
  String.raw`s['’]appliquen?t?(?: aussi| également)? (?:à|aux?)|concernen?t?|se aplican?(?: también)? (?:a|al|en)|rigen? para|`,
  String.raw`si applica(?:no)?(?: anche)? (?:a|al|alla|agli|ai|in)|valgono per|vale(?: anche)? per|geld(?:t|en) (?:ook )?voor|is (?:ook )?van toepassing op|`,
  String.raw`aplica-se(?: também)? (?:a|ao|à|aos)|valem? (?:também )?para|dotycz[yą](?: także| też)?|obowiązuj[eą](?: także| też)? (?:w|na)|`,
  String.raw`koskee(?: myös)?|koskevat(?: myös)?|gäller(?: även| också)? (?:för|i)|gælder(?: også)? for|gjelder(?: også)? for)(?![\p{L}])`,
);

// Before the verb: "does not apply", "gilt nicht", "ne s'applique pas", "no se aplica", "ei koske" (a
// different form: never read as "koskee"), "gäller inte" (after it, below).
const NOT_BEFORE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|no longer|doesn['’]t|don['’]t|nicht|kein\p{L}*|ne|n['’]|no|non|não|niet|nie|inte|ikke|ei)\s+(?:\p{L}+\s+)?$`,
);
// Between the verb and the environment: a negation or an exclusion — "gilt nicht für", "ne s'applique pas
// à", "gäller inte för", "applies to every environment except acc", "sauf la recette", "paitsi testiä".
const NOT_OR_EXCEPT = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:not|never|nicht|pas|no|non|não|niet|nie|inte|ikke|except|excluding|but not|other than|außer|ausgenommen|sauf|hormis|excepto|salvo|menos|`,
  String.raw`tranne|eccetto|behalve|uitgezonderd|exceto|oprócz|poza|paitsi|lukuun ottamatta|utom|undtagen|unntatt)(?![\p{L}])`,
);
// A condition or a gate around it: "if", "once", "when", "falls", "sobald", "si", "cuando", "se", "als",
// "zodra", "jeśli", "jos", "kun", "om".
const CONDITION = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|when|unless|whether|as soon as|falls|sobald|wenn|si|cuando|se|als|zodra|jeśli|jeżeli|gdy|jos|kun|om|när)(?![\p{L}])`,
);

const sentences = (text: string) => text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/)).filter((s) => s.trim());

/** The phrase binding `env` by a rule in `text` ("applies to prod and acc"), the first environment of
 * `envs` (in the caller's order) it names; undefined where none is bound now. `written` is the day the
 * text was written, `today` the day judged: a rule binding from a day still ahead binds nothing yet. */
export function boundBy(text: string, envs: readonly EnvName[], written: string, today: string | undefined): { phrase: string; env: EnvName } | undefined {
  for (const sentence of sentences(text)) {
    const s = sentence.replace(/\*\*|__/g, '');
    if (/[?？]\s*$/u.test(s)) continue;
    const m = APPLIES.exec(s);
    if (!m) continue;
    const before = s.slice(0, m.index);
    const after = s.slice(m.index + m[0].length);
    if (NOT_BEFORE.test(before) || CONDITION.test(before)) continue;
    const date = readDeadline(s, written).date;
    if (date && today && date > today) continue;
    for (const env of envs) {
      // Only what the clause up to the environment's name says: "applies to prod, not to acc" binds prod alone.
      const at = firstMention(after, env);
      if (at === undefined) continue;
      if (NOT_OR_EXCEPT.test(after.slice(0, at))) continue;
      return { phrase: `${m[0]}${after.slice(0, at + 40).split(/[.;(\n]/)[0]}`.trim(), env };
    }
  }
  return undefined;
}

/** Where in `text` `env` is first named: the shortest head of it that names it. */
function firstMention(text: string, env: EnvName): number | undefined {
  if (!mentions(text, env)) return undefined;
  const words = [...text.matchAll(/\S+/gu)];
  for (const w of words) if (mentions(text.slice(0, w.index + w[0].length), env)) return w.index;
  return undefined;
}
