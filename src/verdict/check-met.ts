// A check a change set before the next environment follows, recorded as made by a later text: "smoke
// test green on staging", "QA ok'd it", "Security sign-off: granted", "Smoke-Test grün", "la recette est
// validée". The gate the check set is open: the plan's window decides again, not the unrecorded check.
// The later text names the check's own words (its subject: "smoke test", "QA", "security") in a clause
// that says it passed, neither negated nor asked.
import type { CommitLog } from './log.js';
import { doubtIn } from './languages.js';
import { regex, escapeRegExp } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { describeMessage } from './words.js';

// What the check word names, without the verb that says what is to happen to it ("QA has seen", "security
// signs off", "p99 holds"): the subject a later report names.
const CHECK_VERB = regex(
  'iu',
  String.raw`\s(?:has|have|hat|a|is|are)?\s?(?:seen|looked at|tested|checked|verified|validated|validé|valide|approves?|apruebe|`,
  String.raw`gesehen|geprüft|abgenommen|ok(?:s|'s|'d|ayed)?|sign(?:s|ed)? off|holds?|stays?|remains?)$`,
);
// A check passed, as a report says it: "green", "ok'd", "granted", "passed", "signed off", "grün", "validée".
const PASSED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:approved|done|passed|completed?|finished|received|given|granted|clean|green|ok(?:'d|ayed|ed)?|okay|lgtm|`,
  String.raw`signed(?:[- ]off)?|held|fine|erteilt|erledigt|bestanden|grün|freigegeben|abgenommen|validée?s?|ok|aprobad[oa]|superad[oa]|`,
  // (Finished, as a soak or a check is reported over: "soak eu-1 terminé", "Soak abgeschlossen", "soak terminado".)
  String.raw`verde|goedgekeurd|groen|geslaagd|terminée?s?|terminad[oa]s?|terminat[oa]|conclus[oa]|concluíd[oa]|abgeschlossen|afgerond|avslutad|afsluttet|avsluttet)(?![\p{L}])`,
);

/** The pattern of the check's subject: "smoke test" also as "smoke-test", "Smoke-Test", "smoketest". */
function subjectOf(check: string): RegExp | undefined {
  const subject = check.toLowerCase().replace(CHECK_VERB, '').trim();
  if (subject.length < 2) return undefined;
  const words = subject
    .replace(/^signs?[- ]?off$/, 'sign off')
    .split(/[\s-]+/)
    .map((w) => escapeRegExp(w));
  return new RegExp(String.raw`(?<![\p{L}])${words.join('[\\s-]?')}s?(?![\p{L}])`, 'iu');
}

export interface CheckMet {
  sha: string;
  where: string;
  sentence: string;
}

/** A later text (after `change`, on or before `today`) reporting the check made, if one does. */
export function checkMet(check: string, change: { commit: string; date: string }, log: CommitLog | undefined, today: string | undefined): CheckMet | undefined {
  const subject = subjectOf(check);
  if (!log || !subject) return undefined;
  const at = Date.parse(change.date);
  const later = [...log.messages.values()]
    .filter((m) => m.sha !== change.commit && Date.parse(m.date) > at && (!today || m.date.slice(0, 10) <= today))
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  for (const m of later) {
    const sentence = reported(`${m.subject}\n${m.body}`, subject);
    if (sentence) return { sha: m.sha, where: describeMessage(m), sentence };
  }
  return undefined;
}

/** The sentence of `text` that names the check's subject and, after it in its clause, says it passed. */
function reported(text: string, subject: RegExp): string | undefined {
  for (const sentence of text.split(sentenceEnds(/(?<=[.!?;])\s+|\n+/))) {
    const named = subject.exec(sentence);
    if (!named) continue;
    // The report's clause: from the subject to the next comma or dash ("smoke test green, prod next").
    const from = named.index + named[0].length;
    const rest = sentence.slice(from, from + 60).split(/[,(]|\s[—–-]\s/)[0]!;
    const passed = PASSED.exec(rest);
    if (passed && !doubtIn(sentence, from + passed.index, passed[0].length)) return sentence.trim();
  }
  return undefined;
}
