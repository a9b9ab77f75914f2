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
import { pattern, regex } from './pattern.js';
import { logTexts } from './texts.js';

// A line that states a limit in English: a window, an end, a validity. (Other languages: their
// "until" words, read by foreignDeadline.)
const LIMIT = /(?<![\p{L}])(?:window|until|till|through|thru|expires?|expiry|valid|approved for|no longer than)(?![\p{L}])/iu;
// The record keeps what it allowed: no window to run out.
const KEPT = /(?<![\p{L}])(?:permanent(?:ly)?|by design|on purpose|(?:do not|don't|never|must not) (?:remove|delete|revoke))(?![\p{L}])/iu;
// An approval prolonged: "extended to 30 June", "verlängert", "prolongé", "prorrogado", "prolungato",
// "verlengd", "förlängd", "forlænget", "forlenget", "przedłużon…", "jatkettu".
const EXTENDED = regex(
  'iu',
  String.raw`(?<![\p{L}])(?:extend(?:ed|s|ing)?|extension|prolong\p{L}*|verlänger\p{L}*|prorrog\p{L}*|prolung\p{L}*|`,
  String.raw`verleng\p{L}*|förläng\p{L}*|forlæng\p{L}*|forleng\p{L}*|przedłuż\p{L}*|jatke\p{L}*|renew(?:ed|al)?)(?![\p{L}])`,
);

export interface WindowPassed {
  passage: Passage;
  /** The document's passage that gives the end. */
  end: string;
  until: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const fullName = pattern(`(?<![\\w-])${escape(name)}(?![\\w-])`, 'i');
  const temporary = (text: string, date: string) => !!readIntent({ subject: text, body: '', author: '', email: '', date }, env, environments).temporary;
  for (const doc of documentIndex(log)) {
    const written = doc.written.date;
    if (written.slice(0, 10) > today || !doc.lower.includes(lower) || !fullName.test(doc.text)) continue;
    const named = doc.passages.filter((p) => fullName.test(p.text));
    const title = doc.text.split('\n', 1)[0] ?? '';
    // A record whose title names the grant is about it as a whole, whatever its lines name.
    if ((named.length === 0 && !fullName.test(title)) || doc.passages.some((p) => saidMatch(KEPT, p.text))) continue;
    if (!temporary(title, written) && !temporary(doc.written.subject, written) && !named.some((p) => temporary(p.text, written))) continue;
    for (const p of doc.passages) {
      if (!fullName.test(p.text) && namesOtherKey(p.text, p.lower, key, log)) continue;
      const until = limitOf(p.text, written);
      if (!until || until >= today) continue;
      if (extendedSince(name, doc.tickets, written, today, log)) return undefined;
      const first = named[0] ?? { line: 1, text: title };
      const line = p.text.split('\n').find((l) => limitOf(l, written)) ?? p.text;
      return { passage: { file: doc.path, line: first.line, text: first.text.slice(0, 400), written: doc.written }, end: line.trim().slice(0, 200), until };
    }
  }
  return undefined;
}

/** A text written with the record or since, up to today, naming the grant or citing the record's
 * tickets, that extends it (or offers to: whether it was is for a person to say). */
export function extendedSince(name: string, tickets: ReadonlySet<string>, since: string, today: string, log: CommitLog): boolean {
  const fullName = pattern(`(?<![\\w-])${escape(name)}(?![\\w-])`, 'i');
  const about = (text: string, cited: Iterable<string>) => fullName.test(text) || [...cited].some((t) => tickets.has(t));
  const inTime = (date: string) => Date.parse(date) >= Date.parse(since) && date.slice(0, 10) <= today;
  for (const doc of documentIndex(log)) {
    if (!inTime(doc.written.date)) continue;
    if (doc.passages.some((p) => about(p.text, p.tickets) && saidMatch(EXTENDED, p.text))) return true;
  }
  for (const t of logTexts(log).all) if (inTime(t.note.date) && about(t.text, t.tickets) && saidMatch(EXTENDED, t.text)) return true;
  return false;
}
