// A later record that keeps the waiting environment at the value it holds: "Decision: production's
// minimum stays at 5.4.0. Revisit in January", "Prod bleibt bei 5.4.0, Review im Januar", "la prod reste à
// 5.4.0", "producción se queda en 5.4.0". Written after the plan that was to send it the other value, it is
// the decision for now: the plan's date passing moves nothing, and the review it names, where it names
// one, is the day to ask again.
import type { EnvName, KeyPath } from '../model/types.js';
import type { CommitLog } from './log.js';
import { documentIndex } from './documents.js';
import { keepSaidIn } from './intent.js';
import { keyWords } from './held.js';
import { mentions } from './envnames.js';
import { sentenceEnds } from './sentence-end.js';
import { dateNamed } from './deadline.js';
import { regex, escapeRegExp } from './pattern.js';
import { isoDay, monthNamed, yearFor } from './calendar.js';

export interface KeptSince {
  quote: string;
  /** "docs/x.md:12 (written in abc1234)". */
  where: string;
  sha: string;
  /** The day the record sets to look at it again, where it gives one (YYYY-MM-DD). */
  review?: string;
}

// "revisit", "review", "reconsider", "wieder vorlegen", "erneut prüfen", "réexaminer", "revoir", "revisar",
// "rivedere", "heroverwegen", "reavaliar", "ompröva", "vurdere igjen", "ponownie", "uudelleen", "Review".
const REVIEW = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:revisit\p{L}*|review\p{L}*|reconsider\p{L}*|re-?evaluat\p{L}*|wieder vorlegen|erneut prüfen|überprüf\p{L}*|wiedervorlage|`,
  String.raw`réexamin\p{L}*|revoi[rt]|revoyons|revisar|revisión|rivedere|riesame|herzien|heroverwe\p{L}*|reavaliar|revisão|ompröva|omprøve|vurdere igjen|`,
  String.raw`ponownie|przegląd|uudelleen)(?![\p{L}])`,
);

const SENTENCES = sentenceEnds(/(?<=[.!?;])\s+|\n+/);

/** The latest passage of a document written after `after` (and not after `today`) that keeps `env` at
 * `value`, naming the value in the clause that keeps it; with the review day it sets, if any. */
export function keptSince(
  key: KeyPath,
  env: EnvName,
  value: string | null,
  environments: EnvName[],
  after: string,
  today: string | undefined,
  log: CommitLog | undefined,
): KeptSince | undefined {
  if (!log || value === null || value.trim().length < 2) return undefined;
  const named = new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(value.trim())}(?![\\p{L}\\p{N}]|\\.\\p{N})`, 'iu');
  const since = Date.parse(after);
  const leaf = (
    key
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? key
  ).toLowerCase();
  const words = keyWords(key);
  let found: { kept: KeptSince; at: number } | undefined;
  for (const doc of documentIndex(log)) {
    const at = Date.parse(doc.written.date);
    if (!(at > since) || (today && doc.written.date.slice(0, 10) > today) || (found && found.at >= at)) continue;
    // The record names the key (its leaf, or one of its words) as well as the value: "stays at 30" alone may be any key's.
    if (!named.test(doc.text) || !(doc.lower.includes(leaf) || words.some((w) => doc.lower.includes(w)))) continue;
    for (const p of doc.passages) {
      if (!named.test(p.text)) continue;
      const text = p.text.replace(/\*\*|__/g, '');
      // The sentence that names the environment, and no other, with its value and a keep said of it (not
      // asked: "Does production stay at 5.4.0?", nor negated).
      const clause = text
        .split(SENTENCES)
        .map((x) => x.trim())
        .find(
          (x) => named.test(x) && mentions(x, env) && !environments.some((e) => e !== env && mentions(x, e)) && !/[?？]\s*$/u.test(x) && !!keepSaidIn(x, text),
        );
      if (!clause) continue;
      const rest = text.slice(text.indexOf(clause) + clause.length);
      const review = REVIEW.exec(rest);
      const day = review ? reviewDay(rest.slice(review.index + review[0].length), doc.written.date) : undefined;
      found = {
        at,
        kept: {
          quote: clause,
          where: `${doc.path}:${p.line} (written in ${doc.written.sha.slice(0, 7)})`,
          sha: doc.written.sha,
          ...(day ? { review: day } : {}),
        },
      };
      break;
    }
  }
  return found?.kept;
}

/** The day a review is set for, in the words after its verb: a date as the deadline reader reads one
 * ("on 15 January", "Q1"), or a month named in any language read ("im Januar", "en janvier", "a gennaio"):
 * that month's last day, the next one after the record was written. */
function reviewDay(after: string, written: string): string | undefined {
  const words = after
    .split(/[\s,.;:()]+/)
    .filter(Boolean)
    .slice(0, 5);
  const direct = dateNamed(words.join(' ').replace(/^(?:in|on|at|im|am|en|el|le|il|op|i|w|em|a) /i, ''), written);
  if (direct) return direct;
  for (const w of words) {
    const m = monthNamed(w.toLowerCase());
    if (!m) continue;
    const y = yearFor(written, m, 28);
    return isoDay(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
  }
  return undefined;
}
