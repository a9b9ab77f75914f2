// A change record that allows a grant (or a hand-made object) for a window governs it as a whole:
// its title calls it temporary ("temporary secrets read for ci-deployer"), one line names the grant,
// another gives the window ("Window: 2027-05-10 to 2027-05-31", "gültig bis 31.05.2027"). Past that
// end the approval has run out: what it allowed goes, unless a later text extended it — then the
// grant holds until a person says otherwise, and the rule stays silent.
import type { EnvName } from '../model/types.js';
import { documentIndex, namesOtherKey, type Passage } from './documents.js';
import { readDeadline } from './deadline.js';
import { readIntent } from './intent.js';
import { foreignDeadline, saidMatch } from './languages.js';
import type { CommitLog } from './log.js';
import { pattern, escapeRegExp } from './pattern.js';
import { logTexts } from './texts.js';
import { EXTENDED, extendedRowEnd, rowEnd } from './register-end.js';
import { movedPast } from './answered.js';

// A line that states a limit in English: a window, an end, a validity. (Other languages: their
// "until" words, read by foreignDeadline.)
const LIMIT = /(?<![\p{L}])(?:window|until|till|through|thru|expires?|expiry|valid|approved for|no longer than)(?![\p{L}])/iu;
// The record keeps what it allowed: no window to run out.
const KEPT = /(?<![\p{L}])(?:permanent(?:ly)?|by design|on purpose|(?:do not|don't|never|must not) (?:remove|delete|revoke))(?![\p{L}])/iu;
export interface WindowPassed {
  passage: Passage;
  /** The document's passage that gives the end. */
  end: string;
  until: string;
  /** The end is an extension's, which has passed as well. */
  extended?: boolean;
}

/** The end a passage states as a limit, in English or a language read. */
function limitOf(text: string, written: string): string | undefined {
  return (LIMIT.test(text) ? readDeadline(text, written).date : undefined) ?? foreignDeadline(text, written);
}

/** A document written by `today` that names the grant or object `name` in full, calls it temporary
 * (its title, or the passage naming it), and gives a window whose end has passed by `today` — with no
 * text since that end extending it. `key`: the divergence's, so a window line naming another key of
 * the scan is that key's. */
export function windowPassed(
  key: string,
  name: string,
  env: EnvName,
  environments: EnvName[],
  log: CommitLog | undefined,
  today: string | undefined,
): WindowPassed | undefined {
  if (!log || !today || name.length < 4) return undefined;
  const lower = name.toLowerCase();
  const fullName = pattern(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const temporary = (text: string, date: string) => !!readIntent({ subject: text, body: '', author: '', email: '', date }, env, environments).temporary;
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (written.slice(0, 10) > today || !doc.lower.includes(lower) || !fullName.test(doc.text)) continue;
    const named = doc.passages.filter((p) => fullName.test(p.text));
    const title = doc.text.split('\n', 1)[0] ?? '';
    // A record whose title names the grant is about it as a whole, whatever its lines name.
    if ((named.length === 0 && !fullName.test(title)) || doc.passages.some((p) => saidMatch(KEPT, p.text))) continue;
    // A register's row naming the grant with a day in its end column is a window of its own ("| termpay-eng | edit |
    // … | until: 2028-09-30 |"): the column says the access ends, whatever words the rest of the register uses. Only
    // that row is read then, not another grant's.
    const ownRows = named.filter((p) => p.row !== undefined && rowEnd(p.row, written) !== undefined);
    const temporaryDoc = temporary(title, written) || temporary(doc.written.subject, written) || named.some((p) => temporary(p.text, written));
    if (!temporaryDoc && ownRows.length === 0) continue;
    for (const p of temporaryDoc ? doc.passages : ownRows) {
      if (!fullName.test(p.text) && namesOtherKey(p.text, p.lower, key, log)) continue;
      // A register's row gives its end in its own column ("| 2027-06-01 | granted | 2027-07-31 |").
      const until = limitOf(p.text, written) ?? (p.row ? rowEnd(p.row, written) : undefined);
      if (!until || until >= today) continue;
      const extended = extensionSince(name, doc.tickets, written, today, log);
      if (extended === 'open') return undefined;
      const first = named[0] ?? { line: 1, text: title };
      if (extended)
        return {
          passage: { file: doc.path, line: first.line, text: first.text.slice(0, 400), written: doc.written },
          end: extended.text,
          until: extended.until,
          extended: true,
        };
      const line = p.text.split('\n').find((l) => limitOf(l, written)) ?? p.text;
      return { passage: { file: doc.path, line: first.line, text: first.text.slice(0, 400), written: doc.written }, end: line.trim().slice(0, 200), until };
    }
  }
  return undefined;
}

/** A text written with the record or since, up to today, naming the grant or citing the record's
 * tickets, that extends it (or offers to: whether it was is for a person to say). */
export function extendedSince(name: string, tickets: ReadonlySet<string>, since: string, today: string, log: CommitLog): boolean {
  return extensionSince(name, tickets, since, today, log) === 'open';
}

/** An extension's new end, where its text dates one: the day it moves the end to ("extended to 30
 * June", "verlängert bis 30.09.", a register's row "extended | 2027-10-15"), or the limit it states. */
function extensionEnd(text: string, row: string | undefined, written: string): string | undefined {
  return (row ? extendedRowEnd(row, written) : undefined) ?? movedPast(text, written, '0000-00-00') ?? limitOf(text, written);
}

/** The extensions written with the record or since, up to today, naming the grant or citing the
 * record's tickets: 'open' when one gives no end read here, or one still ahead — the grant holds until
 * a person says otherwise; the latest end when every one dated its end and the latest has passed too —
 * an extension runs out as the first window did; undefined when nothing extends it. */
export function extensionSince(
  name: string,
  tickets: ReadonlySet<string>,
  since: string,
  today: string,
  log: CommitLog,
): 'open' | { until: string; text: string } | undefined {
  const fullName = pattern(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`, 'i');
  const about = (text: string, cited: Iterable<string>) => fullName.test(text) || [...cited].some((t) => tickets.has(t));
  const inTime = (date: string) => Date.parse(date) >= Date.parse(since) && date.slice(0, 10) <= today;
  let latest: { until: string; text: string } | undefined;
  const weigh = (text: string, row: string | undefined, written: string): boolean => {
    const end = extensionEnd(text, row, written);
    if (!end || end >= today) return true;
    if (!latest || end > latest.until) latest = { until: end, text: (row ?? text).trim().slice(0, 200) };
    return false;
  };
  // The last day a record dating its extensions was written: a commit message extending it without a
  // day, written by then ("ACC-52 extended"), is one of the record's rows, and the row gives the day.
  let recorded: string | undefined;
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written.date)) continue;
    // The record's own passages are about it: a register's rows name neither the grant nor the ticket.
    const own = doc.passages.some((p) => about(p.text, p.tickets)) || [...doc.tickets].some((t) => tickets.has(t));
    for (const p of doc.passages) {
      if (!(own || about(p.text, p.tickets)) || !saidMatch(EXTENDED, p.row ?? p.text)) continue;
      if (weigh(p.text, p.row, doc.written.date)) return 'open';
      if (!recorded || doc.written.date > recorded) recorded = doc.written.date;
    }
  }
  for (const t of logTexts(log).all) {
    if (!inTime(t.note.date) || !about(t.text, t.tickets) || !saidMatch(EXTENDED, t.text)) continue;
    if (recorded && Date.parse(t.note.date) <= Date.parse(recorded) && !extensionEnd(t.text, undefined, t.note.date)) continue;
    if (weigh(t.text, undefined, t.note.date)) return 'open';
  }
  return latest;
}
