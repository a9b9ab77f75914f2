// A value an environment took is not that environment's choice once a later report says it did harm
// there: an incident note whose cause line names the key at the new value ("cause: the clean-up put
// visibilityTimeoutSeconds at 60"), or a ticket that dates failures in that environment after the
// change and names the change's own day ("since 3 November every capture in prod fails … 8 days after
// the deploy of 26 October"). Whatever the change said of itself (a clean-up "with no behaviour change",
// a test meant for another environment), the environment goes back to the value the others still hold.
// A report is one when it is marked as an incident (its path, title or commit) or says in a sentence
// naming the environment that something fails there, with nothing in that sentence negated ("no
// incidents, error rate flat", "ten days without an error alert" report none). Not a report naming a
// day before the change (it is about what the change answered: the change was the fix), one naming
// the value beside the old one, negated or asked about ("the 60 s were not the cause"). Pure: reads
// the log it is given.
import { dateIn, slashedDays } from './calendar.js';
import { negatedBefore } from './conditions.js';
import { documentIndex, keyNamePattern } from './documents.js';
import { mentions } from './envnames.js';
import { failureIn } from './failure-share.js';
import { doubtIn, readForeign } from './languages.js';
import type { CommitLog } from './log.js';
import { regex, escapeRegExp } from './pattern.js';
import { sentenceEnds } from './sentence-end.js';
import { short } from './words.js';

export interface HarmReport {
  where: string;
  sha: string;
  /** The words that tie the harm to the change. */
  quote: string;
}

// What marks a text as a report of harm where it names no failure itself: its title, its path or its
// commit calling it an incident, an outage or a post-mortem (the languages' incident words: languages.ts).
const INCIDENT = /(?<![\p{L}])(?:incidents?|outages?|post-?mortems?|postmortems?|rca)(?![\p{L}])/iu;
// Failure as the languages that run words together write it ("오류가", "실패했다", "エラーが発生", "报错"):
// failure-share.ts reads the spaced languages.
const FAILS_UNSPACED = /오류|실패|失败|错误|报错|失敗|エラー/u;

/** Is the text marked as an incident (its path, title or commit: "incidents/", "Post-mortem", "장애 노트")? */
function markedIncident(marks: string, env: string, written: string): boolean {
  return INCIDENT.test(marks) || !!readForeign(marks, env, mentions, written).incident;
}

// "Without" in the languages read: "10 days without an error alert", "sem alerta de erro", "ohne Fehlermeldung".
const WITHOUT = /(?<![\p{L}])(?:without|sem|sin|sans|ohne|senza|zonder|utan|uden|uten|bez|ilman)(?![\p{L}])/iu;

/** Does a sentence report a failure, with nothing in it negated ("no incidents, error rate flat", "ran 10
 * days without an error alert" are none)? */
export function failing(sentence: string): boolean {
  if (!failureIn(sentence) && !FAILS_UNSPACED.test(sentence)) return false;
  return !WITHOUT.test(sentence) && !sentence.split(/[,;()]/).some((part) => negatedBefore(part, part.length, 'clause'));
}

// The words that name a cause, in the languages read: "cause", "caused by", "due to", "Ursache", "verursacht",
// "causé", "causa", "causado", "causato", "oorzaak", "veroorzaakt", "przyczyna", "spowodował", "orsak",
// "årsak", "årsag", "syy", "aiheutti", "원인", "原因", "导致".
const CAUSE = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:root cause|caused|causes|cause|due to|because of|ursache|verursacht\p{L}*|causée?s?|caus(?:a|ad[oa]|at[oa])|`,
  String.raw`oorzaak|veroorzaakt|przyczyn\p{L}*|spowodowa\p{L}*|orsak\p{L}*|årsak|årsag|syy|syynä|aiheutt\p{L}*)(?![\p{L}])|원인|原因|导致`,
);

// A document's clauses, for its days: a line's days may stand side by side ("3 November = 8 days after
// the deploy of 26 October"), and dateIn gives the first of a text. A day's dot is not a clause's end
// ("seit dem 16. November", "ab 3.12. in prod"): sentenceEnds keeps the date whole.
const CLAUSE = sentenceEnds(/(?<=[.!?])\s|[\n,;=()~–—]/u);
// A document's sentences: at a sentence's end (not a date's or an abbreviation's dot) and before a line
// that starts a list item, a table row, a heading or a numbered step.
const SENTENCES = sentenceEnds(/(?<=[.!?])[ \t\n]+|\n[ \t]*(?=[-*|#\d])/u);
/** A report's sentences (a list item, a table row, a heading or a numbered step each its own). */
export const reportSentences = (text: string): string[] => text.split(SENTENCES);

/** Every day a text names, each read as the one on or before the day it was written. */
function daysIn(text: string, written: string): string[] {
  return text.split(CLAUSE).flatMap((clause) => {
    const day = dateIn(clause, written, 'past');
    return day ? [day] : slashedDays(clause, written, 'past');
  });
}

// A value as prose writes it: plain, quoted or as code, with a particle joined to it where a language
// does so ("60으로", "60秒"), never inside a longer number or word of Latin letters.
function valueAt(text: string, value: string): number {
  const m = new RegExp(`(?<![\\p{N}\\p{Script=Latin}_.-])[\`"'“]?${escapeRegExp(value)}(?![\\p{N}\\p{Script=Latin}_]|[.,-]\\p{N})`, 'iu').exec(text);
  return m ? m.index : -1;
}

/** Does the sentence name the value (not beside the value before), neither doubted nor negated after it
 * in its clause ("the retryLimit of 9 was not the cause")? */
function standsAt(sentence: string, value: string, previous: string | null): boolean {
  const at = valueAt(sentence, value);
  if (at < 0 || (previous !== null && valueAt(sentence, previous) >= 0)) return false;
  const rest = sentence
    .slice(at + value.length)
    .split(/[.;\n]/)[0]!
    .slice(0, 40);
  return !doubtIn(sentence, at, value.length) && !negatedBefore(rest, rest.length, 'clause');
}

/** The first report, written after `change` and by `today`, of harm in `env` that began after the
 * change and that names the change: the key at the value it set (not beside the value before), or the
 * change's own day. */
export function harmReported(
  key: string,
  env: string,
  value: string | null,
  previous: string | null,
  change: { commit: string; date: string },
  log: CommitLog | undefined,
  today?: string,
  tie: 'change' | 'value' = 'change',
): HarmReport | undefined {
  if (!log || value === null || value.trim() === '') return undefined;
  const day = change.date.slice(0, 10);
  const named = keyNamePattern(key);
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (Date.parse(written) <= Date.parse(change.date) || (today && written.slice(0, 10) > today)) continue;
    // Tested on its lower-case text first, which the read recorder does not count as looking into it: a
    // document that names no environment of the change is not read (a new runbook re-weighs nothing).
    if (!mentions(doc.lower, env)) continue;
    // No day before the change: a report of what happened before it is about what the change answered.
    const days = daysIn(doc.text, written);
    if (days.some((d) => d < day)) continue;
    const title = doc.text.split('\n').find((l) => /^\s*#/.test(l)) ?? '';
    const sentences = reportSentences(doc.text);
    // Failures in the environment dated after the change: "since 3 November every capture in prod fails".
    const harmAfter = sentences.find((s) => mentions(s, env) && failing(s) && daysIn(s, written).some((d) => d > day && d <= written.slice(0, 10)));
    const incident = markedIncident(`${doc.path}\n${title}\n${doc.written.subject}`, env, written);
    if (!harmAfter && !incident && !sentences.some((s) => mentions(s, env) && failing(s))) continue;
    const where = `${doc.path} (written in ${short(doc.written.sha)})`;
    // Under a value it need not blame it: failures there dated after the value was set, in a report that
    // names the key at that value ("the pool says maximumPoolSize=10"), say what broke under it.
    if (tie === 'value') {
      const under = harmAfter && sentences.find((s) => named?.test(s) && standsAt(s, value, previous));
      if (under) return { where, sha: doc.written.sha, quote: `${harmAfter.trim()} … ${under.trim()}`.replace(/\s+/g, ' ').slice(0, 200) };
      continue;
    }
    // Its cause names the key at the value the change set, in the cause's own clause (not beside the value
    // before, not cleared): "Cause: a clean-up removed X's override; their importer accepts only `;`" blames
    // the removal, not the value the fix put back.
    for (const sentence of sentences.flatMap((s) => s.split(/[;\n]/).filter((clause) => CAUSE.test(clause)))) {
      if (!CAUSE.test(sentence) || !named?.test(sentence) || !standsAt(sentence, value, previous)) continue;
      return { where, sha: doc.written.sha, quote: sentence.trim().replace(/\s+/g, ' ').slice(0, 160) };
    }
    // Or it dates the failures after the change and names the change's own day.
    const cited = harmAfter ? sentences.find((s) => daysIn(s, written).includes(day)) : undefined;
    if (harmAfter && cited) return { where, sha: doc.written.sha, quote: `${harmAfter.trim()} … ${cited.trim()}`.replace(/\s+/g, ' ').slice(0, 200) };
  }
  return undefined;
}
