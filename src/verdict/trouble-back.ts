// A fix's trouble reported back where the fix never arrived: a text written after the fix, citing its
// own incident or ticket, that reports failures and says the environment the fix did not reach still
// runs the key at the value the fix replaced ("Same signature as INC-1290. Production runs
// ledger.batchSize 500", "Gleiches Muster wie INC-1290: Prod läuft noch mit batchSize 500", "même
// signature qu'INC-1290 : la prod tourne toujours avec batchSize 500"). The record ties the harm to the
// old value there: the fix belongs in that environment, as its own text would have sent it. Not a
// text that holds that environment back, reports no failure ("no lock timeouts since"), blames the
// fix's own value, or cites none of the fix's records. Pure: reads the log it is given.
import type { EnvName } from '../model/types.js';
import { holdsBack } from './documented.js';
import { documentIndex, keyNamePattern, lastWordOf } from './documents.js';
import { mentions } from './envnames.js';
import { failing, reportSentences } from './harm-report.js';
import type { CommitLog } from './log.js';
import { short } from './words.js';
import { escapeRegExp } from './pattern.js';

export interface TroubleBack {
  where: string;
  sha: string;
  /** The sentence that names the environment at its old value, and the failure reported. */
  quote: string;
}

/** Where the value stands as prose writes it, not inside a longer number or word. */
const namesValue = (text: string, value: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}_.-])[\`"'“]?${escapeRegExp(value)}(?![\\p{L}\\p{N}_]|[.,-]\\p{N})`, 'iu').test(text);

/** The first text, written after `change` and by `today`, citing one of its tickets, that reports
 * failures and names `env` running `key` at `held` (the value the fix replaced). */
export function troubleBack(
  key: string,
  env: EnvName,
  held: string | null,
  fixed: string | null,
  change: { date: string; tickets: readonly string[] },
  log: CommitLog | undefined,
  today?: string,
): TroubleBack | undefined {
  if (!log || held === null || held.trim() === '' || change.tickets.length === 0) return undefined;
  const named = keyNamePattern(key);
  const word = lastWordOf(key);
  const namesKey = (s: string) => !!named?.test(s) || (!!word && new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test(s));
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (Date.parse(written) <= Date.parse(change.date) || (today && written.slice(0, 10) > today)) continue;
    // Its own record, cited: the trouble is the one the fix answered.
    if (!change.tickets.some((t) => doc.tickets.has(t)) || !mentions(doc.lower, env)) continue;
    const sentences = reportSentences(doc.text).map((s) => s.trim());
    const failure = sentences.find(failing);
    if (!failure || (fixed !== null && namesValue(failure, fixed) && !namesValue(failure, held))) continue;
    const runs = sentences.find((s) => mentions(s, env) && namesKey(s) && namesValue(s, held));
    if (!runs || holdsBack(doc.text, env)) continue;
    return {
      where: `${doc.path} (written in ${short(doc.written.sha)})`,
      sha: doc.written.sha,
      quote: `${runs} … ${failure === runs ? '' : failure}`.replace(/\s+/g, ' ').replace(/ … $/, '').slice(0, 200),
    };
  }
  return undefined;
}
