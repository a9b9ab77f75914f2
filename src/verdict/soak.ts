// A soak gate: the next environment follows once a value has stood for a while in the one before it,
// usually quietly ("after 7 days in staging without alerts, roll to prod", "nach einer Woche ohne
// Alarme in Staging auch Prod", "si tout est calme une semaine en recette, on passe en prod", "wait 2
// weeks in stage, then prd"). Its condition is time plus the absence of trouble, so the evidence
// that decides it is the calendar and what was written since: a gate whose time has passed with no
// later text reporting trouble (an incident, a revert, alerts, a rollback) is met and the move goes
// on; one whose time has not passed is a plan with a date; one with trouble reported is held.
// The gate is read in the change's own text, or in a document (a release process) that names the
// key or one of the two environments' files.
import type { EnvName } from '../model/types.js';
import { checkMet } from './check-met.js';
import { negatedBefore } from './conditions.js';
import { documentIndex, keyLeaf, lastWordOf, namesValue } from './documents.js';
import { mentions } from './envnames.js';
import type { CommitLog } from './log.js';
import { regex } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { describeMessage } from './words.js';

// A span of days or weeks: "7 days", "2 weeks", "a week", "einer Woche", "14 Tage", "une semaine",
// "8 jours", "una semana", "dos semanas". Not a span in the past ("2 weeks ago", "vor 2 Wochen").
const SPAN = regex(
  'iu',
  String.raw`(?<![\p{L}\d])(\d{1,3}|a|an|one|two|three|four|ein|eine|einer|einem|zwei|drei|vier|une?|deux|trois|quatre|una?|dos|tres|cuatro)\s+`,
  String.raw`(days?|weeks?|tagen?|wochen?|jours?|semaines?|d[ií]as?|semanas?)(?![\p{L}])(?!\s+(?:ago|earlier|back)(?![\p{L}]))`,
);
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  ein: 1,
  eine: 1,
  einer: 1,
  einem: 1,
  un: 1,
  une: 1,
  una: 1,
  uno: 1,
  two: 2,
  zwei: 2,
  deux: 2,
  dos: 2,
  three: 3,
  drei: 3,
  trois: 3,
  tres: 3,
  four: 4,
  vier: 4,
  quatre: 4,
  cuatro: 4,
};
const PAST = /(?<![\p{L}])(?:vor|il y a|hace)\s+$/iu;

// What makes the span a wait before the next step, not a duration of something else: a lead that
// waits ("after", "wait", "nach", "après", "tras"), a quiet condition, or a step that follows ("then",
// "dann", "puis", "on passe").
const WAITS = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:after|wait|waits|waiting|soak|soaks|soaked|bake|bakes|follows?|then|nach|nachdem|warten|dann|danach|auch|`,
  String.raw`après|attendre|puis|ensuite|passe|passer|suit|tras|después|esperar|luego)(?![\p{L}])`,
);
// The quiet the gate asks for: "without alerts", "no incidents", "quiet", "ohne Alarme", "si tout est calme".
const QUIET = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:without (?:any )?(?:alerts?|alarms?|incidents?|issues?|pages?|errors?)|no (?:alerts?|alarms?|incidents?|issues?|pages?)|`,
  String.raw`quiet|calm|clean|stable|ohne (?:alarme?|alerts?|störungen?|vorfälle?|incidents?|probleme?)|ruhig|stabil|`,
  String.raw`sans (?:alertes?|alarmes?|incidents?)|calme|tranquille|sin (?:alertas?|alarmas?|incidentes?)|tranquilo)(?![\p{L}])`,
);
// Trouble a later text reports: an incident, a revert or rollback, alerts that fired, a page.
const TROUBLE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:incidents?|INC-\d+|SEV-?\d|outage|revert(?:s|ed|ing)?|roll(?:ed)?[- ]?back|rolling back|`,
  String.raw`alerts? (?:fired|firing|triggered|went off)|(?:fired|firing|triggered) (?:an |the )?alerts?|paged|page[sd]? (?:on-?call|us)|`,
  String.raw`alarme? (?:ausgelöst|gefeuert)|störung|vorfall|zurückgerollt|zurückgesetzt|rückgängig|`,
  String.raw`alertes? (?:déclenchée?s?|levée?s?)|panne|retour arrière|annul(?:é|er|ation)|incidente|revertido|revertir)(?![\p{L}])`,
);

// Trouble said as its absence: "Aucun incident en eu-1", "kein Vorfall seit Montag", "ningún incidente",
// "nessun incidente", "geen incidenten", "nenhum incidente", "inga incidenter", "ingen hændelser", "brak
// incydentów" — the quiet the gate asked for, in the determiners the languages deny with. ("No incidents",
// "not rolled back", "nicht zurückgerollt" are the negations conditions.ts reads.)
const NONE_OF = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:aucune?|kein(?:e|en)?|ningún|ninguna|nessun[oa]?|geen|nenhum(?:a)?|inga|ingen|brak|żadn\p{L}*|zero|0)`,
  String.raw`\s+(?:\p{L}+\s+)?$`,
);

const TROUBLE_ALL = new RegExp(TROUBLE.source, `${TROUBLE.flags}g`);

/** Does the sentence report trouble: a trouble word not said as its absence ("no incidents", "aucun incident")? */
function reportsTrouble(sentence: string): boolean {
  for (const m of sentence.matchAll(TROUBLE_ALL)) {
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    if (NONE_OF.test(before) || negatedBefore(sentence, m.index, 'words')) continue;
    return true;
  }
  return false;
}

export interface SoakGate {
  /** The sentence that sets the gate. */
  sentence: string;
  days: number;
  /** It asks for quiet ("without alerts"), not only time. */
  quiet: boolean;
  /** Where it was read: the change's own text, or a document. */
  where: string;
  sha: string;
}

/** The soak gate a sentence of `text` sets before `waiting` follows after time in `soaking`. */
export function soakIn(text: string, soaking: EnvName, waiting: EnvName): Omit<SoakGate, 'where' | 'sha'> | undefined {
  const all = text
    .replace(/\n(?![ \t]*(?:\n|[-*+] |\d+[.)] ))[ \t]*/g, ' ')
    .split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))
    .map((raw) => raw.trim())
    .filter((sentence) => sentence.length > 0 && sentence.length <= 400);
  for (const sentence of all) {
    if (!mentions(sentence, soaking) || !mentions(sentence, waiting)) continue;
    const days = spanOf(sentence);
    if (days === undefined) continue;
    const quiet = QUIET.test(sentence);
    if (!quiet && !WAITS.test(sentence)) continue;
    return { sentence, days, quiet };
  }
  return planSteps(all, soaking, waiting);
}

/** The days a sentence's span gives (not one in the past: "2 weeks ago"), if it gives one in range. */
function spanOf(sentence: string): number | undefined {
  const span = SPAN.exec(sentence);
  if (!span || PAST.test(sentence.slice(Math.max(0, span.index - 12), span.index))) return undefined;
  const count = /^\d+$/.test(span[1]!) ? Number(span[1]) : (WORD_NUMBERS[span[1]!.toLowerCase()] ?? 1);
  const days = count * (/^(?:weeks?|wochen?|semaines?|semanas?)$/i.test(span[2]!) ? 7 : 1);
  return days >= 1 && days <= 120 ? days : undefined;
}

// The soak named as a stage of a plan ("the soak", "le soak", "nach dem Soak", "after the bake-in").
const SOAK_WORD = /(?<![\p{L}])(?:soak|soaking|bake-in|burn-in)(?![\p{L}])/iu;
// A negation before it: "us-1 does not wait for the soak", "pas de soak pour us-1", "ohne Soak".
const NO_SOAK = /(?<![\p{L}])(?:not|no|never|without|skip(?:s|ping)?|nicht|kein\p{L}*|ohne|pas|sans|sin|sem|senza|zonder|uden|utan|uten|bez)(?![\p{L}])/iu;

/** A plan written as steps: the waiting environment's step follows "the soak" ("4. us-1: switch after
 * the soak", "Prod: nach dem Soak"), and another step sets that soak's span in the soaking environment
 * ("3. Soak of 7 days in eu-1", "Soak de 7 jours en eu-1"). The two steps are one gate. */
function planSteps(sentences: string[], soaking: EnvName, waiting: EnvName): Omit<SoakGate, 'where' | 'sha'> | undefined {
  const step = sentences.find((s) => {
    const soak = SOAK_WORD.exec(s);
    return !!soak && mentions(s, waiting) && WAITS.test(s) && !NO_SOAK.test(s.slice(0, soak.index)) && !/[?？]\s*$/u.test(s);
  });
  if (!step) return undefined;
  for (const s of sentences) {
    if (s === step || !SOAK_WORD.test(s) || !mentions(s, soaking) || mentions(s, waiting)) continue;
    const days = spanOf(s);
    if (days !== undefined) return { sentence: `${s} … ${step}`, days, quiet: QUIET.test(s) || QUIET.test(step) };
  }
  return undefined;
}

/** The soak gate set before `waiting` takes the value `soaking` holds: in the change's own text, or
 * in a document at HEAD that names the key or a file of either environment. */
export function soakGate(
  change: { commit: string; text: string },
  key: string,
  soaking: EnvName,
  waiting: EnvName,
  log: CommitLog | undefined,
  files: readonly string[],
  value?: string | null,
): SoakGate | undefined {
  const own = soakIn(change.text, soaking, waiting);
  if (own) return { ...own, where: 'its own text', sha: change.commit };
  if (!log) return undefined;
  const leaf = keyLeaf(key).toLowerCase();
  const names = ownFileNames(files);
  // A plan names the key as people write it once its prefix is gone, with the value it rolls out
  // ("Compression Brotli (br)" for HTTP_COMPRESSION=br): the word and the value together are the key's.
  const word = lastWordOf(key);
  const wordNamed = word ? new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`, 'i') : undefined;
  // Through the scan's document index: only a document whose text is read counts as looked into
  // (reads.ts), so a runbook that names neither the key nor a file weighs no verdict again.
  for (const doc of documentIndex(log)) {
    if (
      !files.some((file) => doc.lower.includes(file.toLowerCase())) &&
      !names.some((name) => namesFile(doc.lower, name)) &&
      !(leaf.length > 3 && doc.lower.includes(leaf)) &&
      !(wordNamed && value && doc.lower.includes(word!) && wordNamed.test(doc.text) && namesValue(doc.text, value))
    )
      continue;
    const gate = soakIn(doc.text, soaking, waiting);
    if (gate) return { ...gate, where: doc.path, sha: doc.written.sha };
  }
  return undefined;
}

/** The names, without their folders, of the files that belong to one environment only: a process
 * document names them so ("copies the bump to values-production.yaml", "edit prod.tfvars by hand").
 * A name two files share (a chart's values.yaml under both) names neither. */
function ownFileNames(files: readonly string[]): string[] {
  // Counted over both environments' lists: a file both hold (the chart's base) comes twice.
  const named = new Map<string, number>();
  for (const file of files.map((f) => f.toLowerCase())) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    named.set(name, (named.get(name) ?? 0) + 1);
  }
  return [...named].filter(([name, count]) => count === 1 && name.includes('.') && name.length >= 8).map(([name]) => name);
}

/** The text names the file by its name: not as the tail of a longer name ("prod.yaml" in "values-prod.yaml"). */
function namesFile(lower: string, name: string): boolean {
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
    const before = at === 0 ? '' : lower[at - 1]!;
    const after = lower[at + name.length] ?? '';
    if (!/[\p{L}\d_.-]/u.test(before) && !/[\p{L}\d_-]/u.test(after)) return true;
  }
  return false;
}

/** The date (YYYY-MM-DD) `days` after `date`. */
export function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(date.slice(0, 10)) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface SoakNews {
  sha: string;
  where: string;
  sentence: string;
}

/** A text written after the change (on or before `today`) reporting trouble where the value soaks:
 * it names the soaking environment, the key or the value. */
export function troubleSince(
  change: { commit: string; date: string },
  key: string,
  value: string | null,
  soaking: EnvName,
  log: CommitLog | undefined,
  today: string | undefined,
): SoakNews | undefined {
  if (!log) return undefined;
  const at = Date.parse(change.date);
  const leaf = keyLeaf(key).toLowerCase();
  for (const m of [...log.messages.values()].sort((a, b) => Date.parse(a.date) - Date.parse(b.date))) {
    if (m.sha === change.commit || Date.parse(m.date) <= at || (today && m.date.slice(0, 10) > today)) continue;
    for (const sentence of `${m.subject}\n${m.body}`.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
      if (sentence.length > 400 || !reportsTrouble(sentence)) continue;
      const lower = sentence.toLowerCase();
      if (mentions(sentence, soaking) || (leaf.length > 3 && lower.includes(leaf)) || (value && value.length > 2 && sentence.includes(value)))
        return { sha: m.sha, where: describeMessage(m), sentence: sentence.trim() };
    }
  }
  return undefined;
}

/** A later text reporting the soak passed ("soak passed", "soak green on staging"). */
export function soakPassed(change: { commit: string; date: string }, log: CommitLog | undefined, today: string | undefined): SoakNews | undefined {
  return checkMet('soak', change, log, today);
}
