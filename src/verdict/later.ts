// Every move is checked against what was written after the change that decides it (issue 10,
// point 2). A kind's rule reads the change's own text: its "for now", its "temporary", its plan.
// What the owner wrote later — a note, a post-mortem, a decision, a commit naming the key — is the
// latest word, and the latest word decides: "the smaller batch in staging is not temporary … do
// not align them" keeps apart what the first word's "for now" would have reverted; "staging must
// mirror production's heap" moves what an incident rule would have declared. This module finds
// the later word that keeps the environments apart; documented.ts reads the later word that moves
// a value (a go, an everywhere, a follow, a slip), and readers.ts weighs both against the verdict
// of every branch (revert, backfill, declare), newest first.
import type { EnvName, KeyPath } from '../model/types.js';
import type { CommitLog } from './log.js';
import { documentIndex } from './documents.js';
import { keyWords } from './held.js';
import { foreignSays } from './languages.js';
import { mentions } from './envnames.js';
import { regex } from './pattern.js';
import { permanenceWithheld } from './permanence-withheld.js';
import { permanentEverywhere } from './made-permanent.js';
import { sentenceEnds } from './sentence-end.js';

/** A later text about the change, and where it is. */
export interface LaterText {
  where: string;
  text: string;
  date: string;
  sha?: string;
}

/** A later word that keeps the environments apart, with the text it is in. */
export interface KeptApart {
  t: LaterText;
  phrase: string;
}

// The change is meant to stay, said after the fact: "not temporary", "no longer temporary",
// "permanent", "for good", "here to stay", "by design", "intentional" — a keep of the changed
// environment's value, which contradicts undoing it.
const STAYS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:not|no longer|never) (?:a |meant as a |meant to be )?(?:temporary|temporarily|provisional|a stop-?gap|a workaround|an? experiment)|`,
  String.raw`permanent(?:ly)?|for good|here to stay|the new normal|by design|on purpose|intentional(?:ly)?|deliberate(?:ly)?)(?![\p{L}])`,
);
// The difference is meant, said after the fact: "both (values) are intended", "an intended
// difference", "do not align them", "keep them apart", "leave them different" — which contradicts
// moving either value, a backfill as well as an undo.
const APART = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:(?:both|each|the two)(?: values?| settings?| sizes?| of them)? (?:are |is |stay |remain )?(?:intended|meant|deliberate|correct|right)|`,
  String.raw`(?:an? |the )?(?:intended|deliberate|wanted) difference|`,
  String.raw`(?:do not|don't|dont|never|must not|should not|shouldn't|not to) (?:re-?)?(?:align|sync|unify|harmoni[sz]e|converge|equali[sz]e|match) (?:them|the two|both|these|it|this|that)|`,
  String.raw`(?:keep|leave) (?:them|the two|both) (?:apart|different|as they are|as is)|ne pas (?:les )?aligner|nicht angleichen|no (?:los )?alinear|niet gelijktrekken)(?![\p{L}])`,
);
// What negates a keep word right before it: "not permanent", "no longer intentional", "isn't by design".
const NEGATED = /(?<![\p{L}])(?:not|no longer|never|isn't|aren't|wasn't|nicht|kein|pas|no)\s+(?:\S+\s+){0,3}$/iu;
// An instruction for later or a question is not a decision: "if it turns out permanent", "once it is permanent".
const CONDITION = /(?<![\p{L}])(?:if|when|whether|once|unless|until|should it|in case|wenn|falls|ob|si|cuando)(?![\p{L}])/iu;

const sentences = (text: string) =>
  text
    .split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))
    .map((s) => s.trim())
    .filter(Boolean);

/** The phrase of `text` that keeps the environments apart, in a sentence that names `env` (the one
 * whose change made the difference) or the key, and neither asks nor sets a condition. */
export function saysApart(text: string, key: KeyPath, env: EnvName, oneSided = true): string | undefined {
  const words = keyWords(key);
  const aboutKey = (s: string) => words.some((w) => s.toLowerCase().includes(w));
  for (const s of sentences(text)) {
    if (/\?\s*$/.test(s)) continue;
    if (!mentions(s, env) && !aboutKey(s) && !/(?<![\p{L}])(?:both|them|the two)(?![\p{L}])/iu.test(s)) continue;
    const apart = APART.exec(s);
    const stays = apart || !oneSided ? null : STAYS.exec(s);
    const m = apart ?? stays ?? undefined;
    const foreign = m || !oneSided ? undefined : foreignSays(s, 'permanent');
    const phrase = m?.[0].trim() ?? foreign?.phrase;
    if (!phrase) continue;
    const at = m?.index ?? s.toLowerCase().indexOf(phrase.toLowerCase());
    // "not approved as a permanent change": a refusal names the permanence to deny it; "permanently, in
    // every environment" sets the value everywhere, which keeps nothing apart.
    if (!apart && (permanenceWithheld(s, Math.max(0, at), phrase.length) || permanentEverywhere(s))) continue;
    // The clause the phrase is in: what stands before it there negates it or makes it a condition.
    const before = s.slice(0, Math.max(0, at)).split(/[,;:]/).at(-1) ?? '';
    // "not permanent" negates the keep; "not temporary" is itself the keep.
    if (stays && !/^(?:not|no longer|never)\b/i.test(phrase) && NEGATED.test(before)) continue;
    if (CONDITION.test(before)) continue;
    return phrase;
  }
  return undefined;
}

/** Does prose name a number as people write it: grouped ("5 000", "5,000", "5.000", "5'000"), or
 * in thousands ("5k", "50k")? */
export function namesNumber(text: string, value: string | null): boolean {
  if (value === null || !/^\d{4,}$/.test(value)) return false;
  const grouped = value.replace(/\B(?=(\d{3})+(?!\d))/g, "[\\s\\u00a0\\u202f,.']?");
  const thousands = /000$/.test(value) ? `|${value.slice(0, -3)}\\s?[kK]` : '';
  return new RegExp(`(?<![\\p{N}.,])(?:${grouped}${thousands})(?![\\p{N}]|[.,]\\p{N})`, 'u').test(text);
}

/** Passages of committed documents written after `after` (and not after today) that speak of the
 * change in `env`: they name the environment, one of the key's words, and the value the change
 * wrote as people write numbers ("The 5 000-row batch in staging …"). The passages linked by a
 * ticket, the key or a distinctive value are read by documented.ts and readers.ts already. */
export function laterPassages(key: KeyPath, env: EnvName, value: string | null, after: string, log: CommitLog | undefined, today?: string): LaterText[] {
  if (!log || value === null || !/^\d{4,}$/.test(value)) return [];
  const words = keyWords(key);
  if (words.length === 0) return [];
  const at = Date.parse(after);
  const out: LaterText[] = [];
  for (const doc of documentIndex(log)) {
    if (Date.parse(doc.written.date) <= at || (today && doc.written.date.slice(0, 10) > today)) continue;
    if (!words.some((w) => doc.lower.includes(w))) continue;
    for (const p of doc.passages) {
      if (!words.some((w) => p.lower.includes(w)) || !mentions(p.text, env) || !namesNumber(p.text, value)) continue;
      out.push({ where: `${doc.path}:${p.line} (written in ${doc.written.sha.slice(0, 7)})`, text: p.text, date: doc.written.date, sha: doc.written.sha });
    }
  }
  return out;
}

/** The newest text written after the change that keeps the environments apart, if any. */
/** `oneSided`: a keep of the changed environment's value counts (against an undo of it); otherwise
 * only a word that the difference itself is meant (against a move of either value). */
export function keptApartLater(texts: LaterText[], key: KeyPath, env: EnvName, after: string, oneSided: boolean): KeptApart | undefined {
  const at = Date.parse(after);
  const newest = [...texts].filter((t) => Date.parse(t.date) > at).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  for (const t of newest) {
    const phrase = saysApart(t.text, key, env, oneSided);
    if (phrase) return { t, phrase };
  }
  return undefined;
}

// A clause of the change that sets its gate: "if the load test is good, prod next", "once QA signs
// off", "sobald die Buchhaltung geprüft hat", "si la recette est validée".
const GATE_LEAD = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:if|once|after|when|as soon as|provided|falls|wenn|sobald|nachdem|si|cuando|una vez|quand|une fois|se|als|zodra)(?![\p{L}])`,
);
// A report that the gate was not met: the test inconclusive or failed, a rerun pending, no sign-off.
const NOT_MET = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:inconclusive|not conclusive|re-?run (?:is )?(?:pending|needed|required|scheduled)|needs? (?:a |to be )?re-?run|to be re-?run|`,
  String.raw`failed|did not pass|didn't pass|not (?:yet )?(?:signed off|approved|green)|no sign-?off|no-go|`,
  String.raw`ergebnislos|nicht aussagekräftig|nicht bestanden|fehlgeschlagen|nicht freigegeben|wird wiederholt|`,
  String.raw`no concluyente|fallid[oa]|non concluant|échoué|inconcludente|fallit[oa]|niet overtuigend|mislukt)(?![\p{L}])`,
);

/** The words of the gate the change's text set for the environment that waits ("if the load test is
 * good" → load, test): what a later report must name to speak of that gate. */
export function gateWordsOf(changeText: string, conditionWords: (phrases: string[]) => string[]): string[] {
  const clauses = changeText.split(/\n+|(?<=[.!?;,])\s+/).filter((c) => GATE_LEAD.test(c));
  return clauses.length > 0 ? conditionWords(clauses) : [];
}

/** A later text that reports the change's gate not met ("Result: inconclusive … Rerun pending"):
 * it names a word of the gate and says so, not asked and not negated ("not failed"). The newest first. */
export function gateNotMet(texts: LaterText[], gateWords: string[]): { t: LaterText; phrase: string } | undefined {
  if (gateWords.length === 0) return undefined;
  for (const t of [...texts].sort((a, b) => Date.parse(b.date) - Date.parse(a.date))) {
    const lower = t.text.toLowerCase();
    if (!gateWords.some((w) => lower.includes(w))) continue;
    for (const s of t.text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
      const m = NOT_MET.exec(s);
      if (!m || /\?\s*$/.test(s) || /(?<![\p{L}])(?:not|never|no|nothing|none|zero|without|nicht|nichts|kein\p{L}*|nada|rien)\s+$/iu.test(s.slice(0, m.index)))
        continue;
      return { t, phrase: m[0] };
    }
  }
  return undefined;
}
