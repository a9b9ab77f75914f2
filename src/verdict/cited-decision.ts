// A change that names the decision it carries out by its number ("test: JSON logs (decision 1)", "per
// Entscheidung 3", "selon la décision n° 2", "(beslutning 1)") carries that decision's reasons and
// conditions, as whoever reads it opens the list of decisions: the item is the change's own text, as its
// pull request's description is. The list is the latest document written by the change's day (not more
// than half a year before it) whose title, or the heading above the list, names decisions in the same
// word ("decisions", "Entscheidungen", "beslutninger"), and the item is the one its list numbers so. A number alone ("1.")
// or a decision named without one cites nothing a reader could open.
import type { CommitLog } from './log.js';
import { documentIndex } from './documents.js';
import { regex } from './pattern.js';
import { readingOf } from './texts.js';

// The word for a decision, in the languages read, before its number ("no.", "nr.", "n°", "#" between).
const CITED = regex(
  'iu',
  String.raw`(?<![\p{L}])(decision|entscheidung|beschluss|décision|decisión|decisione|decisão|besluit|beslissing|beslutning|beslut|decyzj[ai]|päätös|decizi[ae]|decizie|rozhodnutí)`,
  String.raw`\s{1,3}(?:(?:no|nr|n[°º]|#)\.?\s{0,3})?(\d{1,3})(?![\p{L}\d]|[.,]\d)`,
);
// The numbered item: "1. …", "1) …", "- 1. …".
const ITEM = /^\s*(?:[-*+]\s+)?(\d{1,3})[.)]\s/;
const HALF_YEAR = 183 * 86_400_000;
const TWO_DAYS = 2 * 86_400_000;

/** Lower case without accents: "Décisions" and "decisions" are the same word on a path. */
const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The decision the text cites by its number: the word's stem (enough of it to hold its plural or its
 * article, "beslutning" → "beslutninger") and the number. */
function citation(text: string): { word: string; stem: string; number: string } | undefined {
  return readingOf(text).answer('cited-decision', '', () => {
    const m = CITED.exec(text);
    if (!m) return undefined;
    const word = folded(m[1]!);
    return { word: m[0].trim(), stem: word.slice(0, Math.max(5, word.length - 2)), number: m[2]! };
  });
}

export interface CitedDecision {
  /** The citation as the change wrote it ("beslutning 1"). */
  cited: string;
  file: string;
  line: number;
  /** The item's text. */
  text: string;
  sha: string;
}

/** The item of a list of decisions that the change's text (`subject\nbody`, written on `date`) cites by
 * its number, if the repository holds that list. */
export function citedDecision(text: string, date: string, log: CommitLog): CitedDecision | undefined {
  const cited = citation(text);
  if (!cited) return undefined;
  const at = Date.parse(date);
  let best: CitedDecision | undefined;
  let bestAt = -Infinity;
  for (const doc of documentIndex(log)) {
    const written = Date.parse(doc.written.date);
    if (!(written <= at + TWO_DAYS && written >= at - HALF_YEAR) || written <= bestAt) continue;
    // Its title names the decisions (`lower` is path and text: the title is its first line), or the
    // heading of the list the item is in does ("## Decisions" in meeting notes). A path alone does not:
    // docs/decisions/ holds records of one decision each, whose numbered lists are their options.
    const title = doc.lower.slice(doc.path.length).trimStart().split('\n')[0] ?? '';
    const titled = folded(title).includes(cited.stem);
    if (!titled && !doc.lower.includes('#')) continue;
    const item = doc.passages.find(
      (p) => ITEM.exec(p.text)?.[1] === cited.number && (titled || (p.heading !== undefined && folded(p.heading).includes(cited.stem))),
    );
    if (!item) continue;
    best = { cited: cited.word, file: doc.path, line: item.line, text: item.text, sha: doc.written.sha };
    bestAt = written;
  }
  return best;
}
