// A value an environment took is not that environment's choice once a later report says it did harm
// there: an incident note whose cause line names the key at the new value ("cause: the clean-up put
// visibilityTimeoutSeconds at 60"), or a ticket about failures in that environment that dates them to
// the change's deploy ("since 3 November, 8 days after the deploy of 26 October"). Whatever the change
// said of itself (a clean-up "with no behaviour change", a test meant for another environment), the
// environment goes back to the value the others still hold. A person settling the difference reads it
// so only where the report ties the harm to this change and the harm began after it: a report that
// names a day before the change is about what the change answered (the change was the fix), one with
// no failure or incident word is no report of harm, and a value named negated or asked about ("the
// 60 s were not the cause") accuses nothing. Pure: reads the log it is given.
import { dateIn } from './calendar.js';
import { negatedBefore } from './conditions.js';
import { documentIndex, keyNamePattern } from './documents.js';
import { mentions } from './envnames.js';
import { failureIn } from './failure-share.js';
import { doubtIn, readForeign } from './languages.js';
import type { CommitLog } from './log.js';
import { regex } from './pattern.js';
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

/** Does the text report harm: a failure (not negated), or its marks (path, title, commit) an incident? */
function reportsHarm(text: string, marks: string, env: string, written: string): boolean {
  return !!failureIn(text) || FAILS_UNSPACED.test(text) || INCIDENT.test(marks) || !!readForeign(marks, env, mentions, written).incident;
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
// the deploy of 26 October"), and dateIn gives the first of a text.
const CLAUSE = /[\n,;=()~–—]|(?<=[.!?])\s/u;

/** Every day a text names, each read as the one on or before the day it was written. */
function daysIn(text: string, written: string): string[] {
  return text.split(CLAUSE).flatMap((clause) => {
    const day = dateIn(clause, written, 'past');
    return day ? [day] : [];
  });
}

// A value as prose writes it: plain, quoted or as code, with a particle joined to it where a language
// does so ("60으로", "60秒"), never inside a longer number or word of Latin letters.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function valueAt(text: string, value: string): number {
  const m = new RegExp(`(?<![\\p{N}\\p{Script=Latin}_.-])[\`"'“]?${escape(value)}(?![\\p{N}\\p{Script=Latin}_]|[.,-]\\p{N})`, 'iu').exec(text);
  return m ? m.index : -1;
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
): HarmReport | undefined {
  if (!log || value === null || value.trim() === '') return undefined;
  const day = change.date.slice(0, 10);
  const named = keyNamePattern(key);
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (Date.parse(written) <= Date.parse(change.date) || (today && written.slice(0, 10) > today)) continue;
    const title = doc.text.split('\n').find((l) => /^\s*#/.test(l)) ?? '';
    if (!mentions(doc.text, env) || !reportsHarm(doc.text, `${doc.path}\n${title}\n${doc.written.subject}`, env, written)) continue;
    // The harm began after the change: no day before it; one after it (up to when it was written), or a
    // cause line naming the value.
    const days = daysIn(doc.text, written);
    if (days.some((d) => d < day)) continue;
    const after = days.some((d) => d > day && d <= written.slice(0, 10));
    const where = `${doc.path} (written in ${short(doc.written.sha)})`;
    for (const sentence of doc.text.split(/\n\s*(?=[-*|#\d])|(?<=[.!?])\s+/u)) {
      const at = valueAt(sentence, value);
      if (at < 0 || !named?.test(sentence) || !(after || CAUSE.test(sentence)) || (previous !== null && valueAt(sentence, previous) >= 0) || doubtIn(sentence, at, value.length)) continue;
      // A negation after it in its clause clears it too: "the retryLimit of 9 was not the cause".
      const rest = sentence.slice(at + value.length).split(/[.;\n]/)[0]!.slice(0, 40);
      if (negatedBefore(rest, rest.length, 'clause')) continue;
      return { where, sha: doc.written.sha, quote: sentence.trim().replace(/\s+/g, ' ').slice(0, 160) };
    }
    if (after && days.includes(day)) {
      const cited = doc.text.split('\n').find((l) => daysIn(l, written).includes(day)) ?? '';
      return { where, sha: doc.written.sha, quote: cited.trim().slice(0, 160) };
    }
  }
  return undefined;
}
